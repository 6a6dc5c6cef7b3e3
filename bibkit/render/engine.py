"""Run citeproc-py with bibkit's fixes: load a style, then render citations and a bibliography.

citeproc-py builds every CSL element as an instance of a class chosen by tag. bibkit parses
styles and locales with its own lxml class lookup, in which each stock class is subclassed
with the fix mixins for that tag (`bibkit.render.fixes`). Nothing in site-packages is
touched, and plain citeproc-py keeps working side by side (the suite bench runs both).
"""

from __future__ import annotations

import io
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from citeproc import model
from citeproc.frontend import (
    LOCALES_PATH,
    CitationStylesBibliography,
    CitationStylesStyle,
)
from citeproc.source import Citation, Locator
from citeproc.source.json import CiteProcJSON
from lxml import etree

from bibkit.errors import UsageError
from bibkit.render import fixes
from bibkit.render.fixes.lookups import Item
from bibkit.render.fixes.run import Problem
from bibkit.render.output import Formatter, formatter_for

CSL_NS = "http://purl.org/net/xbiblio/csl"


@dataclass(frozen=True)
class CiteRef:
    """One item in a citation cluster, as a user or a note map gives it."""

    id: str
    locator: str | None = None
    label: str = "page"
    prefix: str = ""
    suffix: str = ""


@dataclass
class Rendered:
    citations: list[str] = field(default_factory=list)
    bibliography: list[str] = field(default_factory=list)
    bibliography_ids: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@cache
def element_classes() -> dict[str, type]:
    """Tag -> element class: each citeproc-py class with bibkit's fix mixins in front."""
    classes: dict[str, type] = {}
    for stock in model.CitationStylesElement.__subclasses__():
        tag = stock.__name__.replace("_", "-").lower()
        mixins = fixes.mixins_for(tag)
        classes[tag] = type(f"Bibkit{stock.__name__}", (*mixins, stock), {})
    return classes


@cache
def variant_class(tag: str, attribute: str | None, displayed: bool) -> type:
    """The class for an element of `tag` with a variant attribute (`text@macro` fixes) and/or
    `display` (only such elements pay for those fixes)."""
    base = next(c for c in element_classes()[tag].__mro__ if c.__module__ == model.__name__)
    mixins = fixes.mixins_for(tag, attribute)
    bases = ((fixes.DisplayedElement,) if displayed else ()) + (*mixins, base)
    suffix = (attribute or "").title() + ("Displayed" if displayed else "")
    return type(f"Bibkit{base.__name__}{suffix}", bases, {})


class _VariantLookup(etree.PythonElementClassLookup):
    _prefix = f"{{{CSL_NS}}}"

    def lookup(self, document, element):
        tag = element.tag
        if not isinstance(tag, str) or not tag.startswith(self._prefix):
            return None
        tag = tag[len(self._prefix):]
        displayed = element.get("display") is not None and tag in fixes.DISPLAY_TAGS
        attribute = next((a for a in fixes.VARIANT_ATTRIBUTES.get(tag, ()) if element.get(a) is not None), None)
        if not displayed and attribute is None:
            return None
        return variant_class(tag, attribute, displayed)


def _parser() -> etree.XMLParser:
    """An lxml parser that builds bibkit's element classes (a fresh one per call: not thread-safe)."""
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    namespace[None] = model.CitationStylesElement
    namespace.update(element_classes())
    parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
    parser.set_element_class_lookup(_VariantLookup(lookup))
    return parser


def parse_csl(source: bytes) -> etree._ElementTree:
    """Parse style or locale XML into bibkit's element classes, keeping every proxy alive.

    lxml drops Python attributes of an element proxy when nothing references it; citeproc-py
    and bibkit's caches store state on elements, so the root holds a list of them all.
    """
    tree = etree.parse(io.BytesIO(source), _parser())
    root = tree.getroot()
    root.keepalive = list(root.iter())
    return tree


class BibkitStyle(CitationStylesStyle):
    """A citeproc-py style parsed with bibkit's element classes (no schema validation)."""

    def __init__(self, xml: bytes, locale: str | None = None):
        self.xml = parse_csl(xml)
        self.root = self.xml.getroot()
        if self.root.tag != f"{{{CSL_NS}}}style":
            raise UsageError("not a CSL style (root element is not <style>)")
        self.root.set_locale_list(locale or self.root.get("default-locale", "en-US"), validate=False)
        self.root.locales = [loc if loc.getroottree() is self.xml else _system_locale(loc)
                             for loc in self.root.locales]
        for loc in self.root.locales:
            loc.style = self.root


def _system_locale(stock: Any) -> Any:
    """A locale file citeproc-py parsed with its own classes, parsed again with bibkit's (so
    locale dates and terms get the fixes and the lookup caches)."""
    lang = stock.get("{http://www.w3.org/XML/1998/namespace}lang")
    path = Path(LOCALES_PATH) / f"locales-{lang}.xml"
    if not lang or not path.exists():
        return stock
    return parse_csl(_style_bytes(str(path))).getroot()


@cache
def _style_bytes(path: str) -> bytes:
    return Path(path).read_bytes()


def load_style(style: str | bytes, locale: str | None = None) -> BibkitStyle:
    """A fresh style object from a path or XML bytes (file bytes are cached, objects are not:
    citeproc-py keeps per-run state on the element tree)."""
    xml = style if isinstance(style, bytes) else _style_bytes(style)
    try:
        return BibkitStyle(xml, locale)
    except etree.XMLSyntaxError as exc:
        raise UsageError(f"style is not well-formed XML: {exc}") from exc


def _citation_item(ref: CiteRef) -> Item:
    extra: dict[str, Any] = {}
    if ref.locator:
        extra["locator"] = Locator(ref.label or "page", ref.locator)
    if ref.prefix:
        extra["prefix"] = ref.prefix
    if ref.suffix:
        extra["suffix"] = ref.suffix
    return Item(ref.id, **extra)


def render(style: BibkitStyle, items: list[dict[str, Any]], clusters: list[list[CiteRef]],
           fmt: str | Formatter = "html", *, bibliography: bool = True,
           bib_ids: list[str] | None = None, only: Collection[str] | None = None) -> Rendered:
    """Render citation clusters in order (positions follow that order), then the bibliography.

    Items are CSL-JSON dicts. The bibliography holds `bib_ids` if given, otherwise every item
    cited, then every other item in input order. A failing item becomes a `Problem`.
    `only`: ids of the entries wanted, printed as in the whole bibliography; the others come
    out empty and, when there are no citations to render, only the items that can change the
    wanted ones are sorted and disambiguated (`fixes.narrow`): a few entries then cost little
    more than rendering them alone.
    """
    out = Rendered()
    source = CiteProcJSON([fixes.prepare_item(item) for item in items])
    formatter = formatter_for(fmt) if isinstance(fmt, str) else fmt
    bib = CitationStylesBibliography(style, source, formatter)
    bib.problems = out.problems
    citations = [Citation([_citation_item(c) for c in cluster]) for cluster in clusters]
    for citation in citations:
        bib.register(citation)
    keys = [str(k).lower() for k in bib_ids] if bib_ids is not None else [
        str(item.get("id", "")).lower() for item in items]
    for key in keys:
        if key in source and key not in bib.keys:
            bib.register(Citation([Item(key)]))
    if bib_ids is not None:
        wanted = set(keys)
        bib.items = [i for i in bib.items if i.key in wanted]
        bib.keys = [i.key for i in bib.items]
    entry_keys = None if only is None else {str(k).lower() for k in only}
    if entry_keys is not None and not citations:
        fixes.narrow(bib, entry_keys)
    fixes.before_render(bib, citations)
    out.citations = [fixes.render_citation(bib, c) for c in citations]
    if bibliography and style.has_bibliography():
        out.bibliography_ids = list(bib.keys)
        out.bibliography = fixes.render_bibliography(bib, entry_keys)
    return out
