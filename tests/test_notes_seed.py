"""Seed 004 (an opinion piece with 15 numbered notes): the unique sources and the full note
map, checked against the hand-made expected map in references/seed-004/expected-notes.json."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from bibkit.parse.lexicons import fold
from bibkit.parse.notes import parse_notes

SEED = ROOT / "references" / "seed-004" / "opinion-piece.txt"  # the seed as pasted
EXPECTED = json.loads((ROOT / "references" / "seed-004" / "expected-notes.json").read_text("utf-8"))


def _key(text: str) -> str:
    return " ".join(fold(w) for w in text.split())


def _date(ref) -> str:
    issued = ref.dates.get("issued")
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(issued.parts[0])) if issued else ""


@pytest.fixture(scope="module")
def result():
    return parse_notes(SEED.read_text("utf-8"), origin=SEED.name)


@pytest.fixture(scope="module")
def expected_id(result) -> dict[str, str]:
    """Parsed source id -> expected id, matched on title and date."""
    out = {}
    for ref in result.sources:
        match = [s["id"] for s in EXPECTED["sources"] if _key(s["title"]) == _key(ref.text.get("title", ""))
                 and _date(ref).startswith(s.get("date", ""))]
        assert len(match) == 1, f"{ref.id} ({ref.text.get('title')!r}) matches {match}"
        out[ref.id] = match[0]
    return out


def test_seed_gives_twelve_unique_sources(result, expected_id):
    assert len(result.sources) == 12
    assert sorted(expected_id.values()) == sorted(s["id"] for s in EXPECTED["sources"])


def test_every_note_cites_what_the_expected_map_says(result, expected_id):
    got = [{"number": n.number, "marker_offset": n.marker_offset,
            "cites": [{"id": expected_id.get(c.id or ""), "locator": c.locator, "label": c.label,
                       "resolution": c.resolution} for c in n.cites]} for n in result.notes]
    assert got == EXPECTED["notes"]


def test_newspaper_and_book_fields_from_title_first_notes(result, expected_id):
    by_id = {expected_id[r.id]: r for r in result.sources}
    assert by_id["aus-0131"].text["container-title"] == "Australian"
    assert by_id["aus-0131"].type == "article-newspaper"
    assert [n.family for n in by_id["bennett"].names["author"]] == ["Bennett"]
    assert by_id["emery"].text.get("page") is None  # `page 2` is the note's locator, not the book's


def test_op_cit_says_how_it_was_told_apart(result):
    assert "'Australian'" in result.notes[12].cites[0].how and "31 January 2024" in result.notes[12].cites[0].how


def test_seed_markers_all_paired_and_nothing_reported(result):
    assert result.diagnostics == []
