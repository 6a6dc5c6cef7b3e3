"""The rendering API: bibliographies, in-text citations and note series in a CSL style.

Every function takes bibkit `Reference`s or plain CSL-JSON dicts, a style name or `.csl`
path, an output format (`text`, `html`, `markdown`), an optional locale overriding the
style's, and which script to print (`original`, `romanized`, `both`). Items that fail are
appended to `problems` (id and reason) and the rest still render.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bibkit import languages
from bibkit.model import Note, Reference
from bibkit.render import bidi, multilingual, styles
from bibkit.render.engine import CiteRef, Problem, Rendered, load_style, render

Ref = Reference | dict[str, Any]


def _items(refs: Sequence[Ref], script: str) -> list[dict[str, Any]]:
    items = [r.to_csl() if isinstance(r, Reference) else dict(r) for r in refs]
    for n, item in enumerate(items, 1):
        item["id"] = str(item.get("id") or f"item-{n}")
    return [multilingual.prepare(i, script) for i in items]


def _finish(entries: list[str], fmt: str, isolate: bool) -> list[str]:
    """RTL handling: `<bdi>` and `dir` in HTML; Unicode isolates in text when asked."""
    if fmt == "html":
        return [f'<div class="csl-entry" dir="{bidi.direction(e)}">{bidi.isolate_html(e)}</div>'
                if bidi.has_rtl(e) else f'<div class="csl-entry">{e}</div>' for e in entries]
    if isolate:
        return [bidi.isolate_text(e) if bidi.has_rtl(e) else e for e in entries]
    return entries


def render_document(refs: Sequence[Ref], clusters: Sequence[Sequence[CiteRef]] = (),
                    style: str = "apa", fmt: str = "text", locale: str | None = None,
                    script: str = "original", bibliography: bool = True) -> Rendered:
    """Citations for `clusters` (in document order) and the bibliography, as one run."""
    ref = styles.resolve(style)
    csl = load_style(ref.path, locale or ref.locale)
    return render(csl, _items(refs, script), [list(c) for c in clusters], fmt, bibliography=bibliography)


ITEM_LOCALES = {"fa": "fa-IR", "ar": "ar"}  # languages whose terms citeproc-py ships


def render_bibliography(refs: Sequence[Ref], style: str = "apa", fmt: str = "text",
                        locale: str | None = None, script: str = "original", *,
                        isolate: bool = False, problems: list[Problem] | None = None,
                        item_locales: bool = False) -> list[str]:
    """One string per entry, in bibliography order (HTML entries come wrapped in
    `<div class="csl-entry">`, with `dir` and `<bdi>` where right-to-left text occurs).

    `item_locales`: a Persian or Arabic work's entry takes its terms ("ed.", "trans.",
    "vol.") from its own language's locale (ویراستار, تحقيق …) instead of the style's; the
    order of entries stays the whole bibliography's (CSL-M's per-language layouts, which
    citeproc-py lacks, give the same result)."""
    out = render_document(refs, (), style, fmt, locale, script)
    if problems is not None:
        problems.extend(out.problems)
    entries = list(out.bibliography)
    if item_locales:
        entries = _in_item_locales(refs, out, style, fmt, locale, script)
    return _finish([e for e in entries if e], fmt, isolate)


def _work_language(ref: Ref) -> str:
    """The primary language subtag of a work (`fa`), as the record gives it (the prepared
    CSL item holds a language name for display instead)."""
    language = ref.language if isinstance(ref, Reference) else ref.get("language")
    return languages.primary(str(language or ""))


def _in_item_locales(refs: Sequence[Ref], out: Rendered, style: str, fmt: str, locale: str | None,
                     script: str) -> list[str]:
    """Entries of works in a language with its own locale, rendered in that locale as the whole
    list renders there, so year suffixes (1990a, 1990b) and repeated-author dashes stay as
    the list has them. Only those entries are rendered again, with the items that can change
    them (`engine.render`'s `only`), and not at all in the locale the list is in already; the
    whole list again when the first run reported a problem (a list whose sort fails keeps
    its input order, and only the whole list shows whether it fails in that locale)."""
    items = _items(refs, script)
    # citeproc-py lowercases the ids it reports (`saidSharqshenasi1992` -> `saidsharqshenasi1992`)
    own_locale = {item["id"].lower(): ITEM_LOCALES.get(_work_language(ref)) for item, ref in zip(items, refs, strict=True)}
    found = styles.resolve(style)
    entries = list(out.bibliography)
    position = {item_id: n for n, item_id in enumerate(out.bibliography_ids)}
    for own in sorted({lang for lang in own_locale.values() if lang and lang != locale}):
        csl = load_style(found.path, own)
        if own == (locale or found.locale or csl.root.get("default-locale", "en-US")):
            continue  # the list is in that locale already
        wanted = {item_id for item_id, lang in own_locale.items() if lang == own}
        again = render(csl, items, [], fmt, only=None if out.problems else wanted)
        for item_id, entry in zip(again.bibliography_ids, again.bibliography):
            if entry and item_id in wanted and item_id in position:
                entries[position[item_id]] = entry
    return entries


def render_citations(refs: Sequence[Ref], clusters: Sequence[Sequence[CiteRef | str]],
                     style: str = "apa", fmt: str = "text", locale: str | None = None,
                     script: str = "original", *, isolate: bool = False,
                     problems: list[Problem] | None = None) -> list[str]:
    """One in-text citation per cluster; a cluster lists ids or `CiteRef`s (with locators)."""
    cites = [[c if isinstance(c, CiteRef) else CiteRef(c) for c in cluster] for cluster in clusters]
    out = render_document(refs, cites, style, fmt, locale, script, bibliography=False)
    if problems is not None:
        problems.extend(out.problems)
    return out.citations if fmt == "html" or not isolate else _finish(out.citations, fmt, isolate)


def note_clusters(notes: Sequence[Note]) -> list[list[CiteRef]]:
    """Each note's resolved cites as a cluster (unresolved cites are left out)."""
    return [[CiteRef(c.id, c.locator, c.label or "page") for c in note.cites if c.id] for note in notes]


def render_notes(notes: Sequence[Note], refs: Sequence[Ref], style: str = "chicago-notes-bibliography",
                 fmt: str = "text", locale: str | None = None, script: str = "original", *,
                 isolate: bool = False, problems: list[Problem] | None = None) -> list[str]:
    """`"N. note text"` per note, rendered in order so the style's ibid./subsequent forms
    apply; a note without resolved cites keeps its original text."""
    clusters = note_clusters(notes)
    out = render_document(refs, [c for c in clusters if c], style, fmt, locale, script,
                          bibliography=False)
    if problems is not None:
        problems.extend(out.problems)
    rendered = iter(out.citations)
    lines = [f"{note.number}. {next(rendered) if cluster else note.text}"
             for note, cluster in zip(notes, clusters)]
    return lines if fmt == "html" or not isolate else _finish(lines, fmt, isolate)
