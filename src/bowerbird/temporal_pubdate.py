"""Infer a missing publication date from an article's own text.

Rules, in order:

1. A dateline or byline date with a year near the top ("Published 16 August 2021",
   "KABUL, Aug 16, 2021 (Reuters)", "August 16, 2021" as the first line) is the
   publication date.
2. Otherwise take every explicit full date with a year (``16 August 2021``,
   ``2021-08-16``, ``Aug. 16, 2021``) not in a future-tense clause; the latest one,
   ``L``, is a lower bound.  A dateline without a year ("KABUL, Aug 16 (Reuters)")
   takes the first such month/day on or after ``L``.
3. Without a dateline, weekday mentions in past-tense clauses ("on Wednesday") refine
   ``L``: among ``L .. L+7`` pick the earliest date for which the most weekday mentions
   resolve (most recent such weekday on or before the date) to a day on or after ``L``.

The result is ``(date, evidence)``; None when the text has no explicit dated mention
with a year.  Today's date is never used.
"""

from __future__ import annotations

import datetime as dt
import re

from bowerbird.temporal import Timex, find_timexes, lexical_future
from bowerbird.temporal_calendar import safe_date, weekday_on_or_before
from bowerbird.temporal_lexicon import MONTH, MONTHS, WEEKDAYS

_PLACEHOLDER = dt.date(2000, 1, 1)  # explicit full dates do not depend on the reference
_BYLINE = re.compile(
    r"(?i:published|posted|updated|first published|last updated|dateline|date)\s*(?:on|:)?\s*$"
)
_DATELINE_NO_YEAR = re.compile(
    rf"^[ \t]*[A-Z][A-Za-z .'-]{{1,40}},(?:[ \t]+[A-Z][A-Za-z .'-]{{1,30}},)?[ \t]+"
    rf"(?:(?P<mon>{MONTH})[ \t]+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})[ \t]+(?P<mon2>{MONTH}))"
    r"(?![,\s]*\d{4})",
    re.MULTILINE,
)
_HEAD_CHARS = 300


def _explicit_dates(text: str) -> list[Timex]:
    return [
        t
        for t in find_timexes(text, _PLACEHOLDER)
        if t.kind == "DATE"
        and t.precision == "day"
        and t.date is not None
        and (re.search(r"\b\d{4}\b", t.text) is not None)
    ]


def _dateline_without_year(text: str, floor: dt.date) -> tuple[dt.date, str] | None:
    m = _DATELINE_NO_YEAR.search(text[:_HEAD_CHARS])
    if m is None:
        return None
    mon = MONTHS[(m["mon"] or m["mon2"]).lower().rstrip(".")]
    dom = int(m["d"] or m["d2"])
    for year in (floor.year, floor.year + 1):
        d = safe_date(year, mon, dom)
        if d is not None and d >= floor:
            return d, f"dateline {m.group().strip()!r} with year from the latest dated mention"
    return None


def infer(text: str) -> tuple[dt.date, str] | None:
    """Implementation of :func:`bowerbird.temporal.infer_publication_date`."""
    dates = _explicit_dates(text)
    if not dates:
        return None
    for t in dates:
        if t.start < _HEAD_CHARS and (
            _BYLINE.search(text[max(0, t.start - 40) : t.start])
            or (
                re.match(r"[ \t]*(?:[(\-—/|]|\n|$)", text[t.end :])
                and not text[: t.start].strip(" \t").endswith(("in", "on", "since"))
            )
        ):
            assert t.date is not None
            return dt.date.fromisoformat(t.date), f"dateline/byline date {t.text!r}"
    past = [t for t in dates if lexical_future(text, t.start, t.end) is not True] or dates
    latest_t = max(past, key=lambda t: t.date or "")
    assert latest_t.date is not None
    floor = dt.date.fromisoformat(latest_t.date)
    dl = _dateline_without_year(text, floor)
    if dl is not None:
        return dl
    mentions = [
        (m.start(), WEEKDAYS[m.group(1).lower()])
        for m in re.finditer(
            r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text
        )
        if lexical_future(text, m.start(), m.end()) is not True
    ]
    evidence = f"latest dated mention {latest_t.text!r}"
    if not mentions:
        return floor, evidence
    best = floor
    best_score = -1
    for k in range(8):
        cand = floor + dt.timedelta(days=k)
        score = sum(weekday_on_or_before(cand, wd) >= floor for _, wd in mentions)
        if score > best_score:
            best, best_score = cand, score
    names = sorted({text[s : s + 9].split()[0].strip(".,;") for s, _ in mentions})
    return (
        best,
        f"{evidence}; weekday mentions {', '.join(names)} ({best_score}/{len(mentions)} fit)",
    )
