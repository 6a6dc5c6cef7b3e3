"""Bad input: one clear `file:line` line each, exit 1, every valid entry still converted."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from bibkit import formats

TRUNCATED = """@book{good1, title={First}, year=2001}
@article{broken, title={Never closed, year=2002
@book{good2, title={Second}, year=2003}
"""
DUPLICATE = """@book{same, title={One}, year=2001}
@book{same, title={Two}, year=2002}
"""
BAD_JSON = """[
  {"id": "a", "type": "book", "title": "Kept A"},
  {"id": "b", "type": "book", "title": "Broken" "issued": 1},
  {"id": "c", "type": "book", "title": "Kept C"}
]
"""
RIS_NO_ER = """TY  - BOOK
TI  - First
ER  - 

TY  - BOOK
TI  - Second without end
"""


def _cli(run_cli, tmp_path, name, text, *args):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return run_cli("convert", str(path), *args), str(path)


def test_truncated_bibtex_entry(run_cli, tmp_path):
    result, path = _cli(run_cli, tmp_path, "t.bib", TRUNCATED, "--to", "csl-json")
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"{path}:2: cannot parse entry")
    items = json.loads(result.stdout)
    titles = [i.get("title") for i in items]
    assert "First" in titles and "Second" in titles
    kept = [i for i in items if i["type"] == "document"]
    assert kept and kept[0]["note"].startswith("@article{broken")  # kept verbatim, not dropped


def test_duplicate_keys_are_reported_and_both_kept(run_cli, tmp_path):
    result, path = _cli(run_cli, tmp_path, "d.bib", DUPLICATE, "--to", "csl-json")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{path}:2: duplicate key 'same' (first at line 1); kept as 'same-2'"
    assert [(i["id"], i["title"]) for i in json.loads(result.stdout)] == [("same", "One"), ("same-2", "Two")]


def test_invalid_json_keeps_the_valid_items(run_cli, tmp_path):
    result, path = _cli(run_cli, tmp_path, "b.json", BAD_JSON, "--to", "bibtex")
    assert result.exit_code == 1
    line = result.stderr.strip().splitlines()
    assert len(line) == 1 and line[0].startswith(f"{path}:3: invalid JSON")
    assert "Kept A" in result.stdout and "Kept C" in result.stdout


def test_ris_without_er(run_cli, tmp_path):
    result, path = _cli(run_cli, tmp_path, "r.ris", RIS_NO_ER, "--to", "csl-json")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{path}:5: entry has no ER line at end of file; converted"
    assert [i["title"] for i in json.loads(result.stdout)] == ["First", "Second without end"]


def test_usage_errors_exit_2(run_cli, tmp_path):
    missing = run_cli("convert", str(tmp_path / "nope.bib"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    folder = run_cli("parse", str(tmp_path))
    assert folder.exit_code == 2 and folder.stderr.strip().endswith("is a directory, not a file")
    path = tmp_path / "ok.bib"
    path.write_text("@book{a, title={A}}\n")
    assert run_cli("convert", str(path), "--to", "docx").exit_code == 2


def test_stdin_to_stdout(run_cli):
    result = run_cli("convert", "-", "--from", "bibtex", "--to", "ris", input="@book{a, title={A}, year=2001}\n")
    assert result.exit_code == 0
    assert result.stdout.startswith("TY  - BOOK\nID  - a\nTI  - A\nPY  - 2001\n")


def test_version(run_cli):
    result = run_cli("--version")
    assert result.exit_code == 0 and result.stdout.startswith("bibkit ")


def test_written_bibtex_parses_without_failed_blocks(data_dir):
    refs = formats.read_text((data_dir / "mixed.bib").read_text("utf-8"), "biblatex").references
    text = formats.write(refs, "biblatex")
    import bibtexparser

    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == [] and len(library.entries) == len(refs)
    assert "{Abbasi Nozari}, A." in text  # multi-word family name braced
    assert "title = {{Fī al-shiʿr al-jāhilī}}" in text  # romanized title protected whole
    assert "date+an:calendar = {=\"1371 SH\"}" in text
    assert "https://example.org/ettelaat_10074?a=1&b=2" in text  # URLs are not escaped
    assert "note = {Unpublished 50\\% draft \\& notes}" in text


PARSED_LIST = """زرین‌کوب، عبدالحسین (۱۳۸۵). تاریخ مردم ایران. تهران: امیرکبیر.
الجابري، محمد عابد (1984). تكوين العقل العربي. ط 2. بيروت: دار الطليعة.
Ādamīyat, Farīdūn. Andīshah-yi taraqqī va ḥukūmat-i qānūn. Tehran: Khvārazmī, 1351/1972.
Bakhash, S (2004), “The Troubled Relationship: Iran and Iraq, 1930–80”, Iran, Iraq, and the Legacies of War, Edited by Lawrence G. Potter and Gary G. Sick, Palgrave, New York
Policy in the Middle East (24 August 1958), CAE Shuckburgh to FO for distribution,” Public Records Office (PRO), FO371/132545.
"""


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber not installed (Debian package 'biber')")
def test_biber_validates_written_bibtex(data_dir, tmp_path):
    from bibkit.parse import parse_text

    refs = formats.read_text((data_dir / "mixed.bib").read_text("utf-8"), "biblatex").references
    refs += parse_text(PARSED_LIST, lines=True).references
    out = tmp_path / "out.bib"
    out.write_text(formats.write(refs, "biblatex"), encoding="utf-8")
    proc = subprocess.run(["biber", "--tool", "--validate-datamodel", out.name],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    problems = [l for l in log.splitlines() if ("ERROR" in l or "invalid" in l.lower() or "Invalid" in l)]
    assert problems == []


def test_ascii_option_gives_latex_escapes_that_read_back(data_dir):
    refs = formats.read_text((data_dir / "mixed.bib").read_text("utf-8"), "biblatex").references
    text = formats.write(refs, "biblatex", ascii_only=True)
    assert "{\\d{H}}usayn, {\\d{T}}{\\={a}}h{\\={a}}" in text
    assert "Andr{\\'{a}}s" in text or "Andr{\\'a}s" in text
    back = formats.read_text(text, "biblatex").references
    assert back[1].names["author"][0].family == "Ḥusayn"
    assert back[0].text["title"] == "شرق‌شناسی"  # other scripts stay as they are
