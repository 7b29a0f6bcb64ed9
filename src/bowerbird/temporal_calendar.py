"""Calendar periods used by the temporal tagger: construction, shifting and formatting.

A :class:`Period` is a calendar interval at one granularity (a day, an ISO week, a
month, a quarter, a half year, a season, a year, a decade or a century).  It knows
its TIMEX3 ``value`` string, its first day and the coarse precision Bowerbird stores
with event dates (``day`` / ``week`` / ``month`` / ``year``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: Granularities from finest to coarsest.
GRANULARITIES = ("day", "week", "month", "quarter", "half", "season", "year", "decade", "century")
SEASONS = ("SP", "SU", "FA", "WI")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar period. ``year`` is the ISO year for weeks; ``index`` depends on ``gran``.

    day: index = proleptic ordinal of the date; week: ISO week number; month: 1-12;
    quarter: 1-4; half: 1-2; season: 0-3 (index into :data:`SEASONS`); year/decade/
    century: unused (0); for decades ``year`` is the first year (1990), for centuries
    the first year (1900).
    """

    gran: str
    year: int
    index: int = 0

    @property
    def first_day(self) -> dt.date:
        """The first calendar day of the period."""
        if self.gran == "day":
            return dt.date.fromordinal(self.index)
        if self.gran == "week":
            return dt.date.fromisocalendar(self.year, self.index, 1)
        if self.gran == "month":
            return dt.date(self.year, self.index, 1)
        if self.gran == "quarter":
            return dt.date(self.year, 3 * self.index - 2, 1)
        if self.gran == "half":
            return dt.date(self.year, 6 * self.index - 5, 1)
        if self.gran == "season":
            return dt.date(self.year, _SEASON_START[SEASONS[self.index]], 1)
        return dt.date(max(self.year, 1), 1, 1)

    @property
    def value(self) -> str:
        """The TIMEX3 value string (``1998-02-06``, ``1998-W06``, ``1998-Q1``, ``199``...)."""
        y = f"{self.year:04d}"
        if self.gran == "day":
            return self.first_day.isoformat()
        if self.gran == "week":
            return f"{y}-W{self.index:02d}"
        if self.gran == "month":
            return f"{y}-{self.index:02d}"
        if self.gran == "quarter":
            return f"{y}-Q{self.index}"
        if self.gran == "half":
            return f"{y}-H{self.index}"
        if self.gran == "season":
            return f"{y}-{SEASONS[self.index]}"
        if self.gran == "decade":
            return y[:3]
        if self.gran == "century":
            return y[:2]
        return y

    @property
    def precision(self) -> str | None:
        """Coarse precision for event dates: the finest stored level that contains the period."""
        if self.gran in ("day", "week", "month"):
            return self.gran
        if self.gran in ("quarter", "half", "season", "year"):
            return "year"
        return None

    @property
    def date(self) -> str | None:
        """First day of the stored-precision period (None for decades and centuries)."""
        prec = self.precision
        if prec is None:
            return None
        if prec == "year":
            return dt.date(self.year, 1, 1).isoformat()
        return self.first_day.isoformat()


def day(d: dt.date) -> Period:
    return Period("day", d.year, d.toordinal())


def week_of(d: dt.date) -> Period:
    iso = d.isocalendar()
    return Period("week", iso.year, iso.week)


def month_of(d: dt.date) -> Period:
    return Period("month", d.year, d.month)


def quarter_of(d: dt.date) -> Period:
    return Period("quarter", d.year, (d.month - 1) // 3 + 1)


def year_of(d: dt.date) -> Period:
    return Period("year", d.year)


def coarsen(p: Period, gran: str) -> Period:
    """The period of granularity ``gran`` containing the first day of ``p``."""
    d = p.first_day
    if gran == "day":
        return day(d)
    if gran == "week":
        return week_of(d)
    if gran == "month":
        return month_of(d)
    if gran == "quarter":
        return quarter_of(d)
    if gran == "half":
        return Period("half", d.year, 1 if d.month <= 6 else 2)
    if gran == "decade":
        return Period("decade", d.year - d.year % 10)
    if gran == "century":
        return Period("century", d.year - d.year % 100)
    return year_of(d)


def add_months(d: dt.date, months: int) -> dt.date:
    """``d`` moved by whole months, clamping the day to the target month's length."""
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    for dd in (d.day, 30, 29, 28):
        try:
            return dt.date(y, m + 1, dd)
        except ValueError:
            continue
    return dt.date(y, m + 1, 28)


def shift(p: Period, unit: str, n: int) -> Period:
    """Move ``p`` by ``n`` units (day, week, month, quarter, year, decade), keeping ``p``'s
    granularity.  Years shift seasons, halves and quarters by whole years."""
    d = p.first_day
    if unit == "day":
        d2 = d + dt.timedelta(days=n)
    elif unit == "week":
        d2 = d + dt.timedelta(weeks=n)
    elif unit == "month":
        d2 = add_months(d, n)
    elif unit == "quarter":
        d2 = add_months(d, 3 * n)
    elif unit == "decade":
        d2 = add_months(d, 120 * n)
    else:  # year
        d2 = add_months(d, 12 * n)
    if p.gran == "season":
        return Period("season", d2.year, p.index)
    if p.gran == "week" and unit == "year":
        return Period("week", p.year + n, min(p.index, 52))
    return coarsen(Period("day", d2.year, d2.toordinal()), p.gran)


def finer(a: str, b: str) -> str:
    """The finer of two granularities."""
    return a if GRANULARITIES.index(a) <= GRANULARITIES.index(b) else b


def weekday_on_or_before(ref: dt.date, weekday: int) -> dt.date:
    """The latest date <= ``ref`` falling on ``weekday`` (0 = Monday)."""
    return ref - dt.timedelta(days=(ref.weekday() - weekday) % 7)


def weekday_on_or_after(ref: dt.date, weekday: int) -> dt.date:
    """The earliest date >= ``ref`` falling on ``weekday`` (0 = Monday)."""
    return ref + dt.timedelta(days=(weekday - ref.weekday()) % 7)


def safe_date(year: int, month: int, dom: int) -> dt.date | None:
    """``date(year, month, dom)`` or None when it does not exist."""
    try:
        return dt.date(year, month, dom)
    except ValueError:
        return None


def month_day_year(ref: dt.date, month: int, dom: int | None, future: bool | None) -> int:
    """The year for a month (and day) given without a year.

    Future tense: the first occurrence on or after the reference.  Past tense: the latest
    occurrence on or before the reference, unless that is more than about ten months ago
    (then the nearest occurrence).  Unknown tense: the occurrence nearest the reference.
    """

    def start(y: int) -> dt.date:
        return safe_date(y, month, dom or 1) or dt.date(y, month, 28)

    def end(y: int) -> dt.date:
        if dom is not None:
            return start(y)
        return add_months(dt.date(y, month, 1), 1) - dt.timedelta(days=1)

    cands = (ref.year - 1, ref.year, ref.year + 1)
    if future:
        return next(y for y in cands if end(y) >= ref)
    past = [y for y in cands if start(y) <= ref]
    latest = past[-1]
    if future is False and (ref - end(latest)).days <= 310:
        return latest

    def dist(y: int) -> int:
        if start(y) <= ref <= end(y):
            return 0
        return min(abs((start(y) - ref).days), abs((end(y) - ref).days))

    return min(cands, key=dist)
