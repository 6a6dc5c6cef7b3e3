"""Writing habits and damage applied to a labelled reference, label by label: digits in the
record's script, Arabic vs Persian letters, lost ZWNJ, dropped or doubled spaces and
punctuation, broken brackets, letter swaps (`Avalaible`), line wraps and leading numbers.

Every operation edits characters and their labels together, so offsets stay exact.
"""

from __future__ import annotations

import random

from bibkit.models.synth.labelled import Labelled

_DIGITS = {"fa": "۰۱۲۳۴۵۶۷۸۹", "ar": "٠١٢٣٤٥٦٧٨٩"}
_KEEP_LATIN = frozenset({"url", "doi"})
_TO_ARABIC = str.maketrans("یک", "يك")
_TO_PERSIAN = str.maketrans("يك", "یک")
_PUNCT = frozenset(".,;:،؛")
_NUMBERING = ("{n}. ", "[{n}] ", "{n}) ", "{n}- ", "{n}.\t")


def digits(lab: Labelled, script: str) -> Labelled:
    """ASCII digits written in Persian or Arabic-Indic form, except in URLs and DOIs."""
    table = _DIGITS.get(script)
    if not table:
        return lab
    text = "".join(table[int(c)] if c.isascii() and c.isdigit() and lab.labels[i] not in _KEEP_LATIN else c
                   for i, c in enumerate(lab.text))
    return Labelled(text, lab.labels)


def numbered(lab: Labelled, rng: random.Random, script: str) -> Labelled:
    """A leading list number (`12.`, `[3]`, `۱-`) labelled citation-number."""
    number = str(rng.randint(1, 120))
    if script in _DIGITS and rng.random() < 0.7:
        number = "".join(_DIGITS[script][int(c)] for c in number)
    prefix = rng.choice(_NUMBERING).format(n=number)
    labels = ["citation-number" if not c.isspace() else None for c in prefix]
    return Labelled(prefix + lab.text, labels + lab.labels)


def damage(lab: Labelled, rng: random.Random, script: str) -> Labelled:
    """Random character-level damage, each kind with its own small rate."""
    chars, labels = list(lab.text), list(lab.labels)
    if script == "fa" and rng.random() < 0.25:
        chars = [c.translate(_TO_ARABIC) if rng.random() < 0.8 else c for c in chars]
    elif script == "ar" and rng.random() < 0.15:
        chars = [c.translate(_TO_PERSIAN) for c in chars]
    zwnj = rng.choice(["", " ", "\u200c"]) if "\u200c" in chars else "\u200c"
    out_c: list[str] = []
    out_l: list[str | None] = []
    for c, label in zip(chars, labels):
        for piece in _damage_char(c, rng, zwnj):
            out_c.append(piece)
            out_l.append(None if piece.isspace() else label)
    return _swap_letters(Labelled("".join(out_c), out_l), rng)


def _damage_char(c: str, rng: random.Random, zwnj: str) -> str:
    """What one character becomes: itself, nothing, doubled, or a neighbour's mistake."""
    roll = rng.random()
    if c == "\u200c":
        return zwnj
    if c == " ":
        return "" if roll < 0.025 else "  " if roll < 0.04 else "\n" if roll < 0.05 else c
    if c in _PUNCT:
        return "" if roll < 0.03 else c + c if roll < 0.04 else c
    if c in "()":
        return "" if roll < 0.04 else "(" if roll < 0.07 else c
    return c


def _swap_letters(lab: Labelled, rng: random.Random) -> Labelled:
    """Swap two adjacent letters inside a few long words (typos such as `Avalaible`)."""
    chars = list(lab.text)
    for i in range(1, len(chars) - 2):
        if chars[i].isalpha() and chars[i + 1].isalpha() and chars[i - 1].isalpha() and rng.random() < 0.004:
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return Labelled("".join(chars), lab.labels)
