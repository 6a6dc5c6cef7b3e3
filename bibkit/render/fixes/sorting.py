"""Sorting: a real collation instead of code-point order, and stable multi-key sorts.

citeproc-py compares sort keys with `str.lower()`: Persian letters that Arabic lacks (پ چ ژ گ)
sort after ی, markup (`<i>`) takes part in the comparison, and accented Latin sorts after z.
bibkit sorts each key with `bibkit.text.collation.sort_key` when that module is present, and
otherwise with a fallback: accents folded, case folded, markup and leading punctuation
dropped, Arabic-script letters in Persian alphabet order (data/arabic_script_order.txt).
Empty keys go last in either direction, numbers compare as numbers (CSL 1.0.2 "Sorting").
A leading Arabic article (`al-`, `ال`) is part of the key, as in citeproc-js: CSL styles have
no way to ask for it to be ignored, and what a style wants to ignore it encodes as a particle
(`demote-non-dropping-particle`). Measured on the suite category `sort` and on
`bench/render_compare.py` (order of the bibliography).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

_TAG = re.compile(r"<[^>]+>")
_LEAD = re.compile(r"^[\W_]+")
_PRIVATE_BASE = 0xE000


@cache
def _letter_ranks() -> dict[str, str]:
    """Arabic-script letter -> a private-use character that sorts in alphabet order."""
    text = resources.files("bibkit.render").joinpath("data/arabic_script_order.txt").read_text("utf-8")
    ranks: dict[str, str] = {}
    lines = [ln.split() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for rank, letters in enumerate(lines):
        for letter in letters:
            ranks[letter] = chr(_PRIVATE_BASE + rank)
    return ranks


def fallback_sort_key(text: str) -> str:
    """Accent- and case-folded text with Arabic-script letters in Persian alphabet order."""
    ranks = _letter_ranks()
    plain = _LEAD.sub("", _TAG.sub("", text))
    folded = "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))
    return "".join(ranks.get(c, c) for c in folded.casefold().replace("\u200c", " "))


@cache
def collation() -> Callable[[str], Any]:
    """bibkit's shared collation if it is installed, else the fallback above."""
    try:
        from bibkit.text.collation import sort_key
    except ImportError:
        return fallback_sort_key
    return lambda text: sort_key(_LEAD.sub("", _TAG.sub("", text)), lang="fa", ignore_article=False)


def _comparable(value: Any) -> Any:
    """A number stays a number; anything else becomes a collation key."""
    if isinstance(value, int):
        return (0, value)
    text = str(value)
    if text.lstrip("-").isdigit():
        return (0, int(text))
    return (1, collation()(text))


def sort_items(items: list[Any], keys: list[list[Any]], descending: list[bool]) -> list[Any]:
    """Stable multi-key sort, least significant key first; empty values always last."""
    order = list(range(len(items)))
    for values, desc in reversed(list(zip(keys, descending))):
        present = [i for i in order if values[i] not in (None, "")]
        missing = [i for i in order if values[i] in (None, "")]
        order = sorted(present, key=lambda i: _comparable(values[i]), reverse=desc) + missing
    return [items[i] for i in order]


def sort_lazily(items: list[Any], keys: list[tuple[Callable[[list[Any]], list[Any]], bool]]) -> list[Any]:
    """The order `sort_items` gives, asking each key only for items the keys before it left
    tied (`keys`: a function giving one value per item, and whether it sorts descending).
    A bibliography of distinct authors then renders its secondary sort macros for nobody."""
    if len(items) < 2 or not keys:
        return list(items)
    values_of, desc = keys[0]
    marks = [None if v in (None, "") else _comparable(v) for v in values_of(items)]
    present = sorted((i for i, m in enumerate(marks) if m is not None), key=marks.__getitem__, reverse=desc)
    out: list[Any] = []
    run: list[int] = []
    for i in present:
        if run and marks[i] != marks[run[-1]]:
            out += sort_lazily([items[j] for j in run], keys[1:])
            run = []
        run.append(i)
    if run:
        out += sort_lazily([items[j] for j in run], keys[1:])
    missing = [items[i] for i, m in enumerate(marks) if m is None]
    return out + sort_lazily(missing, keys[1:])


class CollatedSort:
    """`cs:sort`: sort with the collation above, computing later keys only for ties."""

    def sort(self, items, context):
        keys = [(lambda group, key=key: key.sort_keys(group, context),
                 key.get("sort", "ascending").lower() == "descending")
                for key in self.findall("cs:key", self.nsmap)]
        return sort_lazily(list(items), keys)


MIXINS: dict[str, tuple[type, ...]] = {"sort": (CollatedSort,)}
