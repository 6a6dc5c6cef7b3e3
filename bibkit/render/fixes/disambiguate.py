"""Disambiguation by year-suffix (`disambiguate-add-year-suffix="true"`).

citeproc-py ignores disambiguation: two works by Smith in 2000 both cite as "(Smith 2000)".
Before any citation is rendered, bibkit renders every registered item's first-position
citation alone; items whose citations come out the same get `a`, `b`, ... in bibliography
order. The suffix prints where the style places `year-suffix`, or, when the style never
names that variable, right after the first year printed (CSL 1.0.2, "Disambiguation").
Measured on the suite categories `disambiguate`, `date`, `name`, `magic`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from string import ascii_lowercase
from typing import Any

from citeproc.source import Citation
from citeproc.string import String

from bibkit.render.fixes.lookups import Item, memo

_SUFFIX_KEY = "_bk_year_suffix"


def suffix_letters(index: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa (as citeproc-js counts)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = ascii_lowercase[rem] + letters
    return letters


def _wants_year_suffix(style_root: Any) -> bool:
    citation = style_root.citation
    return citation is not None and citation.get("disambiguate-add-year-suffix", "false") == "true"


def explicit_year_suffix(style_root: Any) -> bool:
    """Whether the style prints `year-suffix` itself (then no implicit suffix is added)."""
    return memo(style_root, "_bk_explicit_ys",
                lambda: bool(style_root.xpath_search(".//cs:text[@variable='year-suffix']")))


_NAME_ORDER = ("author", "editor", "translator", "composer", "director", "interviewer",
               "illustrator", "collection_editor", "container_author", "editorial_director")


def _first_name(ref: Any) -> str | None:
    for variable in _NAME_ORDER:
        for name in ref.get(variable) or ():
            return str(name.get("family") or name.get("literal") or "").casefold()
    return None


def _year(ref: Any) -> str | None:
    date = ref.get("issued")
    if date is None:
        return None
    if "begin" in date:
        date = date["begin"]
    return str(date.get("year", date.get("text", "")))


def collision_key(ref: Any) -> tuple[str | None, str | None]:
    """What two items whose citations print alike share in author-date styles: the issued
    year and the first name printed (items without names all share `None`)."""
    return _year(ref), _first_name(ref)


def assign_year_suffixes(bib: Any) -> None:
    """Give items whose lone citations render alike a year-suffix, in bibliography order.

    Only items that share a `collision_key` with another are rendered to compare (a
    bibliography of distinct works then costs no citation renders at all)."""
    style_root = bib.style.root
    if not _wants_year_suffix(style_root):
        return
    keys = [collision_key(item.reference) for item in bib.items]
    crowded = {k for k, n in Counter(keys).items() if n > 1}
    groups: dict[tuple, list[Any]] = defaultdict(list)
    for item, key in zip(bib.items, keys):
        if key not in crowded:
            continue
        probe = Citation([Item(item.key)])
        probe.bibliography = bib
        try:
            text = str(style_root.citation.render(probe, [], lambda cite: None))
        except Exception:  # noqa: BLE001 - a failing item simply gets no suffix
            continue
        groups[(key, text)].append(item)
    for same in groups.values():
        if len(same) > 1:
            for n, item in enumerate(same):
                item.reference["year_suffix"] = String(suffix_letters(n))


class ImplicitYearSuffixDate:
    """`cs:date`: expose the item's year-suffix to the first year part it prints."""

    def process(self, item, variable=None, show_parts=None, context=None, **kwargs):
        suffix = item.reference.get("year_suffix")
        if suffix and not explicit_year_suffix(self.get_root()):
            self.__dict__[_SUFFIX_KEY] = str(suffix)
        try:
            return super().process(item, variable, show_parts, context, **kwargs)
        finally:
            self.__dict__.pop(_SUFFIX_KEY, None)


class ImplicitYearSuffixPart:
    """`cs:date-part name="year"`: append the pending implicit suffix once."""

    def process(self, date, context=None):
        text = super().process(date, context)
        if self.get("name") != "year" or text is None:
            return text
        owner = context if context is not None else self.getparent()
        suffix = owner.__dict__.pop(_SUFFIX_KEY, None)
        return f"{text}{suffix}" if suffix else text


MIXINS: dict[str, tuple[type, ...]] = {
    "date": (ImplicitYearSuffixDate,),
    "date-part": (ImplicitYearSuffixPart,),
}
