"""Rendering a reading in one scheme: table look-ups plus the few context rules of the schemes.

Context rules: the article after a proclitic (wa-l- / wa-al- / lil-) and DIN's sun-letter
assimilation; ta marbuta in construct (-at); the ezafe suffix chosen by how the word ends;
capitalization of proper nouns and of the first word, never of the article.
"""

from __future__ import annotations

from functools import lru_cache

from bibkit.text.translit import tables
from bibkit.text.translit.reading import (
    ALIF_MAQSURA,
    ARTICLE,
    PROCLITICS,
    SILENT_H,
    SPACE,
    TA_MARBUTA,
)

_MARK_LETTERS = frozenset("ʿʾʻʼ'")
_LONG_END = frozenset({"ā", "ū", ALIF_MAQSURA})


@lru_cache(maxsize=65536)
def render(tokens: tuple[str, ...], lang: str, scheme: str, *, capitalize: bool = False,
           first_only: bool = False, construct: bool = False, ezafe: str | None = None) -> str:
    """The Latin form of a word's tokens; sub-words (compounds) are separated by spaces."""
    words = _split(tokens)
    out = []
    for i, sub in enumerate(words):
        last = i == len(words) - 1
        cap = capitalize and (i == 0 or not first_only)
        out.append(_render_one(sub, lang, scheme, cap, construct and last))
    if ezafe:
        out[-1] += tables.ezafe(ezafe, scheme)
    return " ".join(out)


def ezafe_kind(tokens: tuple[str, ...]) -> str:
    """Which ezafe form a word takes, from how its reading ends."""
    last = tokens[-1]
    if last in (SILENT_H, TA_MARBUTA):
        return "silent_h"
    if last == "ī":
        return "long_i"
    return "long_vowel" if last in _LONG_END else "consonant"


def _split(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    words: list[tuple[str, ...]] = [()]
    for tok in tokens:
        if tok == SPACE:
            words.append(())
        else:
            words[-1] += (tok,)
    return [w for w in words if w]


def _render_one(tokens: tuple[str, ...], lang: str, scheme: str, cap: bool, construct: bool) -> str:
    prefix, body = _prefix(tokens, lang, scheme)
    text = "".join(_body(body, lang, scheme, construct))
    if tables.drops_initial_marks(scheme):
        text = text.lstrip("'")
    return prefix + (_capitalized(text) if cap else text)


def _prefix(tokens: tuple[str, ...], lang: str, scheme: str) -> tuple[str, tuple[str, ...]]:
    """Proclitics and the article rendered together, and the tokens left for the body."""
    i = 0
    clitics = []
    while i < len(tokens) and tokens[i] in PROCLITICS:
        clitics.append(tokens[i])
        i += 1
    if i >= len(tokens) or tokens[i] != ARTICLE:
        return "".join(tables.value(c, lang, scheme) for c in clitics), tokens[i:]
    body = tokens[i + 1:]
    head = "".join(tables.value(c, lang, scheme) for c in clitics)
    if tables.assimilates_article(scheme) and body and body[0] in tables.sun_letters():
        return head + ("" if clitics else "a") + tables.value(body[0], lang, scheme) + "-", body
    if clitics and clitics[-1] == "li-":
        return head[: -len("li-")] + tables.value("ART+li", lang, scheme), body
    return head + tables.value("ART+vowel" if clitics else "ART", lang, scheme), body


def _body(tokens: tuple[str, ...], lang: str, scheme: str, construct: bool) -> list[str]:
    out = []
    for i, tok in enumerate(tokens):
        if tok in (TA_MARBUTA, SILENT_H) and construct and i == len(tokens) - 1:
            out.append(tables.value("TA+construct", lang, scheme))
        else:
            out.append(tables.value(tok, lang, scheme))
    return out


def _capitalized(text: str) -> str:
    """Upper-case the first letter, skipping ʿ and ʾ (ʿAlī, not ʿalī)."""
    for i, ch in enumerate(text):
        if ch not in _MARK_LETTERS:
            return text[:i] + ch.upper() + text[i + 1:]
    return text
