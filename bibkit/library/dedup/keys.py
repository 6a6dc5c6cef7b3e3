"""Comparison keys of one record, computed once so blocking and scoring never re-read text.

A `Keys` holds folded titles (every form: original script, romanized, translated), their
skeletons, author keys, the Gregorian years the date may stand for, and clean locators
(DOI, ISBN, volume, issue, pages). Messy values (`1)`, `Suppl-29`) are kept out of the
clean slots so they can never cause a conflict. A record parsed from a citation string whose
title or authors the parser missed or doubted keeps that string, so scoring can look there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from urllib.parse import unquote

from bibkit.formats.titles import MARKUP
from bibkit.library.textkeys import (
    family_key,
    fold,
    gregorian_years,
    has_arabic,
    name_block_key,
    person_key,
    skeleton,
    strip_leading_article,
)
from bibkit.model import Name, Reference

_BRACKET_TAIL = re.compile(r"\s*[\[(](?:erratum|comment|see|retraction|vol \d|original)[^\])]*[\])]?\s*$", re.IGNORECASE)
_DOI = re.compile(r"10\.\d{4,9}/\S+")
# A folded page value (`fold` turns the dash into a space): `221 8`, `s212 s216`, `pp 12`,
# `e12724`; the letter before the first page is kept (an article number is no page).
_PAGE = re.compile(r"^(?:pp|pages|p)?\s*([a-z]{0,2})(\d+)[a-z]?(?:\s+[a-z]{0,2}(\d+)[a-z]?)?$")
_NUMBER = re.compile(r"\d+")
_SUPPLEMENT = re.compile(r"\bsuppl(?:ement)?\s*(\d+)")
_VENUE_STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "la", "journal"})
_NOT_LETTERS = re.compile(r"[^a-z]+")
UNSURE = 0.9  # parser confidence below which a field is read beside the source text
_SOURCE_CHARS = 600
# The end of the author list and the year run into the title when a citation string is cut
# wrong (`Mansour (1996). Applying …`, `(1992) Toward …`, `Valiant [1987]. 'On …`): up to
# three words, then a bracketed year or a year and a full stop.
_LEAKED_YEAR = re.compile(r"^\W*(?:[^\s\d()\[\]]+\s+){0,3}?(?:[(\[]\s*(?:1[5-9]|20)\d\d[a-z]?\s*[)\]]\s*[.,:]?"
                          r"|(?:1[5-9]|20)\d\d[a-z]?\s*\.)\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class Pages:
    """A clean page range: `prefix` is a letter series (`S` supplement, `e`/`c`/`a` article
    numbers), which makes the numbers incomparable with plain pages."""

    prefix: str
    first: int
    last: int

    def is_range(self) -> bool:
        return self.first < self.last

    def dash_lost(self, other: Pages) -> bool:
        """`2337` beside `23-37`: one range with its dash lost in copying (PDF text)."""
        return not self.is_range() and other.is_range() and (
            str(self.first) == f"{other.first}{other.last}")

    def agrees(self, other: Pages) -> bool | None:
        """True: same start; False: disjoint ranges in one series, or two different lettered
        series (S354, A111); None: cannot tell (overlapping ranges that start apart, or a
        lettered number beside a plain page)."""
        if self.prefix != other.prefix:
            return False if self.prefix and other.prefix else None
        if self.first == other.first or self.dash_lost(other) or other.dash_lost(self):
            return True
        if self.last < other.first or other.last < self.first:
            return False
        return None


@dataclass(frozen=True, slots=True)
class Venue:
    """A container title as venue comparison reads it: folded, split into words, and the
    tokens that may be its acronym, all read once per record."""

    text: str  # the folded container title
    words: tuple[str, ...]  # its words, what another venue's acronym is spelled from
    content: tuple[str, ...]  # its words but stopwords, compared as abbreviations (`J Arid Environ`)
    acronyms: tuple[str, ...]  # letter runs of 3-8 that may spell another venue (`stoc` of `stoc 94`)


@lru_cache(maxsize=1 << 14)
def venue(container: str) -> Venue | None:
    """The venue keys of a folded container title (None when there is none), shared by the
    records of one journal. Only a venue of one to three letter runs (`stoc 94`, `jcss 48 3`,
    `colt-91`) is read as an acronym."""
    if not container:
        return None
    words = tuple(container.split())
    tokens = [t for t in _NOT_LETTERS.sub(" ", container).split() if t not in _VENUE_STOPWORDS]
    return Venue(
        text=container,
        words=words,
        content=tuple(w for w in words if w not in _VENUE_STOPWORDS),
        acronyms=tuple(t for t in tokens if 3 <= len(t) <= 8) if 1 <= len(tokens) <= 3 else (),
    )


@dataclass(frozen=True, slots=True)
class Keys:
    """What dedup compares, for one record."""

    titles: tuple[str, ...]  # folded title forms, the main one first
    skeletons: tuple[str, ...]  # consonant skeleton of each form
    arabic: bool  # some title form is in Arabic script
    translated: bool  # `[Title]`: MEDLINE's mark of a title translated into English
    authors: tuple[str, ...]  # folded family names, in order
    first_author: tuple[str, str] | None  # (family, given initial) of the first name
    author_block: str  # the first family name's consonant classes, for blocking
    years: frozenset[int]
    doi: str
    isbns: frozenset[str]
    volume: str  # digits only, else ""
    issue: str
    pages: Pages | None
    container: Venue | None
    edition: str
    title_numbers: frozenset[str]
    generic: bool  # "Editorial", "Introduction" ...
    notice: bool  # erratum, retraction ...
    supplement: str  # the supplement's number (`Suppl. 1`), often exported as the volume
    source: str = ""  # folded text the record was parsed from, kept when the parse is unsure
    source_head: frozenset[str] = frozenset()  # the source's words where its names are
    day: tuple[int, ...] | None = None  # the day a newspaper issue or a letter is dated (`_day`)


@cache
def _phrases(name: str) -> frozenset[str]:
    text = resources.files("bibkit.library.data").joinpath(name).read_text("utf-8")
    return frozenset(fold(line) for line in text.splitlines() if line and not line.startswith("#"))


@cache
def _notice_pattern() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(p) for p in _phrases("not_same_work.txt")), key=len, reverse=True))
    return re.compile(rf"^\W*(?:{words})\s*(?:$|[:.\-–—\[(]|to\b|for\b|notice\b|of the\b)", re.IGNORECASE)


def is_notice(title: str) -> bool:
    """`Erratum: …`, `Correction to …`, `Retraction`: a notice, not the work it names
    (`Correction of hyperopia` is a work)."""
    return bool(_notice_pattern().match(title.strip()))


def clean_title(title: str) -> str:
    """The title without export noise: tags, an enclosing translation bracket, a trailing
    `[Erratum appears in …]` or `(vol 360, pg 542, 2009)` note; then folded, its leading
    article left out (`The Republican Iraq`, `al-Muqaddimah`)."""
    title = MARKUP.sub(" ", title)
    title = _BRACKET_TAIL.sub("", title)
    return strip_leading_article(fold(title))


def normalize_doi(value: str) -> str:
    """The bare DOI, lower case, URL escapes undone (`%28` is `(`)."""
    match = _DOI.search(unquote(value).lower())
    return match.group().rstrip(".,;") if match else ""


def normalize_isbn(value: str) -> frozenset[str]:
    """Every ISBN in `value` as ISBN-13 digits, so 10- and 13-digit forms compare equal."""
    out = set()
    for raw in re.findall(r"[\dXx][\d\-\sXx]{8,16}[\dXx]", value):
        digits = re.sub(r"[^\dXx]", "", raw).upper()
        if len(digits) == 10:
            body = "978" + digits[:9]
            check = (10 - sum((1 if i % 2 == 0 else 3) * int(d) for i, d in enumerate(body)) % 10) % 10
            out.add(body + str(check))
        elif len(digits) == 13 and digits.isdigit():
            out.add(digits)
    return frozenset(out)


def parse_pages(value: str) -> Pages | None:
    """A clean page range (`221-8` -> 221-228, `S212-S216`, `e12724`); None when messy."""
    match = _PAGE.match(fold(value))
    if not match:
        return None
    prefix, first_text, last_text = match.groups()
    if last_text is None:
        if len(first_text) > 4 and not prefix:  # `193202`: a range with its dash lost
            return None
        last_text = first_text
    elif len(last_text) < len(first_text):  # 221-8 means 221-228
        last_text = first_text[: len(first_text) - len(last_text)] + last_text
    first, last = int(first_text), int(last_text)
    return Pages(prefix, first, max(last, first))


def _clean_number(value: str) -> str:
    folded = fold(value)
    return folded if folded.isdigit() else ""


def strip_leaked_year(title: str) -> str:
    """The title without a leading `Name (1996).` or `(1992)` cut into it from the author
    part; a title that would keep fewer than three words is left as it is."""
    match = _LEAKED_YEAR.match(title)
    if match and len(title[match.end():].split()) >= 3:
        return title[match.end():]
    return title


def _title_forms(ref: Reference, unsure: bool = False) -> list[str]:
    title = ref.text.get("title", "")
    forms = [strip_leaked_year(title), title] + list(ref.forms.get("title", {}).values())
    if unsure and not title:  # a parser that missed the title often labels it the container
        forms.append(ref.text.get("container-title", ""))
    seen: list[str] = []
    for form in forms:
        cleaned = clean_title(form)
        if cleaned and cleaned not in seen:
            seen.append(cleaned)
    return seen


def _authors(ref: Reference) -> list[Name]:
    for role in ("author", "editor", "translator"):
        if ref.names.get(role):
            return ref.names[role]
    return []


def parse_unsure(ref: Reference) -> bool:
    """A record read from a citation string whose title or authors the parser missed, cut
    to an initial or labelled with low confidence: its source text is evidence beside its
    fields."""
    if not ref.source:
        return False
    names = _authors(ref)
    if not ref.text.get("title") or not names or len(family_key(names[0])) < 2:  # `J`, `E`: an initial
        return True
    return any(ref.confidence.get(var, 1.0) < UNSURE for var in ("title", "author"))


def _source_head(source: str, title: str) -> frozenset[str]:
    """The words of a citation where its names are: its first eight words, and all the
    words before its title when the title is found."""
    at = source.find(title) if len(title) >= 10 else -1
    return frozenset(source.split()[:8] + (source[:at].split() if at > 0 else []))


def record_keys(ref: Reference) -> Keys:
    """The comparison keys of one record."""
    unsure = parse_unsure(ref)
    titles = _title_forms(ref, unsure)
    source = fold(ref.source or "")[:_SOURCE_CHARS] if unsure else ""
    main = titles[0] if titles else ""
    names = _authors(ref)
    volume_raw = ref.text.get("volume", "")
    page_raw = ref.text.get("page", "")
    supplement = _SUPPLEMENT.search(fold(f"{volume_raw} {ref.text.get('issue', '')}"))
    return Keys(
        titles=tuple(titles),
        skeletons=tuple(skeleton(t) for t in titles),
        arabic=any(has_arabic(t) for t in titles),
        translated=strip_leaked_year(ref.text.get("title", "")).lstrip().startswith("["),
        authors=tuple(k for n in names if (k := family_key(n))),
        first_author=person_key(names[0]) if names else None,
        author_block=name_block_key(names[0]) if names else "",
        years=gregorian_years(ref.dates.get("issued")),
        doi=normalize_doi(ref.text.get("DOI", "")),
        isbns=normalize_isbn(ref.text.get("ISBN", "")),
        volume=_clean_number(volume_raw),
        issue=_clean_number(ref.text.get("issue", "")),
        pages=parse_pages(page_raw),
        container=venue(fold(ref.text.get("container-title", ""))),
        edition=" ".join(_NUMBER.findall(fold(ref.text.get("edition", "")))),
        title_numbers=frozenset(_NUMBER.findall(main)),
        generic=main in _phrases("generic_titles.txt"),
        notice=is_notice(ref.text.get("title", "")),
        supplement=supplement.group(1) if supplement else "",
        source=source,
        source_head=_source_head(source, main),
        day=_day(ref),
    )


# Items that are dated to the day as part of what they are: another day is another issue or
# document. A journal article's full date is not (online and print dates differ).
_DAY_DATED_TYPES = frozenset({"article-newspaper", "article-magazine", "personal_communication", "manuscript",
                              "broadcast", "interview"})  # a letter is `personal_communication` in CSL 1.0.2


def _day(ref: Reference) -> tuple[int, ...] | None:
    """The date as year, month and day, for an item dated to the day (`_DAY_DATED_TYPES`)."""
    date = ref.dates.get("issued")
    if ref.type not in _DAY_DATED_TYPES or date is None or date.calendar != "gregorian" or not date.parts \
            or len(date.parts[0]) < 3:
        return None
    return tuple(date.parts[0][:3])
