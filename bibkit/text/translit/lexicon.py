"""The vocalized lexicon: script form -> reading and part of speech, per language.

Entries live in `data/lexicon/*.tsv` (script, lang fa|ar|both, reading, pos), keyed by the
folded script form (`bibkit.text.normalize.fold`: marks stripped, ي/ی and ك/ک folded), so a
word typed on either keyboard finds its reading. Short vowels are not written in the
script, so this file is where the romanizer learns how a word is read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from bibkit.datafiles import package_rows
from bibkit.errors import InputError
from bibkit.text.normalize import fold
from bibkit.text.translit.reading import parse

POS = frozenset({"n", "adj", "name", "place", "org", "prop", "hon", "prep", "prepez", "conj", "pron", "num", "v",
                 "adv"})
# prop: a proper noun that is neither a person nor a place (a religion, a scripture, a dynasty:
# Islām, Qurʾān, Sāsāniyān), capitalized in titles but not in a glossary word
PROPER = frozenset({"name", "place", "org", "prop"})
NUMBER = frozenset({"num"})


@dataclass(frozen=True)
class Entry:
    """One lexicon reading: tokens of the internal form and the word's part of speech."""

    script: str
    lang: str
    tokens: tuple[str, ...]
    pos: str


@lru_cache(maxsize=1 << 16)
def key(word: str) -> str:
    """The lookup key of a script word (fold, without spaces or ZWNJ), kept: the romanizer
    asks it of every word several times.

    Alif maqsura is kept apart from yeh (as alif), so على (ʿalā) and علي (ʿAlī) differ.
    """
    return fold(word.replace("ى", "ا")).replace(" ", "")


@cache
def _entries() -> tuple[Entry, ...]:
    """Every entry of every TSV under data/lexicon, in file order (read once)."""
    folder = resources.files("bibkit.text.translit").joinpath("data/lexicon")
    return tuple(entry for item in sorted(folder.iterdir(), key=lambda p: p.name) if item.name.endswith(".tsv")
                 for entry in _read(f"lexicon/{item.name}"))


def _index(entries: Iterable[Entry]) -> dict[str, dict[str, Entry]]:
    """lang -> key -> the first of `entries` with that key (a `both` entry in each language)."""
    out: dict[str, dict[str, Entry]] = {"fa": {}, "ar": {}}
    for entry in entries:
        for lang in ("fa", "ar") if entry.lang == "both" else (entry.lang,):
            out[lang].setdefault(key(entry.script), entry)
    return out


@cache
def lexicon() -> dict[str, dict[str, Entry]]:
    """lang -> key -> entry, from every TSV under data/lexicon."""
    return _index(_entries())


def _read(name: str) -> list[Entry]:
    """Entries of one TSV file under data/; a malformed line is an InputError naming file and line."""
    entries = []
    for where, cols in package_rows("bibkit.text.translit", f"data/{name}"):
        if len(cols) != 4 or cols[1] not in ("fa", "ar", "both") or cols[3] not in POS:
            raise InputError(f"expected script, fa|ar|both, reading, pos: {cols!r}", where=where)
        script, lang, reading, pos = cols
        entries.append(Entry(script, lang, parse(reading, script, where), pos))
    return entries


def lookup(word_key: str, lang: str) -> Entry | None:
    """The entry for a folded word, in `lang` first, then in the other language."""
    return _first(lexicon(), word_key, lang)


@cache
def _of_kind(pos: frozenset[str]) -> dict[str, dict[str, Entry]]:
    """lang -> key -> the entry of a word with one of these parts of speech, also where its
    first entry has another (حکمت the name beside ḥikmat, نه the number beside na)."""
    return _index(entry for entry in _entries() if entry.pos in pos)


def name_entry(word_key: str, lang: str) -> Entry | None:
    """The reading of a word as a name (حکمت Ḥikmat, گلستان Gulistān), in `lang` first."""
    return _first(_of_kind(PROPER), word_key, lang)


def number_entry(word_key: str, lang: str) -> Entry | None:
    """The reading of a word as a number (نه nuh, not the conjunction na), in `lang` first."""
    return _first(_of_kind(NUMBER), word_key, lang)


def _first(index: dict[str, dict[str, Entry]], word_key: str, lang: str) -> Entry | None:
    """The entry in `lang`, else in the other language (titles quote words of the other)."""
    return index[lang].get(word_key) or index["ar" if lang == "fa" else "fa"].get(word_key)


def size() -> int:
    """Number of distinct (language, word) readings."""
    return sum(len(v) for v in lexicon().values())
