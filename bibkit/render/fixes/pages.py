"""Page ranges and `page-range-format` (CSL 1.0.2 "Appendix V - Page Range Formats").

citeproc-py compares the two page numbers as written, so an abbreviated range is never
expanded first ("100-4" stays "100–4" under `chicago`) and a short first number breaks
`minimal-two` ("1-20" becomes "1–0", MLA). bibkit splits each range into prefix and number,
expands the second number, then shortens it by the style's rule, as citeproc-js does;
ranges whose two sides carry different prefixes ("N110-P5", "110-N6") are printed as
written. Measured on the suite category `page` and on `bench/render_compare.py` (MLA).
"""

from __future__ import annotations

import re

from citeproc.string import String

_LOCATOR_DASH = re.compile(r"\s*[-\u2013]\s*")
_RANGE = re.compile(r"^\s*(\S*?)(\d+)\s*[-\u2013]\s*(\S*?)(\d+)\s*$")


def _common(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def shorten(first: str, last: str, form: str | None) -> str:
    """The second number of a range `first`-`last` (digits only, `last` already expanded)."""
    if len(first) != len(last) or form in (None, "expanded"):
        return last
    number = int(first)
    if form in ("chicago", "chicago-15", "chicago-16"):
        if number < 100 or number % 100 == 0:
            return last
        if form != "chicago-16" and len(first) == 4 and len(first) - _common(first, last) >= 3:
            return last
        form = "minimal" if number % 100 < 10 else "minimal-two"
    keep = len(last) - _common(first, last)
    if form == "minimal-two":
        keep = max(keep, min(2, len(last)))
    return last[len(last) - keep:] if keep else last[-1:]


def format_range(text: str, form: str | None, dash: str, first_only: bool = False) -> str | None:
    """One `a-b` range in the style's format; None when `text` is not a plain range."""
    match = _RANGE.match(text)
    if not match:
        sides = re.split(r"\s*[-\u2013]\s*", text.strip())
        if len(sides) == 2 and all(sides):  # xxv-xxviii
            return sides[0] if first_only else dash.join(sides)
        return None
    prefix1, first, prefix2, last = match.groups()
    if first_only:
        return prefix1 + first
    as_written = f"{prefix1}{first}-{prefix2}{last}"
    if prefix2 != prefix1:
        return as_written
    if form is None:
        return f"{prefix1}{first}{dash}{prefix2}{last}"
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    if int(last) < int(first):
        return as_written
    if form == "expanded":
        return f"{prefix1}{first}{dash}{prefix2}{last}"
    return f"{prefix1}{first}{dash}{shorten(first, last, form)}"


class PageRanges:
    """`cs:text`/`cs:number` for `page` and `page-first`; a locator range prints with a
    plain en dash and no surrounding spaces ("100 - 103" -> "100–103"), as in citeproc-js."""

    def _variable(self, item, context):
        if self.get("variable") != "locator" or not item.has_locator:
            return super()._variable(item, context)
        value = str(item.locator.identifier).strip()
        if "\\-" in value:  # an escaped hyphen is no range: "327\-30" prints "327-30"
            return String(value.replace("\\-", "-"))
        if item.locator.label == "page":  # page locators follow page-range-format too
            form = self.get_root().get_option("page-range-format")
            dash = str(self.get_single_term(name="page-range-delimiter") or "\u2013")
            ranged = [format_range(part, form, dash) for part in value.split(",")]
            if all(r is not None for r in ranged):
                return String(", ".join(ranged))
        return String(_LOCATOR_DASH.sub("\u2013", value))

    def _process(self, value, variable):
        if variable not in ("page", "page-first"):
            return super()._process(value, variable)
        form = self.get_root().get_option("page-range-format")
        dash = str(self.get_single_term(name="page-range-delimiter") or "\u2013")
        out = []
        for comma_part in str(value).split(","):
            pieces = []
            for piece in comma_part.split("&"):
                text = format_range(piece, form, dash, variable == "page-first")
                pieces.append(text if text is not None else piece.strip())
            out.append(" & ".join(pieces))
        return String(", ".join(out) if variable == "page" else out[0])


MIXINS: dict[str, tuple[type, ...]] = {"text": (PageRanges,), "number": (PageRanges,)}
