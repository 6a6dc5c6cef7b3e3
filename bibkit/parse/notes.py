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

from bibkit.formats import Diagnostic
from bibkit.formats.citekey import assign_keys
from bibkit.model import Cite, Note, Reference
from bibkit.parse import parse_reference, reference_from_fields
from bibkit.parse.backrefs import (
    ARTICLES,
    BackRef,
    Resolution,
    find_backref,
    locator_terms,
    note_table,
    resolve_ibid,
    resolve_named,
    same_work,
)
from bibkit.parse.lexicons import fold, phrase_tags, tags_for
from bibkit.parse.normalizers import Fields, Segment, parse_date

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_NUM = r"[0-9۰-۹٠-٩]"
_NOTE_LINE = re.compile(
    rf"^\s*(?:\[\^?(?P<a>{_NUM}{{1,3}})\]:?|\^(?P<b>{_NUM}{{1,3}})|\((?P<c>{_NUM}{{1,3}})\)|"
    rf"(?P<d>{_NUM}{{1,3}})\s*[.)\-–:](?!\d)|(?P<e>[⁰¹²³⁴⁵⁶⁷⁸⁹]{{1,3}})|(?P<f>{_NUM}{{1,3}})(?=\t| {{2}}))\s*(?=\S)")
_MARKER = re.compile(
    rf"\((?P<paren>{_NUM}{{1,3}})\)|\[\^(?P<caret_sq>{_NUM}{{1,3}})\]|\[(?P<square>{_NUM}{{1,3}})\]|"
    rf"\^(?P<caret>{_NUM}{{1,3}})|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{{1,3}})")
_YEAR_TEXT = r"(?<!\d)(?:1[0-9]\d\d|20\d\d)(?!\d)"
_YEAR = re.compile(_YEAR_TEXT)
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
_FILE_PATH = re.compile(r"\.(?:html?|php|aspx?|pdf)\b|^/")
_IMPRINT = re.compile(rf"\([^()]*{_YEAR_TEXT}[^()]*\)")  # `(London: Verso, 2012)`
_IMPRINT_AT_END = re.compile(rf"\s{_IMPRINT.pattern}$")
_EDGE = " \t,،;؛:."
_INITIAL = re.compile(r"^[A-Z]\.(?:[A-Z]\.)*$")


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


# ------------------------------------------------------------------------------ data
@cache
def _headings() -> frozenset[str]:
    return frozenset(_heading_key(row[1]) for row in note_table("notes_headings.tsv"))


def _heading_key(text: str) -> str:
    return " ".join(fold(w) for w in re.sub(r"[#*_:\[\]]", " ", text).split())


@cache
def _locator_pattern() -> re.Pattern[str]:
    """A locator at the end of a citation: a term and numbers (`pp. 142-46`, `ج ۲`), or a
    headword after `s.v.` / `مادة` (`مادة (خلف)`)."""
    terms = "|".join(re.escape(form) for form, _ in locator_terms())
    words = "|".join(re.escape(form) for form, label in locator_terms() if label == "sub-verbo")
    one = rf"(?:{_NUM}+[a-z]?|[ivxlcdm]+)(?:\s*[-–—]\s*{_NUM}+)?"  # 5, 142-46, xiv
    number = rf"{one}(?:\s*(?:,|&|and)\s*{one})*"
    word = r"[(«\"“][^()«»\"“”]{1,40}[)»\"”]|[^\W\d_][\w\-\u200c]*"
    return re.compile(rf"(?:^|[\s,،:(])(?:(?P<term>{terms})\s*(?P<value>{number})|(?P<wordterm>{words})\s*"
                      rf"(?P<word>{word}))\s*[.)]?\s*$", re.IGNORECASE)


def _label_of(term: str) -> str | None:
    """The CSL locator label of a term as written (`pp.` -> page, `ج` -> volume)."""
    return next((label for form, label in locator_terms() if form.casefold() == term.casefold()), None)


@cache
def _connectives() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(opening a piece, splitting a piece: after `,` or `.`, or after any space for forms
    that cannot be title words, such as `cf.` and `see also`)."""
    rows = sorted(note_table("notes_connectives.tsv"), key=lambda r: -len(r[1]))
    every = "|".join(re.escape(r[1]) for r in rows)
    inside = "|".join(re.escape(r[1]) for r in rows if r[2] in ("inside", "anywhere"))
    anywhere = "|".join(re.escape(r[1]) for r in rows if r[2] == "anywhere")
    return (re.compile(rf"^\s*(?:(?:{every})(?![\w\u200c])[\s,:،]*)+", re.IGNORECASE),
            re.compile(rf"(?:(?<=[,.،])\s+(?=(?:{inside})(?![\w\u200c]))|(?<=\S)\s+(?=(?:{anywhere})(?![\w\u200c])))",
                       re.IGNORECASE))


@cache
def _prose_words() -> frozenset[str]:
    return frozenset(fold(row[1]) for row in note_table("notes_prose.tsv"))


@cache
def _date_words() -> frozenset[str]:
    return frozenset(fold(row[1]) for row in note_table("notes_dates.tsv"))


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
    return int(raw.translate(_DIGITS).translate(_SUPERSCRIPT)), match.end()


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
    return _heading_key(above) in _headings()


def _cited_share(run: list[_RawNote]) -> float:
    """Share of a run's notes that look like citations (a year, a back-reference, a locator)."""
    hits = sum(1 for n in run if _YEAR.search(n.text.translate(_DIGITS)) or find_backref(n.text)
               or _locator_pattern().search(n.text))
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
    """In-text markers outside the notes block: `(1)`, `[1]`, `[^1]`, `^1`, superscripts."""
    out = []
    for match in _MARKER.finditer(text):
        if block[0] <= match.start() < block[1]:
            continue
        style = match.lastgroup or ""
        raw = match.group(style).translate(_DIGITS).translate(_SUPERSCRIPT)
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


# ------------------------------------------------------------------------------ splitting a note
def _top_level_split(text: str, separators: str) -> list[tuple[int, int]]:
    """Spans of `text` split at `separators` outside brackets and quotes."""
    spans, depth, start, quote = [], 0, 0, False
    for i, ch in enumerate(text):
        if ch in "([{«":
            depth += 1
        elif ch in ")]}»":
            depth = max(0, depth - 1)
        elif ch in "\"“”":
            quote = not quote if ch == '"' else ch == "“"
        elif ch in separators and depth == 0 and not quote:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


def split_note(text: str) -> tuple[list[str], str]:
    """A note's citations and its commentary: pieces at `;`, and at `see also`, `cf.` …
    after a comma; connectives dropped; prose pieces kept as commentary."""
    opening, inside = _connectives()
    citations, commentary = [], []
    for start, end in _top_level_split(text, ";؛"):
        pieces = inside.split(text[start:end])
        for n, piece in enumerate(pieces):
            piece = opening.sub("", piece.strip()).strip(" \t,،")
            if not piece.strip(_EDGE):
                continue
            lead_in = n == 0 and len(pieces) > 1  # `For a different view, see …`
            (commentary if _is_commentary(piece, lead_in) else citations).append(piece)
    return citations, " ".join(commentary)


def _is_commentary(piece: str, lead_in: bool = False) -> bool:
    """Prose, not a citation: no year, locator or back-reference, and function words (two in
    a longer piece; one in a piece that leads into `see …`)."""
    if find_backref(piece) or _YEAR.search(piece.translate(_DIGITS)) or take_locator(piece)[1]:
        return False
    tokens = [fold(t) for t in piece.split()]
    prose = sum(t in _prose_words() for t in tokens)
    return prose >= 1 if lead_in else len(tokens) >= 5 and prose >= 2


def take_locator(text: str) -> tuple[str, str | None, str | None]:
    """(citation without its locator, locator, CSL label). `vol. 2, p. 45` gives `2:45`
    (page); a bare last number after a comma is a page unless it is a year."""
    rest, found = _termed_locators(text.rstrip(" ."))
    if not found and (bare := _bare_page(rest)):
        rest, value = bare
        found.append(("page", value))
    if not found and (inside := _locator_before_parenthetical(rest)):
        rest, found = inside
    if not found:
        return text, None, None
    if found[0][0] == "page" and (volume := _volume_before_imprint(rest)):
        found.insert(0, ("volume", volume))
    if len(found) >= 2 and found[0][0] == "volume" and found[-1][0] == "page":
        return rest, f"{found[0][1]}:{found[-1][1]}", "page"
    return rest, found[-1][1], found[-1][0]


def _termed_locators(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Locators with a term at the end of `text`, in order (`vol. 2, p. 45`), and the rest."""
    found: list[tuple[str, str]] = []
    while match := _locator_pattern().search(text):
        label = _label_of(match.group("term") or match.group("wordterm")) or "page"
        value = match.group("value") or match.group("word").strip("()«»\"“”")
        found.insert(0, (label, _clean_locator(value)))
        text = text[:match.start()].rstrip(_EDGE)
    return text, found


def _locator_before_parenthetical(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A locator just before a closing parenthetical, as legal notes put it: `…, at 20 (CIA,
    1954)`, or a pin page after the first page (`19 Int'l J. 261, 265 (1987)`)."""
    closing = re.search(r"\s*(\([^()]*\))$", text)
    if not closing:
        return None
    head, found = _termed_locators(text[:closing.start()])
    if not found and (pin := re.search(rf"{_NUM}+,\s*(?P<v>{_NUM}+(?:\s*[-–—]\s*{_NUM}+)?)$", head)):
        head, found = head[:pin.start("v")].rstrip(_EDGE), [("page", _clean_locator(pin.group("v")))]
    return (f"{head} {closing.group(1)}", found) if found else None


def _volume_before_imprint(text: str) -> str | None:
    """The volume a note cites when it stands just before the imprint: `…، ج 1 (بغداد، 1969)`,
    `…, vol. 2 (London, 1990)` (not `2 vols.`, which counts the volumes)."""
    terms = "|".join(re.escape(form) for form, label in locator_terms() if label == "volume")
    match = re.search(rf"(?:^|[\s,،])(?:{terms})\s*({_NUM}+)\s*{_IMPRINT.pattern}\s*$",
                      text.translate(_DIGITS), re.IGNORECASE)
    return match.group(1) if match else None


def _bare_page(text: str) -> tuple[str, str] | None:
    """`…, 2012), 2` -> page 2, `…, 1:95` -> volume 1 page 95; not `…, 2024` (a year) nor a
    day after a month name."""
    value = rf"(?:{_NUM}{{1,2}}:)?{_NUM}{{1,4}}(?:\s*[-–—]\s*{_NUM}{{1,4}})?"  # 2, 1:95, 50–52
    match = re.search(rf"[,،:][\"”’']?\s*(?P<v>{value})\s*\.?$", text)
    if not match:
        return None
    value = match.group("v").translate(_DIGITS)
    if re.fullmatch(r"\d{4}", value) and _YEAR.fullmatch(value):
        return None
    before = text[:match.start()].split()
    if before and fold(before[-1]) in _date_words():
        return None
    return text[:match.start()].rstrip(_EDGE), _clean_locator(value)


def _clean_locator(value: str) -> str:
    return re.sub(r"\s*[–—]\s*|\s+-\s+", "-", value.translate(_DIGITS)).strip()


# ------------------------------------------------------------------------------ reading a citation
def read_citation(text: str, origin: str | None = None) -> Reference:
    """A citation (locator removed) as a Reference: the title-first reading when the text has
    that shape (`Title, Author|Periodical, date`), else the reference parser's, which is then
    only replaced by a reading of the note's shape if it found no title."""
    reading = read_by_shape(text, origin)
    if reading and reading[1]:
        return reading[0]
    parsed = parse_reference(text, origin=origin)
    if reading and (not parsed.text.get("title") or parsed.warnings):
        return reading[0]
    return parsed


def _segments(text: str) -> list[tuple[int, int]]:
    """Trimmed spans of the comma-separated parts of a citation (brackets kept whole)."""
    out = []
    for start, end in _top_level_split(text, ",،"):
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip(_EDGE))
        trail = len(piece.rstrip(_EDGE))
        if trail > lead:
            out.append((start + lead, start + trail))
    return out


def _fact_label(piece: str) -> str | None:
    """What a trailing part states: a date, `(Place, Year)`, a URL, a place, a volume."""
    if _URL.search(piece):
        return "url"
    if _FILE_PATH.search(piece):
        return "note"  # a page name without its site (`/ dark gene.htm`)
    if piece.startswith("(") and piece.endswith(")"):
        return "imprint" if _YEAR.search(piece.translate(_DIGITS)) or parse_date(piece) else None
    if _is_date(piece):
        return "date"
    if all("place" in tags_for(t) or "place" in p for t, p in zip(piece.split(), phrase_tags(piece.split()))):
        return "location"
    if piece.split() and _label_of(piece.split()[0]) == "volume" and re.search(r"\d", piece.translate(_DIGITS)):
        return "volume"
    return None


def _is_date(piece: str) -> bool:
    """Only a date: digits, month names, seasons and calendar marks."""
    if not parse_date(piece):
        return False
    rest = [w for w in re.split(r"[\s\-–/.,،]+", piece.translate(_DIGITS)) if w and not w.isdigit()]
    return all(fold(w) in _date_words() or fold(w)[:3] in _date_words() or re.fullmatch(r"\d+(?:st|nd|rd|th)", w)
               for w in rest)


def _month_only(piece: str) -> bool:
    return bool(piece.split()) and all(fold(w) in _date_words() for w in piece.split())


def _responsibility(piece: str, full_date: bool) -> str | None:
    """`author` for person names or an institution, `journal` for a periodical, else None."""
    tokens = piece.split()
    if not tokens or len(tokens) > 8 or re.search(r"\d", piece):
        return None
    tags = [tags_for(t) | p for t, p in zip(tokens, phrase_tags(tokens))]
    content = [t for t, w in zip(tags, tokens) if fold(w) not in ARTICLES]
    if content and all("periodical" in t for t in content) or any("periodical-word" in t for t in tags):
        return "journal"
    if _person_names(piece) or all("publisher" in t for t in tags) or re.fullmatch(r"[A-Z]{2,}\.?", piece):
        return "author"
    capitalised = all(w[:1].isupper() or fold(w) in ARTICLES | {"of", "and"} for w in tokens)
    return "journal" if full_date and capitalised and len(tokens) <= 4 else None


def _person_names(piece: str) -> bool:
    """Every name in the part starts with a known given name, a particle (`Ibn`, `ابن`) or an
    initial, or ends on a family name with a particle (`Sāṭiʿ al-Ḥuṣrī`); bracketed parts
    are skipped."""
    piece = re.sub(r"\([^()]*\)", " ", piece)
    parts = [p for p in re.split(r"\s+(?:and|&|و)\s+|\s*[,،]\s*", piece) if p.strip()]
    return bool(parts) and all(_person_name(p.split()) for p in parts)


def _person_name(tokens: list[str]) -> bool:
    """2-4 words, capitalised (or not Latin) or particles, with a given name, a particle or
    an initial first, or a particle-prefixed family name last (`al-Ḥuṣrī`)."""
    if not 2 <= len(tokens) <= 4:
        return False
    evidence = bool(tags_for(tokens[0]) & {"given", "particle"} or _INITIAL.match(tokens[0])
                    or "particle" in tags_for(tokens[-1]))
    return evidence and all(w[:1].isupper() or not w[:1].isascii() or "particle" in tags_for(w) for w in tokens)


def _strip_facts(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, tuple[int, int]]]:
    """Take the trailing facts off `spans` (in place), right to left: dates, `(Place, Year)`
    (also when it closes a part: `2 vols. (Beirut, 1967)`), URLs, places, volumes. Left of
    an imprint a date is part of the title (`Iraq, 1921–1941, 2 vols. (Beirut, 1967)`)."""
    facts: list[tuple[str, tuple[int, int]]] = []
    while spans:
        start, end = spans[-1]
        piece = text[start:end]
        label = _fact_label(piece) if len(spans) > 1 else None
        if label and not (label == "date" and any(lab == "imprint" for lab, _ in facts)):
            spans.pop()
            if label == "date" and len(spans) > 1 and _month_only(text[slice(*spans[-1])]):
                start = spans.pop()[0]
            facts.insert(0, (label, (start, end)))
            continue
        closing = _IMPRINT_AT_END.search(piece.translate(_DIGITS))
        if closing and closing.start() > 0 and not facts:
            spans[-1] = (start, start + len(piece[:closing.start()].rstrip()))
            facts.insert(0, ("imprint", (start + closing.start() + 1, end)))
            continue
        break
    return facts


def read_by_shape(text: str, origin: str | None = None) -> tuple[Reference, bool] | None:
    """A note citation read by its comma-separated shape, from the right: trailing facts,
    then `Author, Title[, more]` when the first part is person names, or `Title[, …],
    Author|Periodical|Institution` (the title may hold commas), or a title and facts.
    Returns the record and whether the shape was clear (title-first with who found)."""
    spans = _segments(text)
    facts = _strip_facts(text, spans)
    if not spans:
        return None
    full_date = any(lab == "date" and _day_precise(text[s:e]) for lab, (s, e) in facts)
    fields: Fields = {}
    clear = False
    if len(spans) >= 2 and _person_names(text[slice(*spans[0])]):
        _add(fields, "author", text, spans[0])
        _add(fields, "title", text, spans[1])
        for span in spans[2:]:
            _add(fields, "note", text, span)  # `ترجمه X`, `2 vols.`: roles move out of notes
    elif len(spans) >= 2 and (who := _responsibility(text[slice(*spans[-1])], full_date)):
        _add(fields, "title", text, (spans[0][0], spans[-2][1]))
        _add(fields, who, text, spans[-1])
        clear = True
    elif facts:
        _add(fields, "title", text, (spans[0][0], spans[-1][1]))
    else:
        return None
    for label, span in facts:
        _add_fact(fields, label, text, span)
    return _reference(text, fields, origin), clear


def _day_precise(piece: str) -> bool:
    date = parse_date(piece)
    return bool(date and date.parts and len(date.parts[0]) == 3)


def _add(fields: Fields, label: str, text: str, span: tuple[int, int]) -> None:
    fields.setdefault(label, []).append(Segment(text[span[0]:span[1]], span[0], span[1], 1.0))


def _add_fact(fields: Fields, label: str, text: str, span: tuple[int, int]) -> None:
    """A fact as labelled segments; `(London: Verso, 2012)` becomes place, publisher, date."""
    if label != "imprint":
        _add(fields, label, text, span)
        return
    inner = (span[0] + 1, span[1] - 1)
    for start, end in _segments(text[inner[0]:inner[1]]):
        part = (inner[0] + start, inner[0] + end)
        piece = text[slice(*part)]
        if _is_date(piece):
            _add(fields, "date", text, part)
        elif ":" in piece:
            colon = part[0] + piece.index(":")
            _add(fields, "location", text, (part[0], colon))
            _add(fields, "publisher", text, (colon + 1, part[1]))
        else:
            _add(fields, "location" if "location" not in fields else "publisher", text, part)


def _reference(text: str, fields: Fields, origin: str | None) -> Reference:
    """Segments read by shape go through the parser's own repairs, normalizers and inference."""
    return reference_from_fields(text, fields, origin=origin, confidence=0.9, step="notes.shape")


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
    if _IMPRINT.search(text.translate(_DIGITS)):
        return False
    return not any(_fact_label(text[start:end]) for start, end in _segments(text))


@cache
def _note_reference_pattern() -> re.Pattern[str]:
    """`supra note 3`, `op. cit., n. 3`: an op. cit. form followed by the note it points at."""
    forms = "|".join(re.escape(row[2]) for row in note_table("notes_backrefs.tsv") if row[0] in ("op-cit", "loc-cit"))
    notes = "|".join(re.escape(form) for form, label in locator_terms() if label == "note")
    return re.compile(rf"(?<![\w\u200c])(?P<form>{forms})\s*,?\s*(?:{notes})\s*(?P<n>{_NUM}{{1,3}})(?!\d)",
                      re.IGNORECASE)


def _note_reference(text: str) -> tuple[str, int | None]:
    """The citation with `note N` taken off its op. cit. form, and N (None if absent)."""
    match = _note_reference_pattern().search(text)
    if not match:
        return text, None
    number = int(match.group("n").translate(_DIGITS))
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
