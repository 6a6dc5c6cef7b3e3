"""Blocking: which pairs are worth scoring, so cost grows near-linearly with the records.

Every record emits a few keys that survive romanization and reformatting (DOI, ISBN, the
first and last title words, the title's consonant skeleton, the first author's name key with
the year, volume with first page). Records sharing a key are candidates. A block too big to
compare all-against-all (a common title, a prolific author-year) is compared in a sliding
window over its titles instead (a block of title ends also over the titles read from their
ends), stretched over a run of one title.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from bibkit.library.dedup.keys import Keys

MAX_BLOCK = 40  # all-pairs up to this size
WINDOW = 12  # neighbours compared in bigger blocks


def blocking_keys(k: Keys) -> Iterator[tuple[str, ...]]:
    """The keys one record is filed under."""
    if k.doi:
        yield ("doi", k.doi)
    for isbn in k.isbns:
        yield ("isbn", isbn)
    for title, skel in zip(k.titles, k.skeletons):
        words = title.split()
        yield ("head", *words[:3])
        if len(words) > 3:
            yield ("tail", *words[-3:])
        skel_words = skel.split()
        if len(skel_words) >= 2:
            yield ("skel", *skel_words[:3])
    if author := k.author_block:
        for year in k.years:
            yield ("author-year", author, str(year))
            yield ("author-year", author, str(year + 1))
    if k.volume and k.pages is not None:
        yield ("locator", k.volume, k.pages.prefix, str(k.pages.first))


def candidate_pairs(keys: list[Keys]) -> list[tuple[int, int]]:
    """Index pairs (i < j) that share at least one blocking key."""
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        for key in set(blocking_keys(k)):
            blocks[key].append(i)
    n = len(keys)
    seen: set[int] = set()
    for key, members in blocks.items():
        if len(members) < 2:
            continue
        for i, j in _block_pairs(members, keys, by_end=key[0] == "tail"):
            seen.add(i * n + j if i < j else j * n + i)
    return sorted(divmod(code, n) for code in seen)


def _block_pairs(members: list[int], keys: list[Keys], by_end: bool = False) -> Iterator[tuple[int, int]]:
    """All pairs of a small block; in a big one, each record with its neighbours in title
    order, and in a block keyed by title ends (`by_end`) also in the order of the titles
    read backwards, where a title with words before it (`1993 inference of …`, `unifying
    bounds on …`) sits beside its copies."""
    if len(members) <= MAX_BLOCK:
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                yield i, j
        return
    # titles without their spaces, so `on-line` sorts beside `online` and `learn ing` beside `learning`
    titles = {i: keys[i].titles[0].replace(" ", "") if keys[i].titles else "" for i in members}
    yield from _window_pairs(members, titles)
    if by_end:
        yield from _window_pairs(members, {i: title[::-1] for i, title in titles.items()})


def _window_pairs(members: list[int], titles: dict[int, str]) -> Iterator[tuple[int, int]]:
    """Each record with the next WINDOW records in the order of `titles`."""
    ordered = sorted(members, key=titles.__getitem__)
    for x, i in enumerate(ordered):
        # the window, stretched over a run of one title (many copies of one work) up to
        # MAX_BLOCK records, so the copies are all compared and none is left to chance
        end = x + 1 + WINDOW
        while end < min(len(ordered), x + 1 + MAX_BLOCK) and titles[ordered[end]] == titles[i]:
            end += 1
        for j in ordered[x + 1:end]:
            yield i, j
