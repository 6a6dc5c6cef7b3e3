"""Tab-separated data files (the package's under `data/` and the user's override file): one
record a line, blank lines and `#` comments skipped. What a row must hold is for each caller
to check; the position given with it names file and line for the error."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources


def rows(text: str, name: str) -> Iterator[tuple[str, list[str]]]:
    """(`name:line`, cells) of every line of `text` that is neither blank nor a comment."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield f"{name}:{number}", line.split("\t")


def data_rows(name: str) -> Iterator[tuple[str, list[str]]]:
    """`rows` of the package file `data/<name>`."""
    text = resources.files("bibkit.text.translit").joinpath(f"data/{name}").read_text("utf-8")
    return rows(text, f"data/{name}")
