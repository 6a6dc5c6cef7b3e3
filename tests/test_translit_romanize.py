"""Romanization as a user checks it: known forms in each scheme, the rules, the flags."""

from __future__ import annotations

import pytest

from bibkit.errors import BibkitError, InputError, UsageError
from bibkit.text.translit import SCHEMES, romanize, romanize_words


@pytest.mark.parametrize(("scheme", "expected"), [
    ("ijmes", "ʿAbd al-Karīm Qāsim"),
    ("ala-lc", "ʻAbd al-Karīm Qāsim"),
    ("din", "ʿAbd al-Karīm Qāsim"),
    ("simple", "Abd al-Karim Qasim"),
])
def test_one_name_in_four_schemes(scheme: str, expected: str) -> None:
    assert romanize("عبد الكريم قاسم", scheme=scheme, lang="ar") == expected


def test_persian_title_gets_ezafe_in_each_scheme() -> None:
    title = "روابط سیاسی ایران و عراق"
    assert romanize(title, "ijmes", "fa") == "Ravābiṭ-i siyāsī-yi Īrān va ʿIrāq"
    assert romanize(title, "ala-lc", "fa") == "Ravābiṭ-i siyāsī-i Īrān va ʻIrāq"
    assert romanize(title, "simple", "fa") == "Ravabet-e seyasi-ye Iran va Eraq"


def test_article_is_assimilated_only_in_din() -> None:
    assert romanize("تاريخ الرسل والملوك", "ijmes", "ar") == "Tārīkh al-rusul wa-l-mulūk"
    assert romanize("تاريخ الرسل والملوك", "ala-lc", "ar") == "Tārīkh al-rusul wa-al-mulūk"
    assert romanize("تاريخ الرسل والملوك", "din", "ar") == "Tārīḫ ar-rusul wa-l-mulūk"


def test_ta_marbuta_nisba_and_construct() -> None:
    assert romanize("الجمهورية العربية", "ijmes", "ar") == "al-Jumhūriyya al-ʿarabiyya"
    assert romanize("الجمهورية العربية", "ala-lc", "ar") == "al-Jumhūrīyah al-ʻarabīyah"
    assert romanize("الجمهورية العربية", "din", "ar") == "al-Ǧumhūrīya al-ʿarabīya"
    assert romanize("جامعة بغداد", "ijmes", "ar") == "Jāmiʿat Baghdād"


def test_persian_letters_take_persian_values() -> None:
    assert romanize("رضا", "ijmes", "fa") == "Riżā"
    assert romanize("رضا", "ijmes", "ar") == "Riḍā"
    assert romanize("خواهر", "ala-lc", "fa", capitalize=False) == "khvāhar"
    assert romanize("خواهر", "ijmes", "fa", capitalize=False) == "khwāhar"


def test_alif_maqsura_differs_from_yeh() -> None:
    assert romanize("مصطفى", "ala-lc", "ar") == "Muṣṭafá"
    assert romanize("على", "ijmes", "ar", capitalize=False) == "ʿalā"
    assert romanize("علي", "ijmes", "ar") == "ʿAlī"


def test_no_diacritics_keeps_ayn_and_hamza() -> None:
    assert romanize("عبد الكريم قاسم", "ijmes", "ar", diacritics=False) == "ʿAbd al-Karim Qasim"
    assert romanize("مسألة", "ijmes", "ar", diacritics=False, capitalize=False) == "masʾala"


def test_affixes_on_lexicon_stems() -> None:
    assert romanize("پژوهش‌های ادبی", "ijmes", "fa") == "Pazhūhish-hā-yi adabī"
    assert romanize("تاریخ بیداری ایرانیان", "ijmes", "fa") == "Tārīkh-i bīdārī-yi Īrāniyān"
    assert romanize("والسياسة", "ijmes", "ar", capitalize=False) == "wa-l-siyāsa"


def test_joined_names_are_split() -> None:
    assert romanize("عبدالحسین", "ijmes", "fa") == "ʿAbd al-Ḥusayn"
    assert romanize("محمدعلی", "ijmes", "fa") == "Muḥammad ʿAlī"


def test_unknown_words_are_flagged_and_known_ones_not() -> None:
    words = romanize_words("کتاب زرنگار", "ijmes", "fa")
    assert [w.by_rule for w in words] == [False, True]
    assert words[0].source == "کتاب"
    assert romanize("زرنگار", "ijmes", "fa", mark="*").endswith("*")


def test_harakat_supply_vowels_for_unknown_words() -> None:
    assert romanize("كَتَبَ", "ijmes", "ar", capitalize=False) == "kataba"


def test_latin_digits_and_punctuation_pass_through() -> None:
    assert romanize("Iran and Iraq", "ijmes") == "Iran and Iraq"
    assert romanize("ثورة ١٤ تموز ١٩٥٨", "ijmes", "ar") == "Thawrat 14 Tammūz 1958"
    assert romanize("قاسم، بغداد", "ijmes", "ar") == "Qāsim, Baghdād"


def test_language_is_guessed_when_not_given() -> None:
    assert romanize("روابط سیاسی") == "Ravābiṭ-i siyāsī"


def test_citekey_form_is_plain_ascii() -> None:
    assert romanize("غلامحسین", scheme="simple", diacritics=False).isascii()


def test_override_file_wins_over_lexicon(tmp_path, monkeypatch) -> None:
    table = tmp_path / "over.tsv"
    table.write_text("# mine\nقاسم\tKassem\nامیر کبیر\tAmir Kabir\n", encoding="utf-8")
    assert romanize("عبد الكريم قاسم", "ijmes", "ar", overrides=table) == "ʿAbd al-Karīm Kassem"
    assert romanize("امیر کبیر", "ijmes", "fa", overrides=table) == "Amir Kabir"
    monkeypatch.setenv("BIBKIT_TRANSLIT_OVERRIDES", str(table))
    assert romanize("قاسم", "ijmes", "ar") == "Kassem"


def test_bad_override_file_names_its_line(tmp_path) -> None:
    table = tmp_path / "bad.tsv"
    table.write_text("قاسم\tKassem\nonly-one-column\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        romanize("قاسم", overrides=table)
    assert str(err.value).endswith("bad.tsv:2: expected two tab-separated columns: script form, romanization")
    table.write_bytes("café\tx\n".encode("latin-1"))  # not UTF-8: one line naming the file, no traceback
    with pytest.raises(BibkitError) as err:
        romanize("قاسم", overrides=table)
    assert str(err.value).endswith("bad.tsv: not UTF-8 text (byte 3)")


def test_unknown_scheme_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        romanize("قاسم", scheme="buckwalter")
    assert SCHEMES == ("ijmes", "ala-lc", "din", "simple")


@pytest.mark.parametrize(("word", "expected"), [
    ("استحضار", "istiḥḍār"),      # istiCCāC
    ("تخريب", "takhrīb"),          # taCCīC
    ("مكسور", "maksūr"),           # maCCūC
    ("مقابلة", "muqābala"),        # muCāCaCa
    ("والاستحضار", "wa-l-istiḥḍār"),  # proclitic and article before a pattern
])
def test_unknown_arabic_words_are_read_by_measure_pattern(word: str, expected: str) -> None:
    [found] = romanize_words(word, "ijmes", "ar", capitalize=False)
    assert (found.latin, found.by_rule) == (expected, True)


def test_persian_endings_on_lexicon_stems_and_written_apart() -> None:
    assert romanize("کتابداری", "ijmes", "fa", capitalize=False) == "kitābdārī"
    assert romanize("نمایندگی", "ijmes", "fa", capitalize=False) == "namāyandagī"
    assert romanize("شهرستان‌ها", "ijmes", "fa", capitalize=False) == "shahristān-hā"
    assert romanize("گلدان‌ها", "ijmes", "fa", capitalize=False).endswith("-hā")  # unknown stem


def test_geminate_w_is_not_a_diphthong() -> None:
    assert romanize("تحولات", "ijmes", "fa") == "Taḥavvulāt"
    assert romanize("تحولات", "ijmes", "ar") == "Taḥawwulāt"


def test_names_written_as_one_word_or_after_ibn() -> None:
    assert romanize("کریم‌خان زند", "ijmes", "fa") == "Karīm Khān Zand"
    assert romanize("مالك بن نبي", "ijmes", "ar") == "Mālik ibn Nabī"
    assert romanize("عطار نیشابوری", "ijmes", "fa") == "ʿAṭṭār Nīshābūrī"


def test_no_construct_before_a_nisba_in_a_name() -> None:
    assert romanize("رفاعة الطهطاوي", "ijmes", "ar") == "Rifāʿa al-Ṭahṭāwī"
    assert romanize("جامعة بغداد", "ijmes", "ar") == "Jāmiʿat Baghdād"


def test_titles_and_adjectives_around_persian_names() -> None:
    assert romanize("آثار میرزا ملکم خان", "ijmes", "fa") == "Āsār-i Mīrzā Malkum Khān"
    assert romanize("بزرگ علوی", "ijmes", "fa") == "Buzurg ʿAlavī"
    assert romanize("تاریخ سیاسی ایران", "ijmes", "fa") == "Tārīkh-i siyāsī-yi Īrān"


def test_a_name_before_ibn_or_another_name_is_not_in_construct() -> None:
    assert romanize("عنترة بن شداد", "ijmes", "ar") == "ʿAntara ibn Shaddād"
    assert romanize("سلامة موسى", "ijmes", "ar") == "Salāma Mūsā"
    assert romanize("هبة الله", "ijmes", "ar") == "Hibat Allāh"


def test_a_laqab_joined_by_zwnj_keeps_its_article_apart() -> None:
    assert romanize("جلال‌الدین همایی", "ijmes", "fa") == "Jalāl al-Dīn Humāʾī"


def test_arabic_possessive_suffix_on_a_known_noun() -> None:
    assert romanize("أولاد حارتنا", "ijmes", "ar") == "Awlād ḥāratinā"
    assert romanize("رحلتي", "ijmes", "ar", capitalize=False) == "riḥlatī"


def test_rules_for_unknown_names() -> None:
    (word,) = romanize_words("دباس", "ijmes", "ar")
    assert word.by_rule and word.latin == "Dabbās"
    assert romanize("ديار بكر", "ijmes", "ar") == "Diyār Bakr"  # but CiyāC with a weak middle  # faʿʿāl, the common shape of such names
    (word,) = romanize_words("دلارایی", "ijmes", "fa")
    assert word.by_rule and word.latin.endswith("āʾī")  # Persian -āʾī, not -āyī


def test_arabic_dual_on_a_short_noun_and_plural_on_a_participle() -> None:
    assert romanize("القصرين", "ijmes", "ar") == "al-Qaṣrayn"
    assert romanize("المفكرين", "ijmes", "ar", capitalize=False) == "al-mufakkirīn"


def test_a_noun_that_is_also_a_name_is_read_as_the_name_after_a_name() -> None:
    assert romanize("علی‌اصغر حکمت", "ijmes", "fa") == "ʿAlī Aṣghar Ḥikmat"
    assert romanize("ابراهیم گلستان", "ijmes", "fa") == "Ibrāhīm Gulistān"
    assert romanize("کتاب گلستان", "ijmes", "fa", capitalize=False) == "kitāb-i gulistān"


def test_romanized_forms_in_a_work_of_another_language_are_read_and_tagged_alike():
    """An English book published by دار المعارف: the publisher is read as Arabic (its own
    cues) and its form is tagged `ar-Latn`, not read as Arabic and tagged Persian."""
    from bibkit.model import Reference
    from bibkit.text.translit.forms import add_romanized_forms

    ref = Reference.from_csl({"id": "x", "type": "book", "title": "The Arab world", "language": "en",
                              "publisher": "دار المعارف"})
    add_romanized_forms(ref)
    assert ref.forms["publisher"] == {"ar-Latn-x-ijmes": "Dār al-Maʿārif"}


def test_the_work_language_tag_is_read_whatever_its_case() -> None:
    """BCP 47 tags are case-insensitive: a work tagged FA reads its Arabic-script values as
    Persian, as `fa` does (was read by script cues: ar-Latn for دار المعارف)."""
    from bibkit.model import Reference
    from bibkit.text.translit.forms import add_romanized_forms

    ref = Reference.from_csl({"id": "x", "type": "book", "title": "الكتاب", "language": "FA",
                              "publisher": "دار المعارف"})
    add_romanized_forms(ref)
    assert list(ref.forms["publisher"]) == ["fa-Latn-x-ijmes"]


def test_a_word_read_again_as_a_name_keeps_what_its_script_told() -> None:
    """After a name, a common noun is read as the name (Ḥikmat): its written ezafe and its
    ordinal place come from its script and stay."""
    from bibkit.text.translit.analyze import Analysis
    from bibkit.text.translit.romanizer import _as_name

    common = Analysis(("ḥ", "i", "k", "m", "a", "t"), "n", ezafe="written_hamza", ordinal="after")
    name = _as_name("حکمت", common, "fa")
    assert (name.pos, name.ezafe, name.ordinal) == ("name", "written_hamza", "after")


@pytest.mark.parametrize(("module", "loader", "file"), [
    ("bibkit.text.translit.analyze", "_verb_stems", "verbs.tsv"),
    ("bibkit.text.translit.romanizer", "_name_words", "name_words.tsv"),
])
def test_a_data_row_with_a_wrong_number_of_columns_names_its_file_and_line(monkeypatch, module: str,
                                                                            loader: str, file: str) -> None:
    import importlib

    from bibkit import datafiles

    mod = importlib.import_module(module)
    load = getattr(mod, loader)
    monkeypatch.setattr(mod, "package_rows", lambda package, path, *columns: datafiles.rows(
        "# a comment\nا\tب\tپ\n", path, *columns))
    load.cache_clear()
    try:
        with pytest.raises(InputError) as err:
            load()
    finally:
        load.cache_clear()  # the next caller reads the package's file again
    assert err.value.where == f"data/{file}:2"
    assert "expected" in err.value.message and "columns" in err.value.message


def test_a_citekey_drops_the_arabic_article_not_a_name_that_starts_like_it() -> None:
    from bibkit.formats.citekey import base_key
    from bibkit.model import Name, Reference

    def key(family: str) -> str:
        return base_key(Reference(names={"author": [Name(family=family)]}))

    assert key("الوردي") == "wardi" and key("الطبري") == "tabari"
    assert key("علوی") == "alavi" and key("الهی") == "elahi" and key("علیزاده") == "alizadeh"
    assert key("al-Wardi") == "wardi" and key("Al-Bamerani") == "bamerani"  # one key in either script


def test_a_lone_tatweel_or_joiner_is_no_word():
    from bibkit.parse import parse_references
    from bibkit.text.translit.romanizer import romanize

    assert romanize("حياة محمد ـ", lang="ar").strip() == "Ḥayāt Muḥammad"
    assert romanize("\u200c") == ""
    assert romanize("تاریخچه ٔ ایران", lang="fa") == "Tārīkhcha-yi Īrān"  # an ezafe mark typed after a space
    assert list(parse_references(["حياة محمد ـ"]))  # parsed (kept verbatim), not a crash
