"""Tab-separated data files (the package's under `data/` and the user's override file): one
record a line, blank lines and `#` comments skipped. A caller that names the columns gets an
InputError naming file and line for a row with another number of cells; what the cells must
hold beyond that is for each caller to check, with the position given with the row."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from bibkit.errors import InputError


def rows(text: str, name: str, columns: tuple[str, ...] = ()) -> Iterator[tuple[str, list[str]]]:
    """(`name:line`, cells) of every line of `text` that is neither blank nor a comment; with
    `columns` (their names, for the message), every line must have that many cells."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            where, cells = f"{name}:{number}", line.split("\t")
            if columns and len(cells) != len(columns):
                raise InputError(f"expected {len(columns)} tab-separated columns ({', '.join(columns)}), "
                                 f"found {len(cells)}: {cells!r}", where=where)
            yield where, cells


def data_rows(name: str, columns: tuple[str, ...] = ()) -> Iterator[tuple[str, list[str]]]:
    """`rows` of the package file `data/<name>`."""
    text = resources.files("bibkit.text.translit").joinpath(f"data/{name}").read_text("utf-8")
    return rows(text, f"data/{name}", columns)
