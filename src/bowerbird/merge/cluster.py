"""Blocking, pair scoring and clustering of event reports.

Reports are compared only inside blocks: a block is one (event type, actor) key, so two
reports can only meet when they share an actor and a type (a hard constraint of the
score anyway); inside a block, reports sorted by start date are compared only with the
ones whose period overlaps theirs (plus the tolerance).  Work is therefore near-linear in
the number of reports for news-like data.  Clusters are the connected components of the
graph of pairs scoring at least the threshold (single link), which do not depend on the
order the reports arrive in.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta

from bowerbird.merge.score import MergeConfig, Report, score_pair


@dataclass(frozen=True, slots=True)
class Link:
    """Two reports joined by the merge, with the score and the matched keys."""

    a: str  # the smaller event id
    b: str
    score: float
    why: dict[str, object]


def block_keys(r: Report) -> Iterator[tuple[str, str]]:
    """The blocks a report belongs to: one per actor taking part in it."""
    for actor in sorted(r.actors):
        yield r.event_type, actor


def candidate_pairs(
    reports: Sequence[Report], tolerance_days: int, only: set[str] | None = None
) -> Iterator[tuple[Report, Report]]:
    """Each pair sharing a block with overlapping dates, once.

    With ``only``, just the pairs where at least one report's id is in ``only`` (the
    new reports of an incremental batch; old pairs were compared when they arrived).
    """
    blocks: dict[tuple[str, str], list[Report]] = defaultdict(list)
    for r in reports:
        for key in block_keys(r):
            blocks[key].append(r)
    tol = timedelta(days=tolerance_days)
    seen: set[tuple[str, str]] = set()
    for key in sorted(blocks):
        members = sorted(blocks[key], key=lambda r: (r.start, r.event_id))
        # with ``only``, a report outside it is paired with the later ``only`` members
        # alone (skipping old-old pairs without looking at them): same pairs, same order
        fresh = [j for j, r in enumerate(members) if only is None or r.event_id in only]
        for i, a in enumerate(members):
            limit = a.end + tol
            if only is None or a.event_id in only:
                later: Iterable[int] = range(i + 1, len(members))
            else:
                later = fresh[bisect_right(fresh, i) :]
            for j in later:
                b = members[j]
                if b.start > limit:
                    break
                pair = (
                    (a.event_id, b.event_id)
                    if a.event_id < b.event_id
                    else (b.event_id, a.event_id)
                )
                if pair in seen or pair[0] == pair[1]:
                    continue
                seen.add(pair)
                yield a, b


def score_links(
    reports: Sequence[Report], cfg: MergeConfig, only: set[str] | None = None
) -> list[Link]:
    """Every candidate pair scoring at least the threshold, sorted by ids."""
    links: list[Link] = []
    for a, b in candidate_pairs(reports, cfg.tolerance_days, only):
        scored = score_pair(a, b, cfg)
        if scored is None or scored[0] < cfg.threshold:
            continue
        lo, hi = sorted((a.event_id, b.event_id))
        links.append(Link(lo, hi, scored[0], scored[1]))
    links.sort(key=lambda k: (k.a, k.b))
    return links


class UnionFind:
    """Disjoint sets over string ids (path halving, union by smaller id as root)."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        self.parent: dict[str, str] = {i: i for i in items}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return {k: sorted(v) for k, v in out.items()}


def representative(members: Sequence[Report]) -> Report:
    """The report that speaks for a cluster: dated from its own text, the finest date
    precision, the most actors, the highest confidence; ties by event id."""
    order = {"day": 0, "week": 1, "month": 2, "year": 3}
    return min(
        members,
        key=lambda r: (
            r.date_source != "text",
            order.get(r.precision, 4),
            -len(r.actors),
            -r.confidence,
            r.event_id,
        ),
    )


def cluster(reports: Sequence[Report], cfg: MergeConfig) -> tuple[dict[str, str], list[Link]]:
    """Cluster reports from scratch: ``{event_id: cluster_id}`` and the links used.

    The cluster id is the event id of the cluster's :func:`representative`.
    """
    links = score_links(reports, cfg)
    uf = UnionFind(r.event_id for r in reports)
    for link in links:
        uf.union(link.a, link.b)
    by_id = {r.event_id: r for r in reports}
    assignment: dict[str, str] = {}
    for members in uf.groups().values():
        rep = representative([by_id[m] for m in members]).event_id
        for m in members:
            assignment[m] = rep
    return assignment, links
