"""The model was trained on `sequence_features` (dicts); the labeller feeds the tagger
`sequence_attributes` (attribute names, cut to what the model knows). Both must tag alike,
to the last bit of every marginal."""

import pycrfsuite
import pytest

from bibkit.parse.features import sequence_attributes, sequence_features
from bibkit.parse.labeler import SINGLE_RUN, _known_views, _tagger, decode
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


@pytest.mark.parametrize("text", TEXTS)
def test_attributes_are_what_pycrfsuite_makes_of_the_features(text: str) -> None:
    tokens = tokenize(text)
    from_dicts = pycrfsuite.ItemSequence(sequence_features(tokens)).items()
    expected = [[name.encode() for name, weight in item.items() if weight] for item in from_dicts]
    assert sequence_attributes(tokens) == expected


def _tag(tagger: pycrfsuite.Tagger, sequence) -> tuple[list[str], list[float]]:
    tagger.set(sequence)
    labels = tagger.tag()
    return labels, [tagger.marginal(lab, i) for i, lab in enumerate(labels)]


@pytest.mark.parametrize("text", TEXTS)
def test_labeller_tags_as_the_trained_features_do(text: str) -> None:
    tokens = tokenize(text)
    tagger = _tagger()
    from_dicts = _tag(tagger, pycrfsuite.ItemSequence(sequence_features(tokens)))
    assert _tag(tagger, sequence_attributes(tokens, _known_views)) == from_dicts


@pytest.mark.parametrize("text", TEXTS)
def test_decode_without_constraint_is_the_taggers_viterbi(text: str) -> None:
    """`decode` reads the model's weights itself; unconstrained it must find CRFsuite's path."""
    attributes = sequence_attributes(tokenize(text), _known_views)
    tagger = _tagger()
    tagger.set(attributes)
    assert decode(attributes) == tagger.tag()


def test_constrained_decode_gives_each_single_run_label_one_run():
    """The tagger gives this reference two author runs (`Stephens, Robert` and `Nasser,`);
    the constrained decode keeps one and reads the rest as the title."""
    attributes = sequence_attributes(tokenize(TEXTS[0]), _known_views)
    tagger = _tagger()
    tagger.set(attributes)
    free = tagger.tag()
    labels = decode(attributes, ["author"])
    runs = [lab for i, lab in enumerate(labels) if i == 0 or labels[i - 1] != lab]
    assert [lab for i, lab in enumerate(free) if i == 0 or free[i - 1] != lab].count("author") == 2
    assert all(runs.count(lab) == 1 for lab in SINGLE_RUN if lab in runs)
    assert labels[:2] == ["author", "author"] and labels[3] == "title"


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
