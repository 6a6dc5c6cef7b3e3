"""Hand-written reference shapes from `data/templates.tsv`, for forms no CSL style produces:
Persian and Arabic journal habits, loose APA/Chicago mixes, newspapers by issue number,
archival shelfmarks and footnote forms (title first, Ibid., op. cit.).

A template renders to a sentinel-marked string (see `labelled`), like the CSL renderer, so
both share one labelling path.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import cache

from bibkit.models.synth.labelled import label_for, mark
from bibkit.models.synth.records import Record, data_rows
from bibkit.parse import lexicons

_PIECE = re.compile(r"⟨|⟩|\{[^}]+\}|[^⟨⟩{]+")
_JOIN = {"fa": ("، ", " و "), "ar": ("، ", " و")}  # list separator, before the last name
_SLOT_LABEL = {"date": "date", "locator": "pages", "ibid": "note", "opcit": "note"}


@dataclass(frozen=True)
class Template:
    name: str
    langs: frozenset[str]
    types: frozenset[str]
    pattern: str

    def fits(self, rec: Record) -> bool:
        return ("*" in self.langs or rec.lang in self.langs) and ("*" in self.types or rec.item["type"] in self.types)


@cache
def templates() -> tuple[Template, ...]:
    return tuple(Template(n, frozenset(ls.split(",")), frozenset(ts.split(",")), p)
                 for n, ls, ts, p in data_rows("templates.tsv"))


def fitting(rec: Record) -> list[Template]:
    """Templates written for this record's language and type."""
    return [t for t in templates() if t.fits(rec)]


def render(tpl: Template, rec: Record, rng: random.Random) -> str | None:
    """The record in this template's shape, as a sentinel-marked string (None if the record
    lacks a field the template requires)."""
    out: list[str] = []
    group: list[str] | None = None
    group_slots: list[tuple[str, str]] = []
    ok = True
    for piece in _PIECE.findall(tpl.pattern):
        if piece == "⟨":
            group, group_slots, ok = [], [], True
        elif piece == "⟩":
            out.append(_close_group(group or [], group_slots, rec) if ok else "")
            group = None
        elif piece.startswith("{"):
            name, _, fmt = piece[1:-1].partition(":")
            value = slot_value(name, fmt, rec, rng)
            if group is None:
                if not value:
                    return None
                out.append(mark(_label(name, rec), value))
            else:
                ok = ok and bool(value)
                group.append(piece)
                group_slots.append((name, value))
        elif group is None:
            out.append(piece)
        else:
            group.append(piece)
    return "".join(out)


def _label(name: str, rec: Record) -> str:
    return _SLOT_LABEL.get(name) or label_for(name, rec.item["type"]) or "note"


def _close_group(pieces: list[str], slots: list[tuple[str, str]], rec: Record) -> str:
    """A filled optional group: one slot owns the group's text; several are marked one by one."""
    values = iter(slots)
    if len(slots) == 1:
        name, value = slots[0]
        return mark(_label(name, rec), "".join(value if p.startswith("{") else p for p in pieces))
    text = []
    for p in pieces:
        if p.startswith("{"):
            name, value = next(values)
            text.append(mark(_label(name, rec), value))
        else:
            text.append(p)
    return "".join(text)


def slot_value(name: str, fmt: str, rec: Record, rng: random.Random) -> str:
    """The printed text of one slot ('' when the record lacks the field)."""
    item = rec.item
    if name in ("author", "editor", "translator"):
        return names(item.get(name) or [], fmt or "inv", rec, rng)
    if name == "date":
        return date_text(item.get("issued"), fmt or "y", rec, rng)
    if name == "edition":
        return edition_text(item.get("edition"), rec, rng)
    if name == "locator":
        return str(rng.randint(1, 400))
    if name in ("ibid", "opcit"):
        return back_reference(name, rec, rng)
    return str(item.get(name) or "")


def _one_name(n: dict, fmt: str, rec: Record) -> str:
    if "literal" in n:
        return n["literal"]
    family, given = n["family"], n.get("given", "")
    comma = "، " if rec.script != "latn" else ", "
    if fmt == "fam" or not given:
        return family
    if fmt == "disp":
        return f"{given} {family}"
    if fmt == "init" and rec.script == "latn":
        initials = " ".join(f"{part[0]}." for part in re.split(r"[\s-]+", given) if part)
        return f"{family}{comma}{initials}"
    return f"{family}{comma}{given}"


def names(people: list[dict], fmt: str, rec: Record, rng: random.Random) -> str:
    """A name list joined the way the record's language joins it (`, … &`, `، … و`)."""
    parts = [_one_name(n, fmt, rec) for n in people]
    if len(parts) < 2:
        return "".join(parts)
    sep, last = _JOIN.get(rec.script) or (", ", rng.choice([" and ", ", & ", " & ", ", and "]))
    return sep.join(parts[:-1]) + last + parts[-1]


def _month(rec: Record, month: int) -> str:
    lang = rec.base if rec.script != "latn" else "en"
    months = [row[2] for row in data_rows("words.tsv") if row[0] == lang and row[1] == "month"]
    return months[month - 1]


def date_text(date: dict | None, fmt: str, rec: Record, rng: random.Random) -> str:
    """A year (with a Hijri mark now and then) or a full date in one of three orders."""
    if not date:
        return ""
    parts = date["date-parts"][0]
    year = str(parts[0])
    if rec.calendar == "lunar-hijri" and rng.random() < 0.7:
        year += rng.choice(["هـ", " هـ", "ه.ق", "ق"])
    elif rec.calendar == "solar-hijri" and rng.random() < 0.15:
        year += rng.choice(["ش", " ش", " هـ.ش"])
    if fmt == "y" or len(parts) < 3:
        return year
    month, day = _month(rec, parts[1]), parts[2]
    return {"ymd": f"{year}, {month} {day}", "mdy": f"{month} {day}, {year}"}.get(fmt, f"{day} {month} {year}")


def edition_text(edition: str | None, rec: Record, rng: random.Random) -> str:
    if not edition:
        return ""
    lang = rec.base if rec.script != "latn" else "en"
    forms = [row[2] for row in data_rows("words.tsv") if row[0] == lang and row[1] == "edition"]
    ords = [row[2] for row in data_rows("words.tsv") if row[0] == lang and row[1] == "ord"]
    n = int(edition)
    text = rng.choice(forms).replace("{n}", edition)
    return text.replace("{ord}", ords[n - 2] if ords and 2 <= n < len(ords) + 2 else edition)


def back_reference(kind: str, rec: Record, rng: random.Random) -> str:
    """`Ibid.` / `همان` / `المصدر نفسه` (kind ibid) or `op. cit.` / `پیشین` (kind opcit)."""
    lang = rec.base if rec.script != "latn" else "en"
    entry = lexicons.entries_for("cue:back-reference", lang)[0]
    forms = [entry.form, *entry.variants]
    if lang == "en":
        forms = [f for f in forms if ("cit" in f.lower()) == (kind == "opcit")]
    return rng.choice(forms)
