"""`render --item-locales` against the whole list rendered once more per locale.

Usage: .venv/bin/python bench/render_item_locales.py [--items 400] [--runs 3] [--quick]

bibkit renders again, in a Persian or Arabic work's own locale, only the entries of those
works and the items that can change them (year-suffix mates; the whole list where a style
substitutes repeated authors or numbers its entries). Before, it rendered the whole list
once more per locale and took those entries from it. This prints, for every list, style,
output format, locale and script, whether both ways give the same bytes (and each entry
that differs), then the time of a plain render, of `item_locales` and of the whole-list
way for the N-item lists (median of --runs, time.perf_counter).

Lists: references/ and tests/data samples, bench/data/render-items.json, and three made
here from render-items.json (`synthetic`): N works of which 40% are Persian or Arabic,
sharing first authors (in either script), years and titles so that year-suffixes, added
names and repeated-author dashes occur; N such works of which 3 are Persian or Arabic; and
N works with distinct authors and years of which 3 are Persian or Arabic.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from bibkit.formats import read_path
from bibkit.render import api, render_bibliography, render_document

ROOT = Path(__file__).resolve().parent.parent
ITEMS = ROOT / "bench" / "data" / "render-items.json"
SAMPLES = ("references/sample.bib", "references/seed-000/expected.bib", "references/seed-004/sources.bib",
           "tests/data/mixed.bib", "tests/data/mixed.ris")
STYLES = ("apa", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association", "ieee",
          "harvard-cite-them-right", "american-anthropological-association", "acm-sig-proceedings",
          "bibkit-ijmes", "bibkit-persian-journal")
FORMATS = ("text", "html", "markdown")
LOCALES = (None, "en-US", "fa-IR", "ar")
SCRIPTS = ("original", "romanized", "both")

# shared first authors, in Latin and Arabic script, so works in different languages collide
FAMILIES = ("Abrahamian", "آبراهامیان", "Batatu", "بطاطو", "Jabri", "الجابري", "Smith", "زرین‌کوب")
GIVEN = ("Ervand", "Hanna", "J.", "عبدالحسین")
COAUTHORS = ("Brown", "Vakil", "احمدی", "الخليل")
TITLES = ("Iran and Iraq", "ایران و عراق", "العراق")
YEARS = (1984, 1990, 2001, 2020)


def whole_list_per_locale(refs: Sequence[api.Ref], style: str, fmt: str, locale: str | None, script: str) -> list[str]:
    """`render_bibliography(..., item_locales=True)` as bibkit rendered it before: the whole
    list once per item locale, each such work's entry taken from its locale's run."""
    out = render_document(refs, (), style, fmt, locale, script)
    entries = list(out.bibliography)
    items = api._items(refs, "original")
    own_locale = {item["id"].lower(): api.ITEM_LOCALES.get(api._work_language(ref))
                  for item, ref in zip(items, refs, strict=True)}
    for own in sorted({lang for lang in own_locale.values() if lang and lang != locale}):
        again = render_document(refs, (), style, fmt, own, script)
        in_own = dict(zip(again.bibliography_ids, again.bibliography))
        for n, item_id in enumerate(out.bibliography_ids):
            if own_locale.get(item_id) == own and in_own.get(item_id):
                entries[n] = in_own[item_id]
    return api._finish([e for e in entries if e], fmt, False)


def synthetic(n: int, own: int | None = None, seed: int = 1, shared: bool = True) -> list[dict[str, Any]]:
    """`n` works drawn from render-items.json, `own` of them (default 40%) Persian or Arabic.
    `shared`: first authors, co-authors, years and author-less titles come from small pools
    (many works alike); else each first author and year is made distinct, as in
    bench/render_speed.py."""
    base = json.loads(ITEMS.read_text("utf-8"))["items"]
    english = [i for i in base if i.get("language") not in ("fa", "ar")]
    others = [i for i in base if i.get("language") in ("fa", "ar")]
    rng = random.Random(seed)
    own = n * 2 // 5 if own is None else own
    in_own = set(rng.sample(range(n), own))
    out = []
    for k in range(n):
        item = copy.deepcopy(rng.choice(others if k in in_own else english))
        item["id"] = f"work{k}{item['id'].title().replace('-', '')}"  # capitals, as bibkit's keys have
        if shared:
            _share(item, rng)
        else:
            for name in (item.get("author") or [])[:1]:
                if "family" in name:
                    name["family"] = f"{name['family']}{k}"
            item["issued"] = {"date-parts": [[1950 + k % 70]]}
        out.append(item)
    return out


def _share(item: dict[str, Any], rng: random.Random) -> None:
    """Give the work a first author, co-author, year or title from the pools."""
    names = item.get("author") or item.get("editor")
    roll = rng.random()
    if names and roll < 0.6:
        names[0] = {"family": rng.choice(FAMILIES), "given": rng.choice(GIVEN)}
        if rng.random() < 0.3:
            names[1:] = [{"family": rng.choice(COAUTHORS), "given": "A."}]
    elif roll < 0.7:
        item.pop("author", None)
        item.pop("editor", None)
        item["title"] = rng.choice(TITLES)
    if rng.random() < 0.8:
        item["issued"] = {"date-parts": [[rng.choice(YEARS)] + ([rng.randint(1, 12)] if rng.random() < 0.3 else [])]}
    elif rng.random() < 0.5:
        item.pop("issued", None)


def big_lists(n: int) -> dict[str, list[Any]]:
    """The N-item lists, which are also timed."""
    return {f"shared-{n}": synthetic(n), f"shared-{n}-3-own": synthetic(n, own=3),
            f"distinct-{n}-3-own": synthetic(n, own=3, shared=False)}


def lists(n: int) -> dict[str, list[Any]]:
    """Every list compared, by name."""
    out: dict[str, list[Any]] = {p: read_path(str(ROOT / p)).references for p in SAMPLES}
    out["render-items.json"] = json.loads(ITEMS.read_text("utf-8"))["items"]
    out.update(big_lists(n))
    bad = {"id": "bad", "type": "book", "title": "Bad", "issued": {"date-parts": [["x"]]}}
    out["shared-60-with-a-failing-item"] = synthetic(60, seed=2) + [bad]
    return out


def compare(named: dict[str, list[Any]], styles: Sequence[str], formats: Sequence[str],
            variants: Callable[[str], list[tuple[str | None, str]]]) -> tuple[int, list[str]]:
    """(comparisons, differences) of `item_locales` against `whole_list_per_locale`, every list in
    every style and format, in each (locale, script) `variants(list name)` gives."""
    count, differences = 0, []
    for name, refs in named.items():
        for style in styles:
            for fmt in formats:
                for locale, script in variants(name):
                    new = render_bibliography(refs, style, fmt, locale, script, item_locales=True)
                    old = whole_list_per_locale(refs, style, fmt, locale, script)
                    count += 1
                    if new != old:
                        changed = [f"  {o!r}\n  {e!r}" for o, e in zip(old, new) if o != e]
                        differences.append(f"{name} {style} {fmt} {locale} {script}: "
                                           f"{len(old)} vs {len(new)} entries\n" + "\n".join(changed[:5]))
    return count, differences


def _median_seconds(run: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=400)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="text format, style locale and original script only")
    args = ap.parse_args(argv)
    named = lists(args.items)
    big = set(big_lists(args.items))

    def variants(name: str) -> list[tuple[str | None, str]]:
        if args.quick or name in big:
            return [(None, "original")]
        return [(locale, "original") for locale in LOCALES] + [(None, s) for s in SCRIPTS[1:]]

    count, differences = compare(named, STYLES, ("text",) if args.quick else FORMATS, variants)
    print(f"{count} comparisons, {len(differences)} differ")
    for difference in differences:
        print(difference)
    for name in sorted(big):
        refs = named[name]
        for style in STYLES:
            plain = _median_seconds(partial(render_bibliography, refs, style), args.runs)
            own = _median_seconds(partial(render_bibliography, refs, style, item_locales=True), args.runs)
            whole = _median_seconds(partial(whole_list_per_locale, refs, style, "text", None, "original"), args.runs)
            print(f"{name:<22} {style:<38} plain {plain:5.2f} s  item_locales {own:5.2f} s  whole list {whole:5.2f} s")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
