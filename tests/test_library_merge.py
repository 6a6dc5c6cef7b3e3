"""What a merged record keeps: the best values, where each came from, every script's form."""

from __future__ import annotations

import json

from bibkit.cli.library import render_report
from bibkit.library.dedup import find_duplicates
from bibkit.library.merge import Candidate, merge_references
from bibkit.model import Reference

PERSIAN = Reference.from_csl({
    "id": "fa", "type": "article-journal", "language": "fa",
    "title": "بررسی تطبیقی مضامین عرفانی در غزلیات حافظ و مولوی",
    "author": [{"family": "محمدی", "given": "رضا"}], "issued": {"date-parts": [[1398]]},
    "volume": "16", "issue": "2", "page": "45-68", "container-title": "پژوهش‌های ادبی"})
ROMANIZED = Reference.from_csl({
    "id": "rom", "type": "article-journal", "language": "fa-Latn-x-simple",
    "title": "Barrasi-ye tatbiqi-ye mazamin-e erfani dar ghazaliyat-e Hafez va Molavi",
    "author": [{"family": "Mohammadi", "given": "Reza"}], "issued": {"date-parts": [[2019]]},
    "volume": "16", "issue": "2", "page": "45-68"})
ENGLISH = Reference.from_csl({
    "id": "en", "type": "article-journal",
    "title": "A comparative study of mystical themes in the ghazals of Hafez and Rumi",
    "author": [{"family": "Mohammadi", "given": "Reza"}], "issued": {"date-parts": [[2019]]},
    "volume": "16", "issue": "2", "page": "45-68", "DOI": "10.1000/xyz"})


def merged() -> Reference:
    return merge_references([Candidate(PERSIAN, "record 1 (thesis)"), Candidate(ROMANIZED, "record 2 (paper)"),
                             Candidate(ENGLISH, "record 3 (paper)")])


def test_other_scripts_become_forms_under_their_tags() -> None:
    ref = merged()
    titles = {ref.text["title"], *ref.forms["title"].values()}
    assert titles == {PERSIAN.text["title"], ROMANIZED.text["title"], ENGLISH.text["title"]}
    assert ref.forms["title"].get("fa-Latn-x-simple") == ROMANIZED.text["title"]
    assert ref.forms["title"].get("en") == ENGLISH.text["title"]


def test_every_field_says_which_record_it_came_from() -> None:
    ref = merged()
    assert ref.text["DOI"] == "10.1000/xyz"
    assert ref.provenance["DOI"][0].origin == "record 3 (paper)"
    assert ref.provenance["DOI"][0].step == "merge"
    assert set(ref.provenance) == set(ref.fields())


def test_names_keep_their_other_script_spelling() -> None:
    author = merged().names["author"][0]
    spellings = {author.family, *(form.family for form in author.forms.values())}
    assert spellings == {"محمدی", "Mohammadi"}


def test_reports_list_groups_by_the_records_own_ids() -> None:
    refs = [PERSIAN, ROMANIZED, ENGLISH]
    result = find_duplicates(refs)
    ids: list[str | int] = [r.id for r in refs]
    assert json.loads(render_report(result, refs, ids, "json"))["clusters"] == [["fa", "rom", "en"]]
    assert "group 1:" in render_report(result, refs, ids, "text")
    assert render_report(result, refs, ids, "html").startswith("<!doctype html>")
