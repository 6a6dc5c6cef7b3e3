"""Tab-separated data files (the package's dictionaries and tables, and the user's override
file): one record a line, blank lines and `#` comments skipped. A caller that names the columns
gets an InputError naming file and line for a row with another number of cells; what the cells
must hold beyond that is for each caller to check, with the position given with the row."""

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


def package_rows(package: str, path: str, columns: tuple[str, ...] = ()) -> Iterator[tuple[str, list[str]]]:
    """`rows` of the data file `path` inside `package` (`bibkit.parse`, `data/notes_dates.tsv`)."""
    return rows(resources.files(package).joinpath(path).read_text("utf-8"), path, columns)


def package_cells(package: str, path: str) -> Iterator[list[str]]:
    """The cells of every record of a package data file, for tables read without positions."""
    return (cells for _, cells in package_rows(package, path))
