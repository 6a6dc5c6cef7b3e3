"""Field normalizers: what a user sees in a field after parsing a messy string."""

from __future__ import annotations

from bibkit.parse.normalizers import clean_publisher, clean_title


def test_line_break_hyphens_are_rejoined_in_titles_and_imprints():
    assert clean_publisher("Cornell Uni- versity Press.") == "Cornell University Press"
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
    assert ref.dates["issued"].year == 1989
    assert "learning machines" in ref.text["title"]


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


def test_roman_volumes_are_read_but_not_lone_letters():
    assert _volume_fields("XLI") == ("XLI", None)
    assert _volume_fields("v. XXVII,") == ("XXVII", None)
    assert _volume_fields("IX (") == ("IX", None)
    assert _volume_fields("C") == (None, None)  # a letter, not the number 100


def test_a_roman_numeral_after_the_journal_is_moved_to_the_volume():
    from bibkit.model import Reference
    from bibkit.parse.normalizers import Segment
    from bibkit.parse.repairs import volume_from_container

    text = "Journal of Psychology, XXVII,"
    fields = {"journal": [Segment(text, 0, len(text), 0.9)]}
    volume_from_container(Reference(), fields)
    assert [s.text for s in fields["journal"]] == ["Journal of Psychology"]
    assert [s.text for s in fields["volume"]] == ["XXVII"]
    kept = {"journal": [Segment("Studies of World War II", 0, 23, 0.9)]}  # no comma: the title's own numeral
    volume_from_container(Reference(), kept)
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
