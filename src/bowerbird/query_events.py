"""Event queries for the HTTP API and web UI: one object per event, cursor-paged.

Unlike :func:`bowerbird.query.events` (the export shape, one row per event and
target), these return one object per event with all its targets, the evidence sentence
and the trigger, sorted by a chosen key with ``event_id`` as the tiebreaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from bowerbird.errors import E_BAD_OPTION, UsageError
from bowerbird.merge.store import explain
from bowerbird.query import (
    SOURCE_COLS,
    TARGET_COLS,
    actor_match,
    actor_ref,
    event_clauses,
    iso,
    report_counts,
)
from bowerbird.query_paging import (
    check_choice,
    check_limit,
    decode_cursor,
    encode_cursor,
    page,
)

#: Sort name -> SQL key expression (over ``events e`` left-joined to ``actors sa``).
SORT_KEYS: dict[str, str] = {
    "date": "e.date",
    "type": "e.event_type",
    "score": "e.score",
    "source": "coalesce(sa.name, e.source_actor_id, '')",
}
ORDERS = ("asc", "desc")


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters, sort and page for :func:`list_events` (filters combine with AND).

    ``actor``/``source``/``target`` match an actor id (case-insensitive), an exact
    country code or a substring of the actor's name, like :class:`query.EventFilter`;
    ``actor`` matches either side.  ``text`` is a case-insensitive substring of the
    evidence sentence or the trigger.  By default the rows are merged events (each with
    its ``reports`` and ``sources``; ``doc`` and ``text`` match any of its reports);
    ``unmerged`` lists the raw reports instead.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    event_type: str | None = None
    since: date | None = None
    until: date | None = None
    doc: str | None = None
    status: str | None = None
    text: str | None = None
    sort: str = "date"
    order: str = "desc"
    limit: int | None = None
    cursor: str | None = None
    unmerged: bool = False


def matching_actors(value: str) -> tuple[str, list[Any]]:
    """A subquery selecting the ids of actors that ``value`` matches, with its params."""
    return f"SELECT a.actor_id FROM actors a WHERE {actor_match('a.actor_id', 'a')}", [value] * 3


def _targets_with(sub: str) -> str:
    return f"e.event_id IN (SELECT event_id FROM event_targets WHERE actor_id IN ({sub}))"


def event_where(q: EventQuery) -> tuple[list[str], list[Any]]:
    """WHERE clauses (over ``events e``) and their parameters for the filters in ``q``."""
    clauses: list[str] = []
    params: list[Any] = []
    if q.actor:
        sub, p = matching_actors(q.actor)
        clauses.append(f"(e.source_actor_id IN ({sub}) OR {_targets_with(sub)})")
        params += p + p
    if q.source:
        sub, p = matching_actors(q.source)
        clauses.append(f"e.source_actor_id IN ({sub})")
        params += p
    if q.target:
        sub, p = matching_actors(q.target)
        clauses.append(_targets_with(sub))
        params += p
    common = event_clauses(
        event_type=q.event_type,
        since=q.since,
        until=q.until,
        doc=q.doc,
        status=q.status,
        unmerged=q.unmerged,
    )
    clauses += common.clauses
    params += common.params
    if q.text and q.unmerged:
        clauses.append(
            "(contains(lower(e.trigger), lower(?)) OR EXISTS (SELECT 1 FROM evidence v"
            " WHERE v.event_id = e.event_id AND contains(lower(v.text), lower(?))))"
        )
        params += [q.text, q.text]
    elif q.text:
        clauses.append(
            "(contains(lower(e.trigger), lower(?)) OR EXISTS (SELECT 1 FROM evidence v"
            " JOIN event_clusters c ON c.event_id = v.event_id"
            " WHERE c.cluster_id = e.event_id AND contains(lower(v.text), lower(?))))"
        )
        params += [q.text, q.text]
    return clauses, params


_DETAIL = f"""
SELECT e.event_id, e.event_type, e.mode, e.context, e.cameo_root, e.quad_class, e.score,
       e.status, e.date, e.date_precision, e.date_text, e.date_source,
       e.source_actor_id, {SOURCE_COLS}, e.source_text,
       e.location_name, e.location_country, e.lat, e.lon, e.doc_id, e.trigger,
       e.trigger_start, e.trigger_end, e.confidence
FROM events e LEFT JOIN actors sa ON sa.actor_id = e.source_actor_id
WHERE list_contains(?, e.event_id)
"""


def _targets(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    if not ids:
        return out
    rows = con.execute(
        f"""SELECT t.event_id, t.actor_id, {TARGET_COLS}, t.text
           FROM event_targets t LEFT JOIN actors ta ON ta.actor_id = t.actor_id
           WHERE list_contains(?, t.event_id) ORDER BY t.event_id, t.position""",
        [ids],
    ).fetchall()
    for event_id, *actor in rows:
        obj = actor_ref(tuple(actor))
        if obj is not None:
            out[event_id].append(obj)
    return out


def _sentences(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = con.execute(
        """SELECT event_id, text FROM evidence
           WHERE position = 0 AND list_contains(?, event_id)""",
        [ids],
    ).fetchall()
    return {str(i): str(t) for i, t in rows}


def events_by_id(
    con: duckdb.DuckDBPyConnection, ids: list[str], *, unmerged: bool = False
) -> list[dict[str, Any]]:
    """The events with these ids in list shape, in the order of ``ids`` (unknown ids skipped).

    Fetched in a few small queries (events, targets, evidence sentences, report counts) for
    the given ids only, so a page costs the same however deep it is.  ``reports`` and
    ``sources`` count the merged event's reports and outlets (the report's own with
    ``unmerged``).
    """
    if not ids:
        return []
    found = {str(r[0]): r for r in con.execute(_DETAIL, [ids]).fetchall()}
    rows = [found[i] for i in ids if i in found]
    targets = _targets(con, ids)
    sentences = _sentences(con, ids)
    counts = report_counts(con, ids, unmerged)
    out: list[dict[str, Any]] = []
    for r in rows:
        location = None
        if r[18] is not None or r[19] is not None:
            location = {"name": r[18], "country": r[19], "lat": r[20], "lon": r[21]}
        out.append(
            {
                "event_id": r[0],
                "event_type": r[1],
                "mode": r[2],
                "context": list(r[3] or []),
                "cameo_root": r[4],
                "quad_class": int(r[5]),
                "score": float(r[6]),
                "status": r[7],
                "date": iso(r[8]),
                "date_precision": r[9],
                "date_text": r[10],
                "date_source": r[11],
                "source": actor_ref(r[12:18]),
                "targets": targets[r[0]],
                "location": location,
                "doc_id": r[22],
                "trigger": r[23],
                "trigger_start": r[24],
                "trigger_end": r[25],
                "confidence": float(r[26]),
                "sentence": sentences.get(r[0]),
                "reports": counts.get(r[0], (1, 1))[0],
                "sources": counts.get(r[0], (1, 1))[1],
            }
        )
    return out


def _key_of(sort: str, raw: list[Any]) -> list[Any]:
    """Check and convert a decoded cursor key ``[value, event_id]`` back to SQL values."""
    value, event_id = raw
    try:
        if not isinstance(event_id, str):
            raise TypeError(event_id)
        if sort == "date":
            return [date.fromisoformat(str(value)), event_id]
        if sort == "score":
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise TypeError(value)
            return [float(value), event_id]
        if not isinstance(value, str):
            raise TypeError(value)
    except (TypeError, ValueError) as exc:
        raise UsageError("invalid cursor (bad sort key)", code=E_BAD_OPTION) from exc
    return [value, event_id]


def count_events(con: duckdb.DuckDBPyConnection, q: EventQuery) -> int:
    """How many events match the filters of ``q`` (sort and page ignored)."""
    clauses, params = event_where(q)
    sql = "SELECT count(*) FROM events e"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    row = con.execute(sql, params).fetchone()
    return 0 if row is None else int(row[0])


def list_events(
    con: duckdb.DuckDBPyConnection, q: EventQuery, *, total: int | None = None
) -> dict[str, Any]:
    """One page of events matching ``q``: ``{items, next_cursor, total}``.

    ``total`` may be passed by a caller that already knows it (e.g. cached for the same
    filters while walking pages); otherwise it is counted.
    """
    sort = check_choice(q.sort, tuple(SORT_KEYS), "sort")
    order = check_choice(q.order, ORDERS, "order")
    limit = check_limit(q.limit)
    kind = f"events:{sort}:{order}" + (":raw" if q.unmerged else "")
    after = decode_cursor(q.cursor, kind, 2)
    clauses, params = event_where(q)
    key_sql = SORT_KEYS[sort]
    if after is not None:
        value, event_id = _key_of(sort, after)
        op = ">" if order == "asc" else "<"
        clauses = [*clauses, f"({key_sql} {op} ? OR ({key_sql} = ? AND e.event_id {op} ?))"]
        params = [*params, value, value, event_id]
    sql = f"SELECT e.event_id, {key_sql} AS sort_key FROM events e"
    if sort == "source":
        sql += " LEFT JOIN actors sa ON sa.actor_id = e.source_actor_id"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    direction = order.upper()
    sql += f" ORDER BY sort_key {direction}, e.event_id {direction} LIMIT ?"
    keys = con.execute(sql, [*params, limit + 1]).fetchall()
    more = len(keys) > limit
    keys = keys[:limit]
    next_cursor = None
    if more and keys:
        last_id, last_key = keys[-1]
        next_cursor = encode_cursor(kind, [iso(last_key) if sort == "date" else last_key, last_id])
    if total is None:
        total = count_events(con, q)
    items = events_by_id(con, [str(k[0]) for k in keys], unmerged=q.unmerged)
    return page(items, next_cursor, total)


def _merged_reports(
    con: duckdb.DuckDBPyConnection, members: list[str], links: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each report of a merged event with its document and why it was joined."""
    rows = con.execute(
        """SELECT e.event_id, e.doc_id, d.title, d.outlet, d.published, e.trigger, v.text,
                  dl.original_doc_id
           FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
           LEFT JOIN evidence v ON v.event_id = e.event_id AND v.position = 0
           LEFT JOIN document_links dl ON dl.doc_id = e.doc_id
           WHERE list_contains(?, e.event_id) ORDER BY d.published, e.doc_id, e.event_id""",
        [members],
    ).fetchall()
    joined: dict[str, dict[str, Any]] = {}
    for link in links:
        a, b = str(link["event_id"]), str(link["other_event_id"])
        for me, other in ((a, b), (b, a)):
            best = joined.get(me)
            if best is None or link["score"] > best["score"]:
                joined[me] = {"with": other, "score": link["score"], "reasons": link["reasons"]}
    return [
        {
            "event_id": r[0],
            "doc_id": r[1],
            "doc_title": r[2],
            "outlet": r[3],
            "published": iso(r[4]),
            "trigger": r[5],
            "sentence": r[6],
            "copy_of": r[7],
            "joined_with": joined[r[0]]["with"] if r[0] in joined else None,
            "score": joined[r[0]]["score"] if r[0] in joined else None,
            "reasons": joined[r[0]]["reasons"] if r[0] in joined else None,
        }
        for r in rows
    ]


def event_detail(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One merged event (list shape) with ``evidence`` from all its reports (document
    metadata included), ``merged_reports`` (each report, its document and the strongest
    stored reason it was joined) and ``related`` (other events of the first document).

    A report id that is not its cluster's representative resolves to its merged event;
    ``report_id`` then names the report asked for.
    """
    cluster = explain(con, event_id)
    if cluster["cluster_id"] is None:
        return None
    rep = str(cluster["cluster_id"])
    found = events_by_id(con, [rep])
    if not found:
        return None
    event = found[0]
    event["report_id"] = event_id
    members = [str(m) for m in cluster["members"]]
    evidence = con.execute(
        """SELECT v.doc_id, v.sentence_index, v.start, v."end", v.text,
                  d.title, d.outlet, d.published, v.event_id
           FROM evidence v LEFT JOIN documents d ON d.doc_id = v.doc_id
           WHERE list_contains(?, v.event_id)
           ORDER BY v.event_id <> ?, d.published, v.doc_id, v.sentence_index, v.position""",
        [members, rep],
    ).fetchall()
    keys = ("doc_id", "sentence_index", "start", "end", "text", "doc_title", "outlet")
    event["evidence"] = [
        {**dict(zip(keys, r[:7], strict=True)), "published": iso(r[7]), "event_id": r[8]}
        for r in evidence
    ]
    event["merged_reports"] = _merged_reports(con, members, list(cluster["links"]))
    first_sentence = evidence[0][1] if evidence else None
    related = con.execute(
        """SELECT e2.event_id FROM events e2
           LEFT JOIN evidence v ON v.event_id = e2.event_id AND v.position = 0
           WHERE e2.doc_id = ? AND NOT list_contains(?, e2.event_id)
           ORDER BY (v.sentence_index IS NOT DISTINCT FROM ?) DESC, e2.trigger_start, e2.event_id
           LIMIT 50""",
        [event["doc_id"], members, first_sentence],
    ).fetchall()
    event["related"] = [str(r[0]) for r in related]
    return event
