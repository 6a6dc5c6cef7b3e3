"""Reading and writing the formats users already have: BibTeX/biblatex, CSL-JSON, RIS.

`read_text` / `read_path` return every entry they could read plus one diagnostic per problem
(`file:line: what is wrong`); an entry that cannot be read is kept verbatim as a `document`
with its raw text in `note`, never dropped. `write` renders records in one format.
"""

from __future__ import annotations

from pathlib import Path

from bibkit.diagnostics import Diagnostic, ReadResult
from bibkit.errors import UsageError
from bibkit.files import load_text
from bibkit.model import Reference

__all__ = ["Diagnostic", "ReadResult", "read_path", "read_text", "write"]

READ_FORMATS = ("bibtex", "biblatex", "csl-json", "ris", "json")
WRITE_FORMATS = ("bibtex", "biblatex", "csl-json", "ris", "json")

_EXTENSIONS = {
    ".bib": "biblatex", ".bibtex": "bibtex", ".biblatex": "biblatex", ".json": "csl-json",
    ".csljson": "csl-json", ".jsonl": "csl-json", ".ris": "ris", ".txt": "text", ".md": "text",
}


def format_from_path(path: str) -> str | None:
    """The format an extension implies (`.bib` -> biblatex), or None."""
    return _EXTENSIONS.get(Path(path).suffix.lower())


def read_text(text: str, fmt: str, origin: str = "<string>") -> ReadResult:
    """Read `text` in format `fmt`; never raises on bad entries, reports them."""
    if fmt in ("bibtex", "biblatex"):
        from bibkit.formats.bibtex import read_bibtex

        return read_bibtex(text, origin)
    if fmt in ("csl-json", "json"):
        from bibkit.formats.csljson import read_csljson

        return read_csljson(text, origin)
    if fmt == "ris":
        from bibkit.formats.ris import read_ris

        return read_ris(text, origin)
    raise UsageError(f"cannot read format {fmt!r} (one of: {', '.join(READ_FORMATS)})")


def sniff(text: str) -> str:
    """Guess a structured format from content; `text` means free text to be parsed."""
    head = text.lstrip()[:2000]
    if head.startswith(("[", "{")):
        return "csl-json"
    if head.startswith("@") or "\n@" in head:
        return "biblatex"
    if head.startswith("TY  -") or "\nTY  -" in head:
        return "ris"
    return "text"


def read_path(path: str, fmt: str | None = None) -> ReadResult:
    """Read a file (`-` for stdin) whose format is given, implied by its extension, or sniffed."""
    text, origin = load_text(path)
    fmt = fmt or format_from_path(path) or sniff(text)
    if fmt == "text":
        from bibkit.parse import parse_text

        return parse_text(text, origin=origin)
    return read_text(text, fmt, origin)


def write(refs: list[Reference], fmt: str, *, ascii_only: bool = False) -> str:
    """Render records in `fmt`; BibTeX output gets stable Better BibTeX-style keys."""
    if fmt in ("bibtex", "biblatex"):
        from bibkit.formats.bibtex import write_bibtex

        return write_bibtex(refs, dialect=fmt, ascii_only=ascii_only)
    if fmt == "csl-json":
        from bibkit.formats.csljson import write_csljson

        return write_csljson(refs)
    if fmt == "json":
        from bibkit.formats.csljson import write_bibkit_json

        return write_bibkit_json(refs)
    if fmt == "ris":
        from bibkit.formats.ris import write_ris

        return write_ris(refs)
    raise UsageError(f"cannot write format {fmt!r} (one of: {', '.join(WRITE_FORMATS)})")
