"""The trained token labeller: a linear-chain CRF (python-crfsuite), loaded lazily once."""

from __future__ import annotations

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
    labels = tagger.tag()
    return labels, [tagger.marginal(lab, i) for i, lab in enumerate(labels)]
