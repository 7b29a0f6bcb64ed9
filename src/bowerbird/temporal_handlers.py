"""Handlers of the temporal rules: each turns one rule match into a TimeML value and period.

:func:`bowerbird.temporal.find_timexes` finds rule matches (patterns in
:mod:`bowerbird.temporal_rules`) and calls :func:`resolve` on each, left to right, with a
:class:`State` that carries the reference date and the anchor for anaphoric expressions
("the previous day"); the conventions are in :mod:`bowerbird.temporal`'s docstring.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from bowerbird import temporal_calendar as cal
from bowerbird.temporal_calendar import Period
from bowerbird.temporal_lexicon import (
    DAY_PARTS,
    MONTHS,
    SEASON_CODES,
    UNIT_CODES,
    WEEKDAYS,
    parse_number,
    parse_ordinal_day,
    parse_spoken_year,
)
from bowerbird.temporal_rules import Rule, amount_before


@dataclass(slots=True)
class State:
    """Resolution context, updated as expressions are resolved left to right."""

    ref: dt.date
    future: bool | None = None
    anchor: Period | None = None  # last calendar expression
    anchor_day: Period | None = None  # last day-level expression


@dataclass(frozen=True, slots=True)
class Res:
    """A resolved match: TimeML type and value, and the calendar period it denotes."""

    kind: str
    value: str
    period: Period | None = None
    anchor: bool = True  # may later anaphoric expressions anchor on it?


_MOD = {
    "early": "START", "beginning of": "START", "start of": "START", "the beginning of": "START",
    "the start of": "START", "mid": "MID", "middle of": "MID", "the middle of": "MID",
    "late": "END", "end of": "END", "the end of": "END", "the close of": "END",
    "the turn of": "END", "around": "APPROX", "as early as": "START", "as late as": "END",
}  # fmt: skip


def modifier(m: re.Match[str]) -> str | None:
    """The TimeML ``mod`` of a match's modifier group ("mid-", "the end of"), if any."""
    g = m.groupdict().get("mod")
    if not g:
        return None
    return _MOD.get(re.sub(r"\s+", " ", g.lower()).strip(" -"))


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").lower()).strip()


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def resolve(rule: Rule, m: re.Match[str], text: str, st: State) -> Res | None:
    """Resolve one match; None drops it."""
    handler = _HANDLERS[rule.name]
    return handler(m, text, st)


# --- handlers -----------------------------------------------------------------------------


def _h_iso(m: re.Match[str], text: str, st: State) -> Res | None:
    d = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None if d is None else Res("DATE", "", cal.day(d))


def _h_numeric(m: re.Match[str], text: str, st: State) -> Res | None:
    a, b = int(m["a"]), int(m["b"])
    dom, mon = (a, b) if a > 12 else (b, a)
    d = cal.safe_date(int(m["y"]), mon, dom)
    return None if d is None else Res("DATE", "", cal.day(d))


def _h_month_day(m: re.Match[str], text: str, st: State) -> Res | None:
    mon = _month_num(m["mon"])
    dom = parse_ordinal_day(m["d1"])
    if dom is None:
        return None
    if m["y"]:
        d = cal.safe_date(int(m["y"]), mon, dom)
        return None if d is None else Res("DATE", "", cal.day(d))
    wrel = _norm(m["wrel"])
    future = True if wrel in ("next", "this coming") else st.future
    year = cal.month_day_year(st.ref, mon, dom, future)
    if m["wd"]:
        wd = WEEKDAYS[m["wd"].lower()]
        for y in (year, year - 1, year + 1):
            d = cal.safe_date(y, mon, dom)
            if d is not None and d.weekday() == wd:
                year = y
                break
    d = cal.safe_date(year, mon, dom)
    return None if d is None else Res("DATE", "", cal.day(d))


def _h_month_year(m: re.Match[str], text: str, st: State) -> Res | None:
    mon = _month_num(m["mon"])
    if m["y"]:
        year = int(m["y"])
    elif m["sy"]:
        y = parse_spoken_year(m["sy"])
        if y is None:
            return None
        year = y
    else:
        year = st.ref.year + {"this": 0, "last": -1, "next": 1}[_norm(m["yrel"])]
    return Res("DATE", "", Period("month", year, mon))


def _h_month(m: re.Match[str], text: str, st: State) -> Res | None:
    mon = _month_num(m["mon"])
    rel = _norm(m["rel"])
    if rel in ("each", "every"):
        return Res("SET", f"XXXX-{mon:02d}")
    ref_month = st.ref.year * 12 + st.ref.month - 1
    if rel in ("last", "this past"):
        year = st.ref.year if mon < st.ref.month else st.ref.year - 1
    elif rel in ("next", "coming", "this coming"):
        year = st.ref.year if mon > st.ref.month else st.ref.year + 1
    elif rel == "this":
        year = st.ref.year
    else:
        year = cal.month_day_year(st.ref, mon, None, st.future)
    del ref_month
    return Res("DATE", "", Period("month", year, mon))


def _weekday_date(ref: dt.date, wd: int, rel: str, st: State) -> dt.date:
    if rel in ("last", "this past"):
        return cal.weekday_on_or_before(ref - dt.timedelta(days=1), wd)
    if rel in ("next", "this coming", "coming"):
        return cal.weekday_on_or_after(ref + dt.timedelta(days=1), wd)
    anchor = st.anchor_day.first_day if st.anchor_day else ref
    if rel == "the previous":
        return cal.weekday_on_or_before(anchor - dt.timedelta(days=1), wd)
    if rel in ("the following", "the next"):
        return cal.weekday_on_or_after(anchor + dt.timedelta(days=1), wd)
    if rel == "that":
        return cal.weekday_on_or_before(anchor, wd)
    if st.future or (rel == "this" and st.future is not False and wd >= ref.weekday()):
        return cal.weekday_on_or_after(ref, wd)
    return cal.weekday_on_or_before(ref, wd)


def _h_weekday(m: re.Match[str], text: str, st: State) -> Res | None:
    wd = WEEKDAYS[m["wd"].lower()]
    rel = _norm(m["rel"])
    part = DAY_PARTS.get(_norm(m["part"]).rstrip("s")) if m["part"] else None
    if rel in ("each", "every") or m["pl"] or (m["part"] or "").endswith("s"):
        return Res("SET", f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""))
    p = cal.day(_weekday_date(st.ref, wd, rel, st))
    if part:
        return Res("TIME", f"{p.value}T{part}", p)
    return Res("DATE", "", p)


def _h_deictic(m: re.Match[str], text: str, st: State) -> Res | None:
    w = _norm(m["w"])
    offsets = {
        "today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1,
        "the day before yesterday": -2, "the day after tomorrow": 2,
    }  # fmt: skip
    part_word = _norm(m["part"] or m["part2"])
    if not w:
        w = "yesterday" if _norm(m["rel"]) == "last" else "today"
    d = st.ref + dt.timedelta(days=offsets[w])
    p = cal.day(d)
    part = DAY_PARTS.get(part_word) or ("NI" if w in ("tonight", "overnight") else None)
    if part:
        return Res("TIME", f"{p.value}T{part}", p)
    return Res("DATE", "", p)


def _rel_sign(rel: str) -> tuple[str, int]:
    """Classify a relative word: ("dct"|"ana", offset)."""
    if rel in (
        "last",
        "the past",
        "the last",
        "this past",
        "the latest",
        "the latest fiscal",
        "last fiscal",
    ):
        return "dct", -1
    if rel in ("next", "the next", "the coming", "this coming", "next fiscal"):
        return "dct", 1
    if rel in ("the previous", "the prior", "the preceding"):
        return "ana", -1
    if rel in ("the following", "the subsequent"):
        return "ana", 1
    if rel in ("that", "the same"):
        return "ana", 0
    return "dct", 0


def _weekend(ref: dt.date, offset: int, future: bool | None) -> Res:
    if offset < 0:
        sat = cal.weekday_on_or_before(ref - dt.timedelta(days=2 if ref.weekday() == 6 else 1), 5)
    elif offset > 0 or (future and ref.weekday() < 5):
        sat = cal.weekday_on_or_after(ref + dt.timedelta(days=1), 5)
    else:
        sat = cal.weekday_on_or_before(ref, 5) if ref.weekday() != 6 else ref - dt.timedelta(days=1)
    p = cal.week_of(sat)
    return Res("DATE", f"{p.value}-WE", p)


def _h_rel_unit(m: re.Match[str], text: str, st: State) -> Res | None:
    rel = _norm(m["rel"])
    unit = _norm(m["unit"])
    if rel.startswith(("earlier in", "later in")):
        rel = "this"
    how, off = _rel_sign(rel)
    if unit == "day" and rel == "the next":
        how = "ana"
    if unit == "weekend":
        return _weekend(st.ref, off, st.future)
    gran = {"day": "day", "week": "week", "month": "month", "year": "year"}.get(unit, unit)
    base_src = st.anchor if how == "ana" and st.anchor is not None else None
    if unit == "day":
        base_src = st.anchor_day
    base = (
        cal.coarsen(base_src, gran) if base_src is not None else cal.coarsen(cal.day(st.ref), gran)
    )
    shift_unit = "year" if gran == "century" else gran
    n = off * (100 if gran == "century" else 1)
    return Res("DATE", "", cal.shift(base, shift_unit, n) if n else base)


def _h_day_before(m: re.Match[str], text: str, st: State) -> Res | None:
    base = st.anchor_day.first_day if st.anchor_day else st.ref
    d = base + dt.timedelta(days=-1 if _norm(m["dir"]) == "before" else 1)
    return Res("DATE", "", cal.day(d))


def _h_year_end(m: re.Match[str], text: str, st: State) -> Res | None:
    gran = _norm(m["unit"])
    return Res("DATE", "", cal.coarsen(cal.day(st.ref), gran))


_UNIT_GRAN = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year", "decade": "decade", "century": "century"}  # fmt: skip


def _h_ago(m: re.Match[str], text: str, st: State) -> Res | None:
    unit = _norm(m["unit"]).rstrip("s").replace("centurie", "century")
    n = parse_number(m["n"])
    direction = _norm(m["dir"])
    if unit not in _UNIT_GRAN:
        return None  # hours/minutes ago: times we do not resolve
    if n is None:
        return Res(
            "DATE",
            "PAST_REF" if direction in ("ago", "earlier", "before", "previously") else "FUTURE_REF",
        )
    sign = -1 if direction in ("ago", "earlier", "before", "previously") else 1
    gran = _UNIT_GRAN[unit]
    shift_unit = "year" if unit == "century" else unit
    count = n * (100 if unit == "century" else 1)
    anchor = st.anchor
    if direction in ("ago", "from now", "hence"):
        if anchor is not None and anchor.gran == "quarter" and unit in ("year", "quarter"):
            return Res("DATE", "", cal.shift(anchor, shift_unit, sign * count), anchor=False)
        base = cal.coarsen(cal.day(st.ref), gran)
        return Res("DATE", "", cal.shift(base, shift_unit, sign * count), anchor=False)
    if anchor is None or cal.GRANULARITIES.index(anchor.gran) > cal.GRANULARITIES.index(gran):
        base = cal.coarsen(cal.day(st.ref), gran)
    else:
        base = anchor
    return Res("DATE", "", cal.shift(base, shift_unit, sign * count), anchor=False)


def _h_year_ago_adj(m: re.Match[str], text: str, st: State) -> Res | None:
    """Adjectival "year-earlier"/"year-ago": the anchor period (quarter or year) a year back."""
    anchor = st.anchor
    if anchor is not None and anchor.gran in ("quarter", "half", "month", "year"):
        return Res("DATE", "", cal.shift(anchor, "year", -1), anchor=False)
    return Res("DATE", "", Period("year", st.ref.year - 1), anchor=False)


def _h_decade(m: re.Match[str], text: str, st: State) -> Res | None:
    if m["dec"]:
        year = int(m["dec"])
    elif m["dec2"]:
        year = 1900 + 10 * int(m["dec2"])
    else:
        words = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ]
        year = 1920 + 10 * words.index(m["decw"].lower())
    return Res("DATE", "", Period("decade", year))


def _h_century(m: re.Match[str], text: str, st: State) -> Res | None:
    c = int(m["c"])
    return None if c < 1 else Res("DATE", "", Period("century", (c - 1) * 100))


def _h_year(m: re.Match[str], text: str, st: State) -> Res | None:
    return Res("DATE", "", Period("year", int(m["y"])))


def _h_fy(m: re.Match[str], text: str, st: State) -> Res | None:
    y = int(m["y"])
    if y < 100:
        y += 2000 if y <= (st.ref.year % 100) + 20 else 1900
    return Res("DATE", "", Period("year", y))


def _h_spoken_year(m: re.Match[str], text: str, st: State) -> Res | None:
    y = parse_spoken_year(m["y"])
    return None if y is None else Res("DATE", "", Period("year", y))


def _h_season(m: re.Match[str], text: str, st: State) -> Res | None:
    code = SEASON_CODES[m["s"].lower()]
    idx = cal.SEASONS.index(code)
    rel = _norm(m["rel"])
    if m["y"] or m["sy"]:
        y = int(m["y"]) if m["y"] else parse_spoken_year(m["sy"] or "")
        return None if y is None else Res("DATE", "", Period("season", y, idx))
    this = Period("season", st.ref.year, idx)
    start = this.first_day
    end = cal.add_months(start, 3)
    if rel in ("last", "this past"):
        y = st.ref.year if end <= st.ref else st.ref.year - 1
    elif rel in ("next", "this coming"):
        y = st.ref.year if start > st.ref else st.ref.year + 1
    else:
        y = st.ref.year
    return Res("DATE", "", Period("season", y, idx))


_ORD_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}  # fmt: skip


def _h_quarter(m: re.Match[str], text: str, st: State) -> Res | None:
    unit = _norm(m["unit"])
    adj = _norm(m["adj"])
    pre = _norm(m["pre"])
    post = _norm(m["post"])
    ordw = _norm(m["ord"]).strip(" -")
    gran = "half" if unit == "half" else "quarter"
    years = re.findall(r"(?:19|20)\d\d", adj)
    year = int(m["py"]) if m["py"] else int(years[0]) if years else None
    back = (
        bool(re.search(r"year-ago|year-earlier|comparable|corresponding", adj))
        or pre == "last year's"
        or "a year" in post
        or "last year" in post
    )
    if pre == "next year's":
        year = st.ref.year + 1
    if gran == "half":
        idx = 1 if ordw == "first" else 2 if ordw in ("second", "last", "final") else 0
    else:
        idx = _ORD_Q.get(ordw, 0)
    if idx:
        p = Period(gran, year if year is not None else st.ref.year, idx)
    else:
        anchor = st.anchor
        if (
            ordw == "last"
            or "latest" in adj
            or unit == "period"
            or (pre not in ("this",) and "current" not in adj)
        ):
            if anchor is not None and anchor.gran == gran and ordw != "last":
                p = anchor
            else:
                p = cal.shift(
                    cal.coarsen(cal.day(st.ref), gran),
                    "quarter" if gran == "quarter" else "month",
                    -1 if gran == "quarter" else -6,
                )
        else:
            p = cal.coarsen(cal.day(st.ref), gran)
        if year is not None:
            p = Period(gran, year, p.index)
        elif unit == "period" and years:
            p = Period("year", int(years[0]))
    if back:
        return Res("DATE", "", cal.shift(p, "year", -1), anchor=False)
    return Res("DATE", "", p)


def _h_q_abbr(m: re.Match[str], text: str, st: State) -> Res | None:
    y = m["y"] or m["y1"]
    return Res("DATE", "", Period("quarter", int(y) if y else st.ref.year, int(m["q"])))


_REFS = {
    "PRESENT_REF": ("right now", "just now", "now", "currently", "current", "at present", "presently", "these days", "nowadays", "at the moment"),
    "FUTURE_REF": ("soon", "the near future", "the future", "in future", "future", "the near term", "the short term", "the long term", "as soon as possible", "someday", "one day soon"),
}  # fmt: skip


def _h_ref(m: re.Match[str], text: str, st: State) -> Res | None:
    w = _norm(m["w"])
    if w == "current" and re.match(r"\s+(?:account|accounts|affairs|events|of)\b", text[m.end() :]):
        return None
    for value, words in _REFS.items():
        if (
            w in words
            or (w.startswith(("the coming", "coming", "the next few")) and value == "FUTURE_REF")
            or (w.endswith("ahead") and value == "FUTURE_REF")
        ):
            return Res("DATE", value)
    return Res("DATE", "PAST_REF")


def _h_earlier(m: re.Match[str], text: str, st: State) -> Res | None:
    return Res("DATE", "PAST_REF")


def _duration_value(n: int | None, unit: str) -> str:
    unit = unit.lower().rstrip("s").replace("centurie", "century")
    if unit == "decade" and n is not None:
        return f"P{10 * n}Y"
    if unit == "century" and n is not None:
        return f"P{100 * n}Y"
    code = UNIT_CODES.get(unit, "X")
    count = "X" if n is None else str(n)
    if unit in ("hour", "minute", "second"):
        return f"PT{count}{code}"
    return f"P{count}{code}"


def _h_duration(m: re.Match[str], text: str, st: State) -> Res | None:
    n = parse_number(m["n"])
    unit = _norm(m["unit"])
    if _norm(m["n"]) in ("a", "an") and not m["q"] and amount_before(text, m.start()):
        return Res("SET", _duration_value(1, unit))
    return Res("DURATION", _duration_value(n, unit))


def _h_bare_duration(m: re.Match[str], text: str, st: State) -> Res | None:
    return Res("DURATION", _duration_value(None, _norm(m["unit"])))


def _h_set(m: re.Match[str], text: str, st: State) -> Res | None:
    u = _norm(m["u"])
    if _norm(m["kw"]) == "a" and not m["f"] and not amount_before(text, m.start()):
        return None
    if u in DAY_PARTS:
        return Res("SET", f"XXXX-XX-XXT{DAY_PARTS[u]}")
    return Res("SET", _duration_value(1, u))


def _h_set_adv(m: re.Match[str], text: str, st: State) -> Res | None:
    w = _norm(m["w"])
    unit = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
            "quarterly": "month", "hourly": "hour", "nightly": "day", "biweekly": "week"}[w]  # fmt: skip
    n = 3 if w == "quarterly" else 2 if w == "biweekly" else 1
    return Res("SET", _duration_value(n, unit))


_HANDLERS: dict[str, Callable[[re.Match[str], str, State], Res | None]] = {
    "iso": _h_iso, "numeric": _h_numeric, "month_day": _h_month_day, "day_month": _h_month_day,
    "month_year": _h_month_year, "month": _h_month, "weekday": _h_weekday, "deictic": _h_deictic,
    "rel_unit": _h_rel_unit, "day_before": _h_day_before, "year_end": _h_year_end, "ago": _h_ago,
    "decade": _h_decade, "century": _h_century, "year": _h_year, "fy": _h_fy,
    "spoken_year": _h_spoken_year, "season": _h_season, "quarter": _h_quarter,
    "q_abbr": _h_q_abbr, "ref": _h_ref, "earlier": _h_earlier, "duration": _h_duration,
    "bare_duration": _h_bare_duration, "set": _h_set, "set_adv": _h_set_adv,
    "year_ago_adj": _h_year_ago_adj,
}  # fmt: skip
