"""Word lists and regular-expression building blocks for the temporal tagger.

Everything here is immutable: plain dicts/tuples of English calendar words and the
regex fragments built from them.  Month names and weekday names must be capitalised
(news style); other words match in any case via scoped ``(?i:...)`` groups.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("January", "Jan"),
        ("February", "Feb"),
        ("March", "Mar"),
        ("April", "Apr"),
        ("May",),
        ("June", "Jun"),
        ("July", "Jul"),
        ("August", "Aug"),
        ("September", "Sept", "Sep"),
        ("October", "Oct"),
        ("November", "Nov"),
        ("December", "Dec"),
    ),
    start=1,
):
    for _n in _names:
        MONTHS[_n.lower()] = _i

WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_UNITS_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS_SMALL)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
NUMBER_WORDS.update(
    {"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a dozen": 12, "hundred": 100}
)
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of", "recent")

_ORD_SMALL = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
ORDINAL_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORD_SMALL)}
ORDINAL_WORDS.update({"twentieth": 20, "thirtieth": 30})
for _w in _ORD_SMALL[:9]:
    ORDINAL_WORDS[f"twenty-{_w}"] = 20 + ORDINAL_WORDS[_w]
    ORDINAL_WORDS[f"twenty {_w}"] = 20 + ORDINAL_WORDS[_w]
ORDINAL_WORDS["thirty-first"] = ORDINAL_WORDS["thirty first"] = 31

UNIT_CODES = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --- regex fragments -------------------------------------------------------------------
_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MONTH = rf"(?:(?:{_MONTH_FULL})|(?:{_MONTH_ABBR})\.?|(?:{_MONTH_FULL.upper()}))(?![a-z])"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b"
_NUMWORD = _alt([w for w in NUMBER_WORDS if w not in ("zero",)])
_ONES = _alt(_UNITS_SMALL[1:10])
NUM = rf"(?:\d+(?:\.\d+)?|(?i:(?:{_alt(_TENS)})(?:[- ](?:{_ONES}))?|{_NUMWORD}|{_alt(VAGUE_NUMBERS)}))"
UNIT = r"(?i:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ies))"
ORDINAL_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|(?i:{_alt(list(ORDINAL_WORDS))}))"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
DAY_PART = r"(?i:morning|afternoon|evening|night)"
SEASON = r"(?i:spring|summer|fall|autumn|winter)"
_YEAR_WORD_TAIL = rf"(?:{_alt(_TENS)})(?:[- ](?:{_ONES}))?|{_alt(_UNITS_SMALL[1:])}"
SPOKEN_YEAR = rf"(?i:nineteen[- ](?:{_YEAR_WORD_TAIL})|two thousand(?:(?: and)? (?:{_ONES}|{_alt(_UNITS_SMALL[10:])}))?)"


def parse_number(text: str) -> int | None:
    """The integer a number phrase denotes ("twenty four" -> 24, "a" -> 1); None if vague."""
    t = text.lower().strip().replace("-", " ")
    if t in VAGUE_NUMBERS:
        return None
    if re.fullmatch(r"\d+", t):
        return int(t)
    if re.fullmatch(r"\d+\.\d+", t):
        return round(float(t))
    total = 0
    parts = t.split()
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    for part in parts:
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return total


def parse_ordinal_day(text: str) -> int | None:
    """Day of month from "23", "23rd" or "twenty-third"."""
    m = re.match(r"\d+", text)
    if m:
        return int(m.group())
    return ORDINAL_WORDS.get(text.lower())


def parse_spoken_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand" -> 2000."""
    t = text.lower().replace("-", " ").replace(" and ", " ").split()
    if t[:2] == ["two", "thousand"]:
        rest = parse_number(" ".join(t[2:])) if t[2:] else 0
        return None if rest is None else 2000 + rest
    if t and t[0] == "nineteen":
        rest = parse_number(" ".join(t[1:]))
        return None if rest is None else 1900 + rest
    return None
