"""`bibkit parse`: free-text reference lists (or whole documents) to structured records."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from contextlib import ExitStack

import typer

from bibkit import formats
from bibkit.cli.app import app
from bibkit.cli.convert import output_format, report
from bibkit.cli.io import (
    EXIT_DATA,
    OUTPUT,
    guarded,
    is_interactive,
    read_text,
    warn,
    write_text,
)

PROGRESS_FROM = 200  # entries; shorter lists parse in well under a second


@app.command(epilog="""Examples:

  bibkit parse article.txt                      # find the reference list, print biblatex

  bibkit parse refs.txt --lines --to csl-json -o refs.json

  pbpaste | bibkit parse - --review
""")
@guarded
def parse(
    source: str = typer.Argument("-", help="A reference list or a whole document; - for stdin."),
    out: str = OUTPUT,
    to: str = typer.Option(None, "--to", help="bibtex, biblatex, csl-json, ris, or json (bibkit's own, with "
                           "confidence, language and provenance). Default: from -o, else biblatex."),
    lines: bool = typer.Option(False, "--lines", help="Every non-empty line is one entry (no section search)."),
    review: bool = typer.Option(False, "--review", help="Also print the least confident entries beside their "
                                "source text on stderr."),
) -> None:
    """Parse references in English, Persian, Arabic and romanized Persian/Arabic.

    In a whole document the reference section is found by its heading (References,
    Bibliography, منابع, کتابنامه, المصادر …) or by how entry-like its lines are; with no
    list, the works its numbered notes cite (`bibkit notes` maps the notes). An entry that
    cannot be parsed is kept verbatim (a `misc`/`document` with the text in `note`) and
    reported; the exit code is then 1.
    """
    from bibkit.parse import parse_text  # the parser (numpy, the model) loads here

    fmt = output_format(to, out)  # a usage error before the work
    text, origin = read_text(source)
    with ExitStack() as bars:
        def progress(entries: list) -> Iterable:
            if is_interactive() and len(entries) > PROGRESS_FROM:
                return bars.enter_context(typer.progressbar(entries, label="Parsing", file=sys.stderr))
            return entries

        result = parse_text(text, origin=origin, lines=lines, progress=progress)
    if not result.references and not result.notices:  # not an error (an essay has no list), but say so
        warn(f"{origin}: no reference list found{'' if lines else ' (--lines takes every line as an entry)'}")
    write_text(formats.write(result.references, fmt), out)
    if review:
        _review(result)
    report(result)
    if result.diagnostics:
        raise typer.Exit(EXIT_DATA)


def _review(result: formats.ReadResult) -> None:
    """The least confident entries (all below LOW_CONFIDENCE, and at least the weakest tenth)
    with their three weakest fields, beside the text they were parsed from."""
    from bibkit.parse import LOW_CONFIDENCE

    ranked = sorted(result.references, key=lambda r: r.confidence.get("*", 0))
    count = max(sum(1 for r in ranked if r.confidence.get("*", 0) < LOW_CONFIDENCE), -(-len(ranked) // 10))
    for ref in ranked[:count]:
        weakest = sorted((kv for kv in ref.confidence.items() if kv[0] != "*"), key=lambda kv: kv[1])[:3]
        fields = f" ({', '.join(f'{k} {v:.2f}' for k, v in weakest)})" if weakest else ""  # none: kept verbatim
        warn(f"{ref.origin}: confidence {ref.confidence.get('*', 0):.2f}{fields}\n    {ref.source}")
