"""Consistency checks for bibkit's hand-built data sets (and an authoring helper).

    python bench/data/tools/check_sets.py                 # check all sets, print counts
    python bench/data/tools/check_sets.py --show FILE     # print each line's spans and gold for reading
    python bench/data/tools/check_sets.py --build SRC OUT # author: segments -> JSONL with offsets

The authoring format (``--build``) is one block per reference::

    === fa book | where the facts come from
    author: زرین‌کوب، عبدالحسین
    date: (۱۳۶۲).
    +title: ...          (a leading "+" joins the segment to the previous one without a space)
    > author=زرین‌کوب, عبدالحسین|...
    > date=1362sh        (sh: Solar Hijri, lh: Lunar Hijri, else a Gregorian year)

Segments are joined by single spaces into ``text`` and their offsets recorded; the gold is
what the ``>`` lines say, plus title/container-title/publisher/place/pages/url taken from the
labelled segment with cue words and edge punctuation trimmed when no ``>`` line gives them
(``> -key`` drops one). Every built line is meant to be read by a person afterwards
(``--show``): the helper saves typing, it is not the source of truth.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
# every set with gold fields: the test sets and the training strings (not train-messy*, spans only)
REFSETS = [*sorted((ROOT / "bench/data").glob("refparse-*.jsonl")),
           *sorted(p for p in (ROOT / "bibkit/parse/data").glob("train-*.jsonl") if not p.stem.startswith("train-messy"))]
NOTES = ROOT / "bench/data/notes-test.jsonl"

LABELS = {
    "author", "editor", "translator", "title", "journal", "container-title", "collection-title",
    "date", "volume", "pages", "publisher", "location", "edition", "genre", "url", "doi", "isbn",
    "note", "citation-number", "archive", "archive_location",
}
LANGS = {"fa", "ar", "fa-Latn", "ar-Latn", "en", "ru"}
GOLD_KEYS = {
    "volume-title",
    "author", "editor", "translator", "title", "container-title", "collection-title", "publisher",
    "publisher-place", "volume", "issue", "page", "edition", "date", "original-date", "calendar",
    "URL", "DOI", "ISBN", "archive", "archive_location", "genre", "type", "language",
    "number-of-volumes", "collection-number", "note",
}
NAME_KEYS = ("author", "editor", "translator")
CSL_TYPES = {
    "book", "article-journal", "article-magazine", "article-newspaper", "chapter", "thesis",
    "report", "webpage", "manuscript", "entry-encyclopedia", "entry-dictionary", "paper-conference",
    "speech", "interview", "legal_case", "legislation", "map", "personal_communication",
    "post-weblog", "document", "collection",
}
RESOLUTIONS = {"direct", "ibid", "op-cit", "short-form", "ambiguous"}
DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


# ---------------------------------------------------------------- calendars
def tabular_hijri_gregorian(year: int, month: int = 1, day: int = 1) -> tuple[int, int, int]:
    """Gregorian (y, m, d) of a Lunar Hijri date by the tabular calendar (1 Muharram by default)."""
    jd = day + -(-59 * (month - 1) // 2) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439  # civil epoch
    # JDN -> Gregorian (Fliegel & Van Flandern)
    l = jd + 68569
    n = 4 * l // 146097
    l = l - (146097 * n + 3) // 4
    i = 4000 * (l + 1) // 1461001
    l = l - 1461 * i // 4 + 31
    j = 80 * l // 2447
    d = l - 2447 * j // 80
    l = j // 11
    m = j + 2 - 12 * l
    y = 100 * (n - 49) + i + l
    return y, m, d


def gregorian_year(original: str, calendar: str) -> str:
    """The Gregorian year for a printed Hijri year (or full date ``Y-M-D``).

    A year alone: Solar Hijri Y -> Y+621; Lunar Hijri Y -> the year of 1 Muharram Y.
    A full date is converted exactly."""
    if re.fullmatch(r"\d{3,4}-\d{1,2}-\d{1,2}", original):
        y, m, d = map(int, original.split("-"))
        if calendar == "solar-hijri":
            import jdatetime
            return str(jdatetime.date(y, m, d).togregorian().year)
        from hijridate import Hijri
        try:
            return str(Hijri(y, m, d).to_gregorian().year)
        except OverflowError:  # hijridate reads 1343-1500 AH only: the tabular (civil) calendar
            return str(tabular_hijri_gregorian(y, m, d)[0])
    y = int(original)
    if calendar == "solar-hijri":
        return str(y + 621)
    if calendar == "lunar-hijri":
        return str(tabular_hijri_gregorian(y)[0])
    raise ValueError(calendar)


# ---------------------------------------------------------------- building
CUES = {
    "container-title": r"^(in|در|في|en|dans)\s*:?\s+",
    "journal": r"^(in|در|في)\s*:\s+",
    "url": r"^(available at|available from|retrieved from|online|url)\s*:?\s*",
    "pages": r"^(pp?\.|pages?|صص\.?|ص\.?|صفحات|صفحه|ص ص)\s*",
}


def trim(value: str) -> str:
    v = value.strip()
    for _ in range(3):
        v = v.strip().rstrip(".,;:،؛").strip()
        for a, b in ("«»", "“”", '""', "()", "[]", "<>", "‘’", "''"):
            if v.startswith(a) and v.endswith(b) and len(v) > 1:
                v = v[1:-1]
        if v.startswith("“") and v.endswith("”"):
            v = v[1:-1]
    return v.strip()


def derive(label: str, text: str) -> str:
    v = text.strip()
    if label in CUES:
        v = re.sub(CUES[label], "", v, flags=re.IGNORECASE)
    v = trim(v)
    if label == "pages":
        v = v.translate(DIGITS)
        v = re.sub(r"\s*[–—‐\-]+\s*", "-", v)
        v = re.sub(r"[^0-9A-Za-z\-,]", "", v)
    return v


AUTO = {"title": "title", "journal": "container-title", "container-title": "container-title",
        "publisher": "publisher", "location": "publisher-place", "pages": "page", "url": "URL",
        "doi": "DOI", "isbn": "ISBN", "archive": "archive", "archive_location": "archive_location",
        "collection-title": "collection-title", "genre": "genre"}


def build(src: Path, prefix: str, start: int = 1) -> list[dict]:
    blocks = re.split(r"^=== ", src.read_text(encoding="utf-8"), flags=re.MULTILINE)
    out = []
    n = start
    for block in blocks:
        if not block.strip():
            continue
        head, *lines = block.rstrip("\n").split("\n")
        head, _, note = head.partition("|")
        lang, ctype = head.split()
        text = ""
        offsets = []
        gold: dict = {}
        drop = set()
        for line in lines:
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith(">"):
                body = line[1:].strip()
                if body.startswith("-"):
                    drop.add(body[1:].strip())
                    continue
                key, _, value = body.partition("=")
                key = key.strip()
                if key == "note":  # a remark about the line, not a field of the work
                    note = (note.strip() + "; " if note.strip() else "") + value.strip()
                elif key in NAME_KEYS:
                    gold[key] = [x.strip() for x in value.split("|") if x.strip()]
                elif key == "date":
                    m = re.fullmatch(r"(\d{3,4})(sh|lh)(?:/(\d{4}))?", value.strip())
                    if m:  # 1403lh/1983: the Gregorian year printed beside the Hijri one wins
                        cal = {"sh": "solar-hijri", "lh": "lunar-hijri"}[m.group(2)]
                        gold["date"] = m.group(3) or gregorian_year(m.group(1), cal)
                        gold["original-date"] = m.group(1)
                        gold["calendar"] = cal
                    else:
                        gold["date"] = value.strip()
                else:
                    gold[key] = value.strip()
                continue
            label, sep, seg = line.partition(": ")
            if not sep:
                raise SystemExit(f"bad line in {src}: {line!r}")
            glue = label.startswith("+")
            label = label.lstrip("+")
            if label not in LABELS:
                raise SystemExit(f"unknown label {label!r} in {src}: {line!r}")
            if text and not glue:
                text += " "
            s = len(text)
            text += seg
            offsets.append([s, len(text), label])
        for label, key in AUTO.items():
            if key in gold or key in drop:
                continue
            segs = [text[s:e] for s, e, lab in offsets if lab == label]
            if len(segs) == 1:
                gold[key] = derive(label, segs[0])
        gold.setdefault("type", ctype)
        rec_lang = lang
        if "language" not in gold:
            gold["language"] = rec_lang.split("-")[0] if rec_lang != "en" else "en"
        rec = {"id": f"{prefix}-{n:04d}", "lang": rec_lang, "text": text, "gold": gold,
               "offsets": offsets}
        if note.strip():
            rec["note"] = note.strip()
        out.append(rec)
        n += 1
    return out


# ---------------------------------------------------------------- checking
def norm_title(t: str) -> str:
    t = unicodedata.normalize("NFKC", t).casefold().replace("\u200c", "").replace("ي", "ی").replace("ك", "ک")
    t = re.sub(r"[ًٌٍَُِّْـ]", "", t)
    return re.sub(r"[\W_]+", "", t)


def span_errors(rec: dict, where: str) -> list[str]:
    """Offsets in order, inside the text, without edge spaces, covering every non-space
    character, with labels from the label set."""
    errs = []
    text, pos = rec["text"], 0
    for s, e, lab in rec["offsets"]:
        if lab not in LABELS:
            errs.append(f"{where}: label {lab}")
        if not (pos <= s < e <= len(text)):
            errs.append(f"{where}: span {s}-{e} out of order")
        if text[s:e] != text[s:e].strip():
            errs.append(f"{where}: span {s}-{e} has edge whitespace")
        if text[pos:s].strip():
            errs.append(f"{where}: uncovered {text[pos:s]!r}")
        pos = e
    if text[pos:].strip():
        errs.append(f"{where}: uncovered tail {text[pos:]!r}")
    return errs


def _numbered(path: Path, errs: list[str], unique: tuple[str, ...] = ("id",)) -> Iterator[tuple[str, dict]]:
    """Each JSON line of `path` with its `file:line`; a line that repeats an earlier line's
    value of a `unique` key is reported in `errs`."""
    seen: dict[str, set[str]] = {key: set() for key in unique}
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where, rec = f"{path.name}:{i}", json.loads(line)
        for key in unique:
            if rec[key] in seen[key]:
                errs.append(f"{where}: duplicate {key} {rec['id']}")
            seen[key].add(rec[key])
        yield where, rec


def check_training_spans(path: Path) -> list[str]:
    """Labelled training strings without gold fields (train-messy*.jsonl): unique ids and
    texts, well-formed spans."""
    errs: list[str] = []
    for where, rec in _numbered(path, errs, unique=("id", "text")):
        errs += span_errors(rec, where)
    return errs


def check_refs(path: Path) -> list[str]:
    errs: list[str] = []
    for where, rec in _numbered(path, errs):
        if rec["lang"] not in LANGS:
            errs.append(f"{where}: lang {rec['lang']}")
        text = rec["text"]
        errs += span_errors(rec, where)
        gold = rec["gold"]
        for k, v in gold.items():
            if k not in GOLD_KEYS:
                errs.append(f"{where}: gold key {k}")
            if k in NAME_KEYS and not (isinstance(v, list) and all(isinstance(x, str) and x for x in v)):
                errs.append(f"{where}: {k} not a list of names")
        if gold.get("type") not in CSL_TYPES:
            errs.append(f"{where}: type {gold.get('type')}")
        if not gold.get("language"):
            errs.append(f"{where}: no language")
        if "date" in gold and not re.fullmatch(r"\d{4}", gold["date"]):
            errs.append(f"{where}: date {gold['date']}")
        if "calendar" in gold:
            # the conversion rule, or the next year when the string prints that Gregorian year
            want = gregorian_year(gold["original-date"], gold["calendar"])
            ok = {want}
            if "-" not in gold["original-date"]:
                ok.add(str(int(want) + 1))
            if gold.get("date") not in ok or (gold.get("date") != want and gold["date"] not in text.translate(DIGITS)):
                errs.append(f"{where}: date {gold.get('date')} != {want} for {gold['original-date']}")
        if "page" in gold and not re.fullmatch(r"[0-9A-Za-z]+(-[0-9A-Za-z]+)?(,[0-9A-Za-z\-]+)*", gold["page"]):
            errs.append(f"{where}: page {gold['page']!r}")
        for k in ("volume", "issue", "edition"):
            if k in gold and re.search(r"[۰-۹٠-٩]", gold[k]):
                errs.append(f"{where}: {k} not in ASCII digits")
        for k in NAME_KEYS:
            for name in gold.get(k, []):
                if "،" in name:
                    errs.append(f"{where}: Arabic comma in name {name!r}")
        labels = [lab for _, _, lab in rec["offsets"]]
        if "title" in gold and "title" not in labels:
            errs.append(f"{where}: gold title but no title span")
    return errs


def check_notes(path: Path) -> list[str]:
    errs: list[str] = []
    for where, doc in _numbered(path, errs):
        ids = [s["id"] for s in doc["gold"]["sources"]]
        if len(set(ids)) != len(ids):
            errs.append(f"{where}: duplicate source id")
        used = set()
        numbers = [n["number"] for n in doc["gold"]["notes"]]
        if numbers != list(range(1, len(numbers) + 1)):
            errs.append(f"{where}: note numbers {numbers}")
        for s in doc["gold"]["sources"]:
            if s.get("type") not in CSL_TYPES:
                errs.append(f"{where}: {s['id']} type {s.get('type')}")
        for note in doc["gold"]["notes"]:
            for c in note["cites"]:
                used.add(c["id"])
                if c["id"] not in ids:
                    errs.append(f"{where}: note {note['number']} cites unknown {c['id']}")
                if c["resolution"] not in RESOLUTIONS:
                    errs.append(f"{where}: resolution {c['resolution']}")
                if (c["resolution"] == "ambiguous") != ("candidates" in c):
                    errs.append(f"{where}: note {note['number']} candidates/ambiguous mismatch")
                if "candidates" in c and (c["id"] not in c["candidates"] or len(c["candidates"]) < 2):
                    errs.append(f"{where}: note {note['number']} bad candidates")
        if used != set(ids):
            errs.append(f"{where}: sources never cited {set(ids) - used}")
    return errs


def _title_key(title: str) -> str:
    """A title as the trainer compares it (`fold`: Mulūk = Muluk, الأعلام = الاعلام), letters and digits only."""
    from bibkit.text.normalize import fold

    return re.sub(r"[\W_]+", "", fold(title))


def citing_tested_works() -> list[dict]:
    """Training strings (every train-*.jsonl, messy ones too: titles read from their spans)
    citing a work a test set cites by its title."""
    tested = {_title_key(r["gold"].get("title", "")) for p in REFSETS if p.stem.startswith("refparse-")
              for r in map(json.loads, p.read_text(encoding="utf-8").splitlines())} - {""}
    training = [json.loads(line) for p in sorted((ROOT / "bibkit/parse/data").glob("train-*.jsonl"))
                for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in training if any(_title_key(r["text"][int(s):int(e)]) in tested
                                       for s, e, label in r["offsets"] if label == "title")]


def check_no_tested_work_trained() -> list[str]:
    """Every training string citing a tested work (two test sets may share works) must be one
    the trainer leaves out; any it would still train on is an error."""
    from bibkit.parse.train import test_texts, without_test_works

    citing = citing_tested_works()
    kept = list(without_test_works(citing, test_texts(ROOT.parent / "shared")))  # the trainer's own rule and sets
    print(f"training strings citing a tested work: {len(citing)}, all left out by the trainer: {not kept}")
    return [f"trained on, cites a tested work: {r.get('id', r['text'][:60])}" for r in kept]


def counts(path: Path) -> None:
    recs = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines()]
    print(f"{path}: {len(recs)}")
    print("  lang:", dict(Counter(r["lang"] for r in recs)))
    print("  type:", dict(Counter(r["gold"]["type"] for r in recs)))
    print("  work language:", dict(Counter(r["gold"]["language"] for r in recs)))
    print("  calendar:", dict(Counter(r["gold"].get("calendar", "gregorian") for r in recs)))
    print("  labels:", dict(Counter(lab for r in recs for _, _, lab in r["offsets"])))
    print("  noisy (note says noise):", sum("noise" in r.get("note", "") for r in recs))


def main(argv: list[str]) -> int:
    if argv[:1] == ["--build"]:
        src, out, prefix = Path(argv[1]), Path(argv[2]), argv[3]
        recs = build(src, prefix, int(argv[4]) if len(argv) > 4 else 1)
        with out.open("w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{len(recs)} -> {out}")
        return 0
    if argv[:1] == ["--show"]:
        for line in Path(argv[1]).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            print(f"## {r['id']} [{r['lang']}] {r['text']}")
            print("   " + " | ".join(f"{lab}={r['text'][s:e]}" for s, e, lab in r["offsets"]))
            print("   " + json.dumps(r["gold"], ensure_ascii=False))
        return 0
    errs = []
    for p in REFSETS:
        errs += check_refs(p)
        counts(p)
    errs += check_no_tested_work_trained()
    errs += check_notes(NOTES)
    docs = [json.loads(l) for l in NOTES.read_text(encoding="utf-8").splitlines()]
    res = Counter(c["resolution"] for d in docs for n in d["gold"]["notes"] for c in n["cites"])
    print(f"{NOTES.relative_to(ROOT)}: {len(docs)} documents, "
          f"{sum(len(d['gold']['notes']) for d in docs)} notes, "
          f"{sum(len(d['gold']['sources']) for d in docs)} sources; langs {dict(Counter(d['lang'] for d in docs))}; "
          f"resolutions {dict(res)}")
    for e in errs:
        print("ERROR", e)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
