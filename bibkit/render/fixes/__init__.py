"""bibkit's fixes to citeproc-py, one small named mixin (or hook) per problem.

Each module holds the fixes for one area and a `MIXINS` table (CSL tag, `tag@attribute` for
elements of that tag carrying that attribute, e.g. `text@macro`, or `*` for every element ->
mixin classes); `bibkit.render.engine` puts them in front of citeproc-py's class for that
tag, choosing the class of each element by its attributes so that only the elements a fix
concerns pay for it. Module docstrings name the CSL test-suite categories each fix is measured on
(`bench/csl_suite.py` prints per-category counts, plain citeproc-py beside bibkit).
"""

from __future__ import annotations

from functools import cache
from types import ModuleType

from bibkit.render.fixes import (
    collapse,
    dates,
    disambiguate,
    display,
    groups,
    labels,
    lookups,
    names,
    pages,
    punctuation,
    quotes,
    sorting,
    subsequent,
    substitute,
    textcase,
)
from bibkit.render.fixes.display import DISPLAY_TAGS, DisplayedElement  # noqa: F401  (for the engine)
from bibkit.render.fixes.run import (  # noqa: F401  (the engine's hooks)
    before_render,
    narrow,
    prepare_item,
    render_bibliography,
    render_citation,
)


def _modules() -> tuple[ModuleType, ...]:
    """Fix modules in priority order (earlier mixins come first in the MRO)."""
    return (names, pages, punctuation, quotes, substitute, groups, subsequent, collapse, display, dates,
            textcase, labels, sorting, disambiguate, lookups)


# attributes that select a variant class (first present wins), per tag
VARIANT_ATTRIBUTES = {"text": ("macro", "term", "value")}


@cache
def mixins_for(tag: str, attribute: str | None = None) -> tuple[type, ...]:
    """The mixins for one CSL tag (and variant attribute): the variant's first, then the
    tag's, then those for every element."""
    variant = [m for module in _modules() for m in module.MIXINS.get(f"{tag}@{attribute}", ())] \
        if attribute else []
    specific = variant + [m for module in _modules() for m in module.MIXINS.get(tag, ())]
    generic = [m for module in _modules() for m in module.MIXINS.get("*", ())]
    return tuple(dict.fromkeys(specific + generic))
