"""All query logic over a Bowerbird database (the CLI, HTTP API and web UI call this).

Every function takes an open DuckDB connection (``Store.con``) and returns plain,
JSON-ready values: dates as ``YYYY-MM-DD`` strings, timestamps as ISO strings.  User
values are always bound as ``?`` parameters.  Events come back in the pinned export
shape documented in ``docs/schema.md`` and ``schema/event.schema.json``: one row per
(event, target), an event without targets once with ``target`` null.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import duckdb

from bowerbird.errors import E_BAD_OPTION, UsageError
from bowerbird.store.schema import dated_attr


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters for :func:`events` and :func:`count_events` (all optional, combined with AND).

    ``actor`` matches a row whose source *or* target matches; ``source``/``target`` match
    that side only.  An actor value matches an actor id (case-insensitive), an exact
    country code, or a case-insensitive substring of the actor's name.  Since events are
    returned one row per target, target matching is per row.  ``event_type`` is a PLOVER
    name or a comma-separated list of them (case-insensitive).  ``since``/``until`` are
    inclusive bounds on the event date.  By default rows are merged events (all reports of
    one occurrence joined, see docs/merge.md): filters apply to the representative report,
    except ``doc``, which matches a merged event with any report in that document;
    ``unmerged`` returns the raw reports instead.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    event_type: str | None = None
    since: date | None = None
    until: date | None = None
    doc: str | None = None
    status: str | None = None
    limit: int | None = None
    offset: int = 0
    unmerged: bool = False  # raw reports (one per extracted event) instead of merged events


#: An event's source and target as (name, country, sector, kind): country and sector as
#: of the event's article (a person's office then), see :func:`store.schema.dated_attr`.
SOURCE_COLS = (
    f"sa.name, {dated_attr('e', 'source_country', 'sa', 'country')}, "
    f"{dated_attr('e', 'source_sector', 'sa', 'sector')}, sa.kind"
)
TARGET_COLS = (
    f"ta.name, {dated_attr('t', 'country', 'ta', 'country')}, "
    f"{dated_attr('t', 'sector', 'ta', 'sector')}, ta.kind"
)

_EVENT_FROM = """
FROM events e
LEFT JOIN event_targets t ON t.event_id = e.event_id
LEFT JOIN actors sa ON sa.actor_id = e.source_actor_id
LEFT JOIN actors ta ON ta.actor_id = t.actor_id
"""

_EVENT_COLS = f"""
SELECT e.event_id, e.event_type, e.mode, e.context, e.cameo_root, e.quad_class, e.score,
       e.status, e.date, e.date_precision, e.date_text, e.date_source,
       e.source_actor_id, {SOURCE_COLS}, e.source_text,
       t.actor_id, {TARGET_COLS}, t.text,
       e.location_name, e.location_country, e.lat, e.lon, e.confidence
"""


def merged_only(alias: str = "e") -> str:
    """SQL predicate: the ``events`` row aliased ``alias`` stands for a merged event (it is
    its cluster's representative report), so counting such rows counts events, not reports."""
    # written as "not merged into another report": the set of joined reports is smaller
    # than the set of representatives, so this anti-join is the cheaper one
    return (
        f"{alias}.event_id NOT IN"
        " (SELECT event_id FROM event_clusters WHERE cluster_id <> event_id)"
    )


def actor_match(id_col: str, alias: str) -> str:
    """SQL predicate (3 parameters, all the same value) matching an actor on one side."""
    return (
        f"coalesce(lower({id_col}) = lower(?) OR {alias}.country = upper(?)"
        f" OR contains(lower({alias}.name), lower(?)), false)"
    )


def check_paging(limit: int | None, offset: int = 0) -> None:
    if limit is not None and limit < 0:
        raise UsageError(f"limit must be 0 or more, not {limit}", code=E_BAD_OPTION)
    if offset < 0:
        raise UsageError(f"offset must be 0 or more, not {offset}", code=E_BAD_OPTION)


def paging(limit: int | None, offset: int, params: list[Any]) -> str:
    check_paging(limit, offset)
    sql = ""
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    if offset:
        sql += " OFFSET ?"
        params.append(offset)
    return sql


@dataclass(slots=True)
class Where:
    """A WHERE clause being built: conditions joined with AND, each with its ``?``
    parameters (a local builder inside one query function, never shared)."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, condition: str, *params: Any) -> None:
        """Add ``condition`` with its parameters."""
        self.clauses.append(condition)
        self.params.extend(params)

    def when(self, value: Any, condition: str, times: int = 1) -> None:
        """Add ``condition`` binding ``value`` ``times`` times, unless the filter is unset
        (None or an empty string)."""
        if value is not None and value != "":
            self.add(condition, *[value] * times)

    def dates(self, column: str, since: date | None, until: date | None) -> None:
        """Inclusive date bounds on ``column``."""
        self.when(since, f"{column} >= ?")
        self.when(until, f"{column} <= ?")

    def extend(self, other: Where) -> None:
        """Add every condition of ``other``."""
        self.clauses += other.clauses
        self.params += other.params

    def sql(self) -> str:
        """`` WHERE a AND b`` (empty when there is no condition)."""
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def comma_list(value: str, case: str = "upper") -> list[str]:
    """``"a, B,"`` -> ``["A", "B"]`` (or lower case): a comma-separated filter value."""
    items = [v.strip() for v in value.split(",") if v.strip()]
    return [v.upper() if case == "upper" else v.lower() for v in items]


def event_clauses(
    *,
    event_type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    doc: str | None = None,
    status: str | None = None,
    unmerged: bool = False,
) -> Where:
    """WHERE clauses over ``events e`` shared by every event query (the export rows here,
    the API's event objects in :mod:`bowerbird.query_events`), with their parameters.

    Actor filters are not here: the export shape matches a target per (event, target)
    row, the API per event.  Unless ``unmerged``, only merged events (cluster
    representatives) match, and ``doc`` matches a merged event with any report in it.
    """
    w = Where()
    if event_type:
        w.add("list_contains(?, e.event_type)", comma_list(event_type))
    w.dates("e.date", since, until)
    if not unmerged:
        w.add(merged_only("e"))
    if doc and unmerged:
        w.add("e.doc_id = ?", doc)
    elif doc:
        w.add(
            """e.event_id IN (SELECT c.cluster_id FROM event_clusters c
               JOIN events x ON x.event_id = c.event_id WHERE x.doc_id = ?)""",
            doc,
        )
    w.when(status, "e.status = lower(?)")
    return w


def _event_where(f: EventFilter) -> tuple[str, list[Any]]:
    w = Where()
    source = actor_match("e.source_actor_id", "sa")
    target = actor_match("t.actor_id", "ta")
    w.when(f.actor, f"({source} OR {target})", times=6)
    w.when(f.source, source, times=3)
    w.when(f.target, target, times=3)
    w.extend(
        event_clauses(
            event_type=f.event_type,
            since=f.since,
            until=f.until,
            doc=f.doc,
            status=f.status,
            unmerged=f.unmerged,
        )
    )
    return w.sql(), w.params


def iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def actor_ref(row: tuple[Any, ...]) -> dict[str, Any] | None:
    """Build an actor object from (actor_id, name, country, sector, kind, text)."""
    actor_id, name, country, sector, kind, text = row
    if actor_id is None:
        return None
    return {
        "actor_id": actor_id,
        "name": name if name is not None else actor_id,
        "country": country,
        "sector": sector,
        "kind": kind if kind is not None else "other",
        "text": text if text is not None else "",
    }


def _evidence(
    con: duckdb.DuckDBPyConnection, ids: list[str], unmerged: bool
) -> dict[str, list[dict[str, Any]]]:
    """Evidence of each event: for a merged event, its representative's first, then the
    other reports' by document and offset."""
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    if not ids:
        return out
    key = "v.event_id" if unmerged else "c.cluster_id"
    rows = con.execute(
        f"""SELECT {key}, v.doc_id, v.sentence_index, v.start, v."end", v.text
            FROM evidence v JOIN event_clusters c ON c.event_id = v.event_id
            WHERE {key} IN (SELECT unnest(?::VARCHAR[]))
            ORDER BY {key}, v.event_id <> c.cluster_id, v.doc_id, v.sentence_index,
                     v.start, v.event_id, v.position""",
        [sorted(set(ids))],
    ).fetchall()
    for event_id, doc_id, sentence_index, start, end, text in rows:
        out[event_id].append(
            {
                "doc_id": doc_id,
                "sentence_index": sentence_index,
                "start": start,
                "end": end,
                "text": text,
            }
        )
    return out


def report_counts(
    con: duckdb.DuckDBPyConnection, ids: list[str], unmerged: bool
) -> dict[str, tuple[int, int]]:
    """(reports, sources) per event: evidence items and distinct outlets, not counting
    syndicated copies (documents linked to an original in ``document_links``)."""
    if not ids:
        return {}
    key = "v.event_id" if unmerged else "c.cluster_id"
    rows = con.execute(
        f"""SELECT {key}, count(*) FILTER (WHERE dl.doc_id IS NULL),
                   count(DISTINCT coalesce(d.outlet, d.sitename, d.doc_id))
                       FILTER (WHERE dl.doc_id IS NULL)
            FROM evidence v JOIN event_clusters c ON c.event_id = v.event_id
            LEFT JOIN documents d ON d.doc_id = v.doc_id
            LEFT JOIN document_links dl ON dl.doc_id = v.doc_id
            WHERE {key} IN (SELECT unnest(?::VARCHAR[])) GROUP BY {key}""",
        [sorted(set(ids))],
    ).fetchall()
    return {str(k): (max(1, int(r)), max(1, int(s))) for k, r, s in rows}


def events(con: duckdb.DuckDBPyConnection, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events in export shape, one row per (event, target), ordered by date, id, target."""
    f = f or EventFilter()
    where, params = _event_where(f)
    sql = _EVENT_COLS + _EVENT_FROM + where
    sql += " ORDER BY e.date, e.event_id, t.position NULLS FIRST"
    sql += paging(f.limit, f.offset, params)
    rows = con.execute(sql, params).fetchall()
    evidence = _evidence(con, [r[0] for r in rows], f.unmerged)
    counts = report_counts(con, [r[0] for r in rows], f.unmerged)
    out: list[dict[str, Any]] = []
    for r in rows:
        location = None
        if r[24] is not None:
            location = {"name": r[24], "country": r[25], "lat": r[26], "lon": r[27]}
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
                "target": actor_ref(r[18:24]),
                "location": location,
                "evidence": [dict(e) for e in evidence[r[0]]],
                "confidence": float(r[28]),
                "reports": counts.get(r[0], (1, 1))[0],
                "sources": counts.get(r[0], (1, 1))[1],
            }
        )
    return out


def count_events(con: duckdb.DuckDBPyConnection, f: EventFilter | None = None) -> int:
    """How many rows :func:`events` would return for ``f`` ignoring limit and offset."""
    f = f or EventFilter()
    where, params = _event_where(f)
    row = con.execute("SELECT count(*) " + _EVENT_FROM + where, params).fetchone()
    return 0 if row is None else int(row[0])


def actors(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    country: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Actors with their event count (as source or target) and mention count."""
    w = Where()
    w.when(actor, actor_match("a.actor_id", "a"), times=3)
    w.when(country, "a.country = upper(?)")
    where, params = w.sql(), w.params
    sql = f"""
        WITH part AS (
            SELECT source_actor_id AS actor_id, event_id FROM events
            WHERE source_actor_id IS NOT NULL
            UNION SELECT actor_id, event_id FROM event_targets),
        ev AS (SELECT actor_id, count(*) AS n FROM part GROUP BY actor_id),
        mn AS (SELECT actor_id, count(*) AS n FROM mentions
               WHERE actor_id IS NOT NULL GROUP BY actor_id)
        SELECT a.actor_id, a.name, a.country, a.sector, a.kind,
               coalesce(ev.n, 0) AS n_events, coalesce(mn.n, 0) AS n_mentions
        FROM actors a LEFT JOIN ev ON ev.actor_id = a.actor_id
        LEFT JOIN mn ON mn.actor_id = a.actor_id
        {where}
        ORDER BY n_events DESC, n_mentions DESC, a.actor_id"""
    sql += paging(limit, 0, params)
    keys = ("actor_id", "name", "country", "sector", "kind", "n_events", "n_mentions")
    return [dict(zip(keys, r, strict=True)) for r in con.execute(sql, params).fetchall()]
