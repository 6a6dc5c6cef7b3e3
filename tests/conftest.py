"""Shared fixtures: paths to sample data and a runner for the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bibkit.cli.app import app

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def run_cli():
    """Invoke the bibkit CLI in-process; returns typer's Result (exit_code, stdout, stderr)."""
    import bibkit.cli  # noqa: F401  (registers every command)

    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return run
