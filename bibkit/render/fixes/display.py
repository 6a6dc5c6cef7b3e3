"""`display` and `second-field-align`, after CSL 1.0.2 "Display" and "Whitespace".

citeproc-py ignores both: IEEE and Vancouver (NLM) entries come out as "[1]D. Kahneman" and
"1.Kahneman D". As in citeproc-js, bibkit writes an element with `display` as a block
(`Formatter.display`: `<div class="csl-left-margin">` ... in HTML, a space after the left
margin in text), and with `second-field-align` the first field of a bibliography entry is
its left margin and everything after it one right-inline block. The layout's prefix and
suffix go inside the first and last blocks. Measured on the suite category `display` and on
`bench/render_compare.py` (ieee, nlm-citation-sequence).
"""

from __future__ import annotations

from typing import Any

from citeproc.model import Choose, VariableError
from citeproc.string import join, normalize_seam

from bibkit.render.fixes.lookups import memo


def show(element: Any, kind: str, text: Any) -> Any:
    """`text` as a `kind` block, if the output format knows how to write one."""
    write = getattr(element.get_formatter(), "display", None)
    return write(kind, str(text)) if write and text else text


def _bibliography_layout(element: Any) -> bool:
    parent = element.getparent()
    return (parent is not None and parent.tag.endswith("}layout")
            and parent.getparent().tag.endswith("}bibliography"))


class DisplayedElement:
    """A rendering element with `display`: its output (affixes included) as a block. The
    direct children of a bibliography layout are left to `DisplayLayout`."""

    def render(self, *args, **kwargs):
        text = super().render(*args, **kwargs)
        kind = self.get("display")
        if not kind or not text or memo(self, "_bk_top", lambda: _bibliography_layout(self)):
            return text
        return show(self, kind, text)


class DisplayLayout:
    """Bibliography `cs:layout`: blocks for top-level `display` and `second-field-align`."""

    def render_bibliography(self, citation_items):
        align = self.getparent().get("second-field-align")
        children = list(self.iterchildren())
        kinds = [child.get("display") for child in children]
        if not align and not any(kinds):
            return super().render_bibliography(citation_items)
        entries = []
        for item in citation_items:
            self.repressed = {}
            parts = []
            for child, kind in zip(children, kinds):
                try:
                    text = child.render(item, delimiter="") if isinstance(child, Choose) else child.render(item)
                except VariableError:
                    continue
                if text:
                    parts.append((kind, text))
            if not parts:
                continue
            if align:
                rest = join([text for _, text in parts[1:]], "")
                parts = [("left-margin", parts[0][1])] + ([("right-inline", rest)] if parts[1:] else [])
            prefix, suffix = self.get("prefix", ""), self.get("suffix", "")
            parts[0] = (parts[0][0], prefix + normalize_seam(prefix, parts[0][1]))
            parts[-1] = (parts[-1][0], (parts[-1][1] + normalize_seam(parts[-1][1], suffix)).rstrip())
            entries.append(join([show(self, kind, self.format(text)) if kind else self.format(text)
                                 for kind, text in parts], ""))
        return entries


# `DisplayedElement` is not a per-tag mixin: the engine gives it only to elements that
# carry `display` (`engine.displayed_classes`), so other elements do not pay for it.
DISPLAY_TAGS = ("text", "group", "names", "date", "number", "label")
MIXINS: dict[str, tuple[type, ...]] = {"layout": (DisplayLayout,)}
