"""The shipped lexicon: large enough, every line well formed, readings agree with the script."""

from __future__ import annotations

from bibkit.text.translit.lexicon import lexicon, size
from bibkit.text.translit.reading import ALIF_MAQSURA, SILENT_H, TA_MARBUTA, parse

_CONSONANTS = {"ب": "b", "پ": "p", "ت": "t", "ث": "th", "ج": "j", "چ": "ch", "ح": "ḥ", "خ": "kh",
               "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "ژ": "zh", "س": "s", "ش": "sh", "ص": "ṣ",
               "ض": "ḍ", "ط": "ṭ", "ظ": "ẓ", "ع": "ʿ", "غ": "gh", "ف": "f", "ق": "q", "ک": "k",
               "ك": "k", "گ": "g", "م": "m", "ن": "n", "ة": "t"}


def _skeleton_of_script(script: str) -> list[str]:
    return [_CONSONANTS[ch] for ch in script if ch in _CONSONANTS]


def _skeleton_of_reading(tokens: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        base = {"khw": "kh", TA_MARBUTA: "t"}.get(tok, tok)
        if base in _CONSONANTS.values() and (not out or out[-1] != base):
            out.append(base)
    return out


def test_lexicon_has_at_least_3000_readings() -> None:
    assert size() >= 3000


def test_every_reading_has_the_consonants_of_its_script() -> None:
    """Catches typos: a reading must carry the script's consonants in order (ل and doubling aside)."""
    bad = []
    for entries in lexicon().values():
        for entry in entries.values():
            skeleton = _skeleton_of_script(entry.script)
            want = [c for i, c in enumerate(skeleton) if i == 0 or c != skeleton[i - 1]]
            if _skeleton_of_reading(entry.tokens) != want:
                bad.append((entry.script, entry.tokens))
    assert bad == []


def test_final_letters_become_marks() -> None:
    assert parse("madrasa", "مدرسة")[-1] == TA_MARBUTA
    assert parse("nāma", "نامه")[-1] == SILENT_H
    assert parse("mūsā", "موسى")[-1] == ALIF_MAQSURA
    assert parse("sayyid") == ("s", "ay", "y", "i", "d")


def test_every_verb_stem_reading_has_the_consonants_of_its_script() -> None:
    """data/verbs.tsv: both stems of every verb read with the consonants they are written with."""
    from bibkit.text.translit.analyze import _verb_stems

    bad = []
    for script, (reading, _past) in _verb_stems().items():
        skeleton = _skeleton_of_script(script)
        want = [c for i, c in enumerate(skeleton) if i == 0 or c != skeleton[i - 1]]
        if _skeleton_of_reading(parse(reading)) != want:
            bad.append((script, reading))
    assert bad == []
