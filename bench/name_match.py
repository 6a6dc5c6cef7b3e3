"""Name-variant matching: bibkit's `same_name` against a unidecode-equality baseline.

The set (bench/data/name-variants.jsonl) holds clusters of attested romanizations of one
Persian or Arabic name (spellings used in English- and French-language press, library
catalogues and encyclopaedias, with the original script), and look-alike pairs of distinct
names. Clusters and pairs alternate between a dev and a test split: thresholds and rules
were tuned looking at dev only; test is reported apart so tuning on the set is visible.

Figures: pairwise precision / recall / F1 over every pair of strings in a split (a pair is
positive when both come from one cluster), the share of look-alike pairs kept apart, how
many positive pairs `name_key` puts in one block, and speed.

    .venv/bin/python bench/name_match.py [--errors dev|test|all]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

from bibkit.text.names import SAME_NAME_THRESHOLD, name_key, same_name

DATA = Path(__file__).parent / "data" / "name-variants.jsonl"
Matcher = Callable[[str, str], bool]


def load(split: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(variant, cluster id) strings and look-alike pairs of a split (`all` for both)."""
    rows = [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if split == "all" or r["split"] == split]
    strings = [(v, r["id"]) for r in rows if r["kind"] == "cluster" for v in r["variants"]]
    negatives = [tuple(r["pair"]) for r in rows if r["kind"] == "negative"]
    return strings, negatives  # type: ignore[return-value]


def unidecode_equal(a: str, b: str) -> bool:
    """The baseline: names equal once transliterated to ASCII by unidecode."""
    from unidecode import unidecode

    def key(s: str) -> str:
        return re.sub(r"[^a-z0-9]", "", unidecode(s).casefold())

    return key(a) == key(b)


def bibkit_equal(a: str, b: str) -> bool:
    return same_name(a, b) >= SAME_NAME_THRESHOLD


def evaluate(match: Matcher, strings: list[tuple[str, str]], negatives: list[tuple[str, str]],
             errors: list[str] | None = None) -> dict[str, float]:
    """Pairwise P/R/F1 over all pairs, and the share of look-alikes kept apart."""
    tp = fp = fn = 0
    for (a, ca), (b, cb) in combinations(strings, 2):
        said, truth = match(a, b), ca == cb
        tp += said and truth
        fp += said and not truth
        fn += truth and not said
        if errors is not None and said != truth:
            errors.append(f"{'FP' if said else 'FN'} {same_name(a, b):.3f} {a} | {b}")
    apart = [not match(a, b) for a, b in negatives]
    if errors is not None:
        errors.extend(f"NEG {same_name(a, b):.3f} {a} | {b}" for (a, b), ok in zip(negatives, apart) if not ok)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f1, "apart": sum(apart) / len(apart) if apart else 0.0,
            "pairs": tp + fn, "negatives": len(negatives)}


def blocking(strings: list[tuple[str, str]]) -> tuple[float, float]:
    """Share of positive pairs whose name_key is equal, and share of all pairs that are."""
    same_key = pos = pos_same = total = 0
    for (a, ca), (b, cb) in combinations(strings, 2):
        eq = name_key(a) == name_key(b)
        total += 1
        same_key += eq
        if ca == cb:
            pos += 1
            pos_same += eq
    return pos_same / pos, same_key / total


def speed() -> tuple[float, float]:
    """name_key calls per second on distinct names (cache cold), same_name pairs per second."""
    strings, _ = load("all")
    names = [f"{s} {i}" for i in range(130) for s, _ in strings]  # distinct: no cache hits
    t = time.perf_counter()
    for n in names:
        name_key(n)
    key_rate = len(names) / (time.perf_counter() - t)
    pairs = list(combinations([s for s, _ in strings[:200]], 2))
    t = time.perf_counter()
    for a, b in pairs:
        same_name(a, b)
    return key_rate, len(pairs) / (time.perf_counter() - t)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", choices=("dev", "test", "all"), help="list mistakes on a split")
    args = parser.parse_args()
    print(f"threshold {SAME_NAME_THRESHOLD}")
    print(f"{'split':5} {'matcher':9} {'clusters':>8} {'strings':>7} {'pos.pairs':>9} "
          f"{'P':>6} {'R':>6} {'F1':>6} {'apart':>6} {'(negatives)':>11}")
    for split in ("dev", "test", "all"):
        strings, negatives = load(split)
        clusters = len({c for _, c in strings})
        for name, match in (("bibkit", bibkit_equal), ("unidecode", unidecode_equal)):
            errs: list[str] | None = [] if args.errors == split and name == "bibkit" else None
            m = evaluate(match, strings, negatives, errs)
            print(f"{split:5} {name:9} {clusters:8d} {len(strings):7d} {m['pairs']:9d} "
                  f"{m['P']:6.3f} {m['R']:6.3f} {m['F1']:6.3f} {m['apart']:6.3f} {m['negatives']:11d}")
            if errs:
                print("\n".join(sorted(errs)))
    recall, share = blocking(load("all")[0])
    print(f"name_key blocking (all): {recall:.3f} of positive pairs share a key; {share:.4f} of all pairs do")
    key_rate, pair_rate = speed()
    print(f"speed: name_key {key_rate:,.0f} names/s (cold cache); same_name {pair_rate:,.0f} pairs/s")


if __name__ == "__main__":
    main()
