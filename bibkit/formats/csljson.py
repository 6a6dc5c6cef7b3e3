"""CSL-JSON (an array of items, or JSON Lines) and bibkit's own JSON (CSL plus provenance).

A file that is not valid JSON is still read item by item where it can be, each broken part
reported with its line and column, so one stray comma does not lose a whole library.
"""

from __future__ import annotations

import json

from bibkit.formats import Diagnostic, ReadResult
from bibkit.formats.dates import take_calendar_notes, with_calendar_notes
from bibkit.model import Reference, csl_schema

_DECODER = json.JSONDecoder()


def read_csljson(text: str, origin: str = "<string>") -> ReadResult:
    result = ReadResult()
    try:
        data = json.loads(text)
        items = data if isinstance(data, list) else data.get("items", [data]) if isinstance(data, dict) else None
        if items is None:
            raise ValueError("top level is neither an array nor an object")
        positions = [None] * len(items)
    except json.JSONDecodeError as exc:
        result.diagnostics.append(Diagnostic(f"{origin}:{exc.lineno}", f"invalid JSON: {exc.msg} (column {exc.colno})"))
        items, positions = _salvage(text)
    except ValueError as exc:
        result.diagnostics.append(Diagnostic(f"{origin}:1", str(exc)))
        return result
    for index, (item, pos) in enumerate(zip(items, positions, strict=True), start=1):
        where = f"{origin}:{_line_of(text, pos)}" if pos is not None else f"{origin}:item {index}"
        if not isinstance(item, dict):
            result.diagnostics.append(Diagnostic(where, f"item {index} is not an object; skipped value {item!r:.40}"))
            continue
        ref = Reference.from_json(item) if "bibkit" in item else _from_csl(item, where)
        ref.origin = ref.origin or where
        if ref.type not in csl_schema()["types"]:
            result.diagnostics.append(Diagnostic(where, f"unknown CSL type {ref.type!r}; read as 'document'"))
            ref.extra["csl-type"] = ref.type
            ref.type = "document"
        result.references.append(ref)
    return result


def _from_csl(item: dict, where: str) -> Reference:
    ref = Reference.from_csl(item, origin=where)
    note = take_calendar_notes(ref.text.get("note"), ref.dates)
    if note != ref.text.get("note"):
        ref.text.pop("note", None)
        if note:
            ref.text["note"] = note
    return ref


def _salvage(text: str) -> tuple[list[object], list[int]]:
    """Decode every top-level item that is whole; after a broken one, resume at the next line
    that opens an object at the items' indentation (a pretty-printed array or JSON Lines)."""
    items: list[object] = []
    positions: list[int] = []
    pos = text.find("{")
    indent = pos - (text.rfind("\n", 0, pos) + 1)
    while pos != -1:
        try:
            item, end = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError:
            pos = _next_item_start(text, pos + 1, indent)
            continue
        items.append(item)
        positions.append(pos)
        rest = len(text[end:]) - len(text[end:].lstrip(" \t\r\n,"))
        pos = end + rest if text[end + rest:end + rest + 1] == "{" else _next_item_start(text, end, indent)
    return items, positions


def _next_item_start(text: str, start: int, indent: int) -> int:
    while (pos := text.find("{", start)) != -1:
        line_start = text.rfind("\n", 0, pos) + 1
        if pos - line_start == indent and not text[line_start:pos].strip(" \t[,"):
            return pos
        start = pos + 1
    return -1


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def write_csljson(refs: list[Reference]) -> str:
    """A JSON array of CSL items in input order; a Hijri date as published also goes into
    `note`, since CSL processors do not read `custom`."""
    _ensure_ids(refs)
    return json.dumps([_csl_item(r) for r in refs], ensure_ascii=False, indent=2) + "\n"


def _csl_item(ref: Reference) -> dict:
    item = ref.to_csl()
    note = with_calendar_notes(item.get("note"), ref.dates)
    if note:
        item["note"] = note
    return item


def write_bibkit_json(refs: list[Reference]) -> str:
    """CSL items with bibkit's provenance, confidence, source text and warnings."""
    _ensure_ids(refs)
    return json.dumps([r.to_json() for r in refs], ensure_ascii=False, indent=2) + "\n"


def _ensure_ids(refs: list[Reference]) -> None:
    from bibkit.formats.citekey import assign_keys

    if any(not r.id for r in refs):
        assign_keys(refs)
