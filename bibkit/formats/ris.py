"""RIS, tag by tag, mapped to CSL as Zotero maps it; unknown tags are kept for the way back.

An entry without `ER` is still converted (and reported); lines outside any entry are
reported, not silently skipped.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from bibkit import languages
from bibkit.formats import Diagnostic, ReadResult
from bibkit.formats.dates import calendar_note, date_from_iso, take_calendar_notes
from bibkit.formats.titles import plain_title
from bibkit.model import Date, Reference
from bibkit.namesplit import name_from_string

STEP = "ris"
_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


@cache
def _map() -> dict[str, Any]:
    return json.loads(resources.files("bibkit.formats.data").joinpath("ris_map.json").read_text("utf-8"))


def read_ris(text: str, origin: str = "<string>") -> ReadResult:
    result = ReadResult()
    tags: list[tuple[str, str]] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        match = _LINE.match(line.rstrip())
        if not match:
            if line.strip() and tags:
                tag, value = tags[-1]
                tags[-1] = (tag, f"{value} {line.strip()}")  # continuation of a long value
            elif line.strip():
                result.diagnostics.append(Diagnostic(f"{origin}:{number}", f"not an RIS line outside an entry: {line.strip()[:40]!r}"))
            continue
        tag, value = match.group(1), (match.group(2) or "").strip()
        if tag == "TY":
            if tags:
                result.diagnostics.append(Diagnostic(f"{origin}:{start}", "entry has no ER line; converted up to the next TY"))
                result.references.append(_entry(tags, f"{origin}:{start}"))
            tags, start = [(tag, value)], number
        elif tag == "ER":
            if tags:
                result.references.append(_entry(tags, f"{origin}:{start}"))
            tags = []
        elif tags:
            tags.append((tag, value))
        else:
            result.diagnostics.append(Diagnostic(f"{origin}:{number}", f"tag {tag} outside an entry (no TY before it)"))
    if tags:
        result.diagnostics.append(Diagnostic(f"{origin}:{start}", "entry has no ER line at end of file; converted"))
        result.references.append(_entry(tags, f"{origin}:{start}"))
    return result


def _entry(tags: list[tuple[str, str]], where: str) -> Reference:
    spec = _map()
    ref = Reference(origin=where, source="\n".join(f"{t}  - {v}" for t, v in tags))
    ris_type = tags[0][1]
    ref.type = spec["type_from_ris"].get(ris_type, "document")
    if ris_type not in spec["type_from_ris"]:
        ref.extra["RIS:TY"] = ris_type
    collected: dict[str, list[str]] = {}
    for tag, value in tags[1:]:
        collected.setdefault(tag, []).append(value)
    for tag, values in collected.items():
        _apply(ref, tag, values, where)
    if "SP" in collected or "EP" in collected:
        first, last = (collected.get("SP") or [""])[0], (collected.get("EP") or [""])[0]
        ref.set("page", f"{first}–{last}" if first and last else first or last, step=STEP, origin=where)
    if "note" in ref.text:
        note = take_calendar_notes(ref.text["note"], ref.dates)
        if note != ref.text["note"]:
            ref.set("note", note, step=STEP, origin=where)
    return ref


def _apply(ref: Reference, tag: str, values: list[str], where: str) -> None:
    spec = _map()
    if tag in ("SP", "EP"):
        return
    if tag == "ID":
        ref.id = values[0]
    elif tag in spec["names"]:
        var = spec["names"][tag]
        ref.set(var, (ref.names.get(var) or []) + [name_from_string(v) for v in values], step=STEP, origin=where)
    elif tag in spec["dates"]:
        var = spec["dates"][tag]
        date = _ris_date(values[0])
        known = ref.dates.get(var)
        if date and (known is None or _precision(date) > _precision(known)):
            ref.set(var, date, step=STEP, origin=where)  # PY 2004 and DA 2004/05/12: the fuller one
        elif date and date.year != known.year:
            ref.extra[f"RIS:{tag}"] = values[0]
    elif tag == "LA":
        ref.set("language", languages.tag_of(values[0]) or values[0], step=STEP, origin=where)
    elif tag == "TT":
        ref.forms.setdefault("title", {})["en"] = values[0]
    elif tag in spec["text"] and spec["text"][tag] not in ref.text:
        joiner = ", " if tag == "KW" else "\n"
        ref.set(spec["text"][tag], joiner.join(values), step=STEP, origin=where)
    else:
        ref.extra[f"RIS:{tag}"] = "\n".join(values)


def _precision(date: Date) -> int:
    return len(date.parts[0]) if date.parts else 0


def _ris_date(value: str) -> Date | None:
    """`2004`, `2004/05/12/`, `2004/05//`, `2004-05-12`; other text kept as a literal."""
    parts = [p for p in value.replace("-", "/").split("/")[:3]]
    nums = [p for p in parts if p.strip().isdigit()]
    if nums and len(nums[0]) == 4:
        return Date(parts=[[int(p) for p in nums]])
    return date_from_iso(value) or (Date(literal=value) if value.strip() else None)


def _first_tag(mapping: dict[str, str]) -> dict[str, str]:
    """CSL variable -> the first RIS tag listed for it (the preferred one to write)."""
    out: dict[str, str] = {}
    for tag, var in mapping.items():
        out.setdefault(var, tag)
    return out


def write_ris(refs: list[Reference]) -> str:
    spec = _map()
    lines: list[str] = []
    to_names, to_text, to_dates = (_first_tag(spec[kind]) for kind in ("names", "text", "dates"))
    for ref in refs:
        lines.append(f"TY  - {ref.extra.get('RIS:TY') or spec['type_to_ris'].get(ref.type, 'GEN')}")
        if ref.id:
            lines.append(f"ID  - {ref.id}")
        for var, names in ref.names.items():
            tag = to_names.get(var)
            for name in names:
                lines.append(f"{tag or 'A2'}  - {name.display()}")
        title = plain_title(ref.text.get("title", ""))  # RIS is plain text: no CSL rich-text tags
        if title:
            lines.append(f"TI  - {title}")
        for var, date in ref.dates.items():
            tag = to_dates.get(var)
            if tag and date.parts:
                first = date.parts[0]
                lines.append(f"{tag}  - {first[0]:04d}")
                if len(first) > 1 and tag == "PY":
                    lines.append("DA  - " + "/".join(f"{x:02d}" if i else f"{x:04d}" for i, x in enumerate(first)))
            elif tag and (date.literal or date.raw):
                lines.append(f"{tag}  - {date.literal or date.raw}")
        for var, value in ref.text.items():
            if var in ("title", "page"):
                continue
            tag = "LA" if var == "language" else to_text.get(var)
            if tag is None:
                lines.append(f"N1  - {var}: {value}")
                continue
            value = languages.name_of(value) if var == "language" and languages.tag_of(value) else value
            value = plain_title(value) if var.endswith("title") else value
            for part in (value.split(", ") if tag == "KW" else value.split("\n")):
                lines.append(f"{tag}  - {part}")
        page = ref.text.get("page")
        if page:
            pieces = re.split(r"\s*[-–—]+\s*", page, maxsplit=1)
            lines.append(f"SP  - {pieces[0]}")
            if len(pieces) > 1:
                lines.append(f"EP  - {pieces[1]}")
        lines.extend(f"N1  - {line}" for var, date in ref.dates.items() if (line := calendar_note(var, date)))
        translated = plain_title(ref.forms.get("title", {}).get("en", ""))
        if translated and translated != title:
            lines.append(f"TT  - {translated}")
        for key, value in ref.extra.items():
            if key.startswith("RIS:") and key != "RIS:TY":
                for part in value.split("\n"):
                    lines.append(f"{key[4:]}  - {part}")
        lines.append("ER  - ")
        lines.append("")
    return "\n".join(lines)
