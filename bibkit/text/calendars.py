"""Solar Hijri and Lunar Hijri dates to Gregorian, and years with their calendar in text.

Solar Hijri uses jdatetime. Lunar Hijri uses hijridate's Umm al-Qura calendar inside its
range (1343-1500 AH) and the tabular (arithmetic, civil-epoch) Islamic calendar outside it;
the two can differ by a day or two, which is within what a printed Hijri date can tell.
Year-only conversions follow catalogue practice: Solar Hijri Y is Gregorian Y + 621 (the
year of its Nowruz); Lunar Hijri Y is the Gregorian year in which 1 Muharram Y falls.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from bibkit.errors import InputError
from bibkit.text.normalize import ASCII_DIGITS
from bibkit.text.script import ARABIC_LETTER

SOLAR_OFFSET = 621
# A month without a day converts through its 15th, so it maps to the Gregorian month that
# holds most of its days.
_MID_MONTH = 15
_TABULAR_EPOCH_JDN = 1948440  # 1 Muharram 1 AH = 16 July 622 (Julian), civil epoch
_JDN_OF_ORDINAL_1 = 1721426  # Julian day number of 0001-01-01 (proleptic Gregorian)
# Bare (unmarked) years read as Hijri in Persian or Arabic text.
SOLAR_BARE_YEARS = range(1200, 1421)
# Iran dated by the Shahanshahi (imperial) era from March 1976 to August 1978: the Solar Hijri
# year + 1180, so books of those years print ۲۵۳۵-۲۵۳۷
IMPERIAL_OFFSET = 1180
IMPERIAL_BARE_YEARS = range(2535, 2538)
LUNAR_BARE_YEARS = range(1200, 1501)
# The last year a romanized month name dates in its calendar (the Lunar Hijri year is 1448 in 2026)
MONTH_MARKED_YEARS = {"lunar-hijri": 1460}
_DIGITS = "0-9\u06F0-\u06F9\u0660-\u0669"


class GregorianDate(NamedTuple):
    """A Gregorian date; month and day are None when the source gave only the year."""

    year: int
    month: int | None = None
    day: int | None = None


class CalendarYear(NamedTuple):
    """A year found in text: its calendar, the year as counted there, the Gregorian year,
    the text as written (`۱۳۸۵ ش`), its span, and whether an era marker said the calendar."""

    calendar: str  # one of bibkit.model.CALENDARS
    year: int
    gregorian: int
    text: str
    span: tuple[int, int]
    marked: bool


def _check(calendar: str, year: int, month: int | None, day: int | None) -> None:
    """Reject impossible parts with a clear message (bad data, not a bad call)."""
    if day is not None and month is None:
        raise InputError(f"{calendar} date has a day but no month: {year}-?-{day}")
    if month is not None and not 1 <= month <= 12:
        raise InputError(f"{calendar} month out of range: {year}-{month}")
    if year < 1:
        raise InputError(f"{calendar} year out of range: {year}")


def solar_hijri_to_gregorian(year: int, month: int | None = None, day: int | None = None) -> GregorianDate:
    """Solar Hijri (Iranian) year, month, day to Gregorian (year only: Y + 621)."""
    import jdatetime

    _check("solar-hijri", year, month, day)
    if month is None:
        return GregorianDate(year + SOLAR_OFFSET)
    try:
        g = jdatetime.date(year, month, day or _MID_MONTH).togregorian()
    except ValueError as exc:
        raise InputError(f"invalid solar-hijri date {year}-{month}-{day}: {exc}") from None
    return GregorianDate(g.year, g.month, g.day if day is not None else None)


def _tabular_hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The arithmetic Islamic calendar (30-year cycle, civil epoch) to proleptic Gregorian."""
    jdn = (
        day
        + -(-295 * (month - 1) // 10)  # ceil(29.5 * (month - 1))
        + (year - 1) * 354
        + (3 + 11 * year) // 30
        + _TABULAR_EPOCH_JDN
        - 1
    )
    return dt.date.fromordinal(jdn - _JDN_OF_ORDINAL_1 + 1)


def lunar_hijri_to_gregorian(year: int, month: int | None = None, day: int | None = None) -> GregorianDate:
    """Lunar Hijri year, month, day to Gregorian (year only: the year of 1 Muharram Y)."""
    from hijridate import Hijri

    _check("lunar-hijri", year, month, day)
    if day is not None and not 1 <= day <= 30:
        raise InputError(f"lunar-hijri day out of range: {year}-{month}-{day}")
    m, d = month or 1, day or (1 if month is None else _MID_MONTH)
    try:
        g = Hijri(year, m, d).to_gregorian()
        g = dt.date(g.year, g.month, g.day)
    except OverflowError:
        try:
            g = _tabular_hijri_to_gregorian(year, m, d)
        except ValueError:  # past year 9999 in the Gregorian calendar
            raise InputError(f"lunar-hijri year out of range: {year}") from None
    except ValueError as exc:
        raise InputError(f"invalid lunar-hijri date {year}-{month}-{day}: {exc}") from None
    if month is None:
        return GregorianDate(g.year)
    return GregorianDate(g.year, g.month, g.day if day is not None else None)


def to_gregorian(calendar: str, year: int, month: int | None = None, day: int | None = None) -> GregorianDate:
    """A date counted in `calendar` (one of bibkit.model.CALENDARS) in the Gregorian calendar;
    the imperial era has the Solar Hijri months."""
    if calendar == "solar-hijri":
        return solar_hijri_to_gregorian(year, month, day)
    if calendar == "lunar-hijri":
        return lunar_hijri_to_gregorian(year, month, day)
    if calendar == "persian-imperial":
        return solar_hijri_to_gregorian(year - IMPERIAL_OFFSET, month, day)
    return GregorianDate(year, month, day)


def to_gregorian_year(calendar: str, year: int) -> int:
    """The Gregorian year for a year counted in `calendar` (by the year-only rules)."""
    return to_gregorian(calendar, year).year


def context_dated(year: int) -> bool:
    """A bare year whose calendar the language around it decides (a 13xx is Solar Hijri in
    Persian, Lunar in Arabic; 2535-2537 imperial in Persian)."""
    return year in SOLAR_BARE_YEARS or year in LUNAR_BARE_YEARS or year in IMPERIAL_BARE_YEARS


def _marker_alternation(markers: list[str]) -> str:
    """Regex alternation of markers, longest first; a space in a marker matches any run of
    spaces, or none. Length counts what a marker must match (`ه. ش` is shorter than `ه.ش.`),
    and equal lengths go alphabetically, so every run reads a marker alike."""
    def one(marker: str) -> str:
        return r"\s*".join(re.escape(part) for part in marker.split(" "))

    return "|".join(one(m) for m in sorted(set(markers), key=lambda m: (-len(m.replace(" ", "")), m)))


@cache
def _markers() -> dict:
    return json.loads(resources.files("bibkit.text").joinpath("data/calendar_markers.json").read_text("utf-8"))


def romanized_month(text: str, calendar: str) -> int | None:
    """The month a romanized month name in `text` names for `calendar` (`12 Ramazan 1310` -> 9)."""
    found = _romanized_months(calendar).search(text)
    return _markers()[calendar]["months_before"][found.group()] if found else None


@cache
def _romanized_months(calendar: str) -> re.Pattern[str]:
    names = sorted(_markers().get(calendar, {}).get("months_before", ()), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?!\w)" if names else r"(?!)")


@cache
def _year_pattern() -> re.Pattern[str]:
    """One regex for a year with an optional era marker after it or a Latin one before it."""
    markers = _markers()
    after = "|".join(
        rf"(?P<a_{cal.replace('-', '_')}>{_marker_alternation(m['after'])})" for cal, m in markers.items()
        if cal != "about"
    )
    before = "|".join(
        rf"(?P<{kind}_{cal.replace('-', '_')}>{_marker_alternation(m[key])})" for cal, m in markers.items()
        for kind, key in (("b", "before"), ("m", "months_before"))
        if cal != "about" and m.get(key)  # none is no group: an empty one would match everywhere
    )
    end = rf"(?![{ARABIC_LETTER}A-Za-z])"
    return re.compile(
        rf"(?:(?:{before})\s*)?"
        rf"(?<![{_DIGITS}/.\-])(?P<year>[{_DIGITS}]{{3,4}})(?![{_DIGITS}])"
        rf"(?:\s*(?:{after}){end})?"
    )


def _marked_calendar(match: re.Match[str]) -> str | None:
    """The calendar an era marker or a month name says; a month name only of a year its
    calendar has reached (`Ramazan 1310`, but `Ramadan 2010` is a Gregorian year)."""
    for name, value in match.groupdict().items():
        if value and name[:2] in ("a_", "b_", "m_"):
            calendar = name[2:].replace("_", "-")
            if name[0] == "m" and int(match.group("year").translate(ASCII_DIGITS)) > MONTH_MARKED_YEARS[calendar]:
                return None
            return calendar
    return None


def _bare_calendar(year: int, lang: str) -> str:
    """The calendar of an unmarked year: Hijri in Persian or Arabic context when plausible
    (Persian publishing dates by the Solar Hijri calendar, Arabic by the Lunar one; Persian
    books of 1976-78 by the imperial era)."""
    if lang.startswith("fa") and year in SOLAR_BARE_YEARS:
        return "solar-hijri"
    if year in IMPERIAL_BARE_YEARS and (not lang or lang.startswith("fa")):
        return "persian-imperial"  # no other calendar reaches 2535 yet; Arab countries never used it
    if lang.startswith(("fa", "ar")) and year in LUNAR_BARE_YEARS:
        return "lunar-hijri"
    return "gregorian"


def _context_language(text: str) -> str:
    """The language that decides bare years: Persian digits say Persian, Arabic-Indic ones
    Arabic, else the language of the text."""
    if re.search("[\u06F0-\u06F9]", text):
        return "fa"
    if re.search("[\u0660-\u0669]", text):
        return "ar"
    from bibkit.text.script import language_of

    return language_of(text) or ""


def find_calendar_years(text: str, lang: str | None = None) -> list[CalendarYear]:
    """Every year in `text` with its calendar: from an era marker (`ش`, `هـ.ق`, `AH`, `م` ...),
    else from context (`lang`, else the digits and language of `text`): a bare 13xx in
    Persian is Solar Hijri, in Arabic Lunar Hijri; elsewhere a bare year is Gregorian."""
    clean = text.replace("\u0640", "").replace("\u200d", "")
    context: str | None = lang.lower() if lang else None
    found = []
    for m in _year_pattern().finditer(clean):
        year = int(m.group("year").translate(ASCII_DIGITS))
        calendar = _marked_calendar(m)
        marked = calendar is not None
        if not marked and len(m.group("year")) < 4:
            continue  # a bare 3-digit number is a page or a volume far more often than a year
        if calendar is None and context_dated(year):
            context = context if context is not None else _context_language(text)  # only here can it matter
            calendar = _bare_calendar(year, context)
        calendar = calendar or "gregorian"
        span = _original_span(text, clean, m.span())
        found.append(CalendarYear(calendar, year, to_gregorian_year(calendar, year), text[span[0]:span[1]].strip(),
                                  span, marked))
    return found


def _original_span(text: str, clean: str, span: tuple[int, int]) -> tuple[int, int]:
    """Map a span in `clean` (tatweel and ZWJ removed) back to `text`."""
    if text == clean:
        return span
    index = [i for i, ch in enumerate(text) if ch not in "\u0640\u200d"] + [len(text)]
    start, end = index[span[0]], index[span[1] - 1] + 1 if span[1] > span[0] else index[span[0]]
    while end < len(text) and text[end] in "\u0640\u200d":
        end += 1
    return start, end


def find_calendar_year(text: str, lang: str | None = None) -> CalendarYear | None:
    """The year that best dates `text`: the first one with an era marker, else the first."""
    years = find_calendar_years(text, lang)
    return next((y for y in years if y.marked), years[0] if years else None)
