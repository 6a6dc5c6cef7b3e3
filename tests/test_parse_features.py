"""The model was trained with python-crfsuite on `sequence_features` (dicts); the labeller
sums the model's weights itself, per token text, and finds paths and marginals for many
references at once. It must label as CRFsuite's own tagger does."""

import numpy as np
import pycrfsuite
import pytest

from bibkit.parse.features import sequence_features
from bibkit.parse.labeler import (
    SINGLE_RUN,
    _best_paths_and_marginals,
    _model,
    _tagger,
    decode,
    emission,
    label_batch,
)
from bibkit.parse.tokens import tokenize

TEXTS = [
    "Stephens, Robert(1971), Nasser, A Political Biography, London: Allen Lane.",
    "Bergk, V. & Martin- Facklam, M. Information deficits. Eur J Clin Pharmacol 2005, 61, 327–335. "
    "doi:10.1007/s00228-005-0908-4",
    "زرین‌کوب، عبدالحسین (۱۳۷۸). دو قرن سکوت. تهران: سخن.",
    "محمود خدوری. أسرار حلف بغداد. القاهرة: الدار المتحدة، ١٣٧١ه.ق.",
    "Zarrīnkūb, ʿAbd al-Ḥusayn. Bā kārvān-i ḥulla. Tehran: Āryā, 1343/1964.",
    "Smith J. Title. New York: Basic Books; 1999. pp. 12-19. https://example.org/x",
    "Ibid.",
]


def _crfsuite(tokens) -> tuple[list[str], list[float]]:
    """CRFsuite's Viterbi labels and their marginals, from the features the model was trained on."""
    tagger = _tagger()
    tagger.set(pycrfsuite.ItemSequence(sequence_features(tokens)))
    labels = tagger.tag()
    return labels, [tagger.marginal(lab, i) for i, lab in enumerate(labels)]


@pytest.mark.parametrize("text", TEXTS)
def test_scores_are_the_weights_of_the_trained_features(text: str) -> None:
    tokens = tokenize(text)
    model = _model()
    items = pycrfsuite.ItemSequence(sequence_features(tokens)).items()
    expected = model.scores([[name.encode() for name, weight in item.items() if weight] for item in items])
    assert np.allclose(emission(tokens), expected, rtol=0, atol=1e-9)


def test_paths_and_marginals_are_crfsuites_for_a_batch_of_unequal_lengths() -> None:
    """One batch pads the shorter references; each must come out as if tagged alone. (CRFsuite
    computes exp() with an SSE approximation, hence marginals equal to 1e-5, not bit for bit.)"""
    sequences = [tokenize(text) for text in TEXTS]
    results = _best_paths_and_marginals([emission(tokens) for tokens in sequences])
    for tokens, (path, marginals) in zip(sequences, results):
        labels, probabilities = _crfsuite(tokens)
        assert [_model().labels[j] for j in path] == labels
        assert np.allclose([marginals[i, _model().column[lab]] for i, lab in enumerate(labels)], probabilities, atol=1e-5)


def test_a_batch_labels_each_reference_as_alone() -> None:
    sequences = [tokenize(text) for text in TEXTS] + [[]]
    batch = label_batch(sequences)
    assert batch[-1] == ([], [])
    for tokens, together in zip(sequences, batch):
        alone = label_batch([tokens])[0]
        assert together[0] == alone[0] and np.allclose(together[1], alone[1])


@pytest.mark.parametrize("text", TEXTS)
def test_decode_without_constraint_is_the_taggers_viterbi(text: str) -> None:
    """`decode` reads the model's weights itself; unconstrained it must find CRFsuite's path."""
    tokens = tokenize(text)
    assert decode(emission(tokens)) == _crfsuite(tokens)[0]


def _runs(labels: list[str]) -> list[str]:
    return [lab for i, lab in enumerate(labels) if i == 0 or labels[i - 1] != lab]


def test_constrained_decode_gives_each_single_run_label_one_run():
    """Scores whose best path gives the author two runs (`Stephens, Robert | (1971), | Nasser, |
    A Political Biography`, as an earlier model read it): the constrained decode keeps one run
    and reads the second-best label, title, for the stray one."""
    column = _model().column
    scores = np.zeros((4, len(column)))
    for i, (best, second) in enumerate([("author", "title"), ("date", "title"), ("author", "title"),
                                        ("title", "author")]):
        scores[i, column[best]], scores[i, column[second]] = 60.0, 50.0
    assert _runs(decode(scores)) == ["author", "date", "author", "title"]
    labels = decode(scores, ["author"])
    assert _runs(labels).count("author") == 1 and labels == ["author", "date", "title", "title"]
    assert all(_runs(labels).count(lab) <= 1 for lab in SINGLE_RUN)


def test_a_title_journal_boundary_between_two_bare_words_moves_to_the_punctuation():
    """`… Under | Risk. Science`: the labeller cut inside the title; the boundary moves to
    the punctuated token the per-token probabilities favour, and stays where none is."""
    from bibkit.parse.labeler import snap_to_punctuation
    from bibkit.parse.tokens import tokenize

    tokens = tokenize("Loss Aversion Under Risk. Science, 315")
    labels = ["title", "title", "title", "journal", "journal", "volume"]
    title_likely = {0: 0.9, 1: 0.9, 2: 0.6, 3: 0.45, 4: 0.1}

    def marginal(label: str, i: int) -> float:
        return title_likely[i] if label == "title" else 1 - title_likely[i]

    assert snap_to_punctuation(tokens, labels[:], marginal) == ["title"] * 4 + ["journal", "volume"]
    bare = tokenize("Loss Aversion Under Risk Science 315")
    assert snap_to_punctuation(bare, labels[:], marginal) == labels


def test_labels_are_the_same_when_the_score_store_starts_again(monkeypatch):
    """The per-text score store is emptied when full; the texts of the batch that asked for
    scores must all be there after it, those already stored included."""
    from bibkit.parse import labeler

    sequences = [tokenize(text) for text in (
        "Abrahamian, E. (1982). Iran Between Two Revolutions. Princeton University Press.",
        "آدمیت، فریدون (۱۳۵۵). فکر آزادی. تهران: سخن.")]
    expected = labeler.label_batch(sequences)
    monkeypatch.setattr(labeler, "_VIEWS", {})
    monkeypatch.setattr(labeler, "_VIEWS_KEPT", 8)
    labeler._score_new_texts(tok.text for tok in sequences[0][:3])  # stored before the store is full
    assert labeler.label_batch(sequences) == expected
