"""Field-level scoring of parsed references against gold CSL-like fields.

Normalized exact match per field (NFKC, casefold, punctuation dropped, Arabic/Persian letter
and digit variants unified); names as the multiset of family names; dates by year; page
ranges with dashes unified and abbreviated ranges expanded; DOI without prefix; an edition by
its number where it has one (`2nd edn`, `2nd edition`, `2` are one edition, as CSL's numeric
`edition` holds it). A wrong
value counts as one false positive and one false negative.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

NAME_FIELDS = ("author", "editor", "translator")
TEXT_FIELDS = ("title", "container-title", "collection-title", "publisher", "publisher-place", "volume",
               "issue", "page", "edition", "URL", "DOI", "ISBN", "genre", "archive", "archive_location")
FIELDS = (*NAME_FIELDS, *TEXT_FIELDS, "date")
_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "\u200c": "",
                       **{chr(0x06F0 + i): str(i) for i in range(10)}, **{chr(0x0660 + i): str(i) for i in range(10)}})


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).translate(_FOLD).casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


def family(name: str) -> str:
    return norm(name.split(",")[0] if "," in name else name.split()[-1] if name.split() else name)


def pages(value: str) -> str:
    value = norm(value.replace("–", "-").replace("—", "-")).replace(" ", "-")
    match = re.fullmatch(r"(\d+)-(\d+)", value)
    if match:
        first, last = match.groups()
        if len(last) < len(first):
            last = first[: len(first) - len(last)] + last
        return f"{first}-{last}"
    return value


_EDITION_WORDS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6"}


def edition(value: str) -> str:
    text = norm(value)
    match = re.match(r"(\d+)", text)
    if match:
        return match.group(1)
    first = text.split(" ", 1)[0]
    return _EDITION_WORDS.get(first, text)


def values(fields: dict, key: str) -> Counter:
    """The comparable values of one field (a multiset: names can repeat)."""
    value = fields.get(key)
    if value in (None, "", []):
        return Counter()
    if key in NAME_FIELDS:
        return Counter(family(n) for n in value if family(n))
    if key == "date":
        year = re.search(r"\d{4}", str(value))
        return Counter([year.group()] if year else [])
    if key == "page":
        return Counter([pages(str(value))])
    if key == "edition":
        return Counter([edition(str(value))])
    if key == "DOI":
        return Counter([norm(re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", str(value), flags=re.I))])
    return Counter([norm(str(value))])


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    all_right: int = 0
    total: int = 0

    def add(self, gold: dict, pred: dict) -> None:
        right = True
        for key in FIELDS:
            g, p = values(gold, key), values(pred, key)
            tp = sum((g & p).values())
            self.tp[key] += tp
            self.fp[key] += sum(p.values()) - tp
            self.fn[key] += sum(g.values()) - tp
            right &= g == p
        self.all_right += right
        self.total += 1

    def prf(self, key: str | None = None) -> tuple[float, float, float]:
        tp = sum(self.tp.values()) if key is None else self.tp[key]
        fp = sum(self.fp.values()) if key is None else self.fp[key]
        fn = sum(self.fn.values()) if key is None else self.fn[key]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> str:
        rows = [f"{'field':18} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
        for key in FIELDS:
            support = self.tp[key] + self.fn[key]
            if support or self.fp[key]:
                p, r, f = self.prf(key)
                rows.append(f"{key:18} {p:6.3f} {r:6.3f} {f:6.3f} {support:6d}")
        p, r, f = self.prf()
        rows.append(f"{'micro':18} {p:6.3f} {r:6.3f} {f:6.3f}")
        rows.append(f"all fields right: {self.all_right}/{self.total} ({self.all_right / max(self.total, 1):.1%})")
        return "\n".join(rows)
