"""Duplicate detection as a user sees it: which records it groups, which it keeps apart."""

from __future__ import annotations

from typing import Any

from bibkit.library.dedup import find_duplicates
from bibkit.library.dedup.keys import normalize_doi, normalize_isbn, parse_pages
from bibkit.library.textkeys import skeleton
from bibkit.model import Reference


def ref(rid: str, title: str, family: str, given: str = "", year: int | None = None, **fields: Any) -> Reference:
    item: dict[str, Any] = {"id": rid, "type": fields.pop("type", "article-journal"), "title": title,
                            "author": [{"family": family, "given": given}]}
    if year:
        item["issued"] = {"date-parts": [[year]]}
    item.update(fields)
    return Reference.from_csl(item)


def groups(*refs: Reference) -> list[list[str]]:
    return sorted(sorted(g) for g in find_duplicates(list(refs)).cluster_ids(list(refs)))


def test_name_spellings_and_a_cut_subtitle_are_one_book() -> None:
    a = ref("a", "Arab Contemporaries", "Khaduri", "M.", 1974, type="book")
    b = ref("b", "Arab contemporaries: the role of personalities in politics", "Khadduri", "Majid", 1974,
            type="book")
    assert groups(a, b) == [["a", "b"]]


def test_arabic_script_and_romanized_record_are_one_work() -> None:
    a = ref("a", "إحياء علوم الدين", "الغزالي", "أبو حامد", 1982, type="book", language="ar")
    b = ref("b", "Ihya' ulum al-din", "al-Ghazali", "Abu Hamid", 1982, type="book")
    assert groups(a, b) == [["a", "b"]]


def test_persian_solar_year_matches_its_gregorian_year() -> None:
    a = ref("a", "تاریخ ادبیات در ایران", "صفا", "ذبیح‌الله", 1385, type="book", language="fa")
    b = ref("b", "Tarikh-e adabiyat dar Iran", "Safa", "Zabihollah", 2006, type="book")
    assert groups(a, b) == [["a", "b"]]


def test_arabic_and_persian_letter_forms_are_one_record() -> None:
    a = ref("a", "دراسة في منهج التفسير عند الطبري", "الكاظمي", "علي", 2015, volume="7", page="101-130")
    b = ref("b", "دِراسَة فی منهج التفسیر عند الطّبری", "الکاظمی", "علی", 2015, volume="7", page="۱۰۱-۱۳۰")
    assert groups(a, b) == [["a", "b"]]


def test_translated_title_with_the_same_locator_is_one_article() -> None:
    a = ref("a", "بررسی تطبیقی مضامین عرفانی در غزلیات حافظ و مولوی", "محمدی", "رضا", 1398,
            volume="16", issue="2", page="45-68", language="fa")
    b = ref("b", "A comparative study of mystical themes in the ghazals of Hafez and Rumi", "Mohammadi",
            "Reza", 2019, volume="16", issue="2", page="45-68")
    assert groups(a, b) == [["a", "b"]]


def test_other_volumes_and_editions_are_not_duplicates() -> None:
    v1 = ref("v1", "Tarikh-i Bayhaqi", "Bayhaqi", "Abu'l-Fazl", 1388, type="book", volume="1")
    v2 = ref("v2", "Tarikh-i Bayhaqi", "Bayhaqi", "Abu'l-Fazl", 1388, type="book", volume="2")
    e1 = ref("e1", "Science and Civilization in Islam", "Nasr", "Seyyed Hossein", 1968, type="book")
    e2 = ref("e2", "Science and Civilization in Islam", "Nasr", "Seyyed Hossein", 2001, type="book")
    i1 = ref("i1", "Islamic Science", "Nasr", "S. H.", 1976, type="book", ISBN="0-905035-01-1")
    i2 = ref("i2", "Islamic Science", "Nasr", "S. H.", 1976, type="book", ISBN="978-0-905035-02-5")
    assert groups(v1, v2, e1, e2, i1, i2) == []


def test_erratum_and_editorials_that_share_a_title_are_kept_apart() -> None:
    article = ref("a", "Gain-of-function mutations in complement factor B", "de Jorge", "E. G.", 2007,
                  volume="104", page="240-245")
    erratum = ref("e", "Erratum: Gain-of-function mutations in complement factor B", "de Jorge", "E. G.",
                  2007, volume="104", page="240-245")
    ed1 = ref("d1", "Editor's Comments", "Weber", "Ron", 2002, volume="26", issue="1",
              **{"container-title": "MIS Quarterly"})
    ed2 = ref("d2", "Editor's Comments", "Weber", "Ron", 2002, volume="26", issue="2",
              **{"container-title": "MIS Quarterly"})
    assert groups(article, erratum, ed1, ed2) == []


def test_conference_abstract_and_later_article_are_kept_apart() -> None:
    abstract = ref("a", "Mutations of factor H impair regulation of surface bound C3b", "Lehtinen", "M. J.",
                   2009, volume="39", page="S571", **{"container-title": "European Journal of Immunology"})
    article = ref("b", "Mutations of factor H impair regulation of surface bound C3b", "Lehtinen", "M. J.",
                  2009, volume="284", page="15650-15658",
                  **{"container-title": "Journal of Biological Chemistry"})
    assert groups(abstract, article) == []


def test_groups_do_not_chain_records_with_different_dois() -> None:
    title = "Remote sensing of groundwater depletion in the Qazvin plain"
    a = ref("a", title, "Hosseini", "Mohammad", 2018, DOI="10.1000/aaa")
    b = ref("b", title, "Husayni", "M.", 2018)
    c = ref("c", title, "Hoseini", "Mohammad", 2018, DOI="https://doi.org/10.1000/BBB")
    found = groups(a, b, c)
    assert len(found) == 1 and len(found[0]) == 2 and found[0] != ["a", "c"]


def test_same_doi_in_other_notation_is_one_record() -> None:
    a = ref("a", "Groundwater depletion", "Hosseini", "M.", 2018, DOI="10.1016/S0025-7753(17)30624-3")
    b = ref("b", "Groundwater depletion in Iran", "Hosseini", "M.", 2018,
            DOI="https://doi.org/10.1016/S0025-7753%2817%2930624-3")
    assert groups(a, b) == [["a", "b"]]


def test_unsure_pairs_go_to_review_with_reasons() -> None:
    a = ref("a", "Groundwater management in arid regions of Iran", "Hosseini", "M.", 2018,
            volume="12", page="33-41")
    b = ref("b", "Groundwater management in arid regions of Iran", "Karimi", "H.", 2018,
            volume="12", page="33-41")
    result = find_duplicates([a, b])
    assert result.clusters == []
    assert [(p.a, p.b) for p in result.review] == [(0, 1)]
    assert "authors differ" in result.review[0].reasons


def test_empty_input_and_records_without_titles() -> None:
    assert find_duplicates([]).clusters == []
    blank = [Reference(id="x"), Reference(id="y")]
    assert find_duplicates(blank).clusters == []


def test_keys_read_messy_locators() -> None:
    pages = parse_pages("221-8")
    assert pages is not None and (pages.first, pages.last) == (221, 228)
    assert parse_pages("Suppl-29") is None
    assert parse_pages("۴۵-۶۸") == parse_pages("45--68")
    assert normalize_doi("https://doi.org/10.1000/ABC.") == "10.1000/abc"
    assert normalize_isbn("0-306-40615-2") == normalize_isbn("978-0-306-40615-7")


def test_skeleton_is_shared_by_script_and_romanizations() -> None:
    assert skeleton("خدوری") == skeleton("Khadduri") == skeleton("Khaduri")
    assert skeleton("قاسم") == skeleton("Qasim")
    assert skeleton("الغزالی") == skeleton("al-Ghazali") == skeleton("Ghazzali")
    assert skeleton("از کوچه رندان") == skeleton("Az kucheh-ye rendan")


def test_pasted_list_with_a_persian_work_in_script_and_romanized(run_cli, tmp_path):
    import json

    path = tmp_path / "refs.txt"
    path.write_text("Khaduri, M. (1974). The Republican Iraq. Beirut: Al-Dar Al-Muttahida.\n"
                    "Khadduri, Majid (1974). Republican Iraq. Beirut.\n"
                    "زرین‌کوب، عبدالحسین (۱۳۸۵). تاریخ مردم ایران. تهران: امیرکبیر.\n"
                    "Zarrinkub, Abdolhossein (2006). Tarikh-e mardom-e Iran. Tehran: Amir Kabir.\n"
                    "Abrahamian, E. (1982). Iran between two revolutions. Princeton: Princeton University Press.\n",
                    encoding="utf-8")
    result = run_cli("dedup", str(path), "--report", "json")
    assert result.exit_code == 0
    clusters = json.loads(result.stdout)["clusters"]
    assert sorted(map(sorted, clusters)) == [["khadduriRepublicanIraq1974", "khaduriRepublicanIraq1974"],
                                             ["zarrinkubTarikhMardom2006", "zarrinkubTarikhMardom2006a"]]


def test_author_and_year_cut_into_the_title_are_one_work() -> None:
    a = ref("a", "Mansour (1996). Applying the weak learning framework to understand and improve C4.5",
            "Dietterich", "T.", 1996)
    b = ref("b", "Applying the weak learning framework to understand and improve C4.5", "Dietterich", "T. G.",
            1996)
    c = ref("c", "(1992) Toward efficient agnostic learning", "Kearns", "M.", 1992)
    d = ref("d", "Toward efficient agnostic learning", "Kearns", "Michael", 1992)
    assert groups(a, b, c, d) == [["a", "b"], ["c", "d"]]


def test_a_title_that_opens_with_a_year_keeps_it() -> None:
    a = ref("a", "Cancer statistics, 2019", "Siegel", "R. L.", 2019)
    b = ref("b", "Cancer statistics, 2020", "Siegel", "R. L.", 2020)
    assert groups(a, b) == []


def test_a_leading_article_is_left_out_whatever_its_language() -> None:
    # `The` was left out but `al-` was not, so the book was one record with the English
    # article and two with the Arabic one
    a = ref("a", "Al-Muqaddimah", "Ibn Khaldun", "Abd al-Rahman", 1967, type="book")
    b = ref("b", "The Muqaddimah", "Ibn Khaldun", "A.", 1967, type="book")
    c = ref("c", "Muqaddimah", "Ibn Khaldun", "A.", 1967, type="book")
    d = ref("d", "At-Tawhid", "Faruqi", "Ismail", 1982, type="book")
    e = ref("e", "Tawhid", "Faruqi", "I. R.", 1982, type="book")
    assert groups(a, b, c, d, e) == [["a", "b", "c"], ["d", "e"]]


def test_venue_acronym_is_the_venue_written_out() -> None:
    title = "On the learnability of discrete distributions"
    a = ref("a", title, "Kearns", "M.", 1994, page="273-282",
            **{"container-title": "Proceedings of the 26th Annual ACM Symposium on Theory of Computing"})
    b = ref("b", title, "Kearns", "M.", 1994, page="273-282", **{"container-title": "STOC 94"})
    assert groups(a, b) == [["a", "b"]]


def test_page_range_with_its_dash_lost_is_the_same_range() -> None:
    title = "A decision-theoretic generalization of on-line learning and an application to boosting"
    a = ref("a", title, "Freund", "Y.", 1995, page="23-37")
    b = ref("b", title, "Freund", "Y.", 1995, page="2337")
    assert groups(a, b) == [["a", "b"]]
    other = ref("c", title, "Freund", "Y.", 1995, page="119-139")
    assert groups(a, other) == []


def test_a_stray_page_does_not_split_a_group_but_two_abstracts_stay_apart() -> None:
    title = "Inference of finite automata using homing sequences"
    venue = {"container-title": "Information and Computation"}
    full = ref("a", title, "Rivest", "R. L.", 1993, page="299-347", **venue)
    bare = ref("b", title, "Rivest", "R. L.", 1993, **venue)
    stray = ref("c", title, "Rivest", "R.", 1993, page="9", **venue)
    assert groups(full, bare, stray) == [["a", "b", "c"]]
    venue = {"container-title": "European Journal of Immunology", "volume": "39"}
    first = ref("d", "Factor H and C3b on surfaces", "Lehtinen", "M.", 2009, page="S12", **venue)
    second = ref("e", "Factor H and C3b on surfaces", "Lehtinen", "M.", 2009, page="S13", **venue)
    undated = ref("f", "Factor H and C3b on surfaces", "Lehtinen", "M.", 2009, **venue)
    assert all(not {"d", "e"} <= set(g) for g in groups(first, second, undated))


def _parsed(rid: str, source: str, **fields: Any) -> Reference:
    """A record as a parser that missed its title and authors leaves it: source text kept."""
    out = Reference(id=rid, type="article-journal", source=source)
    for var, value in fields.items():
        out.text[var.replace("_", "-")] = value
    out.dates["issued"] = Reference.from_csl({"id": "x", "issued": {"date-parts": [[1994]]}}).dates["issued"]
    return out


def test_a_citation_the_parser_got_wrong_is_matched_by_its_text() -> None:
    clean = ref("a", "On the learnability of discrete distributions", "Kearns", "Michael", 1994,
                **{"container-title": "Proceedings of the 26th ACM Symposium on Theory of Computing"})
    parsed = _parsed("b", "m. kearns, y. mansour, d. ron, r. rubinfeld, r. e. schapire, and l. sellie. on the "
                          "learnability of discrete distributions. in proc. of the 26th acm stoc, 1994",
                     container_title="on the learnability of discrete distributions")
    assert groups(clean, parsed) == [["a", "b"]]


def test_a_book_named_in_a_chapter_citation_is_not_the_chapter() -> None:
    book = ref("a", "Machine learning: from theory to applications", "Hanson", "S. J.", 1993, type="book")
    chapter = _parsed("b", "r. l. rivest and r. e. schapire. inference of finite automata using homing sequences. "
                           "in s. j. hanson, editor, machine learning: from theory to applications. springer, 1993",
                      title="inference of finite automata using homing sequences")
    assert groups(book, chapter) == []


def test_copies_far_apart_among_many_records_of_one_title_are_compared() -> None:
    title = "Learning in the presence of malicious errors"
    others = [ref(f"o{i}", title, f"Author{chr(97 + i % 26)}{chr(97 + i // 26)}", "A.", 1993) for i in range(44)]
    first = ref("a", title, "Kearns", "Michael", 1993, **{"container-title": "SIAM Journal on Computing"})
    copy = ref("b", title, "Kearns", "M.", **{"container-title": "SIAM J. Comput."})
    records = [first, *others[:29], copy, *others[29:]]
    assert [g for g in groups(*records) if "a" in g] == [["a", "b"]]


def _versions(title: str, copy_title: str, journal_first: bool) -> list[list[str]]:
    """45 records of one title, too many to compare all against all (15 of a conference
    paper, 30 of its journal version), and an undated copy of the journal version whose
    title is written otherwise: the groups the copy is in."""
    conference = [ref(f"c{i}", title, "Rivest", "R. L.", 1989, page="411-420", **{"container-title": "STOC"})
                  for i in range(15)]
    journal = [ref(f"j{i}", title, "Rivest", "R. L.", 1993, volume="103", page="299-347",
                   **{"container-title": "Information and Computation"}) for i in range(30)]
    copy = ref("x", copy_title, "Rivest", "R.", page="299-347", **{"container-title": "Information and Computation"})
    records = [*journal, *conference] if journal_first else [*conference, *journal]
    return [g for g in groups(*records, copy) if "x" in g]


def test_a_copy_with_a_word_before_its_title_is_compared_in_a_big_block() -> None:
    # the copy with `1993` cut into its title sorted before the whole block and was compared
    # only with the conference version's records at its head
    title = "Inference of finite automata using homing sequences"
    assert _versions(title, f"1993 {title}", journal_first=False) == [sorted(["x", *(f"j{i}" for i in range(30))])]


def test_a_copy_with_a_word_written_apart_is_compared_in_a_big_block() -> None:
    # `online` sorted after every `on-line` and was compared only with the records at the end
    title = "A decision-theoretic generalization of on-line learning"
    copy = "A decision-theoretic generalization of online learning"
    assert _versions(title, copy, journal_first=True) == [sorted(["x", *(f"j{i}" for i in range(30))])]


def test_two_issues_of_a_newspaper_dated_to_different_days_are_kept_apart() -> None:
    """Same paper, volume and year, two issues: once the dates differ in the day they are two
    records; the same issue pasted twice stays one."""
    from bibkit.parse import parse_reference

    def issue(rid: str, text: str) -> Reference:
        parsed = parse_reference(text)
        parsed.id = rid
        return parsed

    first = "Kayhan Newspaper. (1960, March 3). Year 18, No. 5012."
    third = "Kayhan Newspaper. (1960, March 5). Year 18, No. 5014."
    assert groups(issue("a", first), issue("b", third)) == []
    assert groups(issue("a", first), issue("c", first)) == [["a", "c"]]


def test_a_journal_article_dated_online_and_in_print_is_one_record() -> None:
    """A journal article's full date differs between exports (online first, then print): only
    items dated as part of what they are (newspaper issues, letters) are split by the day."""
    online = ref("on", "Iran's policy towards Iraq", "Takeyh", "Ray", 2015, volume="12", page="33-50",
                 **{"container-title": "Middle East Journal"})
    printed = ref("pr", "Iran's policy towards Iraq", "Takeyh", "R.", 2015, volume="12", page="33-50",
                  **{"container-title": "Middle East Journal"})
    online.dates["issued"].parts = [[2015, 1, 12]]
    printed.dates["issued"].parts = [[2015, 3, 1]]
    assert groups(online, printed) == [["on", "pr"]]
