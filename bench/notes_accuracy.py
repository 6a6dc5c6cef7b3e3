"""Notes accuracy: does every note cite the right source, resolved the right way?

Per gold cite: correct when the predicted cite at the same place (same note, same position)
points at the predicted source matched to the gold source, and its resolution kind (direct,
ibid, op-cit, short-form, ambiguous) is the gold one. Predicted and gold sources are matched
by title similarity, first author family and year, since ids differ. Also reported: unique
source count, locators and marker pairing.

    python bench/notes_accuracy.py [--set bench/data/notes-test.jsonl] [--errors 10]

The test set is for measuring only: never build rules or lexicons from it.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

from bibkit.model import Reference
from bibkit.parse.lexicons import fold
from bibkit.parse.notes import NotesResult, parse_notes

HERE = Path(__file__).resolve().parent
DEFAULT_SET = HERE / "data" / "notes-test.jsonl"
MATCH_THRESHOLD = 70.0


def _key(text: str) -> str:
    return " ".join(fold(w) for w in str(text or "").split())


def source_similarity(pred: Reference, gold: dict) -> float:
    """0..100: title similarity, plus agreement on first author family and year (a gold
    source without a title is matched on its author alone)."""
    title = fuzz.token_set_ratio(_key(pred.text.get("title", "")), _key(gold.get("title", ""))) \
        if gold.get("title") else 70.0
    gold_authors = gold.get("author") or []
    pred_authors = pred.names.get("author") or []
    if gold_authors and pred_authors:
        family = _key(str(gold_authors[0]).split(",")[0])
        pred_name = _key(" ".join(filter(None, (pred_authors[0].given, pred_authors[0].family_full()))))
        title += 10 if family and (family in pred_name or pred_name in family) else -10
    issued = pred.dates.get("issued")
    if gold.get("date") and issued and issued.year:
        title += 5 if str(issued.year) == str(gold["date"])[:4] else -5
    return title


def match_sources(pred: list[Reference], gold: list[dict]) -> dict[str, str]:
    """Predicted id -> gold id, best pairs first, each gold source used once."""
    pairs = sorted(((source_similarity(p, g), p.id, g["id"]) for p in pred for g in gold), reverse=True)
    out: dict[str, str] = {}
    used: set[str] = set()
    for score, pid, gid in pairs:
        if score >= MATCH_THRESHOLD and pid not in out and gid not in used:
            out[pid] = gid
            used.add(gid)
    return out


def score_doc(item: dict, result: NotesResult, tally: dict[str, Counter], errors: list[str]) -> None:
    """Add one document's cites, locators and markers to the tallies."""
    mapping = match_sources(result.sources, item["gold"]["sources"])
    predicted = {n.number: n for n in result.notes}
    lang = item["lang"]
    for gold_note in item["gold"]["notes"]:
        note = predicted.get(gold_note["number"])
        marker_ok = note is not None and (note.marker_offset is not None) == bool(gold_note.get("marker", True))
        tally["markers"]["correct" if marker_ok else "wrong"] += 1
        for i, gold in enumerate(gold_note["cites"]):
            cite = note.cites[i] if note and i < len(note.cites) else None
            source_ok = cite is not None and mapping.get(cite.id or "") == gold["id"]
            kind_ok = cite is not None and cite.resolution == gold["resolution"]
            ok = source_ok and kind_ok
            for group in ("all", f"lang:{lang}", f"kind:{gold['resolution']}"):
                tally[group]["correct" if ok else "wrong"] += 1
            locator_ok = cite is not None and (cite.locator or None) == _gold_locator(gold) and (
                not gold.get("locator") or cite.label == gold.get("label"))
            tally["locators"]["correct" if locator_ok else "wrong"] += 1
            if not ok:
                got = f"{mapping.get(cite.id or '', cite.id)}/{cite.resolution}" if cite else "nothing"
                errors.append(f"{item['id']} note {gold_note['number']}.{i + 1}: gold {gold['id']}/"
                              f"{gold['resolution']}, got {got}  [{cite.text if cite else ''}]")
    tally["sources"]["correct" if len(result.sources) == len(item["gold"]["sources"]) else "wrong"] += 1


def _gold_locator(gold: dict) -> str | None:
    """bibkit writes a volume with its page as `2:45` (Chicago's form): the gold the same way."""
    locator = gold.get("locator") or None
    return f"{gold['volume']}:{locator}" if locator and gold.get("volume") else locator


def _rate(c: Counter) -> str:
    total = c["correct"] + c["wrong"]
    return f"{c['correct'] / total:.3f} ({c['correct']}/{total})" if total else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--errors", type=int, default=10, help="How many wrong cites to print.")
    args = parser.parse_args()
    items = [json.loads(line) for line in args.set.read_text("utf-8").splitlines() if line.strip()]
    tally: dict[str, Counter] = {}
    errors: list[str] = []
    for item in items:
        result = parse_notes(item["text"], origin=item["id"])
        for group in ("all", "markers", "locators", "sources", f"lang:{item['lang']}"):
            tally.setdefault(group, Counter())
        for note in item["gold"]["notes"]:
            for cite in note["cites"]:
                tally.setdefault(f"kind:{cite['resolution']}", Counter())
        score_doc(item, result, tally, errors)
    print(f"notes test set: {args.set.name}, {len(items)} documents")
    print(f"source-resolution accuracy: {_rate(tally['all'])}")
    for group in sorted(g for g in tally if g.startswith(("lang:", "kind:"))):
        print(f"  {group:<18} {_rate(tally[group])}")
    print(f"locator accuracy:           {_rate(tally['locators'])}")
    print(f"marker pairing:             {_rate(tally['markers'])}")
    print(f"documents with the right number of unique sources: {_rate(tally['sources'])}")
    for line in errors[:args.errors]:
        print("  x", line)


if __name__ == "__main__":
    main()
