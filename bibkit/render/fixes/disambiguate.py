"""Disambiguation: added names, given names, then year-suffix (CSL 1.0.2 "Disambiguation").

citeproc-py ignores disambiguation: two works by Smith in 2000 both cite as "(Smith 2000)".
Before any citation is rendered, bibkit renders every registered item's first-position
citation alone. Cites that come out the same first show more names (`disambiguate-add-names`:
one more at a time, until they differ), then given names (`disambiguate-add-givenname`:
the long form, then full given names instead of initials); those still alike get `a`, `b`,
... in bibliography order. Names are added for the whole group at once (citeproc-js's
`by-cite` rule, simplified); added names and given names show in citations only. The suffix prints where the style places `year-suffix`, or, when the style never
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


def wants_year_suffix(style_root: Any) -> bool:
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


def crowded(items: list[Any]) -> list[Any]:
    """The items that share a `collision_key` with another, in their order: the only ones
    disambiguation compares, so the only ones whose presence can change another's cite or
    entry."""
    keys = [collision_key(item.reference) for item in items]
    counts = Counter(keys)
    return [item for item, key in zip(items, keys) if counts[key] > 1]


OVERRIDES = "_bk_disambiguation"  # on a reference: {"names": n, "given": level}


def _probe(bib: Any, item: Any) -> str | None:
    probe = Citation([Item(item.key)])
    probe.bibliography = bib
    try:
        return str(bib.style.root.citation.render(probe, [], lambda cite: None))
    except Exception:  # noqa: BLE001 - a failing item simply takes no part
        return None


def _ambiguous(items: list[Any], texts: dict[str, str | None]) -> list[list[Any]]:
    groups: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        if texts[item.key] is not None:
            groups[texts[item.key]].append(item)
    return [group for group in groups.values() if len(group) > 1]


def _names_data(ref: Any) -> str:
    return repr([sorted(dict(n).items()) for v in _NAME_ORDER for n in ref.get(v) or ()])


def _most_names(ref: Any) -> int:
    return max((len(ref.get(v) or ()) for v in _NAME_ORDER), default=0)


def _try(bib: Any, group: list[Any], texts: dict, key: str, values: list[int]) -> None:
    """Raise one override (`names` or `given`) for a group of cites that print alike, to the
    first value that tells the most of them apart; none if no value helps."""
    if not values or len({_names_data(i.reference) for i in group}) < 2:
        return  # no names, or the same names: showing more of them cannot tell the cites apart
    before = {i.key: texts[i.key] for i in group}

    def distinct() -> int:
        return len({texts[i.key] for i in group})

    best, best_count, tried = None, distinct(), None
    for value in values:
        tried = value
        for item in group:
            item.reference.setdefault(OVERRIDES, {})[key] = value
            texts[item.key] = _probe(bib, item)
        if distinct() > best_count:
            best, best_count = value, distinct()
        if best_count == len(group):
            break
    for item in group:
        if best is None:
            item.reference[OVERRIDES].pop(key, None)
            texts[item.key] = before[item.key]
        elif best != tried:
            item.reference[OVERRIDES][key] = best
            texts[item.key] = _probe(bib, item)


def _revert(bib: Any, items: list[Any], texts: dict) -> None:
    """Cites still ambiguous go back to their base form (a year-suffix will tell them apart)."""
    for group in _ambiguous(items, texts):
        for item in group:
            if item.reference.get(OVERRIDES):
                item.reference[OVERRIDES] = {}
                texts[item.key] = _probe(bib, item)


def assign_year_suffixes(bib: Any) -> None:
    """Disambiguate cites that print alike: add names (`disambiguate-add-names`), then given
    names or initials (`disambiguate-add-givenname`), then year-suffixes in bibliography order.

    Only items that share a `collision_key` with another are rendered to compare (a
    bibliography of distinct works then costs no citation renders at all)."""
    style_root = bib.style.root
    citation = style_root.citation
    if citation is None:
        return
    add_names = citation.get("disambiguate-add-names", "false") == "true"
    add_given = citation.get("disambiguate-add-givenname", "false") == "true"
    add_suffix = wants_year_suffix(style_root)
    if not (add_names or add_given or add_suffix):
        return
    items = crowded(bib.items)
    texts = {item.key: _probe(bib, item) for item in items}
    if add_names:
        for group in _ambiguous(items, texts):
            most = max(_most_names(i.reference) for i in group)
            _try(bib, group, texts, "names", list(range(2, most + 1)))
    if add_given:
        for group in _ambiguous(items, texts):
            _try(bib, group, texts, "given", [1, 2])
    if add_suffix:
        _revert(bib, items, texts)
        for group in _ambiguous(items, texts):
            for n, item in enumerate(group):
                item.reference["year_suffix"] = String(suffix_letters(n))


class ImplicitYearSuffixDate:
    """`cs:date`: expose the item's year-suffix to the first year part it prints."""

    def process(self, item, variable=None, show_parts=None, context=None, **kwargs):
        suffix = item.reference.get("year_suffix")
        root = self.get_root()
        if (suffix and not explicit_year_suffix(root) and not uses_citation_label(root)
                and not memo(self, "_bk_locale_date", self.is_locale_date)):  # the caller holds it
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
        suffix = None  # held by the calling style date (locale formats) or by the own date
        for owner in (context, self.getparent()):
            if owner is not None and _SUFFIX_KEY in owner.__dict__:
                suffix = owner.__dict__.pop(_SUFFIX_KEY)
                break
        return f"{text}{suffix}" if suffix else text


def uses_citation_label(style_root: Any) -> bool:
    """Whether the style prints `citation-label` (then the implicit year-suffix goes there)."""
    return memo(style_root, "_bk_uses_label",
                lambda: bool(style_root.xpath_search(".//cs:text[@variable='citation-label']")))


class LabelSuffix:
    """`cs:text variable="citation-label"`: the implicit year-suffix follows the label
    ("RoNo78a"), and then not the year."""

    def _variable(self, item, context):
        text = super()._variable(item, context)
        suffix = item.reference.get("year_suffix")
        if (text and suffix and self.get("variable") == "citation-label"
                and not explicit_year_suffix(self.get_root())):
            text = String(f"{text}{suffix}")
        return text


class NoDateSuffix:
    """`cs:text term="no date"`: an undated item's implicit year-suffix follows the term
    with a hyphen ("n.d.-a"), as citeproc-js prints it."""

    def process(self, item, context=None, **kwargs):
        text, language = super().process(item, context=context, **kwargs)
        suffix = item.reference.get("year_suffix")
        if (text and suffix and self.get("term") == "no date" and "issued" not in item.reference
                and not explicit_year_suffix(self.get_root())):
            text = String(f"{text}-{suffix}")
        return text, language


MIXINS: dict[str, tuple[type, ...]] = {
    "text": (LabelSuffix,),
    "text@term": (NoDateSuffix,),
    "date": (ImplicitYearSuffixDate,),
    "date-part": (ImplicitYearSuffixPart,),
}
