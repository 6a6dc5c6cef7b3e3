"""Clustering without chaining: merge the best-scored pairs first, and refuse a merge that
would put two records with a hard conflict (DOIs, ISBNs, editions, volumes, pages, years)
into one group, so A~B and B~C never drag an unrelated C into A's group."""

from __future__ import annotations

from dataclasses import dataclass

from bibkit.library.dedup.keys import Keys
from bibkit.library.dedup.scoring import conflict, pages_conflict


@dataclass(frozen=True, slots=True)
class Refusal:
    """A pair that scored as a duplicate but whose groups could not be joined."""

    a: int
    b: int
    reason: str


def group_conflict(a: Keys, b: Keys) -> str | None:
    """What keeps two records out of one group: a hard conflict, or different pages. A
    single page beside a range it is not in (a pinpoint page, an abstract's page, a typo)
    counts against the pair's score but does not keep their groups apart."""
    rule = conflict(a, b)
    if rule:
        return rule
    if pages_conflict(a, b) and a.pages is not None and b.pages is not None \
            and a.pages.is_range() == b.pages.is_range():
        return "different pages"
    return None


def best_first(n: int, pairs: list[tuple[float, int, int]], keys: list[Keys]
               ) -> tuple[list[list[int]], list[Refusal]]:
    """Groups of two or more indices from (score, i, j) duplicate pairs, best first."""
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    refused: list[Refusal] = []
    for _score, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        reason = next((r for x in members[gi] for y in members[gj]
                       if (r := group_conflict(keys[x], keys[y]))), None)
        if reason:
            refused.append(Refusal(i, j, reason))
            continue
        if len(members[gi]) < len(members[gj]):
            gi, gj = gj, gi
        for x in members[gj]:
            group_of[x] = gi
        members[gi].extend(members.pop(gj))
    groups = [sorted(m) for m in members.values() if len(m) > 1]
    return sorted(groups), refused
