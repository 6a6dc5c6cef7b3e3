"""The engine's hooks around citeproc-py's run: item preparation, and rendering that reports
a failing item by id and goes on with the rest (a crash on one item never loses the others).
"""

from __future__ import annotations

from typing import Any

from citeproc.frontend import CitationStylesBibliography
from citeproc.source import Citation

from bibkit.render.fixes import subsequent
from bibkit.render.fixes.disambiguate import assign_year_suffixes
from bibkit.render.fixes.quotes import punctuation_in_quote


def prepare_item(item: dict[str, Any]) -> dict[str, Any]:
    """A CSL-JSON item in the shape citeproc-py reads without tripping (it needs a type)."""
    out = dict(item)
    out.setdefault("type", "document")
    return out


def before_render(bib: CitationStylesBibliography, citations: list[Citation]) -> None:
    """Work that needs every item known before the first citation is rendered: the
    bibliography order, then year-suffixes assigned in that order."""
    if bib.style.has_bibliography():
        sort_bibliography(bib)
    assign_year_suffixes(bib)


def _problem(bib: CitationStylesBibliography, key: str, exc: Exception) -> None:
    from bibkit.render.engine import Problem

    bib.problems.append(Problem(key, f"{type(exc).__name__}: {exc}"))


def render_citation(bib: CitationStylesBibliography, citation: Citation) -> str:
    """One cluster; on a crash the cluster shows its keys and each key is reported."""
    try:
        return punctuation_in_quote(bib.style.root, str(bib.cite(citation, _unknown_key)))
    except Exception as exc:  # noqa: BLE001 - citeproc-py raises anything; report, go on
        for cite in citation.cites:
            _problem(bib, cite.key, exc)
        return "[" + "; ".join(c.key for c in citation.cites) + "]"


def _unknown_key(item: Any) -> str:
    return f"[{item.key}?]"


def sort_bibliography(bib: CitationStylesBibliography) -> None:
    """Sort by the style; if sorting itself crashes, keep citation order and say so."""
    try:
        bib.sort()
    except Exception as exc:  # noqa: BLE001
        _problem(bib, "*", exc)


def render_bibliography(bib: CitationStylesBibliography) -> list[str]:
    """Entries one by one, so one bad item is reported and the others still render."""
    layout = bib.style.root.bibliography.layout
    subsequent.reset(layout)
    entries = []
    for item in bib.items:
        try:
            rendered = layout.render_bibliography([item])
            entries.append(punctuation_in_quote(bib.style.root, str(rendered[0])) if rendered else "")
        except Exception as exc:  # noqa: BLE001
            _problem(bib, item.key, exc)
            entries.append("")
    return entries
