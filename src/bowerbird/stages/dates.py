"""Dates stage: give every event a date, and store the document's temporal expressions.

For each event, in the sentence of its first evidence:

1. a temporal expression syntactically attached to the trigger (its head chain reaches
   the trigger token before any other verb);
2. else the DATE/TIME expression nearest to the trigger in the same sentence;
3. else, for a sentence inside a quotation, the expression attached to the speech verb
   ("said", "told"...) of an adjacent attribution sentence;
4. else the publication date (source ``published``, precision ``day``, text None).

Expressions found in text have source ``text``.  Planned events (``status ==
"planned"``) use expressions resolved forward in time.  Tense for everything else comes
from the parse (``will``/``shall`` auxiliaries, "going to", complements of "plan",
"schedule", "expect"...), falling back to the lexical heuristic of
:func:`bowerbird.temporal.lexical_future`.

Without a publication date, only expressions that carry an explicit year are used
(their value does not depend on a reference date): an attached or same-sentence one
gives source ``text``; otherwise the earliest explicit-year date in the document gives
source ``inferred`` with precision ``year``; if the document has none, the event keeps
the date the events stage gave it (the caller decides how to flag it).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, cast

from spacy.attrs import IDX

from bowerbird.records import Article, DatePrecision, Event, EventDate, Sentence
from bowerbird.settings import Settings
from bowerbird.temporal import Timex, candidates, find_timexes, lexical_future

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
_FUTURE_HEADS = {
    "plan", "schedule", "expect", "intend", "aim", "go", "hope", "prepare", "set", "due",
    "agree", "decide", "want", "vow", "pledge", "promise", "threaten",
}  # fmt: skip
_SPEECH = {"say", "tell", "announce", "state", "add", "declare", "report", "claim", "confirm"}
_EXPLICIT_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_PLACEHOLDER = dt.date(2000, 1, 1)


def _token_at(doc: Any, starts: Sequence[int], offset: int) -> Any:
    i = bisect.bisect_right(starts, offset) - 1
    return doc[max(i, 0)]


def parse_future_hint(doc: Any, text: str) -> Callable[[int], bool]:
    """A ``future_hint`` for :func:`find_timexes` computed from a spaCy parse of ``text``."""
    starts = doc.to_array(IDX).tolist()

    def hint(offset: int) -> bool:
        if not starts:
            return lexical_future(text, offset, offset + 1) is True
        tok = _token_at(doc, starts, offset)
        for _ in range(12):
            if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
                if any(
                    c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in tok.children
                ):
                    return True
                if tok.dep_ == "xcomp" and tok.head.lemma_ in _FUTURE_HEADS:
                    return True
                if tok.tag_ == "VBD":
                    return False
                break
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return lexical_future(text, offset, offset + 1) is True

    return hint


def _attached(doc: Any, starts: Sequence[int], t: Timex, trigger: Any) -> bool:
    """Whether the timex's head chain reaches ``trigger`` before any other verb."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    tok = span.root if span is not None else _token_at(doc, starts, t.start)
    inside = range(span.start, span.end) if span is not None else range(tok.i, tok.i + 1)
    for _ in range(30):
        if tok.i == trigger.i:
            return True
        if tok.pos_ == "VERB" and tok.i not in inside:
            return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _speech_timex(
    doc: Any, starts: Sequence[int], sentences: Sequence[Sentence], idx: int, timexes: list[Timex]
) -> Timex | None:
    """For a quoted sentence: the timex attached to a speech verb in an adjacent sentence."""
    sent = sentences[idx]
    if not re.search('["“”]', sent.text):
        return None
    for j in (idx + 1, idx - 1):
        if not 0 <= j < len(sentences):
            continue
        other = sentences[j]
        for t in timexes:
            if not (other.start <= t.start < other.end) or t.date is None:
                continue
            tok = _token_at(doc, starts, t.start)
            for _ in range(6):
                if tok.lemma_ in _SPEECH and tok.pos_ == "VERB":
                    return t
                if tok.head.i == tok.i:
                    break
                tok = tok.head
    return None


def _pick(
    doc: Any, starts: Sequence[int], event: Event, sentences: Sequence[Sentence], idx: int,
    timexes: list[Timex],
) -> Timex | None:  # fmt: skip
    sent = sentences[idx]
    cands = [
        t for t in timexes
        if sent.start <= t.start < sent.end and t.date is not None and t.kind in ("DATE", "TIME")
    ]  # fmt: skip
    if cands:
        trigger = _token_at(doc, starts, event.trigger_start)
        for t in cands:
            if _attached(doc, starts, t, trigger):
                return t
        return min(
            cands,
            key=lambda t: min(abs(t.start - event.trigger_end), abs(event.trigger_start - t.end)),
        )
    return _speech_timex(doc, starts, sentences, idx, timexes)


def _event_date(t: Timex) -> EventDate:
    assert t.date is not None and t.precision is not None
    return EventDate(t.date, cast(DatePrecision, t.precision), t.text, "text")


class DatesStage:
    """Assign :class:`EventDate` values to events and collect the document's timexes."""

    name: ClassVar[str] = "dates"
    requires: ClassVar[frozenset[str]] = frozenset({"document", "nlp", "sentences", "events"})
    provides: ClassVar[frozenset[str]] = frozenset({"events", "timexes"})

    def __call__(self, article: Article, settings: Settings) -> Article:
        document = article.document
        if document is None:
            return article
        text = document.text
        doc = article.nlp
        starts = doc.to_array(IDX).tolist() if doc is not None else []
        sentences = sorted(article.sentences, key=lambda s: s.index)
        by_index = {s.index: i for i, s in enumerate(sentences)}
        if document.published is None:
            found = [
                t for t in find_timexes(text, _PLACEHOLDER)
                if t.date is not None and _EXPLICIT_YEAR.search(t.text)
            ]  # fmt: skip
            earliest = min((t.date for t in found if t.date), default=None)
            events = tuple(
                self._date_without_reference(doc, starts, e, sentences, by_index, found, earliest)
                for e in article.events
            )
            return dataclasses.replace(article, events=events, timexes=tuple(found))
        ref = dt.date.fromisoformat(document.published[:10])
        hint = parse_future_hint(doc, text) if doc is not None else None
        cands = candidates(text)
        timexes = find_timexes(text, ref, future_hint=hint, precomputed=cands)
        forward: list[Timex] | None = None
        new_events = []
        for event in article.events:
            use = timexes
            if event.status == "planned":
                if forward is None:
                    forward = find_timexes(
                        text, ref, future_hint=lambda _o: True, precomputed=cands
                    )
                use = forward
            t = self._find(doc, starts, event, sentences, by_index, _plausible(use, event, ref))
            date = (
                _event_date(t)
                if t is not None
                else EventDate(ref.isoformat(), "day", None, "published")
            )
            new_events.append(dataclasses.replace(event, date=date))
        return dataclasses.replace(article, events=tuple(new_events), timexes=tuple(timexes))

    @staticmethod
    def _find(
        doc: Any, starts: Sequence[int], event: Event, sentences: Sequence[Sentence],
        by_index: dict[int, int], timexes: list[Timex],
    ) -> Timex | None:  # fmt: skip
        if doc is None or not event.evidence or not starts:
            return None
        idx = by_index.get(event.evidence[0].sentence_index)
        if idx is None:
            return None
        return _pick(doc, starts, event, sentences, idx, timexes)

    def _date_without_reference(
        self, doc: Any, starts: Sequence[int], event: Event, sentences: Sequence[Sentence],
        by_index: dict[int, int], found: list[Timex], earliest: str | None,
    ) -> Event:  # fmt: skip
        t = self._find(doc, starts, event, sentences, by_index, found)
        if t is not None:
            return dataclasses.replace(event, date=_event_date(t))
        if earliest is not None:
            date = EventDate(earliest[:4] + "-01-01", "year", None, "inferred")
            return dataclasses.replace(event, date=date)
        return event


#: A planned event is not dated further ahead than this from the publication day.
MAX_PLANNED_AHEAD = dt.timedelta(days=3 * 366)


def _plausible(timexes: list[Timex], event: Event, ref: dt.date) -> list[Timex]:
    """Drop dates an event cannot have: an event reported as past (occurred, negated)
    does not happen after the publication day (beyond its own month or year), and a
    planned one not years ahead ("seven years after they cut ties" is not a date)."""
    out = []
    for t in timexes:
        if t.date is None:
            out.append(t)
            continue
        first = dt.date.fromisoformat(t.date)
        if first - ref > MAX_PLANNED_AHEAD:
            continue
        if first <= ref or event.status == "planned" or t.future:
            out.append(t)
    return out
