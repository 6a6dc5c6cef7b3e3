"""Token features for the CRF, in the manner of AnyStyle: each observer is one small function
that looks at a token (and its place in the sequence) and returns named features.

Adding a feature means adding one function to `OBSERVERS`. The model is trained on dicts
(`sequence_features`); the labeller sums its weights per token feature (`view_names`: the
attribute name a feature has in each of the five views) in the same layout.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from bibkit.parse.lexicons import phrase_tags, tags_for
from bibkit.parse.tokens import DASHES, Token
from bibkit.text.normalize import ASCII_DIGITS
from bibkit.text.script import has_arabic

_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_YEAR = re.compile(r"(1[3-9]\d\d|20\d\d|1[0-4]\d\d)")
_ROMANIZATION = re.compile(r"[āīūḥṣḍṭẓʿʾ]|-(?:e|ye|i|yi)$|^(?:al|el|wa|bi|li)-", re.IGNORECASE)

Features = dict[str, str | float | bool]


def _core(word: str) -> str:
    """The token without surrounding punctuation and brackets, digits folded to ASCII."""
    return word.translate(ASCII_DIGITS).strip("()[]{}«».,;:!?\"'“”‘’<>") or word


class _CharShapes(dict[int, str]):
    """A `str.translate` table from each character to its shape class (`d` digit, `a` Arabic
    letter, `X`/`x` Latin or other cased letter, else the character), filled as met."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch.isdigit():
            cls = "d"
        elif has_arabic(ch):
            cls = "a"
        elif ch.isalpha():
            cls = "X" if ch.isupper() else "x"
        else:
            cls = ch
        self[code] = cls
        return cls


_SHAPES = _CharShapes()
_RUN = re.compile(r"(.)\1+")


def shape(word: str) -> str:
    """Xxxx / dddd / ... with runs collapsed: `Robert,` -> `Xx,`; Arabic letters as `a`."""
    return _RUN.sub(r"\1", word.translate(_SHAPES))[:8]


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


_BRACKETS = re.compile(r"[()\[\]]")
_QUOTES = frozenset("\"“”«»'‘’")
_DOI = re.compile(r"\b10\.\d{4,}/")
_DIGIT = re.compile(r"\d")
_RANGE = re.compile(rf"\d+[{DASHES}]\d+")
_VOLUME_ISSUE = re.compile(r"\d+\(\d+\)|\d+:\d+(?:[-–]\d+)?")


def observe_punctuation(tok: Token, core: str) -> Features:
    text = tok.text
    feats: Features = {"last": text[-1] if not text[-1].isalnum() else "an", "first": text[0] if not text[0].isalnum() else "an"}
    if brackets := _BRACKETS.findall(text):
        feats["bracket"] = "".join(brackets)[:3]
    if not _QUOTES.isdisjoint(text):
        feats["quote"] = True
    if "://" in text or text.lower().startswith("www."):
        feats["url"] = True
    if _DOI.search(text):
        feats["doi"] = True
    if "/" in core and _DIGIT.search(core):
        feats["slashnum"] = True
    return feats


def observe_number(tok: Token, core: str) -> Features:
    digits = len(_DIGIT.findall(core))
    if not digits:
        return {}
    feats: Features = {"digits": str(min(digits, 5)), "alldigits": core.isdigit()}
    if _YEAR.fullmatch(core[:4]) and (len(core) == 4 or not core[4:5].isdigit()):
        feats["year"] = core[:2]
    if _RANGE.fullmatch(core):
        feats["range"] = True
    if _VOLUME_ISSUE.fullmatch(core):
        feats["volume_issue"] = True
    return feats


def observe_dictionary(tok: Token, core: str) -> Features:
    return {f"dict:{tag}": True for tag in sorted(tags_for(tok.text))}


OBSERVERS: list[Callable[[Token, str], Features]] = [
    observe_word, observe_script, observe_punctuation, observe_number, observe_dictionary,
]


def token_features(text: str) -> Features:
    """A token's own features; they depend on its text alone. Not cached here: the labeller
    keeps each text's scores, and training keeps each text's `feature_views`."""
    tok = Token(text, 0, len(text))
    core = _core(text)
    feats: Features = {"bias": 1.0}
    for observe in OBSERVERS:
        feats.update(observe(tok, core))
    return feats


# What a token tells its neighbours two places away; the next ones also hear its dictionary hits.
_NEIGHBOUR_KEYS = ("w", "shape", "last", "script", "year", "caps")


def neighbour_features(feats: Features, offset: int) -> Features:
    """What a token with its own features `feats` tells its neighbour `offset` places away."""
    out: Features = {f"{offset}:{key}": feats[key] for key in _NEIGHBOUR_KEYS if key in feats}
    if abs(offset) == 1:
        out.update({f"{offset}:{key}": True for key in feats if key.startswith("dict:")})
    return out


@lru_cache(maxsize=16384)
def feature_views(text: str) -> tuple[Features, ...]:
    """A token's features as seen from offsets -2, -1, 0 (its own), +1 and +2; kept for the
    frequent texts (`and`, `pp.`, `2001`), which training meets in sequence after sequence."""
    own = token_features(text)
    return tuple(neighbour_features(own, offset) if offset else own for offset in range(-2, 3))


def place_features(i: int, n: int) -> Features:
    """Where token `i` of `n` stands: its tenth of the sequence, and whether it is first or last."""
    feats: Features = {"pos": _POSITIONS[min(10, int(10 * i / max(n, 1)))]}
    if i == 0:
        feats["BOS"] = True
    if i == n - 1:
        feats["EOS"] = True
    return feats


_POSITIONS = [str(i) for i in range(11)]


def phrase_features(tags: frozenset[str]) -> Features:
    """The multi-word dictionary entries a token is inside (from `phrase_tags`)."""
    return {f"phrase:{tag}": True for tag in sorted(tags)}


def sequence_features(tokens: list[Token]) -> list[Features]:
    """Features of every token, in the order the model was trained on: its own, its place, the
    neighbours' at -2, -1, +1, +2 (token i + d as token i sees it: its view d + 2 of
    `feature_views`; nothing past either end), its phrases'. The labeller sums the model's
    weights in this same layout (`labeler.emission`)."""
    views = [feature_views(tok.text) for tok in tokens]
    n = len(tokens)
    out = []
    for i, tags in enumerate(phrase_tags([tok.text for tok in tokens])):
        full: Features = dict(views[i][2])
        full.update(place_features(i, n))
        for d in (-2, -1, 1, 2):
            if 0 <= i + d < n:
                full.update(views[i + d][d + 2])
        full.update(phrase_features(tags))
        out.append(full)
    return out


def attribute_name(key: str, value: str | float | bool) -> str | None:
    """The attribute pycrfsuite makes of one feature, as the name it hands CRFsuite:
    `key:value` for a string value, `key` for a true flag or a weight of 1.0. A false flag is
    weight 0: it adds nothing to any score, so leaving it out (None) tags alike."""
    if isinstance(value, str):
        return f"{key}:{value}"
    if value == 1:
        return key
    if value:
        raise ValueError(f"feature {key!r} has weight {value!r}; only 1 (or a flag) can be a bare name")
    return None


def crf_attributes(feats: Features) -> tuple[bytes, ...]:
    """`attribute_name` of each feature, UTF-8 encoded."""
    return tuple(name.encode() for key, value in feats.items() if (name := attribute_name(key, value)))


def view_names(key: str, value: str | float | bool) -> tuple[str | None, ...]:
    """The attribute name one feature of a token has in each of its five `feature_views`
    (-2, -1, own, +1, +2; None where a view leaves it out): a neighbour's is the own one behind
    its offset (`w:press` -> `-1:w:press`). A token's views are the union over its features."""
    own = attribute_name(key, value)
    far = own is not None and key in _NEIGHBOUR_KEYS
    near = far or (own is not None and key.startswith("dict:"))
    return (f"-2:{own}" if far else None, f"-1:{own}" if near else None, own,
            f"1:{own}" if near else None, f"2:{own}" if far else None)


def place_attributes(i: int, n: int) -> tuple[bytes, ...]:
    """`place_features` as attribute names (the labeller keeps their scores per length)."""
    return crf_attributes(place_features(i, n))


def phrase_attributes(tags: frozenset[str]) -> tuple[bytes, ...]:
    """`phrase_features` as attribute names (most tokens are in no phrase: nothing to build)."""
    return crf_attributes(phrase_features(tags)) if tags else ()
