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
