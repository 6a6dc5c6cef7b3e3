"""`cs:group` suppression decided by what was evaluated (CSL 1.0.2 "Group").

A group is left out when it calls at least one variable and every variable it calls is
empty. citeproc-py decides from the style alone: a `cs:choose` that could print a variable
counts as "printed a variable" even when the branch taken printed only a term, so APA
prints "(Publication)" for a thesis with a genre and no number; and a group whose only
variable sits in a branch not taken is dropped although it called no variable. As in
citeproc-js, a nested group that prints counts as printed content for its parent, and a
macro call (`cs:text macro`) is a group of its own. bibkit
counts the variables evaluated and printed while the group renders (`substitute.is_suppressed`
and `substitute.record` mark them). Measured on the suite categories `group`, `bugreports`
and on `bench/render_compare.py` (APA theses).
"""

from __future__ import annotations

from citeproc.model import Choose, VariableError

from bibkit.render.fixes.substitute import GROUPS, state_of


class EvaluatedGroup:
    def process(self, item, context=None, **kwargs):
        state = state_of(self, context)
        if state is None:
            return super().process(item, context=context, **kwargs)
        frame = [False, False]
        stack = state.setdefault(GROUPS, [])
        stack.append(frame)
        output = []
        delimiter = self.get("delimiter", "")
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
        finally:
            stack.pop()
        if frame[0]:  # the enclosing groups called these variables too
            for outer in stack:
                outer[0] = True
                outer[1] = outer[1] or frame[1]
        if not output or (frame[0] and not frame[1]):
            raise VariableError
        if stack:  # as in citeproc-js, a nested group that prints counts as printed content
            stack[-1][1] = True
        return self.join(output)


class MacroAsGroup:
    """`cs:text macro=...`: citeproc-js treats a macro call as a group, by the same rules."""

    def process(self, item, context=None, **kwargs):
        state = state_of(self, context)
        if state is None:
            return super().process(item, context=context, **kwargs)
        frame = [False, False]
        stack = state.setdefault(GROUPS, [])
        stack.append(frame)
        try:
            text, language = super().process(item, context=context, **kwargs)
        finally:
            stack.pop()
        if frame[0]:
            for outer in stack:
                outer[0] = True
                outer[1] = outer[1] or frame[1]
        if frame[0] and not frame[1]:
            return None, language
        if text and stack:
            stack[-1][1] = True
        return text, language


MIXINS: dict[str, tuple[type, ...]] = {"group": (EvaluatedGroup,), "text@macro": (MacroAsGroup,)}
