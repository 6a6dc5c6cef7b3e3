"""The user's override file: a TSV of script form and romanization that wins over the lexicon.

Given with `--overrides FILE` or the environment variable BIBKIT_TRANSLIT_OVERRIDES. A key
may be one word or a whole phrase (a name, a publisher); it is matched in folded form, so
typing differences (ي/ی, harakat) do not matter.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from bibkit.datafiles import rows
from bibkit.errors import InputError, UsageError
from bibkit.files import load_text
from bibkit.text.translit.lexicon import key

ENV = "BIBKIT_TRANSLIT_OVERRIDES"


def resolve(path: str | Path | None) -> Path | None:
    """The override file to use: the one given, else the environment's, else none."""
    chosen = path if path is not None else os.environ.get(ENV) or None
    return Path(chosen) if chosen else None


@cache
def load(path: Path) -> dict[str, str]:
    """Folded script form -> romanization, from a two-column TSV (# comments allowed)."""
    if not path.is_file():
        raise UsageError(f"no such override file: {path}")
    text, name = load_text(str(path))  # a file that is not UTF-8 is one clear line, not a traceback
    out: dict[str, str] = {}
    for where, cols in rows(text, name):
        if len(cols) != 2 or not cols[0].strip() or not cols[1].strip():
            raise InputError("expected two tab-separated columns: script form, romanization", where=where)
        out[key(cols[0])] = cols[1].strip()
    return out
