"""Reference-parsing accuracy: bibkit beside refextract (PyPI), field-level micro-F1.

Test sets: AnyStyle gold (items in AnyStyle's training set `core` left out), AnyStyle bad
(from ../shared/bench/refparse), and bibkit's own Persian/Arabic set (bench/data). None of
them is trained on.

    python bench/parse_accuracy.py [--peer refextract] [--sets gold,bad,fa-ar] [--errors 5] [--pdf-spacing]

`--pdf-spacing` reads every string with a space put before each stop that closes a word
(`Amanat , Abbas . Resurrection : …`), as text copied from some PDFs comes.

refextract runs in its own virtual environment (bench/.peers/refextract, created on demand
with the machine's Python 3.12), in a subprocess, so its dependencies never touch bibkit's.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

from refscore import FIELDS, Score

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "bench" / "refparse"
SETS = {
    "gold": (SHARED / "anystyle-gold.jsonl", True),
    "bad": (SHARED / "anystyle-bad.jsonl", True),
    "fa-ar": (HERE / "data" / "refparse-fa-ar.jsonl", False),
    "fa-ar-heldout": (HERE / "data" / "refparse-fa-ar-heldout.jsonl", False),
    "archives": (HERE / "data" / "refparse-archives.jsonl", False),
}
_SPACED_STOP = re.compile(r"(?<=\S)([.,:;،؛])(?=\s|$)")
GOLD_KEYS = {"url": "URL", "doi": "DOI", "isbn": "ISBN"}


def load(path: Path, skip_core: bool) -> list[dict]:
    items = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    items = [i for i in items if not (skip_core and i.get("in_core"))]
    for item in items:
        item["gold"] = {GOLD_KEYS.get(k, k): v for k, v in item["gold"].items()}
    return items


def bibkit_fields(texts: list[str]) -> list[dict]:
    """The fields bibkit parses from each string (one batch, as `bibkit parse` reads a list)."""
    from bibkit.parse import parse_references

    return [_fields(ref) for ref in parse_references(texts)]


def _fields(ref) -> dict:
    out: dict = {k: v for k, v in ref.text.items()}
    for role, names in ref.names.items():
        out[role] = [n.display() for n in names]
    if "issued" in ref.dates and ref.dates["issued"].year:
        out["date"] = str(ref.dates["issued"].year)
    out["language"] = ref.language
    return out


def refextract_fields(texts: list[str]) -> tuple[list[dict], float]:
    """Run refextract on each string in its own environment; returns fields and seconds."""
    env = HERE / ".peers" / "refextract"
    python = env / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "refextract"], check=True)
    script = r"""
import json, sys
from refextract import extract_references_from_string
for line in sys.stdin:
    text = json.loads(line)
    try:
        refs = extract_references_from_string(text)
    except Exception:
        refs = []
    out = {}
    for r in refs[:1]:
        if r.get("author"):
            out["author"] = [a.strip() for part in r["author"] for a in part.replace(" and ", ";").split(";") if a.strip()]
        for key, target in (("title", "title"), ("journal_title", "container-title"), ("journal_volume", "volume"),
                            ("journal_page", "page"), ("year", "date"), ("url", "URL"), ("doi", "DOI"),
                            ("isbn", "ISBN"), ("publisher", "publisher")):
            if r.get(key):
                out[target] = r[key][0]
    print(json.dumps(out), flush=True)
"""
    started = time.perf_counter()
    proc = subprocess.run([str(python), "-c", script], input="\n".join(json.dumps(t) for t in texts) + "\n",
                          capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    for row in rows:  # refextract gives one author string per reference: split inverted names
        if "author" in row:
            row["author"] = _split_inverted(row["author"])
    return rows, time.perf_counter() - started


def _split_inverted(names: list[str]) -> list[str]:
    from bibkit.parse.normalizers import split_names

    return [n.display() for joined in names for n in split_names(joined)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="gold,bad,fa-ar,fa-ar-heldout,archives")
    parser.add_argument("--peer", default="", help="refextract, or empty for bibkit alone")
    parser.add_argument("--errors", type=int, default=0, help="print N wrong references per set")
    parser.add_argument("--pdf-spacing", action="store_true", help="a space before each stop closing a word")
    args = parser.parse_args()
    for name in args.sets.split(","):
        path, skip_core = SETS[name]
        if not path.exists():
            print(f"\n== {name}: {path} not found, skipped")
            continue
        items = load(path, skip_core)
        texts = [_SPACED_STOP.sub(r" \1", i["text"]) if args.pdf_spacing else i["text"] for i in items]
        started = time.perf_counter()
        predictions = bibkit_fields(texts)
        seconds = time.perf_counter() - started
        score = Score()
        wrong = []
        for item, pred in zip(items, predictions, strict=True):
            before = score.all_right
            score.add(item["gold"], pred)
            if score.all_right == before:
                wrong.append((item, pred))
        print(f"\n== {name}: {len(items)} references, bibkit ({len(items) / seconds:.0f} refs/s)")
        print(score.table())
        tagged = [(i["gold"]["language"], p.get("language")) for i, p in zip(items, predictions, strict=True)
                  if i["gold"].get("language")]
        if tagged:  # the language of the cited work (BCP 47), scored apart from the fields
            right = sum(g == p for g, p in tagged)
            print(f"language of the work: {right / len(tagged):.3f} ({right}/{len(tagged)})")
        for item, pred in wrong[: args.errors]:
            diff = {k: (item["gold"].get(k), pred.get(k)) for k in FIELDS if item["gold"].get(k) != pred.get(k)
                    and (item["gold"].get(k) or pred.get(k))}
            print(f"  ✗ {item['text'][:110]}\n    {json.dumps(diff, ensure_ascii=False)[:400]}")
        if args.peer == "refextract":
            rows, peer_seconds = refextract_fields(texts)
            peer = Score()
            for item, row in zip(items, rows, strict=True):
                peer.add(item["gold"], row)
            print(f"-- refextract on {name} ({len(items) / peer_seconds:.1f} refs/s)")
            print(peer.table())
        p, r, f = score.prf()
        print(f"bibkit micro-F1 {f:.4f}" + (f"   refextract micro-F1 {peer.prf()[2]:.4f}" if args.peer else ""))


if __name__ == "__main__":
    main()
