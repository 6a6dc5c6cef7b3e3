"""The trained token labeller: a linear-chain CRF (python-crfsuite), loaded lazily once.

CRFsuite tags each reference; where its answer gives an author list, title, journal or
container two runs of tokens, `decode` finds the best labelling that gives each one run,
over the same model's weights. Boundaries between two bare words then move to punctuation
(`snap_to_punctuation`)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate, groupby

import numpy as np
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


@dataclass(frozen=True)
class _Model:
    """What the tagger does not expose, read once from the model file: its attribute names
    (each mapped to itself: a look-up both says the model has the attribute and gives one
    shared object for it, so sequences are built from ~10k objects that stay in the CPU cache
    instead of a copy per token text), and its weights as arrays for `decode` — a row of
    per-label state weights for each attribute name, and label-to-label transitions."""

    vocabulary: dict[bytes, bytes]
    labels: tuple[str, ...]
    rows: dict[bytes, int]
    state: np.ndarray  # attributes x labels
    transition: np.ndarray  # labels x labels


@cache
def _model() -> _Model:
    info = _tagger().info()
    rows = {name.encode(): int(i) for name, i in info.attributes.items()}
    if len(rows) != int(info.header["num_attrs"]):
        raise RuntimeError(f"{MODEL_FILE}: read {len(rows)} attribute names of {info.header['num_attrs']}")
    labels = tuple(sorted(info.labels))
    column = {lab: j for j, lab in enumerate(labels)}
    state = np.zeros((len(rows), len(labels)))
    for (name, lab), weight in info.state_features.items():
        state[int(info.attributes[name]), column[lab]] = weight
    transition = np.zeros((len(labels), len(labels)))
    for (before, after), weight in info.transitions.items():
        transition[column[before], column[after]] = weight
    return _Model({name: name for name in rows}, labels, rows, state, transition)


@lru_cache(maxsize=262144)
def _known_views(text: str) -> tuple[tuple[bytes, ...], ...]:
    """`attribute_views` of one token text without the attributes the model never saw (the
    tagger would convert them only to skip them), once per distinct text."""
    vocabulary = _model().vocabulary
    return tuple(tuple(vocabulary[name] for name in view if name in vocabulary) for view in attribute_views(text))


def label(tokens: list[Token]) -> tuple[list[str], list[float]]:
    """Labels for `tokens` and each label's marginal probability (the token's confidence)."""
    if not tokens:
        return [], []
    tagger = _tagger()
    attributes = sequence_attributes(tokens, _known_views)
    tagger.set(attributes)
    labels = tagger.tag()
    if repeated := _repeated_runs(labels):
        labels = decode(attributes, repeated)
    labels = snap_to_punctuation(tokens, labels, tagger.marginal)
    return labels, [tagger.marginal(lab, i) for i, lab in enumerate(labels)]


# Fields found in one run of tokens in nearly every labelled reference (AnyStyle core: author
# 0 of 1,423, title 1 of 1,477, journal 0 of 528, container-title 2 of 434 in two runs).
SINGLE_RUN = frozenset({"author", "title", "journal", "container-title"})


def _repeated_runs(labels: list[str]) -> list[str]:
    """The `SINGLE_RUN` labels that `labels` give to two or more runs of tokens. A title
    opening the reference is left to the repairs: with no author before it, what follows a
    first title is mostly a description (`Policy in the Middle East (24 August 1958), CAE
    Shuckburgh to FO …`), and the decode would rather make the first run a container."""
    runs = [lab for lab, _ in groupby(labels) if lab != "citation-number"]
    repeated = {lab for lab in runs if lab in SINGLE_RUN and runs.count(lab) > 1}
    if runs[:1] == ["title"]:  # no author: a document whose later "titles" describe it (see repairs)
        repeated.discard("title")
    return sorted(repeated)


@lru_cache(maxsize=64)
def _phase_transitions(single: tuple[str, ...]) -> tuple[np.ndarray, list[int]]:
    """Transition weights between (phase, label) states — a phase bit per label of `single`
    records that its run has been used, and a step into a used label from another is barred —
    and the state each label starts a sequence in."""
    w = _model()
    n_labels, phases = len(w.labels), 1 << len(single)
    bit = {w.labels.index(lab): 1 << j for j, lab in enumerate(single)}
    step = np.full((phases * n_labels, phases * n_labels), -np.inf)
    for phase in range(phases):
        for before in range(n_labels):
            for after in range(n_labels):
                used = bit.get(after, 0)
                if not (used & phase and before != after):
                    step[phase * n_labels + before, (phase | used) * n_labels + after] = w.transition[before, after]
    return step, [bit.get(lab, 0) * n_labels + lab for lab in range(n_labels)]


def decode(attributes: list[list[bytes]], single: list[str] = ()) -> list[str]:
    """The CRF's best labelling (Viterbi over its own weights) in which each label of
    `single` holds at most one run of tokens. The tagger decodes without the constraint;
    this runs only where its answer breaks it (`Federal Reserve,` labelled author inside a
    title). The phase of the search records which of `single` have been used."""
    w = _model()
    per_token = [[w.rows[name] for name in names if name in w.rows] for names in attributes]
    starts = [0, *accumulate(map(len, per_token[:-1]))]  # every token has `bias`: no empty list
    emission = np.add.reduceat(w.state[[row for rows in per_token for row in rows]], starts, axis=0)
    n_labels, phases = len(w.labels), 1 << len(single)
    step, starts_in = _phase_transitions(tuple(single))
    score = np.full(phases * n_labels, -np.inf)
    score[starts_in] = emission[0]
    back = []
    for t in range(1, len(attributes)):
        candidates = score[:, None] + step
        back.append(candidates.argmax(axis=0))
        score = candidates.max(axis=0) + np.tile(emission[t], phases)
    state = int(score.argmax())
    path = [state]
    for pointers in reversed(back):
        state = int(pointers[state])
        path.append(state)
    return [w.labels[s % n_labels] for s in reversed(path)]


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
