"""Variants of one Persian or Arabic personal name: Qasim, Qāsim, Qassim, Kassem, Ghasem, قاسم.

A name becomes a sequence of sound segments. Consonants fall into classes that absorb the
spellings romanizations disagree on (q/gh/k/g, th/s, dh/z/ḍ, w/v, sh/ch, doubled letters);
articles, honorifics and the fused forms Abdol-/Abdul-/Abd al-, Abol-, -eddin, -ollah are
reduced first. Arabic script maps to the same classes; its long-vowel letters (ا و ی) are kept
as vowels that may align with a romanized vowel, short vowels being unwritten.

* `name_key` keeps the consonant classes only: every variant of a name, script included,
  shares it, and so may a few different names (Hasan and Husayn). Use it to block.
* `same_name` aligns the full segment sequences (vowels included) with a weighted edit
  distance and tells distinct names apart (Muhammad/Mahmud, Hasan/Husayn, Omar/Amr).
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from bibkit.text.normalize import fold

SAME_NAME_THRESHOLD = 0.88
"""`same_name(a, b) >= SAME_NAME_THRESHOLD` means the same name (tuned on the dev split of
bench/data/name-variants.jsonl)."""

Segment = str  # one sound: a consonant class (upper case) or a vowel (lower case / script)

_CONSONANTS = frozenset("BPTSJCHXDZRKFLMNWY")
_GAP = "-"  # where an unromanized ع or ء stood
_LATIN_VOWELS = frozenset("aeiu")
# Script vowel letters: A ا (ā), U و between consonants (ū or w), I ی medial (ī or y),
# E final ی (ī or ā), V initial alef (any vowel), O final ه/ة after a consonant (a or e).
_SCRIPT_VOWELS = frozenset("AUIEVO")
_LATIN_UNIT = re.compile(r"kh|gh|sh|ch|zh|th|dh|ph|dj|ck|gu(?=[ei])|aa|ee|ii|oo|ou|ow|uu|[a-z]")
_LATIN_SOUNDS = {
    "kh": "X", "gh": "K", "sh": "C", "ch": "C", "zh": "Z", "th": "S", "dh": "Z", "ph": "F",
    "dj": "J", "ck": "K", "gu": "K", "b": "B", "p": "P", "t": "T", "s": "S", "j": "J", "h": "H",
    "d": "D", "z": "Z", "r": "R", "q": "K", "k": "K", "g": "K", "f": "F", "l": "L",
    "m": "M", "n": "N", "v": "W", "x": "X",
    "a": "a", "aa": "a", "e": "e", "i": "i", "ee": "i", "ii": "i", "o": "u", "u": "u",
    "oo": "u", "ou": "u", "uu": "u",
}
_ARABIC_SOUNDS = {
    "ب": "B", "پ": "P", "ت": "T", "ط": "T", "ث": "S", "س": "S", "ص": "S", "ج": "J",
    "چ": "C", "ش": "C", "ح": "H", "ه": "H", "خ": "X", "د": "D", "ذ": "Z", "ز": "Z",
    "ژ": "Z", "ض": "Z", "ظ": "Z", "ر": "R", "ق": "K", "غ": "K", "ک": "K", "گ": "K",
    "ف": "F", "ل": "L", "م": "M", "ن": "N",
}

# Fused forms, applied in order to the folded, space-separated name.
_FUSED = (
    (re.compile(r"\babd[aeiou]l(?=[a-z])|\babd[aeiou]l\b"), "abd "),  # Abdolkarim, Abdul Karim
    (re.compile(r"\bab(?:ou|o|u)l(?=[a-z])|\bab(?:ou|o|u)l\b"), "abu "),  # Abolhasan, Abu'l-Hasan
    (re.compile(r"(?<=[a-z])[aeiou]?(?:l|d)?d(?:i|ee|e)ne?\b"), " din"),  # Nasereddin, -uddin
    (re.compile(r"(?<=[a-z])\s?[aeiou]llah?\b|(?<=[a-z])\s?[aeiou]lah\b"), " lah"),  # Ruhollah
)
_FINAL_H = re.compile(r"(?<=[ae])h\b")  # ta marbuta and silent h: Fatimah, Fatemeh


@cache
def _parts() -> dict[str, Any]:
    """Honorifics, articles and kinship words (data file, loaded once, folded)."""
    raw = resources.files("bibkit.text").joinpath("data/name_parts.json").read_text("utf-8")
    data = json.loads(raw)
    out: dict[str, Any] = {k: frozenset(fold(w) for w in data[k]) for k in
                           ("honorifics", "articles", "son_of", "father_of")}
    out["irregular"] = {fold(k): v for k, v in data["irregular"].items()}
    return out


def _given_first(name: str) -> str:
    """`Family, Given` becomes `Given Family`, so both orders of a catalogue entry meet."""
    head, sep, tail = name.partition(",")
    return f"{tail} {head}" if sep and tail.strip() else head


def _is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06FF" for ch in word)


def _reduce_words(words: list[str]) -> list[str]:
    """Drop honorifics and articles, spell kinship words one way."""
    parts = _parts()
    kept = [w for w in words if w not in parts["honorifics"]] or words
    out = []
    for i, w in enumerate(kept):
        if w in parts["articles"] and i + 1 < len(kept):
            continue
        if w in parts["son_of"]:
            w = "bn"
        elif w in parts["father_of"]:
            w = "abu"
        out.append(w)
    return out


def _arabic_words(word: str) -> list[str]:
    """Split fused Arabic-script words: عبدالکریم, ابوالحسن, نصیرالدین, روحالله."""
    irregular = _parts()["irregular"]
    if word in irregular:
        return [irregular[word]]
    for head in ("عبد", "ابو"):
        if word.startswith(head + "ال") and len(word) > len(head) + 3:
            return [head, *_arabic_words(word[len(head) + 2:])]
    for tail in ("الدین", "الله"):
        if word.endswith(tail) and len(word) > len(tail) + 1:
            return [*_arabic_words(word[: -len(tail)]), tail[2:]]
    if word.startswith("ال") and len(word) > 3:
        return [word[2:]]
    return [word]


def _latin_segments(word: str) -> list[Segment]:
    """Sound segments of one romanized word (already folded: a-z only)."""
    units = _LATIN_UNIT.findall(_FINAL_H.sub("", word))
    out: list[Segment] = []
    for i, unit in enumerate(units):
        nxt = units[i + 1] if i + 1 < len(units) else ""
        vowel_next = bool(nxt) and nxt[0] in "aeiou"
        if unit == "ow":  # Persian ow is the diphthong aw (Ferdowsi = Firdawsi)
            out.extend(("u", "W") if vowel_next else ("a", "u"))
        elif unit in ("w", "y"):
            consonant = i == 0 or vowel_next
            out.append(("W" if unit == "w" else "Y") if consonant else ("u" if unit == "w" else "i"))
        elif unit == "c":
            out.append("S" if nxt[:1] in ("e", "i", "y") else "K")
        elif unit in _LATIN_SOUNDS:
            out.append(_LATIN_SOUNDS[unit])
    return _mark_vowels(out)


def _mark_vowels(segs: list[Segment]) -> list[Segment]:
    """Mark romanized vowels whose weight differs from the rest. Almost always long (written
    in the script): a final -i after a consonant (nisba: Ahmadi, Husseini) or the glide of a
    diphthong (Husayn, Hossein: the script writes حسین, never حسن) becomes `j`, u in
    a final closed syllable (Mahmud, Mansur) becomes `o`. Often not a vowel at all: an e
    beside another vowel (Saeid, Esmaeil) or ending a word (Othmane) becomes `y`."""
    out = list(segs)
    for i, s in enumerate(out):
        beside_vowel = (i and out[i - 1] in "aeiu") or (i + 1 < len(out) and out[i + 1] in "aeiu")
        if s == "e" and (beside_vowel or (i == len(out) - 1 and i >= 2)):
            out[i] = "y"
    if len(out) >= 2 and out[-1] == "i" and out[-2] in _CONSONANTS:
        out[-1] = "j"
    for i in range(1, len(out)):  # the glide of a diphthong before a consonant: Husayn, Hossein
        if out[i] == "i" and out[i - 1] in "aey" and (i + 1 == len(out) or out[i + 1] in _CONSONANTS):
            out[i] = "j"
    if len(out) >= 3 and out[-2] == "u" and out[-1] in _CONSONANTS and out[-3] in _CONSONANTS:
        out[-2] = "o"
    return out


def _arabic_segments(word: str) -> list[Segment]:
    """Sound segments of one Arabic-script word (folded letters). ع and ء leave only a gap:
    most romanizations do not write them."""
    letters = [ch for ch in word if ch in _ARABIC_SOUNDS or ch in "اویعء"]
    out: list[Segment] = []
    for i, ch in enumerate(letters):
        prev = letters[i - 1] if i else ""
        nxt = letters[i + 1] if i + 1 < len(letters) else ""
        if ch in "عء":
            out.append(_GAP)
        elif ch == "ا":
            out.append("V" if i == 0 else "A")
        elif ch in "وی":
            consonant = i == 0 or "ا" in (prev, nxt)
            if consonant:
                out.append("W" if ch == "و" else "Y")
            elif ch == "ی" and not nxt:
                out.append("E")
            else:
                out.append("U" if ch == "و" else "I")
        elif ch == "ه" and not nxt and prev and prev not in "اوی":
            out.append("O")
        elif ch in _ARABIC_SOUNDS:
            out.append(_ARABIC_SOUNDS[ch])
    return out


def _words(name: str) -> list[str]:
    """The name's words after ordering, folding and reducing particles and fused forms."""
    text = _given_first(name).replace("\u200c", " ")
    out: list[str] = []
    for w in _reduce_words(fold(text).split()):
        out.extend(_arabic_words(w) if _is_arabic(w) else [w])
    text = " ".join(out)
    for pattern, repl in _FUSED:
        text = pattern.sub(repl, text)
    return ["lah" if w in ("allah", "alla") else w for w in text.split()]


def _collapse(segs: list[Segment]) -> tuple[Segment, ...]:
    """Doubled sounds count once (Qassim = Qasim, Hasan Nasr = Hasannasr); a gap left by
    ع or ء keeps the letters around it apart (معمر is Mu-ammar, not Mamar)."""
    kept = [s for i, s in enumerate(segs) if i == 0 or segs[i - 1] != s]
    return tuple(s for s in kept if s != _GAP)


def _word_segments(name: str) -> tuple[tuple[Segment, ...], ...]:
    return tuple(tuple(_arabic_segments(w) if _is_arabic(w) else _latin_segments(w)) for w in _words(name))


@lru_cache(maxsize=65536)
def segments(name: str) -> tuple[Segment, ...]:
    """The sound segments of a whole name, words run together (Mohammadreza = Mohammad
    Reza), doubled sounds collapsed. Cached: dedup asks for the same names many times."""
    return _collapse([s for w in _word_segments(name) for s in w])


def name_key(name: str) -> str:
    """A blocking key: the consonant classes of the name. All variant romanizations of a
    name and its Arabic-script original share it; confirm matches with `same_name`."""
    return "".join(s for s in segments(name) if s in _CONSONANTS)


# Distance of each vowel from the three qualities a, i, u. Persian e stands for Arabic a or
# i; script letters allow what they can spell (final ی is ī, or ā in موسی).
_VOWEL_QUALITY: dict[Segment, tuple[float, float, float]] = {
    "a": (0, 0.9, 0.9), "i": (0.9, 0, 0.9), "u": (0.9, 0.9, 0), "e": (0.15, 0.15, 0.5),
    "j": (0.9, 0, 0.9), "o": (0.9, 0.9, 0), "y": (0.15, 0.15, 0.5),
    "A": (0, 0.6, 0.6), "I": (0.5, 0, 0.6), "U": (0.8, 0.6, 0), "E": (0.2, 0, 0.6),
    "V": (0, 0, 0), "O": (0, 0.5, 0.6),
}
_GLIDES = {"W": 2, "Y": 1}  # semivowel -> index of its vowel quality (u, i)
_GLIDE_LETTERS = {("U", "W"), ("I", "Y"), ("E", "Y")}  # script letters that may be the glide
_NEAR_CONSONANTS = {
    frozenset("DZ"): 0.3, frozenset("ST"): 0.5, frozenset("SZ"): 0.7, frozenset("KX"): 0.6,
    frozenset("HX"): 0.5, frozenset("JK"): 0.6, frozenset("CS"): 0.5, frozenset("FP"): 0.6,
    frozenset("BP"): 0.6,
}
_WORD_ORDER_PENALTY = 0.02


def _is_vowel(s: Segment) -> bool:
    return s in _VOWEL_QUALITY


def _substitution(x: Segment, y: Segment) -> float:
    """Cost of reading segment x as segment y."""
    if x == y:
        return 0.0
    if _is_vowel(x) and _is_vowel(y):
        qx, qy = _VOWEL_QUALITY[x], _VOWEL_QUALITY[y]
        return min(qx[k] + qy[k] for k in range(3))
    if (x, y) in _GLIDE_LETTERS or (y, x) in _GLIDE_LETTERS:
        return 0.0
    glide, vowel = (x, y) if x in _GLIDES else (y, x)
    if glide in _GLIDES and _is_vowel(vowel):
        return 0.3 + _VOWEL_QUALITY[vowel][_GLIDES[glide]]
    return _NEAR_CONSONANTS.get(frozenset((x, y)), 1.0)


def _deletion(s: Segment, other_is_script: bool) -> float:
    """Cost of a segment with no counterpart: short vowels are unwritten in the script."""
    if s == "j":
        return 1.0
    if s == "o":
        return 0.6
    if s == "y":
        return 0.15
    if s in "aeiu":
        return 0.1 if other_is_script else 0.5
    if s in "VO":
        return 0.25
    if s in "AUIE":
        return 0.6
    return {"H": 0.7, "W": 0.6, "Y": 0.6}.get(s, 1.0)


def _weight(segs: tuple[Segment, ...]) -> float:
    return sum(0.5 if _is_vowel(s) else 1.0 for s in segs)


_ALPHABET = tuple(_CONSONANTS | frozenset(_VOWEL_QUALITY))


@cache
def _costs(other_is_script: bool) -> tuple[dict[tuple[Segment, Segment], float], dict[Segment, float]]:
    """Substitution and deletion costs over the whole segment alphabet, computed once."""
    sub = {(x, y): _substitution(x, y) for x in _ALPHABET for y in _ALPHABET}
    return sub, {x: _deletion(x, other_is_script) for x in _ALPHABET}


def _distance(a: tuple[Segment, ...], b: tuple[Segment, ...], a_script: bool, b_script: bool) -> float:
    """Weighted edit distance between two segment sequences."""
    sub, del_a = _costs(b_script)
    del_b = _costs(a_script)[1]
    prev = [0.0]
    for y in b:
        prev.append(prev[-1] + del_b[y])
    for x in a:
        dx = del_a[x]
        cur = [prev[0] + dx]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + dx, cur[j - 1] + del_b[y], prev[j - 1] + sub[x, y]))
        prev = cur
    return prev[-1]


def _similarity(a: tuple[Segment, ...], b: tuple[Segment, ...], a_script: bool, b_script: bool) -> float:
    norm = max(_weight(a), _weight(b))
    if norm == 0:
        return 0.0
    return max(0.0, 1.0 - _distance(a, b, a_script, b_script) / norm)


def _rotations(words: list[tuple[Segment, ...]]) -> list[tuple[Segment, ...]]:
    """The name with its words rotated (family name first or last), flattened."""
    return [_collapse([s for w in words[k:] + words[:k] for s in w]) for k in range(1, len(words))]


def same_name(a: str, b: str) -> float:
    """How alike two written names sound, in [0, 1]; `SAME_NAME_THRESHOLD` and above is
    the same name. Word order may differ (family name first or last) at a small cost."""
    seg_a, seg_b = segments(a), segments(b)
    a_script, b_script = _is_arabic(a), _is_arabic(b)
    best = _similarity(seg_a, seg_b, a_script, b_script)
    if best < 1.0:
        for rotated in _rotations(list(_word_segments(b))):
            best = max(best, _similarity(seg_a, rotated, a_script, b_script) - _WORD_ORDER_PENALTY)
    return round(best, 4)
