"""Reading an unknown word by rule: letters to consonants and long vowels, short vowels guessed.

Arabic script does not write short vowels, so this can only approximate: harakat are used
when the text has them; otherwise a short `a` is put between consonants, `i` in the common
CāCiC pattern (Qāsim, Kāẓim), and none before a final consonant after a vowel (dars).
Words read this way are flagged `by_rule` so the user can see they are a guess.
"""

from __future__ import annotations

from bibkit.text.translit import tables
from bibkit.text.translit.reading import (
    ALIF_MAQSURA,
    ARTICLE,
    SILENT_H,
    TA_MARBUTA,
    VOWELS,
)

_HARAKAT = {"\u064e": "a", "\u0650": "i", "\u064f": "u"}
_SHADDA = "\u0651"
_SUKUN = "\u0652"
_HAMZA_SEATS = frozenset("أإؤئء")
_YEH = frozenset("یيى")


def guess(word: str, lang: str) -> tuple[str, ...]:
    """Tokens for a word not in the lexicon (plain script, harakat allowed)."""
    tokens: list[str] = []
    if word.startswith("ال") and len(_base(word)) > 3:
        tokens.append(ARTICLE)
        word = word[2:]
    letters = _letters_with_marks(word)
    raw: list[tuple[str, bool]] = []  # (token, vowel_known_after)
    for i, (ch, marks) in enumerate(letters):
        prev = raw[-1][0] if raw else None
        is_last = i == len(letters) - 1
        nxt = letters[i + 1][0] if not is_last else None
        for tok in _letter(ch, prev, nxt, is_last, lang, i == 0):
            raw.append((tok, False))
        if _SHADDA in marks and raw and raw[-1][0] not in VOWELS:
            raw[-1] = (raw[-1][0], True)
            raw.append((raw[-1][0], False))
        vowel = next((_HARAKAT[m] for m in marks if m in _HARAKAT), None)
        if vowel:
            raw.append((vowel, True))
        elif _SUKUN in marks and raw:
            raw[-1] = (raw[-1][0], True)
    return tuple(tokens) + tuple(_insert_vowels(raw, lang))


def _base(word: str) -> str:
    return "".join(ch for ch, _ in _letters_with_marks(word))


def _letters_with_marks(word: str) -> list[tuple[str, str]]:
    """(letter, following harakat) pairs; tatweel and ZWNJ dropped."""
    out: list[tuple[str, str]] = []
    for ch in word:
        if "\u064b" <= ch <= "\u0652":
            if out:
                out[-1] = (out[-1][0], out[-1][1] + ch)
        elif ch not in "\u0640\u200c":
            out.append((ch, ""))
    return out


def _letter(ch: str, prev: str | None, nxt: str | None, is_last: bool, lang: str, first: bool) -> list[str]:
    """Tokens for one letter in context (alif, waw and yeh are vowels or consonants)."""
    prev_vowel = prev is None or prev in VOWELS
    if ch in ("ا", "ٱ"):
        return ["a"] if first else ["ā"]
    if ch == "آ":
        return ["ā"] if first else ["ʾ", "ā"]
    if ch in _HAMZA_SEATS:
        if first:
            return ["i"] if ch == "إ" else ["a"]
        return ["ʾ"]
    if ch == "و":
        if prev == "khw":
            return []
        return ["w"] if first or prev_vowel else ["ū"]
    if ch in _YEH:
        if is_last and ch == "ى":
            return [ALIF_MAQSURA]
        return ["y"] if first or prev_vowel else ["ī"]
    if ch == "ة":
        return [TA_MARBUTA]
    if ch in ("ه", "ۀ") and is_last and not first and lang == "fa" and not prev_vowel:
        return [SILENT_H]
    if ch == "خ" and nxt == "و" and lang == "fa":
        return ["khw"]
    letter = tables.letter_tokens().get({"ك": "ک", "ي": "ی"}.get(ch, ch))
    return [letter] if letter else []


def _insert_vowels(raw: list[tuple[str, bool]], lang: str) -> list[str]:
    """Put guessed short vowels between consonants that have none (CāCiC: i after ā + C)."""
    out: list[str] = []
    for i, (tok, known) in enumerate(raw):
        out.append(tok)
        if tok in VOWELS or known or i + 1 >= len(raw):
            continue
        nxt = raw[i + 1][0]
        if nxt in VOWELS:
            continue
        is_final_pair = i + 2 == len(raw)
        after_long_a = i > 0 and raw[i - 1][0] == "ā"
        if is_final_pair and any(t in VOWELS for t in out) and raw[i - 1][0] != tok:
            if after_long_a:
                out.append("i")
            continue
        out.append("i" if after_long_a and lang == "ar" else "a")
    return out
