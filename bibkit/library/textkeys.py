"""Text keys for matching records across scripts: the one adapter between the library and
`bibkit.text`.

Everything the library needs from the text layer (folding, name matching, romanization,
calendar years) goes through here, so a change in `bibkit.text` is one edit in one place.
The consonant skeleton is the library's own key: Arabic-script text and its romanizations
(`Khadduri`, `Khaduri`, خدوری) share it, so blocking and scoring survive romanization.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from bibkit.datafiles import package_cells
from bibkit.model import Date, Name
from bibkit.text import names, translit
from bibkit.text.calendars import to_gregorian_year
from bibkit.text.normalize import fold
from bibkit.text.script import has_arabic

__all__ = [
    "family_key",
    "fold",
    "gregorian_years",
    "name_block_key",
    "person_key",
    "romanize",
    "same_person",
    "skeleton",
    "strip_leading_article",
]

_LATIN_DIGRAPH = re.compile(r"kh|gh|sh|ch|th|dh|zh|ph|ck|[a-z]")
# Gregorian years that may really be Hijri years written without a marker (1398 = 2019).
_HIJRI_RANGE = range(1250, 1500)


@cache
def _skeleton_table() -> dict[str, str]:
    """Letter or digraph -> consonant class (data file `skeleton.tsv`)."""
    return {row[0]: (row[1] if len(row) > 1 else "") for row in package_cells("bibkit.library.data", "skeleton.tsv")}


@cache
def _articles() -> dict[str, frozenset[str]]:
    """Article forms by kind (`prefix`, `word`, `assimilated`, `leading`), from `articles.txt`."""
    rows = list(package_cells("bibkit.library.data", "articles.txt"))
    return {kind: frozenset(r[1] for r in rows if r[0] == kind)
            for kind in ("prefix", "word", "assimilated", "leading")}


@cache
def _prefixes() -> tuple[str, ...]:
    return tuple(sorted(_articles()["prefix"], key=len, reverse=True))


def _is_article(word: str, following: str) -> bool:
    """`al`, or an assimilated article before its own consonant (`at` in at-tawhid)."""
    if word in _articles()["word"]:
        return True
    return word in _articles()["assimilated"] and following.startswith(word[1:])


def strip_leading_article(text: str) -> str:
    """Folded text without the article it opens with, when more follows: a European one
    (`the`, `an`, `les`, `die`) or an Arabic one as the skeleton drops it (`al`, `at` in
    at-tawhid)."""
    head, _, rest = text.partition(" ")
    if rest and (head in _articles()["leading"] or _is_article(head, rest)):
        return rest
    return text


@lru_cache(maxsize=1 << 16)
def _word_skeleton(word: str) -> str:
    """One folded word's consonant classes, repeats collapsed (shadda is rarely written)."""
    table = _skeleton_table()
    if has_arabic(word):
        for prefix in _prefixes():
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                word = word[len(prefix):]
                break
        letters = [table.get(ch, "") for ch in word]
    else:
        letters = [table.get(m.group(), "") for m in _LATIN_DIGRAPH.finditer(word)]
    out: list[str] = []
    for cls in letters:
        if cls and (not out or out[-1] != cls):
            out.append(cls)
    return "".join(out)


def skeleton(text: str) -> str:
    """Consonant skeleton of `text`, word by word, shared by a script and its romanizations."""
    words = fold(text).split()
    kept = [w for w, nxt in zip(words, words[1:] + [""]) if not _is_article(w, nxt)]
    return " ".join(s for w in kept if (s := _word_skeleton(w)))


def family_key(name: Name) -> str:
    """Folded family name (the last word of a literal), particles left out."""
    if name.family:
        return fold(name.family)
    words = fold(name.literal or "").split()
    return words[-1] if words else ""


def _given_initial(name: Name) -> str:
    if name.given:
        return fold(name.given)[:1]
    words = fold(name.literal or "").split()
    return words[0][:1] if len(words) > 1 else ""


def name_block_key(name: Name) -> str:
    """The family name's consonant classes: shared by its romanizations and its script form."""
    family = family_key(name)
    return names.name_key(family) or family


def person_key(name: Name) -> tuple[str, str]:
    """(folded family name, given initial): what `same_person` compares, computed once."""
    return family_key(name), _given_initial(name)


@lru_cache(maxsize=1 << 16)
def _same_family(a: str, b: str) -> bool:
    return a == b or names.same_name(a, b) >= names.SAME_NAME_THRESHOLD


def same_person(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Family names that are variants of one name (Hosseini / Husayni / حسینی), and given
    initials that do not contradict each other (compared only within one script)."""
    (fa, ia), (fb, ib) = a, b
    if not fa or not fb or not _same_family(fa, fb):
        return False
    return not (ia and ib and has_arabic(ia) == has_arabic(ib) and ia != ib)


def romanize(text: str) -> str:
    """Plain romanization of Arabic-script text for search keys ("" for other text)."""
    return translit.romanize(text, scheme="simple", diacritics=False) if has_arabic(text) else ""


def gregorian_years(date: Date | None) -> frozenset[int]:
    """The Gregorian years a date may stand for: a Hijri year spans two Gregorian years,
    and an unmarked year in the Hijri range may be Solar or Lunar Hijri."""
    if date is None or date.year is None:
        return frozenset()
    year = date.year
    if date.calendar != "gregorian":
        # parts are already Gregorian (the year the Hijri year starts in); `raw` keeps the
        # Hijri original, which may also end in the next Gregorian year
        return frozenset((year, year + 1))
    if year in _HIJRI_RANGE:
        solar = to_gregorian_year("solar-hijri", year)
        lunar = to_gregorian_year("lunar-hijri", year)
        return frozenset((year, solar, solar + 1, lunar, lunar + 1))
    return frozenset((year,))
