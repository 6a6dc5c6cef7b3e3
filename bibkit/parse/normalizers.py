"""Small single-purpose normalizers run after labelling, as AnyStyle's `Normalizer::*`.

Each takes the Reference being built and the raw labelled segments (`label -> [Segment]`)
and sets the CSL variables it owns, recording provenance (its own step name and the source
span). `NORMALIZERS` is the pipeline; order matters only where one reads what another set.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bibkit.model import Date, Name, Reference
from bibkit.namesplit import name_from_parts, name_from_string
from bibkit.text.calendars import calendar_date

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_EDGE = " \t,;:.()[]{}«»\"“”‘’'،؛"


@dataclass
class Segment:
    """A labelled stretch of the source: its text, span and mean token confidence."""

    text: str
    start: int
    end: int
    confidence: float


Fields = dict[str, list[Segment]]


def _strip(text: str) -> str:
    return text.strip(_EDGE + "-–—")


def _joined(segs: list[Segment]) -> tuple[str, tuple[int, int]]:
    return " ".join(s.text for s in segs), (segs[0].start, segs[-1].end)


def _set(ref: Reference, var: str, value, step: str, span: tuple[int, int], segs: list[Segment]) -> None:
    ref.set(var, value, step=f"normalize.{step}", span=span)
    ref.confidence[var] = round(min(s.confidence for s in segs), 3)


# ----------------------------------------------------------------------------- names
_ROLE_CUES = re.compile(
    r"\b(?:edited|translated|compiled|introduced)\s+by\b|\b(?:eds?|trans|tr|comp|hrsg)\.(?=\s|$|,)|"
    r"\((?:eds?|trans|ed|hrsg)\.?\)|\bin\s*:|^in\s+|"
    r"ترجمه‌?ٔ?|ترجمهٔ|ترجمة|مترجم|تحقيق|تحقیق|تصحیح|به\s+کوشش|به\s+اهتمام|گردآوری|إعداد|تقديم",
    re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:;|\s&\s|&|\band\b|\s+و\s+|،\s*و\s+)\s*", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s?-?){1,4}$|^(?:[A-Z][a-z]?\.\s?){1,3}$")
_INSTITUTION = re.compile(
    r"\b(?:newspaper|ministry|office|embassy|university|institute|center|centre|council|committee|"
    r"organi[sz]ation|department|agency|bank|press|association|society|foundation|government|records)\b|"
    r"^(?:وزارت|سازمان|مرکز|دانشگاه|اداره|روزنامه|وزارة|مركز|جامعة)", re.IGNORECASE)


def split_names(text: str) -> list[Name]:
    """A name list as written (`Ahmadi, F., Saleh, A., & Viyan`) to names."""
    text = _ROLE_CUES.sub(" ", text)
    text = re.sub(r"\bet\s+al\.?|\bو\s+دیگران|\bوآخرون", " ", text)
    text = re.sub(r"\s+", " ", text).strip(_EDGE)
    if not text:
        return []
    if _INSTITUTION.search(text) and not re.search(r"[,،]\s*\w\.", text):
        return [Name(literal=_strip(text))]
    names: list[Name] = []
    for chunk in _SEPARATORS.split(text):
        chunk = chunk.strip(_EDGE)
        if chunk:
            names.extend(_names_in_chunk(chunk))
    return names


def _names_in_chunk(chunk: str) -> list[Name]:
    """`Family, G., Family2, G.` pairs; `Family, Given`; `Given Family`; one word alone."""
    parts = [p.strip() for p in re.split(r"[,،]", chunk) if p.strip()]
    if len(parts) >= 4 or (len(parts) == 3 and not _INITIALS.match(parts[2])):
        # a list of inverted names separated by commas: pair family with the given that follows
        out, i = [], 0
        while i < len(parts):
            family = parts[i]
            given = parts[i + 1] if i + 1 < len(parts) and _looks_given(parts[i + 1]) else None
            out.append(_name(family, given))
            i += 2 if given else 1
        return out
    if len(parts) == 2:
        return [_name(parts[0], parts[1])]
    if len(parts) == 1:
        words = parts[0].split()
        if len(words) == 1:
            return [Name(family=_strip(words[0]))]
        if len(words) == 2 and _INITIALS.match(words[1]):  # "Parveen T." / "Smolansky O.M."
            return [_name(words[0], words[1])]
        return [name_from_string(parts[0])]
    return [_name(parts[0], ", ".join(parts[1:]))]


def _looks_given(part: str) -> bool:
    return bool(_INITIALS.match(part)) or len(part.split()) <= 2 and len(part) <= 12


def _name(family: str, given: str | None) -> Name:
    family = _strip(family)
    given = (given or "").strip(" ,;:()[]«»\"“”") or None
    if given and not _INITIALS.match(given.replace(" ", "")):
        given = given.rstrip(".") or None  # "Robert." -> "Robert"; "F." and "O.M" keep their dots
    if given and re.fullmatch(r"(?:[A-Z]\.\s?)*[A-Z]", given):
        given += "."  # "Smolansky, B.M" -> "B.M."
    if family[:1].islower() and not re.match(r"^(?:al|el|van|von|de|da|di|du|la|le)\b[-\s]", family):
        family = family[:1].upper() + family[1:]  # "roby" -> "Roby"
    if given and given[:1].islower() and not _ARABIC.search(given):
        given = given[:1].upper() + given[1:]
    return name_from_parts(family, given)


def _names_normalizer(role: str) -> Callable[[Reference, Fields], None]:
    def normalize(ref: Reference, fields: Fields) -> None:
        segs = fields.get(role)
        if not segs:
            return
        text, span = _joined(segs)
        names = split_names(text)
        if names:
            _set(ref, role, names, "names", span, segs)
    normalize.__name__ = f"normalize_{role}"
    return normalize


def move_roles_from_prose(ref: Reference, fields: Fields) -> None:
    """`Edited by X` or `ترجمه X` labelled inside another field: move it to its role."""
    for label in ("title", "container-title", "note", "publisher"):
        for seg in list(fields.get(label, [])):
            match = re.search(r"(?:^|[,.]\s*)(Edited by|Translated by|ترجمه‌?ٔ?|ترجمة|تحقيق|تصحیح)\s+(.+)$",
                              seg.text, flags=re.IGNORECASE)
            if not match:
                continue
            role = "translator" if match.group(1).lower().startswith(("trans", "ترجم")) else "editor"
            cut = seg.start + match.start()
            fields.setdefault(role, []).append(Segment(match.group(2), seg.start + match.start(2), seg.end, seg.confidence))
            remainder = seg.text[: match.start()]
            idx = fields[label].index(seg)
            if remainder.strip(_EDGE):
                fields[label][idx] = Segment(remainder, seg.start, cut, seg.confidence)
            else:
                fields[label].pop(idx)


# ----------------------------------------------------------------------------- text fields
def _text_normalizer(label: str, var: str, clean: Callable[[str], str]) -> Callable[[Reference, Fields], None]:
    def normalize(ref: Reference, fields: Fields) -> None:
        segs = fields.get(label)
        if not segs:
            return
        text, span = _joined(segs)
        value = clean(text)
        if value:
            _set(ref, var, value, var, span, segs)
    normalize.__name__ = f"normalize_{var}"
    return normalize


def clean_title(text: str) -> str:
    text = re.sub(r"^\s*[\"“”«]+|[\"“”»]+\s*[.,;:]?\s*$", "", text.strip())
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ,;:.،؛").strip("\"“”«»").strip()


def clean_container(text: str) -> str:
    text = re.sub(r"^\s*(?:in|در|في)\s*:?\s+", "", text.strip(), flags=re.IGNORECASE)
    return clean_title(text)


def clean_plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(_EDGE)


_UNKNOWN_PUBLISHER = re.compile(r"^(?:n\.\s?p\.?|s\.\s?n\.?|بی[\u200c ]?نا|د\.\s?ن\.?|بدون ناشر)$", re.IGNORECASE)


def clean_publisher(text: str) -> str:
    value = clean_plain(text)
    return "" if _UNKNOWN_PUBLISHER.match(value) else value


def clean_place(text: str) -> str:
    value = clean_plain(text)
    return "" if _UNKNOWN_PUBLISHER.match(value) or re.fullmatch(r"بی[\u200c ]?جا|د\.\s?م\.?", value) else value


def clean_url(text: str) -> str:
    text = re.sub(r"^.*?(?:ava[il]{2,3}[ai]?ble|retrieved|accessed)\s*(?:at|from|on)?\s*:?\s*", "", text.strip(),
                  flags=re.IGNORECASE)
    match = re.search(r"(?:https?://|www\.)\S+", text)
    url = match.group() if match else text.split()[0] if text.split() else ""
    return url.rstrip(".,;:)]>»")


def clean_doi(text: str) -> str:
    match = re.search(r"10\.\d{4,9}/\S+", text)
    return match.group().rstrip(".,;:)]") if match else ""


def clean_isbn(text: str) -> str:
    match = re.search(r"[\dXx][\d\-– Xx]{8,16}[\dXx]", text.translate(_DIGITS))
    return match.group().replace(" ", "") if match else ""


def clean_edition(text: str) -> str:
    text = clean_plain(text.translate(_DIGITS))
    words = {"دوم": "2", "سوم": "3", "چهارم": "4", "پنجم": "5", "اول": "1", "second": "2", "third": "3",
             "fourth": "4", "fifth": "5", "first": "1", "الثانية": "2", "الثالثة": "3", "الأولى": "1"}
    for word, number in words.items():
        if word in text.casefold():
            return number
    match = re.search(r"\d+", text)
    return match.group() if match else text


# ----------------------------------------------------------------------------- numbers
def normalize_pages(ref: Reference, fields: Fields) -> None:
    segs = fields.get("pages")
    if not segs:
        return
    text, span = _joined(segs)
    text = text.translate(_DIGITS)
    match = re.search(r"([A-Za-z]?\d+)\s*(?:[-–—]+|تا)\s*([A-Za-z]?\d+)", text)
    if match:
        first, last = match.groups()
        if last.isdigit() and first.isdigit() and len(last) < len(first) and int(last) < int(first[-len(last):]) + 10 ** len(last):
            last = first[: len(first) - len(last)] + last  # 142-46 -> 142-146
        value = f"{first}–{last}"
    else:
        single = re.search(r"[A-Za-z]?\d+", text)
        value = single.group() if single else ""
    if value:
        _set(ref, "page", value, "pages", span, segs)


_VOLUME = re.compile(r"(?:vol(?:ume)?\.?|v\.|دوره|جلد|ج|المجلد|مج|year|سال|السنة)\s*:?\s*(\d+)", re.IGNORECASE)
_ISSUE = re.compile(r"(?:no\.?|nos\.?|number|issue|iss\.?|شماره|ش|العدد|عدد|ع)\s*:?\s*(\d+)", re.IGNORECASE)


def normalize_volume(ref: Reference, fields: Fields) -> None:
    """`11(1)`, `Vol. 25, No. 2`, `(19)`, `دوره ۳، شماره ۲`, `Year 34, No. 10074`, `25:3`."""
    segs = fields.get("volume")
    if not segs:
        return
    text, span = _joined(segs)
    text = text.translate(_DIGITS)
    volume = issue = None
    if m := re.search(r"(\d+)\s*\(\s*(\d+(?:[-–/]\d+)?)\s*\)", text):
        volume, issue = m.groups()
    elif m := re.fullmatch(r"\W*(\d+)\s*:\s*(\d+)\W*", text):
        volume, issue = m.groups()
    else:
        if m := _VOLUME.search(text):
            volume = m.group(1)
        if m := _ISSUE.search(text):
            issue = m.group(1)
        if volume is None and issue is None:
            bare = re.search(r"\d+", text)
            if bare and re.match(r"^\W*\(", text):
                issue = bare.group()
            elif bare:
                volume = bare.group()
    if volume:
        _set(ref, "volume", volume, "volume", span, segs)
    if issue:
        _set(ref, "issue", issue, "volume", span, segs)


# ----------------------------------------------------------------------------- dates
_MONTH_NAMES = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_SEASONS = {"spring": 1, "summer": 2, "fall": 3, "autumn": 3, "winter": 4, "بهار": 1, "تابستان": 2,
            "پاییز": 3, "پائیز": 3, "زمستان": 4}
_NO_DATE = re.compile(r"n\.\s?d\.?|بی[\u200c ]?تا|د\.\s?ت\.?|بدون تاریخ", re.IGNORECASE)


def parse_date(text: str) -> Date | None:
    """Every date shape in the seeds: `(1959, November 28)`, `(24 Sept 1958)`, `(July 1958)`,
    `1958–1963`, `Fall 2010`, Solar/Lunar Hijri years (converted, the original kept)."""
    clean = text.translate(_DIGITS)
    if _NO_DATE.search(text) and not re.search(r"\d{3,4}", clean):
        return Date(literal="n.d.", raw=text.strip(_EDGE))
    base = calendar_date(text)
    if base is None:
        return None
    if base.calendar != "gregorian":
        return base
    year = base.parts[0][0]
    raw = text.strip(_EDGE)
    date = Date(parts=[[year]], raw=raw if raw != str(year) else None)
    if m := re.search(r"\b(1[5-9]\d\d|20\d\d)\s*[-–—/]\s*(1[5-9]\d\d|20\d\d|\d\d)\b", clean):
        end = m.group(2)
        end_year = int(end) if len(end) == 4 else int(str(year)[:2] + end)
        if end_year > year:
            date.parts.append([end_year])
            return date
    month = next((n for name, n in _MONTH_NAMES.items() if re.search(rf"\b{name}[a-z]*\.?\b", clean, re.IGNORECASE)), None)
    if month:
        date.parts[0].append(month)
        day = re.search(r"(?<![\d])([0-3]?\d)(?:st|nd|rd|th)?(?![\d])", re.sub(r"\b\d{4}\b", "", clean))
        if day and 1 <= int(day.group(1)) <= 31:
            date.parts[0].append(int(day.group(1)))
    season = next((n for name, n in _SEASONS.items() if name in clean.casefold()), None)
    if season and not month:
        date.season = season
    if re.search(r"\bc(?:a|irca)?\.\s*\d", clean):
        date.circa = True
    return date


def normalize_date(ref: Reference, fields: Fields) -> None:
    segs = fields.get("date")
    if not segs:
        return
    date = None
    for seg in segs:  # the first segment with a year wins; a later one (reprint) is left in note
        date = parse_date(seg.text)
        if date:
            _set(ref, "issued", date, "date", (seg.start, seg.end), [seg])
            break


# ----------------------------------------------------------------------------- pipeline
NORMALIZERS: list[Callable[[Reference, Fields], None]] = [
    move_roles_from_prose,
    _names_normalizer("author"),
    _names_normalizer("editor"),
    _names_normalizer("translator"),
    _text_normalizer("title", "title", clean_title),
    _text_normalizer("journal", "container-title", clean_container),
    _text_normalizer("container-title", "container-title", clean_container),
    _text_normalizer("collection-title", "collection-title", clean_title),
    _text_normalizer("publisher", "publisher", clean_publisher),
    _text_normalizer("location", "publisher-place", clean_place),
    _text_normalizer("edition", "edition", clean_edition),
    _text_normalizer("genre", "genre", clean_plain),
    _text_normalizer("url", "URL", clean_url),
    _text_normalizer("doi", "DOI", clean_doi),
    _text_normalizer("isbn", "ISBN", clean_isbn),
    _text_normalizer("archive", "archive", clean_plain),
    _text_normalizer("archive_location", "archive_location", clean_plain),
    _text_normalizer("note", "note", clean_plain),
    normalize_pages,
    normalize_volume,
    normalize_date,
]
