"""`bibkit notes`: numbered footnotes to unique sources and a note map (Ibid./op. cit. resolved)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import typer

from bibkit import formats
from bibkit.cli.app import app
from bibkit.cli.io import EXIT_DATA, OUTPUT, guarded, read_text, warn, write_text
from bibkit.errors import UsageError

if TYPE_CHECKING:  # the parser (numpy, the model) loads only when a command needs it
    from bibkit.parse.notes import NotesResult

NOTES_FORMATS = ("json", *(f for f in formats.WRITE_FORMATS if f != "json"))


@app.command(epilog="""Examples:

  bibkit notes article.txt                         # sources and the note map as JSON

  bibkit notes article.txt --to bibtex -o notes.bib  # the unique sources only

  bibkit notes article.txt --style chicago-notes-bibliography   # re-render the notes
""")
@guarded
def notes(
    source: str = typer.Argument("-", help="A document with numbered notes; - for stdin."),
    out: str = OUTPUT,
    to: str = typer.Option(None, "--to", help="json (sources and note map), or the sources alone as "
                           "bibtex, biblatex, csl-json or ris. Default: from -o (.bib, .ris), else json."),
    style: str = typer.Option(None, "--style", "-s", help="Re-render the notes in this CSL notes style "
                              "(ibid. and short forms from the style); overrides --to."),
) -> None:
    """Read a document's numbered notes: find the notes block (Notes, Endnotes, پی‌نوشت‌ها,
    الهوامش … or numbered lines at the end) and the in-text markers ((1), [1], ¹, ^1), split
    each note into citations, resolve Ibid., op. cit. and short forms (همان, پیشین, المصدر
    نفسه, المرجع السابق …), and print the unique sources with every note's cites.

    Markers without a note, notes without a marker, and ambiguous or unresolved
    back-references are reported on stderr; the exit code is then 1.
    """
    to = to or _format_of(out)
    if to not in NOTES_FORMATS:
        raise UsageError(f"unknown output format {to!r} (one of: {', '.join(NOTES_FORMATS)})")
    text, origin = read_text(source)
    from bibkit.parse.notes import parse_notes

    result = parse_notes(text, origin=origin)
    write_text(_render(result, style) if style else _write(result, to), out)
    for diagnostic in result.diagnostics:
        warn(str(diagnostic))
    if result.diagnostics:
        raise typer.Exit(EXIT_DATA)


def _format_of(out: str | None) -> str:
    """What `-o`'s extension asks for; a `.json` file (or none) gets the note map."""
    fmt = formats.format_from_path(out) if out and out != "-" else None
    return fmt if fmt in NOTES_FORMATS and fmt != "csl-json" else "json"


def _write(result: NotesResult, to: str) -> str:
    if to == "json":
        from bibkit.parse.notes import notes_to_json

        return json.dumps(notes_to_json(result), ensure_ascii=False, indent=2)
    return formats.write(result.sources, to)


def _render(result: NotesResult, style: str) -> str:
    """The note series in `style`, one `N. …` line per note; failed items reported."""
    from bibkit.render import render_notes

    problems: list[Any] = []
    lines = render_notes(result.notes, result.sources, style, problems=problems)
    for problem in problems:
        warn(f"bibkit: warning: item {problem.item}: not rendered ({problem.message})")
    return "\n".join(lines)
