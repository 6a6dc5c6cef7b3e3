"""Dedup speed and memory at 10k, 50k and 100k records (perturbed copies of sr-dedup).

    .venv/bin/python bench/dedup_scale.py [--data ../shared/bench/dedup] [--sizes 10000,50000,100000]

Every size is n // 7 sr-dedup records in 7 versions each (the same duplication rate at every
size, so the sizes compare). Copies are perturbed as exports differ: case, a dropped DOI,
initials for given names, a cut subtitle, a typo, abbreviated page ranges. Each size runs in
a fresh process so its peak memory (max RSS, records included) is its own; the time is
`find_duplicates` alone (records are built before the clock starts).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from dedup_accuracy import load, to_reference

from bibkit.library.dedup import find_duplicates


def _typo(text: str, rng: random.Random) -> str:
    if len(text) < 10:
        return text
    i = rng.randrange(1, len(text) - 2)
    return text[:i] + text[i + 1] + text[i] + text[i + 2:]


def _short_pages(page: str) -> str:
    first, _, last = page.partition("-")
    if first.isdigit() and last.isdigit() and len(first) == len(last) and len(first) > 1:
        return f"{first}-{last[-1]}" if first[:-1] == last[:-1] else page
    return page


def perturb(rec: dict, copy: int, rng: random.Random) -> dict:
    """Copy `copy` of a record, with a few export-style differences."""
    out = dict(rec, id=f"{rec['id']}~{copy}", cluster=rec["cluster"])
    if copy == 0:
        return out
    choices = rng.sample(range(6), 2)
    if 0 in choices:
        out["title"] = out["title"].upper() if rng.random() < 0.5 else out["title"].lower()
    if 1 in choices:
        out["DOI"] = ""
    if 2 in choices:
        out["author"] = [a.split(",")[0] + ", " + "".join(w[0] for w in a.split(",")[1].split() if w)
                         if "," in a else a for a in out["author"]]
    if 3 in choices and ":" in out["title"]:
        out["title"] = out["title"].split(":")[0]
    if 4 in choices:
        out["title"] = _typo(out["title"], rng)
    if 5 in choices:
        out["page"] = _short_pages(out["page"])
    return out


COPIES = 7  # every size has the same duplication rate: n // 7 works, 7 versions each


def build(base: list[dict], n: int) -> list[dict]:
    rng = random.Random(n)
    works = base[: max(1, n // COPIES)]
    return [perturb(works[k % len(works)], k // len(works), rng) for k in range(n)]


def one(data: Path, n: int) -> None:
    """Run one size and print a JSON line (called in a child process)."""
    refs = [to_reference(r) for r in build(load(data / "sr-dedup.jsonl"), n)]
    start = time.perf_counter()
    result = find_duplicates(refs)
    secs = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"records": n, "seconds": round(secs, 2), "max_rss_mb": round(rss_mb),
                      "compared_pairs": result.compared, "groups": len(result.clusters)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(HERE.parent.parent / "shared" / "bench" / "dedup"))
    ap.add_argument("--sizes", default="10000,50000,100000")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    data = Path(args.data)
    if args.one:
        one(data, args.one)
        return
    if not (data / "sr-dedup.jsonl").exists():
        sys.exit(f"not found: {data / 'sr-dedup.jsonl'}")
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        proc = subprocess.run([sys.executable, __file__, "--data", str(data), "--one", str(n)],
                              capture_output=True, text=True, check=True)
        rows.append(json.loads(proc.stdout))
        r = rows[-1]
        print(f"{r['records']:>7} records  {r['seconds']:6.1f} s  {r['max_rss_mb']:5} MB max RSS  "
              f"{r['compared_pairs']:>9} pairs scored  {r['groups']:>6} groups", flush=True)
    if len(rows) > 1:
        print(f"time grows {rows[-1]['seconds'] / rows[0]['seconds']:.1f}-fold for "
              f"{rows[-1]['records'] / rows[0]['records']:.0f}-fold records")


if __name__ == "__main__":
    main()
