"""Rendering through bibkit's API: what a user sees in a bibliography or a citation."""

from __future__ import annotations

import pytest

from bibkit.errors import UsageError
from bibkit.model import Cite, Name, Note, Reference
from bibkit.render import CiteRef, render_bibliography, render_citations, render_notes
from bibkit.render.bidi import FSI, PDI

KAHNEMAN = {"id": "kahneman2011", "type": "book", "title": "Thinking, fast and slow",
            "author": [{"family": "Kahneman", "given": "Daniel"}], "issued": {"date-parts": [[2011]]},
            "publisher": "Farrar, Straus and Giroux", "publisher-place": "New York"}
JABRI = {"id": "jabri1984", "type": "book", "language": "ar", "title": "نقد العقل العربي",
         "multi": {"_keys": {"title": {"ar-Latn-x-ijmes": "Naqd al-ʿaql al-ʿarabi"}}},
         "author": [{"family": "الجابري", "given": "محمد عابد", "multi": {"_key": {"ar-Latn-x-ijmes": {
             "family": "Jabri", "given": "Muhammad ʿAbid", "non-dropping-particle": "al-"}}}}],
         "issued": {"date-parts": [[1984]]}, "publisher": "Dar al-Taliʿa", "publisher-place": "Beirut"}


def test_chicago_keeps_full_given_names():
    entries = render_bibliography([KAHNEMAN], "chicago-notes-bibliography")
    assert entries == ["Kahneman, Daniel. Thinking, Fast and Slow. Farrar, Straus and Giroux, 2011."]


def test_apa_initials_for_arabic_given_names():
    (entry,) = render_bibliography([JABRI], "apa")
    assert entry.startswith("الجابري, م. ع. (1984).")
    assert ". محمد" not in entry


def test_romanized_particle_joins_family_and_sorts_under_j():
    entries = render_bibliography([KAHNEMAN, JABRI], "chicago-notes-bibliography", script="romanized")
    assert entries[0].startswith("Jabri, Muhammad ʿAbid al-.")
    assert "al- Jabri" not in " ".join(entries)
    apa = render_bibliography([JABRI], "apa", script="romanized")
    assert apa[0].startswith("al-Jabri, M. ʿA. (1984)")


def test_reference_objects_render_like_csl_json():
    ref = Reference.from_csl(KAHNEMAN)
    assert render_bibliography([ref], "apa") == render_bibliography([KAHNEMAN], "apa")


def test_one_bad_item_is_reported_and_others_render():
    bad = {"id": "bad", "type": "book", "title": "Bad", "issued": {"date-parts": [["x"]]}}
    problems: list = []
    entries = render_bibliography([KAHNEMAN, bad], "apa", problems=problems)
    assert any("Kahneman" in e for e in entries)
    assert "bad" in {p.item for p in problems}


def test_year_suffix_disambiguates_same_author_year():
    a = dict(KAHNEMAN, id="k1", title="Book one")
    b = dict(KAHNEMAN, id="k2", title="Book two")
    cites = render_citations([a, b], [["k1"], ["k2"]], "apa")
    assert cites == ["(Kahneman, 2011a)", "(Kahneman, 2011b)"]


def test_citation_with_locator():
    (cite,) = render_citations([KAHNEMAN], [[CiteRef("kahneman2011", "23")]], "apa")
    assert cite == "(Kahneman, 2011, p. 23)"


def test_notes_use_ibid_for_repeats():
    notes = [Note(1, "", cites=[Cite("kahneman2011", "5")]), Note(2, "", cites=[Cite("kahneman2011", "7")])]
    lines = render_notes(notes, [KAHNEMAN], "bibkit-ijmes")
    assert lines[0].startswith("1. Daniel Kahneman, Thinking, Fast and Slow")
    assert lines[1] == "2. Ibid., 7."


def test_ijmes_marks_language_of_non_english_work():
    (entry,) = render_bibliography([JABRI], "bibkit-ijmes", script="romanized")
    assert "Naqd al-ʿaql al-ʿarabi (in Arabic)" in entry


def test_persian_style_uses_persian_punctuation():
    item = {"id": "p", "type": "article-journal", "language": "fa", "title": "نقش ایران",
            "author": [{"family": "پاکزاد", "given": "علی"}, {"family": "احمدی", "given": "رضا"}],
            "container-title": "فصلنامه تاریخ", "volume": "12", "issued": {"date-parts": [[2020]]}}
    (entry,) = render_bibliography([item], "bibkit-persian-journal")
    assert entry.startswith("پاکزاد، علی و احمدی، رضا (2020). «نقش ایران».")


def test_html_isolates_rtl_runs_and_text_on_request():
    (html,) = render_bibliography([JABRI], "apa", fmt="html", script="both")
    assert html.startswith('<div class="csl-entry" dir="ltr">') and "<bdi>" in html
    (text,) = render_bibliography([JABRI], "apa", script="both", isolate=True)
    assert FSI in text and PDI in text


def test_markdown_italics():
    (entry,) = render_bibliography([KAHNEMAN], "apa", fmt="markdown")
    assert "*Thinking, fast and slow*" in entry


def test_unknown_style_suggests_close_names():
    with pytest.raises(UsageError, match="chicago-notes-bibliography"):
        render_bibliography([KAHNEMAN], "chicago-notes-bibliograhpy")


def test_renamed_and_dependent_styles_resolve():
    assert render_bibliography([KAHNEMAN], "chicago-fullnote-bibliography") == render_bibliography(
        [KAHNEMAN], "chicago-notes-bibliography")
    assert render_bibliography([KAHNEMAN], "nature-digest")


def test_name_forms_from_model():
    ref = Reference(id="r", type="book", text={"title": "T"},
                    names={"author": [Name(family="Smith", given="John Quincy")]})
    assert render_bibliography([ref], "apa")[0].startswith("Smith, J. Q.")


WEBPAGE = {"id": "qasim", "type": "webpage", "title": "Abd al-Karim Qasim", "language": "en",
           "container-title": "Encyclopaedia Britannica", "issued": {"date-parts": [[2023, 7, 10]]},
           "URL": "https://www.britannica.com/biography/Abd-al-Karim-Qasim"}
NEWS = {"id": "news", "type": "article-newspaper", "title": "US and Iraq begin talks", "language": "en",
        "author": [{"family": "Hubbard", "given": "Ben"}], "container-title": "The New York Times",
        "issued": {"date-parts": [[2024, 1, 27]]}}


def test_title_standing_in_for_author_is_not_repeated():
    (entry,) = render_bibliography([WEBPAGE], "apa")
    assert entry.count("Abd al-Karim Qasim") == 1
    assert entry.startswith("Abd al-Karim Qasim. (2023, July 10). Encyclopaedia Britannica.")


def test_editors_standing_in_for_author_take_the_author_format():
    edited = {"id": "ed", "type": "book", "title": "The Iranian revolution at forty",
              "editor": [{"family": "Takeyh", "given": "Ray"}, {"family": "Vakil", "given": "Sanam"}],
              "issued": {"date-parts": [[2020]]}, "publisher": "Brookings Institution Press"}
    (entry,) = render_bibliography([edited], "chicago-author-date")
    assert entry.startswith("Takeyh, Ray, and Sanam Vakil, eds. 2020.")
    assert "Edited by" not in entry


def test_numbered_styles_keep_a_space_after_the_number():
    (ieee,) = render_bibliography([KAHNEMAN], "ieee")
    assert ieee.startswith("[1] D. Kahneman,")
    (nlm,) = render_bibliography([NEWS], "nlm-citation-sequence")
    assert nlm.startswith("1. Hubbard B.") and "2024 Jan 27" in nlm
    (html,) = render_bibliography([KAHNEMAN], "ieee", "html")
    assert '<div class="csl-left-margin">[1]</div><div class="csl-right-inline">D. Kahneman' in html


def test_label_without_its_variable_is_not_printed():
    (entry,) = render_bibliography([NEWS], "chicago-author-date")
    assert entry.endswith("The New York Times, January 27.")


def test_bibliography_sorts_arabic_article_like_citeproc_js():
    items = [dict(KAHNEMAN, id="z", author=[{"family": "Alvandi", "given": "Roham"}]),
             dict(KAHNEMAN, id="j", author=[{"family": "Jabri", "given": "M.", "non-dropping-particle": "al-"}])]
    entries = render_bibliography(items, "apa")
    assert entries[0].startswith("al-Jabri") and entries[1].startswith("Alvandi")


def test_mla_repeats_no_author_name():
    first = dict(KAHNEMAN, id="k1", title="Thinking, fast and slow")
    second = dict(KAHNEMAN, id="k2", title="Noise", issued={"date-parts": [[2021]]})
    entries = render_bibliography([first, second], "modern-language-association")
    assert entries[0].startswith("Kahneman, Daniel.")
    assert entries[1].startswith("———.")


def test_cites_keep_their_order_and_collapse():
    a = dict(KAHNEMAN, id="a", author=[{"family": "Smith", "given": "J."}], issued={"date-parts": [[1900]]})
    b = dict(a, id="b", issued={"date-parts": [[2000]]})
    c = dict(KAHNEMAN, id="c", author=[{"family": "Adams", "given": "B."}])
    assert render_citations([a, b, c], [["b", "a"]], "chicago-author-date") == ["(Smith 2000, 1900)"]
    assert render_citations([a, b, c], [["a", "b", "c"]], "nlm-citation-sequence") == ["(1–3)"]


def test_thesis_without_number_prints_no_empty_group():
    thesis = {"id": "t", "type": "thesis", "title": "Iranian policy toward Iraq, 1958-1975",
              "author": [{"family": "Alvandi", "given": "Roham"}], "genre": "PhD diss.",
              "publisher": "University of Oxford", "issued": {"date-parts": [[2010]]}}
    (entry,) = render_bibliography([thesis], "apa")
    assert entry == "Alvandi, R. (2010). Iranian policy toward Iraq, 1958-1975 [PhD diss.]. University of Oxford."


def test_same_first_author_and_year_adds_names_before_year_suffix():
    base = {"type": "book", "issued": {"date-parts": [[1980]]}, "title": "T"}
    a = dict(base, id="a", author=[{"family": f, "given": "A."} for f in ("Smith", "Brown", "Jones", "Lee")])
    b = dict(base, id="b", author=[{"family": f, "given": "A."} for f in ("Smith", "Beefheart", "Jones", "Lee")])
    cites = render_citations([a, b], [["a"], ["b"]], "apa")
    assert cites == ["(Smith, Brown, et al., 1980)", "(Smith, Beefheart, et al., 1980)"]


def test_item_locales_give_persian_and_arabic_works_their_own_terms():
    from bibkit.parse import parse_text

    refs = parse_text("زرین‌کوب، عبدالحسین (۱۳۸۵). تاریخ مردم ایران. ترجمه علی محمدی. تهران: امیرکبیر.\n"
                      "Abrahamian, E. (1982). Iran between two revolutions. Ed. by John Smith. "
                      "Princeton: Princeton University Press.\n", lines=True).references
    plain = render_bibliography(refs, style="chicago-notes-bibliography")
    own = render_bibliography(refs, style="chicago-notes-bibliography", item_locales=True)
    assert "Translated by" in plain[1] and "ترجمه" in own[1] and "Translated" not in own[1]
    assert own[0] == plain[0]  # English works keep the style's terms, and the order is the same


def test_item_locales_keep_the_year_suffixes_of_the_whole_list():
    """Two 1385 works by one author are 1385a and 1385b with or without `item_locales`: the
    Persian entries come from the whole list rendered in the Persian locale, not one by one."""
    from bibkit.parse import parse_text

    refs = parse_text("زرین‌کوب، عبدالحسین (۱۳۸۵). تاریخ مردم ایران. تهران: امیرکبیر.\n"
                      "زرین‌کوب، عبدالحسین (۱۳۸۵). دو قرن سکوت. تهران: سخن.\n", lines=True).references
    plain = render_bibliography(refs, style="apa")
    own = render_bibliography(refs, style="apa", item_locales=True)
    assert sorted("a" in e.split(")")[0] for e in plain) == [False, True]  # one suffix a, one b
    assert [e.split(")")[0][-1] for e in own] == [e.split(")")[0][-1] for e in plain]


def test_item_locales_find_works_whose_keys_have_capitals():
    """citeproc-py reports ids in lower case; bibkit's own keys are camelCase (`zarrinTarikh1385`)."""
    item = {"id": "zarrinTarikh1385", "type": "book", "language": "fa", "title": "تاریخ مردم ایران",
            "author": [{"family": "زرین‌کوب", "given": "عبدالحسین"}], "translator": [{"family": "محمدی", "given": "علی"}],
            "issued": {"date-parts": [[2006]]}, "publisher": "امیرکبیر"}
    own = render_bibliography([item], style="apa", item_locales=True)
    assert "مترجم" in own[0] and "Trans." not in own[0]



def _item_locales_bench():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "bench/render_item_locales.py"
    spec = importlib.util.spec_from_file_location("render_item_locales", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _book(key: str, title: str, year: int | None, language: str = "en", **names) -> dict:
    dated = {"issued": {"date-parts": [[year]]}} if year else {}
    return {"id": key, "type": "book", "title": title, "publisher": "P", "language": language} | dated | names


_E = {"family": "Abrahamian", "given": "E."}
_J = {"family": "Jabri", "given": "M.", "non-dropping-particle": "al-"}
_AJ = {"family": "al-Jabri", "given": "M."}
_S, _B, _V = {"family": "Smith", "given": "J."}, {"family": "Byrne", "given": "M."}, {"family": "Vakil", "given": "S."}
_T = [{"family": "گل‌محمدی", "given": "احمد"}]
ALIKE = [  # works whose entries depend on others: year-suffix mates, dashes, numbers in a locale's order
    _book("abrahamianA", "Alpha", 2001, author=[_E]), _book("abrahamianFa", "ایران", 2001, "fa", author=[_E], translator=_T),
    _book("abrahamianB", "Beta", 2001, author=[_E]),
    # al-Jabri printed from two spellings (two collision keys): one group of four suffixes
    _book("jabriAr", "نقد العقل العربي", 1984, "ar", author=[_J], editor=[{"family": "عمر", "given": "عفيف"}]),
    _book("jabriEn", "Critique", 1984, author=[_J]), _book("alJabriA", "Reason", 1984, author=[_AJ]),
    _book("alJabriB", "Formation", 1984, author=[_AJ]),
    # "et al." and "editors" sort the other way round in Persian: dashes and numbers follow that order
    _book("smithEtAl", "Coup", 2001, author=[_S, _B, _E]), _book("smithEdited", "Revolution", 2001, editor=[_S, _V]),
    _book("smithFa", "انقلاب", 2001, "fa", editor=[_S, _V]), _book("smithFa2", "کودتا", 2001, "fa", author=[_S, _B, _E]),
    _book("anonymousFa", "ایران و عراق", None, "fa", translator=_T), _book("anonymous", "ایران و عراق", None),
]


@pytest.mark.parametrize("failing", [False, True], ids=["all render", "one fails"])
def test_item_locales_print_what_the_whole_list_rendered_per_locale_prints(failing):
    """Only the Persian and Arabic entries and the items that can change them are rendered
    again, yet year-suffixes, dashes and numbers come out as when the whole list was rendered
    once per locale (bench/render_item_locales.py compares many more lists)."""
    bench = _item_locales_bench()
    bad = [{"id": "bad", "type": "book", "title": "Bad", "issued": {"date-parts": [["x"]]}}] if failing else []
    count, differences = bench.compare({"alike": ALIKE + bad}, bench.STYLES, ("text",), lambda name: [(None, "original")])
    assert count == len(bench.STYLES) and differences == []
