"""Blocking: which pairs are worth scoring, so cost grows near-linearly with the records.

Every record emits a few keys that survive romanization and reformatting (DOI, ISBN, the
first and last title words, the title's consonant skeleton, the first author's name key with
the year, volume with first page). Records sharing a key are candidates. A block too big to
compare all-against-all (a common title, a prolific author-year) is compared in a sliding
window over its titles instead, stretched over a run of one title.
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
    for members in blocks.values():
        if len(members) < 2:
            continue
        for i, j in _block_pairs(members, keys):
            seen.add(i * n + j if i < j else j * n + i)
    return sorted(divmod(code, n) for code in seen)


def _block_pairs(members: list[int], keys: list[Keys]) -> Iterator[tuple[int, int]]:
    if len(members) <= MAX_BLOCK:
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                yield i, j
        return
    titles = {i: keys[i].titles[0] if keys[i].titles else "" for i in members}
    ordered = sorted(members, key=titles.__getitem__)
    for x, i in enumerate(ordered):
        # the window, stretched over a run of one title (many copies of one work) up to
        # MAX_BLOCK records, so the copies are all compared and none is left to chance
        end = x + 1 + WINDOW
        while end < min(len(ordered), x + 1 + MAX_BLOCK) and titles[ordered[end]] == titles[i]:
            end += 1
        for j in ordered[x + 1:end]:
            yield i, j
