"""Round trips a user relies on: nothing lost between BibTeX, CSL-JSON and RIS."""

from __future__ import annotations

import json

from bibkit import formats
from bibkit.formats.titles import NOCASE_CLOSE, NOCASE_OPEN
from bibkit.model import Reference


def _read(path, fmt):
    result = formats.read_text(path.read_text("utf-8"), fmt, str(path))
    return result


def _comparable(ref: Reference) -> dict:
    """Every field a user would check; the case protection the writer adds to English titles
    (braces / nocase spans) is normalization, not a change of value."""
    data = json.loads(json.dumps(ref.to_csl(), ensure_ascii=False).replace(NOCASE_OPEN.replace('"', '\\"'), "")
                      .replace(NOCASE_CLOSE, ""))
    data.pop("id", None)
    return data


def test_bibtex_reads_every_entry_and_field(data_dir):
    result = _read(data_dir / "mixed.bib", "biblatex")
    assert result.diagnostics == []
    refs = {r.id: r for r in result.references}
    assert list(refs) == ["saidSharqshenasi1992", "husaynFiShir1926", "goljan2007", "bakhash2004",
                          "jabri1984", "wilson1958", "mahdavi1999", "ettelaat1959"]
    said = refs["saidSharqshenasi1992"]
    assert said.text["publisher-place"] == "Tehran"  # @string resolved
    assert said.names["translator"][0].family == "گواهی"
    assert said.dates["issued"].year == 1992
    assert (said.dates["issued"].raw, said.dates["issued"].calendar) == ("1371", "solar-hijri")
    assert said.language == "fa" and said.text["original-title"] == "Orientalism"
    husayn = refs["husaynFiShir1926"]
    assert husayn.language == "ar"
    assert husayn.forms["title"]["en"].startswith("On Pre-")
    goljan = refs["goljan2007"]
    assert [n.family for n in goljan.names["author"]] == ["Goljan", "Abbasi Nozari"]
    assert goljan.dates["issued"].parts == [[2007, 3]]
    assert goljan.text["issue"] == "1" and goljan.text["page"] == "45–67"
    jabri = refs["jabri1984"]
    assert (jabri.names["author"][0].particle, jabri.names["author"][0].family) == ("al-", "Jābirī")
    wilson = refs["wilson1958"]
    assert wilson.names["translator"][0].family == "Bocz"
    assert wilson.text["archive"] == "Wilson Center Digital Archive"
    assert wilson.text["archive_location"] == "MOL M-KS 288.f.32/1958 7.ó.e."
    assert refs["mahdavi1999"].text["note"] == "Unpublished 50% draft & notes"
    assert refs["mahdavi1999"].text["publisher"] == "University of Oxford"


def test_bibtex_to_csljson_to_bibtex_keeps_every_field(data_dir):
    first = _read(data_dir / "mixed.bib", "biblatex").references
    csl = formats.write(first, "csl-json")
    second = formats.read_text(csl, "csl-json").references
    assert [_comparable(a) for a in first] == [_comparable(b) for b in second]
    bib = formats.write(second, "biblatex")
    third = formats.read_text(bib, "biblatex")
    assert third.diagnostics == []
    assert [_comparable(a) for a in first] == [_comparable(c) for c in third.references]
    # and the text is stable: writing again gives the same bytes
    assert formats.write(third.references, "biblatex") == bib


def test_ris_to_csljson_to_ris_keeps_every_field(data_dir):
    first = _read(data_dir / "mixed.ris", "ris")
    assert first.diagnostics == []
    refs = first.references
    assert refs[0].forms["title"]["en"] == "We and Iraq from the distant past until today"
    assert refs[0].text["keyword"] == "Iran, Iraq" and refs[0].text["note"] == "First note\nSecond note"
    assert refs[1].text["page"] == "4–45" and refs[1].text["DOI"] == "10.1162/jcws_a_01134"
    assert refs[2].names["author"][0].family == "جهانگرد" and refs[2].language == "fa"
    assert refs[2].extra["RIS:ZZ"] == "an unknown tag kept for the way back"
    csl = formats.write(refs, "csl-json")
    back = formats.read_text(formats.write(formats.read_text(csl, "csl-json").references, "ris"), "ris")
    assert back.diagnostics == []
    assert [_comparable(a) for a in refs] == [_comparable(b) for b in back.references]


def test_bibkit_json_round_trip_is_exact(data_dir):
    refs = _read(data_dir / "mixed.bib", "biblatex").references
    text = formats.write(refs, "json")
    again = formats.read_text(text, "json").references
    assert [r.to_json() for r in again] == json.loads(text)
    assert again[0].provenance["title"][0].step == "bibtex"
    assert again[0].provenance["title"][0].origin.endswith("mixed.bib:6")


def test_romanized_forms_survive_biblatex_and_pass_biber_shape():
    from bibkit.parse import parse_reference

    ref = parse_reference("زرین‌کوب، عبدالحسین (۱۳۸۵). تاریخ مردم ایران. تهران: امیرکبیر.")
    assert ref.forms["title"]["fa-Latn-x-ijmes"].startswith("Tār")
    text = formats.write([ref], "biblatex")
    assert 'title+an:ijmes = {="' in text and 'author+an:ijmes = {1="' in text
    back = formats.read_text(text, "biblatex").references[0]
    assert back.forms["title"] == ref.forms["title"]
    assert back.names["author"][0].forms == ref.names["author"][0].forms
    assert back.dates["issued"].calendar == "solar-hijri" and back.dates["issued"].year == 2006


def test_original_script_title_beside_a_romanized_one_survives_biblatex():
    ref = Reference(id="z", type="book")
    ref.text.update({"title": "Tarikh-e mardom-e Iran", "language": "fa"})
    ref.forms["title"] = {"fa": "تاریخ مردم ایران", "fa-Latn-x-ijmes": "Tārīkh-i mardum-i Īrān"}
    text = formats.write([ref], "biblatex")
    assert 'title+an:original = {="تاریخ مردم ایران"}' in text
    assert formats.read_text(text, "biblatex").references[0].forms["title"] == ref.forms["title"]


def test_hijri_year_as_published_reaches_csl_processors_and_ris(data_dir):
    """CSL processors ignore `custom` and RIS has no calendar tag: the Solar Hijri year must
    still travel, as a note line, and come back onto the date when read again."""
    said = next(r for r in _read(data_dir / "mixed.bib", "biblatex").references if r.id == "saidSharqshenasi1992")
    item = json.loads(formats.write([said], "csl-json"))[0]
    assert item["issued"]["date-parts"] == [[1992]]
    assert "Solar Hijri date as published: 1371" in item["note"].split("\n")
    del item["custom"]  # as a processor or another tool that keeps only standard variables would
    back = formats.read_text(json.dumps([item]), "csl-json").references[0]
    assert (back.dates["issued"].raw, back.dates["issued"].calendar) == ("1371", "solar-hijri")
    assert "Hijri" not in back.text.get("note", "")

    ris = formats.write([said], "ris")
    assert "N1  - Solar Hijri date as published: 1371" in ris.splitlines()
    again = formats.read_text(ris, "ris").references[0]
    assert (again.dates["issued"].year, again.dates["issued"].raw, again.dates["issued"].calendar) == (
        1992, "1371", "solar-hijri")
    assert "note" not in again.text


def test_a_hijri_year_written_with_its_marker_is_annotated_once():
    """`1404 AH` as published: the annotation says AH once, and reads back as Lunar Hijri."""
    from bibkit.model import Date

    ref = Reference(id="k", type="book")
    ref.set("title", "Iran", step="test")
    ref.set("issued", Date(parts=[[1983]], raw="1404 AH", calendar="lunar-hijri"), step="test")
    text = formats.write([ref], "biblatex")
    assert 'date+an:calendar = {="1404 AH"}' in text
    back = formats.read_text(text, "biblatex").references[0].dates["issued"]
    assert (back.year, back.calendar) == (1983, "lunar-hijri")
    assert formats.write(formats.read_text(text, "biblatex").references, "biblatex") == text


def test_a_biblatex_date_that_is_not_iso_is_kept_as_written():
    """`/` joins the two ends of a range (1958/1963); `2004/05/12` or `1958/63` is no range and
    was read as one of three or two nonsense ends (written back as `2004/0005/0012`)."""
    for written in ("2004/05/12", "1958/63"):
        text = f"@book{{a, title = {{T}}, date = {{{written}}}}}"
        ref = formats.read_text(text, "biblatex").references[0]
        assert "issued" not in ref.dates
        assert f"date = {{{written}}}" in formats.write([ref], "biblatex")
    ref = formats.read_text("@book{a, title = {T}, date = {1958/1963}}", "biblatex").references[0]
    assert ref.dates["issued"].parts == [[1958], [1963]]


def test_fields_biblatex_does_not_allow_come_back_from_the_addendum():
    """bibkit writes a @misc's pages to `addendum = {pages: 3}` (biblatex allows none there);
    reading its own output must give the pages back, not a note."""
    from bibkit.formats.bibtex import read_bibtex, write_bibtex
    from bibkit.model import Reference

    ref = Reference(id="report1958", type="document")
    ref.set("title", "Report", step="test")
    ref.set("page", "3", step="test")
    ref.set("references", "seen in the archive", step="test")
    written = write_bibtex([ref])
    assert "addendum = {seen in the archive; pages: 3}" in written
    back = read_bibtex(written).references[0]
    assert back.text["page"] == "3" and back.text["references"] == "seen in the archive"
    # values holding `; ` come back whole (the addendum was cut at every `; `)
    ref.set("page", "3; 7", step="test")
    ref.set("ISBN", "978-1; 978-2", step="test")
    back = read_bibtex(write_bibtex([ref])).references[0]
    assert (back.text["page"], back.text["ISBN"]) == ("3; 7", "978-1; 978-2")


def test_a_raw_date_with_an_impossible_month_or_day_is_kept_as_written():
    from bibkit.render.fixes.run import _raw_date

    assert _raw_date({"raw": "1958/63"}) == {"literal": "1958/63"}
    assert _raw_date({"raw": "2004-13"}) == {"literal": "2004-13"}
    assert _raw_date({"raw": "2004/05/12"}) == {"date-parts": [[2004, 5, 12]]}


def test_an_era_written_with_a_hijri_year_is_not_doubled_in_the_annotation():
    from bibkit.formats.bibtex import read_bibtex, write_bibtex
    from bibkit.parse import parse_text

    refs = parse_text("Ibn Khaldun. Al-Muqaddima. Beirut: Dar al-Fikr, 1404 A.H.\n"
                      "ابن خلدون. المقدمة. بیروت: دار الفکر، ۱۴۰۴ هـ.\n", lines=True).references
    text = write_bibtex(refs)
    assert '{="1404 A.H."}' in text and '{="۱۴۰۴ هـ"}' in text and "AH AH" not in text and "هـ AH" not in text
    # and the era written in the annotation says the calendar when read back
    assert [r.dates["issued"].calendar for r in read_bibtex(text).references] == ["lunar-hijri"] * 2


def test_an_empty_csl_date_part_is_no_date_not_the_literal_none():
    """CSL-JSON from other tools has `[[null]]` or `[[""]]` for a missing date: no part and no
    literal (was the literal 'None' or '')."""
    from bibkit.model import Date

    for empty in ([[None]], [[""]], [[" "]], [[None, None]]):
        date = Date.from_csl({"date-parts": empty})
        assert (date.parts, date.literal) == ([], None), empty
    assert Date.from_csl({"date-parts": [[1990, None, ""]]}).parts == [[1990]]
    assert Date.from_csl({"date-parts": [["1990", "5"], [None]]}).parts == [[1990, 5]]
    assert Date.from_csl({"date-parts": [["spring", None]]}).literal == "spring"  # kept as written
    assert Date.from_csl({"date-parts": [["-44"]]}).parts == [[-44]]


def test_citekeys_spell_every_script_and_skip_russian_function_words():
    from bibkit.formats.citekey import base_key
    from bibkit.model import Date, Name

    def key(family: str, title: str, year: int) -> str:
        ref = Reference(id="x", type="book")
        ref.names["author"] = [Name(family=family, given="X.")]
        ref.text["title"] = title
        ref.dates["issued"] = Date(parts=[[year]])
        return base_key(ref)

    assert key("Бартольд", "Туркестан в эпоху монгольского нашествия", 1900) == "bartoldTurkestanEpokhu1900"
    assert key("Prip-Møller", "Chinese Buddhist Monasteries", 1967) == "pripmollerChineseBuddhist1967"


def test_a_bibtex_month_or_day_bibkit_cannot_read_is_kept_not_dropped():
    from bibkit.formats.bibtex import read_bibtex

    text = ("@book{a, title = {A}, year = {1990}, month = {Febr}}\n"
            "@book{b, title = {B}, year = {1991}, month = sep, day = {5}}\n")
    a, b = read_bibtex(text).references
    assert a.dates["issued"].parts == [[1990]] and a.extra["month"] == "Febr"
    assert b.dates["issued"].parts == [[1991, 9, 5]] and "month" not in b.extra
