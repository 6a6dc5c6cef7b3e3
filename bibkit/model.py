"""The record model every stage shares: `Reference` in the CSL-JSON vocabulary.

Variables are grouped by CSL kind (names, dates, everything else as text) so each value has
one obvious type. Multi-script values are first-class: a title or a name can carry other
forms keyed by BCP 47 tags (`fa` original, `fa-Latn-x-ijmes` romanized with its scheme as a
private-use subtag, `en` translated). Provenance records which step set a field and from
which span of the source text, so a user can see why a value is there and a merge can be
undone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any


@cache
def csl_schema() -> dict[str, frozenset[str]]:
    """CSL 1.0.2 item types and variables by kind (data file, loaded once)."""
    raw = json.loads(resources.files("bibkit.data").joinpath("csl_schema.json").read_text("utf-8"))
    return {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}


def variable_kind(var: str) -> str:
    """`name`, `date` or `text` (standard and number variables) for a CSL variable."""
    schema = csl_schema()
    if var in schema["name"]:
        return "name"
    if var in schema["date"]:
        return "date"
    return "text"


def scheme_of(tag: str) -> str | None:
    """The romanization scheme carried in a tag's private-use subtag (`fa-Latn-x-ijmes`)."""
    parts = tag.split("-x-", 1)
    return parts[1] if len(parts) == 2 else None


@dataclass
class Name:
    """A personal or institutional name, split as CSL splits it."""

    family: str | None = None
    given: str | None = None
    particle: str | None = None  # non-dropping particle: al-, van, de
    dropping_particle: str | None = None
    suffix: str | None = None
    literal: str | None = None  # institutions and single names (Viyan)
    forms: dict[str, Name] = field(default_factory=dict)  # BCP 47 tag -> the name in that form

    def family_full(self) -> str:
        """Family name with its non-dropping particle (`al-Jabri`), or the literal."""
        if self.literal is not None:
            return self.literal
        if self.particle:
            sep = "" if self.particle.endswith(("-", "'", "’")) else " "
            return f"{self.particle}{sep}{self.family or ''}"
        return self.family or ""

    def display(self) -> str:
        """`Family, Given` (or the literal) for messages and plain listings."""
        if self.literal is not None:
            return self.literal
        head = self.family_full()
        return f"{head}, {self.given}" if self.given else head

    def to_csl(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, attr in _NAME_KEYS:
            value = getattr(self, attr)
            if value is not None:
                out[key] = value
        if self.forms:
            out["multi"] = {"_key": {tag: form.to_csl() for tag, form in self.forms.items()}}
        return out

    @classmethod
    def from_csl(cls, data: dict[str, Any]) -> Name:
        name = cls(**{attr: data[key] for key, attr in _NAME_KEYS if data.get(key) is not None})
        for tag, form in (data.get("multi") or {}).get("_key", {}).items():
            name.forms[tag] = cls.from_csl(form)
        return name


_NAME_KEYS = (
    ("family", "family"),
    ("given", "given"),
    ("non-dropping-particle", "particle"),
    ("dropping-particle", "dropping_particle"),
    ("suffix", "suffix"),
    ("literal", "literal"),
)

CALENDARS = ("gregorian", "solar-hijri", "lunar-hijri", "persian-imperial")


@dataclass
class Date:
    """A CSL date: Gregorian parts (one part list, or two for a range) plus what was written.

    `raw` keeps the text as the source had it (`1385 ش`, `Fall 2010`); `calendar` says which
    calendar that raw text is in, so a Hijri year is never lost when `parts` is Gregorian.
    """

    parts: list[list[int]] = field(default_factory=list)
    season: int | None = None  # 1 spring .. 4 winter
    circa: bool = False
    literal: str | None = None
    raw: str | None = None
    calendar: str = "gregorian"

    @property
    def year(self) -> int | None:
        return self.parts[0][0] if self.parts and self.parts[0] else None

    def iso(self) -> str:
        """ISO 8601 (EDTF range with `/`), as biblatex `date` wants it; empty if no parts."""

        def one(p: list[int]) -> str:
            return "-".join([f"{p[0]:04d}"] + [f"{x:02d}" for x in p[1:3]])

        text = "/".join(one(p) for p in self.parts if p)
        return text + "~" if text and self.circa else text

    def to_csl(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.parts:
            out["date-parts"] = [list(p) for p in self.parts]
        if self.season:
            out["season"] = self.season
        if self.circa:
            out["circa"] = True
        if self.literal:
            out["literal"] = self.literal
        if self.raw:
            out["raw"] = self.raw
        return out

    @classmethod
    def from_csl(cls, data: dict[str, Any], calendar: str = "gregorian") -> Date:
        parts: list[list[int]] = []
        unreadable: list[str] = []  # parts that are not numbers, kept as written rather than dropped
        for given in data.get("date-parts") or []:
            numbers = []
            for value in given:
                text = "" if value is None else str(value).strip()
                if text.lstrip("-").isdecimal():
                    numbers.append(int(text))
                elif text:  # an empty part (None, "") is no part
                    unreadable.append(text)
            parts.append(numbers)
        season = data.get("season")
        return cls(
            parts=[p for p in parts if p],
            season=int(season) if str(season or "").isdigit() else None,
            circa=bool(data.get("circa")),
            literal=data.get("literal") or (" ".join(unreadable) if unreadable and not any(parts) else None),
            raw=data.get("raw"),
            calendar=calendar,
        )


@dataclass
class Provenance:
    """Where a field's value came from: the step that set it and the source span it read."""

    step: str  # "bibtex", "crf", "normalize.pages", "merge" ...
    span: tuple[int, int] | None = None  # character offsets into Reference.source
    origin: str | None = None  # file:line, or the record id a merge took it from


@dataclass
class Reference:
    """One cited work in the CSL-JSON vocabulary, with its forms, source and provenance."""

    id: str = ""
    type: str = "document"
    text: dict[str, str] = field(default_factory=dict)  # standard and number variables
    names: dict[str, list[Name]] = field(default_factory=dict)
    dates: dict[str, Date] = field(default_factory=dict)
    forms: dict[str, dict[str, str]] = field(default_factory=dict)  # var -> BCP 47 tag -> value
    extra: dict[str, str] = field(default_factory=dict)  # format fields with no CSL variable
    source: str | None = None  # the text this record was parsed from
    origin: str | None = None  # file:line it came from
    provenance: dict[str, list[Provenance]] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)  # per field; "*" for the record
    warnings: list[str] = field(default_factory=list)

    def get(self, var: str) -> Any:
        kind = variable_kind(var)
        if kind == "name":
            return self.names.get(var)
        if kind == "date":
            return self.dates.get(var)
        return self.text.get(var)

    def set(self, var: str, value: Any, *, step: str, span: tuple[int, int] | None = None,
            origin: str | None = None) -> None:
        """Set a variable and record who set it; an empty value removes the variable."""
        kind = variable_kind(var)
        store: dict[str, Any] = {"name": self.names, "date": self.dates}.get(kind, self.text)
        if value in (None, "", []):
            store.pop(var, None)
        else:
            store[var] = value
        self.provenance.setdefault(var, []).append(Provenance(step, span, origin))

    def fields(self) -> list[str]:
        """The variables this record has, names and dates included."""
        return [*self.names, *self.dates, *self.text]

    @property
    def language(self) -> str | None:
        return self.text.get("language")

    # CSL-JSON ---------------------------------------------------------------------------
    def to_csl(self) -> dict[str, Any]:
        """A CSL-JSON item; forms go to CSL-M `multi`, extras and calendars to `custom`."""
        item: dict[str, Any] = {"id": self.id, "type": self.type}
        for var, names in self.names.items():
            item[var] = [n.to_csl() for n in names]
        calendars = {}
        for var, date in self.dates.items():
            item[var] = date.to_csl()
            if date.calendar != "gregorian":
                calendars[var] = date.calendar
        item.update(self.text)
        if self.forms:
            item["multi"] = {"_keys": {var: dict(tags) for var, tags in self.forms.items()}}
        custom: dict[str, Any] = dict(self.extra)
        if calendars:
            custom["calendar"] = calendars
        if custom:
            item["custom"] = custom
        return item

    @classmethod
    def from_csl(cls, item: dict[str, Any], *, step: str = "csl-json", origin: str | None = None) -> Reference:
        """Read a CSL-JSON item; unknown keys are kept in `extra` rather than dropped."""
        custom = dict(item.get("custom") or {})
        calendars = custom.pop("calendar", {}) or {}
        ref = cls(id=str(item.get("id", "")), type=str(item.get("type") or "document"), origin=origin)
        ref.extra = {k: str(v) for k, v in custom.items()}
        for key, value in item.items():
            if key in ("id", "type", "custom", "multi") or value in (None, "", []):
                continue
            kind = variable_kind(key)
            if kind == "name" and isinstance(value, list):
                ref.names[key] = [Name.from_csl(n) for n in value if isinstance(n, dict)]
            elif kind == "date" and isinstance(value, dict):
                ref.dates[key] = Date.from_csl(value, calendars.get(key, "gregorian"))
            elif key in csl_schema()["standard"] or key in csl_schema()["number"]:
                ref.text[key] = str(value)
            else:
                ref.extra[key] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        for var, tags in ((item.get("multi") or {}).get("_keys") or {}).items():
            ref.forms[var] = {str(t): str(v) for t, v in tags.items()}
        for var in ref.fields():
            ref.provenance[var] = [Provenance(step, None, origin)]
        return ref

    # bibkit's own JSON: everything, exactly -----------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """CSL-JSON plus source, provenance, confidence and warnings; `from_json` inverts it."""
        out = self.to_csl()
        bib: dict[str, Any] = {}
        if self.source is not None:
            bib["source"] = self.source
        if self.origin is not None:
            bib["origin"] = self.origin
        if self.provenance:
            bib["provenance"] = {
                var: [_prov_to_json(p) for p in provs] for var, provs in self.provenance.items()
            }
        if self.confidence:
            bib["confidence"] = dict(self.confidence)
        if self.warnings:
            bib["warnings"] = list(self.warnings)
        if bib:
            out["bibkit"] = bib
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reference:
        bib = data.get("bibkit") or {}
        ref = cls.from_csl({k: v for k, v in data.items() if k != "bibkit"})
        ref.source = bib.get("source")
        ref.origin = bib.get("origin")
        ref.provenance = {
            var: [_prov_from_json(p) for p in provs] for var, provs in (bib.get("provenance") or {}).items()
        }
        ref.confidence = {k: float(v) for k, v in (bib.get("confidence") or {}).items()}
        ref.warnings = list(bib.get("warnings") or [])
        return ref


def _prov_to_json(p: Provenance) -> dict[str, Any]:
    out: dict[str, Any] = {"step": p.step}
    if p.span is not None:
        out["span"] = list(p.span)
    if p.origin is not None:
        out["origin"] = p.origin
    return out


def _prov_from_json(d: dict[str, Any]) -> Provenance:
    span = d.get("span")
    return Provenance(d["step"], (int(span[0]), int(span[1])) if span else None, d.get("origin"))


@dataclass
class Cite:
    """One source cited by a note, with its locator and how the link was made."""

    id: str | None
    locator: str | None = None
    label: str | None = None  # page, volume, chapter, paragraph ...
    resolution: str = "direct"  # direct | ibid | op-cit | short-form | ambiguous
    candidates: list[str] = field(default_factory=list)  # for ambiguous: nearest first
    text: str = ""  # the citation as written in the note
    how: str = ""  # how the link was made, in words ("op-cit: 'Australian' names one earlier source …")


@dataclass
class Note:
    """A numbered footnote: its text, where its marker sits in the body, and what it cites."""

    number: int
    text: str
    marker_offset: int | None = None
    cites: list[Cite] = field(default_factory=list)
    commentary: str = ""
