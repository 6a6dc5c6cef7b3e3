"""Token features for the CRF, in the manner of AnyStyle: each observer is one small function
that looks at a token (and its place in the sequence) and returns named features.

Adding a feature means adding one function to `OBSERVERS`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from bibkit.text.script import has_arabic
from bibkit.parse.lexicons import phrase_tags, tags_for
from bibkit.parse.tokens import Token
from bibkit.text.normalize import ASCII_DIGITS

_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_YEAR = re.compile(r"(1[3-9]\d\d|20\d\d|1[0-4]\d\d)")
_ROMANIZATION = re.compile(r"[āīūḥṣḍṭẓʿʾ]|-(?:e|ye|i|yi)$|^(?:al|el|wa|bi|li)-", re.IGNORECASE)

Features = dict[str, str | float | bool]


def _core(word: str) -> str:
    """The token without surrounding punctuation and brackets, digits folded to ASCII."""
    return word.translate(ASCII_DIGITS).strip("()[]{}«».,;:!?\"'“”‘’<>") or word


def shape(word: str) -> str:
    """Xxxx / dddd / ... with runs collapsed: `Robert,` -> `Xx,`; Arabic letters as `a`."""
    out = []
    for ch in word.translate(ASCII_DIGITS):
        if ch.isdigit():
            c = "d"
        elif has_arabic(ch):
            c = "a"
        elif ch.isalpha():
            c = "X" if ch.isupper() else "x"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


def observe_word(tok: Token, core: str) -> Features:
    lower = core.casefold()
    return {
        "w": lower[:20],
        "pre2": lower[:2], "pre3": lower[:3], "suf2": lower[-2:], "suf3": lower[-3:],
        "shape": shape(tok.text),
        "len": str(min(len(core), 8)),
    }


def observe_script(tok: Token, core: str) -> Features:
    script = "arab" if has_arabic(core) else ("latn" if _LATIN.search(core) else "other")
    feats: Features = {"script": script}
    if script == "latn":
        feats["caps"] = "all" if core.isupper() and len(core) > 1 else ("init" if core[:1].isupper() else "low")
        if _ROMANIZATION.search(core):
            feats["romanized"] = True
        if unicodedata.normalize("NFKD", core) != core:
            feats["diacritics"] = True
    return feats


def observe_punctuation(tok: Token, core: str) -> Features:
    text = tok.text
    feats: Features = {"last": text[-1] if not text[-1].isalnum() else "an", "first": text[0] if not text[0].isalnum() else "an"}
    if any(c in text for c in "()[]"):
        feats["bracket"] = "".join(c for c in text if c in "()[]")[:3]
    if any(c in text for c in "\"“”«»'‘’"):
        feats["quote"] = True
    if "://" in text or text.lower().startswith("www."):
        feats["url"] = True
    if re.search(r"\b10\.\d{4,}/", text):
        feats["doi"] = True
    if "/" in core and re.search(r"\d", core):
        feats["slashnum"] = True
    return feats


def observe_number(tok: Token, core: str) -> Features:
    digits = sum(c.isdigit() for c in core)
    if not digits:
        return {}
    feats: Features = {"digits": str(min(digits, 5)), "alldigits": core.isdigit()}
    if _YEAR.fullmatch(core[:4]) and (len(core) == 4 or not core[4:5].isdigit()):
        feats["year"] = core[:2]
    if re.fullmatch(r"\d+[-–—]\d+", core):
        feats["range"] = True
    if re.fullmatch(r"\d+\(\d+\)", core) or re.fullmatch(r"\d+:\d+([-–]\d+)?", core):
        feats["volume_issue"] = True
    return feats


def observe_dictionary(tok: Token, core: str) -> Features:
    return {f"dict:{tag}": True for tag in tags_for(tok.text)}


OBSERVERS: list[Callable[[Token, str], Features]] = [
    observe_word, observe_script, observe_punctuation, observe_number, observe_dictionary,
]


@lru_cache(maxsize=262144)
def token_features(text: str) -> Features:
    """A token's own features; they depend on its text alone, and tokens repeat a lot
    (`and`, `pp.`, `2001`), so they are computed once per distinct text."""
    tok = Token(text, 0, len(text))
    core = _core(text)
    feats: Features = {"bias": 1.0}
    for observe in OBSERVERS:
        feats.update(observe(tok, core))
    return feats


def sequence_features(tokens: list[Token]) -> list[Features]:
    """Features of every token, with position and the neighbours' key features."""
    singles = [token_features(tok.text) for tok in tokens]
    n = len(tokens)
    out = []
    for i, tok in enumerate(tokens):
        full = dict(singles[i])
        full["pos"] = _POSITIONS[min(10, int(10 * i / max(n, 1)))]
        if i == 0:
            full["BOS"] = True
        if i == n - 1:
            full["EOS"] = True
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                full.update(neighbour_features(tokens[j].text, offset))
        out.append(full)
    for feats, phrase in zip(out, phrase_tags([t.text for t in tokens]), strict=True):
        for tag in phrase:
            feats[f"phrase:{tag}"] = True
    return out


_POSITIONS = [str(i) for i in range(11)]


@lru_cache(maxsize=262144)
def neighbour_features(text: str, offset: int) -> Features:
    """What a token tells its neighbour `offset` places away (cached like token_features)."""
    feats = token_features(text)
    out: Features = {f"{offset}:{key}": feats[key] for key in ("w", "shape", "last", "script", "year", "caps")
                     if key in feats}
    if abs(offset) == 1:
        out.update({f"{offset}:{key}": True for key in feats if key.startswith("dict:")})
    return out
