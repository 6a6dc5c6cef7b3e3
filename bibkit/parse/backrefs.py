"""Back-references in numbered notes, resolved against the sources cited before them.

`Ibid.`, `همان`, `المصدر نفسه` point at the preceding citation; `op. cit.`, `پیشین`,
`المرجع السابق` after an author, short title or periodical (and before a date) point at the
earlier source that text names; a short form (`Emery, US foreign policy, 3`) names an earlier
source by author and the start of its title. Every resolution says how it was made, and one
that fits several sources is returned with all of them, nearest first, never guessed.
The forms are data (`data/notes_backrefs.tsv`); the state (what was cited so far) is passed
in by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from bibkit.datafiles import package_cells
from bibkit.model import Date, Reference
from bibkit.parse.lexicons import fold

_SEPARATORS = " \t,،;؛:.()[]«»\"“”'‘’/"
ARTICLES = frozenset({"the", "a", "an", "le", "la", "les", "al", "el"})
_AND = frozenset({"and", "&", "و"})


def note_table(name: str) -> Iterator[list[str]]:
    """Rows of one notes data file (`data/notes_*.tsv`), comments and blank lines skipped."""
    return package_cells("bibkit.parse", f"data/{name}")


def is_notes_heading(line: str) -> bool:
    """A line that opens a block of numbered notes (`Notes`, `پی‌نوشت‌ها`, `الهوامش`)."""
    return _heading_key(line) in _notes_headings()


@cache
def _notes_headings() -> frozenset[str]:
    return frozenset(_heading_key(row[1]) for row in note_table("notes_headings.tsv"))


def _heading_key(text: str) -> str:
    return " ".join(fold(w) for w in re.sub(r"[#*_:\[\]]", " ", text).split())


@dataclass(frozen=True)
class BackRef:
    """A back-reference as written: its kind and the text on either side of the form."""

    kind: str  # ibid | idem | op-cit | loc-cit
    head: str  # before the form: author, short title or periodical ("" when none)
    tail: str  # after the form: a date or more title ("" when none)


@dataclass(frozen=True)
class Resolution:
    """Which earlier sources a citation points at (nearest first) and how that was decided."""

    indices: tuple[int, ...]  # positions in the caller's source list; () when unresolved
    kind: str  # ibid | op-cit | short-form | ambiguous
    how: str  # a sentence for diagnostics


@cache
def _backref_pattern() -> re.Pattern[str]:
    """One alternation of every form, longest first, bounded so `همان` is not `همان‌طور`."""
    forms = sorted(((row[2], row[0]) for row in note_table("notes_backrefs.tsv")), key=lambda f: -len(f[0]))
    parts = [rf"(?P<{kind.replace('-', '_')}{n}>{_flexible(form)})" for n, (form, kind) in enumerate(forms)]
    return re.compile(rf"(?<![\w\u200c])(?:{'|'.join(parts)})(?![\w\u200c])", re.IGNORECASE)


def _flexible(form: str) -> str:
    """A form as a pattern where spaces and ZWNJ may vary and a final dot is optional."""
    escaped = re.escape(form.rstrip("."))
    escaped = re.sub("(\\\\ |\u200c)", lambda _: "[\\s\u200c]*", escaped)
    return escaped + (r"\.?" if form.endswith(".") else "")


def find_backref(text: str) -> BackRef | None:
    """The back-reference in a citation, or None. The form must open the citation or stand
    after a comma (`Australian, op.cit., 31 January 2024`), and be followed by nothing,
    punctuation, a number or a locator: so a title word (`همان روزها`) is not one."""
    for match in _backref_pattern().finditer(text):
        head = text[:match.start()].strip(" \t")
        if head and not head.endswith((",", "،", ".")) or not _ends_reference(text[match.end():]):
            continue
        kind = re.sub(r"\d+$", "", match.lastgroup or "").replace("_", "-")
        return BackRef(kind, head.strip(_SEPARATORS), text[match.end():].lstrip(_SEPARATORS).rstrip(" ,،;؛."))
    return None


def _ends_reference(after: str) -> bool:
    """What follows a back-reference form: nothing, punctuation, a number or a locator term."""
    rest = after.strip()
    if not rest or rest[0] in ",،.;؛:()" or rest[0].isdigit():
        return True
    return rest.split()[0].casefold() in {form.casefold() for form, _ in locator_terms()}


@cache
def locator_terms() -> tuple[tuple[str, str], ...]:
    """(form, CSL label) of every locator term, longest first so `pp.` wins over `p.`."""
    rows = ((row[2], row[0]) for row in note_table("notes_locators.tsv"))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


# ------------------------------------------------------------------ matching names to sources
def words(text: str) -> tuple[str, ...]:
    """Folded words of a field, leading article dropped: `The Australian` -> (`australian`,)."""
    out = tuple(w for w in (fold(t) for t in re.split(r"[\s\-‐/]+", text)) if w)
    return out[1:] if len(out) > 1 and out[0] in ARTICLES else out


def _fields(ref: Reference) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(kind, words) of everything a note may name a source by; the source text last, for
    records whose fields the parser got wrong."""
    for role in ("author", "editor"):
        for name in ref.names.get(role, []):
            yield "name", words(name.family_full())
    for var in ("publisher", "container-title"):
        if ref.text.get(var):
            yield var, words(ref.text[var])
    if ref.text.get("title"):
        yield "title", words(ref.text["title"])
    if ref.source:
        yield "source", words(ref.source)


def _part_matches(part: tuple[str, ...], ref: Reference) -> tuple[bool, bool]:
    """A part, or else each name of a part listing names (`Chubin and Zabih`), names `ref`."""
    whole = _one_part_matches(part, ref)
    if whole[0] or not _AND.intersection(part):
        return whole
    names = [tuple(n) for n in _split_on(part, _AND) if n]
    return (len(names) > 1 and all(_one_part_matches(n, ref)[0] for n in names)), False


def _split_on(part: tuple[str, ...], joiners: frozenset[str]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for word in part:
        if word in joiners:
            out.append([])
        else:
            out[-1].append(word)
    return out


def _one_part_matches(part: tuple[str, ...], ref: Reference) -> tuple[bool, bool]:
    """Whether one comma-part of a head names `ref` (a name or periodical inside a field,
    the start of the title, words of its source text), and whether it named the title."""
    named = False
    for kind, field in _fields(ref):
        if kind == "title" and field[:len(part)] == part:
            return True, True
        named = named or (kind != "title" and _contains(field, part))
    return named, False


def _contains(field: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return any(field[i:i + len(part)] == part for i in range(len(field) - len(part) + 1))


def names_source(head: str, ref: Reference, *, need_title: bool = False) -> bool:
    """Every comma-part of `head` names `ref`. A short form also needs a title: a part that
    starts the title, or two parts found in the source (its title was mis-read)."""
    parts = [p for p in (words(p) for p in re.split(r"[,،]", head)) if p]
    matches = [_part_matches(p, ref) for p in parts]
    titled = any(t for _, t in matches) or len(parts) >= 2  # `Author, Short title` by its words
    return bool(parts) and all(m for m, _ in matches) and (not need_title or titled)


def same_date(a: Date | None, b: Date | None) -> bool:
    """Dates agree to the precision both give (`31 January 2024` vs the same day)."""
    if not a or not b or not a.parts or not b.parts:
        return False
    n = min(len(a.parts[0]), len(b.parts[0]))
    return a.parts[0][:n] == b.parts[0][:n]


# ----------------------------------------------------------------------------- resolving
def resolve_ibid(previous: Sequence[int], where: str) -> Resolution:
    """Ibid.: the one source of the preceding citation; several make it ambiguous."""
    unique = tuple(dict.fromkeys(reversed(previous)))
    if len(unique) == 1:
        return Resolution(unique, "ibid", f"ibid.: the source of {where}")
    if not unique:
        return Resolution((), "ibid", "ibid. with no citation before it")
    return Resolution(unique, "ambiguous", f"ibid. after {where}, which cites {len(unique)} sources")


def resolve_named(head: str, date: Date | None, sources: Sequence[Reference], recent: Sequence[int],
                  kind: str, *, need_title: bool = False) -> Resolution:
    """op. cit. or a short form: the earlier sources `head` names, narrowed by `date`, nearest
    first (`recent` lists source indices, most recently cited first). Two works by one
    author both fit `Author, op. cit.`: that is reported as ambiguous, not guessed."""
    found = [i for i in recent if names_source(head, sources[i], need_title=need_title)]
    narrowed = ""
    if date and len(found) > 1:
        dated = [i for i in found if same_date(date, sources[i].dates.get("issued"))]
        narrowed = f" of {date.raw or date.iso()}" if dated else ""
        found = dated or found
    if len(found) == 1:
        return Resolution(tuple(found), kind, f"{kind}: {head!r} names one earlier source{narrowed}")
    if not found:
        return Resolution((), kind, f"{kind}: {head!r} names no earlier source")
    return Resolution(tuple(found), "ambiguous", f"{kind}: {head!r} fits {len(found)} earlier sources")


def _first_author(ref: Reference) -> tuple[str, ...]:
    return words(ref.names["author"][0].family_full()) if ref.names.get("author") else ()


def same_work(a: Reference, b: Reference) -> bool:
    """Two direct citations of one work: the same title, and no author or date that differ
    (a newspaper's headline on another day is another article)."""
    title_a, title_b = words(a.text.get("title", "")), words(b.text.get("title", ""))
    if not title_a or title_a != title_b:
        return False
    if _first_author(a) and _first_author(b) and _first_author(a) != _first_author(b):
        return False
    da, db = a.dates.get("issued"), b.dates.get("issued")
    if da and db and da.parts and db.parts and not same_date(da, db):
        return False
    return words(a.text.get("container-title", "")) == words(b.text.get("container-title", "")) or not (
        a.text.get("container-title") and b.text.get("container-title"))
