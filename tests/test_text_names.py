"""Name variants meet; distinct look-alike names stay apart."""

import pytest
from typer.testing import CliRunner

from bibkit.cli import app
from bibkit.text.names import SAME_NAME_THRESHOLD, name_key, same_name


@pytest.mark.parametrize("variant", ["Qāsim", "Qassim", "Kassem", "Qasem", "Ghasem", "قاسم"])
def test_qasim_variants_meet(variant):
    assert name_key(variant) == name_key("Qasim")
    assert same_name("Qasim", variant) >= SAME_NAME_THRESHOLD


@pytest.mark.parametrize(("a", "b"), [
    ("Abd al-Karim Qasim", "Qasim, Abdul Karim"),
    ("Abdolkarim Ghasem", "عبدالکریم قاسم"),
    ("Hossein", "Ḥusayn"),
    ("Nasereddin", "Nasir al-Din"),
    ("Ruhollah Khomeini", "روح‌الله خمینی"),
    ("Seyyed Ali Khamenei", "Ali Khamenei"),
    ("Abolhassan Banisadr", "Abu al-Hasan Bani Sadr"),
    ("Fatemeh", "Fāṭima"),
    ("Javad", "Jawad"),
])
def test_variants_are_same(a, b):
    assert same_name(a, b) >= SAME_NAME_THRESHOLD


@pytest.mark.parametrize(("a", "b"), [
    ("Muhammad", "Mahmud"), ("Hasan", "Husayn"), ("Omar", "Amr"), ("Ali", "Alawi"),
    ("Karim", "Kazim"), ("Said", "Saad"), ("Jamal", "Kamal"), ("Ahmad", "Ahmadi"),
])
def test_look_alikes_are_different(a, b):
    assert same_name(a, b) < SAME_NAME_THRESHOLD


def test_score_range_and_symmetry_of_identity():
    assert same_name("Qasim", "Qasim") == 1.0
    assert 0.0 <= same_name("Qasim", "Zaynab") < 0.5


def test_cli_same_and_pairs():
    runner = CliRunner()
    result = runner.invoke(app, ["names", "same", "Qasim", "Kassem"])
    assert result.exit_code == 0 and "same" in result.stdout
    result = runner.invoke(app, ["names", "same", "--pairs", "-"], input="Qasim\tقاسم\nHasan\tHusayn\n")
    assert result.exit_code == 0 and result.stdout.split() == ["1", "0"]
    result = runner.invoke(app, ["names", "same", "--pairs", "-"], input="no tab here\n")
    assert result.exit_code == 1


def test_cli_key():
    result = CliRunner().invoke(app, ["names", "key", "Qasim", "قاسم"])
    keys = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert result.exit_code == 0 and keys[0] == keys[1]


def test_a_diphthong_the_script_would_write_keeps_hasan_and_husayn_apart():
    assert same_name("حسن", "Husayn") < SAME_NAME_THRESHOLD
    assert same_name("حسین", "Husayn") >= SAME_NAME_THRESHOLD
    assert same_name("Hossein", "Husayn") >= SAME_NAME_THRESHOLD
    assert same_name("Zayd", "زید") >= SAME_NAME_THRESHOLD
