"""The library as a user drives it: projects, search in any script, merge, undo, export."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bibkit import formats
from bibkit.cli.app import app
from bibkit.errors import UsageError
from bibkit.library import merge, store
from bibkit.model import Reference

THESIS = [
    {"id": "khaduri1974", "type": "book", "title": "Arab Contemporaries",
     "author": [{"family": "Khaduri", "given": "M."}], "issued": {"date-parts": [[1974]]},
     "publisher": "Johns Hopkins"},
    {"id": "qasimi", "type": "book", "title": "قاسم و شعر فارسی", "language": "fa",
     "author": [{"family": "قاسمی", "given": "علی"}], "issued": {"date-parts": [[1385]]}},
]
ARTICLE = [
    {"id": "khadduri", "type": "book", "title": "Arab contemporaries: the role of personalities in politics",
     "author": [{"family": "Khadduri", "given": "Majid"}], "issued": {"date-parts": [[1974]]}},
    {"id": "qasemi2006", "type": "book", "title": "Qasem va she'r-e farsi",
     "author": [{"family": "Qasemi", "given": "Ali"}], "issued": {"date-parts": [[2006]]}},
]


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    c = store.open_library(str(tmp_path / "lib.sqlite"))
    store.add_references(c, "thesis", [Reference.from_csl(i) for i in THESIS])
    store.add_references(c, "article", [Reference.from_csl(i) for i in ARTICLE])
    return c


def exports(c: sqlite3.Connection) -> str:
    return "".join(formats.write(store.export_references(c, p), fmt)
                   for p in ("thesis", "article") for fmt in ("biblatex", "csl-json", "ris"))


def test_projects_and_listing(conn: sqlite3.Connection) -> None:
    assert store.project_counts(conn) == [("article", 2), ("thesis", 2)]
    assert [r.key for r in store.list_records(conn, ["thesis"])] == ["khaduri1974", "qasimi"]
    record = store.get_record(conn, "qasimi")
    assert record.projects == ["thesis"] and record.imported_at and record.ref.text["title"] == "قاسم و شعر فارسی"


def test_search_is_script_insensitive(conn: sqlite3.Connection) -> None:
    assert {r.key for r in store.search(conn, "Qasim")} == {"qasimi", "qasemi2006"}
    assert {r.key for r in store.search(conn, "khadduri")} == {"khaduri1974", "khadduri"}
    assert [r.key for r in store.search(conn, "personalities")] == ["khadduri"]


def test_merge_keeps_provenance_and_other_scripts_then_undo_restores_exactly(conn: sqlite3.Connection) -> None:
    before = exports(conn)
    qasimi, qasemi = store.get_record(conn, "qasimi").id, store.get_record(conn, "qasemi2006").id
    [new] = merge.merge_records(conn, [[qasimi, qasemi]])
    merged = store.get_record(conn, str(new))
    assert merged.projects == ["article", "thesis"]
    titles = {merged.ref.text["title"], *merged.ref.forms["title"].values()}
    assert titles == {"قاسم و شعر فارسی", "Qasem va she'r-e farsi"}
    origins = {p.origin for provs in merged.ref.provenance.values() for p in provs}
    assert origins <= {f"record {qasimi} (thesis)", f"record {qasemi} (article)"}
    assert store.get_record(conn, str(qasimi)).merged_into == new  # kept, not deleted
    assert merge.undo_last(conn)
    assert exports(conn) == before


def test_rm_is_soft_and_undoable(conn: sqlite3.Connection) -> None:
    before = exports(conn)
    merge.remove_records(conn, [1])
    assert [r.id for r in store.list_records(conn, deleted=True)] == [1]
    assert 1 not in [r.id for r in store.list_records(conn)]
    merge.undo_last(conn)
    assert exports(conn) == before
    assert merge.undo_last(conn) is None


def test_errors_name_the_problem(conn: sqlite3.Connection) -> None:
    with pytest.raises(UsageError, match="no such record"):
        store.get_record(conn, "nothing")
    with pytest.raises(UsageError, match="no such project"):
        store.export_references(conn, "nothing")
    with pytest.raises(UsageError, match="two records"):
        merge.merge_records(conn, [[1]])


def test_schema_is_versioned_and_refuses_a_newer_one(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    c = store.open_library(str(path))
    assert c.execute("PRAGMA user_version").fetchone()[0] >= 1
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    c.execute("PRAGMA user_version = 999")
    c.close()
    with pytest.raises(UsageError, match="newer"):
        store.open_library(str(path))


def test_cli_add_dedup_merge_undo(tmp_path: Path) -> None:
    runner = CliRunner()
    lib = ["--library", str(tmp_path / "lib.sqlite")]
    (tmp_path / "a.json").write_text(json.dumps(THESIS, ensure_ascii=False), "utf-8")
    (tmp_path / "b.json").write_text(json.dumps(ARTICLE, ensure_ascii=False), "utf-8")
    assert runner.invoke(app, ["library", "add", "thesis", str(tmp_path / "a.json"), *lib]).exit_code == 0
    assert runner.invoke(app, ["library", "add", "article", str(tmp_path / "b.json"), *lib]).exit_code == 0
    files = runner.invoke(app, ["dedup", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--report", "json"])
    assert sorted(map(sorted, json.loads(files.stdout)["clusters"])) == [
        ["khadduri", "khaduri1974"], ["qasemi2006", "qasimi"]]
    before = runner.invoke(app, ["library", "export", "thesis", "--to", "bibtex", *lib]).stdout
    assert runner.invoke(app, ["merge", "--auto", *lib]).exit_code == 0
    assert "[article, thesis]" in runner.invoke(app, ["library", "list", *lib]).stdout
    assert runner.invoke(app, ["undo", *lib]).exit_code == 0
    assert runner.invoke(app, ["library", "export", "thesis", "--to", "bibtex", *lib]).stdout == before
    bad = runner.invoke(app, ["merge", "1,x", *lib])
    assert bad.exit_code == 2 and "record numbers" in bad.stderr


def test_listings_show_titles_as_read_not_their_case_protection(tmp_path: Path) -> None:
    """A title imported from BibTeX keeps `{Qasim}` as a nocase span; listings print the words."""
    runner = CliRunner()
    lib = ["--library", str(tmp_path / "lib.sqlite")]
    bib = tmp_path / "a.bib"
    bib.write_text("@book{k, title = {Abdul Karim {Qasim}: The Beginning}, author = {Mardan, K.}, date = {1989}}\n"
                   "@book{k2, title = {Abdul Karim Qasim: The Beginning}, author = {Mardan, K.}, date = {1989}}\n", "utf-8")
    assert runner.invoke(app, ["library", "add", "p", str(bib), *lib]).exit_code == 0
    for command in (["library", "search", "Qasim"], ["library", "list"], ["dedup", "--all", "--report", "text"]):
        out = runner.invoke(app, [*command, *lib]).stdout
        assert "Abdul Karim Qasim: The Beginning" in out and "<span" not in out
    # nor do the search index and RIS, a plain-text format
    assert runner.invoke(app, ["library", "search", "nocase", *lib]).stdout.strip() == ""
    ris = runner.invoke(app, ["library", "export", "p", "--to", "ris", *lib]).stdout
    assert "TI  - Abdul Karim Qasim: The Beginning" in ris and "<span" not in ris


def test_dedup_of_files_reports_each_record_by_its_own_id_and_file_where_ids_collide(tmp_path: Path) -> None:
    """Two files may both have `khadduri1969` (one book each time): the report names the
    records as the files do, with the file where the id alone would be ambiguous, never a
    key the user has not seen."""
    (tmp_path / "a.bib").write_text("@book{khadduri1969, author = {Khadduri, Majid}, title = {Republican Iraq},"
                                    " date = {1969}}\n@book{tea, author = {Smith, John}, title = {Tea}, date = {2000}}\n",
                                    "utf-8")
    (tmp_path / "b.bib").write_text("@book{khadduri1969, author = {Khaduri, M.}, title = {Republican Iraq: A Study"
                                    " in Iraqi Politics}, date = {1969}}\n", "utf-8")
    report = CliRunner().invoke(app, ["dedup", str(tmp_path / "a.bib"), str(tmp_path / "b.bib"), "--report", "json"])
    assert json.loads(report.stdout)["clusters"] == [[f"{tmp_path / 'a.bib'}:khadduri1969",
                                                      f"{tmp_path / 'b.bib'}:khadduri1969"]]
    # the file given, not the origin a record remembers (bibkit's JSON keeps `a.bib:1`)
    assert CliRunner().invoke(app, ["convert", str(tmp_path / "a.bib"), "--to", "json",
                                    "-o", str(tmp_path / "a.json")]).exit_code == 0
    report = CliRunner().invoke(app, ["dedup", str(tmp_path / "a.json"), str(tmp_path / "b.bib"), "--report", "json"])
    assert json.loads(report.stdout)["clusters"][0][0] == f"{tmp_path / 'a.json'}:khadduri1969"


def test_free_text_imported_into_the_library_gets_a_citekey(tmp_path: Path) -> None:
    """A parsed reference has no key of its own; the library gives it one, so `list` shows it
    and `show KEY` finds it."""
    runner = CliRunner()
    lib = ["--library", str(tmp_path / "lib.sqlite")]
    (tmp_path / "refs.txt").write_text("Khadduri, Majid. Republican Iraq. London: Oxford University Press, 1969.\n",
                                       "utf-8")
    assert runner.invoke(app, ["library", "add", "p", str(tmp_path / "refs.txt"), *lib]).exit_code == 0
    assert "khadduriRepublicanIraq1969" in runner.invoke(app, ["library", "list", *lib]).stdout
    assert runner.invoke(app, ["library", "show", "khadduriRepublicanIraq1969", *lib]).exit_code == 0


@pytest.mark.parametrize("setup", ["not-a-database", "no-such-folder"])
def test_a_library_that_cannot_be_opened_gives_one_line_and_exit_1(tmp_path, setup):
    if setup == "not-a-database":
        target = tmp_path / "lib.sqlite"
        target.write_bytes(b"this is not sqlite" * 100)
    else:
        blocker = tmp_path / "file"
        blocker.write_text("x")
        target = blocker / "sub" / "lib.sqlite"  # a folder cannot be made under a file
    result = CliRunner().invoke(app, ["library", "list", "--library", str(target)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert str(target) in result.output and len(result.output.strip().splitlines()) == 1
