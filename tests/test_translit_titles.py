"""Romanization of real Persian and Arabic titles and names as a user checks them: the rules
for ezafe, affixes, verbs, Arabic phrases and capitalization (IJMES unless said otherwise)."""

from __future__ import annotations

import pytest

from bibkit.text.translit import romanize, romanize_words


def fa(text: str, scheme: str = "ijmes", **kw) -> str:
    return romanize(text, scheme, "fa", **kw)


def ar(text: str, scheme: str = "ijmes", **kw) -> str:
    return romanize(text, scheme, "ar", **kw)


@pytest.mark.parametrize(("typed_apart", "expected"), [
    ("مبانی جامعه شناسی", "Mabānī-yi jāmiʿashināsī"),             # compound typed with a space
    ("جامعه شناسی سیاسی ایران", "Jāmiʿashināsī-yi siyāsī-yi Īrān"),
    ("نظریه های انقلاب", "Naẓariyya-hā-yi inqilāb"),                # plural typed with a space
    ("مقدمه ای بر جامعه‌شناسی ایران", "Muqaddima-ʾī bar jāmiʿashināsī-yi Īrān"),  # indefinite
    ("آیا ایران می تواند", "Āyā Īrān mī-tavānad"),                  # mī- typed with a space
])
def test_persian_affixes_typed_after_a_space_are_joined(typed_apart: str, expected: str) -> None:
    assert fa(typed_apart) == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("مي شود", "Mī-shavad"),                                    # ي and ك of an Arabic keyboard
    ("نمي دانم", "Namī-dānam"),
    ("نظريه هاي سياسي", "Naẓariyya-hā-yi siyāsī"),
    ("مقدمه اي بر", "Muqaddima-ʾī bar"),
    ("جامعه شناسي سياسي", "Jāmiʿashināsī-yi siyāsī"),
    ("كتاب خانه", "Kitābkhāna"),
    ("مى شود", "Mī-shavad"),                                    # alif maqsura for final yeh
])
def test_affixes_typed_apart_are_joined_whatever_the_keyboard(typed: str, expected: str) -> None:
    assert fa(typed) == expected


def test_joining_affixes_typed_apart_keeps_the_letters_as_typed() -> None:
    from bibkit.text.translit.analyze import join_detached

    assert join_detached("نظريه هاي سياسي") == "نظريه\u200cهاي سياسي"
    assert join_detached("مي شود") == "مي\u200cشود"


def test_two_words_that_happen_to_make_a_word_stay_apart() -> None:
    assert fa("ما در ایران") == "Mā dar Īrān"  # not mādar (mother)


def test_plural_ha_written_joined_is_hyphenated_in_ijmes_only() -> None:
    assert fa("کتابها", capitalize=False) == "kitāb-hā"
    assert fa("کتابها", "ala-lc", capitalize=False) == "kitābhā"
    assert fa("کتاب‌ها", "ala-lc", capitalize=False) == "kitābʹhā"
    assert fa("بهترین داستانهای کوتاه") == "Bihtarīn dāstān-hā-yi kūtāh"
    assert fa("فقها", capitalize=False) == "fuqahā"  # a broken plural, not فقه + ها
    assert fa("تنها", capitalize=False) == "tanhā"   # a word of its own


def test_persian_verbs_in_titles() -> None:
    assert fa("ما چگونه ما شدیم") == "Mā chigūna mā shudīm"
    assert fa("چراغ‌ها را من خاموش می‌کنم") == "Chirāgh-hā rā man khāmūsh mī-kunam"
    assert fa("چرا ایران عقب ماند") == "Chirā Īrān ʿaqab mānd"
    assert fa("نمی‌دانم", capitalize=False) == "namī-dānam"
    assert fa("کرده‌اند", capitalize=False) == "karda-and"
    assert fa("می‌شود", "ala-lc", capitalize=False) == "mī-shavad"


@pytest.mark.parametrize(("verb", "expected"), [
    ("می‌کردند", "Mī-kardand"),     # past stem and -and after mī-: not a participle
    ("می‌کردم", "Mī-kardam"),
    ("می‌شدند", "Mī-shudand"),
    ("نمی‌کردند", "Namī-kardand"),
    ("می شدند", "Mī-shudand"),      # mī- typed after a space
    ("می‌کردیم", "Mī-kardīm"),
    ("می‌کرده", "Mī-karda"),        # the continuous perfect: mī- with a participle, written apart
    ("نمی‌رفته", "Namī-rafta"),
    ("می‌کرده‌اند", "Mī-karda-and"),  # not مي Mayy + karda-and
])
def test_past_tense_after_mi_with_endings_in_a(verb: str, expected: str) -> None:
    assert fa(verb) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("ایران باستان", "Īrān-i bāstān"),                                  # a place before an adjective
    ("اندیشه‌های سیاسی در اسلام معاصر", "Andīsha-hā-yi siyāsī dar Islām-i muʿāṣir"),
    ("داستان یک شهر", "Dāstān-i yak shahr"),                            # before a number
    ("دو قرن سکوت", "Dū qarn sukūt"),                                   # a counted noun
    ("ابن خلدون و علوم اجتماعی", "Ibn Khaldūn va ʿulūm-i ijtimāʿī"),     # not Ibn-i Khaldūn
    ("تاریخ ادبیات ایران پیش از اسلام", "Tārīkh-i adabiyyāt-i Īrān pīsh az Islām"),
    ("ملی شدن صنعت نفت ایران", "Millī shudan-i ṣanʿat-i naft-i Īrān"),  # an infinitive as a noun
    ("مهمترین مسائل ایران", "Muhimmtarīn masāʾil-i Īrān"),              # a superlative comes first
    ("زندگانی شاه عباس اول", "Zindagānī-yi Shāh ʿAbbās-i avval"),       # a name and its ordinal
    ("روزنامه خاطرات اعتمادالسلطنه", "Rūznāma-yi khāṭirāt-i Iʿtimād al-Salṭana"),
    ("جایگاه زن در شاهنامه فردوسی", "Jāygāh-i zan dar Shāhnāma-yi Firdawsī"),
])
def test_persian_ezafe(title: str, expected: str) -> None:
    assert fa(title) == expected


def test_ha_is_the_persian_plural_and_the_arabic_pronoun() -> None:
    assert ar("تاريخها") == "Tārīkhihā"        # its history, not Tārīkh-hā
    assert fa("تاریخها") == "Tārīkh-hā"        # histories
    assert fa("داستانهای کوتاه") == "Dāstān-hā-yi kūtāh"


def test_persian_ay_is_not_the_arabic_noun_ay() -> None:
    """ای (vocative, O ...) read as Persian is ay, and takes no ezafe; the Arabic row آي āy
    (folded to the same key) is for Arabic text only."""
    assert romanize("ای ایران") == "Ay Īrān"
    assert fa("ای ایران") == "Ay Īrān"
    assert fa("ای ایران", "simple") == "Ey Iran"
    assert fa("مقدمه ای بر") == "Muqaddima-ʾī bar"   # the indefinite typed apart is still joined


def test_arabic_construct_inside_a_persian_title() -> None:
    assert fa("حدیقة الحقیقة") == "Ḥadīqat al-ḥaqīqa"
    assert fa("تذکرة الاولیا") == "Tazkirat al-awliyā"
    assert fa("خواجه نظام‌الملک") == "Khwāja Niẓām al-Mulk"  # a laqab, not Khwājat


def test_islam_and_quran_are_capitalized_in_titles_not_in_glossary_words() -> None:
    assert fa("خدمات متقابل اسلام و ایران") == "Khadamāt-i mutaqābil-i Islām va Īrān"
    assert ar("في ظلال القرآن") == "Fī ẓilāl al-Qurʾān"
    assert ar("فجر الإسلام") == "Fajr al-Islām"
    assert fa("اسلام", capitalize=False) == "islām"
    assert ar("قرآن", capitalize=False) == "qurʾān"
    assert fa("انقلاب اسلامی ایران") == "Inqilāb-i islāmī-yi Īrān"  # the adjective stays lower case
    assert fa("ایران در زمان ساسانیان") == "Īrān dar zamān-i Sāsāniyān"  # a dynasty


def test_common_nouns_that_are_also_names() -> None:
    assert fa("نظام آموزشی ایران") == "Niẓām-i āmūzishī-yi Īrān"
    assert fa("کیمیای سعادت") == "Kīmiyā-yi saʿādat"
    assert fa("محمدتقی بهار") == "Muḥammad Taqī Bahār"  # the name after a name
    assert fa("زندگی سیاسی ملک‌الشعرای بهار") == "Zindagī-yi siyāsī-yi Malik al-Shuʿarā-yi Bahār"


def test_names_and_their_parts() -> None:
    assert fa("مهدی بامداد") == "Mahdī Bāmdād"  # a family name that is a common noun
    assert fa("محمد مجتهد شبستری") == "Muḥammad Mujtahid Shabistarī"
    assert fa("ملاصدرا") == "Mullā Ṣadrā"
    assert fa("امیرخسرو دهلوی") == "Amīr Khusraw Dihlavī"
    assert fa("فتح‌الله") == "Fatḥ Allāh"
    assert fa("خواجه نصیرالدین طوسی") == "Khwāja Naṣīr al-Dīn Ṭūsī"
    assert ar("خير الدين التونسي") == "Khayr al-Dīn al-Tūnisī"  # a laqab written as two words
    assert ar("لطيفة الزيات") == "Laṭīfa al-Zayyāt"  # a name is not in construct before a name


def test_ibn_opens_a_name_and_stays_lower_case_inside_one() -> None:
    assert ar("مقدمة ابن خلدون") == "Muqaddimat Ibn Khaldūn"
    assert ar("ديوان ابن الفارض") == "Dīwān Ibn al-Fāriḍ"
    assert ar("مالك بن أنس") == "Mālik ibn Anas"
    assert ar("علي بن أبي طالب") == "ʿAlī ibn Abī Ṭālib"


def test_publishers_and_institutions_are_capitalized_as_names() -> None:
    assert fa("انتشارات دانشگاه تهران") == "Intishārāt-i Dānishgāh-i Tihrān"
    assert fa("نشر مرکز") == "Nashr-i Markaz"
    assert ar("مطبعة الأهالي") == "Maṭbaʿat al-Ahālī"
    assert fa("نشر کتاب در ایران") == "Nashr-i kitāb dar Īrān"  # a title, not a publisher


def test_arabic_title_rules() -> None:
    assert ar("ألف ليلة وليلة") == "Alf layla wa-layla"  # no construct before wa-
    assert ar("الشوقيات") == "al-Shawqiyyāt"              # a nisba's plural
    assert fa("غزلیات", capitalize=False) == "ghazaliyyāt"
    assert ar("أم القرى") == "Umm al-Qurā"                # alif maqsura after the article
    assert ar("المجتمع العربي في القرن العشرين") == "al-Mujtamaʿ al-ʿarabī fī al-qarn al-ʿishrīn"


def test_persian_spelling_and_word_forms() -> None:
    assert fa("تاریخ جراید و مجلات ایران") == "Tārīkh-i jarāyid va majallāt-i Īrān"  # ی, not ئ
    assert fa("مسائل ارضی", capitalize=False) == "masāʾil-i arżī"
    assert fa("قرن نوزدهم") == "Qarn-i nūzdahum"   # an ordinal from a number
    assert fa("زندگی و آثارش") == "Zindagī va āsārash"  # a possessive clitic
    assert fa("زندگی‌ام", capitalize=False) == "zindagī-am"
    assert fa("جبهه‌ی ملی") == "Jibha-yi millī"    # the ezafe written with yeh
    assert fa("فرامین", capitalize=False) == "farāmīn"  # not fa- + Rāmīn: no Arabic proclitic
    assert fa("نویسندگان", capitalize=False) == "nivīsandagān"


def test_ordinals_are_told_by_their_script_not_their_reading() -> None:
    """گم gum ends in -um as duvvum does, but is no number and ending: the name before it takes
    no ezafe (was Ḥasan-i Gum)."""
    assert fa("حسن گم") == "Ḥasan Gum"
    assert fa("شاه عباس گم") == "Shāh ʿAbbās Gum"
    assert fa("حسن چهارم") == "Ḥasan-i Chahārum"            # a number and -um: an ordinal
    assert fa("پهلوی اول") == "Pahlavī-yi Avval"            # an ordinal of its own
    assert fa("دومین کنگره") == "Duvvumīn kangara"          # before its noun: no ezafe


def test_persian_abstract_nouns_in_iyyat() -> None:
    assert fa("معنویت", capitalize=False) == "maʿnaviyyat"
    [word] = romanize_words("مسئولیت", "ijmes", "fa", capitalize=False)
    assert (word.latin, word.by_rule) == ("masʾūliyyat", True)


def test_ibn_behind_a_clitic_opens_a_name():
    assert romanize("المقدمة لابن خلدون") == "al-Muqaddima li-Ibn Khaldūn"
    assert romanize("مالك بن أنس") == "Mālik ibn Anas"
