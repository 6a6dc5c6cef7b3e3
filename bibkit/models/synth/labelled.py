"""Text with one label per character, built from a string marked with private-use sentinels.

Renderers (CSL styles and hand templates) wrap each field's output in an open sentinel (one
per label) and a close sentinel; names additionally carry a role mark before each family name,
because a CSL `names` element may render editors and translators together. Reading the marks
back gives exact offsets, and the AnyStyle conventions are then applied in one place:
punctuation attaches to the preceding field, cue words and opening brackets to the field they
introduce.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from bibkit.parse import lexicons

LABELS = (
    "author", "editor", "translator", "title", "journal", "container-title", "collection-title",
    "date", "volume", "pages", "publisher", "location", "edition", "genre", "url", "doi", "isbn",
    "note", "citation-number", "archive", "archive_location",
)
NAMES = "names"  # pseudo-label of a CSL names element before its roles are resolved
_OPEN = 0xE000  # + label index: open a field
_ROLE = 0xE080  # + label index: the next name belongs to this role
_NAMES_OPEN = 0xE0FE
_CLOSE = 0xE0FF
OPENERS = frozenset("([{“‘«„‹")
_NAME_DELIMS = frozenset(",;،؛")
PERIODICAL_TYPES = frozenset({"article-journal", "article-newspaper", "article-magazine"})


def open_mark(label: str) -> str:
    return chr(_OPEN + LABELS.index(label))


CLOSE = chr(_CLOSE)
NAMES_OPEN = chr(_NAMES_OPEN)


def role_mark(label: str) -> str:
    return chr(_ROLE + LABELS.index(label))


def mark(label: str, text: str) -> str:
    """`text` wrapped as one field (empty text stays empty)."""
    return f"{open_mark(label)}{text}{CLOSE}" if text else ""


@cache
def variable_labels() -> dict[str, str]:
    """CSL variable -> label, from `data/labels.tsv`."""
    text = resources.files(__package__).joinpath("data/labels.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {var: label for var, label in rows}


def label_for(variable: str, item_type: str) -> str | None:
    """The label of one CSL variable in an item of this type (None: not a labelled field)."""
    label = variable_labels().get(variable)
    if label == "container-title" and item_type in PERIODICAL_TYPES:
        return "journal"
    return label


@dataclass
class Labelled:
    """A reference string and the label of each of its characters (None for spaces)."""

    text: str
    labels: list[str | None]

    def spans(self) -> list[list]:
        """`[[start, end, label], ...]`: maximal same-label runs, trimmed of whitespace."""
        out: list[list] = []
        for i, (ch, label) in enumerate(zip(self.text, self.labels)):
            if ch.isspace() or label is None:
                continue
            if out and out[-1][2] == label and not _other_between(self, out[-1][1], i, label):
                out[-1][1] = i + 1
            else:
                out.append([i, i + 1, label])
        return out


def _other_between(lab: Labelled, start: int, end: int, label: str) -> bool:
    """True if a non-space character between two runs has another label."""
    return any(not lab.text[k].isspace() and lab.labels[k] != label for k in range(start, end))


def from_marked(marked: str) -> Labelled:
    """Read a sentinel-marked rendering into a `Labelled`, applying the labelling conventions."""
    chars, labels, roles = _read_marks(marked)
    _resolve_names(chars, labels, roles)
    _attach_gaps(chars, labels)
    _move_edges(chars, labels)
    text = "".join(chars)
    return Labelled(text, [None if c.isspace() else lab for c, lab in zip(text, labels)])


def _read_marks(marked: str) -> tuple[list[str], list[str | None], list[tuple[int, str]]]:
    """Characters, the innermost open field of each, and (position, role) of name marks."""
    chars: list[str] = []
    labels: list[str | None] = []
    roles: list[tuple[int, str]] = []
    stack: list[str] = []
    regions = 0
    for ch in marked:
        code = ord(ch)
        if _OPEN <= code < _OPEN + len(LABELS):
            stack.append(LABELS[code - _OPEN])
        elif _ROLE <= code < _ROLE + len(LABELS):
            roles.append((len(chars), LABELS[code - _ROLE]))
        elif code == _NAMES_OPEN:
            regions += 1
            stack.append(f"{NAMES}#{regions}")
        elif code == _CLOSE:
            if stack:
                stack.pop()
        else:
            chars.append(ch)
            labels.append(stack[-1] if stack else None)
    return chars, labels, roles


def _resolve_names(chars: list[str], labels: list[str | None], roles: list[tuple[int, str]]) -> None:
    """Give each names region the roles of the names inside it (None if it rendered none)."""
    regions: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        if label and label.startswith(NAMES):
            regions.setdefault(label, []).append(i)
    for positions in regions.values():
        lo, hi = positions[0], positions[-1]
        inside = [(p, r) for p, r in roles if lo <= p <= hi]
        for i in positions:
            labels[i] = _role_at(chars, i, inside)


def _role_at(chars: list[str], i: int, inside: list[tuple[int, str]]) -> str | None:
    """The role of character i: that of the name it follows, or of the next name after the last
    list delimiter when the role changes (`Smith, translated by Ali Ahmadi`)."""
    if not inside:
        return None
    before = [(p, r) for p, r in inside if p <= i]
    after = [(p, r) for p, r in inside if p > i]
    if not before:
        return inside[0][1]
    prev_pos, prev_role = before[-1]
    if not after or after[0][1] == prev_role:
        return prev_role
    next_pos, next_role = after[0]
    cut = max((k for k in range(prev_pos, next_pos) if chars[k] in _NAME_DELIMS), default=None)
    return next_role if cut is not None and i > cut else prev_role


def _is_word(token: str) -> bool:
    return any(c.isalnum() for c in token) or token[0] in OPENERS


def _cue_of(token: str, label: str) -> bool:
    """True if the token is a cue word that follows its field (`7th ed.`, `Smith (ed.)`)."""
    return f"cue:{label}" in lexicons.tags_for(token)


def _attach_gaps(chars: list[str], labels: list[str | None]) -> None:
    """Unlabelled text between fields: punctuation (and cue words of the field before) goes
    back, words and openers go forward."""
    n = len(chars)
    i = 0
    while i < n:
        if labels[i] is not None or chars[i].isspace():
            i += 1
            continue
        j = i
        while j < n and labels[j] is None:
            j += 1
        prev = next((labels[k] for k in range(i - 1, -1, -1) if labels[k]), None)
        nxt = labels[j] if j < n else None
        forward = False
        for start, end in _tokens(chars, i, j):
            token = "".join(chars[start:end])
            quote_before_next = token in ('"', "'") and end == j < n
            forward = forward or prev is None or quote_before_next or (_is_word(token) and not _cue_of(token, prev))
            target = (nxt or prev) if forward else (prev or nxt)
            for k in range(start, end):
                labels[k] = target
        i = j


def _tokens(chars: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """Whitespace-separated (start, end) pieces of chars[start:end]."""
    out: list[tuple[int, int]] = []
    k = start
    while k < end:
        if chars[k].isspace():
            k += 1
            continue
        m = k
        while m < end and not chars[m].isspace():
            m += 1
        out.append((k, m))
        k = m
    return out


def _move_edges(chars: list[str], labels: list[str | None]) -> None:
    """A field's leading punctuation goes to the field before; its trailing openers to the next."""
    runs = _runs(chars, labels)
    for (s, e, label), (s2, _e2, label2) in zip(runs, runs[1:]):
        k = s2
        while k < len(chars) and labels[k] == label2 and _is_edge_punct(chars[k]):
            labels[k] = label
            k += 1
        k = e - 1
        while k >= s and labels[k] == label and chars[k] in OPENERS:
            labels[k] = label2
            k -= 1


def _is_edge_punct(ch: str) -> bool:
    return not ch.isspace() and not ch.isalnum() and ch not in OPENERS and ch not in "\"'#$@"


def _runs(chars: list[str], labels: list[str | None]) -> list[tuple[int, int, str]]:
    """Maximal runs of one label over non-space characters (spaces inside a run join it)."""
    runs: list[tuple[int, int, str]] = []
    for i, label in enumerate(labels):
        if label is None or chars[i].isspace():
            continue
        if runs and runs[-1][2] == label:
            runs[-1] = (runs[-1][0], i + 1, label)
        else:
            runs.append((i, i + 1, label))
    return runs
