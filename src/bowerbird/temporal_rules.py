"""Detection rules of the temporal tagger: one regular expression per expression family.

Each :class:`Rule` has a pattern and an optional ``accept`` check that looks only at
the text (never at the reference date), so candidate selection is independent of
resolution.  Resolution lives in :mod:`bowerbird.temporal`.  Patterns are written with
single spaces, which stand for any run of whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from bowerbird.temporal_lexicon import (
    DAY_PART,
    MONTH,
    NUM,
    ORDINAL_DAY,
    SEASON,
    SPOKEN_YEAR,
    UNIT,
    WEEKDAY,
    YEAR4,
)

#: Modifier prefix ("early", "mid-", "the end of", "earlier", "around" ...).
MODP = (
    r"(?:(?P<mod>(?i:early|late|earlier|later|around|sometime|as early as|as late as|"
    r"the (?:end|beginning|middle|start|turn|close) of|(?:the )?end of|beginning of|"
    r"start of|middle of|mid)(?:-| )))?"
)
_REL_UNIT = (
    r"(?i:last|this|next|the past|the last|the previous|the prior|the preceding|the next|"
    r"the coming|the current|the following|the subsequent|this past|this coming|the same|"
    r"that|the latest|the full|the current fiscal|the fiscal|the latest fiscal|this fiscal|"
    r"last fiscal|next fiscal|the|earlier in the|later in the)"
)
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:once|twice|thrice|times|percent|dollars?|cents?|million|billion|pounds|euros))\W*$",
    re.IGNORECASE,
)
_PREP_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|during|from|through|to|of|before|after|early|late|mid|last|"
    r"next|this|between|and|or|on|each|every|until|late|end|around|until)[\s-]*$",
    re.IGNORECASE,
)
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|\bpeople\b|\btroops\b|\bsoldiers\b|\bmen\b|\bwomen\b|\bdollars\b|\btons?\b|"
    r"\bunits\b|\bshares\b|\bvotes\b|\bkm\b|\bmiles\b|\bmet(?:er|re)s\b|\bfeet\b|\bjobs\b|"
    r"\bcases\b|\bdeaths\b|\bmembers\b|\btimes\b|\bhours\b|\bGMT\b|\bUTC\b|\bhrs\b|\bpoints?\b|"
    r"\bworkers\b|\bstudents\b|\bhomes\b|\bcars\b|[,.]\d|:\d)",
)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    accept: Callable[[re.Match[str], str], bool] | None = None
    #: A pattern found (case-insensitively) inside every match of ``regex``: a stretch of
    #: text without it cannot hold a match, so the rule is not run there.  A gate may
    #: match more than the rule; it must never miss a word the rule needs.
    gate: re.Pattern[str] | None = None


#: Gates of the rules (see :attr:`Rule.gate`): a word or digit pattern every match of the
#: rule contains, read off its pattern (e.g. every ``month`` match has a month name, so
#: its first three letters).  Tested against the ungated rules in tests/test_temporal_gates.py.
_MONTH_GATE = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_GATES: dict[str, str] = {
    "iso": r"\d-\d",
    "numeric": r"\d[/.]\d",
    "month_day": _MONTH_GATE,
    "day_month": _MONTH_GATE,
    "month_year": _MONTH_GATE,
    "month": _MONTH_GATE,
    "weekday": "monday|tuesday|wednesday|thursday|friday|saturday|sunday",
    "deictic": "yesterday|tomorrow|today|night|morning|afternoon|evening",
    "rel_unit": "week|month|year|decade|century|day",
    "day_before": "day",
    "year_end": "end",
    "ago": "ago|earlier|later|now|previously|hence|before|after",
    "decade": "0'?s|ties",
    "century": "century",
    "year": r"1[5-9]\d\d|20\d\d",
    "fy": "fy",
    "spoken_year": "nineteen|thousand",
    "season": "spring|summer|fall|autumn|winter",
    "quarter": "quarter|period|half",
    "q_abbr": "q[1-4]",
    "ref": "now|current|present|days|moment|recent|lately|previously|former|past|soon|"
    "future|term|weeks|months|years|someday",
    "earlier": "earlier",
    "duration": "second|minute|hour|day|week|month|quarter|year|decade|centur|night",
    "bare_duration": "years|months|weeks|days|decades|hours|centuries",
    "set": "day|week|month|year|quarter|morning|night|evening|hour",
    "year_ago_adj": "year",
    "set_adv": "daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biweekly",
}


def _compile(pattern: str) -> re.Pattern[str]:
    body = pattern.replace(" ?", r"\s*").replace(" ", r"\s+")
    return re.compile(rf"(?<![\w'-])(?:{body})(?![\w])")


def _accept_numeric(m: re.Match[str], text: str) -> bool:
    a, b = int(m["a"]), int(m["b"])
    if not (1 <= a <= 31 and 1 <= b <= 31):
        return False
    return a == b or (a > 12 >= b) or (b > 12 >= a)


def _accept_day(m: re.Match[str], text: str) -> bool:
    d1 = m["d1"]
    if d1.isdigit() and not 1 <= int(d1) <= 31:
        return False
    return not (m["d2"] and not 1 <= int(m["d2"]) <= 31)


def _accept_month(m: re.Match[str], text: str) -> bool:
    mon = m["mon"]
    if m["rel"] or m["mod"]:
        return True
    if mon.endswith(".") or mon in (
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ):
        return False
    if mon in ("May", "March", "MAY", "MARCH"):
        return bool(_PREP_BEFORE.search(text[: m.start()]))
    return not re.match(r"\s+[A-Z][a-z]", text[m.end() :])


def _accept_year(m: re.Match[str], text: str) -> bool:
    before = text[max(0, m.start() - 3) : m.start()]
    if re.search(r"[$£€#]\s*$|No\.\s*$|\d[,.]$", before):
        return False
    return not _NOT_YEAR_AFTER.match(text[m.end() : m.end() + 12])


def _accept_spoken_year(m: re.Match[str], text: str) -> bool:
    if m["y"].lower().startswith("nineteen"):
        return bool(re.search(r"[- ]", m["y"][9:]) or len(m["y"]) > 9)
    return bool(m["pre"]) or bool(re.match(r"\s*[.,;]", text[m.end() :]))


def _accept_season(m: re.Match[str], text: str) -> bool:
    return bool(m["rel"] or m["y"]) and not (
        m["s"].lower() == "fall"
        and (m["rel"] or "").lower() in ("the", "")
        and not m["y"]
        and not re.match(r"\s+(?:of|,|\.)", text[m.end() :])
    )


def _accept_rel_unit(m: re.Match[str], text: str) -> bool:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    if rel == "the" and not m["mod"] and unit not in ("weekend", "year"):
        return False
    if rel.startswith(("earlier in", "later in")) and unit not in ("year", "month", "week"):
        return False
    if unit == "day":
        return rel in (
            "that",
            "the same",
            "the previous",
            "the prior",
            "the preceding",
            "the next",
            "the following",
            "the subsequent",
        )
    return not ("fiscal" in rel and unit != "year")


def _accept_quarter(m: re.Match[str], text: str) -> bool:
    unit = m["unit"].lower()
    adj = (m["adj"] or "").lower()
    pre = (m["pre"] or "").lower().strip()
    if unit == "period":
        return bool(
            re.search(r"latest|year-ago|year-earlier|comparable|corresponding|same|\d{4}", adj)
            or m["post"]
        )
    if m["ord"] or adj.strip() or m["post"]:
        return True
    return pre in (
        "the",
        "its",
        "their",
        "this",
        "that",
        "last year's",
        "this year's",
        "next year's",
    )


def _accept_duration(m: re.Match[str], text: str) -> bool:
    n = m["n"].lower()
    unit = m["unit"].lower()
    if unit in ("quarter", "second") and (n in ("a", "an") or (m["pl"] and "-" in m.group())):
        return False  # fractions ("a quarter of", "three-quarters") and "a second" (ordinal)
    if n in ("a", "an", "some", "many") and not (m["q"] or m["adj"]):
        # "a year" alone is kept (TimeML marks it); "some days" is too vague.
        return n in ("a", "an")
    return not (n.isdigit() and int(n) > 10000)


def _accept_earlier(m: re.Match[str], text: str) -> bool:
    return bool(re.match(r"\s*[.,;:)]|\s*$", text[m.end() :]))


@cache
def rules() -> tuple[Rule, ...]:
    """All detection rules (compiled once)."""
    wd_prefix = (
        rf"(?:(?:(?P<wrel>(?i:this coming|this past|this|next|last)) )?(?P<wd>{WEEKDAY}),? )?"
    )
    specs: list[tuple[str, str, Callable[[re.Match[str], str], bool] | None]] = [
        ("iso", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", None),
        ("numeric", r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})", _accept_numeric),
        (
            "month_day",
            rf"{wd_prefix}{MODP}(?P<mon>{MONTH}) (?P<d1>{ORDINAL_DAY})"
            rf"(?: ?(?:-|–|to|through|and|until) ?(?P<d2>\d{{1,2}}))?(?:(?:, ?| )(?P<y>{YEAR4}))?",
            _accept_day,
        ),
        (
            "day_month",
            rf"{wd_prefix}(?:(?i:the) )?(?P<d1>\d{{1,2}}(?:st|nd|rd|th)?)"
            rf"(?: ?(?:-|–|to|and|until) ?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)? (?:(?i:of) )?"
            rf"(?P<mon>{MONTH})(?:,? (?P<y>{YEAR4}))?",
            _accept_day,
        ),
        (
            "month_year",
            rf"{MODP}(?P<mon>{MONTH}),? (?:(?i:of) )?(?:(?P<y>{YEAR4})|(?P<sy>{SPOKEN_YEAR})|"
            r"(?P<yrel>(?i:this|last|next)) (?i:year))",
            None,
        ),
        (
            "month",
            rf"(?:(?P<rel>(?i:last|next|this|this past|this coming|coming|each|every)) )?{MODP}(?P<mon>{MONTH})",
            _accept_month,
        ),
        (
            "weekday",
            rf"(?:(?P<rel>(?i:last|next|this coming|this past|this|coming|the previous|the following|"
            rf"the next|that|each|every)) )?{MODP}(?P<wd>{WEEKDAY[:-2]})(?P<pl>s)?(?: (?P<part>{DAY_PART}s?))?",
            None,
        ),
        (
            "deictic",
            rf"{MODP}(?:(?P<w>(?i:the day before yesterday|the day after tomorrow|today|yesterday|"
            rf"tomorrow|tonight|overnight))(?: (?P<part>{DAY_PART}))?|"
            rf"(?P<rel>(?i:this|last)) (?P<part2>{DAY_PART}))",
            None,
        ),
        (
            "rel_unit",
            rf"{MODP}(?P<rel>{_REL_UNIT}) (?P<unit>(?i:week|weekend|month|year|decade|century|day))",
            _accept_rel_unit,
        ),
        ("day_before", r"(?i:the day (?P<dir>before|after))", None),
        ("year_end", r"(?P<mod>(?i:around |by )?)(?P<unit>(?i:year|month))[- ](?i:end)", None),
        (
            "ago",
            rf"(?:(?P<q>(?i:about|nearly|almost|some|more than|less than|over|just|only|roughly|"
            rf"at least|approximately)) )?(?P<n>{NUM})[ -](?P<unit>{UNIT})s?(?: (?i:or so))? "
            r"(?P<dir>(?i:ago|earlier|later|from now|previously|hence|before|after))",
            None,
        ),
        (
            "decade",
            rf"(?:(?i:the) )?{MODP}(?:(?P<dec>1\d\d0|20\d0)'?s|'(?P<dec2>\d)0s|"
            r"(?P<decw>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))",
            None,
        ),
        ("century", rf"(?:(?i:the) )?{MODP}(?P<c>\d{{1,2}})(?:st|nd|rd|th)[- ](?i:century)", None),
        (
            "year",
            rf"{MODP}(?:(?P<fis>(?i:fiscal|calendar|financial|model))[- ](?:(?i:year) )?)?(?P<y>{YEAR4})",
            _accept_year,
        ),
        ("fy", r"FY ?(?P<y>\d{4}|\d{2})", None),
        (
            "spoken_year",
            rf"(?P<pre>(?i:the year) )?{MODP}(?P<y>{SPOKEN_YEAR})",
            _accept_spoken_year,
        ),
        (
            "season",
            rf"(?:(?P<rel>(?i:last|this|next|this past|this coming|the|early|late|mid|the early|the late))[ -])?"
            rf"(?P<s>{SEASON})(?: (?:(?i:of) )?(?:(?P<y>{YEAR4})|(?P<sy>{SPOKEN_YEAR})))?",
            _accept_season,
        ),
        (
            "quarter",
            r"(?P<pre>(?i:the|its|their|this|that|a|last year's|this year's|next year's) )?"
            r"(?P<adj>(?:(?i:latest|current|recent|comparable|corresponding|year-ago|year-earlier|"
            r"previous|prior|flat|same|fiscal|calendar|(?:19|20)\d\d(?:'s)?)[ -])*)"
            r"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last)[ -])?"
            r"(?:(?i:fiscal|calendar)[ -])?(?P<unit>(?i:quarter|period|half))"
            rf"(?P<post> (?:(?:(?i:of|in) )?(?:(?i:fiscal|calendar) )?(?P<py>{YEAR4})|"
            r"(?i:a year (?:ago|earlier)|last year|of last year|of (?:this|next) year)))?",
            _accept_quarter,
        ),
        ("q_abbr", rf"(?:(?P<y1>{YEAR4})[ -]?)?Q(?P<q>[1-4])(?:[ -](?P<y>{YEAR4}))?", None),
        (
            "ref",
            r"(?P<w>(?i:right now|just now|now|currently|current|at present|presently|these days|"
            r"nowadays|at the moment|recently|more recently|until recently|recent (?:years|months|"
            r"weeks|days|times)|recent|lately|previously|formerly|former|in the past|the past|"
            r"past years|soon|the near future|the future|in future|future|the near term|"
            r"the short term|the long term|the (?:coming|next few) (?:days|weeks|months|years)|"
            r"coming (?:days|weeks|months|years)|the (?:days|weeks|months|years) ahead|"
            r"as soon as possible|someday|one day soon))",
            None,
        ),
        ("earlier", r"(?P<w>(?i:earlier))", _accept_earlier),
        (
            "duration",
            r"(?:(?P<q>(?i:about|nearly|almost|some|more than|less than|over|at least|up to|"
            r"only|just|roughly|approximately|another|an additional|the|each of the|the past|the last|"
            r"the next|the coming|the first|the previous|the following|the final|the latest|"
            r"the remaining|the past)) )?(?P<adj>(?i:more|additional) )?"
            rf"(?P<n>{NUM})[ -](?:(?i:trading|business|working|calendar) )?(?P<unit>{UNIT}|(?i:night))"
            r"(?P<pl>s|es)?(?:-(?i:long|old))?",
            _accept_duration,
        ),
        (
            "bare_duration",
            r"(?<=[Ff]or\s)(?P<unit>(?i:years|months|weeks|days|decades|hours|centuries))",
            None,
        ),
        (
            "set",
            r"(?:(?P<f>(?i:once|twice|three times|four times|\d+ times)) )?(?P<kw>(?i:every|each|per|a)) "
            r"(?:(?i:other) )?(?P<u>(?i:day|week|month|year|quarter|morning|night|evening|hour))",
            None,
        ),
        ("year_ago_adj", r"(?i:year-earlier|year-ago|year earlier)", None),
        (
            "set_adv",
            r"(?P<w>(?i:daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biweekly))",
            None,
        ),
    ]
    return tuple(
        Rule(name, _compile(pat), acc, re.compile(_GATES[name], re.IGNORECASE))
        for name, pat, acc in specs
    )


def amount_before(text: str, start: int) -> bool:
    """Whether the words just before ``start`` are an amount or frequency ("$5 a year")."""
    return bool(_AMOUNT_BEFORE.search(text[max(0, start - 30) : start]))
