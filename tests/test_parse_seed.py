"""The seed article's reference list, parsed and checked against the expected records under
references/seed-000 (checked by hand; see references/seed-000/README.md)."""

from __future__ import annotations

import json

import pytest

from bibkit import formats
from bibkit.parse import parse_text
from conftest import ROOT, SHARED
from seedproject import project

SAMPLE = ROOT / "references" / "seed-000"
EXPECTED = json.loads((SAMPLE / "expected.json").read_text("utf-8"))
NOT_YET: dict[int, str] = {}  # entry number -> why it is not parsed right yet


@pytest.fixture(scope="module")
def parsed():
    return parse_text((SAMPLE / "article-excerpt.txt").read_text("utf-8"), origin="article-excerpt.txt")


def test_finds_exactly_the_33_entries(parsed):
    assert len(parsed.references) == len(EXPECTED) == 33


@pytest.mark.parametrize("number", [
    pytest.param(n, marks=pytest.mark.xfail(reason=NOT_YET[n], strict=True)) if n in NOT_YET else n
    for n in range(1, 34)])
def test_every_field_of_entry(parsed, number):
    assert project(parsed.references[number - 1]) == EXPECTED[number - 1]


def test_nothing_is_reported_unparsed(parsed):
    assert parsed.diagnostics == []


def test_bibtex_output_matches_the_reviewed_file(parsed):
    assert formats.write(parsed.references, "biblatex") == (SAMPLE / "expected.bib").read_text("utf-8")


def test_original_forms_and_language_marks(parsed):
    goljan = parsed.references[14]
    assert goljan.language == "fa"  # a Persian book cited by an English translation of its title
    assert goljan.forms["title"]["en"] == goljan.text["title"]
    bamerani = parsed.references[1].names["author"][0]
    assert (bamerani.particle, bamerani.family) == ("Al-", "Bamerani")


@pytest.mark.skipif(not (SHARED / "seeds").exists(), reason="../shared/seeds not present")
def test_whole_seed_document_gives_the_same_records(parsed):
    whole = parse_text((SHARED / "seeds" / "000_4b5fd00a3c834ed1.txt").read_text("utf-8"))
    assert [project(r) for r in whole.references] == [project(r) for r in parsed.references]


def test_review_lists_the_least_confident_entries_beside_their_source(run_cli):
    result = run_cli("parse", str(SAMPLE / "article-excerpt.txt"), "--review", "-o", "/dev/null")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert len(lines) >= 2 * 4 and "confidence" in lines[0]
    assert lines[1].strip() in (SAMPLE / "article-excerpt.txt").read_text("utf-8")


def test_a_dash_author_repeats_the_authors_of_the_entry_above():
    """Chicago's `———.`: the dashes stand for the previous entry's authors, and the words
    after them are the title even where the labeller ran the author on."""
    from bibkit.parse import parse_text

    refs = parse_text("Beckett, Samuel. Murphy. London: Routledge, 1938.\n"
                      "———. Watt. Paris: Olympia Press, 1953.\n", lines=True).references
    assert [r.text.get("title") for r in refs] == ["Murphy", "Watt"]
    assert [n.family for n in refs[1].names["author"]] == ["Beckett"]
    assert refs[1].provenance["author"][-1].step == "parse.repeated-author"


def test_a_particle_or_others_closing_the_authors_stays_with_them():
    from bibkit.parse import parse_reference

    ref = parse_reference("Brim, Orville G. and others. Personality and Decision Processes. Stanford, "
                          "California: Stanford University Press, 1962.")
    assert [n.family for n in ref.names["author"]] == ["Brim"]
    assert ref.text["title"] == "Personality and Decision Processes"


def test_given_name_first_authors_are_not_read_as_the_title():
    from bibkit.parse import parse_reference

    ref = parse_reference("[14] Rudi Cilibrasi and Paul MB Vitányi. Clustering by compression. "
                          "TIT, 51(4):1523–1545, 2005.")
    assert [n.family for n in ref.names["author"]] == ["Cilibrasi", "Vitányi"]
    assert ref.text["title"] == "Clustering by compression"
    book = parse_reference("Tomlinson, Gary, Metaphysical Song: An Essay on Opera (Princeton University Press, 1999).")
    assert [n.family for n in book.names["author"]] == ["Tomlinson"]  # a subtitle's colon, not a name's end


def test_decomposed_accents_parse_like_composed_ones():
    """Text from PDFs spells `é` as `e` + U+0301; the parser reads it composed."""
    import unicodedata

    from bibkit.parse import parse_reference

    text = "Béland, J-P. (2006). L'homme biotech: humain ou posthumain. Laval: Presses de l'université de Laval."
    composed, decomposed = parse_reference(text), parse_reference(unicodedata.normalize("NFD", text))
    assert decomposed.text == composed.text
    assert decomposed.names == composed.names


@pytest.mark.parametrize("text", [
    "Amanat, Abbas. Resurrection and Renewal: The Making of the Babi Movement in Iran. Ithaca: Cornell University Press, 1989.",
    "Keddie, N. R. (1981). Roots of Revolution; An Interpretive History of Modern Iran. New Haven: Yale UP.",
    "کاتوزیان، محمدعلی. اقتصاد سیاسی ایران. ترجمهٔ محمدرضا نفیسی. تهران: نشر مرکز، ۱۳۷۲.",
])
def test_punctuation_spaced_off_its_word_parses_as_printed(text):
    """PDF copies often put a space before each stop (`Amanat , Abbas . Resurrection :`); the
    record must be the one the unspaced string gives (in offsets too: they span the space)."""
    import re

    from bibkit.parse import parse_reference

    spaced = re.sub(r"(?<=\S)([.,:;،؛])(?=\s|$)", r" \1", text)
    assert spaced != text
    plain, pdf = parse_reference(text), parse_reference(spaced)
    assert pdf.names == plain.names
    assert {k: re.sub(r" (?=[.,:;،؛])", "", v) for k, v in pdf.text.items()} == plain.text
    assert pdf.dates == plain.dates


def test_review_of_an_entry_kept_verbatim_has_no_empty_field_list(run_cli, tmp_path):
    path = tmp_path / "refs.txt"
    path.write_text("Khadduri, Majid. Republican Iraq. London: Oxford University Press, 1969.\n???? !!!! ....\n",
                    "utf-8")
    result = run_cli("parse", str(path), "--lines", "--review", "-o", "/dev/null")
    assert result.exit_code == 1
    assert f"{path}:2: confidence 0.00" in result.stderr.splitlines() and "()" not in result.stderr
