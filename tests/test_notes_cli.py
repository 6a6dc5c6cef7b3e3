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
