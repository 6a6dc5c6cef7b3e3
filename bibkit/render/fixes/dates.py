"""Dates: localized date formats keep their own delimiter (CSL 1.0.2 "Date").

A style that calls a localized format (`<date form="text" variable="issued"/>`) gets the
locale's `cs:date`, delimiter included; citeproc-py joins the parts with the calling
element's delimiter instead, which such an element does not have, so a style-defined
`<date form="text" delimiter=" ">` prints "2024Jan27" (Vancouver/NLM) instead of
"2024 Jan 27". Measured on `bench/render_compare.py` (nlm-citation-sequence) and the suite
category `date`.
"""

from __future__ import annotations

from citeproc.string import join

from bibkit.render.fixes.lookups import memo


class LocaleDateDelimiter:
    def render_single_date(self, date, show_parts=None, context=None):
        delimiter = self.get("delimiter")
        if (delimiter is None or context is None or context is self
                or not memo(self, "_bk_locale_date", self.is_locale_date)):
            return super().render_single_date(date, show_parts, context)
        parts = self.parts(date, show_parts, context)
        return join(parts, delimiter) if parts else None


MIXINS: dict[str, tuple[type, ...]] = {"date": (LocaleDateDelimiter,)}
