"""The typer application every command module registers on."""

from __future__ import annotations

import typer

from bibkit import __version__

app = typer.Typer(
    name="bibkit",
    help="Multilingual citation manager: parse, convert, romanize, render and deduplicate "
    "references in English, Persian and Arabic.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bibkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """bibkit: references in English, Persian and Arabic."""
