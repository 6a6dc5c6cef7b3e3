"""`bibkit library …`, `bibkit dedup`, `bibkit merge`, `bibkit undo`: the cross-project library."""

from __future__ import annotations

import html
import json
import sqlite3
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from bibkit import formats
from bibkit.cli.app import app
from bibkit.cli.io import EXIT_DATA, OUTPUT, guarded, is_interactive, warn, write_text
from bibkit.errors import UsageError
from bibkit.formats.citekey import assign_keys
from bibkit.formats.titles import plain_title
from bibkit.library import merge, store
from bibkit.library.dedup import DedupResult, find_duplicates
from bibkit.model import Reference

library_app = typer.Typer(help="A library of references shared by many projects (SQLite).",
                          no_args_is_help=True)
app.add_typer(library_app, name="library")

LIBRARY_HELP = f"Library file (default: ${store.ENV_VAR}, else the user data directory)."
EXPORT_FORMATS = ("bibtex", "biblatex", "csl-json", "ris")


def _library(path: str | None) -> sqlite3.Connection:
    return store.open_library(path)


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress callback (done, total) that draws a bar on a terminal, and nothing on pipes."""
    if not is_interactive():
        yield lambda done, total: None
        return
    bar = None
    shown = 0

    def update(done: int, total: int) -> None:
        nonlocal bar, shown
        if bar is None:
            bar = typer.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - shown)
        shown = done

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def _read_files(paths: list[str]) -> tuple[list[Reference], int]:
    """Every reference in the files (any format, or free text), and how many problems."""
    refs: list[Reference] = []
    problems = 0
    for path in paths:
        result = formats.read_path(path)
        for diagnostic in result.diagnostics:
            warn(f"bibkit: warning: {diagnostic}")
        problems += len(result.diagnostics)
        refs += result.references
    return refs, problems


def _line(r: store.StoredRecord) -> str:
    """`12  key  Title (year), First Author  [projects]` for listings."""
    ref = r.ref
    year = ref.dates["issued"].year if "issued" in ref.dates else None
    people = next(iter(ref.names.values()), [])
    who = f", {people[0].display()}" if people else ""
    return f"{r.id:>6}  {r.key}  {plain_title(ref.text.get('title', '(no title)'))}" \
           f"{f' ({year})' if year else ''}{who}  [{', '.join(r.projects)}]"


@library_app.command("add")
@guarded
def add(project: Annotated[str, typer.Argument(help="Project to add to (created if new).")],
        files: Annotated[list[str], typer.Argument(help="BibTeX, CSL-JSON, RIS or free-text files; - for stdin.")],
        library: str = typer.Option(None, "--library", help=LIBRARY_HELP)) -> None:
    """Import references into a project, in one transaction (all or nothing)."""
    refs, problems = _read_files(files)
    conn = _library(library)
    with _progress("importing") as progress:
        ids = store.add_references(conn, project, refs, progress=progress)
    warn(f"added {len(ids)} references to {project}")
    if problems:
        raise typer.Exit(EXIT_DATA)


@library_app.command("list")
@guarded
def list_(project: Annotated[list[str] | None, typer.Option("--project", "-p", help="Only these projects.")] = None,
          removed: bool = typer.Option(False, "--removed", help="List removed records instead."),
          library: str = typer.Option(None, "--library", help=LIBRARY_HELP)) -> None:
    """List references: number, key, title, year, first author, projects."""
    records = store.list_records(_library(library), project or None, deleted=removed)
    write_text("\n".join(_line(r) for r in records), None)


@library_app.command("show")
@guarded
def show(key: str = typer.Argument(..., help="Record number or key."),
         library: str = typer.Option(None, "--library", help=LIBRARY_HELP)) -> None:
    """Everything about one record: fields, forms, provenance, source, projects (JSON)."""
    r = store.get_record(_library(library), key)
    info = {"number": r.id, "projects": r.projects, "imported": r.imported_at, "origin": r.origin,
            "removed": r.deleted_at, "merged_into": r.merged_into, "record": r.ref.to_json()}
    write_text(json.dumps(info, ensure_ascii=False, indent=2), None)


@library_app.command("search")
@guarded
def search(query: str = typer.Argument(..., help="Words from titles or names, in any script."),
           library: str = typer.Option(None, "--library", help=LIBRARY_HELP)) -> None:
    """Find references by title or name words; `Qasim` also finds قاسم."""
    write_text("\n".join(_line(r) for r in store.search(_library(library), query)), None)


@library_app.command("export")
@guarded
def export(project: str = typer.Argument(...),
           to: str = typer.Option("biblatex", "--to", help="bibtex, biblatex, csl-json or ris."),
           out: str = OUTPUT,
           library: str = typer.Option(None, "--library", help=LIBRARY_HELP)) -> None:
    """Write a project's references in one format."""
    if to not in EXPORT_FORMATS:
        raise UsageError(f"unknown format {to!r} (one of: {', '.join(EXPORT_FORMATS)})")
    write_text(formats.write(store.export_references(_library(library), project), to), out)


@library_app.command("projects")
@guarded
def projects(library: str = typer.Option(None, "--library", help=LIBRARY_HELP)) -> None:
    """Every project with its number of references."""
    write_text("\n".join(f"{name}\t{count}" for name, count in store.project_counts(_library(library))), None)


@library_app.command("rm")
@guarded
def rm(numbers: Annotated[list[int], typer.Argument(help="Record numbers.")],
       library: str = typer.Option(None, "--library", help=LIBRARY_HELP)) -> None:
    """Remove records (soft: `bibkit undo` brings them back; `list --removed` shows them)."""
    merge.remove_records(_library(library), numbers)
    warn(f"removed {len(numbers)} records (bibkit undo restores them)")


# dedup / merge / undo -------------------------------------------------------------------------
def _candidates(files: list[str], project: list[str] | None, all_: bool, library: str | None
                ) -> tuple[list[Reference], list[str | int]]:
    """The records to compare, and the id to report each by (its own id for files, the
    library number for library records)."""
    if files:
        if project or all_:
            raise UsageError("give FILEs or --project/--all, not both")
        per_file = [_read_files([path])[0] for path in files]
        refs = [ref for refs in per_file for ref in refs]
        return refs, _report_ids(refs, [path for path, refs in zip(files, per_file) for _ in refs])
    if not project and not all_:
        raise UsageError("give FILEs, --project P or --all")
    records = store.list_records(_library(library), project or None)
    return [r.ref for r in records], [r.id for r in records]


def _report_ids(refs: list[Reference], paths: list[str]) -> list[str]:
    """Each record's own id (CSL-JSON `id`, BibTeX key) as the report names it; an id that
    two records share (`smith2000` in two files) is given with the file it was read from
    (`b.bib:smith2000`), and a record without one (parsed free text) gets a citekey."""
    own = [r.id for r in refs]
    counts = Counter(key.casefold() for key in own if key)
    assign_keys(refs)  # keys for the keyless, unlike any id in the files (renames shared ones too)
    return [f"{path}:{key}" if key and counts[key.casefold()] > 1 else key or r.id
            for r, key, path in zip(refs, own, paths)]


def _dedup(refs: list[Reference]) -> DedupResult:
    with _progress("comparing") as progress:
        return find_duplicates(refs, progress=lambda stage, done, total: progress(done, total)
                               if stage == "pairs" else None)


def render_report(result: DedupResult, refs: list[Reference], ids: list[str | int], fmt: str) -> str:
    """The dedup result as text, JSON (`{"clusters": [[id, …]], "review": […]}`) or HTML."""
    clusters = [[ids[i] for i in group] for group in result.clusters]
    review = [{"a": ids[p.a], "b": ids[p.b], "probability": round(p.probability, 3),
               "reasons": list(p.reasons)} for p in result.review]
    if fmt == "json":
        return json.dumps({"clusters": clusters, "review": review}, ensure_ascii=False, indent=1)

    def describe(i: int) -> str:
        ref = refs[i]
        year = ref.dates["issued"].year if "issued" in ref.dates else ""
        return f"{ids[i]}  {plain_title(ref.text.get('title', ''))} ({year})"

    if fmt == "html":
        rows = "".join(f"<li><ul>{''.join(f'<li>{html.escape(describe(i))}</li>' for i in g)}</ul></li>"
                       for g in result.clusters)
        unsure = "".join(f"<li>{html.escape(describe(p.a))} ≟ {html.escape(describe(p.b))} "
                         f"({p.probability:.2f}: {html.escape('; '.join(p.reasons))})</li>" for p in result.review)
        return (f"<!doctype html><meta charset=utf-8><title>bibkit dedup</title>"
                f"<h1>{len(result.clusters)} duplicate groups</h1><ol>{rows}</ol>"
                f"<h2>To review ({len(result.review)})</h2><ul>{unsure}</ul>")
    lines = [f"{len(result.clusters)} duplicate groups among {len(refs)} records"]
    for n, group in enumerate(result.clusters, 1):
        lines.append(f"group {n}:")
        lines += [f"  {describe(i)}" for i in group]
    if result.review:
        lines.append(f"to review ({len(result.review)} pairs):")
        lines += [f"  {describe(p.a)}\n    ≟ {describe(p.b)}\n    {p.probability:.2f}: {'; '.join(p.reasons)}"
                  for p in result.review]
    return "\n".join(lines)


@app.command()
@guarded
def dedup(files: Annotated[list[str] | None, typer.Argument(help="Files to check instead of the library.")] = None,
          project: Annotated[list[str] | None, typer.Option("--project", "-p", help="Library projects to check.")]
          = None,
          all_: bool = typer.Option(False, "--all", help="Check the whole library."),
          report: str = typer.Option("text", "--report", help="text, json or html."),
          out: str = OUTPUT,
          library: str = typer.Option(None, "--library", help=LIBRARY_HELP)) -> None:
    """Find duplicates across scripts and romanizations, in files or in the library.

    Groups are found best pair first, and never join records with different DOIs, volumes,
    pages or editions; pairs it is unsure of are listed for review.
    """
    if report not in ("text", "json", "html"):
        raise UsageError(f"unknown report {report!r} (one of: text, json, html)")
    refs, ids = _candidates(files or [], project, all_, library)
    write_text(render_report(_dedup(refs), refs, ids, report), out)


@app.command("merge")
@guarded
def merge_(clusters: Annotated[list[str] | None, typer.Argument(help="Record numbers joined by commas: 12,15,19.")]
           = None,
           auto: bool = typer.Option(False, "--auto", help="Merge every group `dedup` finds."),
           project: Annotated[list[str] | None, typer.Option("--project", "-p", help="With --auto: these projects.")]
           = None,
           library: str = typer.Option(None, "--library", help=LIBRARY_HELP)) -> None:
    """Merge duplicates into one record per group; `bibkit undo` restores exactly.

    The merged record keeps each field's best value with the record and project it came
    from, and the other scripts' titles and names; the old records are kept, not deleted.
    """
    if bool(clusters) == auto:
        raise UsageError("give CLUSTERs (12,15) or --auto")
    conn = _library(library)
    if auto:
        records = store.list_records(conn, project or None)
        groups = [[records[i].id for i in g] for g in _dedup([r.ref for r in records]).clusters]
    else:
        groups = [_numbers(c) for c in clusters]
    if not groups:
        warn("nothing to merge")
        return
    new_ids = merge.merge_records(conn, groups)
    if auto:
        warn(f"merged {sum(map(len, groups))} records into {len(new_ids)} (bibkit undo restores them)")
    else:
        for group, new in zip(groups, new_ids):
            warn(f"merged {', '.join(map(str, group))} -> {new}")


def _numbers(cluster: str) -> list[int]:
    parts = [p.strip() for p in cluster.split(",") if p.strip()]
    if not all(p.isdigit() for p in parts):
        raise UsageError(f"not a list of record numbers: {cluster!r} (e.g. 12,15)")
    return [int(p) for p in parts]


@app.command()
@guarded
def undo(library: str = typer.Option(None, "--library", help=LIBRARY_HELP)) -> None:
    """Undo the last merge or removal in the library, exactly."""
    warn(merge.undo_last(_library(library)) or "nothing to undo")
