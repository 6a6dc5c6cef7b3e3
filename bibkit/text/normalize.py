"""Normalization of Persian, Arabic and Latin text, and `fold`, the comparison key.

`normalize` returns text for display and storage: it tidies what was typed without changing
what it says (digits and diacritics stay as written). `fold` returns a key for comparing and
matching, where everything that does not distinguish two words is removed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hazm import Normalizer

# Arabic-script letters, marks and ZWNJ (no digits, no punctuation): the runs hazm may respace.
_ARABIC_WORD = r"[\u0621-\u063A\u0640-\u065F\u0670-\u06D3\u06D5\u06E5\u06E6\u200C\u200D]+"
_ARABIC_RUN = re.compile(rf"{_ARABIC_WORD}(?:[ \t]+{_ARABIC_WORD})*")
_PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFF]+")
_SPACES = re.compile(r"[^\S\n]+")
_ARABIC_MEDIAL_FARSI_YEH = re.compile("\u06CC(?=[\u0621-\u064A\u066E-\u06D3])")

# Characters `fold` maps to another letter: Arabic/Persian letter variants and Latin letters
# that have no Unicode decomposition.
_FOLD_LETTERS = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ٱ": "ا", "ؤ": "و",
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "þ": "th",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i",
}
# Persian and Arabic-Indic digits to ASCII, for reading numbers (display keeps them as written)
ASCII_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_APOSTROPHES = "'`´‘’ʹʻʼʽʾʿ"


@cache
def _hazm() -> Normalizer:
    """hazm's Normalizer, built once: constructing it loads word lists (about a second).

    Options keep bibliographic text as written: digits stay as typed, diacritics the user
    typed stay, quotes and special symbols are not restyled or removed.
    """
    from hazm import Normalizer

    return Normalizer(
        correct_spacing=True,
        remove_diacritics=False,
        remove_specials_chars=False,
        decrease_repeated_chars=False,
        persian_style=False,
        persian_numbers=False,
        unicodes_replacement=True,
        seperate_mi=True,
    )


def fold_presentation_forms(text: str) -> str:
    """Replace Arabic presentation forms (PDF copy-paste) by the base letters."""
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _collapse_spaces(text: str) -> str:
    """Runs of spaces and tabs become one space; lines keep their breaks; ends are trimmed."""
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()


def normalize_persian(text: str) -> str:
    """Persian rules: hazm on Arabic-script runs only, so digits, page ranges and Latin
    parts (`۱۲-۱۵`, `هـ.ش`, `A.H.`) are never respaced; ZWNJ and typed diacritics are kept."""
    text = fold_presentation_forms(unicodedata.normalize("NFC", text))
    hazm = _hazm()
    text = _ARABIC_RUN.sub(lambda m: hazm.normalize(m.group()), text)
    return _collapse_spaces(text)


def normalize_arabic(text: str) -> str:
    """Arabic rules: presentation forms and tatweel go, ي/ى/ك stay Arabic; a Persian keh
    (never Arabic) becomes ك and a non-final Farsi yeh becomes ي (final ی may be ي or ى)."""
    text = fold_presentation_forms(unicodedata.normalize("NFC", text))
    text = text.replace("\u0640", "").replace("ک", "ك")
    text = _ARABIC_MEDIAL_FARSI_YEH.sub("ي", text)
    return _collapse_spaces(text)


def normalize_latin(text: str) -> str:
    """Latin rules: NFC and tidy whitespace; letters and diacritics as written."""
    return _collapse_spaces(unicodedata.normalize("NFC", text))


def normalize(text: str, lang: str | None = None) -> str:
    """Tidy `text` for display by the rules of its language (BCP 47 `lang`, detected if None)."""
    if lang is None:
        from bibkit.text.script import language_of

        lang = language_of(text)
    lang = (lang or "").lower()
    if "-latn" not in lang and lang.startswith("fa"):
        return normalize_persian(text)
    if "-latn" not in lang and lang.startswith("ar"):
        return normalize_arabic(text)
    if any("\u0600" <= ch <= "\u06FF" for ch in text):
        return normalize_arabic(text) if lang.startswith("ar") else normalize_persian(text)
    return normalize_latin(text)


@cache
def _fold_table() -> dict[int, str | None]:
    """The one translate table `fold` applies after NFKD (built once, BMP only)."""
    table: dict[int, str | None] = {}
    for cp in range(0x10000):
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Me", "Cf", "Lm"):
            table[cp] = None
        elif cat == "Nd":
            table[cp] = str(unicodedata.digit(ch))
        elif cat[0] in "PSZ" or ch in "\t\n\r\f\v":
            table[cp] = " "
    for ch in _APOSTROPHES:
        table[ord(ch)] = None
    for src, dst in _FOLD_LETTERS.items():
        table[ord(src)] = dst
    return table


def fold(text: str) -> str:
    """A comparison key: same key for spellings that differ only in form, not in letters.

    NFKD (presentation forms, Latin diacritics, hamza carriers), marks, tatweel, ZWNJ and
    apostrophe-like signs (ʿ ʾ ' ’) removed; Arabic letter variants folded to one (ي ى→ی,
    ك→ک, ة→ه, أ إ آ→ا); all digits ASCII; punctuation to spaces; casefolded; one space.
    """
    return " ".join(unicodedata.normalize("NFKD", text).translate(_fold_table()).casefold().split())


def rejoin_hyphens(text: str) -> str:
    """Line-break hyphens: `pho- tonic` -> `photonic`, `Martin- Facklam` -> `Martin-Facklam`;
    a suspended hyphen (`pre- and post-war`, `Lehr- und Lernmittel`) stays."""
    return _BROKEN_WORD.sub(lambda m: m.group(1) + ("" if m.group(2).islower() else "-") + m.group(2), text)


# `Toron- to Press` joins; a hyphen left hanging before `and` (`self- and group`) or before
# `to` and a hyphenated word (`18- to 24-month`) stays
_BROKEN_WORD = re.compile(r"(\w)- (?!(?:and|or|und|oder|et|ou|y|e|o|i)\s+\w|(?:to|bis)\s+\w+-)(\w)")
