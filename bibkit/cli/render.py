"""`bibkit render`, `bibkit cite`, `bibkit styles`: CSL output from the command line."""

from __future__ import annotations

import json
from typing import Any

import typer

from bibkit.cli.app import app
from bibkit.cli.io import OUTPUT, guarded, read_text, warn, write_text
from bibkit.errors import InputError, UsageError
from bibkit.model import Cite, Note, Reference

STYLE_HELP = "Style name (see `bibkit styles`) or path to a .csl file."
FORMAT_HELP = "Output format: text, html or markdown."
LOCALE_HELP = "Locale for terms and dates (en-US, fa-IR, ar); default: the style's."
SCRIPT_HELP = "Names and titles: original, romanized or both."


def _read_refs(path: str) -> list[Reference]:
    """References from .bib/.json/.ris or free text (parsed), diagnostics on stderr."""
    from bibkit.formats import read_path

    result = read_path(path)
    for diagnostic in result.diagnostics:
        warn(f"bibkit: warning: {diagnostic}")
    if not result.references:
        raise InputError("no references found", where=path)
    return result.references


def _report(problems: list[Any]) -> None:
    for problem in problems:
        warn(f"bibkit: warning: item {problem.item}: not rendered ({problem.message})")


def _join(entries: list[str], fmt: str) -> str:
    if fmt == "html":
        return '<div class="csl-bib-body">\n' + "\n".join(f"  {e}" for e in entries) + "\n</div>"
    return ("\n\n" if fmt == "markdown" else "\n").join(entries)


@app.command()
@guarded
def render(
    file: str = typer.Argument(..., help="References: .bib, .json (CSL-JSON), .ris, or free text; - for stdin."),
    style: str = typer.Option("apa", "--style", "-s", help=STYLE_HELP),
    fmt: str = typer.Option("text", "--format", "-f", help=FORMAT_HELP),
    locale: str = typer.Option(None, "--locale", "-l", help=LOCALE_HELP),
    script: str = typer.Option("original", "--script", help=SCRIPT_HELP),
    isolate: bool = typer.Option(False, "--isolate", help="Wrap right-to-left runs in Unicode isolates (text)."),
    item_locales: bool = typer.Option(False, "--item-locales", help="Terms (ed., trans., vol.) of Persian "
                                      "and Arabic works in their own language: تحقيق, ترجمه, ج."),
    out: str = OUTPUT,
) -> None:
    """Render a bibliography: with --format text, one entry per line in bibliography order."""
    from bibkit.render import render_bibliography

    problems: list[Any] = []
    entries = render_bibliography(_read_refs(file), style, fmt, locale, script, isolate=isolate,
                                  problems=problems, item_locales=item_locales)
    _report(problems)
    write_text(_join(entries, fmt), out)


def _notes_map(path: str) -> list[Note]:
    """A notes map: JSON list of {number, text, cites: [{id, locator, label}]}."""
    text, name = read_text(path)
    try:
        raw = json.loads(text)
        return [Note(int(n["number"]), str(n.get("text", "")),
                     cites=[Cite(c.get("id"), c.get("locator"), c.get("label")) for c in n.get("cites", [])])
                for n in raw]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"not a notes map ({exc})", where=name) from exc


@app.command()
@guarded
def cite(
    file: str = typer.Argument(..., help="References file (as for `render`)."),
    keys: str = typer.Argument(None, help="KEY[,KEY...] for one citation; ; separates citations."),
    locator: str = typer.Option(None, "--locator", help="Locator for the (last) key, e.g. 23 or 12-14."),
    label: str = typer.Option("page", "--label", help="Locator label: page, chapter, volume, ..."),
    notes: str = typer.Option(None, "--notes", help="Notes map (JSON) to render as a note series."),
    style: str = typer.Option("apa", "--style", "-s", help=STYLE_HELP),
    fmt: str = typer.Option("text", "--format", "-f", help=FORMAT_HELP),
    locale: str = typer.Option(None, "--locale", "-l", help=LOCALE_HELP),
    script: str = typer.Option("original", "--script", help=SCRIPT_HELP),
    out: str = OUTPUT,
) -> None:
    """In-text citations for KEYS, or a note series (ibid./subsequent) with --notes."""
    from bibkit.render import CiteRef, render_citations, render_notes

    refs = _read_refs(file)
    problems: list[Any] = []
    if notes:
        lines = render_notes(_notes_map(notes), refs, style, fmt, locale, script, problems=problems)
    elif keys:
        clusters = [[CiteRef(k.strip()) for k in group.split(",") if k.strip()] for group in keys.split(";")]
        if locator:
            last = clusters[-1][-1]
            clusters[-1][-1] = CiteRef(last.id, locator, label)
        known = {r.id.lower() for r in refs}
        missing = [c.id for cl in clusters for c in cl if c.id.lower() not in known]
        if missing:
            raise UsageError(f"no reference with key {', '.join(missing)} in {file}")
        lines = render_citations(refs, clusters, style, fmt, locale, script, problems=problems)
    else:
        raise UsageError("give KEY[,KEY...] or --notes MAP.json")
    _report(problems)
    write_text("\n".join(lines), out)


@app.command()
@guarded
def styles(
    action: str = typer.Argument(None, help="`search` to search names and titles."),
    text: list[str] = typer.Argument(None, help="Words to search for."),
) -> None:
    """List bibkit's own styles, or search all styles: `bibkit styles search chicago notes`."""
    from bibkit.render import styles as style_index

    if action is None:
        names = style_index.own_styles()
        lines = [f"{n}\t{style_index.title_of(n)}" for n in names]
        lines.append(f"... and {len(style_index.all_names()) - len(names)} more; "
                     "`bibkit styles search TEXT` to find one")
    elif action == "search" and text:
        query = " ".join(text)
        lines = [f"{n}\t{t}" for n, t in style_index.search(query)] or [f"no style matches {query!r}"]
    else:
        raise UsageError("usage: bibkit styles [search TEXT]")
    write_text("\n".join(lines), None)
