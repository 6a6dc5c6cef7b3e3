"""bibkit's fixes to citeproc-py, checked on their own terms."""

from __future__ import annotations

from bibkit.render.bidi import direction
from bibkit.render.fixes.disambiguate import suffix_letters
from bibkit.render.fixes.names import glue, initialize_given, split_particle
from bibkit.render.fixes.pages import format_range
from bibkit.render.fixes.punctuation import merge
from bibkit.render.fixes.quotes import move_punctuation_in, smarten
from bibkit.render.fixes.sorting import fallback_sort_key, sort_items, sort_lazily
from bibkit.render.fixes.textcase import title_case
from bibkit.render.output import formatter_for


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


def test_title_case_follows_citeproc_js():
    assert title_case("Iran between two revolutions") == "Iran between Two Revolutions"
    assert title_case("Abd al-Karim Qasim") == "Abd Al-Karim Qasim"
    assert title_case("Iran and Iraq: the Shatt al-Arab dispute") == "Iran and Iraq: The Shatt al-Arab Dispute"
    assert title_case("what it is about") == "What It Is About"


def test_particle_in_family_name_is_split():
    assert split_particle("al-One") == ("al-", "One")
    assert split_particle("van der Berg") == ("van der", "Berg")
    assert split_particle("Alvandi") == (None, "Alvandi")


def test_display_blocks_per_format():
    assert formatter_for("text").display("left-margin", "[1]") == "[1] "
    assert formatter_for("html").display("right-inline", "x") == '<div class="csl-right-inline">x</div>'


def test_lazy_sort_matches_full_sort_and_skips_untied_keys():
    items = ["b1", "a2", "b0", "c", "a1", "x"]
    first = {"b1": "b", "a2": "a", "b0": "b", "c": "c", "a1": "a", "x": None}
    asked: list[str] = []

    def second(group):
        asked.extend(group)
        return [g[1:] for g in group]

    lazy = sort_lazily(items, [(lambda g: [first[i] for i in g], False), (second, True)])
    full = sort_items(items, [[first[i] for i in items], [i[1:] for i in items]], [False, True])
    assert lazy == full == ["a2", "a1", "b1", "b0", "c", "x"]
    assert sorted(asked) == ["a1", "a2", "b0", "b1"]


def test_page_ranges_expand_then_shorten():
    assert format_range("1-20", "minimal-two", "–") == "1–20"
    assert format_range("100-4", "chicago", "–") == "100–104"
    assert format_range("321-328", "chicago-16", "–") == "321–28"
    assert format_range("N110-P5", "expanded", "–") == "N110-P5"
    assert format_range("110-5", None, "–") == "110–5"
    assert format_range("xxv-xxviii", "chicago-16", "–") == "xxv–xxviii"


def test_punctuation_merges_at_seams():
    assert [str(x) for x in merge("semicolon;", ": colon")] == ["semicolon;", " colon"]
    assert [str(x) for x in merge("colon:", "!")] == ["colon", "!"]
    assert [str(x) for x in merge("comma,", ".")] == ["comma,", "."]


def test_html_italics_flip_inside_italics():
    italic = formatter_for("html").Italic
    assert italic("My <i>Amazing</i> Title") == '<i>My <span style="font-style:normal;">Amazing</span> Title</i>'


def test_raw_dates_become_date_parts_or_literal():
    from bibkit.render.fixes.run import prepare_item

    assert prepare_item({"issued": {"raw": "2000-05-01"}})["issued"] == {"date-parts": [[2000, 5, 1]]}
    assert prepare_item({"issued": {"raw": "Bogus Date"}})["issued"] == {"literal": "Bogus Date"}
    assert prepare_item({"issued": {"raw": "2004/05/12"}})["issued"] == {"date-parts": [[2004, 5, 12]]}
    assert prepare_item({"issued": {"raw": "1958/1963"}})["issued"] == {"date-parts": [[1958], [1963]]}
    assert prepare_item({"issued": {"raw": "1985~"}})["issued"] == {"date-parts": [[1985]], "circa": True}


def test_default_citation_label_is_citeproc_js_trigraph():
    from bibkit.render.fixes.run import citation_label

    def item(*families):
        return {"author": [{"family": f} for f in families], "issued": {"date-parts": [[1978]]}}

    assert citation_label(item("Doe")) == "Doe78"
    assert citation_label(item("Roe", "Noakes")) == "RoNo78"
    assert citation_label(item("Aalto", "Bell", "Cox", "Dee", "Eve")) == "ABCD78"
    assert citation_label({"title": "No author"}) is None
