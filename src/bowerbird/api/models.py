"""Response models: they document the API in ``/openapi.json``.

Every model allows extra keys, so a new field added by the query layer (e.g. merged
reports or stances) reaches clients before its model is updated.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorBody(_Model):
    status: int
    code: str
    message: str


class ErrorResponse(_Model):
    error: ErrorBody


class ActorRef(_Model):
    actor_id: str
    name: str
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    text: str | None = None


class Location(_Model):
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None


class Event(_Model):
    event_id: str
    event_type: str
    mode: str | None
    context: list[str]
    cameo_root: str | None
    quad_class: int
    score: float
    status: str
    date: str
    date_precision: str
    date_text: str | None
    date_source: str
    source: ActorRef | None
    targets: list[ActorRef]
    location: Location | None
    doc_id: str
    trigger: str
    trigger_start: int
    trigger_end: int
    confidence: float
    sentence: str | None
    reports: int
    sources: int


class EventEvidence(_Model):
    doc_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    doc_title: str | None
    outlet: str | None
    published: str | None
    event_id: str


class MergedReport(_Model):
    event_id: str
    doc_id: str
    doc_title: str | None
    outlet: str | None
    published: str | None
    trigger: str
    sentence: str | None
    copy_of: str | None
    joined_with: str | None
    score: float | None
    reasons: dict[str, Any] | None


class EventDetail(Event):
    report_id: str
    evidence: list[EventEvidence]
    merged_reports: list[MergedReport]
    related: list[str]


class EventPage(_Model):
    items: list[Event]
    next_cursor: str | None
    total: int


class Dyad(_Model):
    source: str
    target: str
    source_name: str
    target_name: str
    events: int
    mean_score: float


class DyadPage(_Model):
    items: list[Dyad]
    next_cursor: str | None
    total: int


class TypeCount(_Model):
    event_type: str
    events: int


class TopActor(_Model):
    actor_id: str
    name: str
    country: str | None
    events: int


class Summary(_Model):
    documents: int
    rejected: int
    rejected_by_code: dict[str, int]
    events: int
    actors: int
    mentions: int
    quotes: int
    first_date: str | None
    last_date: str | None
    top_dyads: list[Dyad]
    event_types: list[TypeCount]
    top_actors: list[TopActor]
    quad_counts: dict[str, int]


class SentenceSpan(_Model):
    sentence_index: int
    start: int
    end: int


class Furniture(_Model):
    start: int | None
    end: int | None
    reason: str | None
    text: str | None


class DocEvent(_Model):
    event_id: str
    event_type: str
    start: int
    end: int
    trigger: str


class Document(_Model):
    doc_id: str
    title: str | None
    url: str | None
    outlet: str | None
    author: str | None
    published: str | None
    published_source: str
    status: str
    text: str
    sentences: list[SentenceSpan]
    furniture: list[Furniture]
    pre_clean_text: str
    events: list[DocEvent]


class ActorRow(_Model):
    actor_id: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    events: int
    mentions: int


class ActorPage(_Model):
    items: list[ActorRow]
    next_cursor: str | None
    total: int


class Office(_Model):
    office: str
    org: str
    org_name: str | None
    country: str | None
    sector: str | None
    start: str
    end: str | None


class EventCount(_Model):
    event_type: str
    as_source: int
    as_target: int


class Counterpart(_Model):
    actor_id: str
    name: str
    events: int
    mean_score: float


class TimelinePoint(_Model):
    period: str
    count: int
    score_sum: float


class LatestQuote(_Model):
    quote_id: str
    text: str
    date: str | None
    doc_id: str
    cue: str | None


class LatestStance(_Model):
    position: str
    date: str | None
    target_country: str | None
    text: str
    doc_id: str


class IssueStances(_Model):
    issue: str
    support: int
    oppose: int
    neutral: int
    latest: LatestStance


class ActorProfile(_Model):
    actor: ActorRow
    offices: list[Office]
    event_counts: list[EventCount]
    counterparts: list[Counterpart]
    timeline: list[TimelinePoint]
    latest_quotes: list[LatestQuote]
    stances: list[IssueStances]


class StanceActor(_Model):
    actor_id: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    text: str


class StanceEvidence(_Model):
    doc_id: str
    sentence_index: int
    start: int
    end: int
    text: str


class Stance(_Model):
    stance_id: str
    actor: StanceActor | None
    issue: str
    position: str
    target_country: str | None
    date: str | None
    evidence: StanceEvidence
    cue: str | None
    rule: str
    quote_id: str | None
    event_id: str | None


class StancePage(_Model):
    items: list[Stance]
    next_cursor: str | None
    total: int


class SeriesPoint(_Model):
    period: str
    count: int
    score_sum: float
    mean_score: float | None
    quad: dict[str, int]


class Series(_Model):
    interval: str
    points: list[SeriesPoint]


class Place(_Model):
    name: str | None
    country: str | None
    lat: float
    lon: float
    events: int


class CountryCount(_Model):
    country: str
    events: int


class Places(_Model):
    items: list[Place]
    by_country: list[CountryCount]


class Speaker(_Model):
    actor_id: str
    name: str
    country: str | None


class Quote(_Model):
    quote_id: str
    doc_id: str
    text: str
    direct: bool
    speaker: Speaker | None
    speaker_text: str | None
    cue: str | None
    start: int
    end: int
    date: str | None
    sentence_index: int


class QuotePage(_Model):
    items: list[Quote]
    next_cursor: str | None
    total: int


class DocumentHit(_Model):
    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None


class SearchResult(_Model):
    actors: list[ActorRow]
    events: list[Event]
    documents: list[DocumentHit]
    quotes: list[Quote]
