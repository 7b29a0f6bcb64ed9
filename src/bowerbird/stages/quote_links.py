"""Quote links: the events a quote's sentences code, and the day a quote was spoken."""

from __future__ import annotations

import dataclasses
from typing import Any

from spacy.tokens import Doc

from bowerbird.records import Event, Quote


def link_events(q: Quote, doc: Doc, events: tuple[Event, ...]) -> Quote:
    """Link a quote to the events coded from the sentences its content spans."""
    if not events or not len(doc):
        return q
    first = doc.char_span(q.start, q.start + 1, alignment_mode="expand")
    last = doc.char_span(max(q.end - 1, 0), q.end, alignment_mode="expand")
    if first is None or last is None:
        return q
    lo, hi = first.sent.start_char, last.sent.end_char
    ids = tuple(e.event_id for e in events if lo <= e.trigger_start < hi and e.doc_id == q.doc_id)
    return dataclasses.replace(q, event_ids=ids) if ids else q


def speech_date(q: Quote, doc: Doc, timexes: tuple[Any, ...], published: str | None) -> Quote:
    """Date a quote by a day expression next to its cue ("Wang said on Monday ..."),
    outside the quoted words and not after publication; else the publication date."""
    if q.speaker_start < 0 or not timexes:
        return q
    tok = doc.char_span(q.speaker_start, q.speaker_start + 1, alignment_mode="expand")
    if tok is None:
        return q
    sent = tok.sent
    best: tuple[int, str] | None = None
    for t in timexes:
        when = getattr(t, "date", None)
        if when is None or getattr(t, "precision", None) != "day":
            continue
        if not (sent.start_char <= t.start < sent.end_char) or q.start <= t.start < q.end:
            continue
        if published is not None and when > published:
            continue
        dist = abs(t.start - q.speaker_end)
        if best is None or dist < best[0]:
            best = (dist, when)
    return dataclasses.replace(q, date=best[1]) if best is not None else q
