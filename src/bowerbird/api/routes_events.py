"""Routes for the summary, events, documents, dyads, time series and places."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Query

from bowerbird.api import models
from bowerbird.api.errors import not_found
from bowerbird.api.params import (
    DEFAULT,
    ActorParam,
    Con,
    Cursor,
    Limit,
    Since,
    Totals,
    Until,
    check_choice,
    check_types,
    parse_date,
)
from bowerbird.query_actors import DyadQuery, dyads
from bowerbird.query_events import EventQuery, count_events, event_detail, list_events
from bowerbird.query_series import SeriesQuery, overview, places, series
from bowerbird.query_text import document_detail

router = APIRouter(prefix="/api")
STATUSES = ("occurred", "planned", "hypothetical", "negated")
TypeParam = Annotated[
    str | None, Query(description="PLOVER event type, or a comma-separated list of them.")
]


@router.get("/summary", response_model=models.Summary, summary="Database totals")
def get_summary(con: Con, cache: Totals) -> dict[str, Any]:
    """Totals, date range, top dyads, event types and actors, counts per quad class."""
    return cache.get(("summary",), lambda: overview(con))


@router.get("/events", response_model=models.EventPage, summary="List events")
def get_events(
    con: Con,
    totals: Totals,
    actor: ActorParam = None,
    source: ActorParam = None,
    target: ActorParam = None,
    type: TypeParam = None,
    since: Since = None,
    until: Until = None,
    doc: Annotated[str | None, Query(description="Document id.")] = None,
    status: Annotated[
        str | None, Query(description="occurred, planned, hypothetical or negated.")
    ] = None,
    q: Annotated[str | None, Query(description="Text in the evidence sentence.")] = None,
    sort: Annotated[str, Query(description="date, type, score or source.")] = "date",
    order: Annotated[str, Query(description="asc or desc.")] = "desc",
    limit: Limit = DEFAULT,
    cursor: Cursor = None,
    unmerged: Annotated[
        bool, Query(description="Raw reports instead of merged events (default false).")
    ] = False,
) -> dict[str, Any]:
    """One page of events (one item per merged event, with all its targets)."""
    query = EventQuery(
        actor=actor,
        source=source,
        target=target,
        event_type=check_types(type),
        since=parse_date(since, "since"),
        until=parse_date(until, "until"),
        doc=doc,
        status=check_choice(status, "status", STATUSES),
        text=q,
        sort=sort,
        order=order,
        limit=limit,
        cursor=cursor,
        unmerged=unmerged,
    )
    key = ("events", replace(query, sort="", order="", limit=None, cursor=None))
    total = totals.get(key, lambda: count_events(con, query))
    return list_events(con, query, total=total)


@router.get(
    "/events/{event_id}",
    response_model=models.EventDetail,
    responses={404: {"model": models.ErrorResponse}},
    summary="One event with its evidence",
)
def get_event(con: Con, event_id: str) -> dict[str, Any]:
    """The event, its evidence sentences with document metadata, and related event ids."""
    event = event_detail(con, event_id)
    if event is None:
        raise not_found("event", event_id)
    return event


@router.get(
    "/documents/{doc_id:path}",
    response_model=models.Document,
    responses={404: {"model": models.ErrorResponse}},
    summary="One document for reading",
)
def get_document(con: Con, doc_id: str) -> dict[str, Any]:
    """Cleaned text, sentence offsets, removed furniture, raw text and event triggers."""
    doc = document_detail(con, doc_id)
    if doc is None:
        raise not_found("document", doc_id)
    return doc


@router.get("/dyads", response_model=models.DyadPage, summary="Directed dyads")
def get_dyads(
    con: Con,
    actor: ActorParam = None,
    since: Since = None,
    until: Until = None,
    min_events: Annotated[int, Query(ge=1, description="Only dyads with this many events.")] = 1,
    limit: Limit = 100,
) -> dict[str, Any]:
    """Source -> target pairs with event counts and mean Goldstein-like score."""
    return dyads(
        con,
        DyadQuery(
            actor=actor,
            since=parse_date(since, "since"),
            until=parse_date(until, "until"),
            min_events=min_events,
            limit=limit,
        ),
    )


@router.get("/series", response_model=models.Series, summary="Events per period")
def get_series(
    con: Con,
    source: ActorParam = None,
    target: ActorParam = None,
    actor: ActorParam = None,
    type: TypeParam = None,
    interval: Annotated[str, Query(description="day, week or month.")] = "month",
    since: Since = None,
    until: Until = None,
    symmetric: Annotated[
        bool, Query(description="With source and target: count both directions.")
    ] = False,
) -> dict[str, Any]:
    """Event counts, score sums and quad-class counts per day, week or month."""
    return series(
        con,
        SeriesQuery(
            source=source,
            target=target,
            actor=actor,
            event_type=check_types(type),
            interval=interval,
            since=parse_date(since, "since"),
            until=parse_date(until, "until"),
            symmetric=symmetric,
        ),
    )


@router.get("/places", response_model=models.Places, summary="Event locations")
def get_places(
    con: Con, since: Since = None, until: Until = None, type: TypeParam = None
) -> dict[str, Any]:
    """Geocoded locations with event counts, and event counts by location country."""
    return places(
        con,
        since=parse_date(since, "since"),
        until=parse_date(until, "until"),
        event_type=check_types(type),
    )
