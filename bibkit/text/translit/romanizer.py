"""Romanizing text: split into words, read each, then apply the rules that need neighbours.

Neighbour rules: Persian ezafe (written, or inferred where a noun or adjective is followed by
a modifier), Arabic ta marbuta in construct before a defined or proper noun (also in an Arabic
phrase inside Persian: Ḥadīqat al-ḥaqīqa), capitalization of the first word, of proper nouns,
of the parts of a name (a family name after given names, a laqab: Shams al-Dīn) and of the
words of a publisher's or institution's name (`data/name_words.tsv`). Persian affixes typed
after a space are joined first (نظریه های, می شود). Anything that is not Arabic script (Latin,
numbers, punctuation) passes through, with Persian and Arabic digits and punctuation made ASCII.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from bibkit.datafiles import package_rows
from bibkit.text.script import language_of
from bibkit.text.translit import overrides as user_overrides
from bibkit.text.translit import tables
from bibkit.text.translit.analyze import Analysis, analyze, join_detached
from bibkit.text.translit.lexicon import PROPER, key, name_entry
from bibkit.text.translit.reading import ARTICLE, PROCLITICS, SILENT_H, TA_MARBUTA
from bibkit.text.translit.render import ezafe_kind, render

_WORD = re.compile("[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d5\u200c]+")
_PUNCT = str.maketrans({"\u0640": None, "\u200c": None, "\u0654": None, "،": ",", "؛": ";", "؟": "?", "«": "\"", "»": "\"", "٪": "%", "٫": ".",
                        **{chr(0x0660 + d): str(d) for d in range(10)},
                        **{chr(0x06F0 + d): str(d) for d in range(10)}})
_EZAFE_HEADS = frozenset({"n", "adj", "prepez", "prop"})
_EZAFE_MODIFIERS = frozenset({"n", "adj", "name", "place", "org", "prop", "pron", "hon", "num", ""})
_FUNCTION = frozenset({"prep", "prepez", "conj", "v"})
_SUPERLATIVE = ("t", "a", "r", "ī", "n")
_CONSTRUCT_NEXT = PROPER | {"n", "num"}
_NUMBER = Analysis(("0",), "num")
_NAME_PARTICLES = frozenset({"ibn", "bin", "bint", "abū", "abī", "umm"})
_OPENS_WITH_ALIF = re.compile(r"[وفبل]?ا")  # ابن, لابن (li-Ibn Sīnā): not the بن inside a name


@dataclass(frozen=True)
class RomanizedWord:
    """One Arabic-script word and its romanization; `by_rule` when not read from the lexicon."""

    source: str
    latin: str
    by_rule: bool


def romanize(text: str, scheme: str = "ijmes", lang: str | None = None, diacritics: bool = True,
             *, capitalize: bool = True, overrides: str | Path | None = None, mark: str = "") -> str:
    """`text` in Latin script; words read by rule get `mark` appended (the CLI shows `*`).

    `capitalize` upper-cases the first word as in a title or sentence; proper nouns are
    capitalized either way (pass False for a glossary word: `kitāb`, not `Kitāb`).
    """
    return "".join(p if isinstance(p, str) else p.latin + (mark if p.by_rule else "")
                   for p in _pieces(text, scheme, lang, diacritics, capitalize, overrides))


def romanize_words(text: str, scheme: str = "ijmes", lang: str | None = None, diacritics: bool = True,
                   *, capitalize: bool = True, overrides: str | Path | None = None) -> list[RomanizedWord]:
    """Each Arabic-script word of `text` with its romanization and whether it was a guess."""
    return [p for p in _pieces(text, scheme, lang, diacritics, capitalize, overrides)
            if isinstance(p, RomanizedWord)]


def strip_diacritics(latin: str) -> str:
    """Drop macrons, dots and other combining marks; ʿ and ʾ are letters and stay (IJMES)."""
    decomposed = unicodedata.normalize("NFD", latin)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _pieces(text: str, scheme: str, lang: str | None, diacritics: bool, capitalize: bool,
            overrides: str | Path | None) -> list[str | RomanizedWord]:
    """Separators (as str) and words (as RomanizedWord), in order."""
    tables.check_scheme(scheme)
    path = user_overrides.resolve(overrides)
    fixed = user_overrides.load(path) if path else {}
    if fixed and key(text) in fixed:
        return [RomanizedWord(text, _finish(fixed[key(text)], diacritics), False)]
    language = reading_language(text, lang)
    if language == "fa":
        text = join_detached(text)  # affixes and compound parts typed after a space
    parts = _split(text, language)
    words = [p for p in parts if not isinstance(p, str)]
    institution = _institution(words)
    out: list[str | RomanizedWord] = []
    named = False  # the word before was capitalized as part of a name
    name_run = True  # every word so far is part of a name
    for i, part in enumerate(parts):
        if isinstance(part, str):
            out.append(part.translate(_PUNCT))
            continue
        word, analysis = part
        if key(word) in fixed:
            out.append(RomanizedWord(word, _finish(fixed[key(word)], diacritics), False))
            continue
        nxt = parts[i + 2][1] if i + 2 < len(parts) and _joins(parts[i + 1]) else None
        if nxt is None and i + 1 < len(parts) and _before_number(parts[i + 1]):
            nxt = _NUMBER
        prev = parts[i - 2][1] if i >= 2 and _joins(parts[i - 1]) else None
        following = parts[i + 2][0] if nxt is not None and nxt is not _NUMBER else ""
        first = capitalize and words[0] is part and not any(c.isalpha() for c in text[: text.find(word)])
        # a title before a name (Mīrzā Āqā Khān, Shaykh Bahāʾī) and the name after it
        title = analysis.pos == "hon" and nxt is not None and _may_be_name(following, nxt, language)
        laqab = _laqab(word, following)  # Shams al-Dīn, Iʿtimād al-Salṭana
        after_name = prev is not None and (named or prev.pos in ("name", "hon") or _particle(prev))
        before_name = prev is None and nxt is not None and nxt.pos == "name" and len(words) <= 3
        if (after_name or before_name or laqab) and analysis.pos not in PROPER and not analysis.by_rule:
            # ʿAlī Aṣghar Ḥikmat; and a short string opening a name (Rasūl Jaʿfariyān) is a name
            analysis = _as_name(word, analysis, language)  # ʿAlī Aṣghar Ḥikmat, Ibrāhīm Gulistān
            parts[i] = (word, analysis)
        # in a short name, a common word after the given names is a family name or laqab (Mahdī
        # Bāmdād, Muḥammad Mujtahid Shabistarī): capitalized and without ezafe
        before_family = part is words[-1] or (nxt is not None and nxt.pos == "name")
        surname = (name_run and after_name and 1 < len(words) <= 4 and before_family
                   and analysis.pos in ("n", "adj") and not analysis.by_rule and not analysis.has_article
                   and not _particle(analysis))
        if surname:
            analysis = replace(analysis, pos="name")
        named = laqab or surname or (prev is not None and _in_name(analysis, prev, after_name))
        name_run = name_run and (named or analysis.pos in ("name", "hon"))
        member = institution and analysis.pos not in _FUNCTION  # Intishārāt-i Dānishgāh-i Tihrān
        # ابن opens a name after a common word (Muqaddimat Ibn Khaldūn); بن stands inside one (Mālik ibn Anas)
        named = named or (_particle(analysis) and _OPENS_WITH_ALIF.match(word) and not after_name and nxt is not None)
        latin = _render(analysis, nxt, prev, language, scheme, first or title or named or member, capitalize)
        out.append(RomanizedWord(word, _finish(latin, diacritics), analysis.by_rule))
    return out


@cache
def _name_words() -> dict[str, frozenset[str]]:
    """kind -> folded script forms, from data/name_words.tsv."""
    out: dict[str, set[str]] = {}
    for _, (kind, script) in package_rows("bibkit.text.translit", "data/name_words.tsv", ("kind", "script")):
        out.setdefault(kind, set()).add(key(script))
    return {kind: frozenset(forms) for kind, forms in out.items()}


def _laqab(word: str, following: str) -> bool:
    """A laqab written as two words: a head (Shams, Khayr, Iʿtimād) before al-Dīn, al-Dawla ..."""
    words = _name_words()
    return key(word) in words["laqab_head"] and key(following) in words["laqab_tail"]


def _institution(words: list[tuple[str, Analysis]]) -> bool:
    """A short name of a publisher or institution: it opens with انتشارات, نشر, مطبعة, دار ...
    and has no preposition (Nashr-i kitāb dar Īrān is a title)."""
    return (1 < len(words) <= 4 and key(words[0][0]) in _name_words()["institution"]
            and not any(a.pos in ("prep", "prepez") for _, a in words[1:]))


def _may_be_name(word: str, a: Analysis, lang: str) -> bool:
    """A name, or a known word that is also a name (بهار Bahār, بهایی Bahāʾī)."""
    return a.pos == "name" or (not a.by_rule and a.pos not in PROPER and not a.has_article
                               and name_entry(key(word.strip("\u0640\u200c")), lang) is not None)


def _particle(a: Analysis) -> bool:
    """ibn, abū, umm ..., also behind a clitic (li-ibn): the word after one is a name (Ibn
    ʿAbbād, not Ibn ʿibād)."""
    return _particle_tokens(a.tokens)


@lru_cache(maxsize=1 << 14)
def _particle_tokens(tokens: tuple[str, ...]) -> bool:
    return "".join(t for t in tokens if not t.endswith("-")) in _NAME_PARTICLES


def _as_name(word: str, analysis: Analysis, lang: str) -> Analysis:
    """A common noun that is also a name is read as the name when it follows a name."""
    entry = name_entry(key(word.strip("\u0640\u200c")), lang)
    if entry is None or analysis.has_article:
        return analysis
    return replace(analysis, tokens=entry.tokens, pos=entry.pos, by_rule=False)  # read from the lexicon


def _split(text: str, lang: str) -> list[str | tuple[str, Analysis]]:
    """Separators and (word, analysis) pairs, in order."""
    parts: list[str | tuple[str, Analysis]] = []
    at = 0
    for match in _WORD.finditer(text):
        word = match.group().strip("\u0640\u200c")
        if not any(ch.isalpha() and ch != "\u0640" for ch in word):
            continue  # a lone tatweel, joiner or mark (`حياة محمد ـ`, `تاریخچه ٔ`) is no word: it stays with the separators
        if match.start() > at:
            parts.append(text[at:match.start()])
        elif parts and not isinstance(parts[-1], str):
            parts.append("")
        parts.append((match.group(), analyze(word, lang)))
        at = match.end()
    if at < len(text):
        parts.append(text[at:])
    return parts


def _joins(separator: str | tuple[str, Analysis]) -> bool:
    """Words are neighbours for ezafe and construct when only spaces separate them."""
    return isinstance(separator, str) and separator.strip() == ""


def _before_number(separator: str | tuple[str, Analysis]) -> bool:
    """A number follows directly (Thawrat 14 Tammūz): it governs like a noun."""
    return isinstance(separator, str) and separator[:1].isspace() and separator.strip()[:1].isdigit()


def _in_name(a: Analysis, prev: Analysis, prev_named: bool) -> bool:
    """Words that belong to the name before them: honorifics and article words (Riżā Shāh, Jamāl
    al-Dīn); after a person's name (or a word taken as part of one) also a nisba (al-Ṭahṭāwī,
    Nīshābūrī) or a word read by rule; and whatever follows ibn, abū, umm (Ibn Kathīr)."""
    if "".join(prev.tokens) in _NAME_PARTICLES:
        return True
    starts_with_article = a.tokens[0] == ARTICLE
    if (prev.pos in PROPER or prev_named) and (a.pos == "hon" or (starts_with_article and a.pos != "adj")):
        return True
    nisba = a.pos == "adj" and a.tokens[-1] == "ī"
    return prev_named and (a.by_rule or nisba)


def _render(a: Analysis, nxt: Analysis | None, prev: Analysis | None, lang: str, scheme: str, first: bool,
            capitalize: bool) -> str:
    # a name is capitalized also in a glossary word; Islām, Qurʾān (prop) only in a title
    proper = a.pos in PROPER and (a.pos != "prop" or capitalize)
    construct = _construct(a, nxt) if lang == "ar" else _arabic_phrase(a, nxt)
    return render(a.tokens, lang, scheme, capitalize=proper or first, first_only=not proper and a.pos != "hon",
                  construct=construct, ezafe=_ezafe(a, nxt, prev) if lang == "fa" and not construct else None)


def _construct(a: Analysis, nxt: Analysis | None) -> bool:
    """Ta marbuta reads -at before a defined or proper noun (Thawrat al-ʿIshrīn, Jāmiʿat Baghdād),
    not before an adjective, nor in a name before its nisba (Rifāʿa al-Ṭahṭāwī), nor before a
    word with a proclitic (Alf layla wa-layla)."""
    if nxt is None or a.tokens[-1] != TA_MARBUTA or a.has_article or nxt.pos == "adj":
        return False
    if nxt.tokens[0] in PROCLITICS:
        return False
    if a.pos in ("name", "") and nxt.has_article and nxt.tokens[-1] == "ī":
        return False
    if a.pos == "name" and nxt.has_article and nxt.pos == "name":  # Laṭīfa al-Zayyāt, Nāzik al-Malāʾika
        return False
    if a.pos == "name" and _names_in_a_row(nxt):  # Ṭarafa ibn al-ʿAbd, Salāma Mūsā
        return False
    return nxt.has_article or nxt.pos in _CONSTRUCT_NEXT


def _arabic_phrase(a: Analysis, nxt: Analysis | None) -> bool:
    """In Persian, an Arabic construct before a word with the article keeps -at, not the ezafe:
    Ḥadīqat al-ḥaqīqa, Tazkirat al-awliyā, Nuṣḥat al-mulūk."""
    return (nxt is not None and nxt.tokens[0] == ARTICLE and not a.has_article
            and a.tokens[-1] in (TA_MARBUTA, SILENT_H) and a.pos not in ("name", "hon"))


def _names_in_a_row(nxt: Analysis) -> bool:
    """A name before ibn/bint or another given name is not in construct (Hibat Allāh is)."""
    word = "".join(nxt.tokens)
    return word in _NAME_PARTICLES or (nxt.pos == "name" and not nxt.has_article and word != "allāh")


def _ezafe(a: Analysis, nxt: Analysis | None, prev: Analysis | None = None) -> str | None:
    """The ezafe form to append: written in the script, or inferred from the parts of speech."""
    if a.ezafe:
        return a.ezafe
    if nxt is None or _opens_with_article(nxt) or _particle(a):  # Ibn Khaldūn, not Ibn-i Khaldūn
        return None
    if a.by_rule:  # an unknown word is taken for a noun only before a known adjective
        return ezafe_kind(a.tokens) if nxt.pos == "adj" else None
    if a.pos == "adj" and nxt.pos == "name":  # Buzurg ʿAlavī, Bāstānī Pārīzī: part of the name
        return None
    if prev is not None and prev.pos == "num" and a.pos == "n" and nxt.pos == "n":
        return None  # a counted noun before what it measures: Dū qarn sukūt, Sih qaṭra khūn
    if a.pos == "prop" and " " in a.tokens:  # a laqab ending in a proper noun: Majd al-Islām Kirmānī
        return None
    if a.pos in ("place", "prop") and nxt.pos == "adj":  # Īrān-i bāstān, Islām-i muʿāṣir
        return ezafe_kind(a.tokens)
    if a.pos in PROPER and _ordinal(nxt):  # Pahlavī-yi avval, Shāh ʿAbbās-i duvvum
        return ezafe_kind(a.tokens)
    if a.pos == "v" and a.tokens[-3:] in (("d", "a", "n"), ("t", "a", "n")) and nxt.pos in _EZAFE_MODIFIERS:
        return ezafe_kind(a.tokens)  # an infinitive is a noun: millī shudan-i naft
    if _before_its_noun(a):  # Muhimtarīn masāʾil, Nukhustīn madāris, Duvvumīn kungira
        return None
    if a.pos == "prepez" and nxt.pos not in _FUNCTION:  # barā-yi Īrān, but pīsh az Islām
        return ezafe_kind(a.tokens)
    if a.pos in _EZAFE_HEADS and nxt.pos in _EZAFE_MODIFIERS:
        return ezafe_kind(a.tokens)
    return None


def _opens_with_article(a: Analysis) -> bool:
    """The word opens with the Arabic article (al-, wa-l-): an Arabic phrase, no ezafe before it;
    a compound with the article inside (Iʿtimād al-Salṭana, Malik al-Shuʿarāʾ) takes one."""
    return a.tokens[0] == ARTICLE or (a.tokens[0] in PROCLITICS and a.tokens[1:2] == (ARTICLE,))


def _before_its_noun(a: Analysis) -> bool:
    """A superlative (-tarīn) or an ordinal in -īn stands before its noun and takes no ezafe."""
    return a.tokens[-5:] == _SUPERLATIVE or a.ordinal == "before"


def _ordinal(a: Analysis) -> bool:
    """An ordinal number (avval, duvvum, bīstum): it follows the name it counts."""
    return a.pos == "adj" and a.ordinal == "after"


def _finish(latin: str, diacritics: bool) -> str:
    return latin if diacritics else strip_diacritics(latin)


def reading_language(text: str, lang: str | None) -> str:
    """The language Arabic-script `text` is read as: `lang` when it is Persian or Arabic, else
    what the text itself says."""
    return lang if lang in tables.LANGS else arabic_script_language(text)


@lru_cache(maxsize=4096)
def arabic_script_language(text: str) -> str:
    """`fa` or `ar` for Arabic-script text (bibkit.text.script), Arabic when there is no cue."""
    guess = language_of(text)
    return guess if guess in tables.LANGS else "ar"
