"""Tests for the rule-based temporal tagger (bowerbird.temporal)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bowerbird.temporal import Timex, find_timexes, infer_publication_date

REF = dt.date(2021, 8, 16)  # a Monday


def one(text: str, ref: dt.date = REF) -> Timex:
    found = find_timexes(text, ref)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "date", "precision"),
    [
        ("They met on Wednesday.", "Wednesday", "DATE", "2021-08-11", "2021-08-11", "day"),
        ("Talks were held on Monday.", "Monday", "DATE", "2021-08-16", "2021-08-16", "day"),
        ("He arrived last Friday.", "last Friday", "DATE", "2021-08-13", "2021-08-13", "day"),
        ("They meet next Monday.", "next Monday", "DATE", "2021-08-23", "2021-08-23", "day"),
        ("They will meet on Wednesday.", "Wednesday", "DATE", "2021-08-18", "2021-08-18", "day"),
        (
            "Shots were fired on Tuesday night.",
            "Tuesday night",
            "TIME",
            "2021-08-10TNI",
            "2021-08-10",
            "day",
        ),
        ("It happened today.", "today", "DATE", "2021-08-16", "2021-08-16", "day"),
        ("It happened yesterday.", "yesterday", "DATE", "2021-08-15", "2021-08-15", "day"),
        ("It happens tomorrow.", "tomorrow", "DATE", "2021-08-17", "2021-08-17", "day"),
        ("They vote tonight.", "tonight", "TIME", "2021-08-16TNI", "2021-08-16", "day"),
        ("He spoke this morning.", "this morning", "TIME", "2021-08-16TMO", "2021-08-16", "day"),
        ("Prices rose last week.", "last week", "DATE", "2021-W32", "2021-08-09", "week"),
        ("Prices rose this week.", "this week", "DATE", "2021-W33", "2021-08-16", "week"),
        ("Prices rise next week.", "next week", "DATE", "2021-W34", "2021-08-23", "week"),
        ("Prices rose last month.", "last month", "DATE", "2021-07", "2021-07-01", "month"),
        ("Prices rose last year.", "last year", "DATE", "2020", "2020-01-01", "year"),
        ("It opens next year.", "next year", "DATE", "2022", "2022-01-01", "year"),
        (
            "He resigned earlier this month.",
            "earlier this month",
            "DATE",
            "2021-08",
            "2021-08-01",
            "month",
        ),
        ("It ends later this month.", "later this month", "DATE", "2021-08", "2021-08-01", "month"),
        (
            "It fell at the end of last month.",
            "the end of last month",
            "DATE",
            "2021-07",
            "2021-07-01",
            "month",
        ),
        ("Fighting began in mid-August.", "mid-August", "DATE", "2021-08", "2021-08-01", "month"),
        ("Fighting began in mid August.", "mid August", "DATE", "2021-08", "2021-08-01", "month"),
        (
            "It was agreed late last month.",
            "late last month",
            "DATE",
            "2021-07",
            "2021-07-01",
            "month",
        ),
        ("Polls open early next year.", "early next year", "DATE", "2022", "2022-01-01", "year"),
        ("They met on July 23.", "July 23", "DATE", "2021-07-23", "2021-07-23", "day"),
        (
            "They will meet on 23 September.",
            "23 September",
            "DATE",
            "2021-09-23",
            "2021-09-23",
            "day",
        ),
        (
            "He was freed on Sept. 22, 2019.",
            "Sept. 22, 2019",
            "DATE",
            "2019-09-22",
            "2019-09-22",
            "day",
        ),
        ("Filed Sep 22, 2021.", "Sep 22, 2021", "DATE", "2021-09-22", "2021-09-22", "day"),
        ("It was signed on 28 July.", "28 July", "DATE", "2021-07-28", "2021-07-28", "day"),
        ("Troops left in August.", "August", "DATE", "2021-08", "2021-08-01", "month"),
        ("Troops left in August 2020.", "August 2020", "DATE", "2020-08", "2020-08-01", "month"),
        ("It was built in 2019.", "2019", "DATE", "2019", "2019-01-01", "year"),
        ("It was popular in the 1990s.", "the 1990s", "DATE", "199", None, None),
        (
            "Talks stalled in the summer of 2020.",
            "the summer of 2020",
            "DATE",
            "2020-SU",
            "2020-01-01",
            "year",
        ),
        ("Dated 2021-08-10 in the file.", "2021-08-10", "DATE", "2021-08-10", "2021-08-10", "day"),
        ("Dated 16/08/2021 in the file.", "16/08/2021", "DATE", "2021-08-16", "2021-08-16", "day"),
        (
            "Profit rose in the third quarter.",
            "the third quarter",
            "DATE",
            "2021-Q3",
            "2021-01-01",
            "year",
        ),
        ("Profit rose in Q2 2020.", "Q2 2020", "DATE", "2020-Q2", "2020-01-01", "year"),
        ("He died two days ago.", "two days ago", "DATE", "2021-08-14", "2021-08-14", "day"),
        ("He left three weeks ago.", "three weeks ago", "DATE", "2021-W30", "2021-07-26", "week"),
        ("It closed a year ago.", "a year ago", "DATE", "2020", "2020-01-01", "year"),
        (
            "They met the previous day.",
            "the previous day",
            "DATE",
            "2021-08-15",
            "2021-08-15",
            "day",
        ),
        ("They met the day before.", "the day before", "DATE", "2021-08-15", "2021-08-15", "day"),
        (
            "They met the following day.",
            "the following day",
            "DATE",
            "2021-08-17",
            "2021-08-17",
            "day",
        ),
        ("He is now in charge.", "now", "DATE", "PRESENT_REF", None, None),
        ("He is currently abroad.", "currently", "DATE", "PRESENT_REF", None, None),
        ("He recently resigned.", "recently", "DATE", "PAST_REF", None, None),
        ("The former minister spoke.", "former", "DATE", "PAST_REF", None, None),
        ("Talks resume soon.", "soon", "DATE", "FUTURE_REF", None, None),
        ("He ruled for three years.", "three years", "DURATION", "P3Y", None, None),
        ("The strike lasted for two weeks.", "two weeks", "DURATION", "P2W", None, None),
        ("They meet every Monday.", "every Monday", "SET", "XXXX-WXX-1", None, None),
        ("The council meets weekly.", "weekly", "SET", "P1W", None, None),
        (
            "The state was founded in fiscal 1998.",
            "fiscal 1998",
            "DATE",
            "1998",
            "1998-01-01",
            "year",
        ),
    ],
)
def test_patterns(
    text: str, span: str, kind: str, value: str, date: str | None, precision: str | None
) -> None:
    t = one(text)
    assert (t.text, t.kind, t.value, t.date, t.precision) == (span, kind, value, date, precision)
    assert text[t.start : t.end] == t.text


def test_mid_month_records_the_modifier() -> None:
    assert one("Fighting began in mid-August.").mod == "MID"
    assert one("It fell early last month.").mod == "START"
    assert one("late 2019 was calm").mod == "END"


def test_month_day_range_is_one_timex_valued_as_first_day() -> None:
    for text, span in (
        ("Talks run from 28 to 30 September.", "28 to 30 September"),
        ("Talks run September 28-30.", "September 28-30"),
    ):
        t = one(text)
        assert (t.text, t.value, t.date, t.precision) == (span, "2021-09-28", "2021-09-28", "day")


def test_weekday_range() -> None:
    t = one("Talks were held between Monday and Wednesday.")
    assert t.text == "Monday and Wednesday"
    assert t.date == "2021-08-09" and t.precision == "day"


def test_anaphoric_expressions_follow_the_previous_date() -> None:
    found = find_timexes(
        "The vote was on 3 March 2020. A week earlier, police had arrested him.", REF
    )
    assert [t.value for t in found] == ["2020-03-03", "2020-02-25"]
    found = find_timexes("He arrived on 3 March 2020 and left the following day.", REF)
    assert found[1].date == "2020-03-04"


def test_year_ago_takes_quarter_granularity_from_context() -> None:
    found = find_timexes("Third-quarter profit rose 5% from a year ago.", REF)
    assert [t.value for t in found] == ["2021-Q3", "2020-Q3"]


def test_future_hint_overrides_the_lexical_heuristic() -> None:
    assert find_timexes("on Wednesday", REF, future_hint=lambda _o: True)[0].date == "2021-08-18"
    assert (
        find_timexes("will meet on Wednesday", REF, future_hint=lambda _o: False)[0].date
        == "2021-08-11"
    )
    t = find_timexes("They will meet on Wednesday", REF)[0]
    assert t.future is True


def test_ambiguous_numeric_date_is_not_a_day() -> None:
    assert all(t.precision != "day" for t in find_timexes("on 05/06/2021", REF))


def test_may_the_verb_is_not_a_month() -> None:
    assert find_timexes("Officials said they May announce results.", REF) == [] or all(
        t.text != "May" for t in find_timexes("They may go. May they win.", REF)
    )
    assert find_timexes("The law passed in May.", REF)[0].value == "2021-05"


def test_year_inference_past_and_future() -> None:
    ref = dt.date(2021, 1, 10)
    assert one("He was arrested on 20 December.", ref).date == "2020-12-20"
    assert one("The summit will be held on 20 December.", ref).date == "2021-12-20"


# --- publication date inference ---------------------------------------------------------


def test_infer_from_dateline_with_year() -> None:
    got = infer_publication_date("Published 16 August 2021\nThe talks ended on 2 August 2021.")
    assert got is not None and got[0] == dt.date(2021, 8, 16)


def test_infer_from_dateline_without_year() -> None:
    got = infer_publication_date(
        "KABUL, Aug 16 (Reuters) - Fighters entered the city. On 12 August 2021 they took Herat."
    )
    assert got is not None and got[0] == dt.date(2021, 8, 16)


def test_infer_uses_weekdays_after_latest_date() -> None:
    text = "The accord was signed on 10 August 2021. On Wednesday rebels attacked. On Thursday talks resumed."
    got = infer_publication_date(text)
    assert got is not None
    assert got[0] == dt.date(2021, 8, 12)
    assert "10 August 2021" in got[1]


def test_infer_none_without_year() -> None:
    assert infer_publication_date("Rebels attacked on Monday and again in August.") is None


# --- properties ---------------------------------------------------------------------------

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]  # fmt: skip
refs = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


@settings(max_examples=200, deadline=None)
@given(refs, st.sampled_from(WEEKDAY_NAMES))
def test_weekday_past_and_future(ref: dt.date, name: str) -> None:
    past = one(f"Rebels attacked the town on {name}.", ref)
    assert past.date is not None
    d = dt.date.fromisoformat(past.date)
    assert ref - dt.timedelta(days=6) <= d <= ref
    fut = one(f"Rebels will attack the town on {name}.", ref)
    assert fut.date is not None
    d2 = dt.date.fromisoformat(fut.date)
    assert ref <= d2 <= ref + dt.timedelta(days=6)


@settings(max_examples=200, deadline=None)
@given(refs, st.sampled_from(MONTH_NAMES), st.integers(1, 28))
def test_month_day_past_and_future(ref: dt.date, month: str, dom: int) -> None:
    past = one(f"Rebels attacked the town on {dom} {month}.", ref)
    assert past.date is not None
    d = dt.date.fromisoformat(past.date)
    assert ref - dt.timedelta(days=366) <= d <= ref + dt.timedelta(days=366)
    if (ref - d).days > 0:
        assert (ref - d).days <= 366
    fut = one(f"Rebels will attack the town on {dom} {month}.", ref)
    assert fut.date is not None
    d2 = dt.date.fromisoformat(fut.date)
    assert ref <= d2 <= ref + dt.timedelta(days=366)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), refs)
def test_never_raises_and_offsets_slice(text: str, ref: dt.date) -> None:
    for t in find_timexes(text, ref):
        assert text[t.start : t.end] == t.text
        assert t.kind in ("DATE", "TIME", "DURATION", "SET")


WORDS = st.sampled_from(
    ["on", "last", "next", "Monday", "May", "3", "2021", "year", "ago", "the", "week", "mid-",
     "August", "earlier", "this", "month", "will", "said", "quarter", "third", "two", "days", ","]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=12), refs)
def test_calendar_word_soup_is_safe(words: list[str], ref: dt.date) -> None:
    text = " ".join(words)
    for t in find_timexes(text, ref):
        assert text[t.start : t.end] == t.text
        if t.date is not None:
            dt.date.fromisoformat(t.date)
