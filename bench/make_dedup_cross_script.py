"""Build bench/data/dedup-cross-script.jsonl from bench/data/dedup-cross-script-works.tsv.

    .venv/bin/python bench/make_dedup_cross_script.py

Each work is written in Arabic script (the year as its calendar counts it) and again
romanized in one of bibkit's four schemes (Gregorian year); articles also get an English
citation of the translated title with the same locator, and some Persian works a copy in
Arabic letter forms (ي ك). Near-misses get groups of their own: the next volume of a book,
a later edition, another article by the same author in the same journal.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from bibkit.text.calendars import to_gregorian_year
from bibkit.text.translit import SCHEMES, romanize

HERE = Path(__file__).resolve().parent
WORKS = HERE / "data" / "dedup-cross-script-works.tsv"
OUT = HERE / "data" / "dedup-cross-script.jsonl"
COLUMNS = ("lang", "kind", "family", "given", "title", "year", "calendar", "container",
           "volume", "issue", "page", "english")
_ARABIC_FORMS = str.maketrans({"ی": "ي", "ک": "ك"})
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def read_works() -> list[dict[str, str]]:
    with WORKS.open(encoding="utf-8") as f:
        rows = [line for line in f if line.strip() and not line.startswith("#")]
    return [dict(zip(COLUMNS, (cell.strip() for cell in row))) for row in csv.reader(rows, delimiter="\t")]


def record(rid: str, cluster: str, w: dict[str, str], **changes: object) -> dict[str, object]:
    rec: dict[str, object] = {
        "id": rid, "cluster": cluster, "author": [f"{w['family']}، {w['given']}"],
        "title": w["title"], "container-title": w["container"], "date": w["year"],
        "volume": w["volume"], "issue": w["issue"], "page": w["page"], "DOI": "", "raw": "",
        "subset": "cross-script", "type": "article" if w["kind"] == "article" else "book",
        "language": w["lang"],
    }
    rec.update(changes)
    return rec


def romanized(rid: str, cluster: str, w: dict[str, str], k: int) -> dict[str, object]:
    """The work as an English-language bibliography prints it: romanized, Gregorian year."""
    scheme = SCHEMES[k % len(SCHEMES)]
    marks = k % 2 == 0

    def rom(text: str) -> str:
        return romanize(text, scheme=scheme, lang=w["lang"], diacritics=marks) if text else ""

    return record(rid, cluster, w, author=[f"{rom(w['family'])}, {rom(w['given'])}"],
                  title=rom(w["title"]), **{"container-title": rom(w["container"])},
                  date=str(to_gregorian_year(w["calendar"], int(w["year"]))),
                  language=f"{w['lang']}-Latn-x-{scheme}")


def variants(k: int, w: dict[str, str]) -> list[dict[str, object]]:
    """The records of work `k`: duplicates share its group, near-misses get their own."""
    group = f"cs:{k:02d}"
    base = {"volume": "1"} if w["kind"] == "book" and k % 4 == 0 else {}
    w = {**w, **base}
    out = [record(f"{group}s", group, w), romanized(f"{group}r", group, w, k)]
    if w["kind"] == "article" and w["english"]:
        simple = [romanize(w[part], scheme="simple", lang=w["lang"], diacritics=False)
                  for part in ("given", "family", "container")]
        out.append(record(f"{group}t", group, w, title=w["english"], author=[f"{simple[0]} {simple[1]}"],
                          date=out[1]["date"], **{"container-title": simple[2]}, language="en"))
    if w["lang"] == "fa" and k % 3 == 0:
        out.append(record(f"{group}a", group, w, title=w["title"].translate(_ARABIC_FORMS),
                          author=[a.translate(_ARABIC_FORMS) for a in out[0]["author"]],
                          page=w["page"].translate(_PERSIAN_DIGITS)))
    if w["kind"] == "book" and k % 4 == 0:
        out.append(record(f"{group}v2", f"{group}v2", w, volume="2"))
    elif w["kind"] == "book" and k % 4 == 1:
        out.append(record(f"{group}e2", f"{group}e2", w, date=str(int(w["year"]) + 12), edition="2"))
    elif w["kind"] == "article":
        first = int(w["page"].split("-")[1]) + 1
        out.append(record(f"{group}n", f"{group}n", w, title=f"{w['title']}: {_SEQUEL[w['lang']]}",
                          issue=str(int(w["issue"]) + 1), page=f"{first}-{first + 20}"))
    return out


_SEQUEL = {"fa": "بخش دوم", "ar": "الجزء الثاني"}


def main() -> None:
    recs = [rec for k, w in enumerate(read_works()) for rec in variants(k, w)]
    with OUT.open("w", encoding="utf-8") as f:
        for rec in recs:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    groups: dict[object, int] = {}
    for rec in recs:
        groups[rec["cluster"]] = groups.get(rec["cluster"], 0) + 1
    pairs = sum(n * (n - 1) // 2 for n in groups.values())
    print(f"{len(recs)} records, {len(groups)} groups, {pairs} duplicate pairs -> {OUT}")


if __name__ == "__main__":
    main()
