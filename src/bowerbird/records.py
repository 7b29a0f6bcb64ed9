"""Typed, frozen records passed between pipeline stages.

Every record is immutable; stages build new records with :func:`dataclasses.replace`.
Records are converted to plain dicts only at the store / API boundary
(:func:`to_dict`).  Character offsets are always offsets into the cleaned text
(:attr:`Document.text`), in Python string indexing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

DateSource = Literal["text", "published", "inferred"]
DatePrecision = Literal["day", "week", "month", "year"]
EventStatus = Literal["occurred", "planned", "hypothetical", "negated"]
ActorKind = Literal["state", "person", "igo", "group", "other"]
PublishedSource = Literal["record", "html", "flag", "inferred", "none"]
Position = Literal["support", "oppose", "neutral"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document as read by ingest, before cleaning."""

    doc_id: str
    origin: str  # path (and line number for JSONL) it came from
    content: str  # decoded text or HTML
    fmt: Literal["html", "text"]
    content_hash: str  # sha256 of the normalised content
    published: str | None = None  # ISO date/datetime given by the record or --published
    published_from: PublishedSource = "none"
    url: str | None = None
    outlet: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class DroppedSpan:
    """A span removed by the cleaner, for auditing.

    ``start``/``end`` are offsets into the text *before* the furniture filter ran
    (the trafilatura output for HTML, the decoded text for plain text); ``rule`` names
    the rule that removed it.
    """

    start: int
    end: int
    rule: str
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned document: main text plus metadata and the cleaning audit."""

    doc_id: str
    origin: str
    content_hash: str
    text: str
    pre_clean_text: str  # the text the furniture filter ran on (DroppedSpan offsets)
    title: str | None
    published: str | None  # YYYY-MM-DD
    published_source: PublishedSource
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    sitename: str | None = None
    fmt: Literal["html", "text"] = "text"
    dropped: tuple[DroppedSpan, ...] = ()
    published_evidence: str | None = None  # the text an inferred date was read from


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    doc_id: str
    sentence_index: int
    start: int
    end: int
    text: str  # the sentence


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor (a row of the actors table)."""

    actor_id: str
    name: str
    country: str | None  # ISO 3166-1 alpha-3, or None
    sector: str | None  # GOV, MIL, REB, IGO, MED, BUS, CVL, ...
    kind: ActorKind


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text resolved (or not) to an actor."""

    doc_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    actor: Actor | None
    rule: str  # how it was resolved: lexicon, title, metonym, coref, ...


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as it takes part in an event or quote: the actor plus the mention text."""

    actor: Actor
    text: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class EventDate:
    date: str  # YYYY-MM-DD (first day of the period for week/month/year)
    precision: DatePrecision
    text: str | None
    source: DateSource


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    doc_id: str
    event_type: str  # PLOVER 2.0, upper case
    mode: str | None
    context: tuple[str, ...]
    cameo_root: str | None
    quad_class: int
    score: float
    status: EventStatus
    date: EventDate
    source: ActorRef | None
    targets: tuple[ActorRef, ...]
    location: Location | None
    evidence: tuple[Evidence, ...]
    confidence: float
    trigger: str
    trigger_start: int
    trigger_end: int


@dataclass(frozen=True, slots=True)
class Quote:
    quote_id: str
    doc_id: str
    text: str
    direct: bool
    speaker: ActorRef | None
    speaker_text: str | None
    cue: str | None
    start: int
    end: int
    date: str | None
    sentence_index: int = -1
    speaker_start: int = -1  # character span of the speaker phrase (-1: none)
    speaker_end: int = -1
    event_ids: tuple[str, ...] = ()  # events coded from the sentences the quote spans


@dataclass(frozen=True, slots=True)
class Stance:
    """An actor's position on an issue, with the sentence (and quote/event) it rests on.

    ``position`` is ``support``, ``oppose`` or ``neutral`` (mentioned without a clear
    position, or mixed); ``target_country`` is the country the issue is about when the
    text names one ("sanctions on Afghanistan" -> AFG); ``cue`` is the word that gave the
    position ("lifted", "condemned"); ``rule`` says where it came from (quote, event,
    statement).
    """

    stance_id: str
    doc_id: str
    actor: ActorRef
    issue: str
    position: Position
    target_country: str | None
    date: str | None
    evidence: Evidence
    cue: str | None
    rule: str
    quote_id: str | None = None
    event_id: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document that could not be processed, with a reason code (see errors.py)."""

    doc_id: str
    origin: str
    stage: str
    code: str
    detail: str
    content_hash: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """The unit that flows through the per-document stages.

    ``nlp`` holds the spaCy ``Doc`` while the document is inside a worker; it is
    dropped (set to ``None``) before results cross process boundaries or reach the store.
    """

    raw: RawDocument
    document: Document | None = None
    nlp: Any = None
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    stances: tuple[Stance, ...] = ()
    rejection: Rejection | None = None
    timexes: tuple[Any, ...] = field(default=())  # bowerbird.temporal.Timex values in the text


def to_dict(record: Any) -> Any:
    """Convert a record (or nested records/tuples) to plain JSON-compatible values."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, tuple | list):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record
