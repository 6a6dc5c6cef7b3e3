"""Romanizing text: split into words, read each, then apply the rules that need neighbours.

Neighbour rules: Persian ezafe (written, or inferred where a noun or adjective is followed by
a modifier), Arabic ta marbuta in construct before a defined or proper noun, capitalization
of the first word and of proper nouns. Anything that is not Arabic script (Latin, numbers,
punctuation) passes through, with Persian and Arabic digits and punctuation made ASCII.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bibkit.text.script import language_of
from bibkit.text.translit import overrides as user_overrides
from bibkit.text.translit import tables
from bibkit.text.translit.analyze import Analysis, analyze
from bibkit.text.translit.lexicon import PROPER, key, name_entry
from bibkit.text.translit.reading import ARTICLE, TA_MARBUTA
from bibkit.text.translit.render import ezafe_kind, render

_WORD = re.compile("[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d5\u200c]+")
_PUNCT = str.maketrans({"،": ",", "؛": ";", "؟": "?", "«": "\"", "»": "\"", "٪": "%", "٫": ".",
                        **{chr(0x0660 + d): str(d) for d in range(10)},
                        **{chr(0x06F0 + d): str(d) for d in range(10)}})
_EZAFE_HEADS = frozenset({"n", "adj", "prepez"})
_EZAFE_MODIFIERS = frozenset({"n", "adj", "name", "place", "org", "pron", "hon", ""})
_CONSTRUCT_NEXT = PROPER | {"n", "num"}
_NUMBER = Analysis(("0",), "num")
_NAME_PARTICLES = frozenset({"ibn", "bin", "bint", "abū", "abī", "umm"})


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
    language = lang if lang in tables.LANGS else _language(text)
    parts = _split(text, language)
    words = [p for p in parts if not isinstance(p, str)]
    out: list[str | RomanizedWord] = []
    named = False  # the word before was capitalized as part of a name
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
        first = capitalize and words[0] is part and not any(c.isalpha() for c in text[: text.find(word)])
        title = analysis.pos == "hon" and nxt is not None and nxt.pos == "name"  # Mīrzā Āqā Khān
        after_name = prev is not None and (named or prev.pos == "name")
        before_name = prev is None and nxt is not None and nxt.pos == "name" and len(words) <= 3
        if (after_name or before_name) and analysis.pos not in PROPER and not analysis.by_rule:
            # ʿAlī Aṣghar Ḥikmat; and a short string opening a name (Rasūl Jaʿfariyān) is a name
            analysis = _as_name(word, analysis, language)  # ʿAlī Aṣghar Ḥikmat, Ibrāhīm Gulistān
            parts[i] = (word, analysis)
        named = prev is not None and _in_name(analysis, prev, named or prev.pos == "name")
        latin = _render(analysis, nxt, language, scheme, first or title or named)
        out.append(RomanizedWord(word, _finish(latin, diacritics), analysis.by_rule))
    return out


def _as_name(word: str, analysis: Analysis, lang: str) -> Analysis:
    """A common noun that is also a name is read as the name when it follows a name."""
    entry = name_entry(key(word.strip("\u0640\u200c")), lang)
    if entry is None or analysis.has_article:
        return analysis
    return Analysis(entry.tokens, entry.pos, False, analysis.ezafe, False)


def _split(text: str, lang: str) -> list[str | tuple[str, Analysis]]:
    """Separators and (word, analysis) pairs, in order."""
    parts: list[str | tuple[str, Analysis]] = []
    at = 0
    for match in _WORD.finditer(text):
        if match.start() > at:
            parts.append(text[at:match.start()])
        elif parts and not isinstance(parts[-1], str):
            parts.append("")
        parts.append((match.group(), analyze(match.group().strip("\u0640\u200c"), lang)))
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


def _render(a: Analysis, nxt: Analysis | None, lang: str, scheme: str, first: bool) -> str:
    proper = a.pos in PROPER
    return render(a.tokens, lang, scheme, capitalize=proper or first, first_only=not proper,
                  construct=lang == "ar" and _construct(a, nxt), ezafe=_ezafe(a, nxt) if lang == "fa" else None)


def _construct(a: Analysis, nxt: Analysis | None) -> bool:
    """Ta marbuta reads -at before a defined or proper noun (Thawrat al-ʿIshrīn, Jāmiʿat Baghdād),
    not before an adjective, nor in a name before its nisba (Rifāʿa al-Ṭahṭāwī)."""
    if nxt is None or a.tokens[-1] != TA_MARBUTA or a.has_article or nxt.pos == "adj":
        return False
    if a.pos in ("name", "") and nxt.has_article and nxt.tokens[-1] == "ī":
        return False
    if a.pos == "name" and _names_in_a_row(nxt):  # Ṭarafa ibn al-ʿAbd, Salāma Mūsā
        return False
    return nxt.has_article or nxt.pos in _CONSTRUCT_NEXT


def _names_in_a_row(nxt: Analysis) -> bool:
    """A name before ibn/bint or another given name is not in construct (Hibat Allāh is)."""
    word = "".join(nxt.tokens)
    return word in _NAME_PARTICLES or (nxt.pos == "name" and not nxt.has_article and word != "allāh")


def _ezafe(a: Analysis, nxt: Analysis | None) -> str | None:
    """The ezafe form to append: written in the script, or inferred from the parts of speech."""
    if a.ezafe:
        return a.ezafe
    if nxt is None or nxt.has_article:
        return None
    if a.by_rule:  # an unknown word is taken for a noun only before a known adjective
        return ezafe_kind(a.tokens) if nxt.pos == "adj" else None
    if a.pos == "adj" and nxt.pos == "name":  # Buzurg ʿAlavī, Bāstānī Pārīzī: part of the name
        return None
    if a.pos == "prepez" or (a.pos in _EZAFE_HEADS and nxt.pos in _EZAFE_MODIFIERS):
        return ezafe_kind(a.tokens)
    return None


def _finish(latin: str, diacritics: bool) -> str:
    return latin if diacritics else strip_diacritics(latin)


@lru_cache(maxsize=4096)
def _language(text: str) -> str:
    """`fa` or `ar` for Arabic-script text (bibkit.text.script), Arabic when there is no cue."""
    guess = language_of(text)
    return guess if guess in tables.LANGS else "ar"
