"""How one written word is read: lexicon, lexicon stem plus regular affixes, or rule.

The order is the order of trust: the whole word in the lexicon; a lexicon stem with Arabic
proclitics and article (و ف ب ل ك, ال) or Persian and Arabic suffixes (ها، های، ان، ی، تر،
ترین، ات، ية ...) or Persian derivational endings (داری، گی، گاه، ستان ... from
`data/endings.tsv`); a word joined from two lexicon words (عبدالکریم, تقی‌زاده); and only
then the rules of `guess`, whose result is flagged. A separately written affix (ZWNJ + ها)
stays apart (Pazhūhish-hā), also after a stem read by rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bibkit.text.translit import tables
from bibkit.text.translit.guess import endings, guess
from bibkit.text.translit.lexicon import key, lookup
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
_MARKS = dict.fromkeys(map(ord, "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"))
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


@dataclass(frozen=True)
class Analysis:
    """The reading of one written word and how it was found."""

    tokens: tuple[str, ...]
    pos: str = ""  # lexicon part of speech of the (last) stem; "" when unknown
    by_rule: bool = False
    ezafe: str | None = None  # ezafe written in the script: long_vowel | written_hamza
    has_article: bool = False


def plain(word: str) -> str:
    """The word without harakat and tatweel, with one form of yeh, kaf and alif."""
    return word.translate(_MARKS).translate(_PLAIN)


@lru_cache(maxsize=65536)
def analyze(word: str, lang: str) -> Analysis:
    """The best reading of a written word in `lang` (see the module docstring for the order)."""
    ezafe = None
    if word.endswith("ۀ") or word.endswith("\u0647\u0654"):
        word, ezafe = word.rstrip("\u0654").replace("ۀ", "ه"), "written_hamza"
    found = None if _VOWEL_MARKS.intersection(word) else _known(word, lang)
    if found is None:
        found = _guessed(word, lang)
    if ezafe:
        found = Analysis(found.tokens, found.pos, found.by_rule, ezafe, found.has_article)
    return found


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
    return next((s for s in _SUFFIXES if s[0] == plain(part)), None)


def _known(word: str, lang: str) -> Analysis | None:
    """A reading built from lexicon words only, or None (a separately written affix stays apart)."""
    if _ZWNJ in word and _affix(word.split(_ZWNJ)[-1]):
        joined = _joined(word.split(_ZWNJ), lang)
        if joined:
            return joined
    entry = lookup(key(word), lang)
    if entry:
        return Analysis(entry.tokens, entry.pos, False, None, ARTICLE in entry.tokens)
    if _ZWNJ in word:
        return _joined(word.split(_ZWNJ), lang)
    text = plain(word)
    return (_with_prefix(text, lang) or _with_suffix(text, lang) or _with_ending(text, lang)
            or _with_pronoun(text, lang) or _compound(text, lang))


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
    if clitic and len(text) == 3 and text[0] == "و":  # a two-letter preposition: وفي wa-fī, ومن wa-min
        rest = _stem(text[1:], lang)
        if rest and rest.pos in _FUNCTION_WORDS:
            return Analysis((clitic + "-", *rest.tokens), rest.pos, False, None, False)
    if clitic and len(text) > 3:
        rest = _stem(text[1:], lang) or _with_prefix(text[1:], lang) or _with_suffix(text[1:], lang)
        if rest and rest.tokens[0] not in ("wa-", "fa-", "bi-", "li-", "ka-"):
            return Analysis((clitic + "-", *rest.tokens), rest.pos, False, None, rest.has_article)
    return None


def _with_suffix(text: str, lang: str) -> Analysis | None:
    """A lexicon stem with a regular suffix: کتابها, ایرانیان, سیاسیة, مطالعات."""
    if text.endswith("ی") and len(text) > 2:  # written ezafe after a vowel: دریای، برای
        stem = _stem(text[:-1], lang)
        if stem and stem.tokens[-1] in LONG_VOWELS:
            return Analysis(stem.tokens, stem.pos, False, "long_vowel", stem.has_article)
    for suffix, reading, ezafe in _SUFFIXES:
        if not text.endswith(suffix) or len(text) - len(suffix) < 2:
            continue
        stem_text = text[: -len(suffix)]
        candidates = (stem_text, stem_text + "ه", stem_text + "ة") + (() if suffix == "ة" else (stem_text + "ی",))
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
    return "adj" if suffix in ("ی", "یه", "یة", "تر", "ترین") and pos != "name" else pos


def _joined(parts: list[str], lang: str) -> Analysis | None:
    """Parts written with ZWNJ: a stem and its affixes (پژوهش‌های) or a compound (تقی‌زاده)."""
    first = _known(parts[0], lang)
    if first is None:
        return None
    tokens, pos, ezafe = first.tokens, first.pos, first.ezafe
    for part in parts[1:]:
        affix = _affix(part)
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
    """Two names, or a name and a title, written as one word stay two words: Karīm Khān."""
    return head_pos == "name" and tail.pos in ("name", "hon")


def _compound(text: str, lang: str) -> Analysis | None:
    """Two lexicon words written as one: عبدالکریم, محمدعلی (names keep a space), کتابخانه."""
    for at in range(2, len(text) - 1):
        head = _stem(text[:at], lang)
        if head is None:
            continue
        tail = _with_prefix(text[at:], lang) if text.startswith("ال", at) else _stem(text[at:], lang)
        if tail:
            spaced = tail.has_article or _spaced(head.pos, tail)
            tokens = (*head.tokens, SPACE, *tail.tokens) if spaced else head.tokens + tail.tokens
            return Analysis(tokens, head.pos if head.pos == "name" else tail.pos, False, tail.ezafe, False)
    return None
