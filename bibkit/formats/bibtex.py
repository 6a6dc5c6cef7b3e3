"""BibTeX and biblatex through bibtexparser 2, mapped to and from the CSL vocabulary.

Reading keeps every field: what has a CSL variable is mapped, the rest goes to
`Reference.extra` and is written back unchanged. Failed blocks are surfaced, not dropped.
Writing is normalized (see BIBTEX.md): stable field order, ISO dates with Hijri originals in
`date+an:calendar`, `langid`/`language`, braces protecting proper nouns and acronyms of
English titles and multi-word family names, and only fields biblatex's data model allows
for the entry type (others move to a field that is allowed, never vanish).
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

import bibtexparser
from bibtexparser import model as bpm
from bibtexparser.middlewares import LatexDecodingMiddleware, default_unparse_stack
from bibtexparser.middlewares.names import split_multiple_persons_names

from bibkit import languages
from bibkit.formats import Diagnostic, ReadResult
from bibkit.formats.citekey import assign_keys
from bibkit.formats.dates import date_from_iso, date_from_parts
from bibkit.formats.titles import (
    NOCASE_CLOSE,
    NOCASE_OPEN,
    braces_to_nocase,
    protect_title,
)
from bibkit.model import Date, Reference, scheme_of
from bibkit.namesplit import name_from_string, name_to_bibtex
from bibkit.text.calendars import find_calendar_year
from bibkit.text.script import has_arabic
from bibkit.text.translit.tables import SCHEMES

STEP = "bibtex"
TITLE_VARS = ("title", "container-title", "collection-title", "original-title", "title-short", "volume-title")
CALENDAR_CODES = {"solar-hijri": "SH", "lunar-hijri": "AH", "persian-imperial": "Shahanshahi"}
_ANNOTATION_VALUE = re.compile(r'^="?(.*?)"?$')


@cache
def _map() -> dict[str, Any]:
    return json.loads(resources.files("bibkit.formats.data").joinpath("biblatex_map.json").read_text("utf-8"))


@cache
def _datamodel() -> dict[str, Any]:
    return json.loads(resources.files("bibkit.formats.data").joinpath("biblatex_fields.json").read_text("utf-8"))


_DATE_FIELDS = frozenset({"date", "origdate", "urldate", "eventdate"})  # biber derives them


@cache
def _known_fields() -> frozenset[str]:
    """Every field biblatex's data model knows for some entry type."""
    dm = _datamodel()
    return frozenset(dm["common"]).union(*dm["by_type"].values(), _DATE_FIELDS)


@cache
def _moved_field_start() -> re.Pattern[str]:
    """Where a moved field starts in the target field (`pages: 3; isbn: …`), not every `; `
    (`pages: 3; 7`)."""
    return re.compile(rf"; (?=(?:{'|'.join(map(re.escape, sorted(_known_fields())))}): )")


@cache
def allowed_fields(entry_type: str) -> frozenset[str]:
    """Fields biber's default data model accepts for a biblatex entry type."""
    dm = _datamodel()
    return frozenset(dm["common"]).union(dm["by_type"].get(entry_type, ()), _DATE_FIELDS)


# ----------------------------------------------------------------------------- reading
def read_bibtex(text: str, origin: str = "<string>") -> ReadResult:
    """Parse BibTeX/biblatex text into References, one diagnostic per failed block."""
    library = _parse(text)
    result = ReadResult()
    seen: dict[str, int] = {}
    blocks = sorted([*library.entries, *library.failed_blocks], key=lambda b: b.start_line or 0)
    for block in blocks:
        line = (block.start_line or 0) + 1
        where = f"{origin}:{line}"
        if isinstance(block, bpm.DuplicateBlockKeyBlock):
            entry = _parse(block.raw).entries[0]
            new_key = _free_key(block.key, seen)
            result.diagnostics.append(Diagnostic(
                where, f"duplicate key '{block.key}' (first at line {seen.get(block.key.casefold(), '?')}); "
                f"kept as '{new_key}'"))
            entry.key = new_key
            block = entry
        elif isinstance(block, bpm.ParsingFailedBlock):
            result.diagnostics.append(Diagnostic(where, f"cannot parse entry: {_first_line(block.error)}; kept verbatim"))
            result.references.append(_verbatim(block.raw or "", where))
            continue
        seen.setdefault(block.key.casefold(), line)
        ref = entry_to_reference(block, where)
        result.references.append(ref)
    return result


def _parse(text: str) -> bibtexparser.Library:
    """bibtexparser with LaTeX decoded (braces kept for case protection); its own log quiet,
    since every failed block is reported by us with file and line."""
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    return bibtexparser.parse_string(text, append_middleware=[_DecodeLatex(decoder=_latex_decoder())])


class _DecodeLatex(LatexDecodingMiddleware):
    """LaTeX to Unicode in every field but the verbatim ones (a URL's `&` or `%` is literal)."""

    def transform_entry(self, entry: bpm.Entry, library: bibtexparser.Library) -> bpm.Block:
        verbatim = {f.key: f.value for f in entry.fields if f.key.lower() in _VERBATIM}
        block = super().transform_entry(entry, library)
        for f in getattr(block, "fields", []):
            if f.key in verbatim:
                f.value = verbatim[f.key]
        return block


@cache
def _latex_decoder() -> Any:
    """pylatexenc's decoder, keeping braces (case protection) and knowing the brace macros
    the writer uses for unbalanced braces."""
    from pylatexenc.latex2text import (
        LatexNodes2Text,
        MacroTextSpec,
        get_default_latex_context_db,
    )

    context = get_default_latex_context_db().filter_context()
    context.add_context_category("bibkit", prepend=True, macros=[
        MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}")])
    return LatexNodes2Text(latex_context=context, keep_braced_groups=True)


def _first_line(error: Exception) -> str:
    text = getattr(error, "abort_reason", "") or str(error).strip() or type(error).__name__
    return " ".join(text.split()).rstrip(":")


def _free_key(key: str, seen: dict[str, int]) -> str:
    n = 2
    while f"{key}-{n}".casefold() in seen:
        n += 1
    return f"{key}-{n}"


def _verbatim(raw: str, where: str) -> Reference:
    """A block that could not be parsed, kept whole so nothing the user gave is lost."""
    ref = Reference(id=f"unparsed-{where.rsplit(':', 1)[-1]}", type="document", source=raw, origin=where)
    ref.set("note", raw.strip(), step="bibtex.unparsed", origin=where)
    ref.warnings.append("entry could not be parsed; raw text kept in note")
    return ref


def entry_to_reference(entry: bpm.Entry, where: str) -> Reference:
    """Map one bibtexparser entry to a Reference; unmapped fields land in `extra`."""
    spec = _map()
    fields = {}
    for f in entry.fields:
        key = f.key.lower()
        fields[spec["field_aliases"].get(key, key)] = str(f.value).strip()
    etype = entry.entry_type.lower()
    _restore_moved_fields(etype, fields)
    ref = Reference(id=entry.key, origin=where, source=entry.raw)
    ctype = spec["type_from_bib"].get(etype, "document")
    subtype = fields.pop("entrysubtype", "")
    ctype = spec["subtype_from_bib"].get(subtype.lower(), ctype) if ctype == "article-journal" else ctype
    if subtype and ctype not in spec["subtype_from_bib"].values():
        ref.extra["entrysubtype"] = subtype
    ref.type = ctype
    if etype not in spec["type_from_bib"]:
        ref.extra["entrytype"] = etype
    if etype in spec["thesis_genre"] and "type" not in fields:
        fields["type"] = spec["thesis_genre"][etype]
    romanized = {k: fields.pop(k) for k in list(fields) if _ROMANIZED_ANNOTATION.match(k)}
    _read_names(fields, ref, where)
    _read_dates(fields, ref, where)
    _read_language(fields, ref, where)
    _read_romanized_forms(romanized, ref)
    _read_archive(fields, ref, where)
    _read_containers(fields, ref, etype, where)
    _read_title_forms(fields, ref, where)
    for key, value in fields.items():
        var = spec["text_to_csl"].get(key)
        if var and var not in ref.text:
            ref.set(var, _clean_value(var, value), step=STEP, origin=where)
        else:
            ref.extra[key] = value
    return ref


def _restore_moved_fields(etype: str, fields: dict[str, str]) -> None:
    """The inverse of `_fit_datamodel`: `addendum = {pages: 3}` on a `@misc` (written so,
    since biblatex allows no pages there) gives the record its pages back."""
    if etype not in _datamodel()["by_type"]:
        return
    allowed, target = allowed_fields(etype), _moved_fields_target(etype)
    if target not in fields:
        return
    kept = []
    for part in _moved_field_start().split(fields[target]):
        name, sep, value = part.partition(": ")
        if sep and value and name in _known_fields() and name not in allowed and name not in fields:
            fields[name] = value
        elif part:
            kept.append(part)
    if kept:
        fields[target] = "; ".join(kept)
    else:
        fields.pop(target, None)


def _moved_fields_target(etype: str) -> str:
    """Where fields an entry type does not allow are written: `addendum`, else `note`."""
    return "addendum" if "addendum" in allowed_fields(etype) else "note"


def _clean_value(var: str, value: str) -> str:
    if var in TITLE_VARS:
        return braces_to_nocase(value)
    if var == "page":
        return value.replace("--", "–")
    return value.replace("{", "").replace("}", "") if var not in ("note", "abstract") else value


def _read_names(fields: dict[str, str], ref: Reference, where: str) -> None:
    spec = _map()
    editortype = fields.pop("editortype", "").lower()
    for field_name, var in spec["name_to_csl"].items():
        value = fields.pop(field_name, "")
        if not value:
            continue
        if field_name == "editor" and editortype == "translator" and "translator" not in fields:
            var = "translator"
        elif field_name == "editor" and editortype:
            ref.extra["editortype"] = editortype
        names = [name_from_string(n) for n in split_multiple_persons_names(value) if n.strip()]
        ref.set(var, names, step=STEP, origin=where)


def _read_dates(fields: dict[str, str], ref: Reference, where: str) -> None:
    for field_name, var in _map()["date_to_csl"].items():
        prefix = "" if field_name == "date" else field_name[:-4]
        value = fields.pop(field_name, "")
        date = date_from_iso(value) if value else None
        if date is None:
            year = fields.get(f"{prefix}year", "")
            month = fields.get(f"{prefix}month", "")
            day = fields.get(f"{prefix}day", "")
            date = date_from_parts(year, month, day)
            if date is not None:  # a month or day it could not read stays a field of its own (kept in `extra`)
                read = len(date.parts[0]) if date.parts else 1
                for part in ("year", "month", "day")[:read]:
                    fields.pop(f"{prefix}{part}", None)
        if date is None:
            if value:
                ref.extra[field_name] = value
            continue
        calendar = fields.pop(f"{field_name}+an:calendar", "")
        if calendar:
            _attach_calendar(date, calendar)
        ref.set(var, date, step=STEP, origin=where)


def _attach_calendar(date: Date, annotation: str) -> None:
    """`="1385 SH"` -> raw `1385`, calendar solar-hijri; an era written in the raw text
    itself (`1404 A.H.`, `۱۴۰۴ هـ`, which the writer leaves as they are) says the calendar."""
    text = _ANNOTATION_VALUE.match(annotation.strip()).group(1).strip()
    for calendar, code in CALENDAR_CODES.items():
        if text.endswith(" " + code):
            date.raw, date.calendar = text[: -len(code) - 1], calendar
            return
    date.raw = text
    if (found := find_calendar_year(text)) and found.marked:
        date.calendar = found.calendar


def _read_language(fields: dict[str, str], ref: Reference, where: str) -> None:
    langid = fields.pop("langid", "")
    language = fields.pop("language", "")
    tag = languages.tag_of(language) if language else None
    if tag is None and langid:
        tag = languages.tag_of(langid)
    if tag:
        ref.set("language", tag, step=STEP, origin=where)
    if language and languages.tag_of(language) is None:
        ref.extra["language"] = language
    if langid and expected_langid(tag or "", ref.text.get("title", fields.get("title", ""))) != langid.lower():
        ref.extra["langid"] = langid


# romanization scheme -> its biblatex annotation name (`title+an:alalc`): every scheme the
# romanizer writes, without the hyphen
_SCHEME_ANNOTATIONS = {scheme: scheme.replace("-", "") for scheme in SCHEMES}
_ANNOTATION_SCHEMES = {annotation: scheme for scheme, annotation in _SCHEME_ANNOTATIONS.items()}
_ROMANIZED_ANNOTATION = re.compile(rf"^(\w+)\+an:({'|'.join(_ANNOTATION_SCHEMES)}|original)$")
_ANNOTATION_ITEM = re.compile(r'(\d+)\s*=\s*"?([^";]*)"?')


def _read_romanized_forms(annotations: dict[str, str], ref: Reference) -> None:
    """`title+an:ijmes`, `author+an:ijmes` back into forms tagged `fa-Latn-x-ijmes`;
    `title+an:original` (the original script beside a romanized title) into `fa`/`ar`."""
    lang = languages.primary(ref.language) if ref.language else "fa"
    spec = _map()
    for key, value in annotations.items():
        field_name, annotation = _ROMANIZED_ANNOTATION.match(key).groups()
        tag = lang if annotation == "original" else f"{lang}-Latn-x-{_ANNOTATION_SCHEMES[annotation]}"
        base = spec["field_aliases"].get(field_name, field_name)
        if base in spec["name_to_csl"]:
            names = ref.names.get(spec["name_to_csl"][base], [])
            for index, text in _ANNOTATION_ITEM.findall(value):
                if 0 < int(index) <= len(names):
                    names[int(index) - 1].forms[tag] = name_from_string(text)
            continue
        var = {"journaltitle": "container-title", "booktitle": "container-title", "howpublished": "container-title",
               "location": "publisher-place"}.get(base) or spec["text_to_csl"].get(base)
        if var:
            ref.forms.setdefault(var, {})[tag] = _ANNOTATION_VALUE.match(value.strip()).group(1)


def _read_archive(fields: dict[str, str], ref: Reference, where: str) -> None:
    library = fields.pop("library", "")
    archive = fields.pop("library+an:archive", "")
    if not library:
        return
    if archive:
        archive = _ANNOTATION_VALUE.match(archive.strip()).group(1)
        if library.startswith(archive):
            ref.set("archive", archive, step=STEP, origin=where)
            ref.set("archive_location", library[len(archive):].lstrip(", "), step=STEP, origin=where)
            return
    ref.set("archive", library, step=STEP, origin=where)


def _read_containers(fields: dict[str, str], ref: Reference, etype: str, where: str) -> None:
    for key in ("journaltitle", "booktitle"):
        if key in fields and "container-title" not in ref.text:
            ref.set("container-title", braces_to_nocase(fields.pop(key)), step=STEP, origin=where)
    number = fields.pop("number", "")
    if number:
        var = "issue" if ref.type.startswith("article") else (
            "collection-number" if ref.type in ("book", "chapter", "paper-conference") else "number")
        ref.set(var, number, step=STEP, origin=where)
    for key in ("institution", "organization"):
        if key in fields and "publisher" not in ref.text:
            ref.set("publisher", fields.pop(key), step=STEP, origin=where)


def _read_title_forms(fields: dict[str, str], ref: Reference, where: str) -> None:
    addon = fields.get("titleaddon")
    work = ref.language or ""
    if addon and work and not work.startswith("en"):
        ref.forms.setdefault("title", {})["en"] = braces_to_nocase(addon.strip("[] "))
        fields.pop("titleaddon")
    marker = fields.pop("title+an:form", "")
    if marker and ref.text.get("title") is None and "title" in fields:
        tag = _ANNOTATION_VALUE.match(marker.strip()).group(1)
        ref.forms.setdefault("title", {})[tag] = braces_to_nocase(fields["title"])


# ----------------------------------------------------------------------------- writing
def write_bibtex(refs: list[Reference], *, dialect: str = "biblatex", ascii_only: bool = False) -> str:
    """Normalized BibTeX (`dialect="bibtex"`: classic field names) or biblatex."""
    assign_keys(refs)
    library = bibtexparser.Library()
    for ref in refs:
        etype, fields = reference_to_fields(ref, dialect)
        if ascii_only:
            fields = {k: _latex_escape_non_ascii(v) if k not in ("url", "doi") else v for k, v in fields.items()}
        entry = bpm.Entry(etype, ref.id, [bpm.Field(k, v) for k, v in _ordered(fields)])
        library.add(entry)
    fmt = bibtexparser.BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n"
    # the library is built for this string alone: the writer may change its blocks in place
    # (by default it deep-copies them, slow for thousands of entries)
    return bibtexparser.write_string(library, bibtex_format=fmt,
                                     unparse_stack=default_unparse_stack(allow_inplace_modification=True))


def reference_to_fields(ref: Reference, dialect: str = "biblatex") -> tuple[str, dict[str, str]]:
    """Entry type and field dict for one record (values already escaped and protected)."""
    spec = _map()
    etype = ref.extra.get("entrytype") or spec["type_to_bib"].get(ref.type, "misc")
    fields: dict[str, str] = {}
    if ref.type in ("article-newspaper", "article-magazine"):
        fields["entrysubtype"] = ref.type.split("-", 1)[1]
    english = _is_english(ref)
    _write_names(ref, fields)
    _write_text(ref, fields, etype, english)
    _write_dates(ref, fields)
    _write_language(ref, fields)
    _write_title_forms(ref, fields, english)
    _write_romanized_forms(ref, fields, etype)
    for key, value in ref.extra.items():
        if key not in ("entrytype",):
            fields.setdefault(key, value)
    if dialect == "bibtex":
        return _to_classic(etype, fields)
    return etype, _fit_datamodel(etype, fields)


@cache
def _text_from_csl() -> dict[str, str]:
    """CSL variable -> biblatex field, the inverse of the reading map (archive and number aside)."""
    skip = {"archive", "number"}
    return {var: key for key, var in _map()["text_to_csl"].items() if var not in skip}


_VERBATIM = {"url", "doi", "eprint", "file", "urlraw"}


def _write_names(ref: Reference, fields: dict[str, str]) -> None:
    for field_name, var in _map()["name_to_csl"].items():
        names = ref.names.get(var)
        if names:
            fields[field_name] = " and ".join(_escape(name_to_bibtex(n)) for n in names)


def _write_text(ref: Reference, fields: dict[str, str], etype: str, english: bool) -> None:
    for var, value in ref.text.items():
        if var == "language":
            continue
        if var in ("archive", "archive_location"):
            continue
        key = field_for(var, etype)
        if key is None:
            fields[var] = _escape(value)
            continue
        if key in _VERBATIM:
            fields[key] = value
        elif var in TITLE_VARS:
            fields[key] = protect_title(value, english=english and var != "original-title") if var != "title-short" else _escape(value)
        elif key == "pages":
            fields[key] = _escape(re.sub(r"\s*[-–—]+\s*", "--", value))
        else:
            fields[key] = _escape(value)
    archive, location = ref.text.get("archive"), ref.text.get("archive_location")
    if archive or location:
        fields["library"] = _escape(", ".join(x for x in (archive, location) if x))
        if archive and location:
            fields["library+an:archive"] = f'="{_escape(archive)}"'


def field_for(var: str, etype: str) -> str | None:
    """The biblatex field that holds CSL variable `var` in an entry of type `etype`."""
    if var == "container-title":
        if etype in ("article", "periodical"):
            return "journaltitle"
        return "booktitle" if etype in ("incollection", "inbook", "inproceedings", "inreference") else "howpublished"
    if var in ("issue", "collection-number", "number"):
        return "number"
    return _text_from_csl().get(var)


def _write_romanized_forms(ref: Reference, fields: dict[str, str], etype: str) -> None:
    """Romanized forms beside the original script, as biblatex data annotations that biber
    keeps: `title+an:ijmes = {="Tārīkh-i mardum-i Īrān"}`, `author+an:ijmes = {1="…"}`."""
    for var, forms in ref.forms.items():
        key = field_for(var, etype)
        for tag, value in forms.items():
            scheme = scheme_of(tag)
            if not key or key not in fields or value == ref.text.get(var):
                continue
            if scheme in _SCHEME_ANNOTATIONS:
                fields[f"{key}+an:{_SCHEME_ANNOTATIONS[scheme]}"] = f'="{_escape(value)}"'
            elif "-" not in tag and has_arabic(value):  # the original script
                fields[f"{key}+an:original"] = f'="{_escape(value)}"'
    for field_name, var in _map()["name_to_csl"].items():
        for scheme, annotation in _SCHEME_ANNOTATIONS.items():
            items = [f'{i}="{_escape(form.display())}"' for i, name in enumerate(ref.names.get(var, []), 1)
                     for tag, form in name.forms.items() if scheme_of(tag) == scheme]
            if items and field_name in fields:
                fields[f"{field_name}+an:{annotation}"] = "; ".join(items)


def _write_dates(ref: Reference, fields: dict[str, str]) -> None:
    for field_name, var in _map()["date_to_csl"].items():
        date = ref.dates.get(var)
        if date is None:
            continue
        iso = date.iso()
        if iso:
            fields[field_name] = iso
        elif date.literal or date.raw:
            fields.setdefault("note", _escape(date.literal or date.raw or ""))
        if date.calendar in CALENDAR_CODES and date.raw:
            code = CALENDAR_CODES[date.calendar]
            found = find_calendar_year(date.raw)  # an era already written (`1404 A.H.`, `۱۴۰۴ هـ`) is not doubled
            written = date.raw if found and found.marked else f"{date.raw} {code}"
            fields[f"{field_name}+an:calendar"] = f'="{written}"'


def _write_language(ref: Reference, fields: dict[str, str]) -> None:
    tag = ref.language
    if not tag:
        return
    fields["langid"] = expected_langid(tag, ref.text.get("title", ""))
    fields["language"] = languages.name_of(tag)


def expected_langid(tag: str, title: str) -> str:
    """How the entry is typeset: Arabic-script titles in their language, romanized or
    translated titles of Arabic-script works in English, other works in their own language."""
    if languages.primary(tag) in ("fa", "ar", "ur", "ps", "ku") and not has_arabic(title):
        return "english"
    return languages.babel_of(tag)


def _write_title_forms(ref: Reference, fields: dict[str, str], english: bool) -> None:
    forms = ref.forms.get("title", {})
    work = languages.primary(ref.language or "en")
    for tag, value in forms.items():
        if value == ref.text.get("title"):
            fields["title+an:form"] = f'="{tag}"'
        elif languages.primary(tag) != work and "Latn" not in tag and "titleaddon" not in fields:
            fields["titleaddon"] = protect_title(value, english=languages.primary(tag) == "en")


def _is_english(ref: Reference) -> bool:
    """Titles get case protection only for English-language works (or untagged Latin ones)."""
    tag = ref.language
    title = ref.text.get("title", "")
    written_in = [t for t, v in ref.forms.get("title", {}).items() if v == title]
    if written_in:
        return languages.primary(written_in[0]) == "en" and "Latn" not in written_in[0]
    if tag:
        return languages.primary(tag) == "en"
    return bool(title) and not has_arabic(title)


def _fit_datamodel(etype: str, fields: dict[str, str]) -> dict[str, str]:
    """Move fields biblatex does not allow for `etype` to ones it does; never drop one."""
    allowed = allowed_fields(etype)
    known = _known_fields()
    out: dict[str, str] = {}
    notes: list[str] = []
    for key, value in fields.items():
        base = key.split("+an", 1)[0]
        if base in allowed or base not in known:
            out[key] = value
            continue
        alternative = _ALTERNATIVES.get(base, ())
        target = next((a for a in alternative if a in allowed and a not in fields and a not in out), None)
        if target:
            out[target] = value
            if base == "translator":
                out["editortype"] = "translator"
        else:
            notes.append(f"{base}: {value}")
    if notes:
        target = _moved_fields_target(etype)
        out[target] = "; ".join(filter(None, [out.get(target, ""), *notes]))
    return out


_ALTERNATIVES = {
    "translator": ("editor",),
    "publisher": ("organization", "institution", "howpublished"),
    "location": ("venue",),
    "journaltitle": ("howpublished",),
    "booktitle": ("howpublished",),
    "number": ("version",),
    "edition": ("version",),
    "series": ("howpublished",),
}


def _to_classic(etype: str, fields: dict[str, str]) -> tuple[str, dict[str, str]]:
    """biblatex names -> classic BibTeX (`journal`, `address`, `year`/`month`, `school`)."""
    spec = _map()
    classic = spec["type_to_classic"].get(etype, etype)
    if classic not in spec["classic_types"]:
        classic = "misc"
    out: dict[str, str] = {}
    for key, value in fields.items():
        if key == "journaltitle":
            out["journal"] = value
        elif key == "location":
            out["address"] = value
        elif key == "institution" and classic in ("phdthesis", "mastersthesis"):
            out["school"] = value
        elif key == "date":
            year, _, rest = value.partition("-")
            out["year"] = year.strip("~")
            if rest[:2].isdigit():
                out["month"] = str(int(rest[:2]))
        elif key == "url" and classic == "misc":
            out["howpublished"] = "\\url{" + value + "}"
            out["url"] = value
        else:
            out[key] = value
    return classic, out


@cache
def _field_rank() -> dict[str, int]:
    return {k: i for i, k in enumerate(_map()["field_order"])}


def _ordered(fields: dict[str, str]) -> list[tuple[str, str]]:
    order = _field_rank()
    return sorted(fields.items(), key=lambda kv: (order.get(kv[0].split("+", 1)[0], len(order)), kv[0]))


_SPECIALS = re.compile(r"(?<!\\)([&%#_$])")


def _escape(value: str) -> str:
    """Escape the characters LaTeX treats specially; nocase spans become braces; braces that
    do not pair up become macros, since BibTeX clients count even escaped braces."""
    value = _SPECIALS.sub(r"\\\1", value)
    return balance_braces(value.replace(NOCASE_OPEN, "{").replace(NOCASE_CLOSE, "}"))


def balance_braces(value: str) -> str:
    unmatched: set[int] = set()
    stack: list[int] = []
    for i, ch in enumerate(value):
        if ch == "{":
            stack.append(i)
        elif ch == "}":
            if stack:
                stack.pop()
            else:
                unmatched.add(i)
    unmatched.update(stack)
    if not unmatched:
        return value
    macros = {"{": "\\textbraceleft{}", "}": "\\textbraceright{}"}
    return "".join(macros[c] if i in unmatched else c for i, c in enumerate(value))


_ACCENT_MACROS = {"\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0303": "~", "\u0304": "=", "\u0306": "u",
                  "\u0307": ".", "\u0308": '"', "\u030c": "v", "\u0323": "d", "\u0327": "c", "\u0328": "k",
                  "\u0331": "b"}


def _latex_escape_non_ascii(value: str) -> str:
    """Latin letters with diacritics as LaTeX accent macros (`--ascii`): `Ḥ` -> `{\\d{H}}`.
    Letters without a macro (ʿ, ʾ) and other scripts stay as they are."""
    out = []
    for char in value:
        if char.isascii() or not (ord(char) < 0x590 or 0x1E00 <= ord(char) < 0x2000):
            out.append(char)
            continue
        base, *marks = unicodedata.normalize("NFD", char)
        if marks and all(m in _ACCENT_MACROS for m in marks) and base.isascii():
            for mark in marks:
                base = "\\" + _ACCENT_MACROS[mark] + "{" + base + "}"
            out.append("{" + base + "}")
        else:
            out.append(_special_letters().get(char, char))
    return "".join(out)


@cache
def _special_letters() -> dict[str, str]:
    """Letters that are not base + accent (ß, æ, ø, ı …), as pylatexenc spells them."""
    from pylatexenc.latexencode import UnicodeToLatexEncoder

    encoder = UnicodeToLatexEncoder(non_ascii_only=True, replacement_latex_protection="braces-all",
                                    unknown_char_policy="keep")
    letters = "ßæÆøØœŒıłŁđĐðÐþÞŋŊ"
    return {c: encoder.unicode_to_latex(c) for c in letters}
