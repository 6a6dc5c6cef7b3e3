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
        return memo(self, "_bk_root", lambda: self.getroottree().getroot())

    def get_macro(self, name):
        macros = memo(self.get_root(), "_bk_macros", dict)
        if name not in macros:
            macros[name] = super().get_macro(name)
        return macros[name]

    def get_layout(self):
        return memo(self, "_bk_layout", super().get_layout)

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
        options = memo(self.get_root(), "_bk_locale_options", dict)
        if name not in options:
            options[name] = super().get_locale_option(name)
        return options[name]

    def calls_variable(self):
        """Whether a subtree calls a variable depends on the style alone: answer once."""
        return memo(self, "_bk_calls_variable", super().calls_variable)

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


MIXINS: dict[str, tuple[type, ...]] = {"*": (CachedLookups,), "locale": (CachedLocaleTerm,)}
