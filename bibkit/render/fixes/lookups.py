"""Speed: remember what citeproc-py looks up again and again in the style tree.

citeproc-py re-runs XPath searches for every name, term and date part it renders (the
enclosing `cs:citation`/`cs:bibliography` for each name option, the macro by name, the
locale term, the layout). The tree never changes after loading, so each answer is memoized
on the element (all element proxies are kept alive by `engine.parse_csl`). Output is
unchanged; `bench/render_speed.py` measures the gain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import model
from citeproc.source import CitationItem

_MISSING = object()
_FONT_ATTRIBUTES = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


def memo(element: Any, key: str, compute: Callable[[], Any]) -> Any:
    """`compute()` once per element and key (stored in the proxy's own __dict__)."""
    store = element.__dict__
    value = store.get(key, _MISSING)
    if value is _MISSING:
        value = store[key] = compute()
    return value


class CachedLookups:
    """Memoized root, macro, layout, term, date-format and locale-option lookups."""

    def get_root(self):
        try:  # the hottest lookup of all: no helper call
            return self.__dict__["_bk_root"]
        except KeyError:
            root = self.__dict__["_bk_root"] = self.getroottree().getroot()
            return root

    def get_formatter(self):
        root = self.get_root()
        return root.style.formatter if isinstance(root, model.Locale) else root.formatter

    def get_macro(self, name):
        try:  # hot: every macro call
            return self.get_root().__dict__["_bk_macros"][name]
        except KeyError:
            macros = memo(self.get_root(), "_bk_macros", dict)
            macro = macros[name] = super().get_macro(name)
            return macro

    def get_layout(self):
        try:
            return self.__dict__["_bk_layout"]
        except KeyError:
            layout = self.__dict__["_bk_layout"] = super().get_layout()
            return layout

    def get_term(self, name, form=None, fallback_locale=True, zero_padded=False):
        terms = memo(self.get_root(), "_bk_terms", dict)
        key = (name, form, fallback_locale, zero_padded)
        if key not in terms:
            terms[key] = super().get_term(name, form, fallback_locale, zero_padded)
        return terms[key]

    def get_date(self, form):
        dates = memo(self.get_root(), "_bk_dates", dict)
        if form not in dates:
            dates[form] = super().get_date(form)
        return dates[form]

    def get_locale_option(self, name):
        try:  # hot: every date part and quote
            return self.get_root().__dict__["_bk_locale_options"][name]
        except KeyError:
            options = memo(self.get_root(), "_bk_locale_options", dict)
            value = options[name] = super().get_locale_option(name)
            return value

    def calls_variable(self):
        """Whether a subtree calls a variable depends on the style alone: answer once."""
        try:
            return self.__dict__["_bk_calls_variable"]
        except KeyError:
            calls = self.__dict__["_bk_calls_variable"] = super().calls_variable()
            return calls

    def format(self, string):
        """citeproc-py asks the formatter five times per formatted piece; an element without
        font attributes leaves the text as it is."""
        try:
            plain = self.__dict__["_bk_plain"]
        except KeyError:
            plain = self.__dict__["_bk_plain"] = not any(a in self.attrib for a in _FONT_ATTRIBUTES)
        if plain:
            return str(string) if isinstance(string, (int, float)) else string
        return super().format(string)

    def iterchildren(self, *args, **kwargs):
        """Children without filters, as a list kept on the element (the tree is fixed; code
        that adds an element calls `forget_children`)."""
        if args or kwargs:
            return super().iterchildren(*args, **kwargs)
        try:
            return iter(self.__dict__["_bk_children"])
        except KeyError:
            children = self.__dict__["_bk_children"] = list(super().iterchildren())
            return iter(children)

    def getchildren(self):
        return list(self.iterchildren())

    def xpath_search(self, expression):
        """Every XPath citeproc-py runs is relative to a fixed tree: answer each once."""
        found = memo(self, "_bk_xpath", dict)
        if expression not in found:
            found[expression] = super().xpath_search(expression)
        return list(found[expression])

    def __getattr__(self, name):
        """Child lookups (`self.layout`, `self.name`...), remembered once found."""
        if name.startswith("_"):
            raise AttributeError(name)
        child = model.SomewhatObjectifiedElement.__getattr__(self, name)
        if child is not None:
            self.__dict__[name] = child
        return child


class CachedLocaleTerm:
    """A locale answers `get_term` by XPath on its terms; remember each answer or miss."""

    def get_term(self, name, form=None, zero_padded=False):
        terms = memo(self, "_bk_own_terms", dict)
        key = (name, form, zero_padded)
        if key not in terms:
            try:
                terms[key] = model.Locale.get_term(self, name, form, zero_padded)
            except IndexError:
                terms[key] = None
        if terms[key] is None:
            raise IndexError(name)
        return terms[key]


_SIMPLE_TESTS = frozenset({"type", "variable", "match"})


def _condition(element: Any) -> tuple | None:
    """(match, type set, types, variables) for a `cs:if`/`cs:else-if` that tests only type
    and variable presence; None for anything else (left to citeproc-py)."""
    tests = set(element.attrib) & {"type", "variable", "is-numeric", "is-uncertain-date",
                                   "locator", "position", "match", "disambiguate"}
    if not tests <= _SIMPLE_TESTS:
        return None
    types = tuple(t.lower() for t in element.get("type", "").split())
    variables = tuple(v.replace("-", "_") for v in element.get("variable", "").split())
    return element.get("match") or "all", frozenset(types), types, variables


def forget_children(element: Any) -> None:
    element.__dict__.pop("_bk_children", None)


class FastCondition:
    """`cs:if`/`cs:else-if` on type and variables: the same tests as citeproc-py's, with the
    parsed attributes kept on the element."""

    def matches(self, item, ref=None) -> bool | None:
        """Whether the branch applies; None when citeproc-py must decide."""
        try:
            spec = self.__dict__["_bk_condition"]
        except KeyError:
            spec = self.__dict__["_bk_condition"] = _condition(self)
        if spec is None:
            return None
        match, typeset, types, variables = spec
        if ref is None:
            ref = item.reference
        rtype = dict.get(ref, "type")
        if match == "all":
            for t in types:
                if t != rtype:
                    return False
            for v in variables:
                if not (("locator" in item) if v == "locator" else (v in ref)):
                    return False
            return True
        found = rtype in typeset
        if not found:
            for v in variables:
                if ("locator" in item) if v == "locator" else (v in ref):
                    found = True
                    break
        return found if match == "any" else not found

    def render(self, item, context=None, delimiter="", **kwargs):
        ok = self.matches(item)
        if ok is None:
            return super().render(item, context=context, delimiter=delimiter, **kwargs)
        if not ok:
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)


class FastChoose:
    """`cs:choose`: branches with simple tests are decided without raising an exception."""

    def render(self, item, context=None, delimiter="", **kwargs):
        ref = item.reference
        try:
            branches = self.__dict__["_bk_branches"]
        except KeyError:  # (branch, its `matches` or None), once per element
            branches = self.__dict__["_bk_branches"] = [
                (child, getattr(type(child), "matches", None)) for child in self.iterchildren()]
        for child, test in branches:
            ok = test(child, item, ref) if test is not None else None
            if ok is False:
                continue
            if ok:
                return child.render_children(item, context=context, delimiter=delimiter, **kwargs)
            try:
                return child.render(item, context=context, delimiter=delimiter, **kwargs)
            except model.ConditionFailed:
                continue
        return None


class Item(CitationItem):
    """A citation item that finds its reference once (citeproc-py looks it up through the
    citation, the bibliography and the source for every variable it tests or prints)."""

    @property
    def reference(self):
        ref = dict.get(self, "_bk_reference")
        if ref is None:
            ref = self.bibliography.source[self.key]
            dict.__setitem__(self, "_bk_reference", ref)
        return ref


MIXINS: dict[str, tuple[type, ...]] = {"*": (CachedLookups,), "locale": (CachedLocaleTerm,),
                                       "if": (FastCondition,), "else-if": (FastCondition,),
                                       "choose": (FastChoose,)}
