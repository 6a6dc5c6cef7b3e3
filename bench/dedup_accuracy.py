"""Dedup accuracy: pairwise precision / recall / F1 and B-cubed F1 against gold groups.

    .venv/bin/python bench/dedup_accuracy.py [--data ../shared/bench/dedup] [--peers]
                                             [--only sr-dedup,cora,...] [--errors N] [--parse]

Reads the shared sets in place (sr-dedup, cora, multilingual-probe) and our own
cross-script set (bench/data/dedup-cross-script.jsonl). `--peers` also runs bibtex-tidy
(npm, installed on demand with `npm install --prefix bench bibtex-tidy`) and recordlinkage
(pip) on the same records, and says why when one cannot run. `--parse` reads every record
that has a `raw` citation string (cora) with bibkit.parse instead of from its gold fields:
the path of a pasted reference list (a string the parser takes more than 10 s on is kept
verbatim and counted).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from bibkit.library.dedup import find_duplicates
from bibkit.model import Date, Name, Reference

HERE = Path(__file__).resolve().parent
SETS = {
    "sr-dedup": "sr-dedup.jsonl",
    "cora": "cora.jsonl",
    "multilingual-probe": "multilingual-probe.jsonl",
    "cross-script": str(HERE / "data" / "dedup-cross-script.jsonl"),
}
_TEXT_FIELDS = ("title", "container-title", "volume", "issue", "page", "DOI", "ISBN", "edition",
                "publisher", "language")
_COMMA = re.compile(r"\s*[,،]\s*")
_TIDY_LINK = re.compile(r"Entry r(\d+) has .* entry r(\d+)\.")
_INITIALS = re.compile(r"^(?:\w\.?){1,3}$")


def to_name(text: str) -> Name:
    """`Family, Given` or `Given Family` (what the JSONL holds) as a CSL name."""
    text = text.strip()
    if _COMMA.search(text):
        family, given = _COMMA.split(text, maxsplit=1)
        return Name(family=family, given=given or None)
    words = text.split()
    if len(words) == 1:
        return Name(family=text)
    if _INITIALS.match(words[-1]) and not _INITIALS.match(words[0]):  # `rivest r.l`
        return Name(family=words[0], given=" ".join(words[1:]))
    return Name(family=words[-1], given=" ".join(words[:-1]))


def to_reference(rec: dict) -> Reference:
    """One benchmark record as the Reference a reader would have produced."""
    ref = Reference(id=rec["id"], type="article-journal" if rec.get("type") in ("article", "") else
                    "paper-conference" if rec.get("type") == "inproceedings" else rec.get("type") or "document")
    for var in _TEXT_FIELDS:
        if rec.get(var):
            ref.text[var] = str(rec[var])
    if rec.get("author"):
        ref.names["author"] = [to_name(a) for a in rec["author"] if a.strip()]
    year = re.search(r"\d{4}", rec.get("date") or "")
    if year:
        ref.dates["issued"] = Date(parts=[[int(year.group())]])
    for tag, value in (rec.get("forms") or {}).items():
        ref.forms.setdefault("title", {})[tag] = value
    return ref


class _Slow(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise _Slow


def parsed_reference(rec: dict, seconds: int = 10) -> tuple[Reference, bool]:
    """The record as bibkit.parse reads its raw string (fields from the gold segmentation
    are not used); (verbatim record, True) when the parser takes longer than `seconds`."""
    from bibkit.parse import parse_reference

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        ref, slow = parse_reference(rec["raw"]), False
    except _Slow:
        ref, slow = Reference(type="document", text={"note": rec["raw"]}, source=rec["raw"]), True
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    ref.id = rec["id"]
    return ref, slow


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def pairs_of(groups: list[list[int]]) -> set[tuple[int, int]]:
    return {(a, b) for g in groups for a, b in itertools.combinations(sorted(g), 2)}


def scores(pred: list[list[int]], gold_of: list[str]) -> dict[str, float]:
    """Pairwise precision, recall, F1 and B-cubed F1 of predicted groups against gold labels."""
    gold_groups: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(gold_of):
        gold_groups[g].append(i)
    gold = pairs_of(list(gold_groups.values()))
    found = pairs_of(pred)
    tp = len(gold & found)
    p = tp / len(found) if found else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    pred_of = list(range(len(gold_of)))
    for g, members in enumerate(pred):
        for i in members:
            pred_of[i] = len(gold_of) + g
    pred_groups: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(pred_of):
        pred_groups[g].append(i)
    bp = br = 0.0
    for i in range(len(gold_of)):
        mine = pred_groups[pred_of[i]]
        theirs = gold_groups[gold_of[i]]
        common = sum(1 for x in mine if gold_of[x] == gold_of[i])
        bp += common / len(mine)
        br += common / len(theirs)
    bp, br = bp / len(gold_of), br / len(gold_of)
    return {"precision": p, "recall": r, "f1": f, "bcubed_f1": 2 * bp * br / (bp + br),
            "gold_pairs": len(gold), "found_pairs": len(found), "false_pairs": len(found - gold)}


def hard_negatives(recs: list[dict], pred: list[list[int]]) -> tuple[int, int]:
    """Same-title, same-year pairs of different gold groups: (how many, how many merged)."""
    def key(r: dict) -> tuple[str, str, str]:
        return r.get("subset", ""), re.sub(r"[^0-9a-z]+", " ", r["title"].lower()).strip(), r.get("date", "")

    by_key: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        if r["title"].strip():
            by_key[key(r)].append(i)
    negatives = {(a, b) for members in by_key.values() for a, b in itertools.combinations(members, 2)
                 if recs[a]["cluster"] != recs[b]["cluster"]}
    return len(negatives), len(negatives & pairs_of(pred))


def run_bibkit(refs: list[Reference]) -> list[list[int]]:
    return find_duplicates(refs).clusters


def per_subset(run: Callable[[list[Reference]], list[list[int]]], refs: list[Reference],
               subsets: list[str]) -> list[list[int]]:
    """Run a tool on each subset alone (each is one review's export; gold groups never
    cross subsets) and give the groups as indices into the whole set."""
    members: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(subsets):
        members[name].append(i)
    groups: list[list[int]] = []
    for index in members.values():
        groups += [[index[i] for i in g] for g in run([refs[i] for i in index])]
    return groups


def run_bibtex_tidy(refs: list[Reference]) -> list[list[int]]:
    """bibtex-tidy's duplicate check (DOI, then its ASCII-only author/title/year key)."""
    script = HERE / "node_modules" / "bibtex-tidy"
    if not script.exists() or not shutil.which("node"):
        raise RuntimeError("not installed: npm install --prefix bench bibtex-tidy")
    bib = "\n".join(_bibtex_entry(i, r) for i, r in enumerate(refs))
    js = ("const t=require('bibtex-tidy');let s='';process.stdin.on('data',d=>s+=d);"
          "process.stdin.on('end',()=>{const r=t.tidy(s,{duplicates:['doi','citation']});"
          "console.log(JSON.stringify(r.warnings.filter(w=>w.code==='DUPLICATE_ENTRY')"
          ".map(w=>w.message)));});")
    proc = subprocess.run(["node", "-e", js], input=bib, capture_output=True, text=True,
                          cwd=HERE, timeout=600, check=False)
    if proc.returncode:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr else "failed")
    links = [m.groups() for message in json.loads(proc.stdout) if (m := _TIDY_LINK.search(message))]
    return _groups_from_links(len(refs), [(int(a), int(b)) for a, b in links])


def _bibtex_entry(i: int, ref: Reference) -> str:
    fields = {"title": ref.text.get("title", ""), "journal": ref.text.get("container-title", ""),
              "number": ref.text.get("issue", ""),
              "year": str(ref.dates["issued"].year) if "issued" in ref.dates else "",
              "volume": ref.text.get("volume", ""), "pages": ref.text.get("page", ""),
              "doi": ref.text.get("DOI", ""),
              "author": " and ".join(n.display() for n in ref.names.get("author", []))}
    body = ",\n".join(f"  {k} = {{{v.replace('{', '').replace('}', '')}}}" for k, v in fields.items() if v)
    return f"@article{{r{i},\n{body}\n}}\n"


def _groups_from_links(n: int, links: list[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        parent[find(a)] = find(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return [g for g in groups.values() if len(g) > 1]


def run_recordlinkage(refs: list[Reference]) -> list[list[int]]:
    """recordlinkage: sorted-neighbourhood on the title, Jaro-Winkler on title and first
    author, exact year, a fixed-sum rule (its documented deterministic set-up)."""
    try:
        import pandas as pd
        import recordlinkage
    except ImportError as exc:
        raise RuntimeError(f"not installed ({exc.name}): pip install recordlinkage") from None
    frame = pd.DataFrame({
        "title": [r.text.get("title", "").lower() for r in refs],
        "author": [(r.names.get("author") or [Name()])[0].family_full().lower() for r in refs],
        "year": [str(r.dates["issued"].year) if "issued" in r.dates else "" for r in refs],
    })
    indexer = recordlinkage.Index()
    indexer.sortedneighbourhood("title", window=9)
    candidates = indexer.index(frame)
    compare = recordlinkage.Compare()
    compare.string("title", "title", method="jarowinkler", threshold=0.93, label="title")
    compare.string("author", "author", method="jarowinkler", threshold=0.85, label="author")
    compare.exact("year", "year", label="year")
    features = compare.compute(candidates, frame)
    matches = features[features.sum(axis=1) >= 3].index
    return _groups_from_links(len(refs), [(int(a), int(b)) for a, b in matches])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(HERE.parent.parent / "shared" / "bench" / "dedup"))
    ap.add_argument("--only", default=",".join(SETS))
    ap.add_argument("--peers", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print N false and N missed pairs")
    ap.add_argument("--parse", action="store_true", help="read raw citation strings with bibkit.parse")
    args = ap.parse_args()
    runners: dict[str, Callable[[list[Reference]], list[list[int]]]] = {"bibkit": run_bibkit}
    if args.peers:
        runners.update({"bibtex-tidy": run_bibtex_tidy, "recordlinkage": run_recordlinkage})
    print(f"{'set':20} {'tool':14} {'records':>7} {'P':>6} {'R':>6} {'F1':>6} {'B3-F1':>6} "
          f"{'false':>6} {'hard-neg merged':>16} {'secs':>6}")
    for name in args.only.split(","):
        path = Path(SETS[name]) if "/" in SETS[name] else Path(args.data) / SETS[name]
        if not path.exists():
            print(f"{name:20} skipped: {path} not found")
            continue
        recs = load(path)
        refs = [to_reference(r) for r in recs]
        if args.parse and any(r.get("raw") for r in recs):
            start = time.perf_counter()
            slow = 0
            for i, rec in enumerate(recs):
                if rec.get("raw"):
                    refs[i], late = parsed_reference(rec)
                    slow += late
            print(f"{name:20} parsed {sum(1 for r in recs if r.get('raw'))} raw strings with bibkit.parse "
                  f"in {time.perf_counter() - start:.0f} s ({slow} over 10 s kept verbatim)")
            name = f"{name} (parsed)"
        gold = [r["cluster"] for r in recs]
        for tool, run in runners.items():
            start = time.perf_counter()
            try:
                pred = per_subset(run, refs, [r.get("subset", "") for r in recs])
            except (RuntimeError, MemoryError, subprocess.TimeoutExpired) as exc:
                print(f"{name:20} {tool:14} cannot run: {exc}")
                continue
            secs = time.perf_counter() - start
            s = scores(pred, gold)
            hard, merged = hard_negatives(recs, pred)
            print(f"{name:20} {tool:14} {len(recs):7} {s['precision']:6.4f} {s['recall']:6.4f} "
                  f"{s['f1']:6.4f} {s['bcubed_f1']:6.4f} {s['false_pairs']:6} {merged:>7} of {hard:<6} "
                  f"{secs:6.1f}")
            if tool == "bibkit" and args.errors:
                _print_errors(recs, pred, args.errors)
        sys.stdout.flush()


def _print_errors(recs: list[dict], pred: list[list[int]], n: int) -> None:
    gold_groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        gold_groups[r["cluster"]].append(i)
    found = pairs_of(pred)
    gold = pairs_of(list(gold_groups.values()))

    def show(i: int) -> str:
        r = recs[i]
        return (f"{r['id']} | {r['title'][:70]} | {'; '.join(r['author'][:2])[:30]} | {r['date']} | "
                f"{r['container-title'][:25]} | v{r['volume']} i{r['issue']} p{r['page']} | {r['DOI']}")

    for label, bad in (("FALSE", sorted(found - gold)), ("MISSED", sorted(gold - found))):
        print(f"  {label} ({len(bad)}):")
        for a, b in bad[:n]:
            print(f"    {show(a)}\n    {show(b)}\n")


if __name__ == "__main__":
    main()
