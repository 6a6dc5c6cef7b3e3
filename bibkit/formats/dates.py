"""Dates in the shapes files carry them: ISO 8601 / EDTF (`2004-05`, `1958/1963`, `1985~`)
and BibTeX's separate year / month / day fields."""

from __future__ import annotations

import re

from bibkit.model import Date

MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1)
    for m in names
}
_ISO = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def _iso_part(text: str) -> list[int] | None:
    """`2004-05-12` -> [2004, 5, 12]; None unless the month is 1-12 (21-24: a season, as
    EDTF writes them) and the day 1-31 (`1958-63` is no month)."""
    match = _ISO.match(text.strip())
    if not match:
        return None
    parts = [int(g) for g in match.groups() if g is not None]
    if len(parts) > 1 and not (1 <= parts[1] <= 12 or 21 <= parts[1] <= 24 and len(parts) == 2):
        return None
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        return None
    return parts


def date_from_iso(text: str) -> Date | None:
    """`2004-05-12`, `1958/1963`, `1985~` (circa); None when the text is not ISO-like, nor is
    a `/` that does not join the two ends of a range (`2004/05/12`, `1958/63`)."""
    text = text.strip()
    circa = text.endswith(("~", "?"))
    pieces = [_iso_part(p) for p in text.rstrip("~?").split("/") if p.strip()]
    parts = [p for p in pieces if p is not None]
    if not parts or len(parts) != len(pieces) or len(parts) > 2 or parts[-1][0] < parts[0][0]:
        return None
    return Date(parts=parts, circa=circa)


def month_number(text: str) -> int | None:
    """An English month by number, name or common abbreviation (`Sep`, `Sept`), or any other
    abbreviation of three letters or more written with its stop (`Febr.`, `Decemb.`): `Marc`
    (a given name) and `Decline` are no months."""
    text = text.strip().strip("{}")
    abbreviated = text.endswith(".")
    text = text.rstrip(".").lower()
    if re.fullmatch(r"\d{1,2}", text, re.ASCII):
        return int(text) if 1 <= int(text) <= 12 else None
    if text in MONTHS or not (abbreviated and len(text) >= 3 and text.isalpha()):
        return MONTHS.get(text)
    return next((number for name, number in MONTHS.items() if name.startswith(text)), None)


def date_from_parts(year: str, month: str = "", day: str = "") -> Date | None:
    """BibTeX `year`/`month`/`day`; a year that is not a number is kept as a literal."""
    year = year.strip().strip("{}")
    if not year:
        return None
    match = re.fullmatch(r"(\d{3,4})([a-z])?", year)
    if not match:
        return Date(literal=year)
    part = [int(match.group(1))]
    m = month_number(month) if month else None
    if m:
        part.append(m)
        if re.fullmatch(r"\d{1,2}", day.strip(), re.ASCII) and 1 <= int(day) <= 31:
            part.append(int(day))
    return Date(parts=[part])


_CALENDAR_NAMES = {"solar-hijri": "Solar Hijri", "lunar-hijri": "Lunar Hijri", "persian-imperial": "Imperial"}
_NOTE_LABEL = {"issued": "date"}  # the readable word for a date variable in a note line
_NOTE_VARIABLE = {label: var for var, label in _NOTE_LABEL.items()}
_CALENDAR_NOTE = re.compile(rf"({'|'.join(_CALENDAR_NAMES.values())}) ([a-z-]+) as published: (.+)")
_NOTE_CALENDAR = {name: calendar for calendar, name in _CALENDAR_NAMES.items()}


def calendar_note(var: str, date: Date) -> str | None:
    """A note line with a Hijri date as published (`Solar Hijri date as published: ۱۳۸۵`),
    for formats whose readers have no place for a calendar: CSL processors ignore `custom`,
    RIS has no tag. Not a `key: value` line Zotero or citeproc-js would read as a variable."""
    if date.calendar not in _CALENDAR_NAMES or not date.raw:
        return None
    return f"{_CALENDAR_NAMES[date.calendar]} {_NOTE_LABEL.get(var, var)} as published: {date.raw}"


def with_calendar_notes(note: str | None, dates: dict[str, Date]) -> str | None:
    """`note` with a calendar line added for every Hijri date not already noted."""
    lines = [line for var, date in dates.items() if (line := calendar_note(var, date))]
    lines = [line for line in lines if line not in (note or "")]
    return "\n".join([note, *lines] if note else lines) or None


def take_calendar_notes(note: str | None, dates: dict[str, Date]) -> str | None:
    """The inverse of `with_calendar_notes`: each calendar line goes back onto its date (its
    calendar and text as published) and leaves the note; returns what remains of the note."""
    kept = []
    for line in (note or "").split("\n"):
        match = _CALENDAR_NOTE.fullmatch(line.strip())
        var = match and _NOTE_VARIABLE.get(match.group(2), match.group(2))
        if match and var in dates:
            date = dates[var]
            date.calendar, date.raw = _NOTE_CALENDAR[match.group(1)], match.group(3).strip()
        else:
            kept.append(line)
    return "\n".join(kept) or None
