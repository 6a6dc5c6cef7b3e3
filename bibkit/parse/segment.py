"""Find the reference list(s) in a pasted document and split them into entries.

A section starts at a heading (References, Bibliography, منابع, المصادر, Citation …) or, with
no heading, is a run of list numbers counting up, else the longest run of lines that look like
entries (a year, a name-like start, bibliographic punctuation; not prose) and open like a list.
Entries are one per line, numbered (`1.`, `[1]`, `۱-`, or a bare `1 ` as PDFs copy it, the
numbers counting up through wrapped lines), wrapped with hanging indents, or wrapped without
indents as a list copied from a PDF comes (a line opens an entry when the one above could end
one and it opens with names). A PDF's page numbers and running heads between entries are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bibkit.parse.backrefs import find_backref, is_notes_heading
from bibkit.parse.lexicons import tags_for
from bibkit.parse.normalizers import NO_DATE
from bibkit.text.normalize import ASCII_DIGITS
from bibkit.text.script import ARABIC_LETTER, has_arabic

_HEADING = re.compile(
    r"^\W*(?:references?|bibliography|works\s+cited|literature\s+cited|sources|citations?|"
    r"cited\s+works|further\s+reading|منابع(?:\s+و\s+مآخذ)?|فهرست\s+منابع|کتابنامه|کتاب‌نامه|منابع\s+و\s+مآخذ|"
    r"مآخذ|المصادر(?:\s+والمراجع)?|المراجع|قائمة\s+المصادر|ثبت\s+المصادر)\W*(?:\[[^\]]*\])?\W*$",
    re.IGNORECASE)
# headings of the sections besides notes (backrefs.is_notes_heading) that follow a reference
# list in articles: the list ends there
_OTHER_SECTION = re.compile(
    r"^\W*(?:appendix|appendices|acknowledge?ments?|about\s+the\s+authors?|index|glossary|"
    r"پیوست(?:[\u200c ]?ها)?|ضمیمه(?:[\u200c ]?ها)?|سپاسگزاری|واژه[\u200c ]?نامه|نمایه|الملاحق|ملحق|الفهرس|"
    r"شكر\s+وتقدير)\W*$", re.IGNORECASE)
_NEXT_SECTION = re.compile(r"^\W*(?:\*\*)?[A-Z\u0600-\u06FF][^.!?]{0,40}:(?:\*\*)?\s*$|^(?:#+\s|\*\*[^*]+\*\*\s*$)")
_NUMBER = re.compile(r"^\s*(?:\[\d+\]|\(\d{1,3}\)\s|\d+[.)\-]\s|\d+\.(?=\S)|[۰-۹٠-٩]+[.)\-]\s?)\s*")
# a page's furniture copied from a PDF into the list: a page number alone (`145`, `— 12 —`,
# `صفحه ۳`), or a running head with the page number set off by a wide gap
_PAGE_FURNITURE = re.compile(
    r"^[\s\-—–(\[]*(?:(?:page|p\.|صفحه|صفحة|ص)\s*)?[\d۰-۹٠-٩]{1,4}[\s\-—–)\]]*$"  # not `1996.`: a year closing an entry
    r"|\S.*\s{4,}[\d۰-۹٠-٩]{1,4}\s*$|^\s*[\d۰-۹٠-٩]{1,4}\s{4,}\S", re.IGNORECASE)


def _page_furniture(lines: list[str], i: int) -> bool:
    """Line `i` of a section's non-empty lines is a page's furniture, not a wrapped entry's tail:
    a lone number after a line that ends open (`Experimental Astronomy, 20,` / `131`) and
    before a line that opens with names, or at the end, closes its entry."""
    if not _PAGE_FURNITURE.match(lines[i]):
        return False
    tail = lines[i].strip().isdigit() and i > 0 and lines[i - 1].rstrip().endswith((",", ":", "،")) \
        and (i + 1 == len(lines) or _opens_with_names(lines[i + 1]))
    return not tail


_CONTINUATION = re.compile(r"^\s*(?:<?https?://|www\.|(?i:doi:|available|retrieved|accessed)|[a-z])")
# a year: Gregorian or Hijri in ASCII digits; in Persian/Arabic digits Hijri (۱۳۸۵, ١٤٠٣) or Gregorian (١٩٥٩)
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20[0-4]\d|1[2-4]\d\d|[۱١][۲-۴۹٢-٤٩][۰-۹٠-٩]{2}|[۲٢][۰٠][۰-۴٠-٤][۰-۹٠-٩])(?!\d)")
_PROSE_WORDS = re.compile(
    r"\b(?:is|was|were|which|that|this|these|has|have|had|would|could|however|also|we|our)\b|"
    r"(?:^|\s)(?:است|بود|شد|این|که|می|را|هم|نیز|كان|التي|الذي|هذا|هذه)(?=\s|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    """One reference string and where it starts in the document (line and char offset)."""

    text: str
    line: int
    offset: int


@lru_cache(maxsize=1 << 14)  # a run's lines are scored again when runs are compared
def entry_score(line: str) -> float:
    """How much a line looks like a bibliography entry (0..1)."""
    text = line.strip()
    if len(text) < 20 or len(text) > 600:
        return 0.0
    score = 0.0
    if _YEAR.search(text):
        score += 0.35
    if re.match(r"^(?:\[\d+\]|\d+[.)]|[۰-۹]+[.)-])?\s*[^\W\d_][^\s,.:;]{0,30}(?:[ \-][^\W\d_]{1,30})?\s*[,.،(]", text):
        score += 0.3
    if re.search(r"[.,،]\s*(?:\(|\d|[A-Z\u0600-\u06FF])", text) and text.count(",") + text.count(".") + text.count("،") >= 2:
        score += 0.15
    if re.search(r"\b(?:pp?\.|vol\.|no\.|ed\.|eds\.|press|publish|journal|quarterly|available at|retrieved)|"
                 r"https?://|صص|ص\.|ج\s?\d|انتشارات|نشر|چاپ|دار\s|مجلة|فصلنامه|ترجمه|تهران|بيروت", text, re.IGNORECASE):
        score += 0.2
    words = len(text.split())
    prose = len(_PROSE_WORDS.findall(text))
    if prose >= 2 and (words > 25 or prose / max(words, 1) > 0.08):
        score -= 0.4
    if text.endswith(("?", "!")):
        score -= 0.2
    return max(0.0, min(1.0, score))


def find_sections(text: str) -> list[list[tuple[int, str]]]:
    """Lines (number, text) of each reference section found in a document."""
    lines = text.splitlines()
    sections: list[list[tuple[int, str]]] = []
    i = 0
    while i < len(lines):
        if _HEADING.match(lines[i].strip()) and len(lines[i].strip()) < 60:
            block: list[tuple[int, str]] = []
            j = i + 1
            while j < len(lines):
                stripped = lines[j].strip()
                if block and _ends_section(lines, j):
                    break
                if block and not stripped and j + 1 < len(lines) and _NEXT_SECTION.match(lines[j + 1].strip()):
                    break
                block.append((j, lines[j]))
                j += 1
            if any(_YEAR.search(line) for _, line in block):
                sections.append(block)
            i = j
        else:
            i += 1
    if sections:
        return sections
    starts = _counting_lines(lines)
    if len(starts) >= 3 and any(_is_back_reference(lines[n]) for n in starts):
        return []  # `3. Ibid.`, `همان`: numbered notes, which `bibkit notes` reads; no list runs through them
    run = _numbered_run(lines, starts) or _best_run(lines)
    return [run] if run else []


def _numbered_run(lines: list[str], starts: list[int]) -> list[tuple[int, str]]:
    """With no heading, lines numbered 1, 2, 3 … in order (`1.`, `[1]`, `1 Name`; their indices
    `starts`) mark a list, whatever its wrapped lines score: from the first to the end of the
    last numbered entry (its lines up to a blank one), when at least three of them read as entries."""
    if len(starts) < 3 or len(starts) < (starts[-1] - starts[0]) / 10:
        return []
    end = starts[-1]
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    run = [(n, lines[n]) for n in range(starts[0], end + 1)]
    return run if _entry_count(run) >= 3 or sum(_entry_like(lines, n) for n in starts) >= 3 else []


def _ends_section(lines: list[str], j: int) -> bool:
    """Line `j` heads the next section: a heading (References, Notes, Appendix …), or a short
    label ending in a colon (`Citation:`) that stands after a blank line or is marked up
    (`**Sources:**`); never an indented line, nor a place wrapped onto its own line (`Minneapolis:`)."""
    line, stripped = lines[j], lines[j].strip()
    if len(stripped) >= 60 or line[:1].isspace():
        return False
    if _HEADING.match(stripped) or _OTHER_SECTION.match(stripped) or is_notes_heading(stripped):
        return True
    return bool(_NEXT_SECTION.match(stripped)) and (not lines[j - 1].strip() or stripped.startswith(("**", "#")))


def _best_run(lines: list[str]) -> list[tuple[int, str]]:
    """The longest run of entry-like lines (blank lines, wrapped continuations and two stray
    lines between entries allowed; a stray line of prose closing the run is left out of it).
    Runs a few lines apart are one list broken by odd lines, which stay in it."""
    runs: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    kept = misses = 0  # `current[:kept]` ends with an entry-like line or a continuation
    last = ""  # the run's last non-blank line
    for number, line in enumerate(lines):
        if not line.strip():
            if current:
                current.append((number, line))
            continue
        if _is_back_reference(line):  # `2 Ibid., 52.`: a note, and no list runs through notes
            runs.append(current[:kept])
            current, kept, misses = [], 0, 0
            continue
        if _entry_like(lines, number) or (current and (line[:1].isspace() or (  # a wrapped entry goes on
                not _ENDS_ENTRY.search(last) and len(_PROSE_WORDS.findall(line)) < 2))):
            current.append((number, line))
            kept, misses = len(current), 0
        else:
            misses += 1
            if misses > 2 or not current:
                runs.append(current[:kept])
                current, kept, misses = [], 0, 0
            else:
                current.append((number, line))
                if len(line.strip()) < 60 and not _PROSE_WORDS.search(line):
                    kept = len(current)  # an entry's tail after a stop (`2011;17(1): 141-51.`), no prose
        last = line
    runs.append(current[:kept])
    merged: list[list[tuple[int, str]]] = []
    for run in filter(None, runs):
        gap = [(n, lines[n]) for n in range(merged[-1][-1][0] + 1, run[0][0])] if merged else []
        if merged and len(gap) < _RUN_GAP and _opens_like_a_list(run) \
                and not any(_is_back_reference(line) for _, line in gap):
            merged[-1] = merged[-1] + gap + run
        else:
            merged.append(run)
    best = max(merged, key=_entry_count, default=[])
    content = [(n, line) for n, line in enumerate(lines) if line.strip()]
    if content and _entry_count(content) == len(content):
        return content  # a short list pasted alone: every line is an entry, nothing else there
    return best if _entry_count(best) >= 3 and _opens_like_a_list(best) else []


_RUN_GAP = 6  # lines between two runs that make them one list


def _is_back_reference(line: str) -> bool:
    """A line that is a note's back-reference (`2 Ibid., 52.`, `همان، ص ۷۰`), its number aside."""
    mark = _list_mark(line)
    return find_backref(line[mark[1]:] if mark else line) is not None


def _opens_like_a_list(run: list[tuple[int, str]]) -> bool:
    """Most entries of a list open with names or a number; lines of prose about dated events
    and cited authors (`The coup of August 1953 …`, `Abrahamian (1982) and Keddie (1981) …`)
    score as entries too, but hardly any opens so."""
    openers = sum(1 for _, line in run if line.strip() and (_opens_with_names(line) or _numbered(line)))
    return openers >= 0.5 * _entry_count(run)


def _entry_like(lines: list[str], number: int) -> bool:
    """The line scores as an entry, alone or with the line after it when that line goes on with
    it (`Abrahamian, Ervand. Iran Between Two Revolutions. Princeton: Princeton University` /
    `Press, 1982.`, or an indented second line), less when it opens with names."""
    line = lines[number]
    if entry_score(line) >= 0.5:
        return True
    after = lines[number + 1] if number + 1 < len(lines) else ""
    goes_on = after[:1].isspace() or not _ENDS_ENTRY.search(line)  # a hanging indent, or no stop yet
    joined = entry_score(f"{line.strip()} {after.strip()}") if after.strip() and goes_on else 0.0
    return joined >= 0.5 or (joined >= 0.3 and _opens_with_names(line))


def _entry_count(run: list[tuple[int, str]]) -> int:
    return sum(1 for _, line in run if entry_score(line) >= 0.5)


def split_entries(block: list[tuple[int, str]], offsets: list[int]) -> list[Entry]:
    """Entries of a section: numbered or one per line, hanging-indent lines joined; a page
    number or running head between them (a PDF's page break) is left out."""
    entries: list[tuple[int, list[str]]] = []
    filled = [(number, line) for number, line in block if line.strip()]
    filled_texts = [line for _, line in filled]
    lines = [filled[i] for i in range(len(filled)) if not _page_furniture(filled_texts, i)]
    texts = [line for _, line in lines]
    numbered = sum(1 for line in texts if _numbered(line)) >= max(2, len(texts) // 2) \
        or _counts_up(texts)  # or wrapped entries numbered 1, 2, 3 …
    expected = None  # in a numbered list, the number the next entry carries
    unindented = not numbered and _wrapped_without_indents(texts)
    widths = _column_widths(texts) if unindented else {}
    for number, line in lines:
        if numbered:
            starts_new, expected = _next_in_list(line, expected)
        elif unindented:
            starts_new = bool(entries) and _opens_an_entry(line, entries[-1][1], _fill(entries[-1][1][-1], line, widths))
        else:
            starts_new = not (entries and (line[:1].isspace() or (
                _CONTINUATION.match(line) and not _NAME_OPENING.match(line))))  # `al-Ḥuṣrī, Sāṭiʿ.` opens one
        if starts_new or not entries:
            entries.append((number, [line.strip()]))
        else:
            entries[-1][1].append(line.strip())
    out = []
    for number, parts in entries:
        text = _join_wrapped(parts)
        mark = _list_mark(text) if numbered else None
        text = text[mark[1]:] if mark else text
        out.append(Entry(text.strip(), number + 1, offsets[number]))
    return out


# a line that ends an entry: a stop, a closing bracket or quote, a number, an address
_NO_DATE_MARK = rf"(?<!\w)(?:{NO_DATE.pattern})(?!\w)"  # `n.d.`, `د. ت`, `بی‌تا` standing alone (not `محمد. تاریخ`)
_ENDS_ENTRY = re.compile(rf"(?:[.)\]»”\"]|[\d۰-۹٠-٩]|https?://\S+|doi:\S+|\.(?:pdf|html?|php|aspx?)|{_NO_DATE_MARK})"
                         r"[\s*†‡§]*$", re.IGNORECASE)  # footnote marks after the stop (`2015. *†`) too
_PARTICLE = r"(?:de|da|di|du|des|del|della|van|von|der|den|ter|la|le|al|el|bin|ibn|abu|ben|dos|das|zu)"
# an entry's opening names: `Family, Given`, `Family, I.`, `FAMILY, Given`, Vancouver `Cole J.`,
# `نام‌خانوادگی، نام`, or the dash that repeats the authors above
_NAME_OPENING = re.compile(
    rf"^\s*(?:[·•▪]\s*)?(?:[^\W\d_][\w'’ʿʾ\-]+(?:\s(?:{_PARTICLE}\s)?[^\W\d_][\w'’ʿʾ\-]+)?,\s*[ʿʾ'’]?[^\W\d_a-z\u00DF-\u00FF]"  # `al-Bannā, Ḥasan`
    rf"|(?:{_PARTICLE}\s)?[A-Z][\w'’\-]+\s(?:[A-Z]\.?){{1,3}}[,.:]*\s"  # Vancouver `Cole J.`, `Harrison R.M.,`, `de Foucault B.`
    rf"|(?:[A-Z]\.\s?){{1,3}}(?:{_PARTICLE}\s)?[A-Z][\w'’\-]+(?:,|\s(?:and|&)\s)"  # `T. Tiedje,`, `D. H. van Hessem,`, `S. Gallagher and`
    r"|[A-Z]{1,3}\s[A-Z][\w'’\-]+,"  # `AM Trinkoff,`
    r"|[A-Z][A-Z'’\-]{2,}(?:[,.]\s|\s\(|\s[A-Z][a-z])"  # `COLLECTIF.`, `ALLEN (J.P.)`, `KAHAN Marcel`
    r"|[A-Z][\w&’'.-]*(?:\s[A-Z][\w&’'.-]*){0,5}\s\((?:1[5-9]|20)\d\d[a-z]?\)"  # `International Crisis Group (2018)`
    rf"|[{ARABIC_LETTER}\u200c]+(?:\s[{ARABIC_LETTER}\u200c]+){{0,3}}\s*،\s*[{ARABIC_LETTER}]"
    rf"|[{ARABIC_LETTER}\u200c]+(?:\s[{ARABIC_LETTER}\u200c]+)?\.\s"  # `الجاحظ.`, `ابن النديم.`
    r"|[—–_-]{2,})")
# given names first (`Suk-Hwan Suh and …`, `Louay Saleh, Philippe …`, `Ervand Abrahamian, Iran …`):
# taken as names when the first word is a known given name
_GIVEN_FIRST_OPENING = re.compile(r"^\s*([A-Z][\w'’\-]+)\s(?:[A-Z]\.\s?)*[A-Z][\w'’\-]+(?:,|\s(?:and|&)\s)")
# a name of one word after a particle (`Ibn Khaldun.`, `Abū Dīb,`), when the first word is a known particle
_PARTICLE_FIRST_OPENING = re.compile(r"^\s*([A-Z][\w'’]+)\s[A-ZĀĪŪḤṢḌṬẒʿ][\w'’ʿʾ\-]+[.,]\s")


def _opens_with_names(line: str) -> bool:
    if _cue_or_place_first(line):
        return False  # `هجری. تهران: زوار.`, `تهران: نشر نی`: a wrapped entry's tail
    if _NAME_OPENING.match(line):
        return True
    given = _GIVEN_FIRST_OPENING.match(line)
    if given and "given" in tags_for(given.group(1)):
        return True
    particle = _PARTICLE_FIRST_OPENING.match(line)
    return bool(particle) and "particle" in tags_for(particle.group(1))


def _cue_or_place_first(line: str) -> bool:
    """The line's first word is an Arabic-script cue (هجری, ترجمه, جلد) or place (تهران), no name."""
    words = line.split(maxsplit=1)
    first = words[0].strip(".,:،؛") if words else ""
    return has_arabic(first) and any(tag == "place" or tag.startswith("cue:") for tag in tags_for(first))


_IMPRINT_OPENING = re.compile(r"^\s*[^\W\d_][\w .'’-]{0,30}:\s")  # `London: Frank Cass, 1966.`


def _wrapped_without_indents(lines: list[str]) -> bool:
    """A list copied from a PDF: its entries wrap onto lines that are not indented, so many
    lines end in the middle of an entry (`… Princeton University` / `Press, 1982.`); a list
    of one entry a line where a few entries lack their final stop is not one."""
    open_ends = sum(1 for line in lines[:-1] if not _ENDS_ENTRY.search(line))
    return open_ends >= max(1, len(lines) // 5) and not any(line[:1].isspace() for line in lines[1:])


def _column_widths(lines: list[str]) -> dict[bool, int]:
    """The width in characters a wrapped list's lines fill (the ninth tenth of their lengths),
    apart for lines in Arabic script (key True) and the others, whose letters are not as wide;
    only for those with lines enough to tell."""
    lengths: dict[bool, list[int]] = {}
    for line in lines:
        lengths.setdefault(has_arabic(line), []).append(len(line.strip()))
    return {script: sorted(found)[len(found) * 9 // 10] for script, found in lengths.items() if len(found) >= 4}


def _fill(before: str, line: str, widths: dict[bool, int]) -> float | None:
    """How much of the column the line before would fill with this line's first word on it: at
    1 or more it had no room, and was wrapped; well short of 1, it ended for another reason (its
    entry ended). None when the column's width is not known."""
    words, width = line.split(), widths.get(has_arabic(before))
    return (len(before) + 1 + len(words[0])) / width if width and words else None


def _opens_an_entry(line: str, entry: list[str], fill: float | None = None) -> bool:
    """In such a list, a line opens a new entry when the line before ended well short of the
    column (`fill` under 0.7: proportional fonts make a PDF's full lines differ by a tenth or so)
    and this one opens as an entry does (a capital, a quote, a name; not `and`, `pp.`), or when
    the entry so far is complete (it has its date and its last line could end it: not `… IEEE
    Trans.` / `Electron Devices 1984`) and the line opens with names or reads as a whole dated
    (title-first) entry that is no imprint (`London: Frank Cass, 1966.`, `Sinauer Associates,
    Inc., Sunderland, MA.`); names also open one after a sentence's stop (not an initial's: `… K.
    Chu, M.` / `Murphy, …`) on a line that was not full, and after an entry with its date but no
    final stop when the line has a year too."""
    if not re.search(r"[^\W_]", line):
        return True  # no letter nor digit (`%%%% ####`): no entry's tail; kept apart, and reported
    names = _opens_with_names(line)
    if fill is not None and fill < 0.7 and (names or _TITLE_OPENING.match(line)) \
            and not _OPEN_END.search(entry[-1]):
        return True
    so_far = " ".join(entry)
    dated = bool(_DATED.search(so_far))
    complete = dated and bool(_ENDS_ENTRY.search(entry[-1]))
    if names:
        sentence_ended = bool(_SENTENCE_END.search(entry[-1])) and (fill is None or fill < 0.9)
        return complete or sentence_ended or (dated and bool(_YEAR.search(line)))
    return complete and entry_score(line) >= 0.5 and bool(_PRINTED_YEAR.search(line)) \
        and not _IMPRINT_OPENING.match(line) and bool(_TITLE_OPENING.match(line))


# a line that cannot end an entry: `Minneapolis:`, `… and`, `pp.`
_OPEN_END = re.compile(r"(?:[:,;&(\[–—-]|\b(?:and|in|of|the|pp?\.|eds?\.|vol\.|و|در|از))\s*$", re.IGNORECASE)
# a stop that ends a sentence, not an initial (`… K. Chu, M.` / `Murphy, …` goes on)
_SENTENCE_END = re.compile(r"(?:[^\W\d_]{2,}|\d)[.)\]»”\"][\s*†‡§]*$")
# a year as an entry prints it: not pages after a colon (`34(12):1489–1511`), nor a range's end
_PRINTED_YEAR = re.compile(r"(?<![\d:])(?<!\d[–-])(?:1[5-9]\d\d|20[0-4]\d|[۱١][۲-۴۹٢-٤٩][۰-۹٠-٩]{2})(?!\d)")


_DATED = re.compile(rf"{_YEAR.pattern}|{_NO_DATE_MARK}|https?://", re.IGNORECASE)


_TITLE_OPENING = re.compile(rf"^\s*[\"“«‘]?[A-Z\u00C0-\u00DE{ARABIC_LETTER}]")  # not `(abstract).`, `and …`, `1996.`


# a number and a space (`1 Abrahamian E. …`, as a PDF copies a numbered list), before a word, a
# quote, a bracket, a bullet or the dash that repeats the authors above
_BARE_NUMBER = re.compile(r"^\s*[\d۰-۹٠-٩]{1,4}\s+(?=[^\W\d_]|[“\"«(\[‘'·•▪]|[—–_-]{2})")


def _list_mark(line: str, bare: bool = True) -> tuple[int | None, int] | None:
    """The list number opening `line` (`1.`, `[1]`, `(1)`, `۱-`, or, with `bare`, `1 `) and where
    the entry's text starts after it; None when the line opens with none. A mark without
    digits has no number."""
    mark = _NUMBER.match(line) or (_BARE_NUMBER.match(line) if bare else None)
    if not mark:
        return None
    digits = re.search(r"[\d۰-۹٠-٩]+", mark.group())
    return (int(digits.group().translate(ASCII_DIGITS)) if digits else None), mark.end()


def _next_in_list(line: str, expected: int | None) -> tuple[bool, int | None]:
    """Whether `line` opens the next entry of a numbered list, and the number after it. The
    numbers count up: a wrapped line that starts with a number (`10.1044/…`, `1998. London`) goes
    on with its entry; a number ahead (entries left out of the paste) opens one if names follow
    it, or, a few ahead, if the line reads as an entry."""
    mark = _list_mark(line)
    if mark is None or mark[0] is None:
        return mark is not None, expected
    here, rest = mark[0], line[mark[1]:]
    if expected is None or here == expected or (here == 1 and _opens_with_names(rest)) \
            or (expected < here < 1000 and _opens_with_names(rest)) \
            or (expected < here <= expected + 3 and _numbered(line)) \
            or (expected - 3 <= here < expected and _opens_with_names(rest)):  # back in step after a slip
        return True, here + 1
    return False, expected


def _counts_up(lines: list[str]) -> bool:
    """Lines opening with bare numbers 1, 2, 3 … (at least three, in order, other lines between,
    and at least one in ten lines: not `2 vols.` met by chance in a long list): a numbered list
    whose entries wrap."""
    numbered = _counting_lines(lines, bare_only=True)
    return len(numbered) >= max(3, len(lines) / 10)  # an entry wraps onto a few lines, not dozens


def _counting_lines(lines: list[str], bare_only: bool = False) -> list[int]:
    """Indices of the lines whose list numbers count up from 1 (a number or three may be missing:
    entries left out of the paste, or a number a line does not show)."""
    found, expected = [], 1
    for i, line in enumerate(lines):
        mark = _list_mark(line) if not bare_only or _BARE_NUMBER.match(line) else None
        if mark and mark[0] is not None and expected <= mark[0] <= expected + 3:
            found.append(i)
            expected = mark[0] + 1
    return found


def _numbered(line: str) -> bool:
    """The line opens with a list number: `1.`, `[1]`, `(1)`, `۱-`, or a bare number when what
    follows opens with names or reads as an entry (not `3 vols. Tehran`)."""
    if _NUMBER.match(line):
        return True
    mark = _list_mark(line)
    return mark is not None and (_opens_with_names(line[mark[1]:]) or entry_score(line[mark[1]:]) >= 0.5)


def _join_wrapped(parts: list[str]) -> str:
    """Join wrapped lines; a word hyphenated at the line end is rejoined (`Mur-` + `phy`)."""
    pieces = [parts[0]]
    for part in parts[1:]:
        before = pieces[-1]
        if before.endswith("-") and "a" <= before[-2:-1] <= "z" and part[:1].islower():
            pieces[-1] = before[:-1]
            pieces.append(part)
        else:
            pieces += [" ", part]
    return "".join(pieces)


def find_entries(text: str) -> list[Entry]:
    """Every reference entry in a document (none when it has no reference list)."""
    offsets, pos = [], 0
    for line in text.splitlines(keepends=True):
        offsets.append(pos)
        pos += len(line)
    return [e for block in find_sections(text) for e in split_entries(block, offsets)]


def entries_from_lines(text: str) -> list[Entry]:
    """`--lines`: every non-empty line is one entry."""
    out, pos = [], 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        if line.strip():
            out.append(Entry(line.strip(), number, pos + len(line) - len(line.lstrip())))
        pos += len(line)
    return out
