"""Repairs of labelled segments before the field normalizers run: each fixes one way a
messy list misleads a token labeller, by moving text between labels (never dropping it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bibkit.model import Reference
from bibkit.parse.lexicons import phrase_tags, tags_for
from bibkit.parse.normalizers import Fields, Segment

_CLOSING_QUOTE = re.compile(r"[”\"»](?=\s*[,.]?\s+\S)")
_AVAILABLE = re.compile(r"\b(?:ava[il]{2,3}[ai]?ble|retrieved|accessed)\b", re.IGNORECASE)
_SEASON = re.compile(r"[,;]?\s*\b(spring|summer|fall|autumn|winter|بهار|تابستان|پاییز|زمستان)\b\.?$", re.IGNORECASE)
_NEWSPAPER_WORD = re.compile(r"\b(?:newspaper|gazette)\b|روزنامه|جريدة|صحيفة", re.IGNORECASE)


def _move(fields: Fields, label: str, segment: Segment) -> None:
    fields.setdefault(label, []).append(segment)
    fields[label].sort(key=lambda s: s.start)


def split_quoted_title(ref: Reference, fields: Fields) -> None:
    """`“The Troubled Relationship”, Iran, Iraq, and the Legacies of War` labelled as one title:
    a quoted title ends at its closing quote; what follows is the container."""
    titles = fields.get("title") or []
    if len(titles) != 1 or fields.get("container-title") or fields.get("journal"):
        return
    seg = titles[0]
    if not re.match(r"^\s*[“\"«]", seg.text):
        return
    match = _CLOSING_QUOTE.search(seg.text, 1)
    if not match:
        return
    cut = match.end()
    rest = seg.text[cut:]
    offset = cut + len(rest) - len(rest.lstrip(" ,."))
    if len(rest.strip(" ,.")) < 3:
        return
    fields["title"] = [Segment(seg.text[:cut], seg.start, seg.start + cut, seg.confidence)]
    _move(fields, "container-title", Segment(seg.text[offset:], seg.start + offset, seg.end, seg.confidence))


def title_from_note(ref: Reference, fields: Fields) -> None:
    """No title, but a note like `Intervention in Iraq, 1958-1959, Available at`: the text
    before the access phrase is the title."""
    if fields.get("title") or not fields.get("note"):
        return
    seg = fields["note"][0]
    match = _AVAILABLE.search(seg.text)
    head = seg.text[: match.start()] if match else ""
    if len(head.strip(" ,.;:")) < 4:
        return
    fields["title"] = [Segment(head, seg.start, seg.start + len(head), seg.confidence)]
    rest = seg.text[len(head):]
    fields["note"][0] = Segment(rest, seg.start + len(head), seg.end, seg.confidence)


def season_from_container(ref: Reference, fields: Fields) -> None:
    """`Journal of Cold War Studies, Fall` — the season belongs to the date."""
    for label in ("journal", "container-title"):
        for i, seg in enumerate(fields.get(label, [])):
            match = _SEASON.search(seg.text.rstrip(" ,."))
            if match and match.start() > 0:
                cut = match.start()
                fields[label][i] = Segment(seg.text[:cut], seg.start, seg.start + cut, seg.confidence)
                _move(fields, "date", Segment(seg.text[cut:].strip(" ,;"), seg.start + cut, seg.end, seg.confidence))


def periodical_as_author(ref: Reference, fields: Fields) -> None:
    """`Ettelaat Newspaper. (1959, November 28). Year 34, No. 10074.` — a periodical where the
    author stands, with no title: it is the container, and the item is an issue of it."""
    authors = fields.get("author") or []
    if len(authors) != 1 or fields.get("title") or fields.get("journal") or fields.get("container-title"):
        return
    text = authors[0].text.strip(" .,")
    words = text.split()
    known = any("periodical" in tags for tags in [*phrase_tags(words), *map(tags_for, words)]) \
        or _NEWSPAPER_WORD.search(text)
    if known:
        fields["journal"] = fields.pop("author")


REPAIRS: list[Callable[[Reference, Fields], None]] = [
    split_quoted_title,
    title_from_note,
    season_from_container,
    periodical_as_author,
]
