"""Quotes and apostrophes: typographic marks, nesting and punctuation-in-quote.

Fixes measured on the suite categories `flipflop`, `affix`, `quotes`, `punctuation`,
`bugreports`:
- Straight apostrophes in field values print as ’ (`d’Aubignac`, `Plato’s`), and
  straight-quoted phrases in titles take the locale's quote marks (flipflop_QuotesInFieldNotOnNode).
- A quoted title that itself holds quotes switches them to the inner marks
  (decorations_NestedQuotes: “My ‘Amazing’ Title”).
- Where the locale sets `punctuation-in-quote` (en-US), a period or comma that follows a
  closing quote moves inside it (“The Title.”), and a doubled period collapses.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc.string import String

_STRAIGHT_PAIR = re.compile(r"""(?:(?<=^)|(?<=[\s(\[]))(["'])(.+?)\1(?=$|[\s.,;:!?)\]])""")
_NO_TYPOGRAPHY = frozenset({"URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID"})


def smarten(text: str, open_q: str, close_q: str) -> str:
    """Straight quote pairs -> `open_q`/`close_q`; remaining apostrophes -> ’."""
    text = _STRAIGHT_PAIR.sub(lambda m: f"{open_q}{m.group(2)}{close_q}", text)
    return re.sub(r"(?<=\w)'|'(?=\w)", "’", text)


def move_punctuation_in(text: str, close_marks: tuple[str, ...], inner: str = "’") -> str:
    """`”.` -> `.”`, `”,` -> `,”`, `”!` -> `!”` for the locale's closing quote (tags may sit
    between, and an inner closing quote just before it: `’”.` -> `.’”`), as citeproc-js does."""
    for mark in close_marks:
        text = re.sub(rf"([.!?]?)({re.escape(inner)}?){re.escape(mark)}((?:</[a-z]+>)*)([.,!?])",
                      lambda m, mark=mark: (m.group(1) or m.group(4)) + m.group(2) + mark + m.group(3), text)
    return text


class TypographicFieldText:
    """`cs:text variable=...`: apostrophes and straight quotes in the value made typographic."""

    def _variable(self, item, context):
        text = super()._variable(item, context)
        variable = self.get("variable", "")
        if variable in _NO_TYPOGRAPHY or not isinstance(text, (str, list)):
            return text
        raw = str(text)
        smart = smarten_for(self, raw)
        return text if smart == raw else String(smart)


class NestedQuotes:
    """`quotes="true"` around text that already has outer quotes flips them to inner ones."""

    def quote(self, string: Any) -> Any:
        if self.get("quotes", "false").lower() == "true":
            outer = (str(self.get_single_term("open-quote")), str(self.get_single_term("close-quote")))
            inner = (str(self.get_single_term("open-inner-quote")),
                     str(self.get_single_term("close-inner-quote")))
            raw = str(string)
            if outer[0] in raw:
                string = raw.replace(outer[0], inner[0]).replace(outer[1], inner[1])
        return super().quote(string)


def punctuation_in_quote(element: Any, text: str) -> str:
    """Move trailing punctuation into quotes when the style's locale asks for it."""
    option = element.get_locale_option("punctuation-in-quote")
    if not text or str(option).lower() != "true":
        return text
    close = str(element.get_single_term("close-quote"))
    inner = str(element.get_single_term("close-inner-quote"))
    return move_punctuation_in(text, (close,), inner) if close else text


def smarten_for(element, text: str) -> str:
    """`smarten` with the locale's outer quotes of `element`'s style."""
    if "'" not in text and '"' not in text:
        return text
    return smarten(text, str(element.get_single_term("open-quote")), str(element.get_single_term("close-quote")))


class TypographicValue:
    """`cs:text value=...`: straight quotes and apostrophes made typographic, as in fields."""

    def process(self, item, context=None, **kwargs):
        text, language = super().process(item, context=context, **kwargs)
        if text and ("'" in str(text) or '"' in str(text)):
            text = String(smarten_for(self, str(text)))
        return text, language


MIXINS: dict[str, tuple[type, ...]] = {"text": (TypographicFieldText, NestedQuotes),
                                       "text@value": (TypographicValue,)}
