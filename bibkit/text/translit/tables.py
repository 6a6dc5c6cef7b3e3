"""The scheme table: one internal reading rendered in four schemes from data, not code.

`data/schemes.json` holds, for every token of the internal reading, its value in each scheme
for Arabic, with the Persian values that differ; the ezafe, article and proclitic forms sit
beside them. The renderer only looks values up here.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from bibkit.errors import UsageError

SCHEMES = ("ijmes", "ala-lc", "din", "simple")
LANGS = ("fa", "ar")


@cache
def table() -> dict[str, Any]:
    """The parsed scheme table (loaded once)."""
    text = resources.files("bibkit.text.translit").joinpath("data/schemes.json").read_text("utf-8")
    return json.loads(text)


def check_scheme(scheme: str) -> str:
    """The scheme name, or a UsageError naming the valid ones."""
    if scheme not in SCHEMES:
        raise UsageError(f"unknown romanization scheme {scheme!r} (choose from {', '.join(SCHEMES)})")
    return scheme


@cache
def value(token: str, lang: str, scheme: str) -> str:
    """The Latin value of one reading token in `scheme` for `lang` (Persian overrides first)."""
    entry = table()["tokens"][token]
    if lang == "fa" and "fa" in entry:
        return entry["fa"][scheme]
    return entry[scheme]


def ezafe(kind: str, scheme: str) -> str:
    """The ezafe suffix after a word ending in `kind` (consonant, long_vowel, silent_h ...)."""
    return table()["ezafe"][kind][scheme]


def letter_tokens() -> dict[str, str]:
    """Script letter -> consonant token, for words read by rule."""
    return table()["letters"]


@cache
def sun_letters() -> frozenset[str]:
    return frozenset(table()["sun_letters"])


def assimilates_article(scheme: str) -> bool:
    """Only DIN writes sun-letter assimilation (aš-šams)."""
    return bool(table()["assimilate_article"].get(scheme))


def drops_initial_marks(scheme: str) -> bool:
    """Whether ʿ and ʾ are dropped at the start of a word (the simple scheme: Ali, Abbas)."""
    return bool(table()["drop_initial_marks"].get(scheme))


def proclitics(lang: str) -> dict[str, str]:
    """Inseparable one-letter prefixes (و ف ب ل ك) and their readings, for `lang`."""
    return table()["proclitics"].get(lang, {})
