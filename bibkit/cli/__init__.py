"""Command-line interface: a thin layer over the bibkit API.

Each command group lives in its own module and registers itself on `app`.
"""

from __future__ import annotations

from bibkit.cli import convert  # noqa: F401  (registers commands)
from bibkit.cli import translit  # noqa: F401
from bibkit.cli import names  # noqa: F401  (registers commands)
from bibkit.cli import parse  # noqa: F401
from bibkit.cli import render  # noqa: F401
from bibkit.cli import library  # noqa: F401
from bibkit.cli import notes  # noqa: F401
from bibkit.cli.app import app


def main() -> None:
    app()
