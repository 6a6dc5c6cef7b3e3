"""Finding the reference list in a pasted document, and parsing what is found."""

from __future__ import annotations

import pytest

from bibkit.parse import parse_reference, parse_text
from bibkit.parse.segment import entry_score, find_entries
from conftest import SHARED

SEEDS = SHARED / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")

ARTICLE = """The study of Iran's foreign policy has a long history. This paper argues that the
coup was a turning point, and that the Shah's government had reasons to fear it.

References
Abrahamian, E. (1982). Iran between two revolutions. Princeton: Princeton University Press.
Keddie, N. R. (2003). Modern Iran: Roots and results of revolution. New Haven: Yale University Press.
زرین‌کوب، عبدالحسین (۱۳۸۵). تاریخ مردم ایران. تهران: امیرکبیر.
"""

PROSE = """It was a cold morning in 1958 when the news reached Baghdad. The officers had moved
before dawn, and by noon the radio was announcing a republic. Nobody in the city knew what the
next years would bring, and few could have guessed that the new order would last only until 1963.
"""


def test_heading_section_is_found_and_split():
    entries = find_entries(ARTICLE)
    assert [e.text.split(",")[0] for e in entries] == ["Abrahamian", "Keddie", "زرین‌کوب، عبدالحسین (۱۳۸۵). تاریخ مردم ایران. تهران: امیرکبیر."]
    assert entries[0].line == 5


def test_prose_yields_no_reference():
    assert find_entries(PROSE) == []
    assert parse_text(PROSE).references == []


def test_wrapped_and_numbered_entries():
    text = "Bibliography\n1. Abrahamian, E. (1982). Iran between two\n   revolutions. Princeton: Princeton University Press.\n2. Keddie, N. R. (2003). Modern Iran. New Haven: Yale University Press.\n"
    entries = find_entries(text)
    assert [e.text for e in entries] == [
        "Abrahamian, E. (1982). Iran between two revolutions. Princeton: Princeton University Press.",
        "Keddie, N. R. (2003). Modern Iran. New Haven: Yale University Press.",
    ]


def test_entry_score_separates_entries_from_prose():
    assert entry_score("Khaduri, M. (1974). The Republican Iraq. Beirut: Al-Dar Al-Muttahida.") >= 0.5
    assert entry_score(PROSE.splitlines()[0] + " " + PROSE.splitlines()[1]) < 0.5


def test_parsed_reference_keeps_source_and_provenance():
    text = "Khaduri, M. (1974). The Republican Iraq. Beirut: Al-Dar Al-Muttahida."
    ref = parse_reference(text)
    assert ref.source == text
    assert ref.dates["issued"].year == 1974
    assert ref.names["author"][0].family == "Khaduri"
    start, end = ref.provenance["author"][-1].span
    assert text[start:end].startswith("Khaduri")
    assert 0 < ref.confidence["*"] <= 1


@needs_seeds
def test_seed_article_has_33_entries():
    text = (SEEDS / "000_4b5fd00a3c834ed1.txt").read_text("utf-8")
    entries = find_entries(text)
    assert len(entries) == 33
    assert entries[0].text.startswith("Ahmadi, F., Saleh, A., & Viyan.")
    assert entries[-1].text.startswith("Vezarat-e Khareje Iran.")


@needs_seeds
def test_seed_essay_without_references_yields_none():
    assert find_entries((SEEDS / "002_0ed6ae6ee1f83c35.txt").read_text("utf-8")) == []
    assert find_entries((SEEDS / "001_98e808fb309887e9.txt").read_text("utf-8")) == []


@needs_seeds
def test_seed_citation_block_is_one_record():
    result = parse_text((SEEDS / "003_5e19db3785d89ebe.txt").read_text("utf-8"))
    assert len(result.references) == 1
    ref = result.references[0]
    assert ref.names["translator"][0].family == "Bocz"
    assert ref.text["URL"] == "https://wilson-center-digital-archive.dvincitest.com/document/122512"
    assert ref.text["archive"] == "Wilson Center Digital Archive"
    assert ref.text["archive_location"].startswith("MOL M-KS 288.f.32/1958")
    assert ref.dates["issued"].parts == [[1958, 12, 18]]
    assert ref.type == "document"


@pytest.mark.parametrize("text, lang, parts, calendar", [
    ("(۱۳۸۵)", "fa", [[2006]], "solar-hijri"),
    ("1351/1972.", "fa", [[1972]], "solar-hijri"),
    ("1397هـ/1977م.", "ar", [[1977]], "lunar-hijri"),
    ("۲۵ آبان ۱۳۹۸", "fa", [[2019, 11, 16]], "solar-hijri"),
    ("14 تموز 1958", "ar", [[1958, 7, 14]], "gregorian"),
    ("(1959, November 28)", None, [[1959, 11, 28]], "gregorian"),
    ("(1958–1963)", None, [[1958], [1963]], "gregorian"),
    ("Decemb. 1990", None, [[1990, 12]], "gregorian"),  # a month cut anywhere
    ("Decline 1990", None, [[1990]], "gregorian"),  # a word a month's stem opens is no month
])
def test_dates_in_every_shape(text, lang, parts, calendar):
    from bibkit.parse.normalizers import parse_date

    date = parse_date(text, lang)
    assert (date.parts, date.calendar) == (parts, calendar)


def test_parse_cli_json_has_language_confidence_and_provenance(run_cli):
    import json

    text = "زرین‌کوب، عبدالحسین (۱۳۸۵). تاریخ مردم ایران. تهران: امیرکبیر.\n"
    result = run_cli("parse", "-", "--lines", "--to", "json", input=text)
    assert result.exit_code == 0
    item = json.loads(result.stdout)[0]
    assert item["language"] == "fa" and item["issued"]["date-parts"] == [[2006]]
    assert item["custom"]["calendar"]["issued"] == "solar-hijri" and item["issued"]["raw"] == "۱۳۸۵"
    assert item["multi"]["_keys"]["title"]["fa-Latn-x-ijmes"].startswith("Tār")
    assert 0 < item["bibkit"]["confidence"]["*"] <= 1
    assert item["bibkit"]["provenance"]["title"][0]["step"] == "normalize.title"
    assert item["bibkit"]["source"] == text.strip()


def test_unparseable_line_is_kept_verbatim_and_exit_1(run_cli):
    result = run_cli("parse", "-", "--lines", "--to", "csl-json", input="!!! ??? ...\n")
    assert result.exit_code == 1
    assert "kept verbatim" in result.stderr and ":1:" in result.stderr
    assert '"note": "!!! ??? ..."' in result.stdout


@pytest.mark.parametrize("text", [
    "Smith, J. (n.d.). The title of a work. Journal of Things, 3(2), 1-10.",
    "Little, D. (Fall), “The United States and the Kurds”, Journal of Cold War Studies.",
    "زرین‌کوب، عبدالحسین (بی‌تا). تاریخ مردم ایران. تهران: امیرکبیر.",
])
def test_dates_without_a_year_do_not_break_the_record(text):
    ref = parse_reference(text)
    assert ref.text.get("title") and ref.type != "document" or ref.warnings


def test_a_short_list_pasted_alone_is_parsed():
    text = ("زرین‌کوب، عبدالحسین (۱۳۸۵). تاریخ مردم ایران. تهران: امیرکبیر.\n"
            "الجابري، محمد عابد (1984). تكوين العقل العربي. بيروت: دار الطليعة.\n")
    assert len(find_entries(text)) == 2
    assert find_entries("Khaduri, M. (1974). The Republican Iraq. Beirut: Al-Dar Al-Muttahida.\n")


def test_a_document_without_references_says_so_on_stderr(run_cli):
    essay = "Iran and Iraq in 1958\n\nThe revolution of July 1958 changed the region. Nothing here is cited.\n"
    result = run_cli("parse", "-", input=essay)
    assert result.exit_code == 0
    assert result.stdout.strip() == ""
    assert "<stdin>: no reference list found" in result.stderr


def test_an_output_path_that_cannot_be_written_is_one_line_and_exit_2(run_cli, tmp_path):
    result = run_cli("parse", "--lines", "-", "-o", str(tmp_path / "missing" / "out.bib"),
                     input="Khadduri, Majid. Republican Iraq. London: Oxford University Press, 1969.\n")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"bibkit: error: cannot write {tmp_path / 'missing' / 'out.bib'}: "
                                                  "No such file or directory"]


def test_a_short_list_with_a_gregorian_year_in_arabic_digits_is_found_whole():
    text = ("Khadduri, Majid. Republican Iraq. London: Oxford University Press, 1969.\n"
            "Khaduri, M. (1969). Republican Iraq. London: OUP.\n"
            "قاسم، عبد الكريم. مبادئ ثورة ١٤ تموز. بغداد، ١٩٥٩.\n")
    assert [e.text[:6] for e in find_entries(text)] == ["Khaddu", "Khadur", "قاسم، "]


@pytest.mark.parametrize("heading", ["پی‌نوشت‌ها", "Notes", "Appendix", "الهوامش"])
def test_the_list_ends_at_the_next_sections_heading(heading):
    """Notes or an appendix after the reference list are not more entries (the last entry
    had taken the heading into its publisher, and each note became an entry)."""
    text = ("منابع\n۱. آدمیت، فریدون (۱۳۵۵). ایدئولوژی نهضت مشروطیت ایران. تهران: پیام.\n"
            "۲. ملک‌زاده، مهدی (۱۳۶۳). تاریخ انقلاب مشروطیت ایران. ج ۱. تهران: علمی.\n\n"
            f"{heading}\n۱. این نکته را آدمیت نیز یادآور شده است، چنانکه در سال ۱۳۵۵ نوشت.\n")
    entries = find_entries(text)
    assert len(entries) == 2 and entries[-1].text.endswith("تهران: علمی.")


def test_a_pdf_page_break_inside_the_list_adds_no_entry():
    """A page number alone and a running head with its page number set off by a wide gap, copied
    from a PDF between two entries (one wrapped across the break), are no references."""
    doc = ("References\n"
           "Lambton, A. K. S. (1953). Landlord and Peasant in Persia. London: Oxford University Press.\n"
           "Keddie, N. R. (1981). Roots of Revolution. New Haven: Yale\n"
           "Journal of Persianate Studies 12 (2019)                                 145\n"
           "    University Press.\n"
           "— 146 —\n"
           "مینوی، مجتبی (۱۳۵۱). پانزده گفتار. تهران: توس.\n"
           "صفحه ۱۴۷\n"
           "Bakhash, S. (1984). The Reign of the Ayatollahs. New York: Basic Books.\n")
    entries = find_entries(doc)
    assert len(entries) == 4
    assert entries[1].text == "Keddie, N. R. (1981). Roots of Revolution. New Haven: Yale University Press."
    assert not any("145" in e.text or "146" in e.text or "۱۴۷" in e.text for e in entries)


def test_entries_wrapped_without_indents_are_joined():
    """Copied from a PDF, a list loses its hanging indents: a line continues the entry above
    unless the entry could end there and the line opens with names (or, after a stop, reads as
    a whole entry that is no imprint)."""
    doc = ("Bibliography\n"
           "Afary, Janet. The Iranian Constitutional Revolution, 1906–1911: Grassroots Democracy,\n"
           "Social Democracy, and the Origins of Feminism. New York: Columbia University Press,\n"
           "1996.\n"
           "Amanat, Abbas. Pivot of the Universe: Nasir al-Din Shah Qajar and the Iranian\n"
           "Monarchy, 1831–1896. Berkeley: University of California Press, 1997.\n"
           "Keddie, Nikki R. Religion and Rebellion in Iran: The Tobacco Protest of 1891–1892.\n"
           "London: Frank Cass, 1966.\n"
           "آدمیت، فریدون (۱۳۵۵). فکر آزادی و مقدمهٔ نهضت\n"
           "مشروطیت ایران. تهران: سخن.\n")
    entries = find_entries(doc)
    assert [e.text.split(",")[0].split("،")[0] for e in entries] == ["Afary", "Amanat", "Keddie", "آدمیت"]
    assert entries[0].text.endswith("Columbia University Press, 1996.")
    assert entries[2].text.endswith("London: Frank Cass, 1966.")
    assert entries[3].text == "آدمیت، فریدون (۱۳۵۵). فکر آزادی و مقدمهٔ نهضت مشروطیت ایران. تهران: سخن."


def test_a_list_of_one_entry_a_line_without_final_stops_stays_one_entry_a_line():
    doc = ("References\n"
           "Abrahamian, E. (1982). Iran between two revolutions. Princeton University Press\n"
           "Afary, J. (1996). The Iranian constitutional revolution, 1906-1911. Columbia University Press\n"
           "Amanat, A. (1997). Pivot of the universe. University of California Press\n"
           "Keddie, N. R. (1966). Religion and rebellion in Iran. Frank Cass\n")
    assert len(find_entries(doc)) == 4


@pytest.mark.parametrize(("line", "names"), [
    ("Harrison R.M., Stedman J. and Derwent D. 2008. Title", True),  # Vancouver with initials
    ("T. Tiedje, E. Yablonovitch, G. D. Cody, IEEE Trans.", True),  # initials first
    ("D. H. van Hessem, C. W. Scherer, and O. H. Bosgra, “LMI", True),
    ("S. Gallagher and J. R. Heberger, “Examining", True),
    ("COLLECTIF. L'évaluation des pratiques", True),  # an all-caps author
    ("al-Bannā, Ḥasan. Mudhakkirāt al-daʿwa", True),
    ("Ibn Khaldun. Kitab al-ʿIbar. Beirut: Dar al-Kitab", True),  # one name after ibn
    ("هجری. تهران: زوار.", False),  # a calendar word wrapped from the line above, no name
    ("تهران: نشر نی، ۱۳۸۵.", False),  # an imprint
    ("Abū Dīb, Kamāl. Jadaliyyat al-khafāʾ", True),
    ("الجاحظ. كتاب الحيوان، تحقيق", True),
    ("International Crisis Group (2018). Iran's Priorities", True),  # an institution, APA's year
    ("Journal of Rehabilitation, Research and Development 38", False),  # `of` is no name particle
    ("Social Democracy, and the Origins of Feminism.", False),
    ("Monarchy, 1831–1896. Berkeley: University", False),
])
def test_what_opens_an_entry_with_names(line, names):
    from bibkit.parse.segment import _opens_with_names

    assert _opens_with_names(line) is names


def test_a_wrapped_line_after_an_initial_or_an_abbreviation_continues_the_entry():
    from bibkit.parse.segment import _opens_an_entry

    assert not _opens_an_entry("Murphy, A. J. Sierakowski, 2001.", ["O. Ambacher, B. Foutz, K. Chu, M."])
    assert not _opens_an_entry("Electron Devices 1984, 31, 711.", ["T. Tiedje, E. Yablonovitch, IEEE Trans."])
    assert not _opens_an_entry("Earthquake Engineering & Structural Dynamics, 34(12):1489–1511.",
                               ["Ibarra, L. F. (2005). Hysteretic models that incorporate deterioration."])
    assert _opens_an_entry("U.S. Department of State. Foreign Relations, 1958–1960. Washington, DC: GPO, 1993.",
                           ["Chubin, Shahram. The Foreign Relations of Iran. Berkeley: California, 1974."])


def test_given_names_first_open_an_entry_when_the_first_is_a_known_given_name():
    from bibkit.parse.segment import _opens_with_names

    assert _opens_with_names("Louay Saleh, Philippe Chevrel, and Franck Mars. Shared steering")
    assert _opens_with_names("Ervand Abrahamian, Iran Between Two Revolutions (Princeton")
    assert not _opens_with_names("Social Democracy, and the Origins of Feminism.")


def test_a_wrapped_list_without_a_heading_is_found_and_the_prose_after_it_left_out():
    doc = ("The sources below were consulted for this chapter, and they are listed in the order in\n"
           "which the chapter uses them rather than by author.\n\n"
           "Abrahamian, Ervand. Iran Between Two Revolutions. Princeton: Princeton University\n"
           "Press, 1982.\n"
           "Afary, Janet. The Iranian Constitutional Revolution, 1906–1911. New York: Columbia\n"
           "University Press, 1996.\n"
           "Bayat, Mangol. Iran's First Revolution: Shi'ism and the Constitutional Revolution of\n"
           "1905–1909. New York: Oxford University Press, 1991.\n\n"
           "This paragraph follows the list and says which of the sources were used most, and it is\n"
           "not a reference either, though it wraps onto a second line that has no stop at its end\n")
    entries = find_entries(doc)
    assert [e.text.split(",")[0] for e in entries] == ["Abrahamian", "Afary", "Bayat"]
    assert entries[-1].text.endswith("New York: Oxford University Press, 1991.")


def test_prose_about_dated_events_and_cited_authors_is_no_list():
    doc = ("The coup of August 1953 ended the premiership of Mohammad Mosaddegh. In the years that\n"
           "followed, the Shah consolidated power, relying on the army, the SAVAK (founded in 1957), and\n"
           "American aid. Historians such as Abrahamian (1982) and Keddie (1981) have argued that the\n"
           "White Revolution of 1963 transformed rural Iran, though its effects were uneven. Land reform,\n"
           "literacy corps, and the enfranchisement of women were its headline measures; Gasiorowski,\n"
           "writing in 1991, stresses the role of foreign patrons. By 1977, inflation, migration to the\n"
           "cities, and the alienation of the clergy had prepared the ground for revolution.\n\n"
           "در سال ۱۳۳۲ دولت مصدق سقوط کرد. پس از آن، شاه با تکیه بر ارتش و ساواک (تأسیس ۱۳۳۶)\n"
           "قدرت خود را تثبیت کرد. مورخانی چون آبراهامیان (۱۳۷۷) و کدی (۱۳۸۳) نشان داده‌اند که\n"
           "انقلاب سفید در ۱۳۴۱ روستاهای ایران را دگرگون کرد، هرچند آثار آن یکسان نبود.\n")
    assert find_entries(doc) == []


def test_a_list_numbered_with_bare_numbers_and_wrapped_lines():
    doc = ("References\n"
           "1 Abrahamian E. Iran Between Two Revolutions. Princeton: Princeton University Press;\n"
           "1982.\n"
           "2 Keddie NR. Roots of Revolution: An Interpretive History of Modern Iran. New Haven:\n"
           "Yale University Press; 1981.\n"
           "3 Amanat A. Pivot of the Universe. Berkeley: University of California Press; 1997.\n")
    entries = find_entries(doc)
    assert [e.text for e in entries] == [
        "Abrahamian E. Iran Between Two Revolutions. Princeton: Princeton University Press; 1982.",
        "Keddie NR. Roots of Revolution: An Interpretive History of Modern Iran. New Haven: Yale University Press; 1981.",
        "Amanat A. Pivot of the Universe. Berkeley: University of California Press; 1997."]


def test_numbered_entries_count_up_through_wrapped_lines_that_start_with_numbers():
    doc = ("Some words before the list that are not a reference, written as a sentence of prose.\n\n"
           "1 Wilson, I. and B. Gick. Bilinguals use language-specific articulatory settings. J Speech\n"
           "Lang Hear Res 57 (2014): 361–373. doi: 10.\n"
           "1044/2013_JSLHR-S-12-0345.\n"
           "2 James, W. The Will to Believe and Other Essays in Popular Philosophy. New York:\n"
           "1998. Longmans, Green, and Co.\n"
           "3 Keddie, N. R. Roots of Revolution. New Haven: Yale University Press, 1981.\n"
           "7 Amanat, A. Pivot of the Universe. Berkeley: University of California Press, 1997.\n")
    entries = find_entries(doc)  # no heading: the numbers 1, 2, 3 … mark the list
    assert [e.text.split(",")[0] for e in entries] == ["Wilson", "James", "Keddie", "Amanat"]
    assert entries[0].text.endswith("doi: 10. 1044/2013_JSLHR-S-12-0345.")
    assert entries[1].text.endswith("New York: 1998. Longmans, Green, and Co.")


def test_numbered_notes_with_back_references_are_no_reference_list():
    doc = ("Notes follow.\n\n"
           "1 Abrahamian, E. Iran Between Two Revolutions. Princeton: Princeton University Press, 1982, 45.\n"
           "2 Ibid., 52.\n"
           "3 Keddie, N. R. Roots of Revolution. New Haven: Yale University Press, 1981, 12.\n")
    from bibkit.parse.segment import find_sections

    assert find_sections(doc) == []


def test_a_place_wrapped_onto_its_own_line_does_not_end_the_list():
    doc = ("References\n"
           "Mitchell, Timothy. Colonising Egypt. Cambridge: Cambridge University Press, 1988.\n"
           "Bayat, Asef. Life as Politics: How Ordinary People Change the Middle East. Stanford:\n"
           "Stanford University Press, 2010.\n"
           "Naficy, Hamid. The Making of Exile Cultures: Iranian Television in Los Angeles.\n"
           "Minneapolis:\n"
           "University of Minnesota Press, 1993.\n"
           "Shayegan, Daryush. Cultural Schizophrenia. London: Saqi, 1992.\n")
    entries = find_entries(doc)
    assert len(entries) == 4
    assert entries[2].text.endswith("Minneapolis: University of Minnesota Press, 1993.")


def test_a_line_ending_well_short_of_the_column_ends_its_entry():
    """Copied from a PDF, an entry's last line stops short of the column; its wrapped lines run
    to the edge. An entry with no date, then one opening with an institution, are told apart by
    that alone; a short line that cannot end an entry (`Stanford:`) goes on."""
    doc = ("References\n"
           "Mitchell, Timothy. Colonising Egypt. Cambridge: Cambridge University Press, 1988.\n"
           "Bayat, Asef. Life as Politics: How Ordinary People Change the Middle East. Stanford:\n"
           "Stanford University Press.\n"
           "World Bank. Iran: Country Economic Memorandum. Washington, DC: World Bank,\n"
           "2001.\n"
           "Naficy, Hamid. The Making of Exile Cultures: Iranian Television in Los Angeles.\n"
           "Minneapolis:\n"
           "University of Minnesota Press, 1993.\n")
    entries = [e.text for e in find_entries(doc)]
    assert [text.split(".")[0].split(",")[0] for text in entries] == ["Mitchell", "Bayat", "World Bank", "Naficy"]
    assert entries[1].endswith("Stanford: Stanford University Press.")
    assert entries[2].endswith("Washington, DC: World Bank, 2001.")


def test_column_width_is_told_apart_for_arabic_script_lines():
    from bibkit.parse.segment import _column_widths

    lines = ["Mitchell, Timothy. Colonising Egypt. Cambridge: Cambridge University Press, 1988."] * 4 \
        + ["آدمیت، فریدون (۱۳۵۵). فکر آزادی و مقدمهٔ نهضت"] * 2
    assert _column_widths(lines) == {False: 81}  # two Arabic-script lines tell no width


def test_a_numbered_list_entry_may_open_with_the_dash_repeating_the_authors():
    doc = ("1 Mitchell, T. Colonising Egypt. Cambridge: Cambridge University Press, 1988.\n"
           "2 ———. Rule of Experts: Egypt, Techno-Politics, Modernity. Berkeley: University of\n"
           "California Press, 2002.\n"
           "3 Bayat, A. Life as Politics. Stanford: Stanford University Press, 2010.\n")
    assert [e.text[:8] for e in find_entries(doc)] == ["Mitchell", "———. Rul", "Bayat, A"]


def test_a_numbered_list_with_a_number_left_out_still_counts_up():
    doc = ("1 Mitchell, T. Colonising Egypt. Cambridge: Cambridge University Press, 1988.\n"
           "2 Bayat, A. Life as Politics: How Ordinary People Change the Middle East.\n"
           "Stanford: Stanford University Press, 2010.\n"
           "4 Naficy, H. The Making of Exile Cultures. Minneapolis: University of Minnesota\n"
           "Press, 1993.\n"
           "5 Shayegan, D. Cultural Schizophrenia. London: Saqi, 1992.\n")
    assert [e.text.split(",")[0] for e in find_entries(doc)] == ["Mitchell", "Bayat", "Naficy", "Shayegan"]


def test_an_entry_ending_with_its_no_date_mark_is_complete():
    from bibkit.parse.segment import _opens_an_entry

    assert _opens_an_entry("المجلسي، محمد باقر. بحار الأنوار. بيروت: مؤسسة الوفاء، ١٤٠٣هـ.",
                           ["كحالة، عمر رضا. معجم المؤلفين. بيروت: مكتبة المثنى، د. ت"])


def test_a_short_wrapped_list_is_joined_and_a_line_of_symbols_kept_apart(run_cli, tmp_path):
    """Two entries, one wrapped (a single open line end is enough), a page number, and a line of
    symbols that no entry can end with: it stays its own entry, kept verbatim and reported."""
    doc = tmp_path / "list.txt"
    doc.write_text("References\n"
                   "Abrahamian, Ervand. Iran Between Two Revolutions. Princeton: Princeton University\n"
                   "Press, 1982.\n"
                   "145\n"
                   "Keddie, Nikki R. Roots of Revolution. New Haven: Yale University Press, 1981.\n"
                   "%%%% ####\n", "utf-8")
    entries = find_entries(doc.read_text("utf-8"))
    assert [e.text for e in entries] == [
        "Abrahamian, Ervand. Iran Between Two Revolutions. Princeton: Princeton University Press, 1982.",
        "Keddie, Nikki R. Roots of Revolution. New Haven: Yale University Press, 1981.",
        "%%%% ####"]
    result = run_cli("parse", str(doc))
    assert result.exit_code == 1 and "kept verbatim" in result.stderr


def test_a_number_wrapped_onto_its_own_line_stays_with_its_entry():
    """A lone number is a page number copied from a PDF, unless the line before ends open and
    the next entry follows it: then it is the entry's last page, wrapped (nothing is dropped)."""
    doc = ("References\n"
           "Harrison, F. A. et al. 2005. The NuSTAR mission. Experimental Astronomy, 20,\n"
           "131\n"
           "Hasegawa, T., Wakamatsu, K. and Malkan, M. 2000. Galaxies in the southern sky. Monthly\n"
           "Notices, 316, 326\n"
           "214\n"
           "Okamura, S. 2000. A survey of faint galaxies. MNRAS, 317, 12.\n")
    entries = [e.text for e in find_entries(doc)]
    assert entries[0].endswith("Experimental Astronomy, 20, 131")
    assert entries[1].endswith("Monthly Notices, 316, 326")  # `214` after a closed line: the page's number
    assert len(entries) == 3


def test_parse_text_hands_the_entries_to_a_progress_wrapper():
    """The CLI's progress bar wraps the entries `parse_text` found; every one is still parsed."""
    seen = []

    def progress(entries):
        seen.append(len(entries))
        return iter(entries)

    result = parse_text("Beckett, Samuel. Murphy. London: Routledge, 1938.\n"
                        "Joyce, James. Ulysses. Paris: Shakespeare and Company, 1922.\n", lines=True, progress=progress)
    assert seen == [2]
    assert [ref.text["title"] for ref in result.references] == ["Murphy", "Ulysses"]
