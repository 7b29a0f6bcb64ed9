"""Routes for actors, actor profiles, quotes and search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from bowerbird.api import models
from bowerbird.api.errors import not_found
from bowerbird.api.params import (
    DEFAULT,
    Con,
    Cursor,
    Lex,
    Limit,
    Since,
    Until,
    check_choice,
    parse_date,
)
from bowerbird.query_actors import ActorQuery, actor_profile, list_actors
from bowerbird.query_text import QuoteQuery, StanceQuery, list_quotes, list_stances, search

router = APIRouter(prefix="/api")
KINDS = ("state", "person", "igo", "group", "other")


@router.get("/actors", response_model=models.ActorPage, summary="List actors")
def get_actors(
    con: Con,
    q: Annotated[
        str | None, Query(description="Actor id, exact country code or name substring.")
    ] = None,
    kind: Annotated[str | None, Query(description="state, person, igo, group, ...")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-3 code.")] = None,
    limit: Limit = DEFAULT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Actors with event and mention counts, most events first."""
    return list_actors(
        con,
        ActorQuery(
            q=q, kind=check_choice(kind, "kind", KINDS), country=country, limit=limit, cursor=cursor
        ),
    )


@router.get(
    "/actors/{actor_id:path}",
    response_model=models.ActorProfile,
    responses={404: {"model": models.ErrorResponse}},
    summary="Actor profile",
)
def get_actor(con: Con, lexicon: Lex, actor_id: str) -> dict[str, Any]:
    """Identity, offices held, event counts, counterparts, monthly timeline, latest quotes."""
    profile = actor_profile(con, actor_id, lexicon)
    if profile is None:
        raise not_found("actor", actor_id)
    return profile


@router.get("/quotes", response_model=models.QuotePage, summary="List quotes")
def get_quotes(
    con: Con,
    speaker: Annotated[
        str | None, Query(description="Speaker id, country code or name substring.")
    ] = None,
    country: Annotated[str | None, Query(description="Speaker's country code.")] = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[str | None, Query(description="Text in the quote.")] = None,
    doc: Annotated[str | None, Query(description="Document id.")] = None,
    limit: Limit = DEFAULT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Quotes and reported speech, newest first."""
    return list_quotes(
        con,
        QuoteQuery(
            speaker=speaker,
            country=country,
            since=parse_date(since, "since"),
            until=parse_date(until, "until"),
            text=q,
            doc=doc,
            limit=limit,
            cursor=cursor,
        ),
    )


@router.get("/stances", response_model=models.StancePage, summary="List stances")
def get_stances(
    con: Con,
    actor: Annotated[
        str | None, Query(description="Actor id, exact country code or name substring.")
    ] = None,
    issue: Annotated[
        str | None, Query(description="Issue id(s), comma-separated (docs/stances.md).")
    ] = None,
    position: Annotated[str | None, Query(description="support, oppose or neutral.")] = None,
    target: Annotated[str | None, Query(description="The issue's target country.")] = None,
    doc: Annotated[str | None, Query(description="Document id.")] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = DEFAULT,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Stances (actor x issue x position) with the sentence each rests on, by date."""
    return list_stances(
        con,
        StanceQuery(
            actor=actor,
            issue=issue,
            position=position,
            target=target,
            doc=doc,
            since=parse_date(since, "since"),
            until=parse_date(until, "until"),
            limit=limit,
            cursor=cursor,
        ),
    )


@router.get("/search", response_model=models.SearchResult, summary="Search everything")
def get_search(
    con: Con,
    q: Annotated[str, Query(min_length=1, description="Text to look for.")],
    limit: Annotated[int, Query(ge=1, le=100, description="At most this many per list.")] = 10,
) -> dict[str, Any]:
    """Actors, events, documents and quotes matching ``q``."""
    return search(con, q, limit)
