"""The synthetic reference generator: deterministic, exact offsets, every label, all scripts."""

import re
from collections import Counter

import pytest

from bibkit.models.synth import LABELS, generate
from bibkit.models.synth.__main__ import main
from bibkit.parse.lexicons import fold


@pytest.fixture(scope="module")
def clean():
    return list(generate(1500, 7, noise_rate=0.0))


@pytest.fixture(scope="module")
def noisy():
    return list(generate(600, 11))


def test_same_seed_same_output_other_seed_differs():
    assert list(generate(40, 3)) == list(generate(40, 3))
    assert list(generate(40, 3)) != list(generate(40, 4))


def _check_offsets(example):
    text, offsets = example["text"], example["offsets"]
    covered = set()
    last = 0
    for start, end, label in offsets:
        assert label in LABELS
        assert last <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered.update(range(start, end))
        last = end
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())


def test_offsets_are_ordered_and_cover_every_non_space_char(clean, noisy):
    for example in clean + noisy:
        _check_offsets(example)


def _key(text):
    return re.sub(r"\W|_", "", fold(text))


def test_gold_values_lie_inside_their_labelled_spans(clean):
    where = {"container-title": ("journal", "container-title"), "publisher-place": ("location",),
             "page": ("pages",), "issue": ("volume",), "URL": ("url",), "DOI": ("doi",)}
    for ex in clean:
        spans = Counter()
        for start, end, label in ex["offsets"]:
            spans[label] += 0
        by_label = {label: _key(" ".join(ex["text"][s:e] for s, e, lab in ex["offsets"] if lab == label))
                    for label in spans}
        gold = ex["gold"]
        for var in ("title", "container-title", "publisher", "publisher-place", "volume", "issue", "page", "URL"):
            if var in gold:
                labels = where.get(var, (var,))
                assert any(_key(gold[var]) in by_label.get(lab, "") for lab in labels), (var, ex)
        for person in gold.get("author", []):
            assert _key(person.split(",")[0]) in by_label["author"], ex
        if "date" in gold:
            assert gold["date"] in by_label["date"], ex


def test_every_label_is_reachable(clean, noisy):
    seen = {label for ex in clean + noisy for _, _, label in ex["offsets"]}
    assert seen == set(LABELS)


def test_persian_arabic_and_romanized_examples_are_present(clean):
    langs = Counter(ex["lang"] for ex in clean)
    assert {"en", "fa", "ar", "fa-Latn", "ar-Latn"} <= set(langs)
    assert any(re.search("[\u0600-\u06ff]", ex["text"]) and re.search("[۰-۹]", ex["text"]) for ex in clean)
    assert any(re.search("[٠-٩]", ex["text"]) for ex in clean)
    assert any("ترجم" in ex["text"] for ex in clean if ex["lang"] == "fa")
    assert any(ex["gold"].get("calendar") == "solar-hijri" for ex in clean)
    assert any(ex["style"].startswith("csl:") for ex in clean)
    assert any(ex["style"].startswith("template:note") for ex in clean)


def test_cli_writes_jsonl(tmp_path):
    out = tmp_path / "out.jsonl"
    assert main(["--n", "5", "--seed", "1", "-o", str(out)]) == 0
    assert len(out.read_text("utf-8").splitlines()) == 5
