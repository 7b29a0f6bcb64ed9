"""Quote links: the events a quote's sentences code, the day a quote was spoken, and how
quotes relate to each other (a report inside another report, a quoted paragraph that
continues the latest report)."""

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


#: Speakers of a report that do not take over a quotation: the first and second person,
#: which outside quotation marks are mostly someone's unmarked words, and possessives
#: ("his attacks on ..."), which report an attitude rather than a statement.
NOT_A_NEW_SPEAKER = frozenset(
    {"i", "we", "you", "me", "us", "my", "our", "your", "his", "her", "their", "its"}
)


def continue_latest(
    quotes: list[Quote], continued: set[str], quoted: list[tuple[int, int]]
) -> list[Quote]:
    """A quoted paragraph with no cue of its own continues the latest attribution before
    it, direct or reported: after "“A,” Lee said. / Park said that B. / “C”", C is Park's.

    ``continued`` holds the ids of such paragraphs, which were first given the speaker of
    the direct quote before them; ``quoted`` are the spans within quotation marks, where
    a report is part of someone's words.
    """
    if not continued:
        return quotes
    out = sorted(quotes, key=lambda q: q.start)
    quoted = quoted + [(q.start, q.end) for q in out if q.direct]
    for i, q in enumerate(out):
        if q.quote_id not in continued:
            continue
        before = [o for o in out[:i] if o.speaker_start >= 0 and o.end <= q.start]
        if not before:
            continue
        latest = max(before, key=lambda o: o.end)
        # a report by someone else after the quote the paragraph was given to, and not
        # itself said inside a quotation
        if (
            not latest.direct
            and (latest.speaker_text or "").lower() not in NOT_A_NEW_SPEAKER
            and latest.speaker_start > q.speaker_end
            and not any(a <= latest.speaker_start < b for a, b in quoted)
        ):
            out[i] = dataclasses.replace(
                q,
                speaker=latest.speaker,
                speaker_text=latest.speaker_text,
                speaker_start=latest.speaker_start,
                speaker_end=latest.speaker_end,
                cue=latest.cue,
            )
    return out


def same_speaker(q: Quote, prev: Quote | None) -> bool:
    """Whether a quote was given the very speaker phrase of the quote before it."""
    return (
        prev is not None
        and q.speaker_start >= 0
        and (q.speaker_start, q.speaker_end) == (prev.speaker_start, prev.speaker_end)
    )


def outermost(quotes: list[Quote]) -> list[Quote]:
    """Drop a reported statement whose speaker and content lie inside the content of
    another report ("Voters oppose the cuts, a new poll finds"; "The president told her
    no, according to an aide"): it is part of what the outer source reports."""

    def inside(q: Quote, o: Quote) -> bool:
        return (
            o is not q
            and not o.direct
            and o.speaker_start >= 0
            and o.start <= q.speaker_start
            and q.speaker_end <= o.end
            and o.start <= q.start
            and q.end <= o.end
        )

    return [q for q in quotes if q.direct or not any(inside(q, o) for o in quotes)]
