"""Typed errors: each carries where it happened so the CLI can print one clear line."""

from __future__ import annotations


class BibkitError(Exception):
    """Base error; `where` is `file:line` or `file:entry` when known."""

    def __init__(self, message: str, where: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InputError(BibkitError):
    """Data the user gave cannot be read (malformed entry, invalid JSON, missing file)."""


class UsageError(BibkitError):
    """The call itself is wrong (unknown format, unknown style, bad option)."""
