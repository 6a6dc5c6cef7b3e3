"""Synthetic labelled references for training the reference labeller (CRF).

`generate(n, seed)` yields `{"text", "offsets", "gold", "lang", "style"}` dicts: a random
record (`records`) is rendered through a CSL style (`csl`) or a hand-written template
(`templates`), both marking each field's text with sentinels that `labelled` turns into
character offsets; `noise` then adds writing habits and damage. Deterministic for a seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from bibkit.models.synth import csl, noise, templates
from bibkit.models.synth.labelled import LABELS, Labelled, from_marked, label_for
from bibkit.models.synth.records import Record, new_record
from bibkit.parse.lexicons import fold

__all__ = ["LABELS", "generate"]

_TEMPLATE_SHARE = {"fa": 0.6, "ar": 0.6}  # other languages: 0.35


def generate(n: int, seed: int, *, noise_rate: float = 0.6) -> Iterator[dict]:
    """`n` labelled references; `noise_rate` is the share that gets character damage."""
    rng = random.Random(seed)
    made = 0
    while made < n:
        example = _example(new_record(rng), rng, noise_rate)
        if example is not None:
            made += 1
            yield example


def _render(rec: Record, rng: random.Random) -> tuple[str, str] | None:
    """(marked text, style name) from a template or a CSL style fitting the record."""
    fitting = templates.fitting(rec)
    if fitting and rng.random() < _TEMPLATE_SHARE.get(rec.lang, 0.35):
        tpl = rng.choice(fitting)
        marked = templates.render(tpl, rec, rng)
        return (marked, f"template:{tpl.name}") if marked else None
    styles = [c for c in csl.choices() if c.fits(rec)]
    choice = rng.choices(styles, weights=[c.weight for c in styles])[0]
    marked = csl.render_csl(choice, rec, rng)
    return (marked, f"csl:{choice.style}/{choice.locale}/{choice.mode}") if marked else None


def _example(rec: Record, rng: random.Random, noise_rate: float) -> dict | None:
    rendered = _render(rec, rng)
    if rendered is None:
        return None
    lab = from_marked(rendered[0])
    if not lab.spans():
        return None
    gold = gold_fields(rec, lab)
    lab = noise.digits(lab, rec.digits)
    if rng.random() < 0.2:
        lab = noise.numbered(lab, rng, rec.digits)
    if rng.random() < noise_rate:
        lab = noise.damage(lab, rng, rec.script)
    return {"text": lab.text, "offsets": lab.spans(), "gold": gold, "lang": rec.lang, "style": rendered[1]}


def _key(text: str) -> str:
    """A comparison key: script- and case-folded, letters and digits only."""
    return re.sub(r"\W|_", "", fold(text))


def _label_texts(lab: Labelled) -> dict[str, str]:
    out: dict[str, str] = {}
    for start, end, label in lab.spans():
        out[label] = out.get(label, "") + " " + lab.text[start:end]
    return {label: _key(text) for label, text in out.items()}


def _name_text(name: dict) -> str:
    if "literal" in name:
        return name["literal"]
    return f"{name['family']}, {name['given']}" if name.get("given") else name["family"]


def gold_fields(rec: Record, lab: Labelled) -> dict:
    """The record's fields that the rendering shows (a style may leave some out), CSL-like:
    names as `Family, Given`, `date` as the printed year (with `calendar` if not Gregorian)."""
    shown = _label_texts(lab)
    gold: dict = {"type": rec.item["type"]}
    for var, value in rec.item.items():
        label = label_for(var, rec.item["type"])
        if label is None or label not in shown:
            continue
        if isinstance(value, list):
            names = [n for n in value if _key(_name_text(n).split(",")[0]) in shown[label]]
            if names:
                gold[var] = [_name_text(n) for n in names]
        elif isinstance(value, dict):
            year = str(value["date-parts"][0][0])
            if year in shown[label]:
                gold["date"] = year
                if rec.calendar != "gregorian":
                    gold["calendar"] = rec.calendar
        elif _key(str(value)) in shown[label]:
            gold[var] = str(value)
    return gold
