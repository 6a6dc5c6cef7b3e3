"""Finding the entries of a pasted reference list: how many come out whole.

Documents are made from AnyStyle's gold and bad strings (from ../shared/bench/refparse; items
in its training set left out) and bibkit's two Persian/Arabic sets (the rules were written
reading the misses on gold and the first Persian/Arabic set only), 20 entries each under a `References`
heading, laid out five ways: one entry a line; wrapped at 70-90 columns with hanging indents;
wrapped with no indents, as a list copied from a PDF comes; and that again numbered `1 `, `2 ` …;
and as a PDF column sets it, no indents (`PDF column`: one width for the document, 45-95
characters, each line up to an eighth shorter, as proportional fonts make it). Strings are laid out without their
citation numbers (`[12]`, `(12)`, `12.`, `12 `: some gold strings have one, most none, and a list mixing the two
is no real list). An entry counts when bibkit finds it with exactly its text (spaces collapsed). The wrapping keeps words whole, so a
line break never falls inside a word.

    python bench/segment_accuracy.py [--per-document 20] [--seed 1] [--no-heading]

`--no-heading` leaves the `References` line out: bibkit must find the list by how its lines read.
"""

from __future__ import annotations

import argparse
import random
import re
import textwrap
from pathlib import Path

from parse_accuracy import SETS as PARSE_SETS
from parse_accuracy import load

# bench label -> parse_accuracy's set: the first two were read while the rules were written; the last two never were
SETS = {"gold": "gold", "fa-ar": "fa-ar", "bad": "bad", "heldout": "fa-ar-heldout"}


_CITATION_NUMBER = re.compile(r"^\s*(?:\[\d+\]|\(\d+\)|\d+[.)]|\d{1,3}\s(?=[A-Z]))\s*")


def _bare(text: str) -> str:
    return _CITATION_NUMBER.sub("", " ".join(text.split()), count=1)


def _strings(path: Path, skip_core: bool) -> list[str]:
    return [text for item in load(path, skip_core) if (text := _bare(item["text"]))]


def _column_lines(text: str, column: int, rng: random.Random) -> list[str]:
    """`text` wrapped as a PDF's column sets it: one width for the column, but each line holds
    what its letters' widths allow (proportional fonts: up to an eighth fewer characters)."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > rng.randint(column * 7 // 8, column):
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def _layout(entries: list[str], how: str, rng: random.Random, heading: bool = True) -> str:
    lines = ["References"] if heading else []
    column = rng.randint(45, 95) if how == "PDF column" else 0  # its width in characters, one for the document
    for n, text in enumerate(entries, 1):
        if how.startswith("numbered"):  # `12 Name …`: a PDF's copy of a numbered list, no indents
            text = f"{n} {text}"
        if how == "one a line":
            lines.append(text)
            continue
        if how == "PDF column":
            lines += _column_lines(text, column, rng)
            continue
        wrapped = textwrap.wrap(text, width=rng.randint(70, 90), break_long_words=False, break_on_hyphens=False)
        indent = "    " if how == "hanging indents" else ""
        lines += [wrapped[0], *(indent + part for part in wrapped[1:])]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-document", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-heading", action="store_true")
    args = parser.parse_args()
    from bibkit.parse.segment import find_entries

    for name, parse_set in SETS.items():
        path, skip_core = PARSE_SETS[parse_set]
        if not path.exists():
            print(f"{name}: {path} not found, skipped")
            continue
        strings = _strings(path, skip_core)
        for how in ("one a line", "hanging indents", "no indents (PDF copy)", "numbered, no indents", "PDF column"):
            rng = random.Random(args.seed)
            whole = found = documents = right_count = 0
            for at in range(0, len(strings), args.per_document):
                entries = strings[at:at + args.per_document]
                got = [" ".join(e.text.split()) for e in find_entries(_layout(entries, how, rng, not args.no_heading))]
                whole += len(set(got) & set(entries))
                found += len(got)
                documents += 1
                right_count += len(got) == len(entries)
            print(f"{name:7} {how:22} entries whole {whole / len(strings):.3f} ({whole}/{len(strings)}), "
                  f"found {found}, documents with the right count {right_count}/{documents}")


if __name__ == "__main__":
    main()
