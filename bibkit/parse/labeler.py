"""The trained token labeller: a linear-chain CRF (python-crfsuite), loaded lazily once."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources

import pycrfsuite

from bibkit.parse.features import attribute_views, sequence_attributes
from bibkit.parse.tokens import Token

MODEL_FILE = "parser.crfsuite"


@cache
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    with resources.as_file(resources.files("bibkit.models").joinpath(MODEL_FILE)) as path:
        tagger.open(str(path))
    return tagger


@cache
def _vocabulary() -> dict[bytes, bytes]:
    """The model's attribute names, each mapped to itself: a look-up both says the model has
    the attribute and gives one shared object for it, so sequences are built from ~10k
    objects that stay in the CPU cache instead of a copy per token text."""
    info = _tagger().info()
    names = {name: name for name in (attr.encode() for attr in info.attributes)}
    if len(names) != int(info.header["num_attrs"]):
        raise RuntimeError(f"{MODEL_FILE}: read {len(names)} attribute names of {info.header['num_attrs']}")
    return names


@lru_cache(maxsize=262144)
def _known_views(text: str) -> tuple[tuple[bytes, ...], ...]:
    """`attribute_views` of one token text without the attributes the model never saw (the
    tagger would convert them only to skip them), once per distinct text."""
    vocabulary = _vocabulary()
    return tuple(tuple(vocabulary[name] for name in view if name in vocabulary) for view in attribute_views(text))


def label(tokens: list[Token]) -> tuple[list[str], list[float]]:
    """Labels for `tokens` and each label's marginal probability (the token's confidence)."""
    if not tokens:
        return [], []
    tagger = _tagger()
    tagger.set(sequence_attributes(tokens, _known_views))
    labels = snap_to_punctuation(tokens, tagger.tag(), tagger.marginal)
    return labels, [tagger.marginal(lab, i) for i, lab in enumerate(labels)]


# Field pairs whose boundary falls after punctuation in nearly every labelled reference
# (AnyStyle core: 812 of 815 title/journal boundaries), so a boundary between two bare words
# (`… Decision-Making Under | Risk. Science`) is a labelling slip.
_PUNCTUATED_BOUNDARIES = frozenset(map(frozenset, (
    ("title", "journal"), ("title", "container-title"), ("title", "editor"), ("location", "publisher"))))


def snap_to_punctuation(tokens: list[Token], labels: list[str], marginal: Callable[[str, int], float]) -> list[str]:
    """Move each boundary of a `_PUNCTUATED_BOUNDARIES` pair that falls between two bare
    words to the punctuated token, within the two runs, that the model's per-token
    probabilities favour most; left alone where the runs hold no punctuated token."""
    for i in range(1, len(labels)):
        before, after = labels[i - 1], labels[i]
        if frozenset((before, after)) not in _PUNCTUATED_BOUNDARIES or not tokens[i - 1].text[-1].isalnum():
            continue
        start, end = i - 1, i + 1
        while start > 0 and labels[start - 1] == before:
            start -= 1
        while end < len(labels) and labels[end] == after:
            end += 1
        cuts = [c for c in range(start + 1, end) if not tokens[c - 1].text[-1].isalnum()]
        if not cuts:
            continue
        gain = [math.log(max(marginal(before, k), 1e-9)) - math.log(max(marginal(after, k), 1e-9))
                for k in range(start, end)]
        best = max(cuts, key=lambda c: sum(gain[: c - start]))
        labels[start:end] = [before] * (best - start) + [after] * (end - best)
    return labels
