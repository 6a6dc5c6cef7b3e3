"""`cs:group` suppression decided by what was evaluated (CSL 1.0.2 "Group").

A group is left out when it calls at least one variable and every variable it calls is
empty. citeproc-py decides from the style alone: a `cs:choose` that could print a variable
counts as "printed a variable" even when the branch taken printed only a term, so APA
prints "(Publication)" for a thesis with a genre and no number; and a group whose only
variable sits in a branch not taken is dropped although it called no variable. As in
citeproc-js, a nested group that prints counts as printed content for its parent, and a
macro call (`cs:text macro`) is a group of its own. bibkit counts the variables evaluated
and printed while the group renders (`substitute.is_suppressed` and `substitute.record`
mark them). Measured on the suite categories `group`, `bugreports` and on
`bench/render_compare.py` (APA theses).
"""

from __future__ import annotations

from typing import Any

from citeproc.model import Choose, VariableError

from bibkit.render.fixes.substitute import GROUPS, state_of


def _open(element: Any, context: Any) -> tuple[list | None, list | None]:
    """Open a group frame: (frame, stack), or (None, None) outside a cite or entry."""
    state = state_of(element, context)
    if state is None:
        return None, None
    frame = [False, False]  # called a variable, printed a variable
    stack = state.get(GROUPS)
    if stack is None:
        stack = state[GROUPS] = []
    stack.append(frame)
    return frame, stack


def _close(frame: list, stack: list, printed: bool) -> bool:
    """Close the innermost frame; whether the group is kept. The enclosing groups called
    its variables too, and a kept group that printed counts as printed content for them."""
    stack.pop()
    if frame[0]:
        for outer in stack:
            outer[0] = True
            outer[1] = outer[1] or frame[1]
    keep = not (frame[0] and not frame[1])
    if keep and printed and stack:
        stack[-1][1] = True
    return keep


class EvaluatedGroup:
    def process(self, item, context=None, **kwargs):
        delimiter = self.get("delimiter", "")
        frame, stack = _open(self, context)
        output = []
        try:
            for child in self.iterchildren():
                try:
                    if isinstance(child, Choose):
                        text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                    else:
                        text = child.render(item, context=context, **kwargs)
                except VariableError:
                    continue
                if text is not None:
                    output.append(text)
        except BaseException:
            if frame is not None:
                stack.pop()
            raise
        keep = _close(frame, stack, bool(output)) if frame is not None else True
        if not output or not keep:
            raise VariableError
        return self.join(output)


class MacroAsGroup:
    """`cs:text macro=...`: citeproc-js treats a macro call as a group, by the same rules."""

    def process(self, item, context=None, **kwargs):
        frame, stack = _open(self, context)
        if frame is None:
            return super().process(item, context=context, **kwargs)
        try:
            text, language = super().process(item, context=context, **kwargs)
        except BaseException:
            stack.pop()
            raise
        return (text if _close(frame, stack, bool(text)) else None), language


MIXINS: dict[str, tuple[type, ...]] = {"group": (EvaluatedGroup,), "text@macro": (MacroAsGroup,)}
