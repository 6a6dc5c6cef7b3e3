"""Sort keys that order Persian and Arabic by their alphabets and Latin without regard to
diacritics, with the Arabic article ignored when a style wants it.

Code-point order puts پ چ ژ گ after ی; these keys place them where readers look for them
(پ after ب, چ after ج, ژ after ز, گ after ک). Persian follows CLDR's `fa` collation, Arabic
the hijāʾī order. Latin letters sort before Arabic-script ones, digits before both.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

from bibkit.text.normalize import fold

_PRIVATE_BASE = 0xE000  # Arabic-script letters sort as private-use characters, after Latin
_LATIN_ARTICLE = re.compile(r"^(?:[ae]l|a[dnrstz]|a[st]h|adh|ad)[-‐‑]\s*", re.IGNORECASE)
_ARABIC_ARTICLE = re.compile(r"^\W*ال(?=\w{2})")


@cache
def _alphabets() -> dict[str, Any]:
    raw = resources.files("bibkit.text").joinpath("data/alphabets.json").read_text("utf-8")
    return json.loads(raw)


@cache
def _table(lang: str) -> dict[int, str]:
    """Translate table from letters (and their variants) to private-use sort characters."""
    data = _alphabets()
    letters = data[lang].split()
    table = {ord(ch): chr(_PRIVATE_BASE + i) for i, ch in enumerate(letters)}
    variants = data["variants_ar"] if lang == "ar" else data["variants"]
    for variant, base in variants.items():
        table[ord(variant)] = table[ord(base)]
    return table


def _arabic_lang(text: str, lang: str | None) -> str:
    """`ar` or `fa`: the alphabet to sort Arabic-script text by (Persian unless told/seen)."""
    if lang is None:
        from bibkit.text.script import language_of

        lang = language_of(text)
    return "ar" if (lang or "").lower().startswith("ar") else "fa"


def strip_article(text: str, lang: str | None = None) -> str:
    """Text without a leading Arabic article: `al-`/`el-`/`aš-` ... and, in Arabic, `ال`."""
    text = text.lstrip()
    text = _LATIN_ARTICLE.sub("", unicodedata.normalize("NFC", text))
    if _arabic_lang(text, lang) == "ar":
        text = _ARABIC_ARTICLE.sub("", text)
    return text


def sort_key(text: str, *, lang: str | None = None, ignore_article: bool = True) -> tuple[str, str, str]:
    """A key to sort `text` by: alphabet order first, then diacritics and case, then the
    text itself so the order is total. `lang` (`fa`, `ar`) picks the Arabic-script alphabet;
    detected when None."""
    if ignore_article:
        text = strip_article(text, lang)
    alphabet = _table(_arabic_lang(text, lang))
    stripped = unicodedata.normalize("NFC", text).translate(alphabet)
    primary = fold(stripped)
    secondary = unicodedata.normalize("NFC", text).casefold()
    return primary, secondary, text
