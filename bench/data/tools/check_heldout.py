"""Check the two HELD-OUT sets: shapes, offsets, gold conventions; print counts.

    .venv/bin/python bench/data/tools/check_heldout.py [--refparse FILE] [--translit FILE]

Exit status 1 if any error. Standard library only. It reads only the held-out files; the
labels, languages and calendar rule are check_sets.py's, shared with the test set.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_sets import DIGITS, LABELS, LANGS, gregorian_year  # the test set's rules

DATA = Path(__file__).resolve().parents[1]

# The held-out set's own conventions, narrower than the test set's (check_sets.py)
WORK_LANGS = {"fa", "ar", "en", "fr", "de"}
GOLD_KEYS = {"author", "editor", "translator", "title", "volume-title", "container-title",
             "collection-title", "collection-number", "publisher", "publisher-place", "volume",
             "number-of-volumes", "issue", "page", "edition", "date", "original-date",
             "calendar", "URL", "DOI", "ISBN", "genre", "type", "language"}
CSL_TYPES = {"book", "article-journal", "article-newspaper", "article-magazine", "chapter",
             "report", "thesis", "manuscript", "entry-encyclopedia", "entry-dictionary",
             "paper-conference", "webpage"}
NAME_ROLE = {"author": "author", "editor": "editor", "translator": "translator"}
TEXT_FIELDS = {"title": "title", "volume-title": "title", "container-title": ("journal", "container-title"),
               "collection-title": "collection-title", "publisher": "publisher",
               "publisher-place": "location"}


def fold(s: str) -> str:
    """Loose form for 'does this value occur in the text' checks."""
    s = unicodedata.normalize("NFKC", s).translate(DIGITS)
    s = s.replace("ي", "ی").replace("ى", "ی").replace("ك", "ک").replace("\u200c", "")
    return re.sub(r"\s+", "", s).casefold()


def check_refparse(path: Path, errors: list[str]) -> None:
    rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    seen_text: set[str] = set()
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for i, r in enumerate(rows, 1):
        rid = r.get("id", f"line {i}")

        def err(msg):
            errors.append(f"{path.name} {rid}: {msg}")

        if set(r) != {"id", "lang", "text", "gold", "offsets", "note"}:
            err(f"keys {sorted(r)}")
            continue
        if r["id"] != f"heldout-{i:04d}":
            err("id not sequential heldout-NNNN")
        if r["lang"] not in LANGS:
            err(f"lang {r['lang']!r}")
        text, spans, gold = r["text"], r["offsets"], r["gold"]
        if text != text.strip() or "\n" in text:
            err("text has edge whitespace or a newline")
        if text in seen_text:
            err("duplicate text")
        seen_text.add(text)
        # offsets
        covered = [False] * len(text)
        prev = 0
        by_label: dict[str, list[str]] = collections.defaultdict(list)
        for sp in spans:
            if not (isinstance(sp, list) and len(sp) == 3 and isinstance(sp[0], int)
                    and isinstance(sp[1], int) and sp[2] in LABELS):
                err(f"bad span {sp}")
                continue
            s, e, lab = sp
            if not (prev <= s < e <= len(text)):
                err(f"span out of order/overlapping/out of range {sp}")
                continue
            if text[prev:s].strip():
                err(f"uncovered text {text[prev:s]!r} before {sp}")
            seg = text[s:e]
            if seg != seg.strip():
                err(f"span with edge whitespace {sp} {seg!r}")
            for k in range(s, e):
                covered[k] = True
            by_label[lab].append(seg)
            prev = e
        if text[prev:].strip():
            err(f"uncovered tail {text[prev:]!r}")
        if any(not c and not ch.isspace() for c, ch in zip(covered, text)):
            err("non-space character not covered")
        # gold
        bad = set(gold) - GOLD_KEYS
        if bad:
            err(f"unknown gold keys {bad}")
        for role, lab in NAME_ROLE.items():
            names = gold.get(role)
            if names is None:
                continue
            if not (isinstance(names, list) and names and all(isinstance(n, str) for n in names)):
                err(f"{role} not a non-empty list of strings")
                continue
            src = fold(" ".join(by_label.get(lab, [])))
            if not src:
                err(f"{role} in gold but no {lab} span")
            for n in names:
                if n.count(",") > 1 or "،" in n:
                    err(f"{role} name {n!r}: use one Latin comma")
                for part in n.split(","):
                    if fold(part) and fold(part) not in src:
                        err(f"{role} name part {part!r} not in its {lab} span(s)")
                counts["names"]["inverted" if "," in n else "single/whole"] += 1
        for field, lab in TEXT_FIELDS.items():
            v = gold.get(field)
            if v is None:
                continue
            labs = lab if isinstance(lab, tuple) else (lab,)
            src = fold(" ".join(x for l in labs for x in by_label.get(l, [])))
            for part in v.split("; ") if field in ("publisher", "publisher-place") else [v]:
                if fold(part) not in src:
                    err(f"gold {field} {part!r} not found in its span(s)")
            if v != v.strip() or v[-1:] in ".,،:;" and not v.endswith("..."):
                err(f"gold {field} {v!r} has edge space/punctuation")
        for field, pat in (("volume", r"\d+(-\d+)?"), ("issue", r"\d+(-\d+)?"),
                           ("page", r"\d+(-\d+)?"), ("edition", r"\d+"),
                           ("number-of-volumes", r"\d+"), ("collection-number", r"\d+"),
                           ("date", r"\d{4}"), ("original-date", r"\d{4}(-\d{2}-\d{2})?")):
            if field in gold and not re.fullmatch(pat, str(gold[field])):
                err(f"gold {field} {gold[field]!r} does not match {pat}")
        if "page" in gold and "-" in gold["page"]:
            a, b = gold["page"].split("-")
            if int(b) < int(a):
                err(f"page range {gold['page']} not expanded")
        dates = fold(" ".join(by_label.get("date", [])))
        cal = gold.get("calendar")
        if cal:
            od = gold.get("original-date", "")
            if not od or od[:4] not in dates:
                err(f"original-date {od!r} not printed in the date span")
            rule = gregorian_year(od[:4], cal) if cal in ("solar-hijri", "lunar-hijri") else None
            if rule is None:
                err(f"calendar {cal!r}")
            elif gold.get("date") != rule and gold.get("date", "") not in dates.replace(od[:4], "", 1):
                err(f"date {gold.get('date')} is neither the {cal} rule ({rule}) nor a printed Gregorian year")
            counts["calendar"][cal] += 1
        elif "date" in gold and gold["date"] not in dates:
            err(f"Gregorian date {gold['date']} not printed in the date span")
        if "date" not in gold:
            counts["calendar"]["no date"] += 1
        if gold.get("type") not in CSL_TYPES:
            err(f"type {gold.get('type')!r}")
        if gold.get("language") not in WORK_LANGS:
            err(f"language {gold.get('language')!r}")
        if not isinstance(r["note"], str):
            err("note not a string")
        # counts
        counts["lang"][r["lang"]] += 1
        counts["language"][gold.get("language")] += 1
        counts["type"][gold.get("type")] += 1
        if r["note"].startswith("noise:"):
            counts["phenomena"]["noise"] += 1
        for lab in ("translator", "editor", "volume", "edition", "citation-number", "note", "journal",
                    "container-title", "collection-title"):
            if lab in by_label:
                counts["phenomena"][f"has {lab} span"] += 1
        if re.search("[۰-۹]", text):
            counts["phenomena"]["Persian digits"] += 1
        if re.search("[٠-٩]", text):
            counts["phenomena"]["Arabic-Indic digits"] += 1
        if r["lang"] in ("fa", "ar") and re.search("[0-9]", text):
            counts["phenomena"]["ASCII digits in Arabic script"] += 1
        if r["lang"] == "fa" and re.search("[يك]", text):
            counts["phenomena"]["Arabic ي/ك in Persian"] += 1
        if r["lang"] == "ar" and re.search("[یک]", text):
            counts["phenomena"]["Persian ی/ک in Arabic"] += 1
        if r["lang"].endswith("Latn"):
            counts["phenomena"]["romanized with diacritics" if re.search("[āīūḥṣḍṭẓʿʾ]", text)
                                else "romanized without diacritics"] += 1
        if re.search(r"\[[A-Za-z][^\]]*\]", text) and r["lang"].endswith("Latn"):
            counts["phenomena"]["bracketed English translation"] += 1
        if "number-of-volumes" in gold:
            counts["phenomena"]["number-of-volumes"] += 1
    if len(rows) < 150:
        errors.append(f"{path.name}: only {len(rows)} items (need >= 150)")
    print(f"{path.name}: {len(rows)} items")
    for k, c in counts.items():
        print(f"  {k}: " + ", ".join(f"{a} {b}" for a, b in c.most_common()))


TRANSLIT_KINDS = {"word", "name", "place", "title"}
LATIN_OK = re.compile(r"[A-Za-zāīūĀĪŪḥḤṣṢḍḌṭṬẓẒżŻʿʾ\-' ]+")
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u200c ]+")


def check_translit(path: Path, errors: list[str]) -> None:
    rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    seen = set()
    for i, r in enumerate(rows, 1):
        def err(msg):
            errors.append(f"{path.name} line {i} ({r.get('script')}): {msg}")

        if set(r) != {"script", "lang", "kind", "ijmes", "source"}:
            err(f"keys {sorted(r)}")
            continue
        if r["lang"] not in ("fa", "ar"):
            err(f"lang {r['lang']!r}")
        if r["kind"] not in TRANSLIT_KINDS:
            err(f"kind {r['kind']!r}")
        s, t = r["script"], r["ijmes"]
        if not ARABIC_SCRIPT.fullmatch(s) or s != s.strip() or "  " in s:
            err("script has non-Arabic-script characters or bad spacing")
        if not LATIN_OK.fullmatch(t) or t != t.strip() or "  " in t:
            err(f"ijmes {t!r} has characters outside the IJMES set or bad spacing")
        if (s, r["lang"]) in seen:
            err("duplicate script+lang")
        seen.add((s, r["lang"]))
        if re.search("[ʻʼáǧšḫḏṯġ]", t):
            err("ALA-LC/DIN character in IJMES form")
        if r["lang"] == "ar":
            if re.search("[vpżŻ]|ch|zh|-yi\\b", t):
                err("Persian-only value in an Arabic item")
            if re.search(r"\b[AaEe][sdtnrz]-[a-zṣḍṭẓ]", t) and not re.search(r"\bal-", t):
                err("assimilated article")
            if re.search(r"\bAl-", t) and not t.startswith("Al-"):
                err("capital Al- inside")
            if re.search("[eo]", t.replace("ʿ", "")) and r["kind"] != "place":
                err("e/o vowel in IJMES Arabic")
        else:
            if re.search("ḍ|ṯ|dh", t):
                err("Arabic-only value (ḍ/dh) in a Persian item")
            if re.search("th", t) and "ʾth" not in t:
                counts["warnings"]["fa with th"] += 1
            if re.search("[eo]", t):
                err("e/o vowel in IJMES Persian")
        if not r["source"].strip():
            err("empty source")
        counts["lang"][r["lang"]] += 1
        counts[f"kind ({r['lang']})"][r["kind"]] += 1
        for name, pat in (("ayn ʿ", "ʿ"), ("hamza ʾ", "ʾ"), ("article al-", r"\bal-|\bAl-|-l-"),
                          ("ezafe -i/-yi", r"-y?i\b"), ("nisba -iyya", "iyya"),
                          ("ends in -at (construct ta marbuta, Persian -at)", r"at\b"), ("v (Persian و)", "v"),
                          ("ż (Persian ض)", "ż"), ("emphatics ḥṣḍṭẓ", "[ḥṣḍṭẓḤṢḌṬẒ]")):
            if re.search(pat, t):
                counts[f"phenomena ({r['lang']})"][name] += 1
    for lang in ("fa", "ar"):
        if counts["lang"][lang] < 150:
            errors.append(f"{path.name}: only {counts['lang'][lang]} {lang} items (need >= 150)")
    print(f"{path.name}: {len(rows)} items")
    for k, c in counts.items():
        print(f"  {k}: " + ", ".join(f"{a} {b}" for a, b in c.most_common()))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--refparse", type=Path, default=DATA / "refparse-fa-ar-heldout.jsonl")
    ap.add_argument("--translit", type=Path, default=DATA / "translit-heldout.jsonl")
    a = ap.parse_args()
    errors: list[str] = []
    for path, fn in ((a.refparse, check_refparse), (a.translit, check_translit)):
        if path.exists():
            fn(path, errors)
        else:
            errors.append(f"missing {path}")
    for e in errors:
        print("ERROR", e)
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
