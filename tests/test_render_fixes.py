"""bibkit's fixes to citeproc-py, checked on their own terms."""

from __future__ import annotations

from bibkit.render.bidi import direction
from bibkit.render.fixes.disambiguate import suffix_letters
from bibkit.render.fixes.names import glue, initialize_given
from bibkit.render.fixes.quotes import move_punctuation_in, smarten
from bibkit.render.fixes.sorting import fallback_sort_key


def test_initialize_true_keeps_abbreviations():
    assert initialize_given("John M.E.", ". ") == "J. M. E."
    assert initialize_given("Ph. M.E.", ".") == "Ph.M.E."
    assert initialize_given("ME", "") == "M"


def test_initialize_false_keeps_full_words():
    assert initialize_given("John M.E.", " ", initialize=False) == "John M E"
    assert initialize_given("ME", ". ", initialize=False) == "ME"


def test_caseless_script_initials():
    assert initialize_given("محمد عابد", ". ") == "م. ع."


def test_hyphenated_particles_glue():
    assert glue("al-", "Jabri") == "al-Jabri"
    assert glue("d’", "Aubignac") == "d’Aubignac"
    assert glue("van", "Gogh") == "van Gogh"


def test_quotes_and_apostrophes():
    assert smarten("Plato's \"Republic\"", "“", "”") == "Plato’s “Republic”"
    assert move_punctuation_in("“The Title”. And", ("”",)) == "“The Title.” And"


def test_persian_letters_sort_in_alphabet_order():
    words = ["گل", "پدر", "ی", "ب", "چای", "ک"]
    assert sorted(words, key=fallback_sort_key) == ["ب", "پدر", "چای", "ک", "گل", "ی"]


def test_year_suffix_letters():
    assert [suffix_letters(i) for i in (0, 1, 25, 26)] == ["a", "b", "z", "aa"]


def test_direction():
    assert direction("<i>نقد</i> Jabri") == "rtl"
    assert direction("Jabri نقد") == "ltr"
