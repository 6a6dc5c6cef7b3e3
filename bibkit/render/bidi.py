"""Right-to-left runs inside a bibliography line, isolated so mixed lines read right.

A Persian title inside an English entry (or the reverse) is an embedded run of the other
direction. Unisolated, the bidi algorithm can carry neighbouring punctuation and numbers
into the run ("(1380)." jumping to the wrong side). HTML gets `<bdi>` around each run and
`dir` on the entry; text gets U+2068 FIRST STRONG ISOLATE ... U+2069 POP DIRECTIONAL
ISOLATE on request.
"""

from __future__ import annotations

import re
import unicodedata

FSI, PDI = "\u2068", "\u2069"
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_RTL_LETTER = "\u05d0-\u05ea\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\ufb1d-\ufdff\ufe70-\ufeff"
_RUN = re.compile(rf"[{_RTL_LETTER}](?:[{_RTL}\s\u200c«»\-:.]*[{_RTL_LETTER}])?")
_TAG = re.compile(r"(<[^>]+>)")


def direction(text: str) -> str:
    """`rtl` or `ltr`: the direction of the first strong character (as `dir="auto"`)."""
    for ch in _TAG.sub("", text):
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def has_rtl(text: str) -> bool:
    """Whether any right-to-left letter occurs (an Arabic comma alone does not count)."""
    return bool(re.search(f"[{_RTL_LETTER}]", text))


def isolate_text(text: str) -> str:
    """Wrap each right-to-left run of an LTR line in FSI ... PDI (and LTR runs of an RTL line)."""
    if direction(text) == "rtl":
        return re.sub(r"[A-Za-z0-9][\w\s.,:;'’()\-]*[A-Za-z0-9.)]", lambda m: FSI + m.group(0) + PDI, text)
    return _RUN.sub(lambda m: FSI + m.group(0) + PDI, text)


def isolate_html(entry: str) -> str:
    """`<bdi>` around right-to-left runs in the text parts of an HTML entry (tags untouched)."""
    if direction(entry) == "rtl":
        return entry
    parts = _TAG.split(entry)
    return "".join(p if p.startswith("<") else _RUN.sub(lambda m: f"<bdi>{m.group(0)}</bdi>", p) for p in parts)
