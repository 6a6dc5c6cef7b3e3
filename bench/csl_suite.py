"""Run the CSL processor test suite through bibkit's renderer and through plain citeproc-py.

Usage: .venv/bin/python bench/csl_suite.py [--tarball PATH] [--only NAME] [--show CATEGORY]
       [--processor bibkit|plain|both]

Reads the fixtures straight from ../shared/bench/csl/csl-test-suite-humans.tar.gz (top-level
`processor-tests/humans/*.txt`). Both processors get the same items, citation clusters and
bibliography list; output is HTML. Comparison ignores entity spelling (`&#38;` vs `&amp;`),
whitespace between HTML tags, and the `..[0]`/`>>[0]` markers of CITATIONS fixtures.
A citation fixture without CITATION-ITEMS/CITATIONS cites every item in one cluster, in
bibliography order, as the suite's own harness builds it (plain citeproc-py sorts its
clusters into that order itself).
Prints a per-category table (plain vs bibkit) and the totals.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import re
import signal
import sys
import tarfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citeproc import CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source import Citation, CitationItem, Locator
from citeproc.source.json import CiteProcJSON

from bibkit.render.engine import CiteRef, load_style, render

ROOT = Path(__file__).resolve().parent.parent
TARBALL = ROOT.parent / "shared" / "bench" / "csl" / "csl-test-suite-humans.tar.gz"
SECTION = re.compile(r">>=+ *([A-Z-]+) *=+>>\n(.*?)\n<<=+ *\1 *=+<<", re.DOTALL)
TIMEOUT_S = 10


@dataclass
class Fixture:
    name: str
    mode: str
    result: str
    csl: bytes
    items: list[dict[str, Any]]
    clusters: list[list[CiteRef]]
    numbered: bool  # CITATIONS fixtures print "[i] " before each cluster
    bib_ids: list[str] | None
    synthesized: bool = False  # citation mode without cites: one cluster of every item

    @property
    def category(self) -> str:
        return self.name.split("_", 1)[0]


def _cite(raw: dict[str, Any]) -> CiteRef:
    locator = raw.get("locator")
    return CiteRef(str(raw["id"]), None if locator in (None, "") else str(locator),
                   raw.get("label") or "page", raw.get("prefix") or "", raw.get("suffix") or "")


def parse_fixture(name: str, text: str) -> Fixture:
    sec = {m.group(1): m.group(2) for m in SECTION.finditer(text)}
    items = json.loads(sec["INPUT"])
    for n, item in enumerate(items, 1):
        item.setdefault("id", f"ITEM-{n}")
    numbered = "CITATIONS" in sec
    if numbered:
        clusters = [[_cite(c) for c in entry[0]["citationItems"]] for entry in json.loads(sec["CITATIONS"])]
    elif "CITATION-ITEMS" in sec:
        clusters = [[_cite(c) for c in cluster] for cluster in json.loads(sec["CITATION-ITEMS"])]
    elif sec["MODE"].strip() == "citation":
        clusters = [[CiteRef(str(i["id"])) for i in items]]
    else:
        clusters = []
    bib_ids = None
    if "BIBENTRIES" in sec:
        bib_ids = [str(i) for i in json.loads(sec["BIBENTRIES"])[-1]]
    synthesized = sec["MODE"].strip() == "citation" and not numbered and "CITATION-ITEMS" not in sec
    return Fixture(name, sec["MODE"].strip(), sec["RESULT"], sec["CSL"].strip().encode(), items,
                   clusters, numbered, bib_ids, synthesized)


def load_fixtures(tarball: Path) -> list[Fixture]:
    out = []
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            parts = member.name.split("/")
            if member.isfile() and member.name.endswith(".txt") and parts[-2] == "humans":
                text = tar.extractfile(member).read().decode("utf-8")
                out.append(parse_fixture(parts[-1][:-4], text))
    return sorted(out, key=lambda f: f.name)


def _lines(fx: Fixture, citations: list[str], bibliography: list[str]) -> str:
    if fx.mode == "bibliography":
        body = "".join(f'<div class="csl-entry">{e}</div>' for e in bibliography)
        return f'<div class="csl-bib-body">{body}</div>'
    if fx.numbered:
        return "\n".join(f"[{i}] {c}" for i, c in enumerate(citations))
    return "\n".join(citations)


def run_plain(fx: Fixture) -> str:
    """citeproc-py as its README shows, fed the same items and clusters."""
    style = CitationStylesStyle(io.BytesIO(fx.csl), validate=False)
    bib = CitationStylesBibliography(style, CiteProcJSON(fx.items), formatter.html)
    citations = []
    for cluster in fx.clusters:
        items = []
        for c in cluster:
            extra: dict[str, Any] = {k: v for k, v in (("prefix", c.prefix), ("suffix", c.suffix)) if v}
            if c.locator:
                extra["locator"] = Locator(c.label, c.locator)
            items.append(CitationItem(c.id, **extra))
        citations.append(Citation(items))
    for citation in citations:
        bib.register(citation)
    for item in fx.items if fx.bib_ids is None else [{"id": i} for i in fx.bib_ids]:
        bib.register(Citation([CitationItem(str(item["id"]))]))
    texts = [str(bib.cite(c, lambda item: "")) for c in citations]
    entries: list[str] = []
    if fx.mode == "bibliography":
        bib.sort()
        entries = [str(e) for e in bib.bibliography()]
    return _lines(fx, texts, entries)


def run_bibkit(fx: Fixture) -> str:
    clusters = fx.clusters
    if fx.synthesized:  # the suite's harness builds this cluster after sorting the items
        order = render(load_style(fx.csl), fx.items, [], "html", bib_ids=fx.bib_ids).bibliography_ids
        if order:
            clusters = [sorted(clusters[0], key=lambda c: order.index(c.id.lower())
                               if c.id.lower() in order else len(order))]
    out = render(load_style(fx.csl), fx.items, clusters, "html",
                 bibliography=fx.mode == "bibliography", bib_ids=fx.bib_ids)
    return _lines(fx, out.citations, [e for e in out.bibliography if e])


PROCESSORS: dict[str, Callable[[Fixture], str]] = {"plain": run_plain, "bibkit": run_bibkit}


def normalize(text: str) -> str:
    text = re.sub(r"^(?:\.\.|>>)\[(\d+)\] ", r"[\1] ", text.strip(), flags=re.MULTILINE)
    text = re.sub(r">\s+<", "><", text)
    return html.unescape(text).strip()


def _timeout(signum: int, frame: Any) -> None:
    raise TimeoutError("fixture took too long")


def check(fx: Fixture, run: Callable[[Fixture], str]) -> tuple[bool, str]:
    signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(TIMEOUT_S)
    try:
        got = run(fx)
    except Exception as exc:  # noqa: BLE001 - a crash is a failed fixture
        return False, f"{type(exc).__name__}: {exc}"
    finally:
        signal.alarm(0)
    return normalize(got) == normalize(fx.result), got


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tarball", type=Path, default=TARBALL)
    ap.add_argument("--processor", choices=["both", *PROCESSORS], default="both")
    ap.add_argument("--only", help="run fixtures whose name contains this text")
    ap.add_argument("--show", help="print bibkit's failures in this category (or 'all')")
    args = ap.parse_args(argv)
    if not args.tarball.exists():
        print(f"suite tarball not found: {args.tarball}", file=sys.stderr)
        return 2
    fixtures = [f for f in load_fixtures(args.tarball) if not args.only or args.only in f.name]
    names = list(PROCESSORS) if args.processor == "both" else [args.processor]
    passed = {n: Counter() for n in names}
    total: Counter = Counter()
    regressions = []
    for fx in fixtures:
        total[fx.category] += 1
        results = {}
        for name in names:
            ok, got = check(fx, PROCESSORS[name])
            results[name] = ok
            passed[name][fx.category] += ok
            if not ok and name == names[-1] and args.show in (fx.category, "all"):
                print(f"--- {fx.name}\n  expected: {normalize(fx.result)!r}\n  got:      {normalize(got)!r}")
        if results.get("plain") and results.get("bibkit") is False:
            regressions.append(fx.name)
    print(f"{'category':<14}{'fixtures':>9}" + "".join(f"{n:>9}" for n in names))
    for cat in sorted(total, key=lambda c: -total[c]):
        print(f"{cat:<14}{total[cat]:>9}" + "".join(f"{passed[n][cat]:>9}" for n in names))
    n = sum(total.values())
    print(f"{'TOTAL':<14}{n:>9}" + "".join(f"{sum(passed[x].values()):>9}" for x in names))
    print("pass rate     " + " ".join(f"{x}: {sum(passed[x].values()) / n:.1%}" for x in names))
    if regressions:
        print(f"passed by plain citeproc-py but not by bibkit ({len(regressions)}): {', '.join(regressions)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
