"""BCP 47 tags <-> the language names biblatex, babel and RIS use."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def _table() -> dict[str, tuple[str, str]]:
    raw = json.loads(resources.files("bibkit.data").joinpath("languages.json").read_text("utf-8"))
    return {tag: (names[0], names[1]) for tag, names in raw["languages"].items()}


@cache
def _by_name() -> dict[str, str]:
    out: dict[str, str] = {}
    for tag, (name, babel) in _table().items():
        out[name.casefold()] = tag
        out[babel.casefold()] = tag
        out[tag] = tag
    out.update({"farsi": "fa", "english (us)": "en", "american": "en", "british": "en", "german": "de"})
    return out


def primary(tag: str) -> str:
    """`fa-Latn-x-ijmes` -> `fa`."""
    return tag.split("-", 1)[0].casefold()


def name_of(tag: str) -> str:
    """English language name for biblatex `language` and RIS `LA` (`Persian`); the tag if unknown."""
    return _table().get(primary(tag), (tag, tag))[0]


def babel_of(tag: str) -> str:
    """babel/polyglossia name for biblatex `langid` (`persian`); `english` if unknown."""
    return _table().get(primary(tag), ("", "english"))[1]


def tag_of(name: str) -> str | None:
    """A BCP 47 tag from a language name, babel name or tag as users write them."""
    key = name.strip().casefold()
    if not key:
        return None
    if key in _by_name():
        return _by_name()[key]
    head = key.split("-", 1)[0]
    return head if head in _table() else None
