"""Token features for the CRF, in the manner of AnyStyle: each observer is one small function
that looks at a token (and its place in the sequence) and returns named features.

Adding a feature means adding one function to `OBSERVERS`. The features come in two forms
built in one order (`_token_parts`): dicts for training (`sequence_features`) and the CRFsuite
attribute names the tagger reads (`sequence_attributes`), which tag exactly alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TypeVar

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
    if re.fullmatch(rf"\d+[{DASHES}]\d+", core):
        feats["range"] = True
    if re.fullmatch(r"\d+\(\d+\)", core) or re.fullmatch(r"\d+:\d+([-–]\d+)?", core):
        feats["volume_issue"] = True
    return feats


def observe_dictionary(tok: Token, core: str) -> Features:
    return {f"dict:{tag}": True for tag in sorted(tags_for(tok.text))}


OBSERVERS: list[Callable[[Token, str], Features]] = [
    observe_word, observe_script, observe_punctuation, observe_number, observe_dictionary,
]


@lru_cache(maxsize=16384)
def token_features(text: str) -> Features:
    """A token's own features; they depend on its text alone, and tokens repeat a lot
    (`and`, `pp.`, `2001`), so the frequent ones are kept (the labeller keeps its own
    per-text views; this cache serves training and the five views of one text)."""
    tok = Token(text, 0, len(text))
    core = _core(text)
    feats: Features = {"bias": 1.0}
    for observe in OBSERVERS:
        feats.update(observe(tok, core))
    return feats


def neighbour_features(text: str, offset: int) -> Features:
    """What a token tells its neighbour `offset` places away."""
    feats = token_features(text)
    out: Features = {f"{offset}:{key}": feats[key] for key in ("w", "shape", "last", "script", "year", "caps")
                     if key in feats}
    if abs(offset) == 1:
        out.update({f"{offset}:{key}": True for key in feats if key.startswith("dict:")})
    return out


def feature_views(text: str) -> tuple[Features, ...]:
    """A token's features as seen from offsets -2, -1, 0 (its own), +1 and +2."""
    return tuple(neighbour_features(text, offset) if offset else token_features(text) for offset in range(-2, 3))


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


Part = TypeVar("Part", Features, tuple[bytes, ...])


def _token_parts(tokens: list[Token], views: Callable[[str], tuple[Part, ...]], place: Callable[[int, int], Part],
                 phrase: Callable[[frozenset[str]], Part], nothing: Part) -> Iterator[tuple[Part, ...]]:
    """Per token, the parts its features are made of, in the order the model was trained on:
    its own, its place, the neighbours' at -2, -1, +1, +2 (`nothing` past either end), its
    phrases'. The one order for both forms of the features: dicts (`sequence_features`, for
    training) and CRFsuite attribute names (`sequence_attributes`, for tagging)."""
    texts = [tok.text for tok in tokens]
    n = len(texts)
    edge = (nothing,) * 5
    seen = [edge, edge, *map(views, texts), edge, edge]  # token i + d as token i sees it: seen[i + 2 + d][2 + d]
    for i, tags in enumerate(phrase_tags(texts)):
        yield (seen[i + 2][2], place(i, n), seen[i][0], seen[i + 1][1], seen[i + 3][3], seen[i + 4][4],
               phrase(tags))


def sequence_features(tokens: list[Token]) -> list[Features]:
    """Features of every token, with position and the neighbours' key features."""
    out = []
    for parts in _token_parts(tokens, feature_views, place_features, phrase_features, {}):
        full: Features = {}
        for part in parts:
            full.update(part)
        out.append(full)
    return out


def crf_attributes(feats: Features) -> tuple[bytes, ...]:
    """The attributes pycrfsuite makes of a feature dict, as the UTF-8 names it hands
    CRFsuite: `key:value` for a string value, `key` for a true flag or a weight of 1.0. A
    false flag is weight 0: it adds nothing to any score, so leaving it out tags alike."""
    names = []
    for key, value in feats.items():
        if isinstance(value, str):
            names.append(f"{key}:{value}".encode())
        elif value == 1:
            names.append(key.encode())
        elif value:
            raise ValueError(f"feature {key!r} has weight {value!r}; only 1 (or a flag) can be a bare name")
    return tuple(names)


def attribute_views(text: str) -> tuple[tuple[bytes, ...], ...]:
    """`feature_views` as attribute names."""
    return tuple(map(crf_attributes, feature_views(text)))


@lru_cache(maxsize=4096)
def place_attributes(i: int, n: int) -> tuple[bytes, ...]:
    """`place_features` as attribute names; sequence lengths repeat, so they are kept."""
    return crf_attributes(place_features(i, n))


def phrase_attributes(tags: frozenset[str]) -> tuple[bytes, ...]:
    """`phrase_features` as attribute names (most tokens are in no phrase: nothing to build)."""
    return crf_attributes(phrase_features(tags)) if tags else ()


Views = Callable[[str], tuple[tuple[bytes, ...], ...]]


def sequence_attributes(tokens: list[Token], views: Views = attribute_views) -> list[list[bytes]]:
    """`sequence_features` in the form the tagger reads (see `crf_attributes`), from each
    token text's `views`. The labeller passes them kept per distinct text (and cut to what
    its model knows): converting feature dicts anew for every sequence cost as much as
    computing them."""
    return [[*own, *place, *left2, *left1, *right1, *right2, *phrase]
            for own, place, left2, left1, right1, right2, phrase in _token_parts(
                tokens, views, place_attributes, phrase_attributes, ())]
