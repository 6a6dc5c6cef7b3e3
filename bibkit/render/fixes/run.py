"""The engine's hooks around citeproc-py's run: item preparation, and rendering that reports
a failing item by id and goes on with the rest (a crash on one item never loses the others).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from citeproc.frontend import CitationStylesBibliography
from citeproc.source import Citation

from bibkit.formats.dates import date_from_iso
from bibkit.render.fixes import subsequent
from bibkit.render.fixes.disambiguate import (
    assign_year_suffixes,
    crowded,
    wants_year_suffix,
)
from bibkit.render.fixes.quotes import punctuation_in_quote


@dataclass
class Problem:
    """An item that could not be rendered: its id (`*` when sorting failed and the
    bibliography kept citation order) and why; the rest still renders."""

    item: str
    message: str


def _raw_date(value: dict[str, Any]) -> dict[str, Any]:
    """A date given only as `raw` (citeproc-py ignores it), read as citeproc-js reads it: a `/`
    between a year and its month and day is a `-` (2004/05/12), else it joins the two ends of a
    range (1958/1963); text that is not a date is printed as the `literal`."""
    raw = str(value.get("raw", "")).strip()
    if value.get("date-parts") or value.get("literal") or not raw:
        return value
    date = date_from_iso(raw.replace("/", "-")) or date_from_iso(raw)
    out = {k: v for k, v in value.items() if k not in ("raw", "date-parts")}
    return out | (date.to_csl() if date else {"literal": raw})


_ALIASES = {"journalAbbreviation": "container-title-short", "shortTitle": "title-short"}


def prepare_item(item: dict[str, Any]) -> dict[str, Any]:
    """A CSL-JSON item in the shape citeproc-py reads without tripping (it needs a type;
    `raw` dates and Zotero's `journalAbbreviation`/`shortTitle` are read as citeproc-js
    reads them)."""
    out = dict(item)
    out.setdefault("type", "document")
    for legacy, variable in _ALIASES.items():  # Zotero's names for the short forms
        if item.get(legacy) and not item.get(variable):
            out[variable] = item[legacy]
    for key, value in item.items():
        if isinstance(value, dict) and "raw" in value:
            out[key] = _raw_date(value)
    if not out.get("citation-label"):
        label = citation_label(out)
        if label:
            out["citation-label"] = label
    return out


def citation_label(item: dict[str, Any]) -> str | None:
    """citeproc-js's default `citation-label` (trigraph "Aaaa00:AaAa00:AaAA00:AAAA00"): letters
    of the first four family names and the year's last two digits (`Doe65`, `RoNo78`)."""
    names = next((item[v] for v in ("author", "editor", "translator") if item.get(v)), None)
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    if not names or not parts[0]:
        return None
    families = [str(n.get("family") or n.get("literal") or "") for n in names[:4]]
    widths = {1: [4], 2: [2, 2], 3: [2, 1, 1]}.get(len(families), [1, 1, 1, 1])
    letters = "".join(f[:w] for f, w in zip(families, widths))
    return f"{letters}{str(parts[0][0])[-2:]}" if letters else None


def before_render(bib: CitationStylesBibliography, citations: list[Citation]) -> None:
    """Work that needs every item known before the first citation is rendered: the
    bibliography order, then year-suffixes assigned in that order."""
    if bib.style.has_bibliography():
        sort_bibliography(bib)
    assign_year_suffixes(bib)


def _problem(bib: CitationStylesBibliography, key: str, exc: Exception) -> None:
    bib.problems.append(Problem(key, f"{type(exc).__name__}: {exc}"))


def render_citation(bib: CitationStylesBibliography, citation: Citation) -> str:
    """One cluster; on a crash the cluster shows its keys and each key is reported."""
    try:
        return _finish(bib, str(bib.cite(citation, _unknown_key)))
    except Exception as exc:  # noqa: BLE001 - citeproc-py raises anything; report, go on
        for cite in citation.cites:
            _problem(bib, cite.key, exc)
        return "[" + "; ".join(c.key for c in citation.cites) + "]"


def _finish(bib: CitationStylesBibliography, text: str) -> str:
    """Punctuation into quotes where the locale wants it; field markup in house spelling."""
    text = punctuation_in_quote(bib.style.root, text)
    finish = getattr(bib.formatter, "finish", None)
    return finish(text) if finish else text


def _unknown_key(item: Any) -> str:
    return f"[{item.key}?]"


def sort_bibliography(bib: CitationStylesBibliography) -> None:
    """Sort by the style; if sorting itself crashes, keep citation order and say so."""
    try:
        bib.sort()
    except Exception as exc:  # noqa: BLE001
        _problem(bib, "*", exc)


def whole_list(style_root: Any) -> bool:
    """Whether an entry can depend on any other item of the bibliography, not only on those
    it shares a `collision_key` with: a repeated author is substituted by comparing each
    entry with the one before it, and a citation number counts every item before."""
    bibliography = style_root.bibliography
    return ((bibliography is not None and bibliography.get("subsequent-author-substitute") is not None)
            or bool(style_root.xpath_search(".//cs:*[contains(@variable, 'citation-number')]")))


def narrow(bib: CitationStylesBibliography, keys: Collection[str]) -> None:
    """Cut the bibliography down to the items `keys` and every item that can change how they
    print (all of them under `whole_list`). Where the style adds year-suffixes and one of
    `keys` is crowded, that is every crowded item: disambiguation compares them all, and
    their order gives the letters; an item that shares its `collision_key` with none takes no
    suffix whatever the others print (names and given names added show in citations only).
    Sorting keeps the relative order of the items left, as each item's sort keys are its own."""
    if whole_list(bib.style.root):
        return
    mates = crowded(bib.items) if wants_year_suffix(bib.style.root) else []
    if not any(item.key in keys for item in mates):
        mates = []
    keep = set(keys) | {item.key for item in mates}
    bib.items = [item for item in bib.items if item.key in keep]
    bib.keys = [item.key for item in bib.items]


def render_bibliography(bib: CitationStylesBibliography, keys: Collection[str] | None = None) -> list[str]:
    """Entries one by one, so one bad item is reported and the others still render; with
    `keys`, only those entries (the others come out empty), each after the one before it
    as far as a repeated-author substitute needs it."""
    layout = bib.style.root.bibliography.layout
    subsequent.reset(layout)
    entries: list[str] = []
    skipped: list[Any] = []
    for item in bib.items:
        if keys is not None and item.key not in keys:
            skipped.append(item)
            entries.append("")
            continue
        if skipped:
            subsequent.catch_up(layout, skipped)
            skipped = []
        try:
            rendered = layout.render_bibliography([item])
            entries.append(_finish(bib, str(rendered[0])) if rendered else "")
        except Exception as exc:  # noqa: BLE001
            _problem(bib, item.key, exc)
            entries.append("")
    return entries
