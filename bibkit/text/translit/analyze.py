"""How one written word is read: lexicon, lexicon stem plus regular affixes, or rule.

The order is the order of trust: the whole word in the lexicon; a lexicon stem with Arabic
proclitics and article (و ف ب ل ك, ال) or Persian and Arabic suffixes (ها، های، ان، ی، تر،
ترین، ات، ية ...) or Persian derivational endings (داری، گی، گاه، ستان ... from
`data/endings.tsv`); a word joined from two lexicon words (عبدالکریم, تقی‌زاده); and only
then the rules of `guess`, whose result is flagged. A separately written affix (ZWNJ + ها)
stays apart (Pazhūhish-hā), also after a stem read by rule; a Persian verb is read from the
stems of `data/verbs.tsv` with its prefixes (mī-, na-, bi-) and personal endings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise

from bibkit.datafiles import package_rows
from bibkit.text.translit import tables
from bibkit.text.translit.guess import endings, guess
from bibkit.text.translit.lexicon import Entry, key, lookup, number_entry
from bibkit.text.translit.reading import (
    ARTICLE,
    LONG_VOWELS,
    SILENT_H,
    SPACE,
    TA_MARBUTA,
    VOWELS,
    parse,
)

JOIN = "+"  # a separately written affix (ZWNJ): IJMES hyphen, ALA-LC prime
SOFT_JOIN = "~"  # the plural -hā written joined (کتابها): IJMES hyphen, the other schemes none
HYPHEN = "-"  # the verbal prefix mī- in every scheme
_MARKS = dict.fromkeys(map(ord, "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"))
# one letter for one, so a text folded with it keeps its positions (see `join_detached`)
_PLAIN = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "أ": "ا", "إ": "ا", "ٱ": "ا"})
_ZWNJ = "\u200c"
_FUNCTION_WORDS = frozenset({"prep"})
_VOWEL_MARKS = frozenset("\u064e\u064f\u0650")  # a vocalized word is read as written
# suffix (plain script) -> (reading tokens, written ezafe after it)
_SUFFIXES: tuple[tuple[str, tuple[str, ...], str | None], ...] = (
    ("هایی", ("h", "ā", "y", "ī"), None),
    ("های", ("h", "ā"), "long_vowel"),
    ("ها", ("h", "ā"), None),
    ("ترین", ("t", "a", "r", "ī", "n"), None),
    ("تر", ("t", "a", "r"), None),
    ("یت", ("iyy", "a", "t"), None),  # Persian abstract nouns: masʾūliyyat, insāniyyat (fa only)
    ("یه", ("iyy", TA_MARBUTA), None),
    ("یة", ("iyy", TA_MARBUTA), None),
    ("یان", ("i", "y", "ā", "n"), None),
    ("ات", ("ā", "t"), None),
    ("ان", ("ā", "n"), None),
    ("ون", ("ū", "n"), None),
    ("ین", ("ī", "n"), None),
    ("یی", ("ʾ", "ī"), None),
    ("ی", ("ī",), None),
    ("ة", (TA_MARBUTA,), None),
)
# affixes read only when written apart (ZWNJ): the indefinite -ī after silent h (muqaddima-ʾī),
# the possessive and copula clitics (zindagī-am, nāma-ash, karda-and)
_APART_SUFFIXES = (("ای", ("ʾ", "ī"), None), ("ام", ("a", "m"), None), ("اش", ("a", "sh"), None),
                   ("مان", ("m", "ā", "n"), None), ("تان", ("t", "ā", "n"), None),
                   ("شان", ("sh", "ā", "n"), None), ("اند", ("a", "n", "d"), None),
                   ("است", ("a", "s", "t"), None))
_PLURAL_HA = tuple(suffix for suffix, _, _ in _SUFFIXES if suffix.startswith("ها"))  # -hā, -hā-yi, -hāyī


@dataclass(frozen=True)
class Analysis:
    """The reading of one written word and how it was found."""

    tokens: tuple[str, ...]
    pos: str = ""  # lexicon part of speech of the (last) stem; "" when unknown
    by_rule: bool = False
    ezafe: str | None = None  # ezafe written in the script: long_vowel | written_hamza
    has_article: bool = False
    ordinal: str | None = None  # a Persian ordinal: "after" the noun it counts (duvvum) or "before" it (duvvumīn)


def plain(word: str) -> str:
    """The word without harakat and tatweel, with one form of yeh, kaf and alif."""
    return word.translate(_MARKS).translate(_PLAIN)


@lru_cache(maxsize=65536)
def analyze(word: str, lang: str) -> Analysis:
    """The best reading of a written word in `lang` (see the module docstring for the order)."""
    ezafe = None
    if word.endswith(("ۀ", "\u0647\u0654")):
        word, ezafe = word.rstrip("\u0654").replace("ۀ", "ه"), "written_hamza"
    found = None if _VOWEL_MARKS.intersection(word) else _known(word, lang)
    if found is None:
        found = _guessed(word, lang)
    if ezafe:
        found = replace(found, ezafe=ezafe)
    if lang == "fa" and not found.by_rule and not _HAMZA.intersection(word):
        found = _persian_glide(found)
    ordinal = _ordinal_place(plain(word), lang) if lang == "fa" else None
    return replace(found, ordinal=ordinal) if ordinal else found


_HAMZA = frozenset("ئءؤأإ")


def _persian_glide(found: Analysis) -> Analysis:
    """Persian spells with ی a hamza the Arabic word has (جراید jarāyid, مسایل masāyil, فواید
    favāyid): read as written, the lexicon's -āʾi- becomes -āyi-."""
    tokens = list(found.tokens)
    for i in range(1, len(tokens) - 1):
        if tokens[i] == "ʾ" and tokens[i - 1] == "ā" and tokens[i + 1] == "i":
            tokens[i] = "y"
    if tokens == list(found.tokens):
        return found
    return replace(found, tokens=tuple(tokens))


def _guessed(word: str, lang: str) -> Analysis:
    """A reading by rule, flagged; a separately written affix (ZWNJ) is still read as one."""
    parts = word.split(_ZWNJ)
    affix = _affix(parts[-1]) if len(parts) > 1 else None
    if affix:
        tokens = (*guess(_ZWNJ.join(parts[:-1]), lang), JOIN, *affix[1])
        return Analysis(tokens, "", True, affix[2], ARTICLE in tokens)
    if lang == "fa" and plain(word).endswith("ای") and len(word) > 3 and word[-3] not in "اآوی":
        tokens = guess(word[:-1], lang)  # ی after final ā is the written ezafe: ibtidā-yi, muʿammā-yi
        return Analysis(tokens, "", True, "long_vowel", ARTICLE in tokens)
    tokens = guess(word, lang)
    return Analysis(tokens, "", True, None, ARTICLE in tokens)


def _affix(part: str) -> tuple[str, tuple[str, ...], str | None] | None:
    return next((s for s in (*_SUFFIXES, *_APART_SUFFIXES) if s[0] == plain(part)), None)


def _known(word: str, lang: str) -> Analysis | None:
    """A reading built from lexicon words only, or None (a separately written affix stays apart)."""
    if lang == "fa" and plain(word).startswith(("می" + _ZWNJ, "نمی" + _ZWNJ)) and (verb := _verb(plain(word), lang)):
        return verb  # mī- written apart is the verbal prefix (می‌کرده‌اند), not مي Mayy
    if _ZWNJ in word and _affix(word.split(_ZWNJ)[-1]):
        parts = word.split(_ZWNJ)
        joined = _joined(parts, lang)
        if joined is None and len(parts) > 2:  # ضرب‌المثل‌های: a compound the lexicon knows, then the affix
            stem, affix = _known(_ZWNJ.join(parts[:-1]), lang), _affix(parts[-1])
            if stem and affix:
                joined = Analysis((*stem.tokens, JOIN, *affix[1]), stem.pos, False, affix[2], stem.has_article)
        if joined:
            return joined
    entry = lookup(key(word), lang)
    if lang == "fa" and _ZWNJ not in word:  # کتابها: kitāb-hā as کتاب‌ها, but تنها is tanhā
        plural = _plural_ha(plain(word), lang)
        if plural and (entry is None or entry.pos == plural.pos and entry.pos in ("n", "adj")):
            return plural
    if entry:
        return Analysis(entry.tokens, entry.pos, False, None, ARTICLE in entry.tokens)
    text = plain(word)
    if word.endswith("ى") and text.startswith(("ال", "وال", "بال", "لل")):  # القرى al-qurā: alif maqsura kept
        found = _with_prefix(text[:-1] + "ى", lang)
        if found:
            return found
    if lang == "fa" and text.startswith(("می", "نمی")):  # می‌شود: the verb, not مي Mayy + شود
        found = _verb(text, lang)
        if found:
            return found
    if _ZWNJ in word:  # a written ezafe after a compound also: ملک‌الشعرای malik al-shuʿarā-yi
        whole = _with_suffix(text.replace(_ZWNJ, ""), lang) if lookup(key(word[:-1]), lang) else None
        return whole or _joined(word.split(_ZWNJ), lang) or _verb(word, lang)
    return (_with_prefix(text, lang) or _with_suffix(text, lang) or _with_ending(text, lang)
            or _with_pronoun(text, lang) or _verb(text, lang) or _compound(text, lang))


def _stem(text: str, lang: str) -> Analysis | None:
    entry = lookup(key(text), lang)
    return Analysis(entry.tokens, entry.pos, False, None, ARTICLE in entry.tokens) if entry else None


def _with_prefix(text: str, lang: str) -> Analysis | None:
    """Arabic proclitics and article on a lexicon stem: والسياسة, للنشر, بالعربية."""
    if text.startswith("لل") and len(text) > 3:
        rest = _stem(text[2:], lang) or _with_suffix(text[2:], lang)
        if rest and ARTICLE not in rest.tokens:
            return Analysis(("li-", ARTICLE, *rest.tokens), rest.pos, False, None, True)
    if text.startswith("ال") and len(text) > 3:
        rest = _stem(text[2:], lang) or _with_suffix(text[2:], lang)
        if rest and ARTICLE not in rest.tokens:
            return Analysis((ARTICLE, *rest.tokens), rest.pos, False, None, True)
    clitic = tables.proclitics("ar").get(text[:1])
    if clitic and lang == "fa" and not text.startswith("ال", 1):
        clitic = None  # Persian joins these letters only in Arabic phrases (بالاخره): فرامین is farāmīn
    if clitic and len(text) == 3 and text[0] == "و":  # a two-letter preposition: وفي wa-fī, ومن wa-min
        rest = _stem(text[1:], lang)
        if rest and rest.pos in _FUNCTION_WORDS:
            return Analysis((clitic + "-", *rest.tokens), rest.pos, False, None, False)
    if clitic and len(text) > 3:
        rest = _stem(text[1:], lang) or _with_prefix(text[1:], lang) or _with_suffix(text[1:], lang)
        if rest and rest.tokens[0] not in ("wa-", "fa-", "bi-", "li-", "ka-"):
            return Analysis((clitic + "-", *rest.tokens), rest.pos, False, None, rest.has_article)
    return None


# Persian ordinal endings after a number (plain script), their reading and where the ordinal
# stands: چهارم chahārum after the noun it counts, چهارمین chahārumīn before it
_ORDINAL_ENDINGS = (("مین", ("u", "m", "ī", "n"), "before"), ("م", ("u", "m"), "after"))
# ordinals that are not a number and an ending
_ORDINAL_WORDS = {"اول": "after", "نخست": "after", "آخر": "after", "سوم": "after", "اولین": "before",
                  "نخستین": "before", "آخرین": "before", "واپسین": "before", "سومین": "before"}


def _number_and_ending(text: str, lang: str) -> tuple[Entry, tuple[str, ...], str] | None:
    """A lexicon number and an ordinal ending written after it (بیست|مین): the number's entry,
    the ending's reading and where the ordinal stands."""
    for ending, reading, place in _ORDINAL_ENDINGS:
        number = number_entry(key(text[: -len(ending)]), lang) if text.endswith(ending) else None
        if number:
            return number, reading, place
    return None


def _ordinal(text: str, lang: str) -> Analysis | None:
    """A Persian ordinal from a lexicon number: نوزدهم nūzdahum, بیستمین bīstumīn."""
    found = _number_and_ending(text, lang)
    if found is None:
        return None
    number, reading, _ = found
    tokens = number.tokens[:-1] + ("h",) if number.tokens[-1] == SILENT_H else number.tokens
    return Analysis((*tokens, *reading), "adj", False, None, False)


def _ordinal_place(text: str, lang: str) -> str | None:
    """Where a Persian ordinal stands (see `Analysis.ordinal`), told by its script: the reading
    cannot tell (gum is not a number with -um); None for a word that is no ordinal."""
    found = _number_and_ending(text, lang)
    return found[2] if found else _ORDINAL_WORDS.get(text)


# Persian possessive clitics joined to a lexicon noun: آثارش āsārash, کتابهایش kitāb-hā-yash
_CLITICS = (("شان", ("a", "sh", "ā", "n")), ("مان", ("a", "m", "ā", "n")), ("تان", ("a", "t", "ā", "n")),
            ("ش", ("a", "sh")))


def _persian_pronoun(text: str, lang: str) -> Analysis | None:
    """A lexicon noun (or its plural) with a possessive clitic written joined to it."""
    for suffix, reading in _CLITICS:
        rest = text[: -len(suffix)]
        if not text.endswith(suffix) or len(rest) < 3:
            continue
        glide = rest.endswith("ی")  # جایش, کتابهایش: -yash after a long vowel
        stem = (_plural_ha(rest[:-1], lang) or _stem(rest[:-1], lang)) if glide else None
        if stem and stem.tokens[-1] in ("ā", "ū"):
            return Analysis((*stem.tokens, "y", *reading), stem.pos, False, None, stem.has_article)
        stem = _plural_ha(rest, lang) or _stem(rest, lang)
        if stem and stem.pos == "n" and stem.tokens[-1] not in VOWELS:
            return Analysis((*stem.tokens, *reading), stem.pos, False, None, stem.has_article)
    return None


def _plural_ha(text: str, lang: str) -> Analysis | None:
    """A lexicon stem with the plural -hā written joined (کتابها, داستانهای): read as written
    apart (kitāb-hā in IJMES), also where the lexicon lists the joined form. A final h is
    written before -hā (نامه‌ها), so فقها is not فقه + ها."""
    for suffix, reading, ezafe in _SUFFIXES:
        long_enough = suffix in _PLURAL_HA and text.endswith(suffix) and len(text) - len(suffix) >= 2
        stem = _stem(text[: -len(suffix)], lang) if long_enough else None
        if stem:
            return Analysis((*stem.tokens, SOFT_JOIN, *reading), stem.pos, False, ezafe, stem.has_article)
    return None


def _with_suffix(text: str, lang: str) -> Analysis | None:
    """A lexicon stem with a regular suffix: کتابها, ایرانیان, سیاسیة, مطالعات."""
    if text.endswith("ی") and len(text) > 2:  # written ezafe after a vowel: دریای، برای
        stem = _stem(text[:-1], lang)
        if stem and stem.tokens[-1] in LONG_VOWELS:
            return Analysis(stem.tokens, stem.pos, False, "long_vowel", stem.has_article)
    if lang == "fa":  # the plural -hā is Persian: Arabic ها is the pronoun (tārīkhihā)
        found = _ordinal(text, lang) or _persian_pronoun(text, lang) or _plural_ha(text, lang)
        if found:
            return found
    if lang == "fa" and text.endswith("گان") and len(text) > 5:  # نویسندگان: nivīsanda + -gān
        stem = _stem(text[:-3] + "ه", lang)
        if stem and stem.tokens[-1] == SILENT_H:
            return Analysis((*stem.tokens[:-1], "a", "g", "ā", "n"), stem.pos, False, None, stem.has_article)
    for suffix, reading, ezafe in _SUFFIXES:
        if (not text.endswith(suffix) or len(text) - len(suffix) < 2 or suffix in _PLURAL_HA
                or (suffix == "یت" and lang != "fa")):
            continue
        stem_text = text[: -len(suffix)]
        candidates = (stem_text, stem_text + "ه", stem_text + "ة") + (() if suffix == "ة" else (stem_text + "ی",))
        if suffix == "یت":  # an abstract noun from a nisba first: madanī -> madaniyyat (not mudun)
            candidates = (stem_text + "ی", stem_text)
        for candidate in candidates:
            stem = _stem(candidate, lang)
            if stem:
                if suffix == "ین" and lang == "ar" and _dual(stem):
                    reading = ("ay", "n")
                return Analysis(_attach(stem.tokens, reading), _suffix_pos(stem.pos, suffix),
                                False, ezafe, stem.has_article)
    return None


# Arabic possessive suffixes (plain script) -> reading; ی only after ta marbuta (madīnatī), as
# after other stems it is read as a nisba (waṭanī).
_PRONOUNS = (("هما", ("h", "u", "m", "ā")), ("کما", ("k", "u", "m", "ā")), ("هم", ("h", "u", "m")),
             ("کم", ("k", "u", "m")), ("نا", ("n", "ā")), ("ها", ("h", "ā")), ("ی", ("ī",)))


def _with_pronoun(text: str, lang: str) -> Analysis | None:
    """An Arabic lexicon noun with a possessive suffix: حارتنا ḥāratinā, رحلتی riḥlatī. Ta marbuta
    is written ت before it; a consonant takes the genitive -i- (the common case in titles)."""
    if lang != "ar":
        return None
    for suffix, reading in _PRONOUNS:
        stem_text = text[: -len(suffix)]
        if not text.endswith(suffix) or len(stem_text) < 2:
            continue
        feminine = stem_text.endswith("ت")
        if suffix == "ی" and not feminine:
            continue
        stem = _stem(stem_text[:-1] + "ة", lang) if feminine else None
        stem = stem or (None if suffix == "ی" else _stem(stem_text, lang))
        if stem is None or stem.has_article or stem.pos not in ("n", "adj"):
            continue
        tokens = stem.tokens
        if tokens[-1] == TA_MARBUTA:
            tokens = (*tokens[:-1], "a", "t")
        if tokens[-1] not in VOWELS and reading[0] != "ī":
            tokens = (*tokens, "i")
        return Analysis((*tokens, *reading), stem.pos, False, None, False)
    return None


def _dual(stem: Analysis) -> bool:
    """Arabic -ين on a short noun is the dual -ayn (al-Qaṣrayn, al-Ḥaramayn, al-Shaykhayn); on
    participles and nouns with a long vowel it is the plural -īn (al-mufakkirīn, al-ʿālamīn)."""
    tokens = [t for t in stem.tokens if t != ARTICLE]
    participle = tokens[:2] == ["m", "u"]
    return stem.pos in ("n", "place") and not participle and not LONG_VOWELS.intersection(tokens)


def _with_ending(text: str, lang: str) -> Analysis | None:
    """A lexicon stem with a Persian derivational ending of data/endings.tsv: کتابداری, نمایندگی."""
    if lang != "fa":
        return None
    for ending, reading in endings(lang):
        if not text.endswith(ending) or len(text) - len(ending) < 3:
            continue
        stem_text = text[: -len(ending)]
        stem = _stem(stem_text, lang) or (_stem(stem_text + "ه", lang) if ending == "گی" else None)
        if stem is None:
            continue
        tokens, suffix = stem.tokens, parse(reading)
        if tokens[-1] == SILENT_H:  # namāyanda + agī: the silent h is not written before the ending
            tokens = (*tokens[:-1], *(() if suffix[0] in VOWELS else ("a",)))
        elif tokens[-1] in VOWELS and suffix[0] == "i":
            suffix = suffix[1:]
        return Analysis((*tokens, *suffix), "n", False, None, stem.has_article)
    return None


def _attach(stem: tuple[str, ...], suffix: tuple[str, ...]) -> tuple[str, ...]:
    """Join stem and suffix readings: a final -ī or -a/-ah gives way to the suffix."""
    last = stem[-1]
    if last in ("ā", "ū") and suffix[:2] == ("i", "y"):  # دانشجویان: -yān after a long vowel
        return stem + suffix[1:]
    if last == "ī" and suffix == ("ā", "t"):  # a nisba's plural: adabiyyāt, Shawqiyyāt
        return stem[:-1] + ("iyy", "ā", "t")
    if last == "ī" and suffix[0] in ("ī", "iyy", "i"):
        return stem[:-1] + suffix
    if last in (TA_MARBUTA, SILENT_H) and suffix[0] in VOWELS:
        return stem[:-1] + suffix
    if last == TA_MARBUTA:
        return stem[:-1] + ("a", "t") + suffix
    if last in VOWELS and suffix[0] in ("ā", "ī", "ū"):
        return stem + ("y" if suffix[0] != "ū" else "w",) + suffix
    return stem + suffix


def _suffix_pos(pos: str, suffix: str) -> str:
    """Nisba and comparative suffixes make adjectives; plurals keep the stem's part of speech."""
    if suffix == "یت":
        return "n"
    return "adj" if suffix in ("ی", "یه", "یة", "تر", "ترین") and pos != "name" else pos


def _joined(parts: list[str], lang: str) -> Analysis | None:
    """Parts written with ZWNJ: a stem and its affixes (پژوهش‌های) or a compound (تقی‌زاده)."""
    first = _known(parts[0], lang)
    if first is None:
        return None
    tokens, pos, ezafe = first.tokens, first.pos, first.ezafe
    for part in parts[1:]:
        affix = _affix(part)
        if affix and affix[0] == "ی" and tokens[-1] in (SILENT_H, TA_MARBUTA) and part is parts[-1]:
            ezafe = "written_hamza"  # خانه‌ی: the ezafe written with yeh, khāna-yi
            continue
        if affix:
            tokens, ezafe = (*tokens, JOIN, *affix[1]), affix[2]
            continue
        nxt = _known(part, lang)
        if nxt is None:
            return None
        gap = (SPACE,) if _spaced(pos, nxt) or nxt.has_article else ()  # Jalāl al-Dīn
        tokens, pos, ezafe = (*tokens, *gap, *nxt.tokens), nxt.pos if pos != "name" else pos, nxt.ezafe
    return Analysis(tuple(tokens), pos, False, ezafe, first.has_article)


def _spaced(head_pos: str, tail: Analysis) -> bool:
    """Two names, a name and a title, or a title and a name, written as one word stay two
    words: Karīm Khān, Mullā Ṣadrā, Amīr Khusraw; so does Allāh after a noun (Fatḥ Allāh)."""
    return ((head_pos == "name" and tail.pos in ("name", "hon")) or (head_pos == "hon" and tail.pos == "name")
            or "".join(tail.tokens) == "allāh")


def _compound(text: str, lang: str) -> Analysis | None:
    """Two lexicon words written as one: عبدالکریم, محمدعلی (names keep a space), کتابخانه."""
    for at in range(2, len(text) - 1):
        head = _stem(text[:at], lang)
        if head is None:
            continue
        tail = _stem(text[at:], lang) if not text.startswith("ال", at) else (
            _with_prefix(text[at:], lang) or _stem(text[at:], lang))  # حمدالله: Allāh is a word of its own
        if tail:
            spaced = tail.has_article or _spaced(head.pos, tail)
            tokens = (*head.tokens, SPACE, *tail.tokens) if spaced else head.tokens + tail.tokens
            return Analysis(tokens, head.pos if head.pos == "name" else tail.pos, False, tail.ezafe, False)
    return None


# Persian verbs: prefix (plain script, reading tokens), then a stem of data/verbs.tsv, then a
# personal ending. mī- keeps a hyphen; na- and bi- are joined to a stem that opens with a consonant.
_VERB_PREFIXES = (("نمی", ("n", "a", "m", "ī", HYPHEN)), ("می", ("m", "ī", HYPHEN)),
                  ("ن", ("n", "a")), ("ب", ("b", "i")), ("", ()))
# ending (plain script) -> reading; ه is the participle (shuda), هاند ... the perfect (karda-and)
_PAST_ENDINGS = {"": "", "م": "am", "ی": "ī", "یم": "īm", "ید": "īd", "ند": "and", "ه": "a",
                 "هام": "a-am", "های": "a-ī", "هاست": "a-ast", "هایم": "a-īm", "هاید": "a-īd", "هاند": "a-and"}
_PRESENT_ENDINGS = {"": "", "م": "am", "ی": "ī", "د": "ad", "یم": "īm", "ید": "īd", "ند": "and"}


@cache
def _verb_stems() -> dict[str, tuple[str, bool]]:
    """Plain script stem -> (reading, is_past), from data/verbs.tsv."""
    out: dict[str, tuple[str, bool]] = {}
    columns = ("infinitive", "past stem", "past reading", "present stem", "present reading")
    verbs = package_rows("bibkit.text.translit", "data/verbs.tsv", columns)
    for _, (_, past, past_reading, present, present_reading) in verbs:
        out.setdefault(past, (past_reading, True))
        out.setdefault(present, (present_reading, False))
    return out


def _verb(word: str, lang: str) -> Analysis | None:
    """A Persian verb form from a known stem: شدیم shudīm, می‌کنم mī-kunam, نبود nabūd, بدانیم
    bidānīm, شده shuda, کرده‌اند karda-and, می‌کرده mī-karda, ماند mānd. A bare present stem is
    read only with na- or bi- (the imperative)."""
    if lang != "fa":
        return None
    text = plain(word).replace(_ZWNJ, "")
    stems = _verb_stems()
    for prefix, prefix_tokens in _VERB_PREFIXES:
        if not text.startswith(prefix):
            continue
        rest = text[len(prefix):]
        for cut in range(len(rest), 1, -1):
            if rest[:cut] not in stems or (prefix in ("ن", "ب") and rest[0] in "اآ"):
                continue
            reading, past = stems[rest[:cut]]
            ending = (_PAST_ENDINGS if past else _PRESENT_ENDINGS).get(rest[cut:])
            if ending is None or (not rest[cut:] and not past and prefix not in ("ن", "ب")):
                continue
            if rest[cut:].startswith("ه") and past and prefix in ("می", "نمی") and \
                    not plain(word).startswith(prefix + _ZWNJ):
                continue  # a participle after mī- only where the ZWNJ says so (می‌کرده mī-karda, not میکده)
            body, _, clitic = ending.partition("-")
            tokens = parse(reading + body)
            if rest[cut:].startswith("ه"):
                tokens = (*tokens[:-1], SILENT_H)
            if clitic:
                tokens = (*tokens, JOIN, *parse(clitic))
            return Analysis((*prefix_tokens, *tokens), "v", False, None, False)
    return None


# Persian affixes and compound parts that typists often write after a space instead of a ZWNJ.
_APART_PLURAL = re.compile(rf"(?<=[\u0621-\u06d3]) (?=(?:{'|'.join(_PLURAL_HA)})(?![\u0621-\u06d3]))")
_APART_INDEFINITE = re.compile(r"(?<=[هة]) (?=ای(?![\u0621-\u06d3]))")
_WORD = re.compile(r"[\u0621-\u06d3\u200c]+")
# second parts of compounds joined to any noun (جامعه شناسی), and those joined only where the
# lexicon knows the compound (کتاب خانه, تقی زاده)
_TAILS = frozenset({"شناسی", "شناس", "شناسان", "شناختی", "نامه", "نگاری", "نگار", "نویسی", "نویس", "نویسان"})
_LEXICON_TAILS = frozenset({"خانه", "زاده", "گاه", "ستان", "کده", "سرا", "سرایی", "گرایی", "خواهی"})
_HEAD_POS = frozenset({"n", "name", "place", "prop"})


def join_detached(text: str) -> str:
    """Persian text with a ZWNJ where a suffix, the verbal prefix mī- or the second part of a
    compound was typed after a space: نظریه های → نظریه‌های, می شود → می‌شود, جامعه شناسی →
    جامعه‌شناسی, مقدمه ای → مقدمه‌ای; so was an ezafe mark (تاریخچه ٔ → تاریخچه‌ٔ). Same length,
    so positions in the text stay valid."""
    if " " not in text:
        return text
    # matched on the text with one form of yeh and kaf (مي شود, نظريه هاي typed on an Arabic
    # keyboard), written back on the text as typed
    folded = _APART_PLURAL.sub(_ZWNJ, text.translate(_PLAIN))
    folded = _APART_INDEFINITE.sub(_ZWNJ, folded)
    out = [_ZWNJ if matched == _ZWNJ else typed for typed, matched in zip(text, folded, strict=True)]
    for left, right in pairwise(_WORD.finditer(folded)):
        one_space = right.start() - left.end() == 1 and folded[left.end()] == " "
        if one_space and _joins_as_one(left.group(), right.group()):
            out[left.end()] = _ZWNJ
    for mark in _DETACHED_EZAFE.finditer(text):  # تاریخچه ٔ ایران: the ezafe mark typed after a space
        out[mark.start()] = _ZWNJ
    return "".join(out)


_DETACHED_EZAFE = re.compile(r"(?<=\S) (?=\u0654)")


def _joins_as_one(head: str, tail: str) -> bool:
    """Whether two words typed apart are one word: mī- and a verb, or a compound."""
    if plain(head) in ("می", "نمی"):
        return _verb(head + _ZWNJ + tail, "fa") is not None
    tail_plain = plain(tail)
    if tail_plain not in _TAILS and tail_plain not in _LEXICON_TAILS:
        return False
    if lookup(key(head + tail), "fa") is not None:
        return True
    first = _known(head, "fa") if tail_plain in _TAILS else None
    return first is not None and first.pos in _HEAD_POS and not first.has_article
