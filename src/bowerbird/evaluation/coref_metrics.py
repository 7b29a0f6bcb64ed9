"""Coreference metrics: MUC, B-cubed, CEAF-e and their CoNLL average.

Clusters are collections of hashable mention ids.  Key (gold) and response (predicted)
may cover different mentions: a mention missing from one side counts as a singleton
there (MUC) or simply shares nothing (B-cubed, CEAF-e), as in the reference scorer.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

Cluster = frozenset[Hashable]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _clusters(groups: Iterable[Iterable[Hashable]]) -> list[Cluster]:
    return [frozenset(g) for g in groups if g]


def _muc_side(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float]:
    where: dict[Hashable, int] = {}
    for i, c in enumerate(response):
        for m in c:
            where[m] = i
    num = den = 0.0
    for c in key:
        parts = {where.get(m, ("single", m)) for m in c}
        num += len(c) - len(parts)
        den += len(c) - 1
    return num, den


def muc(
    key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
) -> tuple[float, float, float]:
    """(recall, precision, F1) of the link-based MUC metric."""
    k, r = _clusters(key), _clusters(response)
    rn, rd = _muc_side(k, r)
    pn, pd = _muc_side(r, k)
    recall = rn / rd if rd else 0.0
    precision = pn / pd if pd else 0.0
    return recall, precision, _f1(precision, recall)


def _b3_side(key: Sequence[Cluster], response: Sequence[Cluster]) -> float:
    where = {m: c for c in response for m in c}
    total = n = 0.0
    for c in key:
        for m in c:
            n += 1
            other = where.get(m)
            if other is not None:
                total += len(c & other) / len(c)
    return total / n if n else 0.0


def b_cubed(
    key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
) -> tuple[float, float, float]:
    """(recall, precision, F1) of the mention-based B-cubed metric."""
    k, r = _clusters(key), _clusters(response)
    recall = _b3_side(k, r)
    precision = _b3_side(r, k)
    return recall, precision, _f1(precision, recall)


def ceaf_e(
    key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
) -> tuple[float, float, float]:
    """(recall, precision, F1) of entity-based CEAF (phi4 similarity, optimal alignment)."""
    k, r = _clusters(key), _clusters(response)
    if not k or not r:
        return 0.0, 0.0, 0.0
    sim = np.zeros((len(k), len(r)))
    where: dict[Hashable, int] = {m: j for j, c in enumerate(r) for m in c}
    for i, c in enumerate(k):
        for j in {where[m] for m in c if m in where}:
            sim[i, j] = 2 * len(c & r[j]) / (len(c) + len(r[j]))
    rows, cols = linear_sum_assignment(sim, maximize=True)
    best = float(sim[rows, cols].sum())
    recall, precision = best / len(k), best / len(r)
    return recall, precision, _f1(precision, recall)


def conll(
    key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
) -> dict[str, float]:
    """Every metric's recall/precision/F1 and the CoNLL F1 (mean of the three F1)."""
    k, r = _clusters(key), _clusters(response)
    out: dict[str, float] = {}
    for name, fn in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        rec, prec, f1 = fn(k, r)
        out[f"{name}_recall"], out[f"{name}_precision"], out[f"{name}_f1"] = rec, prec, f1
    out["conll_f1"] = (out["muc_f1"] + out["b3_f1"] + out["ceafe_f1"]) / 3
    return out
