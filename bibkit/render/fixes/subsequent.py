"""`subsequent-author-substitute` (CSL 1.0.2 "Reference Grouping").

citeproc-py ignores it: MLA and Chicago print an author's name again for each of their
works instead of "———". bibkit keeps what the first `cs:names` of each bibliography entry
printed (its substitute included, as when a title stands in for the author); when it is the
same as the previous entry's, it is replaced by the style's string. The default rule,
`complete-all`, is implemented; under the other rules only a substitute that is not a list
of names (a title) is replaced, and lists of names are left as they are.
Measured on the suite categories `name` and `sort` and on `bench/render_compare.py` (MLA).
"""

from __future__ import annotations

from typing import Any

from bibkit.render.fixes.lookups import memo
from bibkit.render.fixes.substitute import FIRST_NAME_LIST, state_of

_FIRST_NAMES = "_bk_first_names"  # in citeproc-py's per-entry `layout.repressed`
_PREVIOUS = "_bk_previous_names"  # on the layout, across entries


def first_names(layout) -> str | None:
    """The first list of names printed in the cite or entry just rendered by `layout` (its
    label left out, as citeproc-js compares them), else what the first `cs:names` printed
    (a title standing in for the author)."""
    state = getattr(layout, "repressed", {})
    return state.get(FIRST_NAME_LIST) or state.get(_FIRST_NAMES)


class FirstNamesOutput:
    """`cs:names` (outside `cs:substitute`): remember the cite's or entry's first names
    output (used here and for cite collapsing)."""

    def render(self, *args, **kwargs):
        text = super().render(*args, **kwargs)
        if not text or kwargs.get("sort_options") is not None:
            return text
        state = state_of(self, kwargs.get("context"))
        if (state is not None and _FIRST_NAMES not in state
                and not memo(self, "_bk_in_substitute",
                             lambda: bool(self.xpath_search("ancestor::cs:substitute")))):
            state[_FIRST_NAMES] = str(text)
        return text


class SubsequentAuthorLayout:
    """Bibliography `cs:layout`: the repeated first names become the substitute string."""

    def render_bibliography(self, citation_items):
        bibliography = self.getparent()
        substitute = bibliography.get("subsequent-author-substitute")
        rule = bibliography.get("subsequent-author-substitute-rule", "complete-all")
        if substitute is None:
            return super().render_bibliography(citation_items)
        entries = []
        for item in citation_items:
            for entry in super().render_bibliography([item]):
                names = first_names(self)
                whole = rule == "complete-all" or not self.repressed.get(FIRST_NAME_LIST)
                if whole and names and names == self.__dict__.get(_PREVIOUS) and names in str(entry):
                    entry = str(entry).replace(names, substitute, 1)
                self.__dict__[_PREVIOUS] = names
                entries.append(entry)
        return entries


def reset(layout) -> None:
    """Start a new bibliography: no previous entry."""
    layout.__dict__.pop(_PREVIOUS, None)


def catch_up(layout, skipped: list[Any]) -> None:
    """Entries were left out since the last one rendered: take the previous names from the
    last of them that prints, as rendering them all would have (an entry that fails or
    prints nothing leaves them as they were)."""
    if layout.getparent().get("subsequent-author-substitute") is None:
        return
    for item in reversed(skipped):
        try:
            if layout.render_bibliography([item]):
                return
        except Exception:  # noqa: BLE001, S112 - the whole run would report it; here it only prints nothing
            continue


MIXINS: dict[str, tuple[type, ...]] = {"names": (FirstNamesOutput,), "layout": (SubsequentAuthorLayout,)}
