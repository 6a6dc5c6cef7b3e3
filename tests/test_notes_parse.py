"""Numbered notes in English, Persian and Arabic: blocks, markers, several sources in a note,
Ibid./op. cit./short forms resolved (and an ambiguous one reported), locators per cite."""

from __future__ import annotations

from bibkit.parse.notecite import split_note, take_locator
from bibkit.parse.notes import notes_to_json, parse_notes

ENGLISH = """The first claim.[1] The second claim.[2] A third.[3] A fourth.[4] Fifth.[5] Sixth.[6] Seventh.[7]

Notes
1. John Smith, A History of Persia (London: Macmillan, 1990), 12.
2. John Smith, The Safavid Empire (Oxford: Clarendon Press, 1995), 40.
3. Smith, op. cit., 44.
4. Smith, History of Persia, 15.
5. Smith, A History of Persia, 20; see also Mary Jones, Qajar Iran (New York: Knopf, 2001), 7.
6. Jones, Qajar Iran, p. 8.
7. Ibid., pp. 9-11.
8. Ibid.
"""

PERSIAN = """جنبش مشروطه ریشه در تحولات اقتصادی داشت.(۱) برخی بر نقش روحانیون تأکید کرده‌اند.(۲) دیگران به عوامل خارجی اشاره کرده‌اند.(۳) نتیجه روشن است.(۴)

پی‌نوشت‌ها
۱. فریدون آدمیت، ایدئولوژی نهضت مشروطیت ایران، تهران: پیام، ۱۳۵۵، صص ۱۲۰-۱۲۵.
۲. همان، ص ۱۳۰.
۳. محمد رضایی، تاریخ ایران، تهران: نشر نی، ۱۳۸۵، ص ۲۳.
۴. آدمیت، پیشین، ج ۲، ص ۴۵.
"""

ARABIC = """شهدت بغداد تحولات كبيرة (1). وكان للعامل الاقتصادي دور بارز (2). ويرى بعض الباحثين غير ذلك (3). وقد تناول المؤرخون هذه المسألة (4).

الهوامش
1. علي الوردي، لمحات اجتماعية من تاريخ العراق الحديث، بغداد: مطبعة الإرشاد، 1969، ص 12.
2. المصدر نفسه، ص 50.
3. عبد الرزاق الحسني، تاريخ الوزارات العراقية، صيدا: مطبعة العرفان، 1953، ص 7.
4. الوردي، المرجع السابق، ص 77.
"""


def _ids(result, number):
    return [c.id for c in result.notes[number - 1].cites]


def _kinds(result, number):
    return [c.resolution for c in result.notes[number - 1].cites]


def test_english_ibid_short_form_and_several_sources():
    result = parse_notes(ENGLISH)
    assert len(result.sources) == 3
    history, _, qajar = (r.id for r in result.sources)
    assert _ids(result, 4) == [history] and _kinds(result, 4) == ["short-form"]
    assert _ids(result, 5) == [history, qajar] and _kinds(result, 5) == ["short-form", "direct"]
    assert _ids(result, 6) == [qajar] and _kinds(result, 6) == ["short-form"]
    assert _ids(result, 7) == [qajar] and _kinds(result, 7) == ["ibid"]
    assert _ids(result, 8) == [qajar] and _kinds(result, 8) == ["ibid"]
    assert (result.notes[6].cites[0].locator, result.notes[6].cites[0].label) == ("9-11", "page")


def test_ambiguous_op_cit_is_reported_with_every_candidate_nearest_first():
    result = parse_notes(ENGLISH)
    history, safavid, _ = (r.id for r in result.sources)
    cite = result.notes[2].cites[0]
    assert cite.resolution == "ambiguous"
    assert cite.candidates == [safavid, history]
    assert any("note 3" in d.message and "ambiguous" in d.message for d in result.diagnostics)


def test_note_without_marker_is_reported():
    result = parse_notes(ENGLISH)
    assert result.notes[7].marker_offset is None
    assert any("note 8 has no marker" in d.message for d in result.diagnostics)
    assert ENGLISH[result.notes[0].marker_offset:].startswith("[1]")


def test_persian_haman_and_pishin():
    result = parse_notes(PERSIAN)
    assert len(result.sources) == 2
    adamiyat = _ids(result, 1)[0]
    assert _ids(result, 2) == [adamiyat] and _kinds(result, 2) == ["ibid"]
    assert _ids(result, 4) == [adamiyat] and _kinds(result, 4) == ["op-cit"]
    assert (result.notes[0].cites[0].locator, result.notes[0].cites[0].label) == ("120-125", "page")
    assert result.notes[3].cites[0].locator == "2:45"  # volume 2, page 45
    assert PERSIAN[result.notes[0].marker_offset:].startswith("(۱)")
    assert result.diagnostics == []


def test_arabic_al_masdar_nafsuh_and_al_marji_al_sabiq():
    result = parse_notes(ARABIC)
    assert len(result.sources) == 2
    wardi = _ids(result, 1)[0]
    assert _ids(result, 2) == [wardi] and _kinds(result, 2) == ["ibid"]
    assert _ids(result, 4) == [wardi] and _kinds(result, 4) == ["op-cit"]
    assert result.notes[1].cites[0].locator == "50"
    assert result.diagnostics == []


def test_ibid_after_a_note_with_two_sources_is_ambiguous():
    text = ("One.¹ Two.²\n\n"
            "¹ A. Brown, First Book (Boston, 1980), 3; cf. C. White, Second Book (Paris, 1985), 4.\n"
            "² Ibid., 5.\n")
    result = parse_notes(text)
    first, second = (r.id for r in result.sources)
    cite = result.notes[1].cites[0]
    assert (cite.resolution, cite.candidates, cite.locator) == ("ambiguous", [second, first], "5")
    assert result.notes[0].marker_offset == text.index("¹")


def test_same_work_cited_twice_in_full_is_one_source():
    text = ("A.^1 B.^2\n\n1. Richard Bulliet, Islam: The View from the Edge (New York, 1994), 5.\n"
            "2. Richard Bulliet, Islam: The View from the Edge (New York, 1994), 9.\n")
    result = parse_notes(text)
    assert len(result.sources) == 1
    assert _kinds(result, 2) == ["direct"] and _ids(result, 2) == _ids(result, 1)


def test_marker_without_a_note_is_reported():
    text = "First (1) and second (2) and third (3).\n\n1. Ibid.\n2. Jane Roe, A Book (London, 2000), 4.\n"
    result = parse_notes(text)
    assert any("marker 3 has no note" in d.message for d in result.diagnostics)


def test_a_document_without_notes_gives_nothing():
    result = parse_notes("Plain prose with a year, 1999, and no notes at all.\n")
    assert result.sources == [] and result.notes == []
    assert result.diagnostics


def test_split_note_keeps_commentary_apart():
    citations, commentary = split_note(
        "This point is argued at length by several writers who disagree; see also Jane Roe, A Book (London, 2000), 4")
    assert citations == ["Jane Roe, A Book (London, 2000), 4"]
    assert commentary.startswith("This point is argued")


def test_locators_are_taken_from_the_citation_not_the_source():
    assert take_locator("Smith, History, vol. 2, p. 45.") == ("Smith, History", "2:45", "page")
    assert take_locator("Smith, History, ch. 3") == ("Smith, History", "3", "chapter")
    assert take_locator("Title, Australian, 31 January 2024") == ("Title, Australian, 31 January 2024", None, None)
    assert take_locator("همان، صص ۱۰-۱۲") == ("همان", "10-12", "page")


def test_json_shape():
    data = notes_to_json(parse_notes(ENGLISH))
    assert {s["id"] for s in data["sources"]} == {c["id"] for n in data["notes"] for c in n["cites"]}
    note = data["notes"][2]
    assert note["number"] == 3 and isinstance(note["marker_offset"], int)
    assert note["cites"][0]["resolution"] == "ambiguous" and len(note["cites"][0]["candidates"]) == 2
    assert set(data["notes"][0]["cites"][0]) >= {"id", "locator", "label", "resolution", "how"}
    assert "'Smith' fits 2 earlier sources" in note["cites"][0]["how"]


def test_bare_ibid_means_the_same_place():
    result = parse_notes(ENGLISH)
    assert (result.notes[7].cites[0].locator, result.notes[7].cites[0].label) == ("9-11", "page")


def test_markdown_footnotes_and_wrapped_notes():
    text = ("Claim one.[^1] Claim two.[^2]\n\n"
            "[^1]: Ann Lambton, Landlord and Peasant in Persia: A Study of Land Tenure\n"
            "    and Land Revenue Administration (London, 1953), 7.\n"
            "[^2]: Ibid., 9.\n")
    result = parse_notes(text)
    assert [n.number for n in result.notes] == [1, 2]
    assert "Land Revenue Administration" in result.sources[0].text["title"]
    assert result.notes[1].cites[0].id == result.sources[0].id
    assert text[result.notes[1].marker_offset:].startswith("[^2]")


def test_notes_heading_wins_over_a_numbered_list_in_the_prose():
    text = ("Two points (1):\n1. the first point is that this was so\n2. the second point is that it was not\n\n"
            "Endnotes\n1. Nikki Keddie, Roots of Revolution (New Haven, 1981), 4.\n")
    result = parse_notes(text)
    assert len(result.notes) == 1 and len(result.sources) == 1
    assert result.notes[0].marker_offset == text.index("(1)")


def test_idem_is_the_same_author_with_another_work():
    text = ("A.(1) B.(2)\n\n1. Ann Lambton, Landlord and Peasant in Persia (London, 1953), 7.\n"
            "2. Idem, Qajar Persia (London, 1987), 12.\n")
    result = parse_notes(text)
    assert len(result.sources) == 2
    assert result.sources[1].names["author"][0].family == "Lambton"
    assert result.notes[1].cites[0].id == result.sources[1].id


def test_commentary_before_see_is_kept_apart_in_persian_and_english():
    assert split_note("For a different view, see John Smith, Title (London, 1990), 4.") == (
        ["John Smith, Title (London, 1990), 4."], "For a different view")
    assert split_note("همان، ص ۴؛ برای بحثی دیگر نک: رضایی، تاریخ ایران، ص ۵.") == (
        ["همان، ص ۴", "رضایی، تاریخ ایران، ص ۵."], "برای بحثی دیگر")


def test_a_title_word_is_not_a_back_reference():
    from bibkit.parse.backrefs import find_backref

    assert find_backref("رضایی، همان روزها، تهران، ۱۳۸۰") is None
    assert find_backref("همان، ص ۴۵").kind == "ibid"
    assert find_backref("Australian, op.cit., 31 January 2024").head == "Australian"


def test_notes_without_any_marker_get_one_report_not_one_per_note():
    text = "Prose without markers.\n\n1. Jane Roe, A Book (London, 2000), 4.\n2. Ibid., 5.\n"
    result = parse_notes(text)
    assert [n.marker_offset for n in result.notes] == [None, None]
    assert [d.message for d in result.diagnostics] == ["no in-text note markers found ((1), [1], ¹, ^1)"]


def test_the_volume_cited_before_the_imprint_goes_with_the_page():
    assert take_locator("علي الوردي، لمحات اجتماعية، ج 1 (بغداد: مطبعة الإرشاد، 1969)، ص 45.")[1:] == ("1:45", "page")
    assert take_locator("Smith, History, 2 vols. (London, 1990), 45")[1] == "45"


def test_legal_pin_cites_before_the_parenthetical():
    assert take_locator("Gasiorowski, The Coup, 19 Int'l J. Middle E. Stud. 261, 265 (1987).")[1:] == ("265", "page")
    assert take_locator("Wilber, Clandestine Service History, at 20 (CIA, Mar. 1954).")[1:] == ("20", "page")
    assert take_locator("Jane Roe, A Book (London, 2000)")[1] is None


def test_notes_numbered_with_a_tab_and_superscript_markers():
    text = "Claim.¹ Other.²\n\nNotes\n1\tJane Roe, A Book (London, 2000), 4.\n2  Ibid., 5.\n"
    result = parse_notes(text)
    assert [(n.number, n.marker_offset) for n in result.notes] == [(1, text.index("¹")), (2, text.index("²"))]
    assert [c.resolution for n in result.notes for c in n.cites] == ["direct", "ibid"]


def test_notes_copied_from_a_pdf_flattened_markers_and_numbers_before_a_space():
    """A PDF's copy flattens superscripts to digits after the word's stop (`roots.1 Its`), numbers
    each note `1 Name …` and wraps notes without indents; Persian the same (`است.۲ `)."""
    text = ("The revolution had deep roots.1 Its causes were debated.2 Others disagreed.3 دلایل آن روشن است.۴\n\n"
            "Notes\n"
            "1 Ervand Abrahamian, Iran Between Two Revolutions (Princeton: Princeton University\n"
            "Press, 1982), 45.\n"
            "2 Ibid., 52.\n"
            "3 Nikki R. Keddie, Roots of Revolution (New Haven: Yale University Press, 1981),\n"
            "102–105.\n"
            "4 همان، ۷۰.\n")
    result = parse_notes(text)
    assert [n.number for n in result.notes] == [1, 2, 3, 4]
    assert all(n.marker_offset is not None for n in result.notes)
    assert not result.diagnostics
    abrahamian, keddie = (r.id for r in result.sources)
    assert _ids(result, 2) == [abrahamian] and _ids(result, 3) == [keddie]
    assert _ids(result, 4) == [keddie] and _kinds(result, 4) == ["ibid"]
