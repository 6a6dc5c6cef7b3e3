"""Small single-purpose normalizers run after labelling, as AnyStyle's `Normalizer::*`.

Each takes the Reference being built and the raw labelled segments (`label -> [Segment]`)
and sets the CSL variables it owns, recording provenance (its own step name and the source
span). `NORMALIZERS` is the pipeline; order matters only where one reads what another set.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from bibkit.errors import InputError
from bibkit.formats.dates import MONTHS
from bibkit.model import Date, Reference
from bibkit.parse.names import split_names
from bibkit.parse.tokens import DASHES
from bibkit.text.calendars import (
    context_dated,
    find_calendar_year,
    find_calendar_years,
    romanized_month,
    to_gregorian,
)
from bibkit.text.normalize import ASCII_DIGITS, rejoin_hyphens
from bibkit.text.script import has_arabic, language_of

_EDGE = " \t,;:.()[]{}«»\"“”‘’'،؛"
# a number as OCR reads it: `1O-15`, `l5-2O` (letter O for zero, l or I for one) inside a run
# of digits that touches no other letter (`April1998`, `Oct.` stay as written)
_OCR_NUMBER = re.compile(r"(?<![^\W\d_])[\dOolI]*\d[\dOolI]*(?![^\W\d_])")
_OCR_LETTERS = str.maketrans("OolI", "0011")


def _numerals(text: str) -> str:
    """`text` with Persian and Arabic digits made ASCII and OCR's letters for digits mended."""
    text = text.translate(ASCII_DIGITS)
    return _OCR_NUMBER.sub(lambda m: m.group().translate(_OCR_LETTERS), text) if re.search("[OolI]", text) else text


@dataclass
class Segment:
    """A labelled stretch of the source: its text, span and mean token confidence."""

    text: str
    start: int
    end: int
    confidence: float


Fields = dict[str, list[Segment]]


def _joined(segs: list[Segment]) -> tuple[str, tuple[int, int]]:
    return " ".join(s.text for s in segs), (segs[0].start, segs[-1].end)


def _set(ref: Reference, var: str, value, step: str, span: tuple[int, int], segs: list[Segment]) -> None:
    ref.set(var, value, step=f"normalize.{step}", span=span)
    ref.confidence[var] = round(min(s.confidence for s in segs), 3)


# ----------------------------------------------------------------------------- fields
def _field(label: str, var: str, convert: Callable[[str], Any], step: str | None = None
           ) -> Callable[[Reference, Fields], None]:
    """A normalizer that turns the text labelled `label` into `var` with `convert`."""
    def normalize(ref: Reference, fields: Fields) -> None:
        segs = fields.get(label)
        if not segs:
            return
        text, span = _joined(segs)
        value = convert(text)
        if value:
            _set(ref, var, value, step or var, span, segs)
    normalize.__name__ = f"normalize_{var}"
    return normalize


_TITLE_QUOTES = re.compile(r"^\s*[\"“”«]+|[\"“”»]+\s*[.,;:]?\s*$")
_BRACKETED_TRANSLATION = re.compile(r"(.+?)\s*\[([^\[\]]{4,})\]")
_OPEN_BRACKET_TRANSLATION = re.compile(r"(.+?)\s*\[([A-Z][^\[\]()<>\d]{3,})")  # its bracket left open


def clean_title(text: str) -> str:
    text = rejoin_hyphens(text)
    text = " ".join(_TITLE_QUOTES.sub("", text.strip()).split())
    return text.strip(" ,;:.،؛/").strip("\"“”«»").strip()  # `Title //` (GOST), `Title /` (ISBD)


def normalize_title(ref: Reference, fields: Fields) -> None:
    """The title as written; a bracketed translation after it (`Mahi-ye siyah [The little
    black fish]`, its bracket left open: `Mulūk al-ʿArab [Kings of the Arabs`) becomes the
    title's English form."""
    segs = fields.get("title")
    if not segs:
        return
    text, span = _joined(segs)
    value = clean_title(text)
    match = _BRACKETED_TRANSLATION.fullmatch(value) or _OPEN_BRACKET_TRANSLATION.fullmatch(value)
    if match and not re.fullmatch(r"[\d\s\-–]+", match.group(2)):
        value = clean_title(match.group(1))
        ref.forms.setdefault("title", {})["en"] = match.group(2).strip()
    if value:
        _set(ref, "title", value, "title", span, segs)


# what numbers a report or a volume in its series (`Working Paper No. 12`, `رقم 3`)
SERIES_NUMBER_CUE = r"(?:no\.?|nr\.?|number|n[°º]|شماره|رقم|العدد)"


def normalize_collection(ref: Reference, fields: Fields) -> None:
    """`(نقد العقل العربي؛ 2)`, `(Studies in X, 12)`, `Working Paper No. 12`: the series and its number."""
    segs = fields.get("collection-title")
    if not segs:
        return
    text, span = _joined(segs)
    value = clean_title(text.strip().strip("()"))
    match = re.fullmatch(rf"(.+?)(?:\s*[;,؛،]\s*(?:{SERIES_NUMBER_CUE}|vol\.?)?|\s+{SERIES_NUMBER_CUE})\s*([\d۰-۹٠-٩]+)",
                         value, re.IGNORECASE)
    if match:
        value = match.group(1).strip()
        _set(ref, "collection-number", match.group(2).translate(ASCII_DIGITS), "collection", span, segs)
    if value:
        _set(ref, "collection-title", value, "collection", span, segs)


def clean_container(text: str) -> str:
    text = re.sub(r"^\s*(?:(?:in|در|في)\s*:?\s+)+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"^of\s+", "", text)  # `Vol. 7 | of Oeuvres complètes`
    text = re.sub(r"^(?:(?:paper|poster)\s+)?presented\s+at\s+(?:the\s+)?", "", text, flags=re.IGNORECASE)
    value = clean_title(text)
    return "" if UNKNOWN_IMPRINT.match(value) else value  # `د.م.، د.ت.`: no place, no date, no container


def clean_plain(text: str) -> str:
    return " ".join(rejoin_hyphens(text).split()).strip(_EDGE)


def clean_archive(text: str) -> str:
    """An archive's name keeps its bracketed abbreviation: `Public Records Office (PRO)`."""
    return re.sub(r"\s+", " ", text).strip(" ,;:.،؛")


def clean_note(text: str) -> str:
    """A note left holding only an access cue (`Available at:`) carries nothing."""
    value = clean_plain(text)
    return "" if ACCESS_CUE.fullmatch(value) else value


# "Available at", misspelled as pasted lists have it (Avalaible, Availble, Avaliable …), and its
# Spanish, Portuguese, French, Italian and German forms (whole phrases: `disponible` alone is a word)
ACCESS_CUE = re.compile(r"\b(?:(?:av[a-z]{3,7}b(?:le|el)|retrieved|accessed)\b(?:\s+(?:at|from|on))?|"
                        r"(?:retirado|recuperado|obtenido)\s+de|disponível\s+em|disponible\s+(?:en|sur|à)|"
                        r"disponibile\s+su|abgerufen\s+(?:am|von|unter)|verfügbar\s+unter|consulté\s+le|"
                        r"(?:متاح|متوفر)\s+(?:على|في)|(?:قابل\s+)?دسترسی\s+(?:در|از)|بازیابی\s+(?:شده\s+)?از|برگرفته\s+از)\b\s*:?",
                        re.IGNORECASE)

# `(In Persian)`, `[in Arabic]`, `(به فارسی)`: the language a work is written in, said beside it
_REMARKED_LANGUAGES = {"persian": "fa", "farsi": "fa", "فارسی": "fa", "الفارسية": "fa", "arabic": "ar", "عربی": "ar",
                       "العربية": "ar", "turkish": "tr", "ottoman turkish": "ota", "ottoman": "ota", "urdu": "ur",
                       "hebrew": "he", "russian": "ru", "french": "fr", "german": "de", "english": "en"}
_LANGUAGE_NAMES = "|".join(name.replace(" ", r"\s+") for name in sorted(_REMARKED_LANGUAGES, key=len, reverse=True))
LANGUAGE_REMARK = re.compile(rf"[(\[]\s*(?:in\s+|به\s+|ب)(?P<language>{_LANGUAGE_NAMES})\s*[)\]]\.?", re.IGNORECASE)


def remarked_language(text: str) -> str | None:
    """The language tag a remark like `(In Persian)` in `text` names, or None."""
    found = LANGUAGE_REMARK.search(text)
    return _REMARKED_LANGUAGES[" ".join(found.group("language").casefold().split())] if found else None


_UNKNOWN_PUBLISHER = re.compile(r"^(?:n\.\s?p\.?|s\.\s?n\.?|بی[\u200c ]?نا|د\.\s?ن\.?|بدون ناشر)$", re.IGNORECASE)


# no place or no publisher: `n.p.`, `s.n.`, `بی‌نا`, `د.ن.`, and `بی‌جا`, `د.م.` (no place)
UNKNOWN_IMPRINT = re.compile(rf"{_UNKNOWN_PUBLISHER.pattern}|^(?:بی[\u200c ]?جا|د\.\s?م\.?)$", re.IGNORECASE)


def clean_imprint(text: str) -> str:
    """A publisher's or a place's name; nothing for a mark of no place or no publisher, which
    either may be read as (`بی‌جا، بی‌تا`: no place, no date)."""
    value = clean_plain(text)
    return "" if UNKNOWN_IMPRINT.match(value) else value


def clean_url(text: str) -> str:
    cue = ACCESS_CUE.search(text)
    text = text[cue.end():].strip() if cue else text.strip()
    match = re.search(r"(?:https?://|www\.)\S+", text)
    url = match.group() if match else text.split()[0] if text.split() else ""
    return url.rstrip(".,;:)]>»")


def clean_doi(text: str) -> str:
    match = re.search(r"10\.\d{4,9}/\S+", text)
    return match.group().rstrip(".,;:)]") if match else ""


def clean_isbn(text: str) -> str:
    match = re.search(r"[\dXx][\d\-– Xx]{8,16}[\dXx]", text.translate(ASCII_DIGITS))
    return match.group().replace(" ", "") if match else ""


# ordinal words an edition or volume is numbered by (`چاپ دوم`, `دورهٔ سوم`, `second edition`)
_ORDINALS = {"دوم": "2", "سوم": "3", "چهارم": "4", "پنجم": "5", "ششم": "6", "هفتم": "7", "هشتم": "8",
             "نهم": "9", "دهم": "10", "اول": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5",
             "sixth": "6", "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10", "first": "1",
             "الثانية": "2", "الثالثة": "3", "الرابعة": "4", "الخامسة": "5", "السادسة": "6", "السابعة": "7",
             "الثامنة": "8", "التاسعة": "9", "العاشرة": "10", "الأولى": "1",
             "الثاني": "2", "الثالث": "3", "الرابع": "4", "الخامس": "5", "السادس": "6", "السابع": "7",
             "الثامن": "8", "التاسع": "9", "العاشر": "10", "الأول": "1"}
_ORDINAL_WORD = rf"(?<![\w-])({'|'.join(sorted(_ORDINALS, key=len, reverse=True))})(?!\w)"  # whole: not دهم in دوازدهم


# a segment that is nothing but an edition (`ط15`, `چاپ دوم`, `2nd ed.`) or a volume (`ج1`, `جلد دوم`, `Vol. XII`)
ROMAN_NUMERAL = r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"  # upper case where no flag says otherwise: `IV`, not `civ`
_NUMBERED = rf"(?:\s*\.)?\s*(?:\d+|{_ORDINAL_WORD}|(?-i:{ROMAN_NUMERAL}))\W*"
EDITION_ONLY = re.compile(rf"\W*(?:(?:ط|چ|چاپ|الطبعة|طبعة|ed\.?|edition){_NUMBERED}|\d+(?:st|nd|rd|th)\s+ed(?:ition)?\W*)",
                          re.IGNORECASE)
VOLUME_CUE = r"(?:ج|جلد|مج|المجلد|الجزء|الكتاب|vol\.?|volume|tome|bd\.|band|teil)"  # الكتاب الأول: book one of a work
VOLUME_ONLY = re.compile(rf"\W*{VOLUME_CUE}{_NUMBERED}", re.IGNORECASE)
# a volume closing a title or names after a comma (`…، الكتاب الأول`, `…, Vol. 2`), nothing after it
VOLUME_TAIL = re.compile(rf"(?<=[،,])\s*{VOLUME_CUE}{_NUMBERED}$", re.IGNORECASE)


def clean_edition(text: str) -> str:
    text = clean_plain(text.translate(ASCII_DIGITS))
    if ordinal := re.search(_ORDINAL_WORD, text.casefold()):
        return _ORDINALS[ordinal.group(1)]
    match = re.search(r"\d+", text)
    return match.group() if match else text


# ----------------------------------------------------------------------------- numbers
PAGE_CUE = r"(?:pp?|pages?|ss?|с|ص|صص|صفحه)"  # `pp.`, German `S.`, Russian `с.`, `صص`
PAGE_COUNT = re.compile(rf"\W*(\d+)\s*{PAGE_CUE}\.?\W*", re.IGNORECASE)  # `561 p.`: the length, not a range


def normalize_pages(ref: Reference, fields: Fields) -> None:
    segs = fields.get("pages")
    if not segs or "page" in ref.text:
        return
    text, span = _joined(segs)
    text = _numerals(text)
    if total := PAGE_COUNT.fullmatch(text):
        _set(ref, "number-of-pages", total.group(1), "pages", span, segs)
        return
    if listed := _PAGE_RANGES.search(text):  # `81-131, 208-241`: every range of the list
        value = ", ".join(_page_range(*m.groups()) for m in _PAGE_RANGE.finditer(listed.group()))
    else:
        single = re.search(r"[A-Za-z]{0,3}\d+", text)
        value = single.group() if single else ""
    if value:
        _set(ref, "page", value, "pages", span, segs)


PAGE = r"[A-Za-z]{0,3}\d+"  # 142, S2, EL342
PAGES = rf"{PAGE}(?:\s*[{DASHES}]\s*{PAGE})?"  # a page or a range: 142, 142–146, EL342-EL346
_PAGE_RANGE = re.compile(rf"({PAGE})\s*(?:[{DASHES}]+|تا|\?)\s*({PAGE})")  # `451?454`: a dash lost
_PAGE_RANGES = re.compile(rf"{_PAGE_RANGE.pattern}(?:,\s*{_PAGE_RANGE.pattern})*")


def _page_range(first: str, last: str) -> str:
    """`142-46` -> `142–146`: an abbreviated last page takes the first page's leading digits."""
    if last.isdigit() and first.isdigit() and len(last) < len(first) and int(last) < int(first[-len(last):]) + 10 ** len(last):
        last = first[: len(first) - len(last)] + last
    return f"{first}–{last}"


_EZAFE = "[\u0654\u200c\u06cc]*"  # دورهٔ, شماره‌ی
_NOT_IN_WORD = r"(?<![^\W\d_])"  # a cue is a word of its own: not `ش` in `بخش ۱`, `no` in `Piano 3`, `v.` in `Rev. 3`
# a book's volume cues (VOLUME_CUE) and a journal's: its volume or year (دورهٔ, سال, السنة)
_JOURNAL_VOLUME_CUE = rf"(?:{VOLUME_CUE}|v\.|دوره{_EZAFE}|year|سال|س|السنة)"
# after a volume cue, a whole Roman numeral in either case (`Vol. XII`, `vol. iv`), never the
# empty match ROMAN_NUMERAL allows (`Vol. Ideas`)
_ROMAN_AFTER_CUE = rf"(?<!\w)(?i:{ROMAN_NUMERAL})(?<=[IVXLCivxlc])(?!\w)"
_VOLUME = re.compile(rf"{_NOT_IN_WORD}{_JOURNAL_VOLUME_CUE}\s*:?\s*(\d+|{_ROMAN_AFTER_CUE})", re.IGNORECASE)
_VOLUME_ORDINAL = re.compile(rf"{_NOT_IN_WORD}{_JOURNAL_VOLUME_CUE}\s+{_ORDINAL_WORD}", re.IGNORECASE)
# an issue, or two issued together (`No. 26-27`, `شمارهٔ ۲۶ و ۲۷`); a Persian journal's running
# issue number (`پیاپی ۶۶`) when no other is given (the first cue found wins)
_ISSUE = re.compile(rf"{_NOT_IN_WORD}(?:no\.?|nos\.?|n[°º.]|number|issue|iss\.?|heft|h\.|fasc\.?|fascicle|شماره{_EZAFE}|ش|پیاپی|العدد|عدد|ع)\s*:?\s*"
                    rf"(\d+(?:\s*(?:[{DASHES}]|و|and|&)\s*\d+)?)(?!\d)", re.IGNORECASE)


def normalize_volume(ref: Reference, fields: Fields) -> None:
    """`11(1)`, `Vol. 25, No. 2`, `(19)`, `دوره ۳، شماره ۲`, `Year 34, No. 10074`, `25:3`,
    `6(5):801–820`, `7,91-99` and Vancouver `1992;27(3):45-9` (pages inside the volume span)."""
    segs = fields.get("volume")
    if not segs:
        return
    text, span = _joined(segs)
    text = _numerals(text)
    if m := re.fullmatch(rf"\W*(\d+)\s*(?:{VOLUME_CUE}|vols|volumes|أجزاء|اجزاء)\.?\W*", text, re.IGNORECASE):
        _set(ref, "number-of-volumes", m.group(1), "volume", span, segs)  # "2 vols.", "۳ ج."
        return
    vancouver = re.match(r"^\W*((?:1[5-9]|20)\d\d)\s*;\s*", text)  # Vancouver year;volume(issue):pages
    if vancouver:
        text = text[vancouver.end():]
        if "issued" not in ref.dates:
            _set(ref, "issued", Date(parts=[[int(vancouver.group(1))]]), "volume", span, segs)
    if "pages" not in fields and (m := re.search(rf"(?::\s*|(?<=\d),\s*(?=\d+\s*[{DASHES}]))"  # `6(5):801`, `7,91-99`
                                                 rf"([A-Za-z]?\d+(?:\s*[{DASHES}]+\s*[A-Za-z]?\d+)?)\W*$", text)):
        fields["pages"] = [Segment(m.group(1), span[0], span[1], segs[0].confidence)]
        text = text[: m.start()]
    if "pages" not in fields and (m := re.search(r"(?:no\.?|n[°º]|شماره|العدد)\s*\d+\s*[,،]\s*(\d+)\W*$", text, re.IGNORECASE)):
        fields["pages"] = [Segment(m.group(1), span[0], span[1], segs[0].confidence)]  # No. 2, 28
        text = text[: m.start(1)]
    volume, issue = _volume_issue(text)
    if volume:
        _set(ref, "volume", volume, "volume", span, segs)
    if issue:
        _set(ref, "issue", issue, "volume", span, segs)


_LEADING_VOLUME = re.compile(r"\W*(\d+|[IVXLC]+)\W*$")  # case-sensitive: `IV`, not `civ`
_BARE_ROMAN = re.compile(rf"\W*(?![CL]\W*$)({ROMAN_NUMERAL})\W*")  # not a lone C or L


_ISSUE_DASH = re.compile(rf"(?<=\d)\s*[{DASHES}]\s*(?=\d)")  # issue ranges written with a hyphen: 3-4


def _volume_issue(text: str) -> tuple[str | None, str | None]:
    if m := re.fullmatch(rf"\W*(\d+)\s*/\s*(\d+(?:\s*[{DASHES}]\s*\d+)?)\W*", text):  # 44/2-3, 18/3-4
        return m.group(1), _ISSUE_DASH.sub("-", m.group(2))
    if m := re.search(rf"(\d+|(?-i:{ROMAN_NUMERAL}))\s*\(\s*(?:no\.?\s*)?(\d+(?:[{DASHES}/]\d+)?|[A-Za-z]+|[A-Z]-?\d+|\d+[A-Z])\s*\)",
                      text, re.IGNORECASE):  # 11(1), 3(4-5), 3(4—5), 40(c), 14(S-10), 103(2A)
        return m.group(1), _ISSUE_DASH.sub("-", m.group(2))
    if m := re.fullmatch(r"\W*(\d+)\s*[:.]\s*(\d+)\W*", text):
        return m.group(1), m.group(2)
    volume = issue = None
    if m := _VOLUME.search(text):
        volume = m.group(1)
    elif m := _VOLUME_ORDINAL.search(text):
        volume = _ORDINALS.get(m.group(1).casefold())  # دورهٔ دوم: the second volume (`FİRST` casefolds apart)
    if m := _ISSUE.search(text):
        issue = "-".join(re.findall(r"\d+", m.group(1)))
        if volume is None and (lead := _LEADING_VOLUME.match(text[: m.start()])):
            volume = lead.group(1)  # `93, no. 4`, `XLI, No. 3`
    if volume is None and issue is None and (roman := _BARE_ROMAN.fullmatch(text)):
        return roman.group(1), None  # `XLI`, `IX (`: a Roman volume standing alone
    if volume is None and issue is None:
        bare = re.search(r"\d+", text)
        if bare and re.match(r"^\W*\(", text):
            issue = bare.group()
        elif bare:
            volume = bare.group()
            rest = re.search(r"\d+", text[bare.end():])
            if rest and re.match(r"^\s*[,/]\s*", text[bare.end():]):
                issue = rest.group()
    return volume, issue


_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+")


def find_identifiers(ref: Reference, fields: Fields) -> None:
    """A DOI or URL anywhere in the string is unambiguous, whatever label its tokens got."""
    source = ref.source or ""
    if "DOI" not in ref.text and (m := _DOI.search(source)):
        ref.set("DOI", m.group(1).rstrip(".,;:)]"), step="normalize.identifiers", span=m.span(1))
    if "URL" not in ref.text and (m := _URL.search(source)):
        url = m.group().rstrip(".,;:)]>")
        if "doi.org/" not in url or "DOI" not in ref.text:
            ref.set("URL", url, step="normalize.identifiers", span=m.span())


# ----------------------------------------------------------------------------- dates
_MONTH_NAMES = {name[:3]: number for name, number in MONTHS.items()}  # English stems: `Sept.`, `Decemb.`
# what may follow a stem: the rest of a month's name cut anywhere (`Sept`, `Decemb`), not any letters (`Decline`)
_MONTH_TAILS = sorted({name[3:end] for name in MONTHS for end in range(4, len(name) + 1)}, key=len, reverse=True)
MONTH_STEM = rf"({'|'.join(_MONTH_NAMES)})(?:{'|'.join(_MONTH_TAILS)})?\.?"  # an English month however cut
_MONTH_WORD = re.compile(rf"\b{MONTH_STEM}\b", re.IGNORECASE)
_SEASONS = {"spring": 1, "summer": 2, "fall": 3, "autumn": 3, "winter": 4, "بهار": 1, "تابستان": 2,
            "پاییز": 3, "پائیز": 3, "زمستان": 4}
NO_DATE = re.compile(r"n\.\s?d\.?|بی[\u200c ]?تا|د\.\s?ت\.?|بدون تاریخ", re.IGNORECASE)


def parse_date(text: str, lang: str | None = None) -> Date | None:
    """`read_date`, with a date no calendar can convert (`9911 هـ.ق`, a typo) kept as written.
    A new Date each call (callers complete it), read once per distinct text: `(2001).` comes
    back in reference after reference."""
    date = _parse_date_once(text, lang)
    return replace(date, parts=[list(part) for part in date.parts]) if date else None


@lru_cache(maxsize=1 << 14)
def _parse_date_once(text: str, lang: str | None) -> Date | None:
    try:
        return read_date(text, lang)
    except InputError:
        return Date(literal=text.strip(_EDGE), raw=text.strip(_EDGE))


def read_date(text: str, lang: str | None = None) -> Date | None:
    """Every date shape in the seeds: `(1959, November 28)`, `(24 Sept 1958)`, `(July 1958)`,
    `1958–1963`, `Fall 2010`, Solar/Lunar Hijri years (converted, the original kept; `lang` is
    the reference's language, which decides what a bare 13xx is), `1351/1972` and
    `1397هـ/1977م` (the printed Gregorian year wins, the Hijri one is kept as written)."""
    clean = text.translate(ASCII_DIGITS)
    if NO_DATE.search(text) and not re.search(r"\d{3,4}", clean):
        return Date(literal="n.d.", raw=text.strip(_EDGE))
    paired = _hijri_gregorian_pair(text, lang)
    if paired:
        return paired
    found = find_calendar_year(text, lang)
    base = Date(parts=[[found.gregorian]], raw=found.text, calendar=found.calendar) if found else None
    season = next((n for name, n in _SEASONS.items() if name in clean.casefold()), None)
    if base is None:
        return Date(season=season) if season else None
    if base.calendar != "gregorian" or _script_month(clean, "gregorian"):
        return _with_script_month(base, found.year, clean, text.strip(_EDGE))
    year = base.parts[0][0]
    raw = text.strip(_EDGE)
    date = Date(parts=[[year]], raw=raw if raw != str(year) else None)
    if m := re.search(r"\b(1[5-9]\d\d|20\d\d)\s*[-–—/]\s*(1[5-9]\d\d|20\d\d|\d\d)\b", clean):
        end = m.group(2)
        end_year = int(end) if len(end) == 4 else int(str(year)[:2] + end)
        if end_year > year:
            date.parts.append([end_year])
            return date
    month = _MONTH_NAMES[found.group(1).casefold()] if (found := _MONTH_WORD.search(clean)) else european_month(clean)
    if month:
        date.parts[0].append(month)
        day = re.search(r"(?<![\d])([0-3]?\d)(?:st|nd|rd|th)?(?![\d])", re.sub(r"\b\d{4}\b", "", clean))
        if day and 1 <= int(day.group(1)) <= 31:
            date.parts[0].append(int(day.group(1)))
    if season and not month:
        date.season = season
    if re.search(r"\bc(?:a|irca)?\.\s*\d", clean):
        date.circa = True
    return date


@cache
def _months() -> dict[str, dict[str, int]]:
    raw = json.loads(resources.files("bibkit.parse.data").joinpath("months.json").read_text("utf-8"))
    return {k: v for k, v in raw.items() if isinstance(v, dict)}


def month_and_season_names() -> list[str]:
    """Every month or season name a date may hold, in each calendar and language bibkit reads
    (`sept`, `آبان`, `ربيع الأول`, `décembre`, `fall`, `پاییز`)."""
    return [*MONTHS, *(name for names in _months().values() for name in names), *_SEASONS]


@cache
def _month_pattern(calendar: str) -> re.Pattern[str]:
    names = sorted(_months().get(calendar, {}), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)")


def european_month(text: str) -> int | None:
    """A month named in full in a European language (`décembre`, `Oktober`, `maggio`)."""
    match = _month_pattern("european").search(text.casefold())
    return _months()["european"][match.group(1)] if match else None


def _script_month(text: str, calendar: str) -> int | None:
    """A month named in Persian or Arabic (`آبان`, `تموز`, `رمضان`) for `calendar`."""
    if not has_arabic(text):
        return None
    match = _month_pattern(calendar).search(text)
    return _months()[calendar][match.group(1)] if match else None


_DAY = re.compile(r"(?<!\d)([0-3]?\d)(?!\d)")


def _with_script_month(base: Date, year: int, clean: str, written: str) -> Date:
    """`۲۵ آبان ۱۳۹۸` -> 2019-11-16 (the Solar Hijri date converted whole, the original kept);
    `year` is the year as counted in `base.calendar` (`رمضان 850 هـ`: three digits)."""
    months_of = "solar-hijri" if base.calendar == "persian-imperial" else base.calendar  # the same months
    month = _script_month(clean, months_of) or romanized_month(clean, months_of)
    if not month:
        return base
    day = _DAY.search(clean)  # one or two digits alone: never the year
    if base.calendar == "gregorian":
        parts = [base.parts[0][0], month] + ([int(day.group(1))] if day else [])
        return Date(parts=[parts], raw=written)
    try:
        g = to_gregorian(base.calendar, year, month, int(day.group(1)) if day else None)
    except ValueError:
        return base
    parts = [g.year, g.month] + ([g.day] if day else [])
    return Date(parts=[parts], raw=written, calendar=base.calendar)


def _years(text: str, lang: str | None) -> list:
    """Years in each `/`- or bracket-separated piece (`1351/1972`, `1361 [1982]`)."""
    return [y for piece in re.split(r"[/\[\]()]", text) for y in find_calendar_years(piece, lang)]


def _hijri_gregorian_pair(text: str, lang: str | None) -> Date | None:
    if len(re.findall(r"\d{3,4}", text.translate(ASCII_DIGITS))) < 2:
        return None  # one year: nothing to pair (and the common case, so kept cheap)
    years = _years(text, lang)
    if len(years) < 2:
        return None
    for context in (lang, "fa", "ar"):
        readings = years if context == lang else _years(text, context)
        for h in (y for y in readings if y.calendar != "gregorian"):
            for g in (y for y in years if y.calendar == "gregorian" and y.year != h.year):
                if abs(g.year - h.gregorian) <= 1:
                    return Date(parts=[[g.year]], raw=h.text, calendar=h.calendar)
    return None


def reference_language(ref: Reference) -> str | None:
    """The language of the reference string as a whole (`fa`, `ar`), which decides bare years;
    only Arabic-script text (and romanized Persian/Arabic) can make a bare 13xx Hijri."""
    source = ref.source or ""
    if not has_arabic(source) and not re.search(r"[āīūḥṣḍṭẓʿʾ]|-(?:e|ye|i|yi)\b", source):
        return None
    tag = language_of(source)
    return tag.split("-", 1)[0] if tag and tag.split("-", 1)[0] in ("fa", "ar") else None


# A run of exactly four digits, as `find_calendar_years` reads a bare year (in its digits).
_FOUR_DIGITS = re.compile(r"(?<![0-9\u06F0-\u06F9\u0660-\u0669])[0-9\u06F0-\u06F9\u0660-\u0669]{4}"
                          r"(?![0-9\u06F0-\u06F9\u0660-\u0669])")


def _may_be_hijri(text: str) -> bool:
    """Whether `text` holds a four-digit number that a language could make a Hijri year (a
    bare year the context dates). Without one, every language reads the date alike, and
    working out the reference's language is wasted. Tatweel and ZWJ go first, as in `find_calendar_years`."""
    digits = text.replace("\u0640", "").replace("\u200d", "")
    return any(context_dated(int(m.group())) for m in _FOUR_DIGITS.finditer(digits))


def normalize_date(ref: Reference, fields: Fields) -> None:
    segs = fields.get("date")
    if not segs:
        return
    lang = reference_language(ref) if any(_may_be_hijri(seg.text) for seg in segs) else None
    dates = [(seg, parse_date(seg.text, lang)) for seg in segs]
    found = [(seg, d) for seg, d in dates if d and d.parts]
    if not found:
        found = [(seg, d) for seg, d in dates if d]
    if not found:
        return
    seg, date = found[0]  # the first dated segment wins; a later one (a reprint) stays in the source
    if date.season is None:  # `Fall` labelled apart from `(2010)`
        date.season = next((d.season for _, d in dates if d and d.season), None)
    _set(ref, "issued", date, "date", (seg.start, seg.end), [seg])


# ----------------------------------------------------------------------------- pipeline
NORMALIZERS: list[Callable[[Reference, Fields], None]] = [
    _field("author", "author", split_names, "names"),
    _field("editor", "editor", split_names, "names"),
    _field("translator", "translator", split_names, "names"),
    normalize_title,
    _field("journal", "container-title", clean_container),
    _field("container-title", "container-title", clean_container),
    normalize_collection,
    _field("publisher", "publisher", clean_imprint),
    _field("location", "publisher-place", clean_imprint),
    _field("edition", "edition", clean_edition),
    _field("genre", "genre", clean_plain),
    _field("url", "URL", clean_url),
    _field("doi", "DOI", clean_doi),
    _field("isbn", "ISBN", clean_isbn),
    _field("archive", "archive", clean_archive),
    _field("archive_location", "archive_location", clean_plain),
    _field("note", "note", clean_note),
    normalize_date,
    normalize_volume,
    normalize_pages,
    find_identifiers,
]
