"""One note's text into citations: split at `;`, `see also`, `cf.` and their Persian and
Arabic equivalents, keep commentary apart, take each citation's locator, and read the
citation — by the labeller, or by its comma-separated shape for the title-first forms of
notes (`Title, Author, (Place, Year), page 2`, `Title, Newspaper, 28 January 2024`).
"""

from __future__ import annotations

import re
from functools import cache

from bibkit.model import Reference
from bibkit.parse import parse_reference, reference_from_fields
from bibkit.parse.backrefs import (
    ARTICLES,
    find_backref,
    locator_terms,
    note_table,
)
from bibkit.parse.lexicons import fold, is_place, phrase_tags, tags_for
from bibkit.parse.normalizers import Fields, Segment, month_and_season_names, parse_date
from bibkit.text.normalize import ASCII_DIGITS

DIGIT = r"[0-9۰-۹٠-٩]"
YEAR_TEXT = r"(?<!\d)(?:1[0-9]\d\d|20\d\d)(?!\d)"
YEAR = re.compile(YEAR_TEXT)
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
_FILE_PATH = re.compile(r"\.(?:html?|php|aspx?|pdf)\b|^/")
IMPRINT = re.compile(rf"\([^()]*{YEAR_TEXT}[^()]*\)")  # `(London: Verso, 2012)`
_IMPRINT_AT_END = re.compile(rf"\s{IMPRINT.pattern}$")
_EDGE = " \t,،;؛:."
_INITIAL = re.compile(r"^[A-Z]\.(?:[A-Z]\.)*$")




# ------------------------------------------------------------------------------ data
@cache
def locator_pattern() -> re.Pattern[str]:
    """A locator at the end of a citation: a term and numbers (`pp. 142-46`, `ج ۲`), or a
    headword after `s.v.` / `مادة` (`مادة (خلف)`)."""
    terms = "|".join(re.escape(form) for form, _ in locator_terms())
    words = "|".join(re.escape(form) for form, label in locator_terms() if label == "sub-verbo")
    one = rf"(?:{DIGIT}+[a-z]?|[ivxlcdm]+)(?:\s*[-–—]\s*{DIGIT}+)?"  # 5, 142-46, xiv
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
    """The words of a month or season name (`ربيع`, `الأول`, `fall`) and the calendar marks."""
    names = (word for name in month_and_season_names() for word in name.split())
    return frozenset(map(fold, (*names, *(row[1] for row in note_table("notes_dates.tsv")))))


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
    if find_backref(piece) or YEAR.search(piece.translate(ASCII_DIGITS)) or take_locator(piece)[1]:
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
    while match := locator_pattern().search(text):
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
    if not found and (pin := re.search(rf"{DIGIT}+,\s*(?P<v>{DIGIT}+(?:\s*[-–—]\s*{DIGIT}+)?)$", head)):
        head, found = head[:pin.start("v")].rstrip(_EDGE), [("page", _clean_locator(pin.group("v")))]
    return (f"{head} {closing.group(1)}", found) if found else None


def _volume_before_imprint(text: str) -> str | None:
    """The volume a note cites when it stands just before the imprint: `…، ج 1 (بغداد، 1969)`,
    `…, vol. 2 (London, 1990)` (not `2 vols.`, which counts the volumes)."""
    terms = "|".join(re.escape(form) for form, label in locator_terms() if label == "volume")
    match = re.search(rf"(?:^|[\s,،])(?:{terms})\s*({DIGIT}+)\s*{IMPRINT.pattern}\s*$",
                      text.translate(ASCII_DIGITS), re.IGNORECASE)
    return match.group(1) if match else None


def _bare_page(text: str) -> tuple[str, str] | None:
    """`…, 2012), 2` -> page 2, `…, 1:95` -> volume 1 page 95; not `…, 2024` (a year) nor a
    day after a month name."""
    value = rf"(?:{DIGIT}{{1,2}}:)?{DIGIT}{{1,4}}(?:\s*[-–—]\s*{DIGIT}{{1,4}})?"  # 2, 1:95, 50–52
    match = re.search(rf"[,،:][\"”’']?\s*(?P<v>{value})\s*\.?$", text)
    if not match:
        return None
    value = match.group("v").translate(ASCII_DIGITS)
    if re.fullmatch(r"\d{4}", value) and YEAR.fullmatch(value):
        return None
    before = text[:match.start()].split()
    if before and fold(before[-1]) in _date_words():
        return None
    return text[:match.start()].rstrip(_EDGE), _clean_locator(value)


def _clean_locator(value: str) -> str:
    return re.sub(r"\s*[–—]\s*|\s+-\s+", "-", value.translate(ASCII_DIGITS)).strip()


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


def citation_segments(text: str) -> list[tuple[int, int]]:
    """Trimmed spans of the comma-separated parts of a citation (brackets kept whole)."""
    out = []
    for start, end in _top_level_split(text, ",،"):
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip(_EDGE))
        trail = len(piece.rstrip(_EDGE))
        if trail > lead:
            out.append((start + lead, start + trail))
    return out


def fact_label(piece: str) -> str | None:
    """What a trailing part states: a date, `(Place, Year)`, a URL, a place, a volume."""
    if _URL.search(piece):
        return "url"
    if _FILE_PATH.search(piece):
        return "note"  # a page name without its site (`/ dark gene.htm`)
    if piece.startswith("(") and piece.endswith(")"):
        return "imprint" if YEAR.search(piece.translate(ASCII_DIGITS)) or parse_date(piece) else None
    if _is_date(piece):
        return "date"
    if is_place(piece):
        return "location"
    if piece.split() and _label_of(piece.split()[0]) == "volume" and re.search(r"\d", piece.translate(ASCII_DIGITS)):
        return "volume"
    return None


def _is_date(piece: str) -> bool:
    """Only a date: digits, month names, seasons and calendar marks."""
    if not parse_date(piece):
        return False
    rest = [w for w in re.split(r"[\s\-–/.,،]+", piece.translate(ASCII_DIGITS)) if w and not w.isdigit()]
    return all(fold(w) in _date_words() or re.fullmatch(r"\d+(?:st|nd|rd|th)", w)
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
        label = fact_label(piece) if len(spans) > 1 else None
        if label and not (label == "date" and any(lab == "imprint" for lab, _ in facts)):
            spans.pop()
            if label == "date" and len(spans) > 1 and _month_only(text[slice(*spans[-1])]):
                start = spans.pop()[0]
            facts.insert(0, (label, (start, end)))
            continue
        closing = _IMPRINT_AT_END.search(piece.translate(ASCII_DIGITS))
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
    spans = citation_segments(text)
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
    for start, end in citation_segments(text[inner[0]:inner[1]]):
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
