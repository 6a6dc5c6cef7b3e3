"""Duplicate detection over `Reference` objects: keys -> blocking -> scoring -> clustering.

`find_duplicates(refs)` is the whole API; it needs no library store. Clusters and review
pairs are given as indices into `refs` (ids may repeat across files).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bibkit.library.dedup.blocking import candidate_pairs
from bibkit.library.dedup.cluster import Refusal, best_first
from bibkit.library.dedup.keys import Keys, record_keys
from bibkit.library.dedup.scoring import DUPLICATE, REVIEW, PairScore, score_pair
from bibkit.model import Reference

__all__ = ["DUPLICATE", "REVIEW", "DedupResult", "ScoredPair", "find_duplicates"]

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """A pair of record indices with its score and why."""

    a: int
    b: int
    score: float
    probability: float
    reasons: tuple[str, ...]


@dataclass
class DedupResult:
    clusters: list[list[int]] = field(default_factory=list)  # indices, groups of 2+
    review: list[ScoredPair] = field(default_factory=list)  # unsure pairs, best first
    compared: int = 0  # candidate pairs scored

    def cluster_ids(self, refs: list[Reference]) -> list[list[str]]:
        """The clusters as the records' own ids (CSL-JSON `id`, BibTeX key)."""
        return [[refs[i].id for i in group] for group in self.clusters]


def _scored(i: int, j: int, s: PairScore, extra: tuple[str, ...] = ()) -> ScoredPair:
    return ScoredPair(i, j, s.score, s.probability, s.reasons + extra)


def find_duplicates(refs: list[Reference], *, threshold: float = DUPLICATE,
                    review: float = REVIEW, progress: Progress | None = None) -> DedupResult:
    """Groups of records that are one work, and pairs scored in the review band.

    `threshold` and `review` are points (see `scoring`); `progress` is told how far each
    stage has got (for a progress bar).
    """
    keys: list[Keys] = []
    for i, ref in enumerate(refs):
        keys.append(record_keys(ref))
        if progress and i % 1000 == 0:
            progress("keys", i, len(refs))
    pairs = candidate_pairs(keys)
    scores: dict[tuple[int, int], PairScore] = {}
    for n, (i, j) in enumerate(pairs):
        s = score_pair(keys[i], keys[j])
        if s.score >= review:
            scores[(i, j)] = s
        if progress and n % 5000 == 0:
            progress("pairs", n, len(pairs))
    sure = [(s.score, i, j) for (i, j), s in scores.items() if s.score >= threshold]
    clusters, refused = best_first(len(refs), sure, keys)
    return DedupResult(clusters, _review_pairs(clusters, scores, refused, len(refs)), len(pairs))


def _review_pairs(clusters: list[list[int]], scores: dict[tuple[int, int], PairScore],
                  refused: list[Refusal], n: int) -> list[ScoredPair]:
    """Pairs left in different groups that scored in the review band or were refused."""
    group = list(range(n))
    for g, members in enumerate(clusters):
        for i in members:
            group[i] = n + g
    refusals = {(r.a, r.b): (f"refused: {r.reason}",) for r in refused}
    out = [_scored(i, j, s, refusals.get((i, j), ())) for (i, j), s in scores.items()
           if group[i] != group[j]]
    return sorted(out, key=lambda p: (-p.score, p.a, p.b))
