"""Shape checks for bibkit's hand-built data sets (bench/data/README.md describes them).

The rules themselves live in bench/data/tools/check_sets.py, which the data authors run
while editing; these tests run the same rules and add the set-level promises: sizes,
language mix, unique ids, and no work shared between the test and training sets.
"""
from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_SET = ROOT / "bench/data/refparse-fa-ar.jsonl"
TEST_SETS = sorted((ROOT / "bench/data").glob("refparse-*.jsonl"))  # the first set and the held-out one
TRAIN_SET = ROOT / "bibkit/parse/data/train-fa-ar.jsonl"
# training strings with gold fields: Persian/Arabic (two files) and Russian orientalist works
TRAIN_SETS = sorted(p for p in (ROOT / "bibkit/parse/data").glob("train-*.jsonl") if not p.stem.startswith("train-messy"))
NOTES_SET = ROOT / "bench/data/notes-test.jsonl"
MESSY_SETS = sorted((ROOT / "bibkit/parse/data").glob("train-messy*.jsonl"))


def _load_checker():
    spec = importlib.util.spec_from_file_location("check_sets", ROOT / "bench/data/tools/check_sets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check = _load_checker()


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("path", [*TEST_SETS, *TRAIN_SETS], ids=lambda p: p.stem)
def test_reference_lines_are_well_formed(path):
    # offsets in order, inside the text, covering every non-space character; labels from
    # the label set; gold keys from the CSL-like vocabulary; dates and calendars consistent
    assert check.check_refs(path) == []


@pytest.mark.parametrize("path", [*TEST_SETS, *TRAIN_SETS], ids=lambda p: p.stem)
def test_reference_line_keys(path):
    for rec in _records(path):
        assert set(rec) <= {"id", "lang", "text", "gold", "offsets", "note"}, rec["id"]
        assert {"id", "lang", "text", "gold", "offsets"} <= set(rec), rec["id"]


@pytest.mark.parametrize("path", MESSY_SETS, ids=[p.stem for p in MESSY_SETS])
def test_messy_training_strings_are_well_formed(path):
    assert check.check_training_spans(path) == []


def test_ids_are_unique_across_sets():
    ids = [r["id"] for p in (*TEST_SETS, *TRAIN_SETS, *MESSY_SETS) for r in _records(p)]
    ids += [d["id"] for d in _records(NOTES_SET)]
    assert len(ids) == len(set(ids))


def test_test_and_training_sets_share_no_work():
    def titles(path):
        return {check.norm_title(r["gold"]["title"]) for r in _records(path) if r["gold"].get("title")}

    def texts(path):
        return {r["text"] for r in _records(path)}

    assert titles(TEST_SET) & set().union(*map(titles, TRAIN_SETS)) == set()
    assert set().union(*map(texts, TEST_SETS)) & set().union(*(texts(p) for p in (*TRAIN_SETS, *MESSY_SETS))) == set()


def test_the_trainer_leaves_out_every_training_string_citing_a_tested_work():
    # the held-out set came after the first training file and shares 16 works with it (other
    # strings, other editions); the trainer must not learn from them
    assert check.citing_tested_works()  # the check has something to check
    assert check.check_no_tested_work_trained() == []


@pytest.mark.parametrize("path,minimum", [(TEST_SET, 170), (TRAIN_SET, 150)], ids=["test", "train"])
def test_reference_sets_have_the_promised_size_and_mix(path, minimum):
    recs = _records(path)
    assert len(recs) >= minimum
    share = Counter(r["lang"] for r in recs)
    # roughly 35% Persian script, 25% Arabic script, 25% romanized, 15% English
    assert share["fa"] / len(recs) >= 0.25
    assert share["ar"] / len(recs) >= 0.18
    assert (share["fa-Latn"] + share["ar-Latn"]) / len(recs) >= 0.18
    assert share["en"] / len(recs) >= 0.10
    calendars = Counter(r["gold"].get("calendar") for r in recs)
    assert calendars["solar-hijri"] and calendars["lunar-hijri"]


def test_span_texts_rebuild_the_gold_for_simple_fields():
    # the gold keeps values as printed (typos, lost ZWNJ, Arabic yeh/kaf included) and only
    # trims cue words and edge punctuation and repairs spacing, so apart from spaces each
    # value is found in the reference string itself
    def squeeze(s):
        return re.sub(r"\s+", "", s)

    for path in (*TEST_SETS, *TRAIN_SETS):
        for rec in _records(path):
            keys = ["publisher", "publisher-place", "container-title", "URL", "DOI"]
            if [lab for _, _, lab in rec["offsets"]].count("title") == 1:
                keys.append("title")  # a title put together from several spans is exempt
            for key in keys:
                value = rec["gold"].get(key)
                if value and "; " not in value:  # "A; B" joins two printed places/publishers
                    assert squeeze(value) in squeeze(rec["text"]), (rec["id"], key, value)


def test_notes_documents_are_consistent():
    assert check.check_notes(NOTES_SET) == []


def test_notes_set_has_the_promised_phenomena():
    docs = _records(NOTES_SET)
    assert len(docs) >= 12
    assert {d["lang"] for d in docs} == {"en", "fa", "ar"}
    notes = [n for d in docs for n in d["gold"]["notes"]]
    assert len(notes) >= 110
    for d in docs:
        assert 6 <= len(d["gold"]["notes"]) <= 15, d["id"]
    resolutions = Counter(c["resolution"] for n in notes for c in n["cites"])
    assert resolutions["ambiguous"] >= 3
    assert all(resolutions[r] for r in ("direct", "ibid", "op-cit", "short-form"))
    assert any(len(n["cites"]) > 1 for n in notes)
    assert any(n["marker"] for n in notes) and not all(n["marker"] for n in notes)


def test_each_note_number_appears_in_the_pasted_text():
    digits = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
    for d in _records(NOTES_SET):
        text = d["text"].translate(digits)
        for n in d["gold"]["notes"]:
            k = n["number"]
            line = re.compile(rf"^\s*(?:\[{k}\]|\({k}\)|{k}[.\-])\s", re.M)
            assert line.search(text), (d["id"], k)
            if n["marker"]:
                body = text[: line.search(text).start()]
                assert re.search(rf"[\[(]{k}[\])]", body), (d["id"], k)
