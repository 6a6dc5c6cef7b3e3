"""Reading user files (or stdin) as text, with errors that name the file."""

from __future__ import annotations

import sys
from pathlib import Path

from bibkit.errors import BibkitError, UsageError


def load_text(path: str) -> tuple[str, str]:
    """Return (text, display name); `-` reads stdin. A BOM is dropped."""
    if path == "-":
        return sys.stdin.read(), "<stdin>"
    p = Path(path)
    if p.is_dir():
        raise UsageError(f"{path} is a directory, not a file")
    if not p.is_file():
        raise UsageError(f"no such file: {path}")
    try:
        return p.read_text(encoding="utf-8-sig"), path
    except UnicodeDecodeError as exc:
        raise BibkitError(f"not UTF-8 text (byte {exc.start})", where=path) from exc
