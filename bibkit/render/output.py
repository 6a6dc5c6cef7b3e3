"""Output formats for citeproc-py: plain text, HTML and Markdown.

citeproc-py asks its formatter for `preformat(text)` (escape a raw string) and for wrapper
callables named after CSL font settings (`Italic`, `Bold`, `SmallCaps`, ...). A `Formatter`
is such an object; `formatter_for(name)` returns the one for a format name.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

FORMATS = ("text", "html", "markdown")
_SMALL_CAPS = '<span style="font-variant:small-caps;">'


def _tag(name: str, attrs: str = "") -> Callable[[str], str]:
    return lambda text: f"<{name}{attrs}>{text}</{name}>"


def _flip(tag: str, normal: str, attrs: str = "") -> Callable[[str], str]:
    """An HTML wrapper that flips what is already in that style back to normal, as
    citeproc-js does: `<i>A <i>B</i></i>` prints B upright (`<span style="font-style:normal;">`);
    a `<span class="nodecor">` inside prints in the normal style too."""
    opening, closing = f"<{tag}>", f"</{tag}>"
    span = f'<span style="{normal}">'
    nodecor = '<span class="nodecor">'

    def wrap(text: str) -> str:
        text = str(text)
        if opening in text:
            out, depth, pos = [], 0, 0
            for m in re.finditer(f"{re.escape(opening)}|{re.escape(closing)}", text):
                out.append(text[pos:m.start()])
                if m.group() == opening:
                    depth += 1
                    out.append(span if depth == 1 else opening)
                else:
                    out.append("</span>" if depth == 1 else closing)
                    depth = max(depth - 1, 0)
                pos = m.end()
            out.append(text[pos:])
            text = "".join(out)
        text = text.replace(nodecor, span)
        return f"<{tag}{attrs}>{text}</{tag}>"

    return wrap


def _small_caps(text: str) -> str:
    """Small caps inside small caps print normal (citeproc-js's flip-flop)."""
    text = str(text)
    if "small-caps" in text or "<sc>" in text or "nodecor" in text:
        normal = '<span style="font-variant:normal;">'
        text = (text.replace(_SMALL_CAPS, normal).replace('<span style="font-variant: small-caps;">', normal)
                .replace("<sc>", normal).replace("</sc>", "</span>").replace('<span class="nodecor">', normal))
    return f"{_SMALL_CAPS}{text}</span>"


def _around(mark: str) -> Callable[[str], str]:
    return lambda text: f"{mark}{text}{mark}" if str(text).strip() else str(text)


def _same(text: str) -> str:
    return str(text)


def _escape_html(text: str) -> str:
    return html.escape(str(text), quote=False)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def _escape_markdown(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", str(text))


@dataclass(frozen=True)
class Formatter:
    """What citeproc-py calls on `bibliography.formatter`, plus our format name."""

    name: str
    preformat: Callable[[str], str]
    Italic: Callable[[str], str]
    Oblique: Callable[[str], str]
    Bold: Callable[[str], str]
    Light: Callable[[str], str]
    Underline: Callable[[str], str]
    Superscript: Callable[[str], str]
    Subscript: Callable[[str], str]
    SmallCaps: Callable[[str], str]

    def finish(self, text: str) -> str:
        """Field markup in the house spelling: `<sc>` and `font-variant: small-caps` become the
        small-caps span citeproc-js writes (HTML only)."""
        if self.name != "html" or ("<sc>" not in text and "small-caps" not in text):
            return text
        text = text.replace("<sc>", _SMALL_CAPS).replace("</sc>", "</span>")
        return text.replace('style="font-variant: small-caps;"', 'style="font-variant:small-caps;"')

    def display(self, kind: str, text: str) -> str:
        """A `display` block (`block`, `left-margin`, `right-inline`, `indent`) the way
        citeproc-js writes it: `<div class="csl-...">` in HTML; in text and Markdown a space
        after the left margin and a new line before a block or an indented part."""
        if self.name == "html":
            return f'<div class="csl-{kind}">{text}</div>'
        return {"left-margin": f"{text} ", "block": f"\n{text}", "indent": f"\n    {text}"}.get(kind, text)


TEXT = Formatter("text", _same, _same, _same, _same, _same, _same, _same, _same, _same)
HTML = Formatter(
    "html", _escape_html, _flip("i", "font-style:normal;"), _flip("i", "font-style:normal;"),
    _flip("b", "font-weight:normal;"), _tag("l"), _tag("u"), _tag("sup"),
    _tag("sub"), _small_caps,
)
MARKDOWN = Formatter(
    "markdown", _escape_markdown, _around("*"), _around("*"), _around("**"), _same, _same,
    _tag("sup"), _tag("sub"), _same,
)


def formatter_for(name: str) -> Formatter:
    """The formatter for `text`, `html` or `markdown`."""
    from bibkit.errors import UsageError

    table = {f.name: f for f in (TEXT, HTML, MARKDOWN)}
    if name not in table:
        raise UsageError(f"unknown output format {name!r} (choose from {', '.join(FORMATS)})")
    return table[name]
