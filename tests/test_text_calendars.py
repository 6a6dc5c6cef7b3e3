"""Calendar conversions against known date pairs, and years found in reference text."""

import pytest

from bibkit.errors import InputError
from bibkit.text.calendars import (
    GregorianDate,
    find_calendar_year,
    lunar_hijri_to_gregorian,
    solar_hijri_to_gregorian,
)


@pytest.mark.parametrize(("sh", "greg"), [
    ((1385, 1, 1), (2006, 3, 21)),  # Nowruz 1385
    ((1357, 11, 22), (1979, 2, 11)),  # 22 Bahman 1357, the revolution's victory
    ((1403, 12, 30), (2025, 3, 20)),  # last day of a leap year
])
def test_solar_hijri_known_dates(sh, greg):
    assert solar_hijri_to_gregorian(*sh) == GregorianDate(*greg)


def test_solar_hijri_year_only_adds_621():
    assert solar_hijri_to_gregorian(1385) == GregorianDate(2006)


@pytest.mark.parametrize(("ah", "greg"), [
    ((1404, 1, 1), (1983, 10, 7)),  # Umm al-Qura
    ((1445, 9, 1), (2024, 3, 11)),  # Ramadan 1445
    ((1, 1, 1), (622, 7, 19)),  # tabular epoch, proleptic Gregorian (16 July 622 Julian)
])
def test_lunar_hijri_known_dates(ah, greg):
    assert lunar_hijri_to_gregorian(*ah) == GregorianDate(*greg)


def test_lunar_hijri_year_is_year_of_first_muharram():
    assert lunar_hijri_to_gregorian(1404).year == 1983
    assert lunar_hijri_to_gregorian(1300).year == 1882  # outside Umm al-Qura: tabular


def test_invalid_dates_are_input_errors():
    with pytest.raises(InputError):
        solar_hijri_to_gregorian(1385, 13, 1)
    with pytest.raises(InputError):
        lunar_hijri_to_gregorian(1404, 2, 31)


@pytest.mark.parametrize(("text", "calendar", "year", "gregorian"), [
    ("۱۳۸۵", "solar-hijri", 1385, 2006),
    ("1385 ش", "solar-hijri", 1385, 2006),
    ("1385 هـ.ش", "solar-hijri", 1385, 2006),
    ("چاپ دوم، ۱۳۸۵ خورشیدی", "solar-hijri", 1385, 2006),
    ("1404 ق", "lunar-hijri", 1404, 1983),
    ("1404 هـ", "lunar-hijri", 1404, 1983),
    ("1404 AH", "lunar-hijri", 1404, 1983),
    ("بيروت: دار الهلال، 1404", "lunar-hijri", 1404, 1983),
    ("تهران: امیرکبیر، ۱۳۸۵.", "solar-hijri", 1385, 2006),
    ("1984 م", "gregorian", 1984, 1984),
    ("London: Dar Al-Hikma, 2020", "gregorian", 2020, 2020),
    ("BOA, İrade Dahiliye 98432, 12 Ramazan 1310.", "lunar-hijri", 1310, 1892),  # a romanized Hijri month
    ("Rabīʿ al-awwal 1300", "lunar-hijri", 1300, 1882),
    ("Ramadan 2010", "gregorian", 2010, 2010),  # no Hijri year reaches 2010
])
def test_find_calendar_year(text, calendar, year, gregorian):
    found = find_calendar_year(text)
    assert (found.calendar, found.year, found.gregorian) == (calendar, year, gregorian)


def test_find_keeps_original_text_and_prefers_marked_year():
    found = find_calendar_year("1404 ق / 1984 م")
    assert found.text == "1404 ق"
    assert find_calendar_year("ص ۱۲۳-۱۴۵") is None  # pages are not years


def test_a_lunar_year_past_the_gregorian_range_is_an_input_error():
    import pytest

    from bibkit.errors import InputError
    from bibkit.text.calendars import lunar_hijri_to_gregorian

    with pytest.raises(InputError, match="out of range"):
        lunar_hijri_to_gregorian(9911)


def test_a_marker_reads_alike_in_every_run():
    """The markers' regex was built from a set, so equal-length markers (`ه.ش.`, `ه. ش`) came
    in hash order: one run kept `1352 هـ.ش.` whole, the next cut its last dot. The run's hash
    seed must not change what is read."""
    import os
    import subprocess
    import sys

    probe = ("from bibkit.text.calendars import find_calendar_year as f; "
             "print(f('1352 هـ.ش.', 'fa').text, f('1372ه.ق.', 'ar').text, sep='|')")
    readings = {subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                               env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip() for seed in range(6)}
    assert readings == {"1352 هـ.ش.|1372ه.ق."}


def test_a_romanized_hijri_month_dates_the_day():
    from bibkit.parse.normalizers import parse_date

    date = parse_date("12 Ramazan 1310.")
    assert date.calendar == "lunar-hijri" and date.parts == [[1893, 3, 30]]
    assert parse_date("3 Zilhicce 1299").parts == [[1882, 10, 16]]
