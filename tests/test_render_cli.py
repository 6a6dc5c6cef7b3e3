"""`bibkit render`, `bibkit cite`, `bibkit styles` as a user runs them."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from bibkit.cli import app

ITEMS = [
    {"id": "kahneman2011", "type": "book", "title": "Thinking, fast and slow",
     "author": [{"family": "Kahneman", "given": "Daniel"}], "issued": {"date-parts": [[2011]]},
     "publisher": "Farrar, Straus and Giroux"},
    {"id": "abrahamian1982", "type": "book", "title": "Iran between two revolutions",
     "author": [{"family": "Abrahamian", "given": "Ervand"}], "issued": {"date-parts": [[1982]]},
     "publisher": "Princeton University Press"},
]


def _file(tmp_path):
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(ITEMS), encoding="utf-8")
    return str(path)


def test_render_text_one_entry_per_line_in_order(tmp_path):
    result = CliRunner().invoke(app, ["render", _file(tmp_path), "--style", "apa"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert [line.split(",")[0] for line in lines] == ["Abrahamian", "Kahneman"]


def test_cite_with_locator(tmp_path):
    result = CliRunner().invoke(app, ["cite", _file(tmp_path), "kahneman2011", "--locator", "12"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "(Kahneman, 2011, p. 12)"


def test_unknown_style_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["render", _file(tmp_path), "--style", "apaa"])
    assert result.exit_code == 2
    assert "did you mean" in result.stderr


def test_styles_lists_bibkit_styles():
    result = CliRunner().invoke(app, ["styles"])
    assert result.exit_code == 0
    assert "bibkit-ijmes" in result.stdout and "bibkit-persian-journal" in result.stdout
