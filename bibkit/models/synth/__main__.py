"""`python -m bibkit.models.synth --n 1000 --seed 1 -o out.jsonl`: write synthetic examples."""

from __future__ import annotations

import argparse
import json
import sys

from bibkit.models.synth import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bibkit.models.synth", description=__doc__)
    parser.add_argument("--n", type=int, default=1000, help="how many references")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same output)")
    parser.add_argument("--noise", type=float, default=0.6, help="share of references damaged")
    parser.add_argument("-o", "--output", default="-", help="JSONL file, or - for stdout")
    args = parser.parse_args(argv)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        for example in generate(args.n, args.seed, noise_rate=args.noise):
            out.write(json.dumps(example, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
