"""Dictionaries for the reference labeller: given names, particles, honorifics, places,
publishers, periodicals and cue words, in English, Persian and Arabic (script and romanized).

Each `*.tsv` file here is one dictionary (`lang <TAB> form [<TAB> variants|...]`) giving one
tag (`places.tsv` -> `place`; words that only mark a name, such as Press or فصلنامه, are
`publisher-word` and `periodical-word`). `cues.tsv` has a leading label column and
gives tags `cue:<label>`. Lookups fold the variants real lists mix: Arabic/Persian letters
(ي/ی, ك/ک, ة/ه, hamza forms), digits, ZWNJ, diacritics (harakat and Latin accents), case,
ʿ/ʾ/' and hyphens, and surrounding punctuation, so `(تهران:` and `Tehrān,` both hit `place`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from bibkit.datafiles import package_cells

EMPTY: frozenset[str] = frozenset()

# dictionary file -> tag (cues.tsv is read separately: its tag comes from its first column)
_FILES = {
    "given.tsv": "given",
    "particles.tsv": "particle",
    "honorifics.tsv": "honorific",
    "places.tsv": "place",
    "publishers.tsv": "publisher",
    "publisher_words.tsv": "publisher-word",
    "periodicals.tsv": "periodical",
    "periodical_words.tsv": "periodical-word",
}
_CUES = "cues.tsv"

# characters stripped from both ends of a token before lookup
_EDGE = "\"'()[]{}<>.,;:!?«»“”„‘’‚‹›،؛؟٫٬-–—―‐/\\|*+=~_…·•°#%$@^`\u200c\u200d\u200e\u200f\u00a0"


@dataclass(frozen=True)
class Entry:
    """One dictionary row: the tag, language, main form and its variants (romanizations)."""

    tag: str
    lang: str
    form: str
    variants: tuple[str, ...] = ()


@cache
def _fold_table() -> dict[int, str | None]:
    """A `str.translate` table doing every per-character fold in one pass (built once)."""
    table: dict[int, str | None] = {}
    for code in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        base = "".join(c for c in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(c))
        if base and base != chr(code):
            table[code] = base
    for code in list(range(0x064B, 0x0660)) + [0x0670, 0x0640, 0x06ED]:
        table[code] = None  # harakat, superscript alef, tatweel
    for code in range(0x0300, 0x0370):
        table[code] = None  # combining Latin diacritics
    for digits in ("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"):
        table.update({ord(d): str(i) for i, d in enumerate(digits)})
    letters = {"ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ؤ": "و",
               "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ء": None}
    table.update({ord(k): v for k, v in letters.items()})
    for ch in "\u200c\u200d\u200e\u200f\u00adʿʾʼ'’‘`-‐":
        table[ord(ch)] = None  # joiners, marks, ayn/hamza signs, apostrophes, hyphens
    return table


def fold(token: str) -> str:
    """The lookup key of one token: punctuation-trimmed, script- and case-folded."""
    return token.strip(_EDGE).translate(_fold_table()).casefold()


def _entry(tag: str, cols: list[str]) -> Entry:
    variants = tuple(v for v in cols[2].split("|") if v) if len(cols) > 2 else ()
    return Entry(tag, cols[0], cols[1], variants)


@cache
def entries() -> tuple[Entry, ...]:
    """Every dictionary row, in file order (the synthetic generator draws from these too)."""
    rows = [_entry(tag, cols) for name, tag in _FILES.items() for cols in package_cells(__name__, name)]
    rows += [_entry(f"cue:{cols[0]}", cols[1:]) for cols in package_cells(__name__, _CUES)]
    return tuple(rows)


def entries_for(tag: str, lang: str | None = None) -> tuple[Entry, ...]:
    """The rows of one dictionary, optionally of one language (`fa`, `ar`, `en` ...)."""
    return tuple(e for e in _by_tag().get(tag, ()) if lang is None or e.lang == lang)


@cache
def _by_tag() -> dict[str, tuple[Entry, ...]]:
    grouped: dict[str, list[Entry]] = {}
    for e in entries():
        grouped.setdefault(e.tag, []).append(e)
    return {k: tuple(v) for k, v in grouped.items()}


@dataclass(frozen=True)
class _Index:
    single: dict[str, frozenset[str]]  # folded one-token form -> tags
    phrases: dict[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]]  # first key -> longest first
    prefixes: tuple[str, ...]  # hyphenated particles matched at a token's start (al-, el-)


@cache
def _index() -> _Index:
    """Build the folded lookup tables once, on first use."""
    single: dict[str, set[str]] = {}
    multi: dict[tuple[str, ...], set[str]] = {}
    prefixes: set[str] = set()
    for e in entries():
        for form in (e.form, *e.variants):
            keys = tuple(fold(t) for t in form.split())
            if len(keys) == 1 and keys[0]:
                single.setdefault(keys[0], set()).add(e.tag)
            elif len(keys) > 1:
                multi.setdefault(keys, set()).add(e.tag)
            if e.tag == "particle" and form.endswith("-") and " " not in form:
                prefixes.add(form.casefold())
    phrases: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
    for keys, tags in multi.items():
        phrases.setdefault(keys[0], []).append((keys, frozenset(tags)))
    return _Index(
        single={k: frozenset(v) for k, v in single.items()},
        phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
        prefixes=tuple(sorted(prefixes, key=len, reverse=True)),
    )


@lru_cache(maxsize=1 << 16)
def tags_for(token: str) -> frozenset[str]:
    """Which dictionaries one token is in (`{"given"}`, `{"place", "cue:..."}`, or empty).

    A hyphenated particle at the start (`al-Najaf`) adds `particle` and the rest is looked up
    too. Multi-word entries are not seen here: use `phrase_tags` on the token list.
    """
    index = _index()
    tags = index.single.get(fold(token), EMPTY)
    low = token.strip(_EDGE).casefold()
    if "-" not in low:
        return tags
    for prefix in index.prefixes:
        if low.startswith(prefix) and len(low) > len(prefix):
            rest = index.single.get(fold(low[len(prefix):]), EMPTY)
            return tags | rest | {"particle"}
    return tags


def phrase_tags(tokens: list[str]) -> list[frozenset[str]]:
    """Per token, the tags of multi-word entries it is inside (`New York`, `دار الكتب العلمية`).

    Longest match wins at each start. Two adjacent tokens that fold to a one-word entry once
    joined (a ZWNJ turned into a space: `بی تا`) are marked too.
    """
    index = _index()
    keys = list(map(_token_key, tokens))
    found: dict[int, set[str]] = {}  # most tokens are in no phrase: no set for them
    for i, key in enumerate(keys):
        for phrase, tags in index.phrases.get(key, ()):
            end = i + len(phrase)
            if tuple(keys[i:end]) == phrase:
                for j in range(i, end):
                    found.setdefault(j, set()).update(tags)
                break
        if i + 1 < len(keys) and key and keys[i + 1]:
            joined = index.single.get(key + keys[i + 1])
            if joined:
                found.setdefault(i, set()).update(joined)
                found.setdefault(i + 1, set()).update(joined)
    return [frozenset(tags) if (tags := found.get(i)) else EMPTY for i in range(len(keys))]


def is_place(text: str) -> bool:
    """Every word of `text` is a known place, alone or inside a place phrase (`Paris`,
    `New York, NY`, `تهران`)."""
    words = text.split()
    return bool(words) and all("place" in tags_for(w) or "place" in p for w, p in zip(words, phrase_tags(words)))


@lru_cache(maxsize=1 << 16)
def _token_key(token: str) -> str:
    """`fold` of one token, kept: the same tokens come back in reference after reference."""
    return fold(token)
