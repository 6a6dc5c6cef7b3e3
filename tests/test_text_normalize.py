"""Normalization keeps what was written and folds what only differs in form."""

from bibkit.text.normalize import fold, normalize


def test_persian_uses_persian_letters_keeps_digits_and_zwnj():
    out = normalize("كتاب های تاريخ ایران، ۱۳۸۵ ص ۱۲-۱۵", "fa")
    assert out == "کتاب\u200cهای تاریخ ایران، ۱۳۸۵ ص ۱۲-۱۵"


def test_persian_keeps_typed_diacritics():
    assert normalize("مُحَمَّد", "fa") == "مُحَمَّد"


def test_arabic_title_keeps_arabic_letters():
    assert normalize("الكتاب العربي", "ar") == "الكتاب العربي"
    assert normalize("كتاب جدید", "ar") == "كتاب جديد"  # medial Farsi yeh becomes Arabic yeh


def test_presentation_forms_folded():
    assert normalize("ﻛﺘﺎﺏ", "ar") == "كتاب"
    assert normalize("ﻛﺘﺎﺏ", "fa") == "کتاب"


def test_latin_whitespace_and_nfc():
    assert normalize("  Qa\u0304sim   Ali ", "en") == "Qāsim Ali"


def test_fold_meets_variant_spellings():
    assert fold("ʿAbd al-Karīm Qāsim") == fold("Abd al Karim QASIM") == "abd al karim qasim"
    assert fold("علي") == fold("علی") == fold("ﻋﻠﻲ")
    assert fold("۱۳۸۵") == fold("١٣٨٥") == "1385"
    assert fold("نامه‌ها") == "نامهها"
    assert fold("أحمد") == fold("احمد")
