"""Shared plumbing for commands: input from a file or stdin, output to stdout or -o,
diagnostics on stderr, and errors turned into exit codes (1 data, 2 usage)."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import typer

from bibkit.errors import BibkitError, UsageError
from bibkit.files import load_text

EXIT_DATA = 1
EXIT_USAGE = 2

# `-o/--output`, the same for every command that writes (typer reads the option afresh for each)
OUTPUT = typer.Option(None, "-o", "--output", help="Output file (default: stdout).")

F = TypeVar("F", bound=Callable[..., object])


def read_text(path: str) -> tuple[str, str]:
    """Return (text, display name); `-` reads stdin."""
    return load_text(path)


def write_text(text: str, out: str | None) -> None:
    """Write to `out`, or stdout when it is None or `-`."""
    if out is None or out == "-":
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
    else:
        try:
            Path(out).write_text(text if text.endswith("\n") or not text else text + "\n", encoding="utf-8")
        except OSError as exc:  # a missing folder, no permission: the -o argument, not the data
            raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None


def warn(message: str) -> None:
    """One diagnostic line on stderr."""
    typer.echo(message, err=True)


def is_interactive() -> bool:
    """Progress bars only on a terminal; quiet on pipes."""
    return sys.stderr.isatty()


def guarded(func: F) -> F:
    """Turn bibkit errors into one stderr line and an exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except UsageError as exc:
            warn(f"bibkit: error: {exc}")
            raise typer.Exit(EXIT_USAGE) from None
        except BibkitError as exc:
            warn(f"bibkit: error: {exc}")
            raise typer.Exit(EXIT_DATA) from None
        except BrokenPipeError:
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]
