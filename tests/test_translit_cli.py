"""`bibkit translit` as a user runs it."""

from __future__ import annotations

from typer.testing import CliRunner

import bibkit.cli  # noqa: F401  (registers commands)
from bibkit.cli.app import app

runner = CliRunner()


def test_text_argument_in_ijmes() -> None:
    result = runner.invoke(app, ["translit", "عبد الکریم قاسم"])
    assert result.exit_code == 0
    assert result.stdout.strip() == "ʿAbd al-Karīm Qāsim"


def test_lines_give_one_output_line_each(tmp_path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("قاسم\nکتاب زرنگار\n", encoding="utf-8")
    result = runner.invoke(app, ["translit", "--lines", str(src), "--scheme", "simple", "--lang", "fa"])
    assert result.exit_code == 0
    first, second = result.stdout.splitlines()
    assert first == "Qasem"
    assert second.startswith("Ketab-e ") and second.endswith("*")


def test_no_mark_and_no_diacritics() -> None:
    result = runner.invoke(app, ["translit", "--no-mark", "--no-diacritics", "--lang", "fa", "کتاب زرنگار"])
    out = result.stdout.strip()
    assert out.startswith("Kitab-i ") and "*" not in out and out.isascii()


def test_bad_scheme_exits_2() -> None:
    result = runner.invoke(app, ["translit", "--scheme", "buckwalter", "قاسم"])
    assert result.exit_code == 2
