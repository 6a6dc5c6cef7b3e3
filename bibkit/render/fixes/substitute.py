"""Substitution (`cs:substitute`), after CSL 1.0.2 "Substitute".

citeproc-py gets two things wrong:
- A variable printed in place of a missing name is printed again later: an APA web page
  without an author gives "Title. (2023). Title. Site." The spec suppresses every variable
  a substitute rendered for the rest of the entry (or cite). bibkit records the variables
  each substitute child actually prints (through macros, groups and `cs:choose`) and
  treats them as empty afterwards.
- A `cs:names` inside a `cs:choose` within `cs:substitute` ignores the enclosing
  `cs:names`' `cs:name`, `cs:et-al` and `cs:label` ("R. Takeyh, S. Vakil" instead of
  "Takeyh, Ray, and Sanam Vakil, eds."); only direct children got them.
Measured on the suite categories `substitute`, `name`, `bugreports` and on
`bench/render_compare.py` (web pages, newspapers, archival items, edited books).
"""

from __future__ import annotations

from typing import Any

from citeproc.model import Names, VariableError

_SUPPRESSED = "_bk_suppressed"  # keys in citeproc-py's per-cite `layout.repressed` dict
_IN_SUBSTITUTE = "_bk_substitute_depth"  # how many `cs:substitute`s are rendering a child
_NOT_SUPPRESSIBLE = frozenset({"citation-number", "locator", "year-suffix", "first-reference-note-number"})


def state_of(element: Any, context: Any) -> dict | None:
    """The per-cite state dict citeproc-py resets before each cite or entry (None outside
    one): where the fixes keep what has printed so far."""
    try:
        layout = (context if context is not None else element).get_layout()
    except (IndexError, AttributeError):
        return None
    return getattr(layout, "repressed", None)


GROUPS = "_bk_groups"  # open `cs:group`s: [called a variable, printed a variable]


def is_suppressed(state: dict | None, variable: str | None) -> bool:
    """Whether a variable about to be evaluated is suppressed (`state`: `state_of` the
    element); the evaluation also counts as a variable called for every open `cs:group`
    (see `groups`)."""
    if not state:
        return False
    if variable != "year-suffix":
        for frame in state.get(GROUPS, ()):
            frame[0] = True
    return variable in state.get(_SUPPRESSED, ())


STARTED = "_bk_started"  # something has printed in this cite or entry
FIRST_NAME_LIST = "_bk_first_name_list"  # the first list of names printed (`names`)


def record(state: dict | None, variables: list[str]) -> None:
    """Note variables that printed; inside a substitute they are suppressed at once."""
    if state is not None:
        state[STARTED] = True
        if any(v != "year-suffix" for v in variables):
            for frame in state.get(GROUPS, ()):
                frame[1] = True
        if state.get(_IN_SUBSTITUTE):  # suppressed at once, even within that child
            state.setdefault(_SUPPRESSED, set()).update(v for v in variables if v not in _NOT_SUPPRESSIBLE)


class SuppressibleText:
    """`cs:text variable=...`: empty once substituted; recorded when printed."""

    def _variable(self, item, context):
        variable = self.get("variable")
        state = state_of(self, context)
        if is_suppressed(state, variable):
            return None
        text = super()._variable(item, context)
        if text:
            record(state, [variable])
        return text


class SuppressibleNumber:
    def process(self, item, context=None, **kwargs):
        variable = self.get("variable")
        state = state_of(self, context)
        if is_suppressed(state, variable):
            return None
        text = super().process(item, context=context, **kwargs)
        if text:
            record(state, [variable])
        return text


class SuppressibleDate:
    def process(self, item, variable=None, show_parts=None, context=None, **kwargs):
        name = variable or self.get("variable")
        state = state_of(self, context)
        if is_suppressed(state, name):
            return None
        text = super().process(item, variable, show_parts, context, **kwargs)
        if text:
            record(state, [name])
        return text


class SuppressibleNames:
    """`cs:names`: suppressed roles count as empty; names in a substitute (at any depth)
    take the enclosing `cs:names`' name, et-al and label."""

    def process(self, item, names_context=None, context=None, **kwargs):
        if names_context is None and self.name is None:
            outer = self.xpath_search("ancestor::cs:substitute[1]/parent::cs:names[1]")
            if outer:
                names_context = outer[0]
        variables = self.get("variable", "")
        roles = variables.split()
        state = state_of(self, context)
        kept = [r for r in roles if not is_suppressed(state, r)]
        if kept != roles:
            self.set("variable", " ".join(kept))
        try:
            text = super().process(item, names_context=names_context, context=context, **kwargs)
        finally:
            if kept != roles:
                self.set("variable", variables)
        if text:
            record(state, [r for r in kept if r in item.reference]
                   + (["editor", "translator"] if "editortranslator" in kept else []))
        return text


class RecordingSubstitute:
    """`cs:substitute`: the first child that prints wins; what it printed is suppressed."""

    def render(self, item, context=None, **kwargs):
        state = state_of(self, context)
        outer = self.getparent()
        for child in self.getchildren():
            before = set(state.get(_SUPPRESSED, ())) if state is not None else set()
            if state is not None:
                state[_IN_SUBSTITUTE] = state.get(_IN_SUBSTITUTE, 0) + 1
            try:
                if isinstance(child, Names) and child.name is None:
                    text = child.render(item, names_context=outer, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                text = None
            finally:
                if state is not None:
                    state[_IN_SUBSTITUTE] -= 1
            if text:
                return text
            if state is not None:  # this child printed nothing: nothing it touched stays suppressed
                state[_SUPPRESSED] = before
        return None


MIXINS: dict[str, tuple[type, ...]] = {
    "text": (SuppressibleText,),
    "number": (SuppressibleNumber,),
    "date": (SuppressibleDate,),
    "names": (SuppressibleNames,),
    "substitute": (RecordingSubstitute,),
}
