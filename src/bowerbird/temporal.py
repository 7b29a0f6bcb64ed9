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
from bowerbird.temporal_handlers import State, modifier, resolve
from bowerbird.temporal_lexicon import (
    WEEKDAYS,
)
from bowerbird.temporal_rules import rules

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
    st = State(ref=reference)
    bounds = _sentence_bounds(text)
    out: list[Timex] = []
    table = rules()
    for start, end, idx, m in precomputed if precomputed is not None else _candidates(text):
        if future_hint is not None:
            st.future = bool(future_hint(start))
        else:
            st.future = lexical_future(text, start, end, bounds)
        try:
            res = resolve(table[idx], m, text, st)
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
        out.append(
            Timex(start, end, text[start:end], res.kind, value, date, prec, future, modifier(m))
        )
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
