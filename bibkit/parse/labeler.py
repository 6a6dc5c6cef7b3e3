"""The trained token labeller: a linear-chain CRF trained with python-crfsuite, whose weights
are read once from the model file and applied here, many references at a time.

A token's score for each label is the sum of the weights of its attributes; the attributes
it has from its own text (its own, and what it tells each neighbour) are summed once per
distinct text, so a reference's scores are a few shifted additions of kept rows. The best
labelling (Viterbi) and each token's marginal probability (forward-backward) are then worked
out for a batch of references in one pass of array operations; CRFsuite's own tagger, fed one
reference at a time, spent most of its time looking up attribute names. Where the best path
gives an author list, title, journal or container two runs of tokens, `decode` finds the best
labelling that gives each one run. Boundaries between two bare words then move to punctuation
(`snap_to_punctuation`)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import chain, groupby

import numpy as np
import pycrfsuite

from bibkit.parse.features import (
    phrase_attributes,
    place_attributes,
    token_features,
    view_names,
)
from bibkit.parse.lexicons import phrase_tags
from bibkit.parse.tokens import Token

MODEL_FILE = "parser.crfsuite"
_BATCH = 128  # references labelled in one pass: large enough that the per-step cost is shared
_SLOTS = _BATCH * 64  # padded tokens in one pass: 128 references of up to 64 tokens


@cache
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    with resources.as_file(resources.files("bibkit.models").joinpath(MODEL_FILE)) as path:
        tagger.open(str(path))
    return tagger


@dataclass(frozen=True)
class _Model:
    """The model's weights as arrays, read once from the model file: a row of per-label state
    weights for each attribute name (`rows`), and label-to-label transitions."""

    labels: tuple[str, ...]
    rows: dict[bytes, int]
    state: np.ndarray  # attributes x labels, and a last row of zeros
    transition: np.ndarray  # labels x labels
    column: dict[str, int]  # label -> its index in `labels`

    def scores(self, views: Sequence[Sequence[bytes]]) -> np.ndarray:
        """The summed state weights of each list of attribute names (views x labels; names
        the model never saw add nothing), in one gather: every list also takes the row of
        zeros, so none is empty for `reduceat`."""
        zero, rows, starts = len(self.state) - 1, [], []
        for names in views:
            starts.append(len(rows))
            rows.extend(row for name in names if (row := self.rows.get(name)) is not None)
            rows.append(zero)
        return np.add.reduceat(self.state[rows], starts, axis=0)


@cache
def _model() -> _Model:
    info = _tagger().info()
    rows = {name.encode(): int(i) for name, i in info.attributes.items()}
    if len(rows) != int(info.header["num_attrs"]):
        raise RuntimeError(f"{MODEL_FILE}: read {len(rows)} attribute names of {info.header['num_attrs']}")
    labels = tuple(sorted(info.labels))
    column = {lab: j for j, lab in enumerate(labels)}
    state = np.zeros((len(rows) + 1, len(labels)))
    for (name, lab), weight in info.state_features.items():
        state[int(info.attributes[name]), column[lab]] = weight
    transition = np.zeros((len(labels), len(labels)))
    for (before, after), weight in info.transitions.items():
        transition[column[before], column[after]] = weight
    return _Model(labels, rows, state, transition, column)


@lru_cache(maxsize=1 << 18)
def _feature_rows(key: str, value: str | float | bool) -> tuple[int, ...]:
    """The model's row for one token feature in each of the five views (the row of zeros where
    a view leaves it out or the model never saw it): features repeat across token texts far
    more than texts do (`shape:Xx`, `last:,`)."""
    model = _model()
    zero = len(model.state) - 1
    return tuple(model.rows.get(name.encode(), zero) if name else zero for name in view_names(key, value))


_VIEWS: dict[str, np.ndarray] = {}  # token text -> its five views' scores (5 x labels)
_VIEWS_KEPT = 1 << 18  # texts kept before the store starts again (about 250 MB at most)
_NEW_TEXTS_AT_ONCE = 512  # texts scored in one gather (a few MB of rows at a time)


def _score_new_texts(texts: Iterable[str]) -> None:
    """Put the per-label scores of each text's five views (what it tells the tokens two and
    one places before it, its own, what it tells the next two) in `_VIEWS`, once per text.
    The texts not seen before are scored together, a slice at a time, in one gather and one
    sum: per text, the array calls cost more than the arithmetic."""
    wanted = list(dict.fromkeys(texts))
    new = [text for text in wanted if text not in _VIEWS]
    if len(_VIEWS) + len(new) > _VIEWS_KEPT:
        _VIEWS.clear()  # every text asked for is scored again: each must be there after the call
        new = wanted
    state = _model().state
    for at in range(0, len(new), _NEW_TEXTS_AT_ONCE):
        chunk = new[at:at + _NEW_TEXTS_AT_ONCE]
        features = [token_features(text) for text in chunk]
        rows = np.fromiter(chain.from_iterable(_feature_rows(key, value) for feats in features
                                               for key, value in feats.items()),
                           dtype=np.intp, count=5 * sum(map(len, features)))
        starts = np.cumsum([0, *map(len, features[:-1])])
        _VIEWS.update(zip(chunk, _frozen(np.add.reduceat(state[rows.reshape(-1, 5)], starts, axis=0))))


def _frozen(array: np.ndarray) -> np.ndarray:
    """A cached array made read-only: a caller adding to it in place would change every later answer."""
    array.flags.writeable = False
    return array


@lru_cache(maxsize=1024)
def _place_scores(n: int) -> np.ndarray:
    """Per-label scores of each position's `place_attributes` in a sequence of `n` tokens."""
    return _frozen(_model().scores([place_attributes(i, n) for i in range(n)]))


@lru_cache(maxsize=4096)
def _phrase_scores(tags: frozenset[str]) -> np.ndarray:
    return _frozen(_model().scores([phrase_attributes(tags)])[0])


def emission(tokens: list[Token]) -> np.ndarray:
    """Each token's score for each label (tokens x labels): its own view, the views its
    neighbours at -2..+2 give it (token i + d speaks to token i through its view d + 2, as
    `features.sequence_features` lays out the features it was trained on), its place, its phrases."""
    _score_new_texts(tok.text for tok in tokens)
    return _emission_of_scored(tokens)


def _emission_of_scored(tokens: list[Token]) -> np.ndarray:
    """`emission` of tokens whose texts `_score_new_texts` has put in `_VIEWS`."""
    views = np.array([_VIEWS[tok.text] for tok in tokens])  # tokens x 5 x labels
    scores = views[:, 2] + _place_scores(len(tokens))
    for d in (-2, -1, 1, 2):  # token i + d through its view d + 2
        if d < 0:
            scores[-d:] += views[:d, d + 2]
        else:
            scores[:-d] += views[d:, d + 2]
    for i, tags in enumerate(phrase_tags([tok.text for tok in tokens])):
        if tags:
            scores[i] += _phrase_scores(tags)
    return scores


def label_batch(sequences: list[list[Token]]) -> list[tuple[list[str], list[float]]]:
    """Labels for each token list and each label's marginal probability (the token's
    confidence), worked out together: sequences of like length share one pass of array
    operations."""
    out: list[tuple[list[str], list[float]]] = [([], []) for _ in sequences]
    order = sorted((i for i, tokens in enumerate(sequences) if tokens), key=lambda i: len(sequences[i]))
    _score_new_texts(tok.text for tokens in sequences for tok in tokens)
    for group in _groups(order, [len(sequences[i]) for i in order]):
        scores = [_emission_of_scored(sequences[i]) for i in group]
        for i, score, (path, marginals) in zip(group, scores, _best_paths_and_marginals(scores)):
            out[i] = _finish(sequences[i], score, path, marginals)
    return out


def _groups(order: list[int], lengths: list[int]) -> Iterator[list[int]]:
    """`order` (by ascending length) cut into groups labelled together: up to `_BATCH`
    sequences, and no more than `_SLOTS` tokens once padded to the group's longest, so one
    very long entry (a paragraph read as a reference) is labelled alone, not padding 127
    others to its length."""
    group: list[int] = []
    for i, n in zip(order, lengths):
        if group and (len(group) == _BATCH or (len(group) + 1) * n > _SLOTS):
            yield group
            group = []
        group.append(i)
    if group:
        yield group


def _finish(tokens: list[Token], score: np.ndarray, path: np.ndarray,
            marginals: np.ndarray) -> tuple[list[str], list[float]]:
    """Labels from the best path, constrained where it breaks `SINGLE_RUN` and snapped to
    punctuation, with each label's marginal probability."""
    model = _model()
    labels = [model.labels[j] for j in path]
    if repeated := _repeated_runs(labels):
        labels = decode(score, repeated)
    labels = snap_to_punctuation(tokens, labels, lambda lab, i: float(marginals[i, model.column[lab]]))
    return labels, marginals[np.arange(len(labels)), [model.column[lab] for lab in labels]].tolist()


def _best_paths_and_marginals(scores: list[np.ndarray]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Viterbi path and per-token label marginals of each score matrix, all at once. The
    sequences are taken longest first and padded, so those still running at a step are the
    first ones. Marginals come from forward-backward in scaled probability space (each step
    normalised), as CRFsuite computes them."""
    model = _model()
    order = sorted(range(len(scores)), key=lambda b: -len(scores[b]))
    lengths = np.array([len(scores[b]) for b in order])
    n_seq, n_steps, n_labels = len(order), int(lengths[0]), len(model.labels)
    running = (lengths[None, :] > np.arange(n_steps)[:, None]).sum(axis=1)  # per step: how many
    emit = np.zeros((n_seq, n_steps, n_labels))
    for row, b in enumerate(order):
        emit[row, :lengths[row]] = scores[b]
    # Viterbi: the best score of each label at each step; the path is read back from them
    # (the previous label is the first, in `labels` order, that reaches the next one's score),
    # so the forward pass needs a max and no argmax
    transition = model.transition
    best = np.zeros((n_steps, n_seq, n_labels))
    best[0] = emit[:, 0]
    for t in range(1, n_steps):
        k = running[t]
        best[t, :k] = (best[t - 1, :k].T[:, :, None] + transition[:, None, :]).max(axis=0) + emit[:k, t]
    ends = lengths - 1
    state = best[ends, np.arange(n_seq)].argmax(axis=1)
    path = np.zeros((n_steps, n_seq), dtype=np.intp)
    for t in range(n_steps - 1, -1, -1):
        k = running[t]
        path[t, :k] = state[:k]
        if t:
            state[:k] = (best[t - 1, :k] + transition[:, state[:k]].T).argmax(axis=1)
    # forward-backward
    weight = np.exp(emit - emit.max(axis=2, keepdims=True))
    step = np.exp(model.transition)
    alpha = np.ones_like(weight)
    alpha[:, 0] = weight[:, 0] / weight[:, 0].sum(axis=1, keepdims=True)
    for t in range(1, n_steps):
        k = running[t]
        forward = (alpha[:k, t - 1] @ step) * weight[:k, t]
        alpha[:k, t] = forward / forward.sum(axis=1, keepdims=True)
    beta = np.ones_like(weight)
    for t in range(n_steps - 2, -1, -1):
        k = running[t + 1]
        backward = (weight[:k, t + 1] * beta[:k, t + 1]) @ step.T
        beta[:k, t] = backward / backward.sum(axis=1, keepdims=True)
    marginals = alpha * beta
    marginals /= marginals.sum(axis=2, keepdims=True)
    out: list[tuple[np.ndarray, np.ndarray]] = [None] * n_seq  # type: ignore[list-item]
    for row, b in enumerate(order):
        out[b] = (path[:lengths[row], row], marginals[row, :lengths[row]])
    return out


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


def decode(scores: np.ndarray, single: Sequence[str] = ()) -> list[str]:
    """The CRF's best labelling of a reference with per-token label `scores` (`emission`) in
    which each label of `single` holds at most one run of tokens. Runs only where the best
    path breaks that (`Federal Reserve,` labelled author inside a title). The phase of the
    search records which of `single` have been used."""
    w = _model()
    n_labels, phases = len(w.labels), 1 << len(single)
    step, starts_in = _phase_transitions(tuple(single))
    score = np.full(phases * n_labels, -np.inf)
    score[starts_in] = scores[0]
    back = []
    for t in range(1, len(scores)):
        candidates = score[:, None] + step
        back.append(candidates.argmax(axis=0))
        score = candidates.max(axis=0) + np.tile(scores[t], phases)
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
