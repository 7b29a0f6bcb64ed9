"""Document, quote and search queries for the HTTP API and web UI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from bowerbird.errors import E_BAD_OPTION, UsageError
from bowerbird.query import iso
from bowerbird.query_actors import ActorQuery, list_actors
from bowerbird.query_docs import document
from bowerbird.query_events import EventQuery, list_events
from bowerbird.query_paging import check_limit, decode_cursor, encode_cursor, page
from bowerbird.query_statements import count_stances, quote_where, stances

#: Sort key used for undated quotes (they come last in the newest-first order).
_NO_DATE = date(1, 1, 1)


def document_detail(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """A document for reading: text, sentence offsets, removed furniture, event triggers.

    ``furniture`` offsets are into ``pre_clean_text``; ``sentences`` and ``events``
    offsets are into ``text`` (the cleaned text).  None if the id is unknown.
    """
    doc = document(con, doc_id)
    if doc is None:
        return None
    events = con.execute(
        """SELECT event_id, event_type, trigger_start, trigger_end, trigger FROM events
           WHERE doc_id = ? ORDER BY trigger_start, event_id""",
        [doc_id],
    ).fetchall()
    return {
        "doc_id": doc["doc_id"],
        "title": doc["title"],
        "url": doc["url"],
        "outlet": doc["outlet"],
        "author": doc["author"],
        "published": doc["published"],
        "published_source": doc["published_source"],
        "status": doc["status"],
        "text": doc["text"],
        "sentences": [
            {k: s[k] for k in ("sentence_index", "start", "end")} for s in doc["sentences"]
        ],
        "furniture": [
            {
                "start": d.get("start"),
                "end": d.get("end"),
                "reason": d.get("reason"),
                "text": d.get("text"),
            }
            for d in doc["dropped"]
        ],
        "pre_clean_text": doc["pre_clean_text"],
        "events": [
            {"event_id": i, "event_type": t, "start": s, "end": e, "trigger": tr}
            for i, t, s, e, tr in events
        ],
    }


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    """Filters and page for :func:`list_quotes` (newest first, then by quote id).

    ``speaker`` matches the resolved speaker like an actor filter or a substring of the
    speaker as written; ``country`` is the speaker's country code; ``text`` a substring.
    """

    speaker: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None
    doc: str | None = None
    limit: int | None = None
    cursor: str | None = None


_QUOTE_KEY = "coalesce(q.date, DATE '0001-01-01')"


def _quote_where(q: QuoteQuery) -> tuple[list[str], list[Any]]:
    w = quote_where(
        speaker=q.speaker, country=q.country, doc=q.doc, since=q.since, until=q.until, text=q.text
    )
    return w.clauses, w.params


def list_quotes(con: duckdb.DuckDBPyConnection, q: QuoteQuery) -> dict[str, Any]:
    """One page of quotes, newest first: ``{items, next_cursor, total}``."""
    limit = check_limit(q.limit)
    clauses, params = _quote_where(q)
    base = " FROM quotes q LEFT JOIN actors a ON a.actor_id = q.speaker_actor_id"
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    row = con.execute("SELECT count(*)" + base + where, params).fetchone()
    total = 0 if row is None else int(row[0])
    after = decode_cursor(q.cursor, "quotes", 2)
    if after is not None:
        try:
            day, quote_id = date.fromisoformat(str(after[0])), str(after[1])
        except ValueError as exc:
            raise UsageError("invalid cursor (bad sort key)", code=E_BAD_OPTION) from exc
        clauses = [*clauses, f"({_QUOTE_KEY} < ? OR ({_QUOTE_KEY} = ? AND q.quote_id < ?))"]
        params = [*params, day, day, quote_id]
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = f"""SELECT q.quote_id, q.doc_id, q.text, q.direct, q.speaker_actor_id, a.name,
                     a.country, q.speaker_text, q.cue, q.start, q."end", q.date,
                     q.sentence_index, {_QUOTE_KEY}
              {base}{where} ORDER BY {_QUOTE_KEY} DESC, q.quote_id DESC LIMIT ?"""
    rows = con.execute(sql, [*params, limit + 1]).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    items = [
        {
            "quote_id": r[0],
            "doc_id": r[1],
            "text": r[2],
            "direct": bool(r[3]),
            "speaker": None
            if r[4] is None
            else {"actor_id": r[4], "name": r[5] if r[5] is not None else r[4], "country": r[6]},
            "speaker_text": r[7],
            "cue": r[8],
            "start": r[9],
            "end": r[10],
            "date": iso(r[11]),
            "sentence_index": r[12],
        }
        for r in rows
    ]
    cursor = encode_cursor("quotes", [iso(rows[-1][13]), rows[-1][0]]) if more and rows else None
    return page(items, cursor, total)


def search(con: duckdb.DuckDBPyConnection, text: str, limit: int | None = 10) -> dict[str, Any]:
    """Actors, events, documents and quotes matching ``text`` (each list at most ``limit``)."""
    n = check_limit(limit, maximum=100)
    needle = text.strip()
    if not needle:
        raise UsageError("q must not be empty", code=E_BAD_OPTION)
    docs = con.execute(
        """SELECT doc_id, title, outlet, published FROM documents
           WHERE contains(lower(coalesce(title, '')), lower(?)) OR contains(lower(text), lower(?))
           ORDER BY contains(lower(coalesce(title, '')), lower(?)) DESC,
                    published DESC NULLS LAST, doc_id LIMIT ?""",
        [needle, needle, needle, n],
    ).fetchall()
    return {
        "actors": list_actors(con, ActorQuery(q=needle, limit=n))["items"],
        "events": list_events(con, EventQuery(text=needle, limit=n))["items"],
        "documents": [
            {"doc_id": d, "title": t, "outlet": o, "published": iso(p)} for d, t, o, p in docs
        ],
        "quotes": list_quotes(con, QuoteQuery(text=needle, limit=n))["items"],
    }


@dataclass(frozen=True, slots=True)
class StanceQuery:
    """Filters and page for :func:`list_stances`.

    The filters are those of :func:`bowerbird.query_statements.stances`.
    """

    actor: str | None = None
    issue: str | None = None
    position: str | None = None
    target: str | None = None
    doc: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int | None = None
    cursor: str | None = None


def list_stances(con: duckdb.DuckDBPyConnection, q: StanceQuery) -> dict[str, Any]:
    """One page of stances: ``{items, next_cursor, total}``.

    The cursor holds the offset of the next page in the stable order of
    :func:`bowerbird.query_statements.stances` (date, document, offset, issue, id).
    """
    limit = check_limit(q.limit)
    after = decode_cursor(q.cursor, "stances", 1)
    offset = 0
    if after is not None:
        if isinstance(after[0], bool) or not isinstance(after[0], int) or after[0] < 0:
            raise UsageError("invalid cursor (bad offset)", code=E_BAD_OPTION)
        offset = after[0]
    filters: dict[str, Any] = {
        "actor": q.actor,
        "issue": q.issue,
        "position": q.position,
        "target": q.target,
        "doc": q.doc,
        "since": q.since,
        "until": q.until,
    }
    rows = stances(con, **filters, limit=limit + 1, offset=offset)
    next_cursor = encode_cursor("stances", [offset + limit]) if len(rows) > limit else None
    return page(rows[:limit], next_cursor, count_stances(con, **filters))
