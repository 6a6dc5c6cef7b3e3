"""Citation clusters: cite order and `collapse` (CSL 1.0.2 "Citation-specific options").

citeproc-py sorts the cites of every cluster into bibliography order even when the style
has no `cs:sort` in `cs:citation` (the spec keeps them as given), and ignores `collapse`:
"(Smith 1900, Smith 2000)" instead of "(Smith 1900, 2000)", "[1], [2], [3]" instead of
"[1]–[3]". bibkit renders each cite alone, then joins them the way citeproc-js does:
- `citation-number`: three or more consecutive numbers become a range.
- `year`: adjacent cites whose names print the same keep the names once; the rest of each
  cite follows, joined by `cite-group-delimiter` (", " in in-text styles).
- `year-suffix`, `year-suffix-ranged`: within such a group, cites of the same year print
  only their year-suffix, joined by `year-suffix-delimiter` (`a–c` for three or more
  letters when ranged).
After a collapsed group comes `after-collapse-delimiter` (else the layout delimiter).
With `collapse` or `cite-group-delimiter` and a `cs:sort`, cites whose names print the same
are first moved together after sorting (cite grouping, as citeproc-js does it). Straight quotes in a cite's prefix and suffix become typographic. As in citeproc-js, no
delimiter goes before a cite whose prefix starts with punctuation
(", cited in"), and in note styles a term that opens a citation, or follows a prefix ending
in a full stop, is capitalized ("Ibid.", "This has been said. Ibid.").
Measured on the suite categories `collapse`, `name`, `date`, `disambiguate`, `sort`,
`position`, `magic`.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc.model import VariableError
from citeproc.string import String

from bibkit.render.fixes.quotes import smarten_for
from bibkit.render.fixes.subsequent import first_names
from bibkit.render.fixes.substitute import STARTED, state_of

_DASH = "\u2013"
_CITE_START = "_bk_cite_start"  # in `layout.repressed`: a term printed first is capitalized


def _ranges(labels: list[str], numbers: list[int | None], minimum: int = 3) -> list[str]:
    """Runs of at least `minimum` consecutive numbers as `first–last`."""
    out: list[str] = []
    start = 0
    while start < len(labels):
        end = start
        while (end + 1 < len(labels) and numbers[end] is not None and numbers[end + 1] is not None
               and numbers[end + 1] == numbers[end] + 1):
            end += 1
        if end - start + 1 >= minimum:
            out.append(f"{labels[start]}{_DASH}{labels[end]}")
        else:
            out += labels[start:end + 1]
        start = end + 1
    return out


def _suffix_number(suffix: str) -> int | None:
    number = 0
    for ch in suffix:
        if not "a" <= ch <= "z":
            return None
        number = number * 26 + (ord(ch) - 96)
    return number


_NAME_COLLAPSE = ("year", "year-suffix", "year-suffix-ranged")
_SENTENCE_END = re.compile("[.!?][\"”’')\\]]*\\s*$")
_AFTER_NAMES = re.compile(r"^(?:</[a-z]+>)*[\s,;:]*")


def _grouped(cites: list[Cite]) -> list[Cite]:
    """Cite grouping: later cites whose names print the same move up beside the first."""
    order: dict[str, list[Cite]] = {}
    for n, cite in enumerate(cites):
        order.setdefault(cite.names if cite.names else f"\x00{n}", []).append(cite)
    return [cite for group in order.values() for cite in group]


class Cite:
    """One rendered cite: the item, its text (affixes included) and what its names printed."""

    def __init__(self, item: Any, text: str, names: str | None):
        self.item, self.text, self.names = item, text, names
        self.rest: str | None = None
        if names and names in text:
            at = text.index(names)
            rest = _AFTER_NAMES.sub("", text[at + len(names):])
            self.rest = rest if rest else None
        suffix = item.reference.get("year_suffix")
        self.suffix = str(suffix) if suffix else ""

    @property
    def has_locator(self) -> bool:
        return "locator" in self.item


class ClusterLayout:
    """`cs:citation/cs:layout`: cites in the order given (or `cs:sort`'s), then collapsed."""

    def render_citation(self, citation, callback):
        parent = self.getparent()
        good = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        if parent.sort is not None:
            good = parent.sort.sort(good, self)
        cites: list[Cite] = []
        note = self.get_root().get("class") == "note"
        for index, item in enumerate(good):
            prefix = str(item.get("prefix", ""))
            stop = bool(_SENTENCE_END.search(prefix)) and " " in prefix.strip()  # "Caps after. Ibid."
            self.repressed = {_CITE_START: note and ((index == 0 and not prefix) or stop)}
            try:
                output = self.render_children(item)
            except VariableError:
                continue
            if output is None:
                continue
            affixed = smarten_for(self, prefix) + output + smarten_for(self, str(item.get("suffix", "")))
            cites.append(Cite(item, str(affixed), first_names(self)))
            parent.cites.append(item)
        delimiter = self.get("delimiter", "")
        collapse = parent.get("collapse")
        group_delimiter = parent.get("cite-group-delimiter")
        if parent.sort is not None and (collapse in _NAME_COLLAPSE or group_delimiter):
            cites = _grouped(cites)
        if collapse == "citation-number":
            numbers = [None if c.item.get("prefix") or c.item.get("suffix") or c.has_locator
                       else c.item.number for c in cites]
            pieces = _ranges([c.text for c in cites], numbers)
            text = delimiter.join(pieces)
        elif collapse in _NAME_COLLAPSE:
            text = self._collapse_names(cites, collapse, delimiter)
        else:
            text = ""
            for n, cite in enumerate(cites):
                glue = delimiter
                if group_delimiter and n and cite.names and cite.names == cites[n - 1].names:
                    glue = group_delimiter
                if n and str(cites[n - 1].item.get("suffix", "")).rstrip()[-1:] in (",", ".", ";", ":") \
                        and text[-1:] in ",.;:" and glue[:1] in ",.;:":
                    glue = glue[1:]  # "is one source," + "; " -> "is one source, "
                text += ("" if not n or cite.text[:1] in ",.;:" else glue) + cite.text
        for item in bad:
            text = (text + delimiter if text else "") + (callback(item) or f"{item.key}?")
        return self.format(self.wrap(text)) if text else None

    def _collapse_names(self, cites: list[Cite], collapse: str, delimiter: str) -> str:
        parent = self.getparent()
        in_text = self.get_root().get("class") == "in-text"
        group_delimiter = parent.get("cite-group-delimiter") or (", " if in_text else delimiter)
        suffix_delimiter = parent.get("year-suffix-delimiter") or parent.get("cite-group-delimiter") or delimiter
        after_collapse = parent.get("after-collapse-delimiter") or delimiter
        groups: list[list[Cite]] = []
        for cite in cites:
            if groups and cite.names and cite.rest and groups[-1][0].names == cite.names:
                groups[-1].append(cite)
            else:
                groups.append([cite])
        out = ""
        for n, group in enumerate(groups):
            if n:
                out += after_collapse if len(groups[n - 1]) > 1 else delimiter
            out += self._group_text(group, collapse, group_delimiter, suffix_delimiter, after_collapse)
        return out

    @staticmethod
    def _group_text(group: list[Cite], collapse: str, group_delimiter: str, suffix_delimiter: str,
                    after_collapse: str) -> str:
        text = group[0].text
        k = 1
        previous = group[0]
        while k < len(group):
            cite = group[k]
            base = previous.rest.replace(previous.suffix, "", 1) if previous.rest and previous.suffix else None
            same_year = (collapse != "year" and cite.suffix and base is not None and not previous.has_locator
                         and cite.rest.replace(cite.suffix, "", 1) == base)
            if same_year:
                run = [previous.suffix]
                while k < len(group):
                    cite = group[k]
                    if not (cite.suffix and not cite.has_locator
                            and cite.rest.replace(cite.suffix, "", 1) == base):
                        break
                    run.append(cite.suffix)
                    k += 1
                numbers = [_suffix_number(s) for s in run]
                pieces = _ranges(run, numbers) if collapse == "year-suffix-ranged" else run
                text = text[: len(text) - len(previous.suffix)] + suffix_delimiter.join(pieces) \
                    if text.endswith(previous.suffix) else text + suffix_delimiter + suffix_delimiter.join(run[1:])
                previous = group[k - 1]
                continue
            joiner = after_collapse if previous.has_locator else group_delimiter
            text += joiner + cite.rest
            previous = cite
            k += 1
        return text


class TermAtCiteStart:
    """`cs:text term=...`: capitalized when it is the first thing a citation prints
    (`cs:text value=...` only counts as printed)."""

    def process(self, item, context=None, **kwargs):
        text, language = super().process(item, context=context, **kwargs)
        if text:
            state = state_of(self, context)
            if state is not None:
                if "term" in self.attrib and state.get(_CITE_START) and not state.get(STARTED):
                    raw = str(text)
                    text = String(raw[:1].upper() + raw[1:])
                state[STARTED] = True
        return text, language


MIXINS: dict[str, tuple[type, ...]] = {"layout": (ClusterLayout,), "text@term": (TermAtCiteStart,),
                                       "text@value": (TermAtCiteStart,)}
