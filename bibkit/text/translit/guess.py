"""Reading an unknown word by rule: letters to consonants and long vowels, short vowels guessed.

Arabic script does not write short vowels, so this can only approximate: harakat are used
when the text has them; otherwise a short `a` is put where a syllable needs a vowel (one
consonant may close a syllable: dars, shahrdār), and `i` in the common CāCiC pattern (Qāsim).
Before those letter rules, an Arabic word (or an Arabic loanword in Persian) whose letters fit
a measure pattern of `data/patterns.tsv` (istiCCāC, taCCīC, maCCūC, muCāCaCa, broken plurals
...) is read by that pattern, with a nisba or plural ending (-iyya, -ī, -ūn) taken off first;
otherwise an ending of `data/endings.tsv` (Persian -istān, -nāma, -dārī, -agī, -hā; -iyya,
-ī ...) is taken off and the stem read by the same rules. An article after a one-letter
proclitic (والـ، بالـ، للـ) is read as such.
Words read this way are flagged `by_rule` so the user can see they are a guess.
"""

from __future__ import annotations

from functools import cache

from bibkit.datafiles import package_rows
from bibkit.text.translit import tables
from bibkit.text.translit.reading import (
    ALIF_MAQSURA,
    ARTICLE,
    SILENT_H,
    TA_MARBUTA,
    VOWELS,
    parse,
)

_HARAKAT = {"\u064e": "a", "\u0650": "i", "\u064f": "u"}
_SHADDA = "\u0651"
_SUKUN = "\u0652"
_HAMZA_SEATS = frozenset("أإؤئء")
_YEH = frozenset("یيى")


def guess(word: str, lang: str) -> tuple[str, ...]:
    """Tokens for a word not in the lexicon (plain script, harakat allowed)."""
    tokens: list[str] = []
    if word.startswith("لل") and len(_base(word)) > 4:
        tokens.extend(("li-", ARTICLE))
        word = word[2:]
    elif word[:1] in tables.proclitics("ar") and word.startswith("ال", 1) and len(_base(word)) > 5:
        tokens.append(tables.proclitics("ar")[word[0]] + "-")
        word = word[1:]
    if word.startswith("ال") and len(_base(word)) > 3 and ARTICLE not in tokens:
        tokens.append(ARTICLE)
        word = word[2:]
    return tuple(tokens) + _read(word, lang)


def _read(word: str, lang: str, whole: bool = True) -> tuple[str, ...]:
    """A word without proclitics (`whole`) or a stem before an ending: by measure pattern, else
    stem and ending, else letter by letter."""
    if not any("\u064b" <= ch <= "\u0652" for ch in word):
        by_pattern = _by_pattern(word, lang, whole)
        if by_pattern:
            return by_pattern
        plain = _plain(word)
        if lang == "fa" and plain.endswith("ایی") and len(plain) > 4:  # Navāʾī, Kasrāʾī
            return _read(plain[:-2], lang, whole=False) + ("ʾ", "ī")
        for ending, reading in endings(lang):
            if plain.endswith(ending) and len(plain) - len(ending) >= 3:
                stem = _read(plain[: -len(ending)], lang, whole=False)
                suffix = parse(reading)
                if stem[-1] in VOWELS and suffix[0] == "i":
                    suffix = suffix[1:]
                return stem + suffix
    return _by_letters(word, lang)


def _by_letters(word: str, lang: str) -> tuple[str, ...]:
    """Letters to consonants and long vowels, short vowels guessed (see the module docstring)."""
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
    return tuple(_insert_vowels(raw, lang))


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
        if first or prev_vowel:
            return ["w"]
        return ["a", "w"] if nxt in ("ا", "آ") else ["ū"]  # jawāb, not jūāb
    if ch in _YEH:
        if is_last and ch == "ى":
            return [ALIF_MAQSURA]
        if first or prev_vowel:
            return ["y"]
        return ["i", "y"] if nxt in ("ا", "آ") else ["ī"]  # siyāsat, not sīāsat
    if ch == "ة":
        return [TA_MARBUTA]
    if ch in ("ه", "ۀ") and is_last and not first and lang == "fa" and not prev_vowel:
        return [SILENT_H]
    if ch == "خ" and nxt == "و" and lang == "fa":
        return ["khw"]
    letter = tables.letter_tokens().get({"ك": "ک", "ي": "ی"}.get(ch, ch))
    return [letter] if letter else []


def _insert_vowels(raw: list[tuple[str, bool]], lang: str) -> list[str]:
    """Put guessed short vowels where the syllables need them: every syllable has a vowel, and
    one consonant may close it before the next (shahr.dār, not shaharadār). After long ā a
    consonant before another takes i (CāCiC: Qāsim), in Arabic also inside the word."""
    out: list[str] = []
    codas: int | None = None  # consonants closing the current syllable; None before its vowel
    for i, (tok, known) in enumerate(raw):
        out.append(tok)
        if tok in VOWELS:
            codas = 0
            continue
        if known or i + 1 >= len(raw):
            continue
        if raw[i + 1][0] in VOWELS:
            codas = None  # this consonant opens the next syllable
            continue
        after_long_a = i > 0 and raw[i - 1][0] == "ā"
        if after_long_a and (i + 2 == len(raw) or lang == "ar") and raw[i + 1][0] != tok:
            out.append("i")
            codas = 0
        elif codas is not None and codas < 1:
            codas += 1
        else:
            out.append("a")
            codas = 0
    return out


_FOLD = str.maketrans({"ي": "ی", "ك": "ک", "ٱ": "ا"})  # ى (alif maqsura) is kept
_WEAK = frozenset("اآویة")
_PERSIAN_LETTERS = frozenset("پچژگ")


def _plain(word: str) -> str:
    return word.replace("\u0640", "").replace("\u200c", "").translate(_FOLD)


def _rows(name: str) -> list[tuple[str, str, str]]:
    """(lang, script, reading) rows of a TSV under data/."""
    table = package_rows("bibkit.text.translit", f"data/{name}", ("lang", "script", "reading"))
    return [(lang, script, reading) for _, (lang, script, reading) in table]


@cache
def endings(lang: str) -> tuple[tuple[str, str], ...]:
    """(script, reading) of the endings of data/endings.tsv that apply to `lang`, in order."""
    return tuple((script, reading) for row_lang, script, reading in _rows("endings.tsv") if row_lang in ("both", lang))


@cache
def patterns() -> tuple[tuple[str, str, str], ...]:
    """(lang, script template, reading template) rows of data/patterns.tsv, in order."""
    return tuple(_rows("patterns.tsv"))


def _by_pattern(word: str, lang: str, whole: bool = True) -> tuple[str, ...] | None:
    """The reading of an unvocalized word that fits a measure pattern, or None; a template
    ending in $ fits only a whole word."""
    plain = _plain(word)
    if _PERSIAN_LETTERS.intersection(plain):  # measure patterns are Arabic
        return None
    for ending, ending_reading in (("", ""), *endings(lang)):
        if not plain.endswith(ending) or len(plain) - len(ending) < 4:
            continue
        stem = plain[: len(plain) - len(ending)]
        for pattern_lang, template, reading in patterns():
            whole_only = template.endswith("$")
            template = template.rstrip("$")
            if whole_only and (ending or not whole):
                continue
            if pattern_lang in ("both", lang) and len(template) == len(stem):
                roots = _roots(stem, template)
                if roots is not None:
                    return parse(_fill(reading, roots) + ending_reading, plain)
    return None


def _roots(stem: str, template: str) -> list[str] | None:
    """The root letters' readings when `stem` fits `template` letter by letter, else None."""
    roots = []
    for i, (ch, want) in enumerate(zip(stem, template)):
        if want != "C":
            if ch != want:
                return None
            continue
        if ch in _WEAK and (ch not in "وی" or i == len(stem) - 1):
            return None
        if i == 0 and ch in _HAMZA_SEATS:  # an initial hamza is read by the letter rules (a-, i-)
            return None
        value = {"و": "w", "ی": "y"}.get(ch) or ("ʾ" if ch in _HAMZA_SEATS else tables.letter_tokens().get(ch))
        if not value:
            return None
        roots.append(value)
    return roots


def _fill(reading: str, roots: list[str]) -> str:
    """The reading template with root letters for its digits; `|` keeps two root letters from
    reading as one digraph (tas|hīl)."""
    out = ""
    for ch in reading:
        if ch.isdigit():
            out += ("|" if out and out[-1] not in "aiuāīūʾʿ" else "") + roots[int(ch) - 1]
        else:
            out += ch
    return out
