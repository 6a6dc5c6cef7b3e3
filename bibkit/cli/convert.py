"""`bibkit convert`: between BibTeX/biblatex, CSL-JSON and RIS."""

from __future__ import annotations

import typer

from bibkit import formats
from bibkit.cli.app import app
from bibkit.cli.io import EXIT_DATA, OUTPUT, guarded, warn, write_text
from bibkit.errors import UsageError

FROM_HELP = "Input format: bibtex, biblatex, csl-json, ris (default: from the extension, else sniffed)."
TO_HELP = "Output format: bibtex, biblatex, csl-json, ris, json (default: from -o's extension, else biblatex)."


def output_format(to: str | None, out: str | None, default: str = "biblatex") -> str:
    """`--to`, else what `-o`'s extension implies, else `default`."""
    fmt = to or (formats.format_from_path(out) if out and out != "-" else None) or default
    if fmt not in formats.WRITE_FORMATS:
        raise UsageError(f"unknown output format {fmt!r} (one of: {', '.join(formats.WRITE_FORMATS)})")
    return fmt


def report(result: formats.ReadResult) -> None:
    """Notices and diagnostics on stderr (the caller exits 1 after output if there were diagnostics)."""
    for diagnostic in (*result.notices, *result.diagnostics):
        warn(str(diagnostic))


@app.command(epilog="""Examples:

  bibkit convert refs.bib --to csl-json -o refs.json

  bibkit convert export.ris -o library.bib

  cat refs.json | bibkit convert - --from csl-json --to ris
""")
@guarded
def convert(
    source: str = typer.Argument(..., help="Input file, or - for stdin."),
    out: str = OUTPUT,
    from_: str = typer.Option(None, "--from", help=FROM_HELP),
    to: str = typer.Option(None, "--to", help=TO_HELP),
    ascii_only: bool = typer.Option(False, "--ascii", help="BibTeX: LaTeX escapes instead of UTF-8 for Latin letters."),
) -> None:
    """Convert a bibliography between formats, normalizing it on the way.

    Malformed entries are reported as `file:line: problem` on stderr and kept (verbatim when
    they cannot be read); the exit code is then 1.
    """
    if from_ and from_ not in formats.READ_FORMATS:
        raise UsageError(f"unknown input format {from_!r} (one of: {', '.join(formats.READ_FORMATS)})")
    fmt = output_format(to, out)
    result = formats.read_path(source, from_)
    write_text(formats.write(result.references, fmt, ascii_only=ascii_only), out)
    report(result)
    if result.diagnostics:
        raise typer.Exit(EXIT_DATA)
