"""Persian and Arabic sort by their alphabets, not by code points."""

from bibkit.text.collation import sort_key, strip_article


def test_persian_letters_sort_after_their_arabic_neighbours():
    words = ["گل", "ژاله", "چای", "پدر", "کتاب", "زمین", "جنگ", "بابا"]
    assert sorted(words, key=sort_key) == ["بابا", "پدر", "جنگ", "چای", "زمین", "ژاله", "کتاب", "گل"]


def test_arabic_and_persian_letter_variants_sort_together():
    assert sort_key("علي", lang="fa")[0] == sort_key("علی", lang="fa")[0]


def test_persian_vav_before_heh_arabic_heh_before_waw():
    assert sorted(["هشام", "وحید"], key=lambda w: sort_key(w, lang="fa")) == ["وحید", "هشام"]
    assert sorted(["وليد", "هشام"], key=lambda w: sort_key(w, lang="ar")) == ["هشام", "وليد"]


def test_latin_ignores_diacritics_ayn_and_article():
    names = ["Zayd", "al-Ghazali", "ʿAli", "Ṭabarī", "Tabriz"]
    assert sorted(names, key=sort_key) == ["ʿAli", "al-Ghazali", "Ṭabarī", "Tabriz", "Zayd"]
    assert sorted(names, key=lambda n: sort_key(n, ignore_article=False))[0] == "al-Ghazali"


def test_strip_article():
    assert strip_article("al-Tabari") == "Tabari"
    assert strip_article("الكتاب العربي", "ar") == "كتاب العربي"
    assert strip_article("الفبای فارسی", "fa") == "الفبای فارسی"
