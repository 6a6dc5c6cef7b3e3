"""The trained token labeller: a linear-chain CRF (python-crfsuite), loaded lazily once."""

from __future__ import annotations

from functools import cache
from importlib import resources

import pycrfsuite

from bibkit.parse.features import sequence_features
from bibkit.parse.tokens import Token

MODEL_FILE = "parser.crfsuite"


@cache
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    with resources.as_file(resources.files("bibkit.models").joinpath(MODEL_FILE)) as path:
        tagger.open(str(path))
    return tagger


def label(tokens: list[Token]) -> tuple[list[str], list[float]]:
    """Labels for `tokens` and each label's marginal probability (the token's confidence)."""
    if not tokens:
        return [], []
    tagger = _tagger()
    tagger.set(pycrfsuite.ItemSequence(sequence_features(tokens)))
    labels = tagger.tag()
    return labels, [tagger.marginal(lab, i) for i, lab in enumerate(labels)]
