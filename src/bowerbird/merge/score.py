"""The pair score that decides whether two event reports describe the same occurrence.

A report is one extracted event (one row of ``events``) reduced to the features that
matter for merging (:class:`Report`).  :func:`score_pair` first applies the hard
constraints (same PLOVER type and status, compatible dyad, overlapping dates, compatible
place); a pair that fails one scores ``None``.  Otherwise the score is a weighted mean of
five similarities (dyad, date, place, trigger word, sentence context), each in [0, 1],
with the weights taken from the settings (:class:`MergeConfig`).  The score depends on
the two reports only, never on what else is stored, so merging is order independent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from bowerbird.plover import SYMMETRIC
from bowerbird.settings import Settings

#: Length in days of each date precision (a date is the first day of its period).
PRECISION_DAYS: dict[str, int] = {"day": 1, "week": 7, "month": 31, "year": 366}
MAX_SPAN_DAYS = max(PRECISION_DAYS.values())

_WORD = re.compile(r"[a-z][a-z'-]+")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "they",
        "he",
        "she",
        "we",
        "said",
        "says",
        "will",
        "would",
        "after",
        "before",
        "over",
        "about",
        "into",
        "than",
        "but",
        "not",
        "also",
        "which",
        "who",
        "whom",
        "while",
        "during",
    ]
)


@dataclass(frozen=True, slots=True)
class MergeConfig:
    """The merge settings (see ``settings.py``: ``merge_*``)."""

    threshold: float = 0.55
    w_dyad: float = 0.30
    w_date: float = 0.25
    w_place: float = 0.10
    w_trigger: float = 0.15
    w_context: float = 0.20
    tolerance_days: int = 1

    @classmethod
    def from_settings(cls, s: Settings) -> MergeConfig:
        return cls(
            threshold=s.merge_threshold,
            w_dyad=s.merge_w_dyad,
            w_date=s.merge_w_date,
            w_place=s.merge_w_place,
            w_trigger=s.merge_w_trigger,
            w_context=s.merge_w_context,
            tolerance_days=s.merge_date_tolerance_days,
        )


@dataclass(frozen=True, slots=True)
class Report:
    """One event report, as the merge sees it."""

    event_id: str
    doc_id: str
    event_type: str
    status: str
    source: str | None
    targets: frozenset[str]
    start: date
    precision: str
    place: str | None = None
    country: str | None = None
    trigger: str = ""
    text: str = ""
    date_source: str = "text"
    confidence: float = 0.0
    #: Last day of the date's period (computed once: pair scoring reads it many times).
    end: date = field(init=False, repr=False, compare=False)
    #: The source and targets together (computed once, like ``end``).
    actors: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        days = PRECISION_DAYS.get(self.precision, 1) - 1
        object.__setattr__(self, "end", self.start + timedelta(days=days))
        source = {self.source} if self.source else frozenset()
        object.__setattr__(self, "actors", self.targets | source)


@lru_cache(maxsize=4096)
def words(text: str) -> frozenset[str]:
    """Content words of a sentence (lower case, no stop words), for context similarity.

    Cached: a report's sentence is compared with every other report of its block."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A crude stem for trigger words (met/meeting/meets -> mee..., talks -> talk).

    Cached: the same trigger words come back in pair after pair."""
    w = word.lower().strip()
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)][:5]
    return w[:5]


def dyad_similarity(a: Report, b: Report) -> tuple[float, str] | None:
    """1.0 for the same dyad (either direction for symmetric types), 0.5 when one side is
    missing in one report; None when the dyads conflict or share no actor."""
    if not (a.actors & b.actors):
        return None
    if a.source == b.source and a.targets == b.targets:
        return 1.0, "same dyad"
    if a.event_type in SYMMETRIC and a.actors == b.actors:
        return 1.0, "same dyad (symmetric)"
    src_ok = a.source is None or b.source is None or a.source == b.source
    tgt_ok = not a.targets or not b.targets or bool(a.targets & b.targets)
    if a.event_type in SYMMETRIC and not (src_ok and tgt_ok):
        small, big = sorted((a.actors, b.actors), key=len)
        if small <= big:
            return 0.5, "one side missing (symmetric)"
    if src_ok and tgt_ok:
        return 0.5, "compatible dyad (one side missing)"
    return None


def date_similarity(a: Report, b: Report, tolerance: int) -> tuple[float, str] | None:
    """1.0 for the same day, 0.7 within the tolerance, 0.5 when a coarser precision
    contains the other date; None when the periods do not overlap."""
    tol = timedelta(days=tolerance)
    if a.start > b.end + tol or b.start > a.end + tol:
        return None
    if a.precision == "day" and b.precision == "day":
        return (1.0, "same day") if a.start == b.start else (0.7, "dates within tolerance")
    return 0.5, "dates within precision"


def place_similarity(a: Report, b: Report) -> tuple[float, str] | None:
    if a.country and b.country and a.country != b.country:
        return None
    if a.place and b.place:
        if a.place.lower() == b.place.lower():
            return 1.0, "same place"
        return 0.5, "same country"
    return 0.5, "place unknown in one report"


def score_pair(a: Report, b: Report, cfg: MergeConfig) -> tuple[float, dict[str, object]] | None:
    """The merge score of two reports and why, or None if a hard constraint fails."""
    if a.event_type != b.event_type or a.status != b.status:
        return None
    dyad = dyad_similarity(a, b)
    if dyad is None:
        return None
    when = date_similarity(a, b, cfg.tolerance_days)
    if when is None:
        return None
    where = place_similarity(a, b)
    if where is None:
        return None
    trig = 1.0 if a.trigger and stem(a.trigger) == stem(b.trigger) else 0.0
    ctx = jaccard(words(a.text), words(b.text))
    parts = (
        (cfg.w_dyad, dyad[0]),
        (cfg.w_date, when[0]),
        (cfg.w_place, where[0]),
        (cfg.w_trigger, trig),
        (cfg.w_context, ctx),
    )
    total = sum(w for w, _ in parts) or 1.0
    score = sum(w * s for w, s in parts) / total
    why: dict[str, object] = {
        "type": a.event_type,
        "dyad": dyad[1],
        "date": when[1],
        "place": where[1],
        "trigger": "same trigger" if trig else "different trigger",
        "context": round(ctx, 3),
        "same_doc": a.doc_id == b.doc_id,
    }
    return round(score, 4), why
