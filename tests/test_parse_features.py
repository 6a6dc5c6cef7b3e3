"""The model was trained on `sequence_features` (dicts); the labeller feeds the tagger
`sequence_attributes` (attribute names, cut to what the model knows). Both must tag alike,
to the last bit of every marginal."""

import pycrfsuite
import pytest

from bibkit.parse.features import sequence_attributes, sequence_features
from bibkit.parse.labeler import _tagger, label
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


@pytest.mark.parametrize("text", TEXTS)
def test_labeller_tags_as_the_trained_features_do(text: str) -> None:
    tokens = tokenize(text)
    tagger = _tagger()
    tagger.set(pycrfsuite.ItemSequence(sequence_features(tokens)))
    labels = tagger.tag()
    marginals = [tagger.marginal(lab, i) for i, lab in enumerate(labels)]
    assert label(tokens) == (labels, marginals)
