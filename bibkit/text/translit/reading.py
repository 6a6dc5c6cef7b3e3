"""The internal reading: a vocalized, letter-faithful token sequence for one word.

Readings are written in the lexicon in a compact notation close to IJMES Arabic (`qāsim`,
`al-thawra`, `khwāb`), which keeps the letter identity every scheme needs (`th` is ث, so
Persian renders it `s`, ALA-LC `s̄`). A `|` separates letters that would read as a digraph
(`ad|ham`). Marks that the notation cannot show (ta marbuta, silent final h, alif maqsura)
come from the script form's last letter, so entries stay as readable as a dictionary line.
"""

from __future__ import annotations

from functools import cache

from bibkit.errors import InputError

ARTICLE = "ART"
TA_MARBUTA = "TA"
SILENT_H = "H"
ALIF_MAQSURA = "AM"
SHORT_VOWELS = frozenset("aiu")
LONG_VOWELS = frozenset({"ā", "ī", "ū", ALIF_MAQSURA})
VOWELS = SHORT_VOWELS | LONG_VOWELS | {TA_MARBUTA, SILENT_H, "iyy", "uww", "aw", "ay"}
PROCLITICS = ("wa-", "fa-", "bi-", "li-", "ka-")

_MULTI = ("khw", "th", "dh", "sh", "kh", "gh", "ch", "zh")
_SINGLE = frozenset("bptjḥdrzsṣḍṭẓʿfqkglmnhwyʾaiuāīū|")


SPACE = " "


@cache
def parse(reading: str, script: str = "", where: str | None = None) -> tuple[str, ...]:
    """Tokens of a reading (words joined by SPACE); `script` supplies the final marks."""
    tokens: list[str] = []
    for word in reading.split():
        if tokens:
            tokens.append(SPACE)
        tokens.extend(_word(word, reading, where))
    return tuple(_final_marks(tokens, script))


def _word(rest: str, reading: str, where: str | None) -> list[str]:
    """Tokens of one word of a reading: proclitics, article, letters."""
    tokens: list[str] = []
    for clitic in PROCLITICS:
        if rest.startswith(clitic):
            tokens.append(clitic)
            rest = rest[len(clitic):]
    if rest.startswith("al-"):
        tokens.append(ARTICLE)
        rest = rest[3:]
    tokens.extend(_letters(rest, reading, where))
    return _merge_vowels(tokens)


def _letters(text: str, reading: str, where: str | None) -> list[str]:
    """Longest-match split of the letters part of a reading."""
    out: list[str] = []
    i = 0
    while i < len(text):
        multi = next((m for m in _MULTI if text.startswith(m, i)), None)
        if multi:
            out.append(multi)
            i += len(multi)
        elif text[i] in _SINGLE:
            out.append(text[i])
            i += 1
        else:
            raise InputError(f"reading {reading!r}: unexpected {text[i]!r}", where=where)
    return out


def _merge_vowels(tokens: list[str]) -> list[str]:
    """Diphthongs (a+w/y before a consonant) and doubled ī/ū before a vowel (-iyya, -uwwa).

    A doubled w after a is a geminate, not a diphthong (taḥawwul: Persian taḥavvul).
    """
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if tok in ("i", "u") and nxt == {"i": "y", "u": "w"}[tok] and after == nxt:
            out.append(tok + nxt + nxt)
            i += 3
            continue
        if tok == "a" and nxt in ("w", "y") and (after is None or after not in VOWELS) and after != "w":
            out.append("a" + nxt)
            i += 2
            continue
        if tok != "|":
            out.append(tok)
        elif out and nxt and out[-1] + nxt in _MULTI:
            out.append(tok)
        i += 1
    return out


def _final_marks(tokens: list[str], script: str) -> list[str]:
    """Turn a final vowel into ta marbuta, silent h or alif maqsura as the script shows."""
    if not tokens or not script:
        return tokens
    last = script.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")[-1:]
    if tokens[-1] == "a" and last == "ة":
        tokens[-1] = TA_MARBUTA
    elif tokens[-1] == "a" and last in ("ه", "ۀ"):
        tokens[-1] = SILENT_H
    elif tokens[-1] == "ā" and last in ("ى", "ی", "ي"):
        tokens[-1] = ALIF_MAQSURA
    return tokens

