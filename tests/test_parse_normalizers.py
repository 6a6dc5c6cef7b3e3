"""Field normalizers: what a user sees in a field after parsing a messy string."""

from __future__ import annotations

import re

import pytest

from bibkit.parse.normalizers import clean_imprint, clean_title


def test_line_break_hyphens_are_rejoined_in_titles_and_imprints():
    assert clean_imprint("Cornell Uni- versity Press.") == "Cornell University Press"
    assert clean_title("Integrated pho- tonic circuits.") == "Integrated photonic circuits"
    assert clean_title("The Baron- Cohen test") == "The Baron-Cohen test"


def test_suspended_hyphens_stay():
    assert clean_title("Pre- and post-war Iran") == "Pre- and post-war Iran"
    assert clean_title("Lehr- und Lernmittel") == "Lehr- und Lernmittel"


def test_a_run_on_title_before_an_access_cue_does_not_loop():
    """`… is available in proceedings of …` after a second title: the cue opens the next
    segment, so the title does not run on (this once looped forever)."""
    from bibkit.parse import parse_reference

    ref = parse_reference("j. smith. a study of learning machines. technical report tm-12, 1989 a preliminary "
                          "version is available in proceedings of the annual symposium on theory, pages 46-51, may")
    assert ref.text["title"].startswith("a study of learning machines")


def test_a_hijri_year_no_calendar_can_convert_is_kept_as_written():
    from bibkit.parse import parse_reference

    ref = parse_reference("فلانی، علی. کتاب نمونه. تهران: نشر، 9911 هـ.ق.")
    assert ref.text["title"] == "کتاب نمونه"
    assert "9911" in (ref.dates["issued"].literal or "")


def _volume_fields(text: str) -> tuple[str | None, str | None]:
    from bibkit.model import Reference
    from bibkit.parse.normalizers import Segment, normalize_volume

    ref = Reference()
    normalize_volume(ref, {"volume": [Segment(text, 0, len(text), 1.0)]})
    return ref.text.get("volume"), ref.text.get("issue")


def test_a_volume_number_before_an_issue_marker_is_the_volume():
    assert _volume_fields("93, no. 4") == ("93", "4")
    assert _volume_fields("128, n° 7") == ("128", "7")
    assert _volume_fields("Vol. 25, No. 2") == ("25", "2")
    assert _volume_fields("(19)") == (None, "19")


def test_a_page_range_after_the_volume_and_a_comma_is_the_pages_not_an_issue():
    from bibkit.model import Reference
    from bibkit.parse.normalizers import Segment, normalize_pages, normalize_volume

    ref, fields = Reference(), {"volume": [Segment("7,91-99.", 0, 8, 1.0)]}
    normalize_volume(ref, fields)
    normalize_pages(ref, fields)
    assert (ref.text.get("volume"), ref.text.get("issue"), ref.text.get("page")) == ("7", None, "91–99")
    assert _volume_fields("12, 3") == ("12", "3")  # a lone number after the comma stays the issue


def test_roman_volumes_are_read_but_not_lone_letters():
    assert _volume_fields("XLI") == ("XLI", None)
    assert _volume_fields("v. XXVII,") == ("XXVII", None)
    assert _volume_fields("IX (") == ("IX", None)
    assert _volume_fields("C") == (None, None)  # a letter, not the number 100
    assert _volume_fields("vol. iv") == ("iv", None)  # after a cue, either case
    assert _volume_fields("Bd. III, Heft 2") == ("III", "2")
    assert _volume_fields("Band 4") == ("4", None) and _volume_fields("tome 2") == ("2", None)
    assert _volume_fields("Vol. Ideas") == (None, None)  # no empty numeral after the cue


def test_a_roman_numeral_after_the_journal_is_moved_to_the_volume():
    from bibkit.model import Reference
    from bibkit.parse.normalizers import Segment
    from bibkit.parse.repairs import volume_from_tail

    text = "Journal of Psychology, XXVII,"
    fields = {"journal": [Segment(text, 0, len(text), 0.9)]}
    volume_from_tail(Reference(), fields)
    assert [s.text for s in fields["journal"]] == ["Journal of Psychology"]
    assert [s.text for s in fields["volume"]] == ["XXVII"]
    kept = {"journal": [Segment("Studies of World War II", 0, 23, 0.9)]}  # no comma: the title's own numeral
    volume_from_tail(Reference(), kept)
    assert "volume" not in kept


def test_a_date_the_labeller_cut_into_pieces_is_rejoined():
    from bibkit.model import Reference
    from bibkit.parse.normalizers import Segment
    from bibkit.parse.repairs import date_only_segment

    source = '"Report", December 18, 1958, Wilson Center'
    fields = {"title": [Segment('"Report",', 0, 9, 0.9)], "journal": [Segment("December", 10, 18, 0.5)],
              "volume": [Segment("18,", 19, 22, 0.5)], "date": [Segment("1958,", 23, 28, 0.9)]}
    date_only_segment(Reference(source=source), fields)
    assert [s.text for s in fields["date"]] == ["December 18, 1958,"]
    assert "journal" not in fields and "volume" not in fields


def test_the_last_author_after_and_initials_is_taken_back_from_the_journal():
    from bibkit.model import Reference
    from bibkit.parse.normalizers import Segment
    from bibkit.parse.repairs import name_runs_on

    source = "J. S. Speck, and U. K. Mishra, Appl. Phys. Lett. 77"
    fields = {"author": [Segment("J. S. Speck, and U. K.", 0, 22, 0.9)],
              "journal": [Segment("Mishra, Appl. Phys. Lett.", 23, 48, 0.6)]}
    name_runs_on(Reference(source=source), fields)
    assert [s.text for s in fields["author"]] == ["J. S. Speck, and U. K. Mishra,"]
    assert [s.text for s in fields["journal"]] == ["Appl. Phys. Lett."]


def _segments(source: str, **labelled: str) -> dict:
    """Fields from `label=text` pairs, each text found in `source` in order (a label given twice
    is written the second time with a trailing space: `**{"location ": …}`; `container_title`
    is the labeller's `container-title`, `archive_location` its own spelling)."""
    from bibkit.parse.normalizers import Segment

    fields, pos = {}, 0
    for label, text in labelled.items():
        start = source.index(text, pos)
        label = label.strip()
        label = label if label == "archive_location" else label.replace("_", "-")
        fields.setdefault(label, []).append(Segment(text, start, start + len(text), 0.9))
        pos = start + len(text)
    return fields


def _repaired(repair, source: str, **labelled: str) -> dict:
    """The fields of `source` labelled as given (see `_segments`), after one repair ran."""
    from bibkit.model import Reference

    fields = _segments(source, **labelled)
    repair(Reference(source=source), fields)
    for segs in fields.values():  # a segment's text is always the source's at its offsets
        assert all(source[seg.start:seg.end] == seg.text for seg in segs), segs
    return fields


def _pages(text: str) -> str | None:
    from bibkit.model import Reference
    from bibkit.parse.normalizers import normalize_pages

    ref = Reference()
    normalize_pages(ref, _segments(text, pages=text))
    return ref.text.get("page")


def test_page_ranges_with_letters_lost_dashes_and_lists():
    assert _pages("EL342-EL346") == "EL342–EL346"
    assert _pages("451?454") == "451–454"  # an en dash lost in a PDF copy
    assert _pages("pp. 81-131, 208-241.") == "81–131, 208–241"
    assert _pages("pp. 142-46") == "142–146"
    assert _pages("p. 19") == "19"


def test_a_range_with_spaces_at_its_dash_is_one_token_and_one_page_range():
    from bibkit.parse import parse_reference
    from bibkit.parse.tokens import tokenize

    assert [t.text for t in tokenize("pp. 1309– 1321, 2010.")] == ["pp.", "1309–1321,", "2010."]
    assert [t.text for t in tokenize("Smith - Jones")] == ["Smith", "-", "Jones"]  # not a number range
    ref = parse_reference("Kang, W. “A novel method for uniaxial tests.” Journal of Microsystems, vol. 19, "
                          "pp. 1309 – 1321, 2010.")
    assert ref.text["page"] == "1309–1321"
    assert ref.dates["issued"].year == 2010


def test_a_title_head_read_as_the_last_author_goes_back_to_the_title():
    from bibkit.parse.repairs import author_tail_opens_title

    def repaired(source: str, author: str, title: str) -> tuple[list[str], list[str]]:
        fields = _repaired(author_tail_opens_title, source, author=author, title=title)
        return [s.text for s in fields["author"]], [s.text for s in fields["title"]]

    source = "Abrahamian, Ervand M. Confessions: Prisons and Recantations. Berkeley: UC Press, 1999."
    assert repaired(source, "Abrahamian, Ervand M. Confessions:", "Prisons and Recantations.") == (
        ["Abrahamian, Ervand M."], ["Confessions: Prisons and Recantations."])
    source = "Keddie, N., “Iran: Religion, Politics,” Tehran, 1980."
    assert repaired(source, "Keddie, N., “Iran: Religion,", "Politics,”") == (
        ["Keddie, N.,"], ["“Iran: Religion, Politics,”"])
    source = "AM Trinkoff, JA Lipscomb and BA Brady: Physical demands in nurses. Am J Prev Med 24"
    assert repaired(source, "AM Trinkoff, JA Lipscomb and BA Brady:", "Physical demands in nurses.")[0] == [
        "AM Trinkoff, JA Lipscomb and BA Brady:"]  # names before the colon stay names
    source = "Daugherty CK, Hlubocky FJ: What are patients told? Cancer 12"
    assert repaired(source, "Daugherty CK, Hlubocky FJ:", "What are patients told?")[0] == [
        "Daugherty CK, Hlubocky FJ:"]


def test_a_title_head_read_as_a_date_and_years_ending_a_title_go_back_to_the_title():
    from bibkit.model import Reference
    from bibkit.parse.repairs import title_head_read_as_date, year_range_ends_title

    source = "Rowland, Susan. Jung: A Feminist Revision. Malden: Blackwell, 2002."
    fields = _segments(source, author="Rowland, Susan.", date="Jung:", title="A Feminist Revision.")
    fields["date"].append(_segments(source, date="2002.")["date"][0])
    title_head_read_as_date(Reference(source=source), fields)
    assert [s.text for s in fields["title"]] == ["Jung: A Feminist Revision."]
    assert [s.text for s in fields["date"]] == ["2002."]

    source = "Keddie, N. Qajar Iran and the Rise of Reza Khan, 1796-1925. Costa Mesa: Mazda, 1999."
    fields = _repaired(year_range_ends_title, source, author="Keddie, N.", title="Qajar Iran and the Rise of Reza Khan,", pages="1796-1925.",
                       location="Costa Mesa:")
    assert [s.text for s in fields["title"]] == ["Qajar Iran and the Rise of Reza Khan, 1796-1925."]
    assert "pages" not in fields
    journal = "Keddie, N. Iran, 1796-1925. Iranian Studies, 12."
    fields = _segments(journal, title="Iran,", pages="1796-1925.", journal="Iranian Studies,")
    year_range_ends_title(Reference(source=journal), fields)  # an article's pages stay pages
    assert [s.text for s in fields["pages"]] == ["1796-1925."]


def test_a_container_after_vol_n_of_loses_its_of():
    from bibkit.parse.normalizers import clean_container

    assert clean_container("of Oeuvres complètes.") == "Oeuvres complètes"
    assert clean_container("Of Mice and Men") == "Of Mice and Men"


def test_a_bare_last_initial_keeps_its_full_stop():
    from bibkit.parse.normalizers import split_names

    assert [n.display() for n in split_names("Brim, Orville G. and others.")] == ["Brim, Orville G."]
    assert [n.display() for n in split_names("Smith, John A.")] == ["Smith, John A."]
    assert [n.display() for n in split_names("Kang, W")] == ["Kang, W."]
    assert [n.display() for n in split_names("Milcent, P.-Y")] == ["Milcent, P.-Y."]
    assert [n.display() for n in split_names("Хомская, Е.Д")] == ["Хомская, Е.Д."]
    assert [n.display() for n in split_names("Barrett, Roby")] == ["Barrett, Roby"]


def test_a_lunar_hijri_date_with_a_three_digit_year_and_a_month_is_read():
    """`رمضان 850 هـ` once crashed the date reader (it looked for a four-digit year)."""
    from bibkit.parse.normalizers import parse_date

    date = parse_date("رمضان 850 هـ")
    assert date.calendar == "lunar-hijri" and date.parts == [[1446, 12]]
    assert parse_date("۲۵ آبان ۱۳۹۸").parts == [[2019, 11, 16]]


def test_generational_suffixes_are_suffixes_not_initials():
    from bibkit.parse.normalizers import split_names

    def parts(text: str) -> list[tuple]:
        return [(n.family, n.given, n.suffix) for n in split_names(text)]

    assert parts("Smith III, John") == [("Smith", "John", "III")]  # was given `I.I.I.` and a name `John`
    assert parts("Smith, John, Junior") == [("Smith", "John", "Junior")]  # was `Junior.`
    assert parts("Koshland Jr., D. E.") == [("Koshland", "D. E.", "Jr.")]
    assert parts("Smith JR") == [("Smith", "J.R.", None)]  # Vancouver initials stay initials


def test_editor_and_translator_cues_say_where_each_role_starts_and_ends():
    from bibkit.parse.repairs import roles_split_at_cues

    source = "Fleck, L. Genesis. Edited by Thaddeus J. Trenn and Robert K. Merton. Translated by Frederick Bradley. Chicago"
    fields = _repaired(roles_split_at_cues, source, editor="Edited by Thaddeus J.",
                       translator="Trenn and Robert K. Merton. Translated by Frederick Bradley.")
    assert [s.text for s in fields["editor"]] == ["Edited by Thaddeus J. Trenn and Robert K. Merton. "]
    assert [s.text for s in fields["translator"]] == ["Translated by Frederick Bradley."]

    source = "Sari, L. “Race.” Gender in Film, edited by Michael Stevenson. Peter Lang, 2000."
    fields = _repaired(roles_split_at_cues, source, editor="edited by Michael Stevenson. Peter Lang,", date="2000.")
    assert [s.text for s in fields["editor"]] == ["edited by Michael Stevenson. "]
    assert [s.text for s in fields["publisher"]] == ["Peter Lang,"]

    source = "Said, E. Orientalism. edited by Stuart Hall. Routledge,"  # a short family name ends them too
    fields = _repaired(roles_split_at_cues, source, editor="edited by Stuart Hall. Routledge,")
    assert [s.text for s in fields["editor"]] == ["edited by Stuart Hall. "]

    source = "Said, E. Orientalism. Ed. by J. R. R. Tolkien Jr. Penguin"  # initials and Jr. do not end the names
    fields = _repaired(roles_split_at_cues, source, editor="Ed. by J. R. R. Tolkien Jr.")
    assert [s.text for s in fields["editor"]] == ["Ed. by J. R. R. Tolkien Jr."]


def test_glued_punctuation_and_odd_dashes_are_read_as_print_means_them():
    from bibkit.parse.tokens import tokenize

    assert [t.text for t in tokenize("(2015).Reading instruction")] == ["(2015).", "Reading", "instruction"]
    assert [t.text for t in tokenize("J. Geophys. Res.,104, 16115")] == ["J.", "Geophys.", "Res.,", "104,", "16115"]
    assert [t.text for t in tokenize("بدیع‌الزمان. ۱۳۴۶.شرح مثنوی")] == ["بدیع\u200cالزمان.", "۱۳۴۶.", "شرح", "مثنوی"]
    assert [t.text for t in tokenize("Said, Edward. Orientalism.New York")] == ["Said,", "Edward.", "Orientalism.", "New", "York"]
    assert [t.text for t in tokenize("www.example.com e.g.The")] == ["www.example.com", "e.g.The"]
    spaced = tokenize("Amanat , Abbas . Resurrection : Renewal ; تهران ، نشر")  # a PDF's spacing
    assert [t.text for t in spaced] == ["Amanat,", "Abbas.", "Resurrection:", "Renewal;", "تهران،", "نشر"]
    assert (spaced[0].start, spaced[0].end) == (0, len("Amanat ,"))
    url = "http://data.worldbank.org/Data.Catalog/World-Development-Indicators"
    assert [t.text for t in tokenize(f"{url} john.Smith@example.org")] == [url, "john.Smith@example.org"]
    assert _pages("8213−8223") == "8213–8223"  # a minus sign
    assert _pages("125\u00ad140") == "125–140"  # a soft hyphen left by a PDF
    assert _pages("1O-15") == "10–15"  # OCR's letters for digits
    assert _pages("l5-2O") == "15–20"
    assert _pages("S2-S9") == "S2–S9"  # a page's letters stay


def test_a_page_cue_alone_takes_back_its_number_from_the_date():
    from bibkit.parse.repairs import page_cue_alone

    source = "Rosson, B. T. Arches. Eng. Struct., vol. 20, pp. 1424, Jan. 1998"
    fields = _repaired(page_cue_alone, source, pages="pp.", date="1424, Jan. 1998")
    assert [s.text for s in fields["pages"]] == ["pp. 1424,"]
    assert [s.text for s in fields["date"]] == ["Jan. 1998"]
    source = "Smith, J. Arches. pp. 1998"  # no year left after the number: it stays the date
    fields = _repaired(page_cue_alone, source, pages="pp.", date="1998")
    assert [s.text for s in fields["date"]] == ["1998"]


def test_a_year_closing_the_note_of_an_undated_reference_is_its_date():
    from bibkit.parse.repairs import date_only_segment

    source = "Lillié, F., Analyse tectonique. Amok Internal Report. 1982."
    fields = _repaired(date_only_segment, source, author="Lillié, F.,", title="Analyse tectonique.", note="Amok Internal Report. 1982.")
    assert [s.text for s in fields["date"]] == [" 1982."]
    source = "Smith, J. A page. www.x.org (accessed June 8, 2015)"  # an access date is not the work's date
    fields = _repaired(date_only_segment, source, title="A page.", note="www.x.org (accessed June 8, 2015)")
    assert "date" not in fields


def test_the_last_family_name_of_a_given_first_list_read_as_the_title_goes_back():
    from bibkit.parse.repairs import family_name_opens_title

    source = "Eric J. Rossetter, and J. Christian Gerdes. Experimental validation of lanekeeping. IJAT"
    fields = _repaired(family_name_opens_title, source, author="Eric J. Rossetter, and J. Christian", title="Gerdes. Experimental validation of lanekeeping.")
    assert [s.text for s in fields["author"]] == ["Eric J. Rossetter, and J. Christian Gerdes."]
    assert [s.text for s in fields["title"]] == ["Experimental validation of lanekeeping."]
    source = "Smith, J. and Jones, K. Orientalism. Western conceptions of the Orient."  # the list is whole
    fields = _repaired(family_name_opens_title, source, author="Smith, J. and Jones, K.", title="Orientalism. Western conceptions of the Orient.")
    assert [s.text for s in fields["author"]] == ["Smith, J. and Jones, K."]


def test_an_untitled_container_with_an_in_cue_inside_splits_into_title_and_container():
    from bibkit.parse.repairs import title_before_in_cue

    source = "Commission (2012). Probabilités au collège. Dans Brochure APMEP n°198."
    fields = _repaired(title_before_in_cue, source, container_title="Probabilités au collège. Dans Brochure APMEP")
    assert [s.text for s in fields["title"]] == ["Probabilités au collège."]
    assert [s.text for s in fields["container-title"]] == ["Brochure APMEP"]


def test_an_issue_cut_from_its_volume_and_read_as_the_date_goes_back():
    from bibkit.parse.repairs import issue_read_as_date

    source = "Blue, P. Phase space. Journal of Functional Analysis, 256(1):1–90, 2009."
    fields = _repaired(issue_read_as_date, source, journal="Journal of Functional Analysis,", volume="256", date="(1):1–90, 2009.")
    assert [s.text for s in fields["volume"]] == ["256(1):1–90,"]
    assert [s.text for s in fields["date"]] == ["2009."]


def test_a_month_closing_the_container_joins_the_date():
    from bibkit.parse import parse_reference

    ref = parse_reference("PECHILLON, Eric. Chambre d’isolement : quelle protection juridique du patient. "
                          "Santé Mentale, décembre 2015, n°203. p. 10-11.")
    assert ref.text["container-title"] == "Santé Mentale"
    assert ref.dates["issued"].parts == [[2015, 12]]
    from bibkit.parse.repairs import month_from_container

    source = "Kennan, George. The Sources of Soviet Conduct. Foreign Affairs, Febr. 1947."
    fields = _repaired(month_from_container, source, author="Kennan, George.", title="The Sources of Soviet Conduct.",
                       journal="Foreign Affairs, Febr.", date="1947.")
    assert [s.text for s in fields["journal"]] == ["Foreign Affairs,"] and [s.text for s in fields["date"]] == ["Febr. 1947."]
    fields = _repaired(month_from_container, "Smith, J. Old Empires. Studies in Decline, 1947.", author="Smith, J.",
                       title="Old Empires.", journal="Studies in Decline,", date="1947.")
    assert [s.text for s in fields["journal"]] == ["Studies in Decline,"]  # a word a month name starts is no month
    fields = _repaired(month_from_container, "Doe, J. Une étude. In Mélanges Jean, Marc 2015.", author="Doe, J.",
                       title="Une étude.", container_title="In Mélanges Jean, Marc", date="2015.")
    assert [s.text for s in fields["container-title"]] == ["In Mélanges Jean, Marc"]  # a given name: no stop, no month


def test_issues_that_are_letters_or_letter_numbers():
    from bibkit.parse.normalizers import _volume_issue

    assert _volume_issue("103(2A):1103") == ("103", "2A")
    assert _volume_issue("14(S-10)") == ("14", "S-10")
    assert _volume_issue("40(c)") == ("40", "c")


def test_review_mends_abbreviated_names_broken_words_dashes_and_shared_authors():
    from bibkit.parse import parse_reference, parse_text
    from bibkit.parse.normalizers import rejoin_hyphens

    plato = parse_reference("Plato. The Republic. Translated by Thos. Taylor. London, 1804.")
    assert [n.display() for n in plato.names["translator"]] == ["Taylor, Thos."] and "publisher" not in plato.text
    assert rejoin_hyphens("Toron- to") == "Toronto" and rejoin_hyphens("pre- and post-war") == "pre- and post-war"
    assert rejoin_hyphens("University of Toron- to Press") == "University of Toronto Press"
    assert rejoin_hyphens("18- to 24-month-old") == "18- to 24-month-old"
    refs = parse_text("Beckett, Samuel. Murphy. London: Routledge, 1938.\n―――. Watt. Paris: Olympia, 1953.\n",
                      lines=True).references
    assert refs[1].names["author"][0].family == "Beckett" and refs[1].text["title"] == "Watt"
    assert refs[1].names["author"][0] is not refs[0].names["author"][0]  # a copy, not the same object


def test_training_strings_citing_a_work_a_test_set_cites_are_left_out():
    from bibkit.parse.train import without_test_works

    ours = [{"text": "Watt, Ian. The Rise of the Novel: Studies in Defoe. London.", "offsets": [[11, 51, "title"]]},
            {"text": "Said, E. Orientalism and its critics today. NY.", "offsets": [[9, 43, "title"]]}]
    tests = {"Watt, I. (1957). The rise of the novel: studies in Defoe, Richardson and Fielding. Berkeley."}
    assert [ex["text"][:4] for ex in without_test_works(ours, tests)] == ["Said"]


@pytest.mark.parametrize("text, publisher, place, raw, year", [
    ("هدایت، صادق. بوف کور. تهران: امیرکبیر، بی‌تا.", "امیرکبیر", "تهران", "بی‌تا", None),
    ("دشتی، علی. سایه. تهران: بی نا، بی تا.", None, "تهران", "بی تا", None),
    ("طه حسين. في الشعر الجاهلي. القاهرة: دار المعارف، د. ت", "دار المعارف", "القاهرة", "د. ت", None),
    ("الطبري، محمد بن جرير. تاريخ الرسل والملوك. بيروت: دار التراث، ١٣٨٧هـ/١٩٦٧م.", "دار التراث", "بيروت", None, 1967),
])
def test_a_date_closing_the_imprint_is_the_date(text, publisher, place, raw, year):
    """An undated reference whose publisher ends, after a comma, with its date or a no-date
    mark (`بی‌تا`, `د.ت`): the mark or year is the date, not part of the publisher's name."""
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert ref.text.get("publisher") == publisher and ref.text.get("publisher-place") == place
    date = ref.dates["issued"]
    assert (date.raw if raw else date.year) == (raw or year)


def test_no_place_and_no_date_marks_leave_no_edition():
    from bibkit.parse import parse_reference

    ref = parse_reference("النائيني، محمد حسين. تنبيه الأمة وتنزيه الملة في وجوب المشروطة. د.م.، د.ت.")
    assert "edition" not in ref.text and "publisher-place" not in ref.text
    assert ref.dates["issued"].literal == "n.d."


@pytest.mark.parametrize("text, role, name", [
    ("مینوی، مجتبی. کلیله و دمنه. ترجمه و تحشیه عباس اقبال. تهران: امیرکبیر، ۱۳۴۳.", "translator", "اقبال, عباس"),
    ("ابن خلدون. المقدمة. تحقيق وشرح علي عبد الواحد وافي. القاهرة: دار نهضة مصر، 2004.", "editor",
     "وافي, علي عبد الواحد"),
    ("حسين، طه. الأيام. نقله إلى العربية سامي الدروبي. بيروت: دار الآداب، 1965.", "translator", "الدروبي, سامي"),
    ("ناصرخسرو، ابومعین. سفرنامه. تصحیح و تحشیهٔ محمد دبیرسیاقی. تهران: زوار، ۱۳۵۴.", "editor", "دبیرسیاقی, محمد"),
])
def test_a_role_cue_with_a_second_task_or_in_prose_names_only_the_person(text, role, name):
    """`ترجمه و تحشیه X` (translated and annotated by), `تحقيق وشرح X`, `نقله إلى العربية X`:
    the cue words, the second task included, are not part of the name."""
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert [n.display() for n in ref.names.get(role, [])] == [name]
    assert "نقله" not in ref.text.get("title", "")



@pytest.mark.parametrize("text, title, editors", [
    ("المسعودي، علي بن الحسين. مروج الذهب. حققه وقدم له محمد محيي الدين عبد الحميد. بيروت: دار الفكر، ١٩٧٣.",
     "مروج الذهب", ["عبد الحميد, محمد محيي الدين"]),
    ("الأصفهاني، أبو الفرج. الأغاني. اعتنى به إبراهيم الأبياري. القاهرة: دار الشعب، ١٩٦٩.",
     "الأغاني", ["الأبياري, إبراهيم"]),
    ("ابن قتيبة. عيون الأخبار. دراسة وتحقيق يوسف الطويل. بيروت: دار الكتب العلمية، ١٩٨٦.",
     "عيون الأخبار", ["الطويل, يوسف"]),
    ("ابن منظور. لسان العرب. قدم له وحققه ووضع فهارسه عبد الله علي الكبير. القاهرة: دار المعارف، ١٩٨١.",
     "لسان العرب", ["الكبير, عبد الله علي"]),
    ("ناصرخسرو. سفرنامه. به تصحیح محمد دبیرسیاقی. تهران: زوار، ۱۳۵۴.", "سفرنامه", ["دبیرسیاقی, محمد"]),
    ("حافظ، شمس‌الدین محمد. دیوان. مقدمه، تصحیح و توضیحات پرویز ناتل خانلری. تهران: خوارزمی، ۱۳۶۲.",
     "دیوان", ["ناتل خانلری, پرویز"]),
    ("معین، محمد. فرهنگ فارسی. زیر نظر علی‌اصغر حکمت. تهران: امیرکبیر، ۱۳۶۰.", "فرهنگ فارسی", ["حکمت, علی‌اصغر"]),
    ("فردوسی. شاهنامه. با تصحیح و حواشی جلال خالقی مطلق. نیویورک: بنیاد میراث ایران، ۱۳۶۶.",
     "شاهنامه", ["خالقی مطلق, جلال"]),
    ("البيروني، أبو الريحان. تحقيق ما للهند من مقولة. عني بتصحيحه إدوارد سخاو. لندن، ١٨٨٧.",
     "تحقيق ما للهند من مقولة", ["سخاو, إدوارد"]),
    ("زريق، قسطنطين. «القومية العربية». في: الفكر العربي في مئة عام، تحرير فؤاد صروف، ص ٤٠-٦٢. بيروت: الجامعة الأمريكية، ١٩٦٧.",
     "القومية العربية", ["صروف, فؤاد"]),
    ("أمين، قاسم. تحرير المرأة. القاهرة: مكتبة الترقي، ١٨٩٩.", "تحرير المرأة", []),
])
def test_editing_cues_of_critical_editions_open_the_editors_names(text, title, editors):
    """Arabic verbs of editing (`حققه وقدم له`, `اعتنى به`, `عني بتصحيحه`), task lists (`دراسة
    وتحقيق`, `مقدمه، تصحیح و توضیحات`) and Persian phrases (`به تصحیح`, `زیر نظر`, `با تصحیح و
    حواشی`) name the editor and stay out of the title; a title may open with the noun تحقيق."""
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert ref.text.get("title") == title
    assert [n.display() for n in ref.names.get("editor", [])] == editors


@pytest.mark.parametrize("text", ["شرح مثنوی شریف", "مقدمه‌ای بر فلسفهٔ اسلامی", "نشرهٔ دانشکدهٔ ادبیات تبریز"])
def test_task_words_alone_open_no_editor(text):
    """A commentary (`شرح`), an introduction (`مقدمه‌ای بر`) or a bulletin (`نشرهٔ`) is a title
    or a periodical: these words name an editor only beside an editing task."""
    from bibkit.parse.names import EDITOR_SCRIPT_CUES

    assert not re.match(rf"(?:{EDITOR_SCRIPT_CUES})\s", text)

@pytest.mark.parametrize("text, years", [
    ("Ḥalabī, Saʿd. Khiṭaṭ Ḥalab. 4 vols. Aleppo: Maṭbaʿat al-ʿIlmiyya, 1923–26.", [[1923], [1926]]),
    ("Shaykhū, Luwīs. Majānī al-adab. 6 vols. Beirut: al-Maṭbaʿa al-Kāthūlīkiyya, 1882–88.", [[1882], [1888]]),
])
def test_years_read_as_pages_in_an_undated_book_are_its_date(text, years):
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert ref.dates["issued"].parts == years and "page" not in ref.text


def test_pages_of_an_article_stay_pages_even_when_they_look_like_years():
    from bibkit.parse import parse_reference

    ref = parse_reference("Fischer S, Motamed S. Pratique de la spirométrie. Rev Med Suisse 2009;5: 1882-1889")
    assert ref.text.get("page") == "1882–1889"


@pytest.mark.parametrize("text, author, title, editor, volume", [
    ("الكندي. رسائل الكندي الفلسفية. تحقيق محمد عبد الهادي أبو ريدة. القاهرة، 1950.", "الكندي",
     "رسائل الكندي الفلسفية", "أبو ريدة, محمد عبد الهادي", None),
    ("المسعودي. مروج الذهب ومعادن الجوهر، تحقيق محمد محيي الدين عبد الحميد، ج2، القاهرة: مطبعة السعادة، 1958.",
     "المسعودي", "مروج الذهب ومعادن الجوهر", "عبد الحميد, محمد محيي الدين", "2"),
])
def test_author_and_title_before_an_editors_cue_are_not_the_editor(text, author, title, editor, volume):
    """A one-name author, the title, then `تحقيق X`: the labeller may read it all as the
    editor; the cue says where the editor starts, and a volume mark after the names (`ج2`)
    is the volume."""
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert [n.display() for n in ref.names["author"]] == [author] and ref.text["title"] == title
    assert [n.display() for n in ref.names["editor"]] == [editor]
    assert ref.text.get("volume") == volume


def test_an_editor_segment_holding_author_and_title_keeps_the_whole_name_as_author():
    """`ابن النديم، محمد بن إسحاق. الفهرست. تحقيق …` read as the editor from its first word:
    the author runs to the full stop, not to the first comma inside the name."""
    from bibkit.parse.repairs import text_before_role_cue

    source = "ابن سعد، محمد بن منيع. الطبقات الكبرى. تحقيق إحسان عباس. بيروت: دار صادر، 1968."
    fields = _repaired(text_before_role_cue, source, editor="ابن سعد، محمد بن منيع. الطبقات الكبرى. تحقيق إحسان عباس.")
    assert [s.text for s in fields["author"]] == ["ابن سعد، محمد بن منيع."]
    assert [s.text for s in fields["title"]] == ["الطبقات الكبرى. "]
    assert [s.text for s in fields["editor"]] == ["تحقيق إحسان عباس."]

    source = "Encyclopaedia of Islam. New Edition. Ed. H. A. R. Gibb. Leiden: Brill, 1960."
    fields = _repaired(text_before_role_cue, source, editor="Encyclopaedia of Islam. New Edition. Ed. H. A. R. Gibb.")
    assert "author" not in fields and [s.text for s in fields["title"]] == ["Encyclopaedia of Islam. New Edition. "]


def test_a_no_date_mark_read_as_the_publisher_is_the_date():
    from bibkit.parse.repairs import date_only_segment

    source = "ابن خلدون. المقدمة. بيروت، د.ت."
    fields = _repaired(date_only_segment, source, author="ابن خلدون.", title="المقدمة.", location="بيروت،", publisher="د.ت.")
    assert "publisher" not in fields or not fields["publisher"]
    assert [s.text for s in fields["date"]] == ["د.ت."]


@pytest.mark.parametrize("text, editors, translators, container", [
    ("Smith, J. On groups. Trans. Amer. Math. Soc. 12 (1990): 1-20.", [], [], "Trans. Amer. Math. Soc"),
    ("Smith, J. (2001). Learning styles. Ed. Psychol. Rev., 13(2), 1-20.", [], [], "Ed. Psychol. Rev"),
    ("Plato. The Republic. Edited and translated by Allan Bloom. New York: Basic Books, 1968.",
     ["Bloom, Allan"], ["Bloom, Allan"], None),
])
def test_role_cues_that_are_not_one_role(text, editors, translators, container):
    """`Trans.` or `Ed.` opening a journal is a word of its name; `Edited and translated by X`: X is both."""
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert [n.display() for n in ref.names.get("editor", [])] == editors
    assert [n.display() for n in ref.names.get("translator", [])] == translators
    assert ref.text.get("container-title") == container


def test_one_very_long_entry_is_labelled_apart_from_the_short_ones():
    """A paragraph read as one entry must not pad the 127 references labelled with it to its
    length (1.7 GB for a 13k-token entry)."""
    from bibkit.parse.labeler import _SLOTS, _groups

    lengths = [20] * 200 + [5000]
    groups = list(_groups(list(range(201)), lengths))
    assert groups[-1] == [200] and all(len(g) * max(lengths[i] for i in g) <= max(_SLOTS, 5000) for g in groups)


def test_parse_references_wants_one_origin_per_text():
    from bibkit.parse import parse_references

    with pytest.raises(ValueError):
        list(parse_references(["Smith, J. A Book. London: X, 1999.", "Jones, K. Another. Paris: Y, 2001."], ["a:1"]))


@pytest.mark.parametrize("text, family, given, suffix", [
    ("A. Poulin Jr.", "Poulin", "A.", "Jr."),
    ("Martin Luther King Jr.", "King", "Martin Luther", "Jr."),
    ("John Smith III", "Smith", "John", "III"),  # not the initials I. I. I.
    ("King, Martin Luther, Jr.", "King", "Martin Luther", "Jr."),
])
def test_a_generational_suffix_after_a_name_in_any_order_is_the_suffix(text, family, given, suffix):
    from bibkit.namesplit import name_from_string
    from bibkit.parse.names import split_names

    for name in (split_names(text)[0], name_from_string(text)):
        assert (name.family, name.given, name.suffix) == (family, given, suffix)


@pytest.mark.parametrize("text, family, given", [
    ("Kamāl Abū Dīb", "Abū Dīb", "Kamāl"),  # a particle with its long vowel marked opens the family name too
    ("Nasr Hamid Abu Zayd", "Abu Zayd", "Nasr Hamid"),
    ("ABŪ DĪB, Kamāl", "Abū Dīb", "Kamāl"),
])
def test_an_arabic_particle_written_with_marks_opens_the_family_name(text, family, given):
    from bibkit.parse.names import split_names

    name = split_names(text)[0]
    assert (name.family, name.given) == (family, given)


@pytest.mark.parametrize("text, names", [
    ("de Villiers, Jill G.", [("Villiers", "Jill G.", "de")]),  # a particle before the family name
    ("AL RUBAEE, M.", [("Al Rubaee", "M.", None)]),  # `AL` is a particle, not the initials A. L.
    ("Pereira, Maria Aparecida Viana Schtine", [("Pereira", "Maria Aparecida Viana Schtine", None)]),
])
def test_one_inverted_name_with_a_particle_or_many_given_names(text, names):
    from bibkit.parse.names import split_names

    assert [(n.family, n.given, n.particle) for n in split_names(text)] == names


@pytest.mark.parametrize("text, volume, issue", [
    ("Bauwelt, No. 26-27", None, "26-27"),
    ("دورهٔ ۳، شمارهٔ ۲۶ و ۲۷", "3", "26-27"),  # ezafe after دوره and شماره; two issues joined by و
    ("vol. 12, nos. 3 & 4", "12", "3-4"),
    ("Franco-Italica, n. 29", None, "29"),
    ("دورهٔ دوم، شمارهٔ ۲۶", "2", "26"),  # the volume by its ordinal word
    ("دورهٔ ششم", "6", None),
    ("12(3—4)", "12", "3-4"),  # any dash in an issue range
    ("ج ۵، بخش ۱", "5", None),  # a part (بخش) is no issue: a cue is a word of its own
    ("س ۱۲، ش ۳", "12", "3"),  # سال and شماره abbreviated
    ("Bd. 3, H. 2", "3", "2"),
    ("Piano 3", "3", None),  # `no` inside a word is no issue cue
    ("الكتاب الأول", "1", None),  # book one of a work
    ("الجزء الثالث", "3", None),
    ("Volume Third, No. 2", "3", "2"),  # an ordinal volume in any case
    ("جلد دوم", "2", None),
    ("پیاپی ۶۶", None, "66"),  # a Persian journal's running issue number, alone
    ("سال ۱۷، شماره ۳ (پیاپی ۶۶)", "17", "3"),  # beside the issue number: the issue number
])
def test_double_issues_and_ezafe_cues(text, volume, issue):
    from bibkit.parse.normalizers import _volume_issue
    from bibkit.text.normalize import ASCII_DIGITS

    assert _volume_issue(text.translate(ASCII_DIGITS)) == (volume, issue)


def test_editions_by_ordinal_words_past_the_fifth():
    from bibkit.parse.normalizers import clean_edition

    assert [clean_edition(t) for t in ("چاپ ششم", "الطبعة الرابعة", "tenth edition", "چاپ دوم")] == ["6", "4", "10", "2"]



def test_a_month_and_year_the_labeller_cut_apart_are_one_date_but_a_month_like_journal_is_not():
    from bibkit.parse.repairs import date_only_segment

    source = "Doe, Jane. Reading old maps. Demo session. Boston, MA: October 2012."
    fields = _repaired(date_only_segment, source, author="Doe, Jane.", title="Reading old maps.",
                       container_title="Demo session.", location="Boston, MA:", publisher="October", date="2012.")
    assert [s.text for s in fields["date"]] == ["October 2012."] and not fields.get("publisher")
    source = "Roe R. Soil bacteria. NOVA. 2014 . 12(22): 10-19"
    fields = _repaired(date_only_segment, source, author="Roe R.", title="Soil bacteria.", journal="NOVA.",
                       date="2014 .", volume="12(22):", pages="10-19")
    assert [s.text for s in fields["journal"]] == ["NOVA."] and [s.text for s in fields["date"]] == ["2014 ."]


def test_a_one_word_title_after_the_authors_initials_is_the_title_not_a_given_name():
    from bibkit.parse import parse_references

    book, named, glued = parse_references(["Abrahamian, E. Khomeinism. Berkeley: University of California Press, 1993.",
                                           "Smith, J. Robert. 1990.", "Said,Edward W.Orientalism.New York:Pantheon Books,1978."])
    assert book.text["title"] == "Khomeinism" and glued.text["title"] == "Orientalism"
    assert [(n.family, n.given) for n in glued.names["author"]] == [("Said", "Edward W.")]
    assert [(n.family, n.given) for n in book.names["author"]] == [("Abrahamian", "E.")]
    assert book.text["publisher-place"] == "Berkeley"
    assert named.names["author"][0].given == "J. Robert"  # a given name stays one


@pytest.mark.parametrize(("container", "subtitle", "rest"), [
    ("A Systematic Review. Water Research, 12:3: 45.", "A Systematic Review.", "Water Research, 12:3: 45."),
    ("a cohort study Lancet Oncol., 7 (2006)", "a cohort study", "Lancet Oncol., 7 (2006)"),
    ("causes, course, and cure.", "causes, course, and cure.", None),
    ("Water Research", None, "Water Research"),  # no subtitle to take back: left alone
])
def test_a_subtitle_read_as_the_container_after_a_colon_goes_back_to_the_title(container, subtitle, rest):
    from bibkit.parse.repairs import subtitle_read_as_container

    source = f"Roe, R. 2006. Sand filters in cold climates: {container}"
    fields = _repaired(subtitle_read_as_container, source, author="Roe, R.", date="2006.",
                       title="Sand filters in cold climates:", container_title=container)
    title = fields["title"][0].text
    assert title == "Sand filters in cold climates:" + (f" {subtitle}" if subtitle else "")
    assert [s.text for s in fields.get("container-title", [])] == ([rest] if rest else [])


def test_a_periodical_glued_to_the_title_or_a_title_to_the_container_is_cut_off():
    from bibkit.parse.repairs import periodical_glued_to_title

    source = "Roe, R. Sand filters in cold climates. Water Research, 2011. 21(10): 594-603."
    fields = _repaired(periodical_glued_to_title, source, author="Roe, R.",
                       title="Sand filters in cold climates. Water Research,", date="2011.", volume="21(10):",
                       pages="594-603.")
    assert [s.text for s in fields["title"]] == ["Sand filters in cold climates."]
    assert [s.text for s in fields["container-title"]] == ["Water Research,"]
    source = "Roe, R., 1990, Towards sand filters, Advanced Filtration 54-7."
    fields = _repaired(periodical_glued_to_title, source, author="Roe, R.,", date="1990,",
                       container_title="Towards sand filters, Advanced Filtration", pages="54-7.")
    assert [s.text for s in fields["title"]] == ["Towards sand filters"]
    assert [s.text for s in fields["container-title"]] == ["Advanced Filtration"]
    source = "Roe, R. Sand filters. Cold climates. Paris: Masson, 2012. 200 p."
    fields = _repaired(periodical_glued_to_title, source, author="Roe, R.", title="Sand filters. Cold climates.",
                       location="Paris:", publisher="Masson,", date="2012.", pages="200 p.")
    assert [s.text for s in fields["title"]] == ["Sand filters. Cold climates."]  # a book's title


def test_an_edition_ordinal_is_a_whole_word_not_part_of_a_longer_one():
    from bibkit.parse.normalizers import clean_edition

    assert clean_edition("چاپ دهم") == "10"
    assert clean_edition("چاپ دوازدهم") != "10"  # twelfth holds دهم (tenth)
    assert clean_edition("twenty-first edition") != "1"
    assert clean_edition("Second edition") == "2"


def test_a_volume_with_its_own_title_stays_in_the_book_title():
    from bibkit.parse import parse_references

    book, article = parse_references([
        ("Avery, P., Hambly, G. and Melville, C. 1991. The Cambridge History of Iran, vol. 7: From Nadir Shah "
         "to the Islamic Republic. Cambridge: Cambridge University Press."),
        ("Keddie, N. 1962. Religion and Irreligion in Early Iranian Nationalism. Comparative Studies in Society "
         "and History, vol. 4: 265-295.")])
    assert book.text["title"] == "The Cambridge History of Iran, vol. 7: From Nadir Shah to the Islamic Republic"
    assert (book.type, book.text["publisher"]) == ("book", "Cambridge University Press")
    assert "container-title" not in book.text and "volume" not in book.text
    assert (article.text["volume"], article.text["page"]) == ("4", "265–295")  # a journal's volume and pages


def test_the_volume_title_runs_to_its_full_stop_and_a_page_count_keeps_the_title_whole():
    from bibkit.model import Reference
    from bibkit.parse.repairs import (
        periodical_glued_to_title,
        volume_title_in_book_title,
    )

    source = "Moreau, P. 2013. Fouilles de Corent. Volume II : Etudes et annexes. 298 pp."
    fields = _repaired(volume_title_in_book_title, source, title="Fouilles de Corent.", volume="Volume II",
                       location=":", publisher="Etudes et", pages="annexes. 298 pp.")
    periodical_glued_to_title(Reference(source=source), fields)
    assert [s.text for s in fields["title"]] == ["Fouilles de Corent. Volume II : Etudes et annexes."]
    assert [s.text for s in fields["pages"]] == ["298 pp."]
    assert set(fields) == {"title", "pages"}


@pytest.mark.parametrize(("text", "role"), [
    (("Avery, P., Hambly, G. and Melville, C. (eds.) 1991. The Cambridge History of Iran. Cambridge: "
      "Cambridge University Press."), "editor"),  # the cue read with the year
    ("Avery, P. (Trans.) (1991). The Cambridge History of Iran. Cambridge: Cambridge University Press.",
     "translator"),  # the cue closing the names
])
def test_a_bracketed_role_cue_after_the_names_gives_them_their_role(text, role):
    from bibkit.parse import parse_references

    (ref,) = parse_references([text])
    assert set(ref.names) == {role}
    assert ref.names[role][0].family == "Avery"
    assert ref.dates["issued"].parts == [[1991]]


@pytest.mark.parametrize("cue", ["Retirado de", "Recuperado de", "Disponible sur :", "Retrieved from"])
def test_an_access_phrase_in_any_language_goes_with_the_url_and_in_no_field(cue):
    from bibkit.parse import parse_references

    text = f"Sadeghi, D. (2019). Redes sociales en Irán. Congreso de Estudios Iraníes. {cue} http://example.org/iran.pdf"
    (ref,) = parse_references([text])
    assert ref.text["URL"] == "http://example.org/iran.pdf"
    assert not [value for value in ref.text.values() if cue.split()[0] in value]  # in no field


def test_a_page_count_read_as_a_volume_is_the_books_length_and_a_journal_before_it_a_subtitle():
    from bibkit.parse.repairs import page_count_read_as_volume

    source = "Lambton, A. K. S. 1953. Landlord and Peasant in Persia. A Study of Land Tenure. 459 pp."
    fields = _repaired(page_count_read_as_volume, source, title="Landlord and Peasant in Persia.",
                       journal="A Study of Land Tenure.", volume="459", pages="pp.")
    assert [s.text for s in fields["pages"]] == ["459 pp."]
    assert [s.text for s in fields["title"]] == ["Landlord and Peasant in Persia. A Study of Land Tenure."]
    assert set(fields) == {"title", "pages"}
    kept = _repaired(page_count_read_as_volume, "Iran 12 (1974): 33-45.", journal="Iran", volume="12",
                     pages="33-45.")
    assert [s.text for s in kept["volume"]] == ["12"]  # a volume with pages of its own


def test_a_book_title_whose_last_word_was_read_as_a_periodical_runs_on():
    from bibkit.parse.repairs import title_runs_on

    source = "اقبال آشتیانی، عباس. تاریخ مفصل ایران، ج ۱. تهران: خیام، ۱۳۱۲."
    labelled = {"author": "اقبال آشتیانی، عباس.", "title": "تاریخ مفصل", "journal": "ایران،", "volume": "ج ۱."}
    book = _repaired(title_runs_on, source, **labelled, location="تهران:", publisher="خیام،", date="۱۳۱۲.")
    assert [s.text for s in book["title"]] == ["تاریخ مفصل ایران،"] and "journal" not in book
    article = _repaired(title_runs_on, source.replace("تهران: خیام", "صص ۱-۹"), **labelled, pages="صص ۱-۹،")
    assert [s.text for s in article["journal"]] == ["ایران،"]  # with pages it may be a periodical


def test_a_volume_title_stops_before_brackets_names_and_page_ranges_and_keeps_what_follows():
    from bibkit.parse.repairs import volume_title_in_book_title

    source = "Smith, J. 1990. Big Book, vol. 2: The Volume Title. London: Pub, 1990."
    fields = _repaired(volume_title_in_book_title, source, author="Smith, J.", date="1990.", title="Big Book,",
                       volume="vol. 2:", container_title="The Volume Title. London:", publisher="Pub,")
    assert [s.text for s in fields["title"]] == ["Big Book, vol. 2: The Volume Title."]
    assert [s.text for s in fields["container-title"]] == ["London:"]  # cut at the stop, not dropped
    chapter = "Smith, J. 1990. Chapter title. In Big Book, vol. 2: pp. 34-56. London: Pub."
    kept = _repaired(volume_title_in_book_title, chapter, title="Chapter title.", container_title="In Big Book,",
                     volume="vol. 2:", pages="pp. 34-56.", location="London:", publisher="Pub.")
    assert [s.text for s in kept["container-title"]] == ["In Big Book,"]  # a page range: volume and pages


def test_an_apa_chapter_in_a_volume_keeps_its_pages_place_and_publisher():
    from bibkit.parse import parse_references

    text = ("Perry, J. R. 1991. The Zand dynasty. In P. Avery (Ed.), The Cambridge History of Iran, Vol. 7: "
            "From Nadir Shah to the Islamic Republic (pp. 63-103). Cambridge: Cambridge University Press.")
    (ref,) = parse_references([text])
    assert (ref.text["page"], ref.text["publisher-place"]) == ("63–103", "Cambridge")
    assert ref.text["publisher"] == "Cambridge University Press"


def test_the_access_phrase_closing_the_field_before_a_url_moves_to_the_url():
    from bibkit.parse.repairs import access_cue_before_url

    source = "Borg, C. (2002). Rules. Congreso de Estadística. Retirado de http://example.org/a.pdf"
    fields = _repaired(access_cue_before_url, source, container_title="Congreso de Estadística. Retirado de",
                       url="http://example.org/a.pdf")
    assert [s.text for s in fields["container-title"]] == ["Congreso de Estadística."]
    assert [s.text for s in fields["url"]] == ["Retirado de http://example.org/a.pdf"]


@pytest.mark.parametrize(("names", "date", "role"), [
    ("Avery, P. and Melville, C.", "(eds.) 1991.", "editor"),  # the cue read with the year
    ("Schulz, K. (Hg.)", "1991.", "editor"),
    ("Martin, H.-J. (trad.)", "1991.", "translator"),
])
def test_a_bracketed_role_cue_makes_the_names_before_it_that_role(names, date, role):
    from bibkit.parse.repairs import bracketed_role_after_names

    fields = _repaired(bracketed_role_after_names, f"{names} {date} A title.", author=names, date=date)
    assert "author" not in fields and fields[role][0].text.startswith(names.split(",")[0])
    assert fields["date"][0].text.endswith("1991.") and not fields["date"][0].text.startswith("(eds")


def test_a_length_without_a_periodical_or_imprint_makes_a_book():
    from bibkit.model import Reference
    from bibkit.parse.infer import infer_type

    ref = Reference()
    ref.text.update({"title": "Landlord and Peasant in Persia", "number-of-pages": "459"})
    assert infer_type(ref, {"title", "pages"}) == "book"


@pytest.mark.parametrize(("text", "family", "title"), [
    ("هيكل، محمد حسين. حياة محمد. القاهرة: مطبعة مصر، 1354 هـ.", "هيكل", "حياة محمد"),
    ("الكواكبي، عبد الرحمن. طبائع الاستبداد ومصارع الاستعباد. د.م.، د.ت.", "الكواكبي", "طبائع الاستبداد ومصارع الاستعباد"),
    ("Blest Gana, Alberto. Martín Rivas. Santiago: Origo, 2013.", "Blest Gana", "Martín Rivas"),
])
def test_a_title_read_into_the_authors_after_their_full_stop_is_the_title(text, family, title):
    from bibkit.parse.repairs import title_inside_author

    head, _, rest = text.partition(". ")
    author = head + ". " + rest.split(". ")[0] + "."
    fields = _repaired(title_inside_author, text, author=author)
    assert [s.text.rstrip(". ") for s in fields["title"]] == [title]
    assert fields["author"][0].text.startswith(family) and title not in fields["author"][0].text
    kept = _repaired(title_inside_author, "Smith, J. and K. Jones. 1990.", author="Smith, J. and K. Jones.")
    assert "title" not in kept  # initials and a name ending the list are not a title


@pytest.mark.parametrize("title", ["Mulūk al-ʿArab [Kings of the Arabs]", "Mulūk al-ʿArab [Kings of the Arabs"])
def test_a_bracketed_translation_after_the_title_is_its_english_form_even_left_open(title):
    from bibkit.model import Reference
    from bibkit.parse.normalizers import normalize_title

    ref = Reference(source=title + ".")
    normalize_title(ref, _segments(ref.source, title=title + "."))
    assert ref.text["title"] == "Mulūk al-ʿArab" and ref.forms["title"]["en"] == "Kings of the Arabs"
    mismatched = Reference(source="Range of white pine [Pinus strobus L.) in Quebec.")
    normalize_title(mismatched, _segments(mismatched.source, title=mismatched.source))
    assert mismatched.text["title"] == "Range of white pine [Pinus strobus L.) in Quebec"  # not a translation


@pytest.mark.parametrize(("label", "text", "moved_to"), [
    ("volume", "ط15.", "edition"), ("volume", "چاپ دوم.", "edition"), ("volume", "2nd ed.", "edition"),
    ("edition", "ج1،", "volume"), ("edition", "جلد ۲،", "volume"), ("edition", "Vol. XII,", "volume"),
    ("volume", "ج ١١، ط ٣،", "volume"),  # both: left as labelled
])
def test_a_lone_volume_or_edition_cue_decides_the_label(label, text, moved_to):
    from bibkit.parse.repairs import volume_and_edition_by_cue

    source = f"الزركلي، خير الدين. الأعلام. {text} بيروت: دار العلم للملايين، 2002."
    fields = _repaired(volume_and_edition_by_cue, source, author="الزركلي، خير الدين.", title="الأعلام.",
                       **{label: text}, location="بيروت:", publisher="دار العلم للملايين،", date="2002.")
    assert [s.text for s in fields.get(moved_to, [])] == [text]


def test_a_title_ending_in_a_slash_goes_on_with_the_next_title_to_its_comma():
    from bibkit.parse.repairs import slash_joins_titles

    source = "Project Dark Gene / Project Ibex, / dark gene.htm"
    fields = _repaired(slash_joins_titles, source, title="Project Dark Gene /", journal="Project Ibex, / dark gene.htm")
    assert [s.text for s in fields["title"]] == ["Project Dark Gene / Project Ibex,"]
    assert [s.text for s in fields["journal"]] == ["/ dark gene.htm"]
    source = "Dodeman, André. « Terreur et territoire. » Etudes Canadiennes / Canadian Studies 73 (2012)."
    fields = _repaired(slash_joins_titles, source, author="Dodeman, André.",
                       title="« Terreur et territoire. » Etudes Canadiennes /", journal="Canadian Studies")
    assert [s.text for s in fields["journal"]] == ["Canadian Studies"]  # the quoted title closed before
    source = "Project Dark Gene / Project Ibex, / dark gene.htm"
    fields = _repaired(slash_joins_titles, source, title="Project Dark Gene", translator="/ Project Ibex, / dark gene.htm")
    assert [s.text for s in fields["title"]] == ["Project Dark Gene / Project Ibex,"]
    assert [s.text for s in fields["note"]] == ["/ dark gene.htm"] and "translator" not in fields
    kept = _repaired(slash_joins_titles, "Khomeinism / trans. A. B. Smith.", title="Khomeinism", translator="/ trans. A. B. Smith.")
    assert [s.text for s in kept["translator"]] == ["/ trans. A. B. Smith."]  # a statement of responsibility


def test_an_archive_location_cut_short_takes_back_its_shelfmark():
    from bibkit.parse.repairs import archive_reference

    source = '"Report", December 18, 1958, Wilson Center Digital Archive, MOL M-KS 288.f.32/1958 7.ó.e. Translated by A. Bocz.'
    from bibkit.model import Reference

    fields = _segments(source, title='"Report",', date="December 18, 1958,", archive="Wilson Center Digital Archive,",
                       archive_location="MOL", note="M-KS 288.f.32/1958 7.ó.e.", translator="Translated by A. Bocz.")
    archive_reference(Reference(source=source), fields)
    assert [s.text for s in fields["archive_location"]] == ["MOL M-KS 288.f.32/1958 7.ó.e."] and "note" not in fields


def test_a_one_word_arabic_author_running_into_the_title_and_its_editor_is_cut_at_its_stop():
    from bibkit.parse import reference_from_fields

    source = "الجاحظ. كتاب الحيوان،، تحقيق عبد السلام هارون، ج1، القاهرة: مصطفى البابي الحلبي، 1938."
    fields = _segments(source, author="الجاحظ. كتاب الحيوان،، تحقيق عبد السلام هارون،", edition="ج1،",
                       location="القاهرة:", publisher="مصطفى البابي الحلبي،", date="1938.")
    ref = reference_from_fields(source, fields, confidence=0.9)
    assert [n.family or n.literal for n in ref.names["author"]] == ["الجاحظ"] and ref.text["title"] == "كتاب الحيوان"
    assert [n.family for n in ref.names["editor"]] == ["هارون"] and ref.text["volume"] == "1"


@pytest.mark.parametrize(("title", "kept", "volume"), [
    ("العراق: الطبقات الاجتماعية، الكتاب الأول.", "العراق: الطبقات الاجتماعية،", "الكتاب الأول."),
    ("Collected Works, Vol. 2.", "Collected Works,", "Vol. 2."),
    ("Collected Works, vol. civil.", None, None),  # Roman numerals are capitals
    ("The Cambridge History of Iran, vol. 7: From Nadir Shah.", None, None),  # a volume title after it: left whole
])
def test_a_volume_closing_the_title_after_a_comma_is_the_volume(title, kept, volume):
    from bibkit.parse.repairs import volume_from_tail

    source = f"Author, A. {title} Beirut: Dar, 1990."
    fields = _repaired(volume_from_tail, source, author="Author, A.", title=title, location="Beirut:",
                       publisher="Dar,", date="1990.")
    assert [s.text for s in fields["title"]] == [kept or title]
    assert [s.text for s in fields.get("volume", [])] == ([volume] if volume else [])


@pytest.mark.parametrize(("author", "names", "title"), [
    ("محمد حسنين هيكل، خريف الغضب،", "محمد حسنين هيكل", "خريف الغضب،"),  # given name first, then the title
    ("أحمد أمين، ضحى الإسلام،", "أحمد أمين", "ضحى الإسلام،"),
    ("حسن زاده، علی اکبر،", "حسن زاده، علی اکبر،", None),  # an inverted name: a given name after the comma
])
def test_an_arabic_script_name_given_first_then_the_title_after_a_comma(author, names, title):
    from bibkit.parse.repairs import title_inside_author

    source = f"{author} بيروت: دار الساقي، 1983."
    fields = _repaired(title_inside_author, source, author=author, location="بيروت:", publisher="دار الساقي،",
                       date="1983.")
    assert [s.text for s in fields["author"]] == [names]
    assert [s.text for s in fields.get("title", [])] == ([title] if title else [])


@pytest.mark.parametrize(("text", "names"), [
    ("Seng Tan and Amitav Acharya, eds,", [("Tan", "Seng"), ("Acharya", "Amitav")]),
    ("Plionis M., Lopez-Cruz O., Hughes D., eds", [("Plionis", "M."), ("Lopez-Cruz", "O."), ("Hughes", "D.")]),
    ("Smith, Ed", [("Smith", "Ed")]),  # one Ed is a given name
])
def test_a_bare_plural_eds_closing_a_name_list_is_a_role_cue(text, names):
    from bibkit.parse.names import split_names

    assert [(n.family, n.given) for n in split_names(text)] == names


def test_an_archive_location_takes_back_only_the_shelfmark():
    from bibkit.model import Reference
    from bibkit.parse.repairs import archive_reference

    source = "Report, 1958, Archive, MOL M-KS 288.f.32/1958, in Foreign Relations of the United States, vol 3."
    fields = _segments(source, title="Report,", date="1958,", archive="Archive,", archive_location="MOL",
                       note="M-KS 288.f.32/1958, in Foreign Relations of the United States, vol 3.")
    archive_reference(Reference(source=source), fields)
    assert [s.text for s in fields["archive_location"]] == ["MOL M-KS 288.f.32/1958"]
    assert [s.text for s in fields["note"]] == [", in Foreign Relations of the United States, vol 3."]


@pytest.mark.parametrize(("author", "title"), [
    ("الجاحظ. ١٣٥٤ هـ.", None),  # a year after the names is no title
    ("محمد حسنين هيكل، بيروت،", None),  # nor a place
    ("Said, Edward. Orientalism.", "Orientalism."),  # one word that is no name is
    ("Smith, John. Robert.", None),  # one given name is not
    ("محمد حسنين هيكل، بيروت: دار الشروق، ١٩٨٣", None),  # nor an imprint
    ("محمد حسنين هيكل، ط ٢،", None),  # nor an edition
    ("Said, Edward. Eds.", None),  # nor a role cue
])
def test_what_follows_an_authors_names_is_a_title_only_if_it_reads_as_one(author, title):
    from bibkit.parse.repairs import title_inside_author

    fields = _repaired(title_inside_author, author, author=author)
    assert [s.text for s in fields.get("title", [])] == ([title] if title else [])


def test_a_title_opening_with_a_role_cue_word_stays_the_title():
    from bibkit.parse.repairs import move_roles_from_prose

    source = "البيروني. تحقيق ما للهند من مقولة. حيدرآباد، 1958."
    fields = _repaired(move_roles_from_prose, source, author="البيروني.", title="تحقيق ما للهند من مقولة.",
                       location="حيدرآباد،", date="1958.")
    assert [s.text for s in fields["title"]] == ["تحقيق ما للهند من مقولة."] and "editor" not in fields
    source = "براون، ادوارد. تاریخ ادبیات ایران، ترجمۀ علی‌اصغر حکمت. تهران، 1357."
    fields = _repaired(move_roles_from_prose, source, author="براون، ادوارد.",
                       title="تاریخ ادبیات ایران، ترجمۀ علی‌اصغر حکمت.", location="تهران،", date="1357.")
    assert [s.text for s in fields["translator"]] == ["علی‌اصغر حکمت."]  # ترجمۀ written with its own letter


@pytest.mark.parametrize(("text", "year"), [("۱۳۵۱ هجری شمسی", True), ("١٣٨٥ هـــــــــــــــــ.ق", True),
                                            ("Amir Kabir, 1385.", False)])
def test_one_year_with_its_era_written_out_or_drawn_long_is_a_date(text, year):
    from bibkit.parse.repairs import _only_a_date

    assert _only_a_date(text) is year


def test_a_storage_unit_after_the_shelfmark_belongs_to_the_archive_location():
    from bibkit.model import Reference
    from bibkit.parse.repairs import archive_reference

    source = "Report, 1958, Archive, MOL M-KS 288.f.32/1958 7.ó.e. Translated by A. Bocz."
    fields = _segments(source, title="Report,", date="1958,", archive="Archive,", archive_location="MOL M-KS 288.f.32/1958",
                       note="7.ó.e.", translator="Translated by A. Bocz.")
    archive_reference(Reference(source=source), fields)
    assert [s.text for s in fields["archive_location"]] == ["MOL M-KS 288.f.32/1958 7.ó.e."] and "note" not in fields


def test_a_string_bibkit_fails_on_is_kept_verbatim_and_the_others_are_parsed(monkeypatch):
    from bibkit import parse

    real = parse.reference_from_fields

    def failing(text, fields, **kw):
        if "BOOM" in text:
            raise ValueError("boom")
        return real(text, fields, **kw)

    monkeypatch.setattr(parse, "reference_from_fields", failing)
    bad, good = parse.parse_references(["BOOM, A. A title. London: X, 1990.", "Said, Edward. Orientalism. New York: Pantheon, 1978."])
    assert bad.text["note"].startswith("BOOM") and "ValueError: boom" in bad.warnings[-1]
    assert good.text["title"] == "Orientalism"


@pytest.mark.parametrize("text", ["احمدی، علی (۱۳۸۰). تاریخچه ٔ ایران. تهران: البرز.",
                                  "Smith, J. (2001). On x. In H. J. Silverman, ). (H. J. Silverman (Ed.), Y. Z: W."])
def test_stray_marks_and_emptied_asides_do_not_stop_the_parse(text):
    from bibkit.parse import parse_references

    (ref,) = parse_references([text])
    assert not ref.warnings or "failed" not in ref.warnings[-1]


def test_gost_double_slash_before_the_journal_is_no_title_slash():
    from bibkit.parse.repairs import slash_joins_titles

    source = "Бартольд В.В. Халиф и султан // Мир ислама. 1912. Т. 1, № 2."
    fields = _repaired(slash_joins_titles, source, author="Бартольд В.В.", title="Халиф и султан //",
                       journal="Мир ислама.", date="1912.", volume="Т. 1, № 2.")
    assert [s.text for s in fields["journal"]] == ["Мир ислама."]
    fields = _repaired(slash_joins_titles, "Project Dark Gene / A Project Ibex, 3(2).", title="Project Dark Gene /",
                       journal="A Project Ibex, 3(2).")
    assert [s.text for s in fields["title"]] == ["Project Dark Gene / A Project Ibex,"]  # `A` is no initial


def test_a_bibtex_month_or_day_that_is_no_number_is_left_out_not_a_crash():
    from bibkit.formats.dates import date_from_parts

    assert date_from_parts("1990", "²", "").parts == [[1990]]
    assert date_from_parts("1990", "sep", "٥").parts == [[1990, 9]]
    assert date_from_parts("1990", "9", "5").parts == [[1990, 9, 5]]


@pytest.mark.parametrize("text, year, raw", [
    ("Ibn Khaldun. Al-Muqaddima. Beirut: Dar al-Fikr, 1404 A.H.", 1983, "1404 A.H."),
    ("Nuwayri, Ahmad. Nihayat al-arab. Cairo: Dar al-Kutub, 1342 AH.", 1923, "1342 AH"),
])
def test_an_era_mark_after_the_year_stays_with_it(text, year, raw):
    """`1404 A.H.` is a Lunar Hijri year: the mark read as pages would leave 1404 as a
    Gregorian year."""
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert (ref.dates["issued"].parts[0][0], ref.dates["issued"].raw) == (year, raw)
    assert "page" not in ref.text


def test_a_title_opening_with_a_persons_name_after_a_whole_inverted_name():
    """`Katouzian, Homa. Sadeq Hedayat: | The Life …`: the names end at the full stop after the
    given name; the given name opening the title (`Sadeq`) does not make it a second author."""
    from bibkit.model import Reference
    from bibkit.parse.normalizers import Segment
    from bibkit.parse.repairs import author_tail_opens_title

    text = "Katouzian, Homa. Sadeq Hedayat: The Life and Legend of an Iranian Writer."
    cut = text.index(" The Life")
    fields = {"author": [Segment(text[:cut], 0, cut, 0.9)], "title": [Segment(text[cut + 1:], cut + 1, len(text), 0.9)]}
    author_tail_opens_title(Reference(source=text), fields)
    assert fields["author"][0].text == "Katouzian, Homa."
    assert fields["title"][0].text.startswith("Sadeq Hedayat: The Life")


def test_punctuation_names_nobody():
    from bibkit.parse.names import split_names

    assert split_names("???? !!!!") == [] and split_names("Smith, J. and ????") == [split_names("Smith, J.")[0]]


def test_a_no_place_mark_is_no_container():
    from bibkit.parse.normalizers import clean_container

    assert clean_container("د.م.") == "" and clean_container("n.p.") == "" and clean_container("بی‌جا") == ""
    assert clean_container("In: Iranian Studies") == "Iranian Studies"


@pytest.mark.parametrize("text, count, place, year", [
    ("al-Jabartī, ʿAbd al-Raḥmān. ʿAjāʾib al-āthār fī al-tarājim wa-l-akhbār. 4 vols. Būlāq, 1297/1880.", "4", "Būlāq", 1880),
    ("Ibn al-Athīr. al-Kāmil fī al-taʾrīkh. 12 vols. Leiden, 1867.", "12", "Leiden", 1867),
])
def test_an_imprint_after_the_number_of_volumes_is_the_place_and_date(text, count, place, year):
    """`4 vols. Būlāq, 1297/1880.`: read as one volume span, the imprint was lost with the date."""
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert (ref.text.get("number-of-volumes"), ref.text.get("publisher-place")) == (count, place)
    assert ref.dates["issued"].parts[0][0] == year


def test_a_fascicle_is_the_issue():
    from bibkit.parse import parse_reference

    ref = parse_reference('Algar, Hamid. "Afghani." Encyclopaedia Iranica, Vol. I, Fasc. 5. London, 1983.')
    assert (ref.text.get("volume"), ref.text.get("issue")) == ("I", "5")


def test_a_quoted_title_runs_to_its_closing_mark():
    """The labeller cut `«… امام علی (ع) | در نهج‌البلاغه»` at the honorific; the title runs to
    its closing guillemet and the journal after it keeps its label."""
    from bibkit.model import Reference
    from bibkit.parse.normalizers import Segment
    from bibkit.parse.repairs import quoted_title_runs_to_its_quote

    text = "«سیرهٔ امام علی (ع) در نهج‌البلاغه». فصلنامهٔ تاریخ اسلام، ۱۲."
    a, b = text.index(" در"), text.index(" فصلنامه")
    fields = {"title": [Segment(text[:a], 0, a, 0.9)], "editor": [Segment(text[a + 1:b], a + 1, b, 0.6)],
              "journal": [Segment(text[b + 1:], b + 1, len(text), 0.9)]}
    quoted_title_runs_to_its_quote(Reference(source=text), fields)
    assert fields["title"][0].text == "«سیرهٔ امام علی (ع) در نهج‌البلاغه»" and "editor" not in fields
    assert fields["journal"][0].text.startswith("فصلنامهٔ تاریخ اسلام")


def test_quotes_holding_two_sentences_are_left_alone():
    from bibkit.model import Reference
    from bibkit.parse.normalizers import Segment
    from bibkit.parse.repairs import quoted_title_runs_to_its_quote

    text = "“Yates’ correction. Encyclopedia of Statistics.”."
    a = text.index(" Encyclopedia")
    fields = {"title": [Segment(text[:a], 0, a, 0.9)], "container-title": [Segment(text[a + 1:], a + 1, len(text), 0.9)]}
    quoted_title_runs_to_its_quote(Reference(source=text), fields)
    assert fields["title"][0].text == "“Yates’ correction."


@pytest.mark.parametrize("text, title, note", [
    (("Browne, Edward G. The Persian Revolution of 1905–1909. With an introduction by Abbas Amanat. "
      "Washington: Mage, 1995."), "The Persian Revolution of 1905–1909", "With an introduction by Abbas Amanat"),
    ("هدایت، صادق. بوف کور. با مقدمهٔ محمدعلی همایون کاتوزیان. تهران: امیرکبیر، ۱۳۵۱.", "بوف کور",
     "با مقدمهٔ محمدعلی همایون کاتوزیان"),
])
def test_a_contribution_is_a_note_not_title_or_editor(text, title, note):
    """Someone who wrote an introduction or a section did not edit the book: `With an
    introduction by X`, `با مقدمهٔ X` are a note (`با تصحیح و مقدمهٔ X` still names the editor)."""
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert (ref.text.get("title"), ref.text.get("note"), ref.names.get("editor")) == (title, note, None)


@pytest.mark.parametrize("text, title, series, number", [
    ("العروي، عبد الله. مفهوم الدولة (سلسلة المفاهيم؛ 3). الدار البيضاء: المركز الثقافي العربي، 1981.",
     "مفهوم الدولة", "سلسلة المفاهيم", "3"),
    (("Lapidus, Ira M. Muslim Cities in the Later Middle Ages (Harvard Middle Eastern Studies, 11). Cambridge, MA: "
      "Harvard University Press, 1967."), "Muslim Cities in the Later Middle Ages", "Harvard Middle Eastern Studies", "11"),
])
def test_a_bracketed_series_closing_the_title_is_the_series(text, title, series, number):
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert (ref.text.get("title"), ref.text.get("collection-title"), ref.text.get("collection-number")) == (title, series, number)
    assert "volume" not in ref.text


def test_a_bracket_with_digits_or_a_year_is_no_series():
    from bibkit.parse.repairs import _BRACKETED_SERIES

    assert not _BRACKETED_SERIES.match("(vol 9, pg 249, 2003)") and not _BRACKETED_SERIES.match("(WBC 38B; Dallas: Word, 1988)")
    assert not _BRACKETED_SERIES.match("(Revised and Expanded)") and _BRACKETED_SERIES.match("(نقد العقل العربي؛ ٢)")


@pytest.mark.parametrize("text, publisher, place, year, note", [
    ("Lambton, A. K. S. Landlord and Peasant in Persia. London: Oxford University Press, 1953; repr. London: I.B. Tauris, 1991.",
     "Oxford University Press", "London", 1953, "repr. London: I.B. Tauris, 1991"),
    ("Browne, E. G. A Literary History of Persia. 4 vols. Cambridge: Cambridge University Press, 1902–24; reprinted 1969.",
     "Cambridge University Press", "Cambridge", 1902, "reprinted 1969"),
])
def test_a_reprints_imprint_is_a_note(text, publisher, place, year, note):
    """The first imprint is the work's; `; repr. London: I.B. Tauris, 1991` was joined to it
    (`London: London`, `Oxford University Press, I.B. Tauris`)."""
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert (ref.text.get("publisher"), ref.text.get("publisher-place"), ref.text.get("note")) == (publisher, place, note)
    assert ref.dates["issued"].parts[0][0] == year


@pytest.mark.parametrize("text, year, written", [
    ("فشاهی، محمدرضا. از گاتها تا مشروطیت. تهران: گوتنبرگ، ۲۵۳۶.", 1977, "۲۵۳۶"),
    ("آدمیت، فریدون. اندیشه‌های طالبوف تبریزی. تهران: دماوند، ۲۵۳۵ شاهنشاهی.", 1976, "۲۵۳۵ شاهنشاهی"),
])
def test_imperial_years_of_persian_books_are_converted_and_kept(text, year, written):
    """Iran counted years from Cyrus (Solar Hijri + 1180) from 1976 to 1978: a Persian book of
    ۲۵۳۶ is of 1977, not of the year 2536; the year as printed is kept, and read back."""
    from bibkit.formats.bibtex import read_bibtex, write_bibtex
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    date = ref.dates["issued"]
    assert (date.parts[0][0], date.raw, date.calendar) == (year, written, "persian-imperial")
    back = read_bibtex(write_bibtex([ref])).references[0].dates["issued"]
    assert (back.parts[0][0], back.raw, back.calendar) == (year, written, "persian-imperial")


def test_an_imperial_year_needs_persian_context_or_its_marker():
    from bibkit.text.calendars import find_calendar_years

    assert find_calendar_years("2536", lang="en")[0].calendar == "gregorian"
    assert find_calendar_years("2536", lang="ar")[0].calendar == "gregorian"
    assert find_calendar_years("2536 شاهنشاهی")[0].gregorian == 1977


@pytest.mark.parametrize("text, role, names, title", [
    ("یارشاطر، احسان (ویراستار). دانشنامهٔ ایرانیکا. نیویورک: بنیاد ایرانیکا، ۱۹۸۵.", "editor", ["یارشاطر, احسان"],
     "دانشنامهٔ ایرانیکا"),
    ("افشار، ایرج (مصحح). سفرنامهٔ فرهاد میرزا. تهران: علمی، ۱۳۶۶.", "editor", ["افشار, ایرج"], "سفرنامهٔ فرهاد میرزا"),
])
def test_a_persian_bracketed_role_closes_the_names_and_the_title_follows(text, role, names, title):
    """`(ویراستار)`, `(مصحح)`, `(مترجم)` after the names are their role, as `(ed.)` is; the
    whole string read as one editor had been kept unparsed."""
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert [n.display() for n in ref.names.get(role, [])] == names and ref.text.get("title") == title


@pytest.mark.parametrize("text, name", [
    ("Etemad al-Saltaneh, Mohammad Hasan Khan", "Etemad al-Saltaneh, Mohammad Hasan Khan"),
    ("Mostowfi ol-Mamalek, Hasan", "Mostowfi ol-Mamalek, Hasan"),
])
def test_a_romanized_laqab_is_one_family_name(text, name):
    """`X al-Y, Given` is one person whose family name is a laqab, not two people in display
    order (`Rachid Attia, Jeremie Daniel` still is two)."""
    from bibkit.parse.names import split_names

    assert [n.display() for n in split_names(text)] == [name]
    assert len(split_names("Rachid Attia, Jeremie Daniel")) == 2


@pytest.mark.parametrize("text, author, url", [
    ("موقع الجزيرة نت. «العراق بعد خمسين عاما». متاح على: https://www.aljazeera.net/news/2008/7/14.",
     "موقع الجزيرة نت", "https://www.aljazeera.net/news/2008/7/14"),
    ("خبرگزاری ایسنا. «گزارش نشست». قابل دسترسی در: https://www.isna.ir/news/123", "خبرگزاری ایسنا",
     "https://www.isna.ir/news/123"),
])
def test_web_sources_in_arabic_and_persian(text, author, url):
    """`متاح على:` and `قابل دسترسی در:` are access phrases (the first had become an editor); a
    website or news agency (`موقع`, `خبرگزاری`) is an institution, not a given and family name."""
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert [n.literal for n in ref.names["author"]] == [author] and ref.text["URL"] == url
    assert "editor" not in ref.names


def test_a_pen_names_real_name_in_square_brackets_is_no_part_of_it():
    from bibkit.parse.names import split_names

    assert [n.display() for n in split_names("al-Khalil, Samir [Kanan Makiya]")] == ["al-Khalil, Samir"]


@pytest.mark.parametrize("text, publisher, note", [
    ("Adamiyat, F. (1976). Ideolozhi-ye nehzat-e mashrutiyat-e Iran. Tehran: Payam. (In Persian)", "Payam", "(In Persian)"),
    ("Al-Jabiri, M. A. (1984). Takwin al-ʿaql al-ʿarabi. Beirut: Dar al-Taliʿa. [in Arabic]", "Dar al-Taliʿa", "[in Arabic]"),
])
def test_a_language_remark_after_the_imprint_is_a_note(text, publisher, note):
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert ref.text.get("publisher") == publisher and note.strip("()[]") in ref.text.get("note", "")


@pytest.mark.parametrize("text, language", [
    ("Rezaei, A. (2016). Discourse analysis of the revolution. Political Studies Quarterly, 8(30), 45–70. [In Persian]", "fa"),
    ("Masaitis, V. L., The deep structure of impact craters (in Russian). Razvedka i okhrana nedr, v. 8, pp. 10-13. 1991.", "ru"),
    ("Ajami, F. (1990). The Arab predicament. Beirut: Dar al-Nahar. (بالعربية)", "ar"),
])
def test_a_language_remark_decides_the_works_language(text, language):
    """`[In Persian]` after an English title says the work is Persian and its title a translation."""
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert ref.text["language"] == language
    if language == "fa":
        assert ref.forms["title"]["en"] == ref.text["title"]


def test_an_imperial_year_in_a_romanized_reference():
    """`Tehran: Agah, 2537.`: no Gregorian publication year reaches 2535 yet; unless the
    reference is in another language, it is the imperial year (1978)."""
    from bibkit.parse import parse_reference

    date = parse_reference("Nateq, Homa. Az mast ke bar mast. Tehran: Agah, 2537.").dates["issued"]
    assert (date.parts[0][0], date.calendar) == (1978, "persian-imperial")


def test_an_all_caps_inverted_name_is_cased_whole():
    """`KEDDIE, NIKKI R.` gave `Keddie, NIKKI R.`: the given names are cased with the family
    name; initials stay as they are."""
    from bibkit.parse.names import split_names

    assert [n.display() for n in split_names("KEDDIE, NIKKI R.")] == ["Keddie, Nikki R."]
    assert [n.display() for n in split_names("SMITH, J.-P.")] == ["Smith, J.-P."]


def test_a_place_closing_a_publishers_open_name_goes_back_into_it():
    from bibkit.parse.repairs import place_closing_publisher_name

    source = "Bushman, R. Refinement. Hanover: University Press of New England, 1992."
    fields = _repaired(place_closing_publisher_name, source, location="Hanover:",
                       publisher="University Press of New", **{"location ": "England,"})
    assert [s.text for s in fields["publisher"]] == ["University Press of New England,"]
    assert [s.text for s in fields["location"]] == ["Hanover:"]
    source = "Smith, J. Title. Lawrence: University Press of Kansas, 2001."
    fields = _repaired(place_closing_publisher_name, source, location="Lawrence:",
                       publisher="University Press of", **{"location ": "Kansas,"})
    assert [s.text for s in fields["publisher"]] == ["University Press of Kansas,"]
    source = "Ansari, A. Modern Iran. London: Longman, Harlow, 2007."  # a closed name keeps its place
    fields = _repaired(place_closing_publisher_name, source, publisher="Longman,", location="Harlow,")
    assert [s.text for s in fields["location"]] == ["Harlow,"]


def test_an_editing_noun_after_the_authors_name_opens_the_title_when_no_name_follows():
    from bibkit.parse.repairs import text_before_role_cue

    source = "أمين، قاسم. تحرير المرأة. القاهرة: مكتبة الترقي، ١٨٩٩."
    fields = _repaired(text_before_role_cue, source, editor="أمين، قاسم. تحرير المرأة.", location="القاهرة:")
    assert [s.text for s in fields["author"]] == ["أمين، قاسم."]
    assert [s.text for s in fields["title"]] == ["تحرير المرأة."]
    assert "editor" not in fields
    fields = _repaired(text_before_role_cue, source, author="أمين، قاسم.", editor="تحرير المرأة.", location="القاهرة:")
    assert [s.text for s in fields["title"]] == ["تحرير المرأة."] and "editor" not in fields
    source = "الجاحظ. تحقيق عبد السلام هارون. القاهرة: الخانجي، ١٩٦٥."  # a given name: the editor
    fields = _repaired(text_before_role_cue, source, editor="الجاحظ. تحقيق عبد السلام هارون.", location="القاهرة:")
    assert [s.text for s in fields["author"]] == ["الجاحظ."]
    assert [s.text for s in fields["editor"]] == ["تحقيق عبد السلام هارون."]
    fields = _repaired(text_before_role_cue, source, author="الجاحظ.", editor="تحقيق عبد السلام هارون.", location="القاهرة:")
    assert "title" not in fields and [s.text for s in fields["editor"]] == ["تحقيق عبد السلام هارون."]


def test_an_archival_documents_description_read_as_imprint_is_its_title():
    from bibkit.parse.repairs import archival_description_to_title

    source = "PRO, WO 208/1567, Tehran Military Attaché, Monthly Report, 14 June 1944."
    fields = _repaired(archival_description_to_title, source, archive="PRO,", archive_location="WO 208/1567,",
                       publisher="Tehran Military Attaché,", genre="Monthly Report,", date="14 June 1944.")
    assert [s.text for s in fields["title"]] == ["Tehran Military Attaché, Monthly Report"]
    assert "publisher" not in fields and "genre" not in fields
    source = "Bullard to Eden, 2 May 1944, FO 371/40186, TNA."  # a letter read as its author
    fields = _repaired(archival_description_to_title, source, author="Bullard to Eden,", date="2 May 1944,",
                       archive_location="FO 371/40186,", archive="TNA.")
    assert [s.text for s in fields["title"]] == ["Bullard to Eden"] and "author" not in fields
    source = "British Embassy to Iraq (3 May 1950), in PRO, FO 371/82405, Report, 2."  # sent to a place: an author
    fields = _repaired(archival_description_to_title, source, author="British Embassy to Iraq", date="(3 May 1950),",
                       archive="in PRO,", archive_location="FO 371/82405,", genre="Report,")
    assert "title" not in fields and [s.text for s in fields["genre"]] == ["Report,"]
    source = "Lambton, Ann. Landlord and Peasant. Oxford: Oxford University Press, 1953."  # no archive: left
    fields = _repaired(archival_description_to_title, source, author="Lambton, Ann.",
                       publisher="Landlord and Peasant. Oxford: Oxford University Press,")
    assert "title" not in fields


def test_an_archival_record_without_a_title_is_not_kept_verbatim():
    from bibkit.parse import parse_reference

    ref = parse_reference("اسناد وزارت امور خارجه، کارتن ۱۲، پروندهٔ ۳، سند ۴۵.")
    assert ref.text.get("archive_location") and not ref.warnings


def test_a_word_after_the_initials_running_on_into_the_title_opens_it():
    from bibkit.parse.repairs import one_word_title_after_initials

    source = "Lambton, Ann K. S. Malek-o zare' dar Iran. Tehran: Bongah, 1345."
    fields = _repaired(one_word_title_after_initials, source, author="Lambton, Ann K. S. Malek-o",
                       title="zare' dar Iran.", location="Tehran:")
    assert [s.text for s in fields["author"]] == ["Lambton, Ann K. S."]
    assert [s.text for s in fields["title"]] == ["Malek-o zare' dar Iran."]
    source = "Cole J. Sacred Space and Holy War. London: I.B. Tauris; 2002."  # Vancouver order
    fields = _repaired(one_word_title_after_initials, source, author="Cole J. Sacred", title="Space and Holy War.")
    assert [s.text for s in fields["author"]] == ["Cole J."]
    assert [s.text for s in fields["title"]] == ["Sacred Space and Holy War."]
    source = "Pate, C. Marvin. What Does the Future Hold? Grand Rapids: Baker, 2010."  # a name ends at its stop
    fields = _repaired(one_word_title_after_initials, source, author="Pate, C. Marvin.",
                       title="What Does the Future Hold?", location="Grand Rapids:")
    assert [s.text for s in fields["author"]] == ["Pate, C. Marvin."]


def test_a_preposition_closing_the_authors_opens_the_title():
    from bibkit.parse.repairs import function_word_opens_title

    source = "الحصري، ساطع في الأدب والاجتماع دار العلم بيروت 1950"
    fields = _repaired(function_word_opens_title, source, author="الحصري، ساطع في", title="الأدب والاجتماع")
    assert [s.text for s in fields["author"]] == ["الحصري، ساطع"]
    assert [s.text for s in fields["title"]] == ["في الأدب والاجتماع"]
    source = "آدمیت، فریدون و ناطق، هما افکار اجتماعی"  # `و` joins two names: left
    fields = _repaired(function_word_opens_title, source, author="آدمیت، فریدون و", title="ناطق، هما افکار اجتماعی")
    assert [s.text for s in fields["author"]] == ["آدمیت، فریدون و"]


def test_a_name_sentence_before_an_editing_noun_opening_the_title_is_the_author():
    from bibkit.parse.repairs import move_roles_from_prose

    source = "الغزالي. تهافت الفلاسفة. تحقيق سليمان دنيا. القاهرة: دار المعارف، ١٩٥٥."  # a real editor: moved
    fields = _repaired(move_roles_from_prose, source, title="الغزالي. تهافت الفلاسفة. تحقيق سليمان دنيا.")
    assert [s.text for s in fields["editor"]] == ["سليمان دنيا."]
    source = "البيروني. تحقيق ما للهند من مقولة. عني بتصحيحه محمد شمس. حيدرآباد: دائرة المعارف، ١٩٥٨."
    fields = _repaired(move_roles_from_prose, source, title="البيروني. تحقيق ما للهند من مقولة. عني بتصحيحه محمد شمس.")
    assert [s.text for s in fields["author"]] == ["البيروني."]
    assert [s.text for s in fields["title"]] == ["تحقيق ما للهند من مقولة"]
    assert [s.text for s in fields["editor"]] == ["محمد شمس."]


@pytest.mark.parametrize(("tail", "genre", "page", "left"), [
    ("Report, 3.", "Report", "3", None),  # a document kind and a page after the shelfmark: no title
    ("Minutes of the Cabinet, 3.", None, "3", "Minutes of the Cabinet"),  # a description keeps its words
    ("Stevens to Lloyd.", None, None, "Stevens to Lloyd."),
])
def test_a_document_kind_and_a_page_after_the_shelfmark_are_no_title(tail, genre, page, left):
    from bibkit.parse.repairs import archive_reference

    source = f"Embassy (1958), in MNL, XIX-J-1-j Iraq, 1945–1964, {tail}"
    # `in` labelled as pages, as the labeller may: a page number after the shelfmark still goes there
    fields = _repaired(archive_reference, source, pages="in", archive="MNL,",
                       archive_location="XIX-J-1-j Iraq, 1945–1964,", title=tail)
    assert [s.text for s in fields.get("genre", [])] == ([genre] if genre else [])
    assert [s.text for s in fields["pages"]] == [page or "in"]
    assert [s.text for s in fields.get("title", [])] == ([left] if left else [])


@pytest.mark.parametrize(("text", "title", "place", "publisher"), [
    ("Adamiyat, F. (1976). Ideolozhi-ye nehzat-e mashrutiyat-e Iran. Tehran: Payam.",
     "Ideolozhi-ye nehzat-e mashrutiyat-e Iran.", "Tehran", "Payam"),
    ("هيكل، محمد حسنين. خريف الغضب. بيروت: دار الشروق.", "خريف الغضب.", "بيروت", "دار الشروق"),
    ("Abrahamian, E. (2008). Revolution. Iran: A Modern History.", None, None, None),  # a subtitle after a country
    ("Keddie, N. (1981). Roots. Tehran: The Capital in Revolution and Reaction.", None, None, None),  # too long
])
def test_an_imprint_closing_the_title_is_the_imprint(text, title, place, publisher):
    from bibkit.parse.repairs import imprint_closing_title

    head, _, whole_title = text.partition(". ") if "(" not in text else text.partition("). ")
    fields = _repaired(imprint_closing_title, text, author=head, title=whole_title)
    if title is None:
        assert [s.text for s in fields["title"]] == [whole_title] and "location" not in fields
        return
    assert [s.text for s in fields["title"]] == [title]
    assert [s.text for s in fields["location"]] == [place] and [s.text for s in fields["publisher"]] == [publisher]


@pytest.mark.parametrize(("text", "labelled", "title"), [
    ("الكواكبي، عبد الرحمن. طبائع الاستبداد ومصارع الاستعباد. د.م.، د.ت.",
     "طبائع الاستبداد ومصارع الاستعباد. د.م", "طبائع الاستبداد ومصارع الاستعباد."),
    ("Smith, J. Iran today. n. p., n.d.", "Iran today. n. p", "Iran today."),
    ("Smith, J. The n.p. problem, 1990.", "The n.p. problem", None),  # inside a sentence: the title's
])
def test_a_mark_of_no_place_closing_the_title_is_the_imprint(text, labelled, title):
    from bibkit.parse.repairs import unknown_place_closing_title

    fields = _repaired(unknown_place_closing_title, text, author=text.partition(". ")[0], title=labelled)
    assert [s.text for s in fields["title"]] == [title or labelled]
    assert ("location" in fields) == bool(title)


@pytest.mark.parametrize(("text", "title"), [
    ("مطهری، مرتضی. خدمات متقابل اسلام و ایران. بی‌جا، بی‌تا.", "خدمات متقابل اسلام و ایران"),
    ("الكواكبي، عبد الرحمن. طبائع الاستبداد. د.م.، د.ت.", "طبائع الاستبداد"),
])
def test_no_place_and_no_date_leave_neither_place_nor_publisher(text, title):
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert ref.text["title"] == title
    assert "publisher" not in ref.text and "publisher-place" not in ref.text
    assert ref.dates["issued"].literal == "n.d."


@pytest.mark.parametrize(("text", "series", "number", "kind"), [
    (("International Crisis Group (2018). Iran's Priorities in a Turbulent Middle East. Middle East Report "
      "No. 184. Brussels: ICG."), "Middle East Report", "184", "report"),
    ("Smith, J. (2015). Oil and the state. Working Paper No. 12. Cairo: Economic Research Forum.",
     "Working Paper", "12", "report"),
    ("Hauptman, H. (1953). The Centrosymmetric Crystal. ACA Monograph No. 3. Wilmington: Polycrystal Book Service.",
     "ACA Monograph", "3", "book"),  # a monograph series: a book in it
])
def test_a_series_and_number_before_the_imprint_are_no_journal(text, series, number, kind):
    from bibkit.parse import parse_reference

    ref = parse_reference(text)
    assert (ref.text.get("collection-title"), ref.text.get("collection-number"), ref.type) == (series, number, kind)
    assert "container-title" not in ref.text and "issue" not in ref.text


def test_a_journal_issue_with_pages_stays_a_journal_issue():
    from bibkit.parse import parse_reference

    ref = parse_reference("Abrahamian, E. (2009). Why the Islamic Republic has survived. Middle East Report, No. 250, 10-16.")
    assert (ref.type, ref.text["container-title"], ref.text["issue"]) == ("article-journal", "Middle East Report", "250")


@pytest.mark.parametrize(("publisher", "name", "place"), [
    ("دار الطليعة بيروت", "دار الطليعة", "بيروت"),
    ("مكتبة الخانجي القاهرة", "مكتبة الخانجي", "القاهرة"),
    ("Dar al-Taliʿa Beirut", "Dar al-Taliʿa", "Beirut"),
    ("انتشارات دانشگاه تهران", "انتشارات دانشگاه تهران", None),  # University of Tehran: the place is the name's
    ("الجامعة الأمريكيةفي بيروت", "الجامعة الأمريكيةفي بيروت", None),  # no publisher's word opens it
])
def test_a_place_after_a_word_with_the_article_closes_the_publisher(publisher, name, place):
    from bibkit.parse.repairs import place_after_definite_publisher

    text = f"عفلق، ميشيل. في سبيل البعث. {publisher}، 1959."
    fields = _repaired(place_after_definite_publisher, text, author="عفلق، ميشيل.", title="في سبيل البعث.",
                       publisher=publisher)
    assert [s.text for s in fields["publisher"]] == [name]
    assert [s.text for s in fields.get("location", [])] == ([place] if place else [])
