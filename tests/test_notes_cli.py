"""`bibkit notes`: the note map as JSON, the sources as BibTeX, the notes re-rendered."""

from __future__ import annotations

import json

DOC = ("Claim one.[1] Claim two.[2]\n\nNotes\n"
       "1. Ervand Abrahamian, Iran Between Two Revolutions (Princeton, 1982), 10.\n"
       "2. Ibid., 12.\n")


def test_notes_json_from_stdin(run_cli):
    result = run_cli("notes", "-", input=DOC)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["sources"]) == 1
    source = data["sources"][0]["id"]
    assert [c["resolution"] for n in data["notes"] for c in n["cites"]] == ["direct", "ibid"]
    assert data["notes"][1]["cites"][0] == {**data["notes"][1]["cites"][0], "id": source, "locator": "12",
                                            "label": "page"}


def test_notes_sources_as_bibtex(run_cli):
    result = run_cli("notes", "-", "--to", "bibtex", input=DOC)
    assert result.exit_code == 0
    assert result.stdout.count("@book{") == 1 and "Abrahamian" in result.stdout


def test_notes_rerendered_in_a_notes_style(run_cli):
    result = run_cli("notes", "-", "--style", "chicago-notes-bibliography", input=DOC)
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("1. Ervand Abrahamian") and lines[1].startswith("2. ")


def test_problems_reported_with_exit_code_1(run_cli):
    result = run_cli("notes", "-", input=DOC + "3. Ibid.\n")
    assert result.exit_code == 1
    assert "note 3 has no marker" in result.stderr


def test_unknown_format_is_a_usage_error(run_cli):
    assert run_cli("notes", "-", "--to", "xml", input=DOC).exit_code == 2


def test_output_format_follows_the_file_extension(run_cli, tmp_path):
    bib, mapping = tmp_path / "notes.bib", tmp_path / "notes.json"
    assert run_cli("notes", "-", "-o", str(bib), input=DOC).exit_code == 0
    assert run_cli("notes", "-", "-o", str(mapping), input=DOC).exit_code == 0
    assert bib.read_text("utf-8").startswith("@book{")
    assert set(json.loads(mapping.read_text("utf-8"))) == {"sources", "notes"}


ENDNOTES = ("An argument.(1) Another.(2) A third.(3) A fourth.(4)\n\n"
            "1. Ervand Abrahamian, Iran Between Two Revolutions (Princeton, 1982), 10.\n"
            "2. Ibid., 12.\n"
            "3. Nikki R. Keddie, Roots of Revolution (New Haven, 1981), 45.\n"
            "4. Janet Afary, The Iranian Constitutional Revolution (New York, 1996), 3; and Abrahamian, op. cit., 30.\n")


def test_parse_gives_the_works_its_notes_cite_when_there_is_no_list(run_cli):
    """An article with endnotes and no reference list: `parse` gives its works cited, each once
    (not the notes between two Ibid. read as a list), and says where they came from."""
    result = run_cli("parse", "-", "--to", "csl-json", input=ENDNOTES)
    assert result.exit_code == 0, result.output
    assert sorted(item["author"][0]["family"] for item in json.loads(result.stdout)) == ["Abrahamian", "Afary", "Keddie"]
    assert "numbered notes cite 3 works" in result.stderr


def test_parse_text_api_reads_the_notes_of_a_document_without_a_list():
    from bibkit.parse import parse_text

    result = parse_text(ENDNOTES, origin="essay.txt")
    assert [ref.names["author"][0].family for ref in result.references] == ["Abrahamian", "Keddie", "Afary"]
    assert [str(notice) for notice in result.notices] == [
        "essay.txt: no reference list found; its numbered notes cite 3 works (`bibkit notes` maps each note to them)"]
    assert not result.diagnostics
    nothing = parse_text("Nothing cited here.\n\n1. A list of things.\n2. Another.\n")
    assert nothing.references == [] and nothing.notices == []
