"""Punctuation where two pieces meet (CSL 1.0.2 "Punctuation"; citeproc-js's merge table).

citeproc-py only drops a doubled mark at a seam ("..", ",,"): a field ending in ";" followed
by a ": " prefix prints "semicolon;: colon", and "Help!" followed by a "." suffix prints
"Help!.". citeproc-js merges the two marks by a fixed table (";" + ":" -> ";",
":" + "!" -> "!", "," + "." stays ",."). bibkit applies that table where affixes and
delimiters join text, never inside a field. Measured on the suite category `punctuation`.
"""

from __future__ import annotations

import re

from citeproc.string import String, join, normalize_seam

# (mark ending the left piece, mark starting the right piece) -> the one mark printed
MERGE = {
    (":", ":"): ":", (";", ":"): ";", ("!", ":"): "!", ("?", ":"): "?",
    (":", "."): ":", (";", "."): ";", ("!", "."): "!", ("?", "."): "?", (".", "."): ".",
    (";", ";"): ";", (":", "!"): "!", (";", "!"): "!", ("!", "!"): "!",
    (":", "?"): "?", (";", "?"): "?", ("?", "?"): "?", (",", ","): ",",
}


_CLOSING_TAGS = re.compile(r"(?:</[a-z]+>)+$")


def merge(left, right):
    """`left` and `right` with the marks at their seam merged (either may lose one mark);
    closing tags at the end of `left` ("<b>Co.</b>" + ".") are looked through."""
    ls, rs = str(left), str(right)
    if not ls or not rs or rs[0] not in ".,;:!?":
        return left, right
    tags = _CLOSING_TAGS.search(ls)
    body = ls[: tags.start()] if tags else ls
    if not body:
        return left, right
    mark = MERGE.get((body[-1], rs[0]))
    if mark is None:
        return left, right
    if mark == body[-1]:
        return left, String(rs[1:])
    return String(body[:-1] + ls[len(body):]), right


class MergedSeams:
    """Affixes and delimiters join text through the merge table."""

    def wrap(self, string):
        if string is None:
            return None
        prefix, suffix = self.get("prefix", ""), self.get("suffix", "")
        if prefix:
            prefix, string = merge(prefix, string)
            string = normalize_seam(prefix, string)
        text = prefix + string
        if suffix:
            text, suffix = merge(text, suffix)
            return text + normalize_seam(text, suffix)
        return text

    def join(self, strings, default_delimiter=""):
        delimiter = self.get("delimiter", default_delimiter)
        items = [s for s in strings if s is not None]
        if not items:
            return String("")
        out = items[0]
        for item in items[1:]:
            if delimiter:
                out, glue = merge(out, delimiter)
                out = out + normalize_seam(out, glue)
            out, item = merge(out, item)
            out = join([out, item])
        return out


MIXINS: dict[str, tuple[type, ...]] = {tag: (MergedSeams,) for tag in
                                       ("text", "group", "names", "date", "date-part", "number", "label",
                                        "name", "layout", "et-al", "name-part")}
