"""Repairs of labelled segments before the field normalizers run: each fixes one way a
messy list misleads a token labeller, by moving text between labels (never dropping it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import pairwise

from bibkit.errors import InputError
from bibkit.formats.dates import MONTHS, month_number
from bibkit.model import Reference
from bibkit.namesplit import is_suffix
from bibkit.parse.lexicons import is_place, phrase_tags, tags_for
from bibkit.parse.names import (
    BRACKETED_ROLE,
    EDITOR_SCRIPT_CUES,
    NAME_OPENERS,
    ROLE_CUES,
    TASKS_AFTER_CUE,
    TASKS_BEFORE_EDITING,
    TITLE_OPENING_CUE,
    TRANSLATOR_SCRIPT_CUES,
    clean_name_list,
)
from bibkit.parse.normalizers import (
    ACCESS_CUE,
    EDITION_ONLY,
    LANGUAGE_REMARK,
    MONTH_STEM,
    NO_DATE,
    PAGE_COUNT,
    PAGE_CUE,
    PAGES,
    ROMAN_NUMERAL,
    SERIES_NUMBER_CUE,
    UNKNOWN_IMPRINT,
    VOLUME_CUE,
    VOLUME_ONLY,
    VOLUME_TAIL,
    Fields,
    Segment,
    european_month,
)
from bibkit.parse.tokens import DASHES
from bibkit.text.calendars import find_calendar_year, find_calendar_years
from bibkit.text.script import ARABIC_LETTER

_CLOSING_QUOTE = re.compile(r"[”\"»](?=\s*[,.]?\s+\S)")
_SEASON = re.compile(r"[,;]?\s*\b(spring|summer|fall|autumn|winter|بهار|تابستان|پاییز|زمستان)\b\.?$", re.IGNORECASE)
_ROMAN_VOLUME = re.compile(rf",\s*{ROMAN_NUMERAL}\s*\(?$")
REPEATED_AUTHOR = re.compile(rf"^\s*(?:\[?\d+[.\]]?\s+)?[{DASHES}\u2e3a\u2e3b_]{{2,}}\s*[.,]?")  # `———.`: the entry above's authors
_NAME_TAIL = re.compile(r"^(?:(?:and|&)\s+(?=others\b))?([a-z]+)\.\s+")  # `von. Projection …`: a name particle or `others` (see name_tail_opens_title)
_IN_WORDS = ("in", "dans", "en", "im")  # a container's cue: `In`, French `Dans`, Spanish `En`, German `Im`
_IN = re.compile(rf"^\W*(?:{'|'.join(_IN_WORDS)})\b", re.IGNORECASE)
_BRACKETED_PAGES = re.compile(rf"\s*\((?:pp?\.\s*)?(\d+\s*[{DASHES}]\s*\d+)\)\W*$")
_ROLE_IN_PROSE = re.compile(rf"(?:^|[,.،]\s*)(?:(?P<editor>Edited by|(?-i:Eds?\.)|{EDITOR_SCRIPT_CUES})|"
                            rf"(?P<translator>Translated by|(?-i:Trans\.)|(?:{TRANSLATOR_SCRIPT_CUES}){TASKS_AFTER_CUE}))\s+(?P<names>.+)$",
                            re.IGNORECASE)
_GIVEN_FIRST = r"(?:[A-Z][\w'’.-]*\s){1,3}[A-Z][\w'’-]+"  # `Yee Whye Teh`, `Paul MB Vitányi`
_NAME_LIST_HEAD = re.compile(rf"^(?!(?:The|An?|On|In)\s){_GIVEN_FIRST}(?P<more>(?:,\s(?:and\s)?|,?\s(?:and|&)\s){_GIVEN_FIRST})*\.\s+(?=\S+\s+\S)")
_GIVEN_FIRST_LIST = re.compile(r"^\W*[A-Z][\w'’.-]*\s+[A-Z]")  # `Frank Wood, …`, not `Wood, Frank, …`
_NEWSPAPER_WORD = re.compile(r"\b(?:newspaper|gazette)\b|روزنامه|جريدة|صحيفة", re.IGNORECASE)


def _move(fields: Fields, label: str, segment: Segment) -> None:
    fields.setdefault(label, []).append(segment)
    fields[label].sort(key=lambda s: s.start)


_SENTENCE_STOP = re.compile(r"[.!?؟]\s")
_QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"'}  # not ‘ ’: the closing one is also an apostrophe (O’Shea)
_OPENING_QUOTE = re.compile(rf"\s*([{''.join(_QUOTE_PAIRS)}])")


def quoted_title_runs_to_its_quote(ref: Reference, fields: Fields) -> None:
    """`«بررسی … حضرت خدیجه (س) | در کلام رسول خدا (ص) | و روایات».`: a title opened by a
    quotation mark runs to its closing mark, over whatever the labeller cut out of it (an
    honorific in brackets, a word it took for a cue); what follows the mark keeps its label."""
    source = ref.source or ""
    for seg in fields.get("title", []):
        opening = _OPENING_QUOTE.match(seg.text)
        if not opening or _QUOTE_PAIRS[opening.group(1)] in seg.text[opening.end():]:
            continue
        mark = opening.group(1)
        close = source.find(_QUOTE_PAIRS[mark], seg.end)
        if close < 0 or (mark != '"' and mark in source[seg.end:close]) or _SENTENCE_STOP.search(source, seg.end - 1, close):
            return  # never closed, another quotation opens first, or the quotes hold two sentences (`“Title. Book.”`)
        end = close + 1
        inside = [(label, other) for label, other in _ordered(fields) if seg.end <= other.start < end]
        if not inside or any(label in ("url", "doi", "date") for label, _ in inside):
            return
        for label, other in inside:
            _replace(fields, label, other, _trimmed(source, end, other.end, other.confidence))
        _replace(fields, "title", seg, Segment(source[seg.start:end], seg.start, end,
                                                min([seg.confidence, *(other.confidence for _, other in inside)])))
        return


def split_quoted_title(ref: Reference, fields: Fields) -> None:
    """`“The Troubled Relationship”, Iran, Iraq, and the Legacies of War` labelled as one title:
    a quoted title ends at its closing quote; what follows is the container."""
    titles = fields.get("title") or []
    if len(titles) != 1 or fields.get("container-title") or fields.get("journal"):
        return
    seg = titles[0]
    if not re.match(r"^\s*[“\"«]", seg.text):
        return
    match = _CLOSING_QUOTE.search(seg.text, 1)
    if not match:
        return
    cut = match.end()
    rest = seg.text[cut:]
    offset = cut + len(rest) - len(rest.lstrip(" ,."))
    if len(rest.strip(" ,.")) < 3:
        return
    fields["title"] = [Segment(seg.text[:cut], seg.start, seg.start + cut, seg.confidence)]
    _move(fields, "container-title", Segment(seg.text[offset:], seg.start + offset, seg.end, seg.confidence))


def access_cue_before_url(ref: Reference, fields: Fields) -> None:
    """`15th Conference on Computational Statistics. Retirado de | http://…`: the access phrase
    closing the field before a URL, or labelled alone, belongs to the URL (cleaning the URL
    drops it)."""
    source = ref.source or ""
    for label, seg, _, url in _adjacent(fields, tuple(set(fields) - {"url", "note"}), ("url",)):
        cue = next((m for m in ACCESS_CUE.finditer(seg.text) if not seg.text[m.end():].strip(" .,;:")), None)
        if cue:
            cut, start = seg.start + len(seg.text[:cue.start()].rstrip()), seg.start + cue.start()
            _replace(fields, label, seg, Segment(source[seg.start:cut], seg.start, cut, seg.confidence)
                     if cut > seg.start else None)  # a segment that was only the phrase goes
            _replace(fields, "url", url, Segment(source[start:url.end], start, url.end, url.confidence))
            return


def title_from_note(ref: Reference, fields: Fields) -> None:
    """No title, but a note like `Intervention in Iraq, 1958-1959, Available at`: the text
    before the access phrase is the title."""
    if fields.get("title") or not fields.get("note"):
        return
    seg = fields["note"][0]
    match = ACCESS_CUE.search(seg.text)
    head = seg.text[: match.start()] if match else ""
    if len(head.strip(" ,.;:")) < 4:
        return
    fields["title"] = [Segment(head, seg.start, seg.start + len(head), seg.confidence)]
    rest = seg.text[len(head):]
    fields["note"][0] = Segment(rest, seg.start + len(head), seg.end, seg.confidence)


def _tail_to(fields: Fields, labels: tuple[str, ...], tail: re.Pattern[str], target: str) -> None:
    """Cut the text `tail` finds at the end of a segment of `labels` and give it to `target`."""
    for label in labels:
        for i, seg in enumerate(fields.get(label, [])):
            match = tail.search(seg.text.rstrip(" ,."))
            if match and match.start() > 0:
                cut = match.start()
                fields[label][i] = Segment(seg.text[:cut], seg.start, seg.start + cut, seg.confidence)
                _move(fields, target, _trimmed(seg.text, cut, len(seg.text), seg.confidence, " ,;(", offset=seg.start))


def season_from_container(ref: Reference, fields: Fields) -> None:
    """`Journal of Cold War Studies, Fall` — the season belongs to the date."""
    _tail_to(fields, _CONTAINERS, _SEASON, "date")


def volume_from_tail(ref: Reference, fields: Fields) -> None:
    """`Journal of Psychology, XXVII` — a Roman numeral after the journal's comma is its volume;
    `تحقيق عبد السلام هارون، ج1،`, `العراق: …، الكتاب الأول.`, `Collected Works, Vol. 2.` — a
    volume closing an editor's names or the title after a comma is the volume (one with its
    own title after it stays in the title: see volume_title_in_book_title)."""
    if not fields.get("volume"):
        _tail_to(fields, _CONTAINERS, _ROMAN_VOLUME, "volume")
        _tail_to(fields, ("editor", "translator", "title"), VOLUME_TAIL, "volume")


_CONTAINERS = ("journal", "container-title")


_IN_CUE_INSIDE = re.compile(rf"[.,]\s+(?:{'|'.join(w.capitalize() for w in _IN_WORDS)})\s*:?\s+(?=\S)")  # capitalized


def title_before_in_cue(ref: Reference, fields: Fields) -> None:
    """`Probabilités au collège …. Dans Brochure APMEP`: an untitled item whose container
    holds an `In`/`Dans` cue; what stands before the cue is the title."""
    if fields.get("title"):
        return
    for label in ("container-title", "journal"):
        for seg in fields.get(label, []):
            if cue := _IN_CUE_INSIDE.search(seg.text):
                head = cue.start() + 1
                _replace(fields, label, seg, Segment(seg.text[cue.end():], seg.start + cue.end(), seg.end, seg.confidence))
                _move(fields, "title", Segment(seg.text[:head], seg.start, seg.start + head, seg.confidence))
                return


_MONTH_TAIL = re.compile(r"[,;]\s*([^\W\d_]+\.?)\s*$")


def month_from_container(ref: Reference, fields: Fields) -> None:
    """`Santé Mentale, décembre | 2015`, `Foreign Affairs, Dec. | 2015`: a month closing the
    container, before the date's year."""
    for label, seg, _, nxt in _adjacent(fields, ("journal", "container-title"), ("date",)):
        if (tail := _MONTH_TAIL.search(seg.text)) and (month_number(tail.group(1)) or european_month(tail.group(1))):
            _move_boundary(ref, fields, (label, seg), ("date", nxt), seg.start + tail.start(1))
            return


_ISSUE_HEAD = re.compile(rf"\([\w-]{{1,8}}\)(?::\s*{PAGES})?[,;.]?\s*")


def issue_read_as_date(ref: Reference, fields: Fields) -> None:
    """`256 | (1):1–90, 2009.`: a volume's issue (and pages), cut from it where the bracket was
    glued, read as the start of the date; it goes back to the volume when a year follows."""
    for _, seg, _, nxt in _adjacent(fields, ("volume",), ("date",)):
        head = _ISSUE_HEAD.match(nxt.text)
        if head and nxt.start == seg.end and find_calendar_year(nxt.text[head.end():]):
            _move_boundary(ref, fields, ("volume", seg), ("date", nxt), nxt.start + head.end())
            return


def periodical_as_author(ref: Reference, fields: Fields) -> None:
    """`Ettelaat Newspaper. (1959, November 28). Year 34, No. 10074.` — a periodical where the
    author stands, with no title: it is the container, and the item is an issue of it."""
    authors = fields.get("author") or []
    if len(authors) != 1 or fields.get("title") or fields.get("journal") or fields.get("container-title"):
        return
    text = authors[0].text.strip(" .,")
    words = [w for w in text.split() if not _NEWSPAPER_WORD.search(w)]
    tagged = [("periodical" in a) or ("periodical" in b) for a, b in zip(phrase_tags(words), map(tags_for, words))]
    known = (words and all(tagged)) or _NEWSPAPER_WORD.search(text)
    if known:
        fields["journal"] = fields.pop("author")


def _ordered(fields: Fields) -> list[tuple[str, Segment]]:
    return sorted(((label, seg) for label, segs in fields.items() for seg in segs), key=lambda x: x[1].start)


def _replace(fields: Fields, label: str, old: Segment, new: Segment | None) -> None:
    fields[label] = [new if s is old else s for s in fields[label] if s is not old or new is not None]
    if not fields[label]:
        del fields[label]


def _merge(a: Segment, b: Segment, source: str) -> Segment:
    return Segment(source[a.start:b.end], a.start, b.end, min(a.confidence, b.confidence))


def _trimmed(text: str, start: int, end: int, confidence: float, edge: str = " .,;:،", offset: int = 0) -> Segment | None:
    """`text[start:end]` without `edge` characters at either end, its offsets moved with it
    (plus `offset`, where `text` is a segment's own); None when nothing is left."""
    piece = text[start:end]
    body = piece.strip(edge)
    at = offset + start + len(piece) - len(piece.lstrip(edge))
    return Segment(body, at, at + len(body), confidence) if body else None


def _adjacent(fields: Fields, before: tuple[str, ...], after: tuple[str, ...]
              ) -> Iterator[tuple[str, Segment, str, Segment]]:
    """Neighbouring segments, the first labelled one of `before`, the next one of `after`, in
    source order (nothing to sort when the reference lacks either label)."""
    if any(label in fields for label in before) and any(label in fields for label in after):
        for (label, seg), (nxt_label, nxt) in pairwise(_ordered(fields)):
            if label in before and nxt_label in after:
                yield label, seg, nxt_label, nxt


def _move_boundary(ref: Reference, fields: Fields, first: tuple[str, Segment], second: tuple[str, Segment],
                   at: int) -> None:
    """Two neighbouring segments meet at source offset `at` instead (spaces there dropped)."""
    (label, seg), (nxt_label, nxt) = first, second
    source = ref.source or ""
    left, right = source[seg.start:at].rstrip(), source[at:nxt.end]
    start = nxt.end - len(right.lstrip())
    _replace(fields, label, seg, Segment(left, seg.start, seg.start + len(left), seg.confidence))
    _replace(fields, nxt_label, nxt, Segment(source[start:nxt.end], start, nxt.end, nxt.confidence))


def _absorb(ref: Reference, fields: Fields, keeper: tuple[str, Segment], other: tuple[str, Segment]) -> None:
    """`other`, a neighbour of `keeper`, becomes part of it under `keeper`'s label."""
    (label, seg), (other_label, other_seg) = keeper, other
    first, last = sorted((seg, other_seg), key=lambda s: s.start)
    _replace(fields, other_label, other_seg, None)
    _replace(fields, label, seg, _merge(first, last, ref.source or ""))


# where a subtitle read as the container ends: a full stop after a word (not an initial)
_SUBTITLE_END = re.compile(r"(?<=[^\W\d_]{3})[.!?][,;]?\s+(?=\S)")
_LOWER_RUN = re.compile(r"^(?:[^\W\d_][\w'’-]*[,;]?\s+)(?:[a-z][\w'’-]*[,;]?\s+)*(?=[A-Z])")  # `a randomized trial `


def subtitle_read_as_container(ref: Reference, fields: Fields) -> None:
    """`… Particle Removal: | A Critical Review. Journal AWWA`, `… diabetes: | a randomized
    controlled trial Diabetes Educ.`: a title that ends in a colon was cut before its subtitle,
    which opens the container. The subtitle runs to its full stop, or, written without one, to
    the capital that follows its lower-case words; a container that is all subtitle joins the title."""
    for _, title, label, nxt in _adjacent(fields, ("title",), ("container-title", "journal", "collection-title")):
        if not title.text.rstrip().endswith(":"):
            continue
        text = nxt.text
        run = _LOWER_RUN.match(text) if text[:1].islower() else None
        ends = [m.end() for m in (_SUBTITLE_END.search(text), run) if m]
        if not ends and not text[:1].islower():
            return
        end = min(ends, default=len(text))
        source = ref.source or ""
        cut = nxt.start + len(text[:end].rstrip())
        _replace(fields, "title", title, Segment(source[title.start:cut], title.start, cut, title.confidence))
        rest = nxt.start + end
        _replace(fields, label, nxt, Segment(source[rest:nxt.end], rest, nxt.end, nxt.confidence) if rest < nxt.end else None)
        return


_VOLUME_BEFORE_ITS_TITLE = re.compile(rf"\W*(?i:{VOLUME_CUE}|vols|t\.)\.?\s*(?:\d+|{ROMAN_NUMERAL})\s*:\s*")
_PAGES_START = re.compile(rf"\W*(?:{PAGE_CUE}\b\.?\s*)?\d", re.IGNORECASE)  # `34-56`, `pp. 34`, `(pp. 63-103)`
# the volume's title ends at a sentence stop (also after a number: `spells 1–354.`) or an opening bracket
_VOLUME_TITLE_END = re.compile(rf"{_SUBTITLE_END.pattern}|(?<=\d)[.!?]\s+(?=\S)|\s(?=\()")
_ENDS_VOLUME_TITLE = ("author", "editor", "translator", "date", "url", "doi")
_IN_INSIDE = re.compile(rf"[.,]\s+(?:{'|'.join(_IN_WORDS)})\b:?\s", re.IGNORECASE)


def volume_title_in_book_title(ref: Reference, fields: Fields) -> None:
    """`Of Revelation and Revolution, vol. 2: The Dialectics of Modernity…. Chicago:`, `Coffin
    Texts vol. 1: spells 1–354. Warminster:`: a volume of a book with the volume's own title
    after a colon is one title, as it is printed (AnyStyle labels it so); the labeller had
    made the head a container and the volume's title the work's. The volume's title ends at
    its full stop, an opening bracket (`(pp. 63-103)`), or a name, date, URL or page range
    labelled as such (`…, ed. P. Avery.`), which stay. A journal's `vol. 12: 34–56` is its
    volume and pages (a number or a page cue after the colon); a container after a chapter's
    own title is the book the chapter is in."""
    if fields.get("journal"):
        return
    source = ref.source or ""
    ordered = _ordered(fields)
    for head_label, head, _, volume in _adjacent(fields, ("title", "container-title"), ("volume",)):
        cue = _VOLUME_BEFORE_ITS_TITLE.match(source, volume.start)
        if not cue or cue.end() < volume.end or _PAGES_START.match(source, cue.end()):
            continue
        if head_label == "container-title" and (not (fields.get("publisher") or fields.get("location"))
                                                or any(s.start < head.start for s in fields.get("title", ()))):
            continue
        if _IN_INSIDE.search(head.text):
            continue  # `The Zand dynasty. In The Cambridge History of Iran, vol. 7:` holds a chapter's title
        stop = _VOLUME_TITLE_END.search(source, cue.end())
        ends = [stop.start() + 1 if stop and source[stop.start()] in ".!?" else stop.start() if stop else len(source)]
        ends += [seg.start for label, seg in ordered if seg.start >= cue.end() and (
            label in _ENDS_VOLUME_TITLE or label == "pages" and _PAGES_START.match(seg.text))]
        end = head.start + len(source[head.start:min(ends)].rstrip(" ,;:"))
        for label, seg in ordered:
            if seg.end > head.start and seg.start < end:
                rest = seg.end - len(source[end:seg.end].lstrip(" .,;:")) if seg.end > end else seg.end
                _replace(fields, label, seg, Segment(source[rest:seg.end], rest, seg.end, seg.confidence)
                         if rest < seg.end else None)
        _move(fields, "title", Segment(source[head.start:end], head.start, end, head.confidence))
        return


# a full stop (or, in a container holding a title, a comma) after a word, before a capitalized name
_BEFORE_NAME = r"(?<=[^\W\d_]{{3}}){}\s+(?=(?:<\w+>)?[A-Z])"
_STOP_BEFORE_NAME, _COMMA_BEFORE_NAME = re.compile(_BEFORE_NAME.format(r"\.")), re.compile(_BEFORE_NAME.format(","))


def periodical_glued_to_title(ref: Reference, fields: Fields) -> None:
    """`… of synaptopathies. Trends in cell biology, 2011. 21(10)` read as one title, and
    `Towards advanced optical music recognition, Advanced Imaging 54-7` as one container:
    a reference with a volume or pages but only one of title and periodical holds both, cut
    at its last full stop before a capital (the container's last comma). A title with a
    publisher is a book's (`Rôles infirmiers. Encadrement des professionnels`): it stays whole."""
    if not (fields.get("volume") or any(not PAGE_COUNT.fullmatch(seg.text)
                                         for seg in fields.get("pages", ()))):
        return  # `298 pp.` is a book's length
    has_title, has_container = bool(fields.get("title")), bool(fields.get("container-title") or fields.get("journal"))
    if has_title == has_container or has_title and fields.get("publisher"):  # a book's title keeps its stops
        return
    label, pattern = ("title", _STOP_BEFORE_NAME) if has_title else ("container-title", _COMMA_BEFORE_NAME)
    if len(fields.get(label, ())) != 1:
        return
    seg = fields[label][0]
    if not (cuts := list(pattern.finditer(seg.text))) or not has_title and "," in seg.text[cuts[-1].end():]:
        return  # a container is cut only at its last comma
    cut = cuts[-1]
    source = ref.source or ""
    head_end, tail_start = seg.start + cut.start() + (1 if has_title else 0), seg.start + cut.end()
    _replace(fields, label, seg, None)
    _move(fields, "title", Segment(source[seg.start:head_end], seg.start, head_end, seg.confidence))
    _move(fields, "container-title", Segment(source[tail_start:seg.end], tail_start, seg.end, seg.confidence))


_CLOSED = re.compile(r"[.,;:”\"»)]\s*$")  # a segment ending in closing punctuation


def title_runs_on(ref: Reference, fields: Fields) -> None:
    """`The 14 July 1958 Revolution in British Government Files`: a year inside a title, or a
    lowercase `in …` right after it, was labelled as a date or a container; when the title
    has not ended (no closing punctuation) and the reference already has its date, it runs on.
    So does a book's title whose last word was read as a periodical (`تاریخ انقلاب مشروطیت |
    ایران، ج ۲. تهران: علمی`): a reference with an imprint and no pages cites no periodical."""
    source = ref.source or ""
    ordered = _ordered(fields)
    dated = [seg for label, seg in ordered if label == "date"]
    book = bool(fields.get("location") or fields.get("publisher")) and not fields.get("pages")
    i = 0
    while i < len(ordered) - 1:
        label, seg = ordered[i]
        nxt_label, nxt = ordered[i + 1]
        open_title = label == "title" and not _CLOSED.search(seg.text)
        runs_on = (nxt_label == "date" and len(dated) > 1 and nxt is not dated[0]) or (
            nxt_label in ("container-title", "note") and nxt.text[:1].islower()) or (
            nxt_label in ("container-title", "note", "title") and seg.text.rstrip()[-1:].isdigit()) or (
            nxt_label == "journal" and book)
        if open_title and runs_on:
            merged = _merge(seg, nxt, source)
            access = ACCESS_CUE.search(merged.text)
            if access and access.start() > 0:  # `… Revolution Iraq, Avalaible at:` keeps its cue apart
                cut = merged.start + access.start()
                if cut <= seg.end:  # the cue opens the next segment: nothing runs on
                    i += 1
                    continue
                _move(fields, "note", Segment(source[cut:merged.end], cut, merged.end, merged.confidence))
                merged = Segment(source[merged.start:cut], merged.start, cut, merged.confidence)
            _replace(fields, nxt_label, nxt, None)
            _replace(fields, "title", seg, merged)
            if nxt_label == "date":
                dated.remove(nxt)
            ordered = _ordered(fields)
            continue
        i += 1


def slash_joins_titles(ref: Reference, fields: Fields) -> None:
    """`Project Dark Gene / | Project Ibex, …`: a title ending in a slash (or a segment opening
    with one after the title) goes on with what follows, to its first comma. A statement of
    responsibility after the slash (`Khomeinism / Ervand Abrahamian`, `/ trans. X`) is left
    alone: text with a role cue, a given name or an initial is names; a role segment opening
    with a slash that holds none (`/ dark gene.htm`, a broken address) is a note. GOST's `//`
    before a journal (`Халиф и султан // Мир ислама`) is no title's slash."""
    for _, title, label, nxt in _adjacent(fields, ("title",), ("journal", "container-title", "editor", "translator")):
        if title.text.rstrip().endswith("//") or nxt.text.startswith("//") or _CLOSING_QUOTE.search(title.text):
            continue  # `« … » Etudes Canadiennes /`: the quoted title closed before the slash
        slash_ends_title = title.text.rstrip().endswith("/") and label in ("journal", "container-title")
        comma = nxt.text.find(",")
        if not (slash_ends_title or nxt.text.startswith("/")) or _names_in(nxt.text[:comma] if comma >= 0 else nxt.text):
            continue
        if comma < 0 or not nxt.text[comma + 1:].strip():
            _absorb(ref, fields, ("title", title), (label, nxt))
            return
        _move_boundary(ref, fields, ("title", title), (label, nxt), nxt.start + comma + 1)
        rest = next(seg for seg in fields[label] if seg.end == nxt.end)
        if label in ("editor", "translator") and rest.text.startswith("/") and not _names_in(rest.text):
            _replace(fields, label, rest, None)
            _move(fields, "note", rest)
        return


def _names_in(text: str) -> bool:
    """A role cue, a given name or an initial: `text` names people."""
    return bool(ROLE_CUES.search(text)) or any("given" in tags_for(w) or _INITIAL.fullmatch(w) for w in text.split())


_INITIAL = re.compile(r"(?:[A-Z]\.)+")  # `J.`, `A.B.`: not the word `A` or `I`


_ENDS_AFTER_GIVEN_INITIALS = re.compile(r"(?:\band|&)\s+(?:[A-Z][\w'’-]*\s+)?[A-Z]\.(?:\s*[A-Z]\.)*$")


def name_runs_on(ref: Reference, fields: Fields) -> None:
    """`Edited by Lawrence G. Potter and Garry G.` + `Sick, Palgrave`: a name list that stops
    after a given name takes the family name that the next segment starts with."""
    source = ref.source or ""
    ordered = _ordered(fields)
    for (label, seg), (nxt_label, nxt) in pairwise(ordered):
        if label not in ("author", "editor", "translator") or nxt_label in ("author", "editor", "translator"):
            continue
        if not _ENDS_AFTER_GIVEN_INITIALS.search(seg.text.strip()):
            continue
        match = re.match(r"\s*[A-Z][\w'’-]+,?", nxt.text)
        if not match or match.end() >= len(nxt.text.rstrip()):
            continue
        cut = nxt.start + match.end()
        _replace(fields, label, seg, Segment(source[seg.start:cut], seg.start, cut, seg.confidence))
        rest = source[cut:nxt.end]
        offset = len(rest) - len(rest.lstrip())
        _replace(fields, nxt_label, nxt, Segment(rest.lstrip(), cut + offset, nxt.end, nxt.confidence))


_STORAGE_UNIT = r"\d+(?:\.[^\W\d_]+)+\.?"  # after a shelfmark: `7.ó.e.` (őrzési egység)
_SHELFMARK_NUMBER = rf"\d{{1,4}}(?:\.\w+)*/\d+[\w/.-]*(?:\s+{_STORAGE_UNIT})?"  # `288.f.32/1958 7.ó.e.`
_SHELFMARK = re.compile(
    rf"\b(?:[A-Z]{{1,5}}\s)?[A-Z]{{1,5}}(?:-[A-Z]{{1,5}})*\s?{_SHELFMARK_NUMBER}"
    r"|\b[IVXLC]+-[A-Z]-\d+(?:-[a-z])?\b")
_NUMBERS_OF_SHELFMARK = re.compile(_SHELFMARK_NUMBER)


_MONTH = re.compile(rf"\b{MONTH_STEM}\s+\d|\b\d{{1,2}}\s+{MONTH_STEM}|^\s*(?:1[5-9]|20)\d\d\s*$", re.IGNORECASE)


def _ends_with_shelfmark(text: str) -> bool:
    return any(not text[m.end():].strip(" .,;") for m in _SHELFMARK.finditer(text))


def archive_reference(ref: Reference, fields: Fields) -> None:
    """`Public Records Office (PRO), FO371/132545`, `December 18, 1958, Wilson Center Digital
    Archive, MOL M-KS 288.f.32/1958`: a shelfmark marks an archival reference; it is the
    archive location, the name before it the archive, and a date among them the date. A
    location cut short (`MOL` | `M-KS 288.f.32/1958`, `MOL M-KS` | `288.f.32/1958`) takes back
    the shelfmark after it."""
    if fields.get("archive_location"):
        for _, seg, label, nxt in _adjacent(fields, ("archive_location",), ("title", "note", "container-title")):
            lead = len(nxt.text) - len(nxt.text.lstrip())
            shelfmark = _SHELFMARK.match(nxt.text, lead) or (  # `MOL M-KS | 288.f.32/1958`: its numbers
                None if re.search(r"\d", seg.text) else _NUMBERS_OF_SHELFMARK.match(nxt.text, lead))
            if shelfmark:
                if nxt.text[shelfmark.end():].strip(" .,;"):  # `…, in Foreign Relations …` stays where it was
                    _move_boundary(ref, fields, ("archive_location", seg), (label, nxt), nxt.start + shelfmark.end())
                else:
                    _absorb(ref, fields, ("archive_location", seg), (label, nxt))
                return
            if _ends_with_shelfmark(seg.text) and re.fullmatch(_STORAGE_UNIT, nxt.text.strip()):
                _absorb(ref, fields, ("archive_location", seg), (label, nxt))  # `… 288.f.32/1958 | 7.ó.e.`
                return
            if label != "container-title" and (kept := _split_archive_tail(fields, nxt.text, nxt.start, nxt.confidence,
                                                                          keep=0)) != nxt.text.rstrip(" ."):
                # `XIX-J-1-j Iraq, 1945–1964, | Report, 3`: a document kind and a page, no title
                _replace(fields, label, nxt, Segment(kept, nxt.start, nxt.start + len(kept), nxt.confidence) if kept else None)
                return
        return
    for label in ("container-title", "publisher", "note", "journal", "collection-title"):
        for seg in list(fields.get(label, [])):
            match = _SHELFMARK.search(seg.text)
            if not match:
                continue
            _replace(fields, label, seg, None)
            location = seg.text[match.start():].rstrip(" ,;.")
            start = seg.start + match.start()
            location = _split_archive_tail(fields, location, start, seg.confidence)
            _move(fields, "archive_location", Segment(location, start, start + len(location), seg.confidence))
            _split_archive_head(fields, seg, match.start())
            return


_DOCUMENT_KINDS = re.compile(r"^(?:report|memorandum|memo|letter|telegram|cable|minute|dispatch|despatch|"
                             r"note|گزارش|نامه|تلگراف|تقرير|رسالة|برقية)$", re.IGNORECASE)


def _has_page_number(fields: Fields) -> bool:
    """Pages labelled with a number in them (not a stray `in` the labeller called pages)."""
    return any(ch.isdigit() for seg in fields.get("pages", ()) for ch in seg.text)


def _split_archive_tail(fields: Fields, location: str, start: int, confidence: float, keep: int = 1) -> str:
    """`XIX-J-1-j Iraq, 1945–1964, Report, 3`: a document kind and a page after the
    shelfmark are the genre and the page, not part of the location (nor, in a segment of
    their own after it, a title: `keep=0`, where every comma piece may go). What is left."""
    pieces = location.rstrip(" .").split(",")
    while len(pieces) > keep:
        last = pieces[-1].strip()
        offset = start + len(",".join(pieces)) - len(pieces[-1].lstrip())
        if re.fullmatch(r"(?:pp?\.\s*)?\d{1,4}", last) and not _has_page_number(fields):
            fields["pages"] = [Segment(last, offset, offset + len(last), confidence)]
        elif _DOCUMENT_KINDS.match(last) and "genre" not in fields:
            fields["genre"] = [Segment(last, offset, offset + len(last), confidence)]
        else:
            break
        pieces.pop()
    return ",".join(pieces).rstrip(" ,")


def _split_archive_head(fields: Fields, seg: Segment, end: int) -> None:
    """Comma-separated pieces before a shelfmark: leading date pieces (`December 18`, `1958`)
    are the date, the rest the archive."""
    pos = 0
    date: Segment | None = None
    archive: list[tuple[int, str]] = []
    for piece in seg.text[:end].split(","):
        start = seg.start + pos + len(piece) - len(piece.lstrip())
        pos += len(piece) + 1
        text = piece.strip()
        if not text:
            continue
        is_date = _MONTH.search(text) or re.fullmatch(r"\d{1,4}", text)
        if is_date and not archive and "date" not in fields:
            date = Segment(text, start, start + len(text), seg.confidence) if date is None else Segment(
                f"{date.text}, {text}", date.start, start + len(text), seg.confidence)
        else:
            archive.append((start, text))
    if date:
        _move(fields, "date", date)
    if archive and re.match(r"(?i)^(?:in|at|در|في)\s+\S", archive[0][1]):  # `in MNL`
        start, text = archive[0]
        cut = len(text.split(None, 1)[0]) + 1
        archive[0] = (start + cut, text[cut:].lstrip())
    if archive:
        first = archive[0][0]
        text = ", ".join(t for _, t in archive)
        _move(fields, "archive", Segment(text, first, first + len(text), seg.confidence))


_MONTH_NAME = rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"  # whole: not `NOVA.`
_MONTH_DAY = re.compile(rf"^\W*(?:{MONTH_STEM}\s+\d{{1,2}},?\s+|\d{{1,2}}\s+{MONTH_STEM},?\s+|{_MONTH_NAME}\s+)",
                        re.IGNORECASE)
_YEAR_SPAN = re.compile(rf"^\W*(?:1[5-9]\d\d|20\d\d)\s*[{DASHES}]\s*(?:\d\d|1[5-9]\d\d|20\d\d)\W*$")  # 1925–28
_TRAILING_YEAR = re.compile(r"(?<=[^\d\s][.,;])\s+\(?(?:1[5-9]\d\d|20\d\d)\)?\W*$")


def date_only_segment(ref: Reference, fields: Fields) -> None:
    """A container or note that is nothing but a date (`December 18, 1958,`) is the date;
    so is a date the labeller cut into pieces (`December` | `18,` | `1958,`), a year
    closing a note of an undated reference (`… Amok Internal Report. 1982.`), and, in an
    undated reference outside a journal or book, "pages" that are years (`1297 AH`,
    `1925–28`). In an article they stay pages (`Rev Med Suisse 2009;5: 1882-1889`)."""
    if fields.get("date"):
        _rejoin_split_date(ref, fields)
        return
    for label in ("container-title", "journal", "note", "publisher"):
        for seg in list(fields.get(label, [])):
            if _only_a_date(seg.text):
                _replace(fields, label, seg, None)
                _move(fields, "date", seg)
                return
    in_periodical = fields.get("journal") or fields.get("container-title")
    for seg in [] if in_periodical else fields.get("pages", []):
        if _only_a_date(seg.text):
            _replace(fields, "pages", seg, None)
            _move(fields, "date", seg)
            return
    for seg in fields.get("note", []):
        if (year := _TRAILING_YEAR.search(seg.text)) and not ACCESS_CUE.search(seg.text):
            cut = seg.start + year.start()
            _replace(fields, "note", seg, Segment(seg.text[:year.start()], seg.start, cut, seg.confidence))
            _move(fields, "date", Segment(seg.text[year.start():], cut, seg.end, seg.confidence))
            return


_IMPRINT_TAIL = re.compile(r"[،,;]\s*([^،,;]+?)[\s.]*$")
_DATE_PAIR = re.compile(r"[/()\[\]]")
_DATE_EDGE = " .,;:،"
_LONGEST_YEAR = 24  # a year with its era written out: `1351 هجری شمسی`, `1958 C.E.`
_LONGEST_ERA = 12  # `هـ.ش.`, `A.H.`, `H.Sh.`, `قمری`, `هجری شمسی`


def _may_be_era(text: str) -> bool:
    """An era mark is short and has no digits (most neighbours of a date are page ranges)."""
    return len(text) <= _LONGEST_ERA and not any(ch.isdigit() for ch in text)


def era_after_its_year(ref: Reference, fields: Fields) -> None:
    """`1404 | A.H.`, `1410 | AH.`: an era mark labelled apart from the year before it is part
    of the date (it says the calendar: read alone, 1404 would be a Gregorian year)."""
    source = ref.source or ""
    after = ("pages", "note", "volume", "genre", "edition")
    if not any(_may_be_era(seg.text) for label in after for seg in fields.get(label, ())):
        return  # nothing to sort for
    for _, date, label, nxt in _adjacent(fields, ("date",), after):
        if not _may_be_era(nxt.text):
            continue
        year = find_calendar_year(source[date.start:nxt.end])
        if year and year.marked and date.start + year.span[1] > nxt.start \
                and not source[date.start + year.span[1]:nxt.end].strip(" .,;)]"):
            _absorb(ref, fields, ("date", date), (label, nxt))
            return


_VOLUME_COUNT_THEN = re.compile(rf"\W*\d+\s*(?:{VOLUME_CUE}|vols|volumes|أجزاء|اجزاء)\.?[\s,،]+(?=\S)", re.IGNORECASE)


def imprint_after_volume_count(ref: Reference, fields: Fields) -> None:
    """`2 vols. Būlāq, 1270/1853.`, `3 ج. تهران: امیرکبیر، ۱۳۵۴`: the imprint of a book in volumes
    read as part of its number of volumes. After the count: the place (and after a colon the
    publisher), then a comma and the date."""
    if fields.get("date") or fields.get("location") or fields.get("publisher") or len(fields.get("volume", ())) != 1:
        return
    seg = fields["volume"][0]
    count = _VOLUME_COUNT_THEN.match(seg.text)
    tail = _IMPRINT_TAIL.search(seg.text, count.end()) if count else None
    if not (tail and _only_a_date(tail.group(1))):
        return
    source = ref.source or ""
    place_at = seg.start + count.end()
    imprint = source[place_at:seg.start + tail.start()]
    if not re.search(r"[^\W\d_]", imprint):
        return
    _replace(fields, "volume", seg, Segment(seg.text[:count.end()].rstrip(" ,،"), seg.start, place_at, seg.confidence))
    colon = imprint.find(":")
    pieces = (("location", place_at, place_at + colon if colon >= 0 else seg.start + tail.start()),
              ("publisher", place_at + colon + 1 if colon >= 0 else -1, seg.start + tail.start()),
              ("date", seg.start + tail.start(1), seg.end))
    for label, start, end in pieces:
        if start >= 0 and (piece := _trimmed(source, start, end, seg.confidence)):
            _move(fields, label, piece)


def language_note_to_note(ref: Reference, fields: Fields) -> None:
    """`Tehran: Payam. (In Persian)`, `… [in Arabic]`: the language a work is written in, said
    after its imprint, is a note (the language itself is inferred), not part of the publisher.
    After a title it stays in the title, as AnyStyle labels it (`… craters (in Russian).`)."""
    source = ref.source or ""
    said = LANGUAGE_REMARK.search(source)
    if not said:
        return
    overlapping = [(label, seg) for label, seg in _ordered(fields) if seg.start < said.end() and seg.end > said.start()]
    if any(label in ("title", "container-title", "journal") or source[said.end():seg.end].strip(" .,;:")
           for label, seg in overlapping):
        return
    for label, seg in overlapping:
        _replace(fields, label, seg, _trimmed(source, seg.start, said.start(), seg.confidence))
    _move(fields, "note", _trimmed(source, said.start(), said.end(), 1.0, " ."))


# a reprint's imprint; not `reprinted in Book`, where the reprint is another work with its own fields
_REPRINT = re.compile(r"[;.,]\s*(?:repr(?:int(?:ed)?)?\.?|rpt\.|reissued|تجدید\s+چاپ|أعيد\s+طبعه)(?=\s|$)(?!\s+in\b)",
                      re.IGNORECASE)


def reprint_to_note(ref: Reference, fields: Fields) -> None:
    """`London: Oxford University Press, 1953; repr. London: I.B. Tauris, 1991.`: the reprint's
    imprint is a note; read as more place, publisher and date it was joined to the first."""
    source = ref.source or ""
    cue = _REPRINT.search(source)
    if not cue or not any(seg.start < cue.start() for label in ("date", "publisher", "location") for seg in fields.get(label, ())):
        return  # a reprint follows a first imprint
    after = [(label, seg) for label, seg in _ordered(fields) if seg.end > cue.start() + 1]
    if not after or any(label in ("url", "doi", "isbn") for label, _ in after):
        return
    for label, seg in after:
        _replace(fields, label, seg, _trimmed(source, seg.start, cue.start(), seg.confidence) if seg.start < cue.start() else None)
    _move(fields, "note", _trimmed(source, cue.start() + 1, len(source), min(seg.confidence for _, seg in after)))


def date_closes_imprint(ref: Reference, fields: Fields) -> None:
    """`تهران: کانون معرفت، بی‌تا`, `بيروت: مؤسسة الوفاء، ١٤٠٣هـ/١٩٨٣م`, `د.م.، د.ت`: an undated
    reference whose publisher, place or edition ends, after a comma, with nothing but a date
    or a no-date mark; that is its date. A no-place mark left as the edition is the place."""
    if fields.get("date"):
        return
    for label in ("publisher", "location", "edition"):
        for seg in fields.get(label, []):
            tail = _IMPRINT_TAIL.search(seg.text)
            if not (tail and tail.start() and _only_a_date(tail.group(1))):
                continue
            head = Segment(seg.text[:tail.start()], seg.start, seg.start + tail.start(), seg.confidence)
            _replace(fields, label, seg, None)
            _move(fields, "location" if label == "edition" and UNKNOWN_IMPRINT.match(head.text.strip()) else label, head)
            _move(fields, "date", Segment(seg.text[tail.start(1):], seg.start + tail.start(1), seg.end, seg.confidence))
            return


def _only_a_date(text: str) -> bool:
    """`بی‌تا`, `د. ت`, `n.d.`, `(1999).`, `December 18, 1958`, `1925–28`, `١٤٠٣هـ/١٩٨٣م`,
    `1351 [1972]`: a year (after an English month and day, or paired with another calendar's
    by a slash or brackets) with its era marks, a span of years, or a no-date mark, and
    nothing else."""
    if NO_DATE.fullmatch(text.strip(_DATE_EDGE)) or _YEAR_SPAN.match(text):
        return True
    pieces = [piece for piece in _DATE_PAIR.split(_MONTH_DAY.sub("", text, count=1)) if piece.strip(_DATE_EDGE)]
    earliest = 600 if len(pieces) > 1 else 1450  # a Hijri year beside its Gregorian one; else printed books
    return bool(pieces) and all(_one_year(piece, earliest) for piece in pieces)


def _one_year(text: str, earliest: int) -> bool:
    """One year and nothing else; an unmarked one from `earliest` to 2100 (a marked year no
    calendar converts, `9911 هـ.ق`, is left to the date normalizer, which keeps it as written).
    Only where the years stand and how they are written count, not their calendar, so no
    language is asked for (langdetect costs a millisecond)."""
    clean = text.replace("\u0640", "").replace("\u200d", "")  # as find_calendar_years reads it
    if len(clean.strip(_DATE_EDGE)) > _LONGEST_YEAR or not any(ch.isdigit() for ch in clean):
        return False  # cheaply: most text tried here is a title or a journal with its numbers
    try:
        years = find_calendar_years(text, lang="und")
    except InputError:
        return False
    if len(years) != 1 or text[:years[0].span[0]].strip(_DATE_EDGE) or text[years[0].span[1]:].strip(_DATE_EDGE):
        return False
    return years[0].marked or earliest <= years[0].year <= 2100


def _rejoin_split_date(ref: Reference, fields: Fields) -> None:
    ordered = _ordered(fields)
    for j, (label, seg) in enumerate(ordered):
        if label != "date":
            continue
        for start in (j - 2, j - 1):
            pieces = ordered[start:j]
            if start < 0 or any(lab in ("title", "author", "date") for lab, _ in pieces):
                continue
            merged = _merge(pieces[0][1], seg, ref.source or "")
            if _only_a_date(merged.text):
                for lab, piece in pieces:
                    _replace(fields, lab, piece, None)
                _replace(fields, "date", seg, merged)
                return


def repeated_author_mark(ref: Reference, fields: Fields) -> None:
    """`———. Watt. Paris: Olympia Press, 1953.`: the dashes stand for the entry above's
    authors; what the labeller read with them, as more author or as the title, is the title."""
    if not REPEATED_AUTHOR.match(ref.source or ""):
        return  # the common case: no dashes open the entry
    ordered = [(label, seg) for label, seg in _ordered(fields) if label != "citation-number"]
    if not ordered or ordered[0][0] not in ("author", "title") or (ordered[0][0] == "author" and "title" in fields):
        return
    label, seg = ordered[0]
    mark = REPEATED_AUTHOR.match(seg.text)
    rest = seg.text[mark.end():] if mark else ""
    if not rest.strip(" .,"):
        return
    cut = mark.end() + len(rest) - len(rest.lstrip())
    _replace(fields, label, seg, None)
    _move(fields, "author", Segment(seg.text[:mark.end()], seg.start, seg.start + mark.end(), seg.confidence))
    _move(fields, "title", Segment(seg.text[cut:], seg.start + cut, seg.end, seg.confidence))


def name_tail_opens_title(ref: Reference, fields: Fields) -> None:
    """`Franz, Marie-Luise von. Projection …`, `Brim, Orville G. and others. Personality …`:
    a particle or `(and) others` ending the authors, read as the title's first words."""
    for _, seg, _, nxt in _adjacent(fields, ("author",), ("title",)):
        if (tail := _NAME_TAIL.match(nxt.text)) and (tail.group(1) == "others" or "particle" in tags_for(tail.group(1))):
            _move_boundary(ref, fields, ("author", seg), ("title", nxt), nxt.start + tail.end())
            return


_GIVEN_LAST_CHUNK = re.compile(r"(?:^|,\s*|\s)(?:and|et|und|&)\s+(?P<given>(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][a-z]+)(?:\s+(?:[A-Z]\.|[A-Z][a-z]+)){0,2})\s*$")
_FAMILY_HEAD = re.compile(r"^(?P<family>[A-Z][\w'’-]+)\.\s+(?=\S+\s+\S)")


def family_name_opens_title(ref: Reference, fields: Fields) -> None:
    """`…, and J. Christian | Gerdes. Experimental validation …`, `…, et O. | Strandmyr. «…»`:
    the last author's family name read as the title's first word, where the list's last name
    (after `and`, `et`, `&`) has only given names or initials."""
    for _, seg, _, nxt in _adjacent(fields, ("author",), ("title",)):
        last = _GIVEN_LAST_CHUNK.search(seg.text)
        head = _FAMILY_HEAD.match(nxt.text)
        if last and head and all("given" in tags_for(w) or re.fullmatch(r"(?:[A-Z]\.)+", w)
                                 for w in last.group("given").split()):
            _move_boundary(ref, fields, ("author", seg), ("title", nxt), nxt.start + head.end())
        return


def names_open_title(ref: Reference, fields: Fields) -> None:
    """`Frank Wood, Jan Gasthaus, | Cédric Archambeau, and Yee Whye Teh. The sequence memoizer.`:
    given-name-first authors read as the title's opening words, where a given-name-first
    author list before them runs on (ends in `,` or `and`) or, with no author at all, where
    two or more names open the reference. Names end at a full stop: a colon is a subtitle's
    (`Tomlinson, Gary, Metaphysical Song: An Essay on Opera`)."""
    ordered = [(lab, seg) for lab, seg in _ordered(fields) if lab != "citation-number"]
    i = next((k for k, (lab, _) in enumerate(ordered) if lab == "title"), None)
    head = _NAME_LIST_HEAD.match(ordered[i][1].text) if i is not None else None
    if not head:
        return
    seg = ordered[i][1]
    before = ordered[i - 1][1] if i and ordered[i - 1][0] == "author" else None
    runs_on = before is not None and re.search(r"(?:,|\band|&)\s*$", before.text) and _GIVEN_FIRST_LIST.match(before.text)
    if not (runs_on or (i == 0 and "author" not in fields and head.group("more"))):
        return
    end = seg.start + len(head.group().rstrip())
    names = Segment((ref.source or "")[seg.start:end], seg.start, end, seg.confidence)
    if runs_on:
        _replace(fields, "author", before, _merge(before, names, ref.source or ""))
    else:
        _move(fields, "author", names)
    _replace(fields, "title", seg, Segment(seg.text[head.end():], seg.start + head.end(), seg.end, seg.confidence))


# `Diamond, Jared M.` opens with an inverted name (`Family, Given`); `AM Trinkoff, …` and
# `Daugherty CK, …` do not.
_INVERTED_FIRST = re.compile(r"^\W*(?![A-Z]{1,3}\s)[A-Z][\w'’-]+(?:\s(?![A-Z]{1,3},)[A-Z][\w'’-]+)?,\s")
_WHOLE_INVERTED_NAME = re.compile(r"\W*[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*)?,\s*[^\W\d_][\w'’-]+(?:\s[^\W\d_][\w'’-]+)?\.")
_TITLE_HEAD = re.compile(r"(?:^|(?<=[,.]\s))(?P<head>[^,.]+:)$")  # `… M. Collapse:`, `…, Pax Mundi:`
_QUOTED_HEAD = re.compile(r"(?<=[,.]\s)[“«\"]")  # `Anderson, C., “Fred Smith: FedEx`


def author_tail_opens_title(ref: Reference, fields: Fields) -> None:
    """`Diamond, Jared M. Collapse: | How Societies Choose …`, `Anderson, C., “Fred Smith:
    FedEx | Wants UAVs,”`: the title's head read as the last author. It is cut where a quote
    opens, or where a chunk ending in a colon starts — after any separator when the list opens
    with an inverted name, else only after a full stop that ends a word, not an initial
    (`… and Li Fei-Fei. DenseCap:`); a chunk that reads as names (`and BA Brady:`,
    `Hlubocky FJ:`, a given name and more) stays."""
    if not (fields.get("author") and fields.get("title")):
        return
    for _, seg, _, nxt in _adjacent(fields, ("author",), ("title",)):
        text = seg.text.rstrip()
        cut = quote.start() if (quote := _QUOTED_HEAD.search(text)) else None
        if cut is None and (head := _TITLE_HEAD.search(text)):
            before = text[: head.start()].rstrip()
            after_word = before.endswith(".") and not re.search(r"(?:^|[\s.])[A-Z]\.$", before)
            words = head.group("head").split()
            names = re.search(r"\b(?:and|&)\s|^(?:[A-Z]{1,3}|[A-Z]\.)\s|\s[A-Z]{1,3}\.?:$", head.group("head")) or (
                len(words) > 1 and "given" in tags_for(words[0])  # `Hlubocky FJ:`, `Jan Steffens:`
                and not _WHOLE_INVERTED_NAME.fullmatch(before))  # but `Katouzian, Homa. Sadeq Hedayat:` is a title
            if before and not names and (after_word or _INVERTED_FIRST.match(text)):
                cut = head.start()
        if not cut:
            return
        source = ref.source or ""
        end = seg.start + len(text[:cut].rstrip())
        _replace(fields, "author", seg, Segment(source[seg.start:end], seg.start, end, seg.confidence))
        _replace(fields, "title", nxt, Segment(source[seg.start + cut:nxt.end], seg.start + cut, nxt.end,
                                               min(seg.confidence, nxt.confidence)))
        return


# `Abrahamian, E. Khomeinism.`, `Said,Edward W.Orientalism.`, `Keddie, Nikki R. Rishe-ha-ye`,
# `Cole J. Sacred`: an inverted name, its initials (after any given names), then one capitalized word
_ONE_WORD_AFTER_INITIALS = re.compile(
    r"^\W*[^\W\d_][\w'’-]*(?:,\s*(?:[A-Z][a-z]+\s+)*(?:[A-Z]\.\s*){1,3}|\s+[A-Z]{1,3}\.\s+)"  # or `Cole J. `
    r"(?P<word>[A-Z][^\W\d_]{2,}(?:-[^\W\d_]+)*[.!?]?)\s*$")


def one_word_title_after_initials(ref: Reference, fields: Fields) -> None:
    """`Abrahamian, E. Khomeinism. Berkeley: …`: a one-word title read as a given name after the
    author's initials. With no title found at all, the word after the initials is the title;
    with a title right after, its first word when no stop ends it (`Keddie, Nikki R. Rishe-ha-ye |
    enqelab-e Iran.`)."""
    if len(fields.get("author", ())) != 1:
        return
    seg = fields["author"][0]
    if not (match := _ONE_WORD_AFTER_INITIALS.match(seg.text)) or not tags_for(match.group("word")).isdisjoint(
            ("given", "particle")):
        return
    if not fields.get("title"):
        _title_from_author(ref, fields, seg, match.start("word"), match.start("word"))
        return
    if match.group("word")[-1] in ".!?":
        return  # `Pate, C. Marvin. | What Does …`: a name ends at its stop; a title's word runs on
    for _, author, _, title in _adjacent(fields, ("author",), ("title",)):
        _move_boundary(ref, fields, ("author", author), ("title", title), author.start + match.start("word"))
        return


# an Arabic-script name of up to six words, to its full stop (`الجاحظ.`, `ابن النديم، محمد بن إسحاق.`)
_SCRIPT_WORD = rf"[{ARABIC_LETTER}\u200c]+"
_SCRIPT_NAME_SENTENCE = re.compile(rf"^\s*((?:{_SCRIPT_WORD}[\s،]+){{0,5}}{_SCRIPT_WORD}\.)\s+(?=\S)")
# an inverted first name (`هيكل، محمد حسين`, `Kawakibi, ʿAbd al-Rahman`): a family name of one or two words, a comma
_INVERTED_HEAD = re.compile(r"^\W*[^\W\d_][\w'’\u200c-]*(?:\s[^\W\d_][\w'’\u200c-]*)?\s*[,،]\s*(?=\S)")


def title_inside_author(ref: Reference, fields: Fields) -> None:
    """`هيكل، محمد حسين. حياة محمد. القاهرة: …`, `الجاحظ. كتاب الحيوان، تحقيق …`, `محمد حسنين
    هيكل، خريف الغضب، بيروت`: with no title found at all, an author segment that runs past its
    names holds the title. The names end at the full stop after an inverted name or an
    Arabic-script name, or at the comma after an Arabic-script name written given name first.
    (It runs before the role repairs, so a role cue after the title still finds its names; a
    "title" that is an editor's phrase, `قدم له وحققه X`, is no title.)"""
    if len(fields.get("author", ())) != 1 or any(not _role_phrase(seg.text) for seg in fields.get("title", ())):
        return
    seg = fields["author"][0]
    if (cut := _names_then_title(seg.text)) and _reads_as_title(seg.text[cut[1]:]):
        _title_from_author(ref, fields, seg, *cut)


def _title_from_author(ref: Reference, fields: Fields, seg: Segment, end: int, start: int) -> None:
    """The author segment `seg` to its offset `end` stays the names (spaces before it
    dropped); from `start` on it is the title."""
    source = ref.source or ""
    names = source[seg.start:seg.start + end].rstrip()
    _replace(fields, "author", seg, Segment(names, seg.start, seg.start + len(names), seg.confidence))
    _move(fields, "title", Segment(source[seg.start + start:seg.end], seg.start + start, seg.end, seg.confidence))


# an Arabic-script name written given name first (`محمد حسنين هيكل،`, `عبد الرحمن بدوي،`), then a comma
_GIVEN_FIRST_SCRIPT = re.compile(rf"^\s*((?:{_SCRIPT_WORD}\s+){{1,4}}{_SCRIPT_WORD})\s*،\s*(?=(\S+))")


def _names_then_title(text: str) -> tuple[int, int] | None:
    """Where the names end (after their full stop; before a comma) and the title starts in `text`, or None."""
    given_first = _GIVEN_FIRST_SCRIPT.match(text)
    if given_first and _opens_name(given_first.group(1).split()[0]) and not _opens_name(given_first.group(2)):
        return given_first.end(1), given_first.end()  # not `حسن زاده، علی`: a given name after the comma
    head = _INVERTED_HEAD.match(text)
    stop = _names_end(text, head.end(), len(text)) if head else _SCRIPT_NAME_SENTENCE.match(text)
    if not stop:
        return None
    return stop.end(1) + (1 if head else 0), stop.end()  # _WORD_STOP leaves the full stop out of its group


def _reads_as_title(text: str) -> bool:
    """Words after an author's names that can be a title: not a year (`١٣٥٤ هـ.`), a place
    or an imprint (`بيروت`, `بيروت: دار الشروق`), an edition or a volume (`ط ٢`, `ج ٢`), a role
    cue (`Eds.`), or one word that is a given name, a particle or a suffix (`…, Jr. Smith`)."""
    words = text.split()
    if not words or _only_a_date(text) or EDITION_ONLY.fullmatch(text) or VOLUME_ONLY.fullmatch(text) \
            or ROLE_CUES.match(text.strip()) or "place" in tags_for(words[0].strip(" .,،:;")):
        return False
    word = words[0].strip(" .,،:;")
    return len(words) > 1 or (any(ch.isalpha() for ch in word) and not is_suffix(word)
                              and not tags_for(word) & {"given", "particle"})


def _opens_name(word: str) -> bool:
    return word in NAME_OPENERS or "given" in tags_for(word.strip("،,."))


def title_head_read_as_date(ref: Reference, fields: Fields) -> None:
    """`Rowland, Susan. Jung: | A Feminist Revision.`: a date without a digit that ends in a
    colon, right before the title, is the title's head (`Jung` looks like `Jun`)."""
    if not any(seg.text.rstrip().endswith(":") for seg in fields.get("date", ())):
        return
    for _, seg, _, nxt in _adjacent(fields, ("date",), ("title",)):
        if seg.text.rstrip().endswith(":") and not re.search(r"\d", seg.text):
            _absorb(ref, fields, ("title", nxt), ("date", seg))
            return


def late_author_starts_title(ref: Reference, fields: Fields) -> None:
    """`Stephens, Robert(1971), Nasser, A Political Biography`: an author segment that comes
    after the date and runs into the title is the title's first words."""
    authors = fields.get("author") or []
    if len(authors) < 2:
        return
    source = ref.source or ""
    ordered = _ordered(fields)
    for (previous, _), (label, seg), (nxt_label, nxt) in zip(ordered, ordered[1:], ordered[2:]):
        if label == "author" and previous == "date" and nxt_label == "title":
            _replace(fields, "author", seg, None)
            _replace(fields, "title", nxt, _merge(seg, nxt, source))
            return


def title_after_editors_is_container(ref: Reference, fields: Fields) -> None:
    """`Title. In W. Deutsch (ed.), The child’s construction of language (185–199).`: a
    second title right after `In` + editors is the book the chapter is in; pages in
    brackets at its end are the chapter's."""
    if fields.get("container-title") or len(fields.get("title") or []) < 2:
        return
    ordered = _ordered(fields)
    for (label, seg), (nxt_label, nxt) in pairwise(ordered):
        if label == "editor" and nxt_label == "title" and _IN.match(seg.text) and nxt is not fields["title"][0]:
            _replace(fields, "title", nxt, None)
            pages = _BRACKETED_PAGES.search(nxt.text)
            if pages and not fields.get("pages"):
                _move(fields, "pages", Segment(pages.group(1), nxt.start + pages.start(1), nxt.start + pages.end(1),
                                               nxt.confidence))
                nxt = Segment(nxt.text[:pages.start()], nxt.start, nxt.start + pages.start(), nxt.confidence)
            _move(fields, "container-title", nxt)
            return


def role_cue_alone(ref: Reference, fields: Fields) -> None:
    """`Proceedings. Eds. | Bernhard Reitz and Sigrid Rieuwerts.`: an editor or translator
    segment that is only its cue word; the names after it were read as another field. A
    bracketed cue (`(eds)`) follows its names instead."""
    for label, seg, nxt_label, nxt in _adjacent(fields, ("editor", "translator"),
                                                ("title", "container-title", "journal", "publisher", "note")):
        if ("(" not in seg.text and not clean_name_list(seg.text)
                and len(nxt.text.split()) <= 8 and not re.search(r"\d", nxt.text)):
            _absorb(ref, fields, (label, seg), (nxt_label, nxt))
            return


def bracketed_role_after_names(ref: Reference, fields: Fields) -> None:
    """`Avery, P. (Trans.) | (1991).` and `Avery, P. and Melville, C. | (eds.) 1991.`: names
    whose bracketed role cue closes them, or was read with the year after them, are that
    role's names (editors, translators), cue and all."""
    source = ref.source or ""
    for names in fields.get("author", ()):
        after = len(source) - len(source[names.end:].lstrip())  # where the next field starts
        if cue := BRACKETED_ROLE.search(source, names.start, names.end):
            if source[cue.end():names.end].strip(" .,;"):
                continue  # a cue inside the names, not closing them
            end = names.end
        elif (cue := BRACKETED_ROLE.match(source, after)) and (date := next(
                (d for d in fields.get("date", ()) if d.start == after and d.end > cue.end()), None)):
            year = date.end - len(source[cue.end():date.end].lstrip())
            _replace(fields, "date", date, Segment(source[year:date.end], year, date.end, date.confidence))
            end = cue.end()
        else:
            continue
        _replace(fields, "author", names, None)
        _move(fields, "editor" if cue.group("editor") else "translator",
              Segment(source[names.start:end], names.start, end, names.confidence))
        return


def title_after_bracketed_role(ref: Reference, fields: Fields) -> None:
    """`یارشاطر، احسان (ویراستار). دانشنامهٔ ایرانیکا.`, `Avery, P. (ed.). The Cambridge History`
    read as one editor: with no title found, what follows the bracketed role is the title."""
    if fields.get("title"):
        return
    for label in ("editor", "translator"):
        for seg in fields.get(label, []):
            cue = BRACKETED_ROLE.search(seg.text)
            title = _trimmed(ref.source or "", seg.start + cue.end(), seg.end, seg.confidence) if cue else None
            if not title:
                continue
            _replace(fields, label, seg, Segment(seg.text[:cue.end()], seg.start, seg.start + cue.end(), seg.confidence))
            _move(fields, "title", title)
            return


_YEAR_RANGE = re.compile(rf"\W*(1[0-9]\d\d|20\d\d)\s*[{DASHES}]\s*(1[0-9]\d\d|20\d\d)\W*")


def year_range_ends_title(ref: Reference, fields: Fields) -> None:
    """`Producing the Past: Aspects of Antiquarian Culture and Practice, 1700–1850.`: years
    closing a book's title read as its pages. Only where the item has no journal or container
    for pages to belong to, or has its pages elsewhere."""
    pages = fields.get("pages") or []
    if not pages or ((fields.get("journal") or fields.get("container-title")) and len(pages) < 2):
        return
    for _, seg, _, nxt in _adjacent(fields, ("title",), ("pages",)):
        years = _YEAR_RANGE.fullmatch(nxt.text)
        if years and int(years.group(1)) < int(years.group(2)) and seg.text.rstrip().endswith(","):
            _absorb(ref, fields, ("title", seg), ("pages", nxt))
            return


# someone who wrote a part of the book but did not edit it: `With a section by Yann Richard`,
# `with an introduction by …`, `با مقدمهٔ …`
_CONTRIBUTION_CUE = (r"(?:with\s+(?:an?\s+|new\s+)*(?:introduction|foreword|preface|afterword|epilogue|section|chapter|"
                     r"contribution|essay|commentary|notes?)s?\s+(?:by|from)|با\s+مقدمه(?:\u0654|\u200cی|ۀ|\u200c?\s*ای\s+از)?)\s")
_CONTRIBUTION_AFTER = re.compile(rf"(?<=[.,;])\s*{_CONTRIBUTION_CUE}", re.IGNORECASE)
_CONTRIBUTION_OPENS = re.compile(rf"\s*{_CONTRIBUTION_CUE}", re.IGNORECASE)


def contribution_to_note(ref: Reference, fields: Fields) -> None:
    """`Roots of Revolution: … Modern Iran. With a section by Yann Richard.`, `بوف کور. با
    مقدمهٔ X.`: a contribution after the title (or read as an editor) is a note, not more
    title and not an editor."""
    for label in ("editor", "translator"):
        for seg in fields.get(label, []):
            if _CONTRIBUTION_OPENS.match(seg.text) and not _ROLE_IN_PROSE.match(seg.text):
                _replace(fields, label, seg, None)
                _move(fields, "note", seg)
                return
    for label in ("title", "container-title"):
        for seg in fields.get(label, []):
            if (found := _CONTRIBUTION_AFTER.search(seg.text)) and seg.text[:found.start()].strip(" .,;"):
                cut = seg.start + found.start()
                _replace(fields, label, seg, Segment(seg.text[:found.start()], seg.start, cut, seg.confidence))
                _move(fields, "note", _trimmed(ref.source or "", cut, seg.end, seg.confidence))
                return


# a series' name has letters and no digits (not `(vol 9, pg 249, 2003)`, `(WBC 38B; Dallas: Word, 1988)`);
# its number is short (not a year)
_BRACKETED_SERIES = re.compile(r"\((?=[^()]*[^\W\d_])[^()\d\u0660-\u0669\u06F0-\u06F9]+?\s*[;؛,،]\s*"
                               r"(?:no\.?\s*|vol\.?\s*|شماره\s*|رقم\s*)?[\d\u0660-\u0669\u06F0-\u06F9]{1,3}\s*\)", re.IGNORECASE)


def series_in_brackets_after_title(ref: Reference, fields: Fields) -> None:
    """`… في الثقافة العربية (نقد العقل العربي؛ 2). بيروت`, `… (Studies in Islamic History, 12).`:
    a bracketed series with its number closing the title is the series, also when the
    labeller cut the number off as a volume."""
    source = ref.source or ""
    for seg in fields.get("title", []):
        at = seg.text.rfind("(")
        series = _BRACKETED_SERIES.match(source, seg.start + at) if at > 0 and seg.text[:at].strip() else None
        if not series:
            continue
        inside = [(label, other) for label, other in _ordered(fields) if other is not seg and series.start() <= other.start < series.end()]
        if any(source[series.end():other.end].strip(" .,;:،") for _, other in inside):
            return  # a segment runs on past the bracket: not a series closing the title
        for label, other in inside:
            _replace(fields, label, other, None)
        head = seg.text[:at].rstrip()
        _replace(fields, "title", seg, Segment(head, seg.start, seg.start + len(head), seg.confidence))
        _move(fields, "collection-title", Segment(series.group(), series.start(), series.end(), seg.confidence))
        return


def later_titles_to_note(ref: Reference, fields: Fields) -> None:
    """A second title segment after something else (`Title (date), CAE … to FO …`) is a
    description of the document, not more title."""
    titles = fields.get("title") or []
    if len(titles) < 2:
        return
    ordered = [seg for _, seg in _ordered(fields)]
    first = ordered.index(titles[0])
    for seg in titles[1:]:
        if ordered.index(seg) != first + 1:
            _replace(fields, "title", seg, None)
            _move(fields, "note", seg)
        else:
            first += 1


def move_roles_from_prose(ref: Reference, fields: Fields) -> None:
    """`Edited by X`, `Eds. X` or `ترجمه X` labelled inside another field: move it to its role."""
    for label in ("title", "container-title", "journal", "note", "publisher"):
        for seg in list(fields.get(label, [])):
            match = _ROLE_IN_PROSE.search(seg.text)
            if match and _opens_its_name(match, label, seg is fields[label][0]):
                match = _ROLE_IN_PROSE.search(seg.text, match.end(_role(match)))  # a cue after it
            if not match:
                continue
            if label == "title" and _author_before_titled_cue(fields, seg, match):
                move_roles_from_prose(ref, fields)  # the title now opens with its noun: a later cue is looked for
                return
            role = _role(match)
            cut = seg.start + match.start()
            _move(fields, role, Segment(match.group("names"), seg.start + match.start("names"), seg.end, seg.confidence))
            remainder = seg.text[: match.start()]
            idx = fields[label].index(seg)
            if remainder.strip(" ,.;:"):
                fields[label][idx] = Segment(remainder, seg.start, cut, seg.confidence)
            else:
                fields[label].pop(idx)


def _author_before_titled_cue(fields: Fields, seg: Segment, match: re.Match[str]) -> bool:
    """`البيروني. تحقيق ما للهند …` labelled title: with no author, an Arabic-script name's
    sentence before an editing noun that opens a title (no given name after it) is the author,
    and the title runs from the noun. Says whether it cut `seg` so."""
    cue = match.start(_role(match))
    author = _SCRIPT_NAME_SENTENCE.match(seg.text)
    if fields.get("author") or not author or author.end() != cue \
            or not _opens_a_title(seg.text[cue:], match.group(_role(match))):
        return False
    _replace(fields, "title", seg, Segment(seg.text[cue:], seg.start + cue, seg.end, seg.confidence))
    _move(fields, "author", Segment(author.group(1), seg.start, seg.start + author.end(1), seg.confidence))
    return True


def editing_tasks_before_editor(ref: Reference, fields: Fields) -> None:
    """`منطق‌الطیر. مقدمه، | تصحیح و تعلیقات X`: the first tasks of an editor's list, left at
    the end of the segment before it, belong to the editor's cue."""
    for label, seg, _, editor in _adjacent(fields, ("title", "container-title", "note", "edition", "volume"), ("editor",)):
        tasks = TASKS_BEFORE_EDITING.search(seg.text)
        if tasks and tasks.start() and _ROLE_IN_PROSE.match(editor.text):
            _move_boundary(ref, fields, (label, seg), ("editor", editor), seg.start + tasks.start())
            return


def _role(match: re.Match[str]) -> str:
    """The role a `_ROLE_IN_PROSE` match names."""
    return "translator" if match.group("translator") else "editor"


def _role_phrase(text: str) -> bool:
    """`text` is a role cue and the names after it (`حققه وقدم له X`, `Edited by X`)."""
    match = _ROLE_IN_PROSE.match(text)
    return bool(match) and not _opens_its_name(match, "title", True)


def _opens_its_name(match: re.Match[str], label: str, first: bool) -> bool:
    """A cue word that opens the segment is part of its name: `Trans. Amer. Math. Soc.`, `Ed.
    Psychol. Rev.` (abbreviated words of a periodical) and a first title opening with an
    editing noun (`البيروني، تحقيق ما للهند`); a verb or phrase (`حققه وقدم له`) opens no title."""
    if match.string[:match.start()].strip(" ,.;:"):
        return False
    cue = match.group(_role(match))
    if label in ("journal", "container-title"):
        return cue.endswith(".")
    return label == "title" and first and bool(TITLE_OPENING_CUE.fullmatch(cue))


def page_count_read_as_volume(ref: Reference, fields: Fields) -> None:
    """`… perspective. 33 p.`, `459 | pp.`: a book's length labelled as its volume (its cue,
    if apart, as the pages); a "journal" right after the title is then its subtitle."""
    if len(fields.get("volume", ())) != 1 or len(fields.get("pages", ())) > 1:
        return
    volume = fields["volume"][0]
    cue = fields["pages"][0] if fields.get("pages") else None
    if cue and not (volume.end <= cue.start and not (ref.source or "")[volume.end:cue.start].strip()):
        return  # pages of their own elsewhere
    count = _merge(volume, cue, ref.source or "") if cue else volume
    if PAGE_COUNT.fullmatch(count.text):
        del fields["volume"]
        fields["pages"] = [count]
        for _, title, _, journal in _adjacent(fields, ("title",), ("journal",)):
            _absorb(ref, fields, ("title", title), ("journal", journal))  # a subtitle: a journal has no length
            return


def volume_and_edition_by_cue(ref: Reference, fields: Fields) -> None:
    """`ط15` labelled a volume is the edition (طبعة), `ج1` labelled an edition the volume (جزء):
    a segment that is only a cue and its number takes the cue's label."""
    for label, other, only in (("volume", "edition", EDITION_ONLY), ("edition", "volume", VOLUME_ONLY)):
        for seg in list(fields.get(label, ())):
            if only.fullmatch(seg.text) and not fields.get(other):
                _replace(fields, label, seg, None)
                _move(fields, other, seg)


_PAGE_CUE_ONLY = re.compile(rf"\W*{PAGE_CUE}\.?\W*", re.IGNORECASE)
_LEADING_PAGES = re.compile(rf"\W*{PAGES}[,;.]?\s+")


def page_cue_alone(ref: Reference, fields: Fields) -> None:
    """`pp. | 1424, Jan. 1998`: a page cue alone, its number read as the start of the date
    that follows (the date still has its year after it)."""
    for _, seg, _, nxt in _adjacent(fields, ("pages",), ("date",)):
        pages = _LEADING_PAGES.match(nxt.text)
        if pages and _PAGE_CUE_ONLY.fullmatch(seg.text) and find_calendar_year(nxt.text[pages.end():]):
            _move_boundary(ref, fields, ("pages", seg), ("date", nxt), nxt.start + pages.end())
            return


_ROLE_CUE = re.compile(r"(?<![^\s.,;(])(?:(?P<both>edited\s+and\s+translated|translated\s+and\s+edited)|"
                       rf"(?P<editor>edited|eds?\.|{EDITOR_SCRIPT_CUES})|"
                       rf"(?P<translator>translated|trans\.|transl\.|(?:{TRANSLATOR_SCRIPT_CUES}){TASKS_AFTER_CUE}))(?:\s+by)?(?=\s)",
                       re.IGNORECASE)
# a full stop after a word, before a capital or an Arabic-script letter (`Merton. Peter Lang`,
# `Hall. Routledge`, `رضا تجدد. طهران`)
_WORD_STOP = re.compile(rf"([^\W\d_]+)\.\s+(?=[A-Z{ARABIC_LETTER}])")
# abbreviations that stop inside a name besides a suffix (`Jr.`): an abbreviated given name, a title
_NAME_ABBREVIATIONS = frozenset({"wm", "thos", "chas", "geo", "jas", "jos", "benj", "robt", "edw",
                                 "saml", "st", "dr", "mr", "mrs", "ms", "prof", "rev", "hon"})


def _names_end(text: str, start: int, end: int) -> re.Match[str] | None:
    """Where a prose role's names end: the first full stop after a word that is not an
    initial (`J.`) or an abbreviation standing inside a name (`Jr.`, `Thos.`)."""
    return next((m for m in _WORD_STOP.finditer(text, start, end)
                 if len(m.group(1)) > 1 and m.group(1).casefold() not in _NAME_ABBREVIATIONS and not is_suffix(m.group(1))),
                None)


def roles_split_at_cues(ref: Reference, fields: Fields) -> None:
    """`Edited by A and B. Translated by C. Peter Lang,`: adjacent editor and translator
    segments cut where the labeller guessed; the cue words say where each role starts, and a
    prose role (`edited by …`) ends with its names' full stop, after which a publisher may stand."""
    if "editor" not in fields and "translator" not in fields:
        return
    source = ref.source or ""
    ordered = _ordered(fields)
    i = 0
    while i < len(ordered):
        j = i
        while j < len(ordered) and ordered[j][0] in ("editor", "translator"):
            j += 1
        if j > i:
            _recut_roles(fields, ordered[i:j], source)
        i = j + 1


def text_before_role_cue(ref: Reference, fields: Fields) -> None:
    """`الجاحظ. كتاب الحيوان. تحقيق عبد السلام هارون.` labelled editor from its first word: in
    an untitled reference, what stands before the role's cue is the title, after the author
    (an Arabic-script name ending at the first full stop) when there is none. A sentence
    opening with an editing noun before another cue is the title (`تحقيق ما للهند.`), and so
    is one after the author's name in which no given name follows the noun (`تحرير المرأة.`)."""
    if fields.get("title"):
        return
    for label in ("editor", "translator"):
        for seg in fields.get(label, []):
            cue = _ROLE_CUE.search(seg.text)
            if cue and not cue.start() and TITLE_OPENING_CUE.fullmatch(cue.group()) \
                    and (later := _ROLE_CUE.search(seg.text, cue.end())) and seg.text[:later.start()].rstrip().endswith("."):
                cue = later  # `تحقيق ما للهند من مقولة. عني بتصحيحه X`: the title opens with an editing noun
            if not cue:
                continue
            if not seg.text[:cue.start()].strip(" ,.;:،"):
                if fields.get("author") and _opens_a_title(seg.text[cue.start():], cue.group()):
                    _replace(fields, label, seg, None)  # `أمين، قاسم. | تحرير المرأة.`: the title
                    _move(fields, "title", seg)
                    return
                continue
            role = Segment(seg.text[cue.start():], seg.start + cue.start(), seg.end, seg.confidence)
            _replace(fields, label, seg, role)
            head = Segment(seg.text[:cue.start()], seg.start, seg.start + cue.start(), seg.confidence)
            author = None if fields.get("author") else _SCRIPT_NAME_SENTENCE.match(seg.text, endpos=seg.end - seg.start)
            if author and author.end() <= cue.start():
                cut = author.end(1)
                _move(fields, "author", Segment(head.text[:cut], head.start, head.start + cut, head.confidence))
                head = Segment(head.text[author.end():], head.start + author.end(), head.end, head.confidence)
                if not head.text.strip() and _opens_a_title(role.text, cue.group()):
                    _replace(fields, label, role, None)  # `أمين، قاسم. تحرير المرأة.`: nothing is left
                    head = role  # for a title before the cue, so the sentence it opens is the title
            _move(fields, "title", head)
            return


def _opens_a_title(text: str, cue: str) -> bool:
    """`text` opens with an editing noun `cue` that may open a title (`تحرير المرأة`, `تحقيق ما
    للهند`) and words none of which is a given name (`تحقيق عبد السلام هارون` names the editor)."""
    words = [w.strip(" .,;:،") for w in _SENTENCE_STOP.split(text[len(cue):] + " ")[0].split()]
    return bool(TITLE_OPENING_CUE.fullmatch(cue)) and bool(words) and not any(
        "given" in tags_for(w) or "given" in tags for w, tags in zip(words, phrase_tags(words)))


def _recut_roles(fields: Fields, run: list[tuple[str, Segment]], source: str) -> None:
    start, end = run[0][1].start, run[-1][1].end
    text = source[start:end]
    cues = list(_ROLE_CUE.finditer(text))
    if not cues or cues[0].start() > 0 and text[:cues[0].start()].strip(" ,.;:"):
        return
    pieces = [(cue.lastgroup, cue.start(), nxt.start() if nxt else len(text)) for cue, nxt in zip(cues, [*cues[1:], None])]
    tail = ""
    role, first, last = pieces[-1]
    names_end = _names_end(text, cues[-1].end(), last)
    if names_end and "publisher" not in fields and not re.search(r"\d", text[names_end.end():last]):
        tail, pieces[-1] = text[names_end.end():last], (role, first, names_end.end())
    if [(r, a) for r, a, _ in pieces] == [(label, seg.start - start) for label, seg in run] and not tail:
        return  # the labeller cut them where the cues are
    confidence = min(seg.confidence for _, seg in run)
    for label, seg in run:
        _replace(fields, label, seg, None)
    for role, a, b in pieces:  # `edited and translated by X`: X is both
        for label in ("editor", "translator") if role == "both" else (role,):
            _move(fields, label, Segment(text[a:b], start + a, start + b, confidence))
    if tail:
        place = "location" not in fields and is_place(tail)
        _move(fields, "location" if place else "publisher", Segment(tail, start + len(text) - len(tail), end, confidence))


# a publisher's name still open: `University Press of`, `Presses de`, `… of New` before its last word
_PUBLISHER_NAME_OPEN = re.compile(r"\b(?:of|de|du|des|di|del|für)(?:\s+[A-Z][\w'’-]*)?$")


def place_closing_publisher_name(ref: Reference, fields: Fields) -> None:
    """`University Press of New | England`, `University Press of | Kansas`: a place read out of
    the end of a publisher's name (`of` still waiting for its word) goes back into it."""
    for _, publisher, _, place in _adjacent(fields, ("publisher",), ("location",)):
        between = (ref.source or "")[publisher.end:place.start]
        if _PUBLISHER_NAME_OPEN.search(publisher.text.rstrip()) and not between.strip():
            _absorb(ref, fields, ("publisher", publisher), ("location", place))
            return


_TITLE_FUNCTION_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "for", "to", "from", "its"})
# the last sentence of a title: a place, a colon, a name (`… Iran. Tehran: Payam`, `… الحديث. بيروت: دار الشروق`)
_IMPRINT_SENTENCE = re.compile(r"[.!?؟]\s+(?P<location>[^\s.:؛][^.:؛]*?)\s*:\s*(?P<publisher>[^\s.:؛][^.:؛]*?)[\s.]*$")


def imprint_closing_title(ref: Reference, fields: Fields) -> None:
    """`Ideolozhi-ye nehzat-e mashrutiyat-e Iran. Tehran: Payam.`: in a reference with no place
    and no publisher, a title whose last sentence is a known place, a colon and a short name
    ends before it; the sentence is the imprint. A subtitle after a country (`Iran: A History`,
    `Egypt: The Rise of …`) has function words, or runs longer."""
    if len(fields.get("title", ())) != 1 or fields.get("location") or fields.get("publisher"):
        return
    seg = fields["title"][0]
    imprint = _IMPRINT_SENTENCE.search(seg.text)
    if not imprint or not is_place(imprint.group("location")):
        return
    words = imprint.group("publisher").split()
    if len(words) > 4 or not _TITLE_FUNCTION_WORDS.isdisjoint(word.casefold() for word in words):
        return
    title = seg.text[:imprint.start() + 1]
    _replace(fields, "title", seg, Segment(title, seg.start, seg.start + len(title), seg.confidence))
    for label in ("location", "publisher"):
        _move(fields, label, Segment(imprint.group(label), seg.start + imprint.start(label), seg.start + imprint.end(label),
                                     seg.confidence))


# the last sentence of a title, of one or two words (`د.م`, `n. p`), and the stops after it
_LAST_WORDS = (re.compile(r"(?<=[.!?؟])\s+(?P<mark>\S+)[\s.,،:;؛]*$"),
               re.compile(r"(?<=[.!?؟])\s+(?P<mark>\S+\s\S+)[\s.,،:;؛]*$"))


def unknown_place_closing_title(ref: Reference, fields: Fields) -> None:
    """`طبائع الاستبداد. د.م.، د.ت.`, `… Iran. n.p., n.d.`: a title whose last sentence is a mark
    for no place or no publisher ends before it; the mark is the imprint (which it leaves empty)."""
    for seg in fields.get("title", []):
        for pattern in _LAST_WORDS:
            if (last := pattern.search(seg.text)) and UNKNOWN_IMPRINT.match(last.group("mark").rstrip(".,،:;؛")):
                title = seg.text[:last.start()]
                _replace(fields, "title", seg, Segment(title, seg.start, seg.start + len(title), seg.confidence))
                _move(fields, "location", Segment(last.group("mark"), seg.start + last.start("mark"),
                                                  seg.start + last.end("mark"), seg.confidence))
                return


_REPORT_NUMBER = re.compile(rf"{SERIES_NUMBER_CUE}\s*[\d۰-۹٠-٩]+[\s.,،]*", re.IGNORECASE)


def report_series_read_as_journal(ref: Reference, fields: Fields) -> None:
    """`… Middle East Report No. 184. Brussels: ICG.`, `Working Paper No. 12. Cairo: ERF.`: a
    "journal" followed by nothing but a number, in a reference with a publisher and no pages,
    is the series of a report and the report's number (an article's journal has no publisher
    of its own in a citation, and has pages)."""
    if "pages" in fields or "publisher" not in fields:
        return
    for _, journal, _, number in _adjacent(fields, ("journal",), ("volume",)):
        if _REPORT_NUMBER.fullmatch(number.text):
            _replace(fields, "journal", journal, None)
            _replace(fields, "volume", number, None)
            _move(fields, "collection-title", _merge(journal, number, ref.source or ""))
            return


# a word with the Arabic article, in script or romanized (`الطليعة`, `al-Taliʿa`, `el-Hilal`)
_DEFINITE = re.compile(r"^(?:ال|(?:al|el)-)", re.IGNORECASE)


def place_after_definite_publisher(ref: Reference, fields: Fields) -> None:
    """`دار الطليعة بيروت`, `مكتبة الخانجي القاهرة`, `Dar al-Taliʿa Beirut`: with no place, a
    publisher's name (opened by a publisher's word: دار, مكتبة, Dar …) whose last word is a known
    place after a word with the article is publisher and place. A word with the article takes no
    genitive after it; without one the place is part of the name (`انتشارات دانشگاه تهران`: of
    the University of Tehran). A university is left whole (`الجامعة الأمريكية في بيروت`)."""
    if fields.get("location") or len(fields.get("publisher", ())) != 1:
        return
    seg = fields["publisher"][0]
    words = seg.text.rstrip(" .,،:;؛").split()
    if len(words) < 3 or "publisher-word" not in tags_for(words[0]) or not _DEFINITE.match(words[-2]) \
            or not is_place(words[-1]):
        return
    cut = seg.text.rindex(words[-1])
    name = seg.text[:cut].rstrip()
    _replace(fields, "publisher", seg, Segment(name, seg.start, seg.start + len(name), seg.confidence))
    _move(fields, "location", Segment(words[-1], seg.start + cut, seg.start + cut + len(words[-1]), seg.confidence))


# what an archival document's description may have been read as (it has no publisher or journal)
_DESCRIPTION_LABELS = frozenset({"publisher", "genre", "container-title", "journal", "note", "location"})
_SENT_TO = re.compile(r"\S\s+(?:to|an|à|به|إلى|الى)\s+(?P<to>\S.*)")  # `Stevens to Lloyd`, `نامهٔ X به Y`


def archival_description_to_title(ref: Reference, fields: Fields) -> None:
    """`TNA, CAB 128/31, | Cabinet | Conclusions, | 27 July 1956`, `… ملف ٣، | تقرير | وزارة
    الداخلية، | ١٢ مارس ١٩٢٣`: in a record held by an archive, with no title, the first run of
    segments read as publisher, genre, journal or note (or a letter `X to Y` read as its
    author) is the document's description: its title. A document kind alone (`Report`) stays
    the genre, and an author sent to a place (`Hungarian Embassy to Iran`) stays the author."""
    if fields.get("title") or not (fields.get("archive") or fields.get("archive_location")):
        return
    run: list[tuple[str, Segment]] = []
    for label, seg in _ordered(fields):
        if label in _DESCRIPTION_LABELS or (label == "author" and _is_letter(seg.text)):
            run.append((label, seg))
        elif run:
            break
    if not run or all(label == "genre" for label, _ in run):
        return
    for label, seg in run:
        _replace(fields, label, seg, None)
    _move(fields, "title", _trimmed(ref.source or "", run[0][1].start, run[-1][1].end, min(s.confidence for _, s in run)))


# Arabic and Persian prepositions: a name never ends with one, a title may open with it
_FUNCTION_WORD_AT_END = re.compile(r"(?<=\s)(?:في|من|على|عن|إلى|الى|حول|بين|در|از|به|با|برای)\s*$")


def function_word_opens_title(ref: Reference, fields: Fields) -> None:
    """`عفلق، ميشيل في | سبيل البعث`: a preposition closing the authors (a list printed without
    stops) is the title's first word."""
    for label, seg, _, title in _adjacent(fields, ("author", "editor"), ("title",)):
        if word := _FUNCTION_WORD_AT_END.search(seg.text):
            _move_boundary(ref, fields, (label, seg), ("title", title), seg.start + word.start())
            return


def _is_letter(text: str) -> bool:
    """`Bullard to Eden`, `Tehran Legation to Foreign Office`: sent to someone, not to a place."""
    letter = _SENT_TO.search(text)
    return bool(letter) and not is_place(letter.group("to").strip(" .,;:،"))


REPAIRS: list[Callable[[Reference, Fields], None]] = [
    title_inside_author,
    move_roles_from_prose,
    editing_tasks_before_editor,
    text_before_role_cue,
    roles_split_at_cues,
    quoted_title_runs_to_its_quote,
    split_quoted_title,
    repeated_author_mark,
    reprint_to_note,
    language_note_to_note,
    date_only_segment,
    date_closes_imprint,
    imprint_after_volume_count,
    era_after_its_year,
    title_runs_on,
    slash_joins_titles,
    subtitle_read_as_container,
    page_count_read_as_volume,
    volume_and_edition_by_cue,
    volume_title_in_book_title,
    periodical_glued_to_title,
    name_runs_on,
    archive_reference,
    late_author_starts_title,
    author_tail_opens_title,
    one_word_title_after_initials,
    title_head_read_as_date,
    name_tail_opens_title,
    family_name_opens_title,
    names_open_title,
    role_cue_alone,
    bracketed_role_after_names,
    title_after_bracketed_role,
    page_cue_alone,
    issue_read_as_date,
    title_after_editors_is_container,
    year_range_ends_title,
    later_titles_to_note,
    contribution_to_note,
    series_in_brackets_after_title,
    title_before_in_cue,
    access_cue_before_url,
    title_from_note,
    season_from_container,
    month_from_container,
    volume_from_tail,
    periodical_as_author,
    place_closing_publisher_name,
    imprint_closing_title,
    unknown_place_closing_title,
    report_series_read_as_journal,
    place_after_definite_publisher,
    archival_description_to_title,
    function_word_opens_title,
]
