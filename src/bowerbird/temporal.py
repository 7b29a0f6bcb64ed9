"""Rule-based detection and TIMEX3-style normalisation of temporal expressions.

:func:`find_timexes` finds dates, times, durations and sets in English news text and
resolves them against a reference (publication) date, following TimeML TIMEX3
conventions for ``kind`` (DATE / TIME / DURATION / SET) and ``value``
("2021-08-16", "2021-W33", "2021-08", "2021-Q3", "199", "PAST_REF", "P2W" ...).

Conventions (documented choices):

* Spans follow TimeML: prepositions ("on", "in", "for") are not part of the span;
  modifiers are ("early", "mid-", "the end of", "late", "earlier", "around").
* ``date`` is the first day of the period at the stored ``precision``: a day, an
  ISO week (Monday), a month (the 1st) or a year (1 January).  Quarters, halves and
  seasons get precision ``year`` (the value keeps the detail); decades, centuries,
  references (``PAST_REF``...) and durations get ``date=None``.
* Early/mid/late month or year ("mid-August", "late 2019") keep the value of the
  month/year (TimeML puts the modifier in ``mod``: ``START``/``MID``/``END``), with
  the date of the whole period: "mid-August" -> value ``2021-08``, date
  ``2021-08-01``, precision ``month``, mod ``MID``.
* Weekdays resolve to the most recent such day on or before the reference (the
  reference itself when it is that weekday) unless the clause is in future tense,
  then to the next one on or after it.  Month-day without a year: see
  :func:`bowerbird.temporal_calendar.month_day_year`.
* Anaphoric expressions ("the previous day", "a year earlier", "the following
  month", "that quarter") are anchored on the most recent earlier expression in the
  same text, falling back to the reference date.  "a year ago" keeps the
  granularity of a quarter mentioned just before ("third-quarter profit ... a year
  ago" -> the same quarter last year), as TimeBank annotates it.
* Ranges ("28-30 September", "between Monday and Wednesday") give one timex whose
  value and date are the first day.
"""

from __future__ import annotations

import bisect
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
from bowerbird.temporal_rules import Rule, amount_before, rules

__all__ = ["Timex", "find_timexes", "infer_publication_date"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: span, TimeML type and value, and the resolved date."""

    start: int
    end: int
    text: str
    kind: str  # "DATE" | "TIME" | "DURATION" | "SET"
    value: str  # TIMEX3 value
    date: str | None  # YYYY-MM-DD, first day of the period at `precision`
    precision: str | None  # "day" | "week" | "month" | "year"
    future: bool  # resolved forward in time
    mod: str | None = None  # TimeML mod: START, MID, END, APPROX


@dataclass(slots=True)
class _State:
    """Resolution context, updated as expressions are resolved left to right."""

    ref: dt.date
    future: bool | None = None
    anchor: Period | None = None  # last calendar expression
    anchor_day: Period | None = None  # last day-level expression


@dataclass(frozen=True, slots=True)
class _Res:
    kind: str
    value: str
    period: Period | None = None
    anchor: bool = True  # may later anaphoric expressions anchor on it?


_FUTURE_CUES = re.compile(
    r"\b(?:will|shall|won't|'ll|(?:is|are|was|were) (?:due |set |scheduled |expected |going )?to|"
    r"plans? to|planned|planning|scheduled|due to|expected to|expects? to|set to|going to|"
    r"intends? to|aims? to|next|upcoming|later this|hopes? to|would)\b",
    re.IGNORECASE,
)
_PAST_CUES = re.compile(
    r"\b(?:said|was|were|had|did|told|met|held|took|came|went|began|made|left|saw|"
    r"\w{3,}(?<!need)(?<!speed)(?<!hundred)(?<!indeed)ed)\b",
    re.IGNORECASE,
)
_SENT_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z])|\n\s*\n")
_MOD = {
    "early": "START", "beginning of": "START", "start of": "START", "the beginning of": "START",
    "the start of": "START", "mid": "MID", "middle of": "MID", "the middle of": "MID",
    "late": "END", "end of": "END", "the end of": "END", "the close of": "END",
    "the turn of": "END", "around": "APPROX", "as early as": "START", "as late as": "END",
}  # fmt: skip


def _sentence_bounds(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENT_END.finditer(text)]


def lexical_future(text: str, start: int, end: int, bounds: list[int] | None = None) -> bool | None:
    """Tense of the clause around ``text[start:end]`` from cue words in the same sentence.

    The tense cue nearest to the expression decides: future ("will", "plans to",
    "scheduled", "next"...) -> True, past ("said", "was", "-ed" verbs) -> False, none ->
    None.
    """
    b = bounds if bounds is not None else _sentence_bounds(text)
    i = bisect.bisect_right(b, start) - 1
    s0 = b[i]
    s1 = b[i + 1] if i + 1 < len(b) else len(text)
    best: tuple[int, bool] | None = None
    future_spans: list[tuple[int, int]] = []
    for regex, is_future in ((_FUTURE_CUES, True), (_PAST_CUES, False)):
        for m in regex.finditer(text, s0, s1):
            if start <= m.start() < end:
                continue
            if not is_future and any(a <= m.start() < z + 30 for a, z in future_spans):
                continue
            if is_future:
                future_spans.append((m.start(), m.end()))
            dist = start - m.end() if m.end() <= start else m.start() - end + 30
            if not is_future and m.group().lower().endswith("ed") and len(m.group()) > 4:
                dist += 20  # "-ed" words are weak cues (adjectives, passives)
            if best is None or dist < best[0]:
                best = (dist, is_future)
    return None if best is None else best[1]


def _mod(m: re.Match[str]) -> str | None:
    g = m.groupdict().get("mod")
    if not g:
        return None
    return _MOD.get(re.sub(r"\s+", " ", g.lower()).strip(" -"))


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").lower()).strip()


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _resolve(rule: Rule, m: re.Match[str], text: str, st: _State) -> _Res | None:
    """Resolve one match; None drops it."""
    handler = _HANDLERS[rule.name]
    return handler(m, text, st)


# --- handlers -----------------------------------------------------------------------------


def _h_iso(m: re.Match[str], text: str, st: _State) -> _Res | None:
    d = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None if d is None else _Res("DATE", "", cal.day(d))


def _h_numeric(m: re.Match[str], text: str, st: _State) -> _Res | None:
    a, b = int(m["a"]), int(m["b"])
    dom, mon = (a, b) if a > 12 else (b, a)
    d = cal.safe_date(int(m["y"]), mon, dom)
    return None if d is None else _Res("DATE", "", cal.day(d))


def _h_month_day(m: re.Match[str], text: str, st: _State) -> _Res | None:
    mon = _month_num(m["mon"])
    dom = parse_ordinal_day(m["d1"])
    if dom is None:
        return None
    if m["y"]:
        d = cal.safe_date(int(m["y"]), mon, dom)
        return None if d is None else _Res("DATE", "", cal.day(d))
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
    return None if d is None else _Res("DATE", "", cal.day(d))


def _h_month_year(m: re.Match[str], text: str, st: _State) -> _Res | None:
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
    return _Res("DATE", "", Period("month", year, mon))


def _h_month(m: re.Match[str], text: str, st: _State) -> _Res | None:
    mon = _month_num(m["mon"])
    rel = _norm(m["rel"])
    if rel in ("each", "every"):
        return _Res("SET", f"XXXX-{mon:02d}")
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
    return _Res("DATE", "", Period("month", year, mon))


def _weekday_date(ref: dt.date, wd: int, rel: str, st: _State) -> dt.date:
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


def _h_weekday(m: re.Match[str], text: str, st: _State) -> _Res | None:
    wd = WEEKDAYS[m["wd"].lower()]
    rel = _norm(m["rel"])
    part = DAY_PARTS.get(_norm(m["part"]).rstrip("s")) if m["part"] else None
    if rel in ("each", "every") or m["pl"] or (m["part"] or "").endswith("s"):
        return _Res("SET", f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""))
    p = cal.day(_weekday_date(st.ref, wd, rel, st))
    if part:
        return _Res("TIME", f"{p.value}T{part}", p)
    return _Res("DATE", "", p)


def _h_deictic(m: re.Match[str], text: str, st: _State) -> _Res | None:
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
        return _Res("TIME", f"{p.value}T{part}", p)
    return _Res("DATE", "", p)


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


def _weekend(ref: dt.date, offset: int, future: bool | None) -> _Res:
    if offset < 0:
        sat = cal.weekday_on_or_before(ref - dt.timedelta(days=2 if ref.weekday() == 6 else 1), 5)
    elif offset > 0 or (future and ref.weekday() < 5):
        sat = cal.weekday_on_or_after(ref + dt.timedelta(days=1), 5)
    else:
        sat = cal.weekday_on_or_before(ref, 5) if ref.weekday() != 6 else ref - dt.timedelta(days=1)
    p = cal.week_of(sat)
    return _Res("DATE", f"{p.value}-WE", p)


def _h_rel_unit(m: re.Match[str], text: str, st: _State) -> _Res | None:
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
    return _Res("DATE", "", cal.shift(base, shift_unit, n) if n else base)


def _h_day_before(m: re.Match[str], text: str, st: _State) -> _Res | None:
    base = st.anchor_day.first_day if st.anchor_day else st.ref
    d = base + dt.timedelta(days=-1 if _norm(m["dir"]) == "before" else 1)
    return _Res("DATE", "", cal.day(d))


def _h_year_end(m: re.Match[str], text: str, st: _State) -> _Res | None:
    gran = _norm(m["unit"])
    return _Res("DATE", "", cal.coarsen(cal.day(st.ref), gran))


_UNIT_GRAN = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year", "decade": "decade", "century": "century"}  # fmt: skip


def _h_ago(m: re.Match[str], text: str, st: _State) -> _Res | None:
    unit = _norm(m["unit"]).rstrip("s").replace("centurie", "century")
    n = parse_number(m["n"])
    direction = _norm(m["dir"])
    if unit not in _UNIT_GRAN:
        return None  # hours/minutes ago: times we do not resolve
    if n is None:
        return _Res(
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
            return _Res("DATE", "", cal.shift(anchor, shift_unit, sign * count), anchor=False)
        base = cal.coarsen(cal.day(st.ref), gran)
        return _Res("DATE", "", cal.shift(base, shift_unit, sign * count), anchor=False)
    if anchor is None or cal.GRANULARITIES.index(anchor.gran) > cal.GRANULARITIES.index(gran):
        base = cal.coarsen(cal.day(st.ref), gran)
    else:
        base = anchor
    return _Res("DATE", "", cal.shift(base, shift_unit, sign * count), anchor=False)


def _h_year_ago_adj(m: re.Match[str], text: str, st: _State) -> _Res | None:
    """Adjectival "year-earlier"/"year-ago": the anchor period (quarter or year) a year back."""
    anchor = st.anchor
    if anchor is not None and anchor.gran in ("quarter", "half", "month", "year"):
        return _Res("DATE", "", cal.shift(anchor, "year", -1), anchor=False)
    return _Res("DATE", "", Period("year", st.ref.year - 1), anchor=False)


def _h_decade(m: re.Match[str], text: str, st: _State) -> _Res | None:
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
    return _Res("DATE", "", Period("decade", year))


def _h_century(m: re.Match[str], text: str, st: _State) -> _Res | None:
    c = int(m["c"])
    return None if c < 1 else _Res("DATE", "", Period("century", (c - 1) * 100))


def _h_year(m: re.Match[str], text: str, st: _State) -> _Res | None:
    return _Res("DATE", "", Period("year", int(m["y"])))


def _h_fy(m: re.Match[str], text: str, st: _State) -> _Res | None:
    y = int(m["y"])
    if y < 100:
        y += 2000 if y <= (st.ref.year % 100) + 20 else 1900
    return _Res("DATE", "", Period("year", y))


def _h_spoken_year(m: re.Match[str], text: str, st: _State) -> _Res | None:
    y = parse_spoken_year(m["y"])
    return None if y is None else _Res("DATE", "", Period("year", y))


def _h_season(m: re.Match[str], text: str, st: _State) -> _Res | None:
    code = SEASON_CODES[m["s"].lower()]
    idx = cal.SEASONS.index(code)
    rel = _norm(m["rel"])
    if m["y"] or m["sy"]:
        y = int(m["y"]) if m["y"] else parse_spoken_year(m["sy"] or "")
        return None if y is None else _Res("DATE", "", Period("season", y, idx))
    this = Period("season", st.ref.year, idx)
    start = this.first_day
    end = cal.add_months(start, 3)
    if rel in ("last", "this past"):
        y = st.ref.year if end <= st.ref else st.ref.year - 1
    elif rel in ("next", "this coming"):
        y = st.ref.year if start > st.ref else st.ref.year + 1
    else:
        y = st.ref.year
    return _Res("DATE", "", Period("season", y, idx))


_ORD_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}  # fmt: skip


def _h_quarter(m: re.Match[str], text: str, st: _State) -> _Res | None:
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
        return _Res("DATE", "", cal.shift(p, "year", -1), anchor=False)
    return _Res("DATE", "", p)


def _h_q_abbr(m: re.Match[str], text: str, st: _State) -> _Res | None:
    y = m["y"] or m["y1"]
    return _Res("DATE", "", Period("quarter", int(y) if y else st.ref.year, int(m["q"])))


_REFS = {
    "PRESENT_REF": ("right now", "just now", "now", "currently", "current", "at present", "presently", "these days", "nowadays", "at the moment"),
    "FUTURE_REF": ("soon", "the near future", "the future", "in future", "future", "the near term", "the short term", "the long term", "as soon as possible", "someday", "one day soon"),
}  # fmt: skip


def _h_ref(m: re.Match[str], text: str, st: _State) -> _Res | None:
    w = _norm(m["w"])
    if w == "current" and re.match(r"\s+(?:account|accounts|affairs|events|of)\b", text[m.end() :]):
        return None
    for value, words in _REFS.items():
        if (
            w in words
            or (w.startswith(("the coming", "coming", "the next few")) and value == "FUTURE_REF")
            or (w.endswith("ahead") and value == "FUTURE_REF")
        ):
            return _Res("DATE", value)
    return _Res("DATE", "PAST_REF")


def _h_earlier(m: re.Match[str], text: str, st: _State) -> _Res | None:
    return _Res("DATE", "PAST_REF")


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


def _h_duration(m: re.Match[str], text: str, st: _State) -> _Res | None:
    n = parse_number(m["n"])
    unit = _norm(m["unit"])
    if _norm(m["n"]) in ("a", "an") and not m["q"] and amount_before(text, m.start()):
        return _Res("SET", _duration_value(1, unit))
    return _Res("DURATION", _duration_value(n, unit))


def _h_bare_duration(m: re.Match[str], text: str, st: _State) -> _Res | None:
    return _Res("DURATION", _duration_value(None, _norm(m["unit"])))


def _h_set(m: re.Match[str], text: str, st: _State) -> _Res | None:
    u = _norm(m["u"])
    if _norm(m["kw"]) == "a" and not m["f"] and not amount_before(text, m.start()):
        return None
    if u in DAY_PARTS:
        return _Res("SET", f"XXXX-XX-XXT{DAY_PARTS[u]}")
    return _Res("SET", _duration_value(1, u))


def _h_set_adv(m: re.Match[str], text: str, st: _State) -> _Res | None:
    w = _norm(m["w"])
    unit = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
            "quarterly": "month", "hourly": "hour", "nightly": "day", "biweekly": "week"}[w]  # fmt: skip
    n = 3 if w == "quarterly" else 2 if w == "biweekly" else 1
    return _Res("SET", _duration_value(n, unit))


_HANDLERS: dict[str, Callable[[re.Match[str], str, _State], _Res | None]] = {
    "iso": _h_iso, "numeric": _h_numeric, "month_day": _h_month_day, "day_month": _h_month_day,
    "month_year": _h_month_year, "month": _h_month, "weekday": _h_weekday, "deictic": _h_deictic,
    "rel_unit": _h_rel_unit, "day_before": _h_day_before, "year_end": _h_year_end, "ago": _h_ago,
    "decade": _h_decade, "century": _h_century, "year": _h_year, "fy": _h_fy,
    "spoken_year": _h_spoken_year, "season": _h_season, "quarter": _h_quarter,
    "q_abbr": _h_q_abbr, "ref": _h_ref, "earlier": _h_earlier, "duration": _h_duration,
    "bare_duration": _h_bare_duration, "set": _h_set, "set_adv": _h_set_adv,
    "year_ago_adj": _h_year_ago_adj,
}  # fmt: skip


#: Every temporal expression contains one of these: a digit, a month or weekday name, a
#: calendar noun, a deictic or temporal adverb, or a number word (spoken years).  Rules
#: are only run on windows around them, which keeps the scan cheap on long articles.
_SIGNAL = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
    r"|\b(?:today|tonight|yesterday|tomorrow|now|current|recent|former|previous|soon|later|"
    r"earlier|ago|past|future|present|day|week|fortnight|month|year|decade|centur|quarter|"
    r"half|season|spring|summer|autumn|fall|winter|morning|afternoon|evening|night|noon|"
    r"midnight|daily|hourly|nightly|biweekly|annual|fiscal|hour|minute|weekend|christmas|"
    r"easter|eve|dawn|dusk|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand|anniversary|holiday|weekly|monthly|yearly|quarterly)",
)
_WINDOW_PAD = 80


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged spans of ``text`` around signal words, cut at white space."""
    out: list[tuple[int, int]] = []
    n = len(text)
    for m in _SIGNAL.finditer(text.lower()):
        a, b = max(0, m.start() - _WINDOW_PAD), min(n, m.end() + _WINDOW_PAD)
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < n and not text[b].isspace():
            b += 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    """Non-overlapping rule matches, longest first (ties: earlier rule, earlier start)."""
    found: list[tuple[int, int, int, re.Match[str]]] = []
    windows = _windows(text)
    for idx, rule in enumerate(rules()):
        gate = rule.gate
        for a, b in windows:
            if gate is not None and gate.search(text, a, b) is None:
                continue  # no word this rule needs: it cannot match here
            for m in rule.regex.finditer(text, a, b):
                if m.end() > m.start() and (rule.accept is None or rule.accept(m, text)):
                    found.append((m.start(), m.end(), idx, m))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, int, re.Match[str]]] = []
    for c in found:
        if all(c[1] <= a or c[0] >= b for a, b in taken):
            taken.append((c[0], c[1]))
            chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen


Candidates = list[tuple[int, int, int, re.Match[str]]]


def candidates(text: str) -> Candidates:
    """The rule matches of ``text`` (reusable across calls of :func:`find_timexes`)."""
    return _candidates(text)


def find_timexes(
    text: str,
    reference: dt.date,
    *,
    future_hint: Callable[[int], bool] | None = None,
    precomputed: Candidates | None = None,
) -> list[Timex]:
    """Detect temporal expressions in ``text`` and normalise them against ``reference``.

    ``future_hint(offset)`` may say whether the clause at a character offset is in
    future tense; without it a lexical heuristic over the sentence is used.  Returns
    the expressions in text order; never raises on odd input.
    """
    st = _State(ref=reference)
    bounds = _sentence_bounds(text)
    out: list[Timex] = []
    table = rules()
    for start, end, idx, m in precomputed if precomputed is not None else _candidates(text):
        if future_hint is not None:
            st.future = bool(future_hint(start))
        else:
            st.future = lexical_future(text, start, end, bounds)
        try:
            res = _resolve(table[idx], m, text, st)
        except (ValueError, OverflowError, KeyError, StopIteration):
            res = None
        if res is None:
            continue
        p = res.period
        value = res.value or (p.value if p else "")
        date = p.date if p is not None and res.kind in ("DATE", "TIME") else None
        prec = p.precision if date is not None and p is not None else None
        first = p.first_day if p is not None else None
        future = (
            bool(st.future) or value == "FUTURE_REF" or (first is not None and first > reference)
        )
        if res.kind == "DATE" and p is not None and res.anchor:
            st.anchor = p
            if p.gran == "day":
                st.anchor_day = p
        out.append(Timex(start, end, text[start:end], res.kind, value, date, prec, future, _mod(m)))
    return _merge_weekday_ranges(out, text)


def _merge_weekday_ranges(out: list[Timex], text: str) -> list[Timex]:
    """Join "between Monday and Wednesday" into one day timex valued as the first day."""
    merged: list[Timex] = []
    for t in out:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.precision == "day"
            and t.precision == "day"
            and prev.text.lower().rstrip("s") in WEEKDAYS
            and t.text.lower().rstrip("s") in WEEKDAYS
            and re.fullmatch(r"\s+(?:and|to|until|through)\s+", text[prev.end : t.start])
            and re.search(r"\b(?:between|from)\s+$", text[: prev.start])
        ):
            value = prev.value
            if t.value < prev.value:  # the range ends before its start: move the start back
                last = dt.date.fromisoformat(t.value)
                value = cal.weekday_on_or_before(last, WEEKDAYS[prev.text.lower()]).isoformat()
            merged[-1] = Timex(prev.start, t.end, text[prev.start : t.end], prev.kind, value,
                               value, prev.precision, prev.future, prev.mod)  # fmt: skip
            continue
        merged.append(t)
    return merged


def infer_publication_date(text: str) -> tuple[dt.date, str] | None:
    """Guess the publication date of an article that has none, from the text alone.

    See :mod:`bowerbird.temporal_pubdate` for the rules.  Returns ``(date, evidence)``
    or None when the text has no explicit date with a year.  Never uses today's date.
    """
    from bowerbird.temporal_pubdate import infer

    return infer(text)
