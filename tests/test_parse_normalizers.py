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
