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
    match = _ISO.match(text.strip())
    if not match:
        return None
    return [int(g) for g in match.groups() if g is not None]


def date_from_iso(text: str) -> Date | None:
    """`2004-05-12`, `1958/1963`, `1985~` (circa); None when the text is not ISO-like."""
    text = text.strip()
    circa = text.endswith(("~", "?"))
    core = text.rstrip("~?")
    pieces = core.split("/") if "/" in core else [core]
    parts = [_iso_part(p) for p in pieces if p.strip()]
    if not parts or any(p is None for p in parts):
        return None
    return Date(parts=[p for p in parts if p], circa=circa)


def month_number(text: str) -> int | None:
    text = text.strip().strip("{}").rstrip(".").lower()
    if text.isdigit() and 1 <= int(text) <= 12:
        return int(text)
    return MONTHS.get(text)


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
        if day.strip().isdigit():
            part.append(int(day))
    return Date(parts=[part])
