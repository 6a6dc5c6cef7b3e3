"""Pairwise scoring: is this pair one work? Evidence is added up as points (log-odds style).

Each field contributes agreement or disagreement points; some disagreements are rules that
say "not a duplicate" whatever the title says (`conflict`): different DOIs, ISBNs, editions
or volumes, a notice (erratum, retraction) beside the work it names, dates to different
days, years more than one apart. A title that differs in script or language (a translation) is not counted against a
pair whose authors, year, volume and pages all agree. Where a parser missed or doubted a
record's title or authors, the other record's title and first author are looked for in the
citation string it was parsed from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz

from bibkit.library.dedup.keys import Keys, Venue
from bibkit.library.textkeys import same_person

# Score bands: at or above DUPLICATE a pair is merged; between REVIEW and DUPLICATE it is
# shown to the user for a decision.
DUPLICATE = 7.0
REVIEW = 4.0


@dataclass(frozen=True, slots=True)
class PairScore:
    score: float  # points; >= DUPLICATE means one work
    reasons: tuple[str, ...]

    @property
    def probability(self) -> float:
        """The points on a 0..1 scale (0.5 at the REVIEW band's middle), for reports."""
        return 1.0 / (1.0 + math.exp(-(self.score - (DUPLICATE + REVIEW) / 2)))


def year_gap(a: Keys, b: Keys) -> int | None:
    """Smallest distance between the Gregorian years the two dates may stand for."""
    if not a.years or not b.years:
        return None
    return min(abs(x - y) for x in a.years for y in b.years)


def volumes_conflict(a: Keys, b: Keys) -> bool:
    """Two clean volume numbers that differ, unless one is the other's supplement number."""
    return bool(a.volume and b.volume and a.volume != b.volume
                and a.volume != b.supplement and b.volume != a.supplement)


def conflict(a: Keys, b: Keys) -> str | None:
    """A rule that makes the pair two works whatever else agrees (None: no such rule): a
    conference paper and its journal version differ in volume, pages or year; two issues of
    a newspaper, or two letters, in the day they are dated."""
    if a.doi and b.doi and a.doi != b.doi:
        return "different DOIs"
    if a.isbns and b.isbns and not a.isbns & b.isbns:
        return "different ISBNs"
    if a.edition and b.edition and a.edition != b.edition:
        return "different editions"
    if a.notice != b.notice:
        return "a notice (erratum, retraction) and the work it names"
    if a.doi and a.doi == b.doi:
        return None
    if volumes_conflict(a, b):
        return "different volumes"
    if a.day and b.day and a.day != b.day:
        return "dated to different days"
    gap = year_gap(a, b)
    if gap is not None and gap > 1:
        return "years more than one apart"
    return None


def _prefix_of(short: str, long: str) -> bool:
    """`short` is `long` with its subtitle cut at a word boundary (`Arab Contemporaries` of
    `Arab contemporaries: the role of …`); two words and 15 letters at least."""
    return (" " in short and len(short) >= 15 and long.startswith(short)
            and long[len(short):len(short) + 1] == " ")


def _variant_similarity(a: str, b: str) -> float:
    """Titles written apart differently (`classi fiers`, `net-works`), cut after their
    subtitle, or with text around them (`mansour (1996). applying …`)."""
    compact = fuzz.ratio(a.replace(" ", ""), b.replace(" ", "")) / 100
    if _prefix_of(a, b) or _prefix_of(b, a):
        return max(compact, 0.95)
    short, long = sorted((a, b), key=len)
    if short.count(" ") >= 3 and fuzz.partial_ratio(short, long) >= 95:
        return max(compact, 0.93)
    return compact


def title_similarity(a: Keys, b: Keys) -> float:
    """Best similarity (0..1) over the title forms; skeletons bridge script and romanization."""
    best = 0.0
    for ta in a.titles:
        for tb in b.titles:
            score = fuzz.ratio(ta, tb) / 100
            if score < 0.95:
                score = max(score, _variant_similarity(ta, tb))
            best = max(best, score)
    if a.arabic or b.arabic:
        for sa in a.skeletons:
            for sb in b.skeletons:
                best = max(best, _skeleton_similarity(sa, sb))
    return best


def source_similarity(a: Keys, b: Keys) -> float:
    """0.95 when a title of four words or more is found in the citation text of a record
    whose parser missed that title or cut it wrong (its own title, if any, is part of it or
    holds it), else 0. A book title in a chapter's `In: …` part is not the chapter's title."""
    for x, y in ((a, b), (b, a)):
        if y.source and x.titles:
            title = x.titles[0]
            if title.count(" ") < 3 or len(title) < 20:
                continue
            if y.titles and fuzz.partial_ratio(y.titles[0], title) < 80:
                continue
            if fuzz.partial_ratio(title, y.source) >= 95:
                return 0.95
    return 0.0


def _author_in_source(a: Keys, b: Keys) -> bool:
    """One record's first family name among the names that open the other's citation text."""
    for x, y in ((a, b), (b, a)):
        if y.source_head and x.first_author:
            family = x.first_author[0].split()
            if family and len(family[-1]) >= 3 and family[-1] in y.source_head:
                return True
    return False


def _skeleton_similarity(a: str, b: str) -> float:
    """Skeletons of 6 classes or more are compared fuzzily; shorter ones (کویر, Kuyr) only
    count when equal, since a near-miss of two letters says little."""
    if min(len(a), len(b)) >= 6:
        return fuzz.ratio(a, b) / 100
    return 0.95 if a == b and len(a) >= 2 else 0.0


def _title_points(sim: float) -> float:
    if sim >= 0.98:
        return 6.0
    if sim >= 0.94:
        return 5.0
    if sim >= 0.90:
        return 3.0
    if sim >= 0.80:
        return 0.5
    if sim >= 0.65:
        return 0.0
    return -5.0


def _author_points(a: Keys, b: Keys) -> tuple[float, str]:
    if a.first_author is None or b.first_author is None:
        return (2.0, "first author in the citation text") if _author_in_source(a, b) else (0.0, "")
    if same_person(a.first_author, b.first_author):
        return 2.0, "first authors match"
    if set(a.authors) & set(b.authors):
        return 0.5, "authors overlap"
    if _author_in_source(a, b):
        return 2.0, "first author in the citation text"
    return -4.0, "authors differ"


@lru_cache(maxsize=1 << 14)
def _acronym_of(letters: str, words: tuple[str, ...]) -> bool:
    """`letters` spelled by the starts of `words` in order, two words at least: `stoc` of
    `symposium on theory of computing`, `colt` of `computational learning theory`."""
    @cache
    def spell(i: int, j: int, two: bool) -> bool:  # letters[i:] from words[j:]
        if i == len(letters):
            return two
        for w in range(j, len(words)):
            for k in range(min(len(words[w]), len(letters) - i), 0, -1):
                if words[w].startswith(letters[i:i + k]) and spell(i + k, w + 1, two or i > 0):
                    return True
        return False

    return spell(0, 0, False)


def _acronym_venue(a: Venue, b: Venue) -> bool:
    """One venue is an acronym, maybe with a year or volume (`stoc 94`, `jcss 48 3`,
    `colt-91`), of the other written out."""
    for short, long in ((a, b), (b, a)):
        if len(long.words) >= 2 and any(
                t not in long.words and _acronym_of(t, long.words) for t in short.acronyms):
            return True
    return False


def venues_match(a: Venue, b: Venue) -> bool:
    """Same venue, written in full, abbreviated (`J Arid Environ`) or as an acronym (`STOC`)."""
    if fuzz.ratio(a.text, b.text) >= 90 or _acronym_venue(a, b):
        return True
    short, long = (a.content, b.content) if len(a.content) <= len(b.content) else (b.content, a.content)
    if len(short) < 2:
        return False
    it = iter(long)
    return all(any(word.startswith(s) for word in it) for s in short)


def _locators_agree(a: Keys, b: Keys) -> bool:
    """Volume and page range present and equal, and the issues do not differ."""
    return bool(
        a.volume and a.volume == b.volume and a.pages and b.pages and a.pages == b.pages
        and not (a.issue and b.issue and a.issue != b.issue)
    )


def _issue_points(a: Keys, b: Keys) -> float:
    """Issues agree a little; small issue numbers that differ mean another issue (long
    "issue" numbers in exports are often record numbers, so they say nothing)."""
    if not a.issue or not b.issue:
        return 0.0
    if a.issue == b.issue:
        return 0.5
    return -5.0 if len(a.issue) <= 2 and len(b.issue) <= 2 else 0.0


def pages_conflict(a: Keys, b: Keys) -> bool:
    return a.pages is not None and b.pages is not None and a.pages.agrees(b.pages) is False


def _page_points(a: Keys, b: Keys) -> float:
    if a.pages is None or b.pages is None:
        return 0.0
    agree = a.pages.agrees(b.pages)
    if agree is None:
        return 0.0
    return 2.0 if agree else -4.0


def _work_points(a: Keys, b: Keys, reasons: list[str]) -> tuple[float, bool]:
    """Points from title, first author and year; and whether the titles agree."""
    sim = title_similarity(a, b)
    if sim < 0.95 and (a.source or b.source) and (found := source_similarity(a, b)):
        sim = found
        reasons.append("title found in the citation text")
    reasons.append(f"title {sim:.2f}")
    title = _title_points(sim) if (a.titles and b.titles) or sim else -5.0
    if a.generic or b.generic:
        title = min(title, 1.0)
    author, why = _author_points(a, b)
    if why:
        reasons.append(why)
    gap = year_gap(a, b)
    translated = a.arabic != b.arabic or a.translated or b.translated
    if title < 0 and translated and author > 0 and gap == 0 and _locators_agree(a, b):
        title = 2.0
        reasons.append("translated title, same locator")
    points = title + author
    if gap == 0:
        points += 1.0
    elif gap is not None:
        points -= 1.0
        reasons.append("years apart")
    return points, title > 0


def _locator_points(a: Keys, b: Keys, titles_agree: bool, reasons: list[str]) -> float:
    """Points from identifiers, volume, issue, pages, venue and numbers in the titles. An
    identifier shared by records with other titles is weak (supplement-wide DOIs)."""
    points = 0.0
    if a.doi and a.doi == b.doi:
        points += 6.0 if titles_agree else 1.0
        reasons.append("same DOI")
    if a.isbns & b.isbns:
        points += 4.0 if titles_agree else 1.0
        reasons.append("same ISBN")
    if a.volume and a.volume == b.volume:
        points += 1.0
    issue, pages = _issue_points(a, b), _page_points(a, b)
    if issue < 0:
        reasons.append("issues differ")
    if pages < 0:
        reasons.append("pages differ")
    points += issue + pages
    if a.title_numbers and b.title_numbers and a.title_numbers != b.title_numbers and a.arabic == b.arabic:
        points -= 5.0
        reasons.append("numbers in titles differ")
    if a.container and b.container:
        if venues_match(a.container, b.container):
            points += 1.0
        elif _other_journal(a, b):
            points -= 5.0
            reasons.append("journals differ")
    return points


def _other_journal(a: Keys, b: Keys) -> bool:
    """Two English-language records in journals that share no word: another publication of
    the text (`ACP Journal Club` reprinting an `Annals` abstract), not the same record. Not
    applied across scripts or translations, where one journal's names differ by design."""
    if a.arabic or b.arabic or a.translated or b.translated:
        return False
    if not (a.container and b.container and a.container.text.isascii() and b.container.text.isascii()):
        return False
    return fuzz.token_set_ratio(a.container.text, b.container.text) < 40


def score_pair(a: Keys, b: Keys) -> PairScore:
    """Points for "one work" with the reasons behind them."""
    rule = conflict(a, b)
    if rule:
        return PairScore(-10.0, (rule,))
    reasons: list[str] = []
    work, titles_agree = _work_points(a, b, reasons)
    return PairScore(work + _locator_points(a, b, titles_agree, reasons), tuple(reasons))
