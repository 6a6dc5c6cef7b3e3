"""Tokens of a reference string, with character offsets back into it.

Whitespace separates tokens; a bracket glued to a word (`Robert(1971)`) also does, since
missing spaces are common in pasted lists and the two sides usually belong to two fields.
A number range with spaces at its dash (`1309– 1321,`, `997 –1000`, `103 - 118`) is one
token, spelled without the spaces, as it would be printed unbroken; so is a stop spaced off the
word it closes (`Amanat , Abbas . Resurrection :`, as text copied from some PDFs comes, and as
French sets its colon): `Amanat,`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bibkit.text.script import ARABIC_LETTER

# Cut a run of non-space characters before an opening bracket that follows a character, and
# after a closing bracket that a letter follows.
_SPLIT = re.compile(
    r"(?<=[^\s(\[«])(?=[(\[«])|(?<=[)\]»])(?=[^\s)\].,;:»])"  # Robert(1971)
    rf"|(?<=[{ARABIC_LETTER}A-Za-z\u00C0-\u024F][:;،؛])(?=[{ARABIC_LETTER}A-Z])"  # تهران:نشر, Tehran:Morvarid
    rf"|(?<=[{ARABIC_LETTER}a-z\u00C0-\u024F]{{2}},)(?=[{ARABIC_LETTER}A-Z0-9])"  # Morvarid,1964
    r"|(?<=[a-z]\.,)(?=\d)|(?<=[)\]][.,])(?=[^\W\d_])"  # Res.,104 and (2015).Reading
    rf"|(?<=[{ARABIC_LETTER}]{{2}}\.)(?=[{ARABIC_LETTER}])"  # حیات یحیي.تهران
    rf"|(?<=[0-9\u06F0-\u06F9\u0660-\u0669]{{4}}\.)(?=[{ARABIC_LETTER}])"  # ۱۳۴۶.شرح مثنوی
)
# Sentences run together (`Mansoureh.Peydayesh`, `Orientalism.New York`), but not inside a URL,
# a path or an e-mail address (`data.worldbank.org/Data.Catalog`, `john.Smith@`).
_SPLIT_PROSE = re.compile(_SPLIT.pattern + r"|(?<=[a-z]{2}\.)(?=[A-Z][a-z])")
_ADDRESS = re.compile(r"://|www\.|@|/")


@dataclass(slots=True)
class Token:
    """A token and its character offsets. Not frozen: a frozen dataclass sets its fields
    through object.__setattr__, three times slower, and a reference makes dozens of tokens."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens with their offsets."""
    tokens: list[Token] = []
    for match in (_WORD_OR_RANGE if _SPACED_DASH.search(text) else _WORD).finditer(text):
        start = match.start()
        if match.group() in _LONE_STOPS and tokens:  # `Amanat , Abbas` (a PDF's spacing): `Amanat,`
            tokens[-1] = Token(tokens[-1].text + match.group(), tokens[-1].start, match.end())
            continue
        if match.lastgroup == "range":
            tokens.append(Token("".join(match.group().split()), start, match.end()))
            continue
        for piece in _pieces(match.group()):
            if piece:
                tokens.append(Token(piece, start, start + len(piece)))
            start += len(piece)
    return tokens


STOPS = ",;:.،؛"  # the stops a PDF's copy may space off the word they close (`Amanat , Abbas`)
_LONE_STOPS = frozenset(STOPS)
DASHES = "-\u00ad\u2010-\u2015\u2212"  # a regex class body: hyphens, dashes, minus (`8213−8223`), a soft hyphen
# left from a PDF (`125\u00ad140`)
_WORD = re.compile(r"\S+")
_SPACED_DASH = re.compile(rf"\d(?:\s*[{DASHES}]\s|\s[{DASHES}])")  # most texts have none: the plain split
_WORD_OR_RANGE = re.compile(rf"(?P<range>(?<!\S)[(\[]?[A-Za-z]{{0,3}}\d+(?:\s*[{DASHES}]\s+|\s+[{DASHES}]\s*)[A-Za-z]{{0,3}}\d\S*)|\S+")


@lru_cache(maxsize=1 << 16)
def _pieces(word: str) -> tuple[str, ...]:
    """A whitespace-free run cut where `_SPLIT` (outside addresses, `_SPLIT_PROSE`) says, once
    per distinct run (`and`, `pp.` and `2001` come back in reference after reference)."""
    return tuple((_SPLIT if _ADDRESS.search(word) else _SPLIT_PROSE).split(word))


def label_tokens(tokens: list[Token], offsets: list[list]) -> list[str]:
    """The label of each token from labelled character spans (the span covering its start)."""
    labels = []
    spans = sorted((int(s), int(e), str(lab)) for s, e, lab in offsets)
    i = 0
    for tok in tokens:
        while i < len(spans) and spans[i][1] <= tok.start:
            i += 1
        if i < len(spans) and spans[i][0] <= tok.start < spans[i][1]:
            labels.append(spans[i][2])
        else:
            labels.append(_nearest(spans, tok))
    return labels


def _nearest(spans: list[tuple[int, int, str]], tok: Token) -> str:
    """A token no span covers (rare: stray punctuation) takes the label of the span before it."""
    before = [lab for s, e, lab in spans if e <= tok.start]
    return before[-1] if before else (spans[0][2] if spans else "note")


def spans_to_offsets(text: str, spans: list[list[str]]) -> list[list]:
    """AnyStyle-style [label, segment] lists (segments joined by single spaces) to offsets."""
    offsets, pos = [], 0
    for label, segment in spans:
        start = text.find(segment, pos)
        if start < 0:
            start = pos
        end = start + len(segment)
        offsets.append([start, end, label])
        pos = end
    return offsets
