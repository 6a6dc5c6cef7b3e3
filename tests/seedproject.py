"""The fields a user checks in a parsed reference, in a plain form for expected-output files."""

from __future__ import annotations

from bibkit.model import Name, Reference

CHECKED = ("type", "author", "editor", "translator", "title", "container-title", "collection-title",
           "publisher", "publisher-place", "issued", "volume", "issue", "page", "URL", "DOI",
           "archive", "archive_location", "genre", "edition", "language")


def _name(name: Name) -> str:
    return name.literal if name.literal is not None else name.display()


def project(ref: Reference) -> dict:
    out: dict = {}
    for var in CHECKED:
        if var == "type":
            out[var] = ref.type
        elif var in ref.names:
            out[var] = [_name(n) for n in ref.names[var]]
        elif var in ref.dates:
            date = ref.dates[var]
            out[var] = {"date-parts": date.parts, **({"season": date.season} if date.season else {}),
                        **({"raw": date.raw, "calendar": date.calendar} if date.calendar != "gregorian" else {})}
        elif var in ref.text:
            out[var] = ref.text[var]
    return out
