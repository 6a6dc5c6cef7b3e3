"""`bibkit names`: compare personal names across romanizations and scripts."""

from __future__ import annotations

import typer

from bibkit.cli.app import app
from bibkit.cli.io import OUTPUT, guarded, read_text, write_text
from bibkit.errors import InputError, UsageError
from bibkit.text.names import SAME_NAME_THRESHOLD, name_key, same_name

names_app = typer.Typer(help="Match Persian and Arabic name variants (Qasim = Kassem = قاسم).",
                        no_args_is_help=True)
app.add_typer(names_app, name="names")


def _pair_lines(text: str, where: str) -> list[tuple[str, str]]:
    """Tab-separated pairs, one a line; blank lines are skipped, others must have one tab."""
    pairs = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 2:
            raise InputError("expected two names separated by one tab", where=f"{where}:{number}")
        pairs.append((fields[0].strip(), fields[1].strip()))
    return pairs


@names_app.command("same")
@guarded
def same(
    names: list[str] = typer.Argument(None, help="Two names to compare."),
    pairs: str | None = typer.Option(None, "--pairs", help="File (or - for stdin) of tab-separated name pairs."),
    out: str | None = OUTPUT,
) -> None:
    """Say whether names are the same: `A B` prints the score, `--pairs` one 1/0 a line."""
    if pairs is not None:
        if names:
            raise UsageError("give either two names or --pairs, not both")
        text, where = read_text(pairs)
        marks = ("1" if same_name(a, b) >= SAME_NAME_THRESHOLD else "0" for a, b in _pair_lines(text, where))
        write_text("\n".join(marks), out)
        return
    if not names or len(names) != 2:
        raise UsageError("give two names (or --pairs FILE)")
    score = same_name(names[0], names[1])
    verdict = "same" if score >= SAME_NAME_THRESHOLD else "different"
    write_text(f"{score:.3f}\t{verdict}", out)


@names_app.command("key")
@guarded
def key(names: list[str] = typer.Argument(..., help="Names to print keys for.")) -> None:
    """Print each name's blocking key (variants of one name share it)."""
    write_text("\n".join(f"{name_key(n)}\t{n}" for n in names), None)
