"""Numbered notes: find them in a document, pair them with their in-text markers, split each
into citations and commentary, parse the citations, resolve Ibid. / op. cit. / short forms,
and return the unique sources plus a map from every note to what it cites.

`parse_notes(text, origin=...)` is the entry point; `notes_to_json(result)` gives the
`{"sources": [...], "notes": [...]}` map. Headings, back-reference forms, locator terms and
connectives (en/fa/ar) are data files in `data/notes_*.tsv`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from bibkit.diagnostics import Diagnostic
from bibkit.formats.citekey import assign_keys
from bibkit.model import Cite, Note, Reference
from bibkit.parse.backrefs import (
    BackRef,
    Resolution,
    find_backref,
    is_notes_heading,
    locator_terms,
    note_table,
    resolve_ibid,
    resolve_named,
    same_work,
)
from bibkit.parse.normalizers import parse_date
from bibkit.parse.notecite import (
    DIGIT,
    IMPRINT,
    YEAR,
    citation_segments,
    fact_label,
    locator_pattern,
    read_citation,
    split_note,
    take_locator,
)
from bibkit.text.normalize import ASCII_DIGITS

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_NOTE_LINE = re.compile(
    rf"^\s*(?:\[\^?(?P<a>{DIGIT}{{1,3}})\]:?|\^(?P<b>{DIGIT}{{1,3}})|\((?P<c>{DIGIT}{{1,3}})\)|"
    rf"(?P<d>{DIGIT}{{1,3}})\s*[.)\-–:](?!\d)|(?P<e>[⁰¹²³⁴⁵⁶⁷⁸⁹]{{1,3}})|"
    rf"(?P<f>{DIGIT}{{1,3}})(?=\t| {{2}}| [^\W\d_]))\s*(?=\S)")  # `1 Ervand Abrahamian, …` as a PDF copies it
_MARKER = re.compile(
    rf"\((?P<paren>{DIGIT}{{1,3}})\)|\[\^(?P<caret_sq>{DIGIT}{{1,3}})\]|\[(?P<square>{DIGIT}{{1,3}})\]|"
    rf"\^(?P<caret>{DIGIT}{{1,3}})|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{{1,3}})|"
    rf"(?<=[^\W\d_][.,;:!?”\"’)،؛»]|[a-z][”\"’)])(?P<flat>{DIGIT}{{1,3}})(?=\s|$)")  # a superscript a PDF flattened: `roots.1 Its`


@dataclass
class NotesResult:
    """Unique sources, the notes that cite them, and every problem found on the way."""

    sources: list[Reference] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass(frozen=True)
class _RawNote:
    number: int
    text: str
    line: int  # 1-based
    offset: int  # where the note's text starts
    end: int  # where its last line ends


@dataclass(frozen=True)
class _Marker:
    number: int
    style: str
    offset: int


# ------------------------------------------------------------------------------ the notes block
def _line_offsets(text: str) -> list[int]:
    offsets, pos = [], 0
    for line in text.splitlines(keepends=True):
        offsets.append(pos)
        pos += len(line)
    return offsets


def _note_number(line: str) -> tuple[int, int] | None:
    """(number, where the note text starts) of a line that opens a note."""
    match = _NOTE_LINE.match(line)
    if not match:
        return None
    raw = next(g for g in match.groups() if g)
    return int(raw.translate(ASCII_DIGITS).translate(_SUPERSCRIPT)), match.end()


def _runs(lines: list[str], offsets: list[int]) -> Iterator[tuple[int, list[_RawNote]]]:
    """(line index where the run starts, notes) for each run of notes numbered 1, 2, 3 …;
    a note continues on the lines right below it (no blank line between)."""
    run: list[_RawNote] = []
    start, open_note = 0, False
    for i, line in enumerate(lines):
        opened = _note_number(line)
        end = offsets[i] + len(line)
        if opened and (opened[0] == 1 or (run and opened[0] == run[-1].number + 1)):
            if opened[0] == 1 and run:
                yield start, run
                run = []
            start = i if not run else start
            run.append(_RawNote(opened[0], line[opened[1]:].strip(), i + 1, offsets[i] + opened[1], end))
            open_note = True
        elif line.strip() and open_note and run:
            run[-1] = replace(run[-1], text=f"{run[-1].text} {line.strip()}", end=end)
        elif line.strip() and run:
            yield start, run
            run, open_note = [], False
        else:
            open_note = False
    if run:
        yield start, run


def _headed(lines: list[str], start: int) -> bool:
    """Whether the nearest non-blank line above a run is a notes heading."""
    above = next((lines[j] for j in range(start - 1, -1, -1) if lines[j].strip()), "")
    return is_notes_heading(above)


def _cited_share(run: list[_RawNote]) -> float:
    """Share of a run's notes that look like citations (a year, a back-reference, a locator)."""
    hits = sum(1 for n in run if YEAR.search(n.text.translate(ASCII_DIGITS)) or find_backref(n.text)
               or locator_pattern().search(n.text))
    return hits / len(run)


def find_notes(text: str) -> tuple[list[_RawNote], tuple[int, int]]:
    """The notes of a document and the character span of their block ((0, 0) when none):
    a run under a notes heading if there is one, else the last run of citation-like notes."""
    lines, offsets = text.splitlines(), _line_offsets(text)
    runs = [(start, run) for start, run in _runs(lines, offsets) if run]
    headed = [(s, r) for s, r in runs if _headed(lines, s)]
    cited = [(s, r) for s, r in runs if len(r) >= 2 and _cited_share(r) >= 0.5]
    chosen = (headed or cited or [(0, [])])[-1]
    start, run = chosen
    return (run, (offsets[start], run[-1].end)) if run else ([], (0, 0))


# ------------------------------------------------------------------------------ markers
def find_markers(text: str, block: tuple[int, int]) -> list[_Marker]:
    """In-text markers outside the notes block: `(1)`, `[1]`, `[^1]`, `^1`, superscripts, and
    superscripts flattened to digits after a word's stop (`roots.1 Its`)."""
    out = []
    for match in _MARKER.finditer(text):
        if block[0] <= match.start() < block[1]:
            continue
        style = match.lastgroup or ""
        raw = match.group(style).translate(ASCII_DIGITS).translate(_SUPERSCRIPT)
        out.append(_Marker(int(raw), style, match.start()))
    return out


def pair_markers(markers: list[_Marker], numbers: set[int]) -> tuple[dict[int, int], list[_Marker]]:
    """Note number -> marker offset, and markers with no note. Only the style covering most
    notes counts; a marker counts when it moves the sequence on (a note's number, or the
    next number), so a year in brackets or a repeated list number is not taken for one."""
    by_style: dict[str, list[_Marker]] = {}
    for m in markers:
        by_style.setdefault(m.style, []).append(m)
    if not by_style:
        return {}, []
    style = max(by_style, key=lambda s: len({m.number for m in by_style[s]} & numbers))
    paired: dict[int, int] = {}
    orphans: list[_Marker] = []
    last = 0
    for m in by_style[style]:
        if m.number <= last or not (m.number in numbers or m.number == last + 1):
            continue
        if m.number in numbers:
            paired[m.number] = m.offset
        else:
            orphans.append(m)
        last = m.number
    return paired, orphans


# ------------------------------------------------------------------------------ resolving
@dataclass
class _Cited:
    """What was cited so far: the sources, the order they were last cited in, the last note."""

    sources: list[Reference] = field(default_factory=list)
    recent: list[int] = field(default_factory=list)  # source indices, most recently cited first
    last_note: tuple[int, list[_Pending]] = (0, [])  # number and cites of the last note with cites
    by_note: dict[int, list[int]] = field(default_factory=dict)  # note number -> sources it cites
    places: dict[int, tuple[str, str | None]] = field(default_factory=dict)  # source -> last locator, label

    def touch(self, indices: tuple[int, ...]) -> None:
        for i in reversed(indices):
            if i in self.recent:
                self.recent.remove(i)
            self.recent.insert(0, i)


@dataclass(frozen=True)
class _Pending:
    """A cite before source ids exist: source indices (candidates nearest first) and how."""

    indices: tuple[int, ...]
    resolution: str
    locator: str | None
    label: str | None
    text: str
    how: str


def _resolve_backref(backref: BackRef, cited: _Cited, previous: list[_Pending], locator: str | None,
                     where: str, within: list[int]) -> Resolution:
    """A back-reference with a head is resolved by what the head names (among `within`, the
    sources it may mean, nearest first), else by position."""
    date = parse_date(backref.tail) if backref.tail else None
    if backref.head:  # `Author, op. cit.`, and `Author, همان` too: named, not positional
        return resolve_named(backref.head, date, cited.sources, within, "op-cit")
    kind = "ibid" if backref.kind in ("ibid", "idem") else "op-cit"
    res = resolve_ibid([p.indices[0] for p in _same_volume(previous, locator) if p.indices], where)
    return Resolution(res.indices, kind, res.how) if res.kind == "ibid" else res


def _direct(text: str, cited: _Cited, origin: str, author_from: list[int]) -> Resolution:
    """A full or short citation: a short form names an earlier source; a full one is that
    source again when it is the same work, else a new source."""
    if cited.sources and _may_be_short(text):
        short = resolve_named(text, None, cited.sources, cited.recent, "short-form", need_title=True)
        if short.indices:
            return short
    ref = read_citation(text, origin)
    if author_from and not ref.names.get("author"):
        first = cited.sources[author_from[0]]
        ref.set("author", list(first.names.get("author", [])), step="notes.idem")
    same = next((i for i, s in enumerate(cited.sources) if same_work(s, ref)), None)
    if same is not None:
        return Resolution((same,), "direct", "direct: the same work as an earlier citation")
    cited.sources.append(ref)
    return Resolution((len(cited.sources) - 1,), "direct", "direct: a new source")


def _may_be_short(text: str) -> bool:
    """A short form is names and a short title only: no date, imprint, URL or volume part."""
    if IMPRINT.search(text.translate(ASCII_DIGITS)):
        return False
    return not any(fact_label(text[start:end]) for start, end in citation_segments(text))


@cache
def _note_reference_pattern() -> re.Pattern[str]:
    """`supra note 3`, `op. cit., n. 3`: an op. cit. form followed by the note it points at."""
    forms = "|".join(re.escape(row[2]) for row in note_table("notes_backrefs.tsv") if row[0] in ("op-cit", "loc-cit"))
    notes = "|".join(re.escape(form) for form, label in locator_terms() if label == "note")
    return re.compile(rf"(?<![\w\u200c])(?P<form>{forms})\s*,?\s*(?:{notes})\s*(?P<n>{DIGIT}{{1,3}})(?!\d)",
                      re.IGNORECASE)


def _note_reference(text: str) -> tuple[str, int | None]:
    """The citation with `note N` taken off its op. cit. form, and N (None if absent)."""
    match = _note_reference_pattern().search(text)
    if not match:
        return text, None
    number = int(match.group("n").translate(ASCII_DIGITS))
    return text[:match.start()] + match.group("form") + text[match.end():], number


def _same_volume(previous: list[_Pending], locator: str | None) -> list[_Pending]:
    """`Ibid., 3:80` after a note citing two works, one of them in volume 3: that one."""
    volume = locator.split(":", 1)[0] if locator and ":" in locator else None
    same = [p for p in previous if volume and p.locator and p.locator.startswith(f"{volume}:")]
    return same or previous


def _same_place(backref: BackRef, res: Resolution, locator: str | None, label: str | None,
                cited: _Cited) -> tuple[str | None, str | None]:
    """`Ibid.`, `همان‌جا`, `loc. cit.` with no locator point at the place last cited in that
    source; `Ibid., p. 402` after `vol. 1, p. 400` keeps the volume (`1:402`)."""
    place, place_label = cited.places.get(res.indices[0], (None, None))
    if locator is None and (res.kind == "ibid" or backref.kind == "loc-cit"):
        return place, place_label
    if res.kind == "ibid" and locator and ":" not in locator and place and ":" in place and label == "page":
        return f"{place.split(':', 1)[0]}:{locator}", label
    return locator, label


def _cite(piece: str, cited: _Cited, previous: list[_Pending], where: str, origin: str) -> tuple[_Pending, str | None]:
    """One citation of a note resolved; a problem to report, if any."""
    text, note_ref = _note_reference(piece)
    text, locator, label = take_locator(text)
    within = [i for i in cited.recent if note_ref is None or i in cited.by_note.get(note_ref, ())]
    backref = find_backref(text)
    if backref and backref.kind == "idem" and re.search(r"[^\W\d_]{3}", backref.tail):
        res = _direct(backref.tail, cited, origin, [i for p in previous[-1:] for i in p.indices[:1]])
        res = replace(res, how=f"idem: by the author of {where}; {res.how}")
    elif backref:
        res = _resolve_backref(backref, cited, previous, locator, where, within)
    else:
        res = _direct(text, cited, origin, [])
    if backref and res.kind != "ambiguous" and res.indices:
        given = locator
        locator, label = _same_place(backref, res, locator, label, cited)
        res = res if locator == given else replace(res, how=f"{res.how}; at the place cited before")
    cited.touch(res.indices[:1] if res.kind == "ambiguous" else res.indices)
    if locator and res.indices:
        cited.places[res.indices[0]] = (locator, label)
    problem = None
    if res.kind == "ambiguous":
        problem = f"ambiguous back-reference {piece!r}: {res.how}; citing every candidate, nearest first"
    elif not res.indices:
        problem = f"unresolved back-reference {piece!r}: {res.how}"
    elif res.kind == "direct" and cited.sources[res.indices[0]].warnings:
        problem = f"citation {piece!r} {cited.sources[res.indices[0]].warnings[-1]}"
    return _Pending(res.indices, res.kind, locator, label, piece, res.how), problem


def _cite_note(raw: _RawNote, cited: _Cited, origin: str,
               diagnostics: list[Diagnostic]) -> tuple[list[_Pending], str]:
    """Every citation of one note, and its commentary; Ibid. looks at the citation before it
    in the note, or at the last note that cited something."""
    pieces, commentary = split_note(raw.text)
    where = f"{origin}:{raw.line}"
    pending: list[_Pending] = []
    for piece in pieces:
        previous = pending[-1:] if pending else cited.last_note[1]
        before = "the citation before it" if pending else f"note {cited.last_note[0]}"
        cite, problem = _cite(piece, cited, previous, before, where)
        if problem:
            diagnostics.append(Diagnostic(where, f"note {raw.number}: {problem}"))
        pending.append(cite)
    if pending:
        cited.last_note = (raw.number, pending)
        cited.by_note[raw.number] = [i for p in pending for i in p.indices[:1]]
    return pending, commentary


def parse_notes(text: str, *, origin: str = "<string>") -> NotesResult:
    """The numbered notes of a document: unique sources, and each note with its marker
    offset and its cites (locator, label and how each was resolved)."""
    result = NotesResult()
    raw_notes, block = find_notes(text)
    if not raw_notes:
        result.diagnostics.append(Diagnostic(origin, "no numbered notes found"))
        return result
    offsets = _line_offsets(text)
    paired, orphans = pair_markers(find_markers(text, block), {n.number for n in raw_notes})
    cited = _Cited()
    per_note = [_cite_note(raw, cited, origin, result.diagnostics) for raw in raw_notes]
    assign_keys(cited.sources)
    result.sources = cited.sources
    for raw, (pending, commentary) in zip(raw_notes, per_note, strict=True):
        result.notes.append(Note(raw.number, raw.text, paired.get(raw.number),
                                 [_finish(p, cited.sources) for p in pending], commentary))
        if paired and raw.number not in paired:
            result.diagnostics.append(Diagnostic(f"{origin}:{raw.line}",
                                                 f"note {raw.number} has no marker in the text"))
    if not paired:
        result.diagnostics.append(Diagnostic(origin, "no in-text note markers found ((1), [1], ¹, ^1)"))
    for marker in orphans:
        line = bisect.bisect_right(offsets, marker.offset)
        result.diagnostics.append(Diagnostic(f"{origin}:{line}", f"marker {marker.number} has no note"))
    return result


def _finish(pending: _Pending, sources: list[Reference]) -> Cite:
    ids = [sources[i].id for i in pending.indices]
    return Cite(ids[0] if ids else None, pending.locator, pending.label, pending.resolution,
                ids if pending.resolution == "ambiguous" else [], pending.text, pending.how)


def notes_to_json(result: NotesResult) -> dict[str, Any]:
    """`{"sources": [CSL items], "notes": [{number, marker_offset, cites: [...]}]}`."""
    return {
        "sources": [ref.to_csl() for ref in result.sources],
        "notes": [{"number": note.number, "marker_offset": note.marker_offset, "text": note.text,
                   **({"commentary": note.commentary} if note.commentary else {}),
                   "cites": [_cite_json(c) for c in note.cites]}
                  for note in result.notes],
    }


def _cite_json(cite: Cite) -> dict[str, Any]:
    out: dict[str, Any] = {"id": cite.id, "locator": cite.locator, "label": cite.label,
                           "resolution": cite.resolution}
    if cite.candidates:
        out["candidates"] = list(cite.candidates)
    out.update(text=cite.text, how=cite.how)
    return out
