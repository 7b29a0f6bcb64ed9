"""Aggregates for the HTTP API and web UI: dashboard summary, time series, places."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import duckdb

from bowerbird.query import iso, merged_only
from bowerbird.query_actors import ActorQuery, list_actors
from bowerbird.query_docs import summary
from bowerbird.query_events import EventQuery, event_where, matching_actors
from bowerbird.query_paging import check_choice

INTERVALS = ("day", "week", "month")
QUADS = ("0", "1", "2", "3", "4")
MAX_PLACES = 2000


def overview(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """:func:`bowerbird.query_docs.summary` plus ``top_actors`` (10) and ``quad_counts``."""
    out = summary(con)
    top = list_actors(con, ActorQuery(limit=10))["items"]
    out["top_actors"] = [{k: a[k] for k in ("actor_id", "name", "country", "events")} for a in top]
    quads = dict.fromkeys(QUADS, 0)
    for quad, n in con.execute(
        f"SELECT quad_class, count(*) FROM events e WHERE {merged_only('e')} GROUP BY quad_class"
    ).fetchall():
        quads[str(quad)] = int(n)
    out["quad_counts"] = quads
    return out


@dataclass(frozen=True, slots=True)
class SeriesQuery:
    """Filters for :func:`series`.  With ``source`` and ``target``: that directed dyad
    (both directions when ``symmetric``); ``actor`` matches either side of any event."""

    source: str | None = None
    target: str | None = None
    actor: str | None = None
    event_type: str | None = None
    interval: str = "month"
    since: date | None = None
    until: date | None = None
    symmetric: bool = False


def _resolve(con: duckdb.DuckDBPyConnection, value: str | None) -> list[str] | None:
    """The ids of the actors ``value`` matches (None when no value was given)."""
    if not value:
        return None
    sub, params = matching_actors(value)
    return [str(r[0]) for r in con.execute(sub, params).fetchall()]


def _dyad_clause(
    con: duckdb.DuckDBPyConnection, source: str | None, target: str | None, symmetric: bool
) -> tuple[str, list[Any]]:
    """WHERE clause over ``events e`` for a (possibly one-sided or symmetric) dyad.

    The actor sets are resolved first (a look-up in the small actors table), so the big
    tables are scanned once with plain list membership tests.
    """
    src, tgt = _resolve(con, source), _resolve(con, target)
    if tgt is None:
        if symmetric:  # source on either side
            return (
                "(list_contains(?, e.source_actor_id) OR e.event_id IN"
                " (SELECT event_id FROM event_targets WHERE list_contains(?, actor_id)))",
                [src, src],
            )
        return "list_contains(?, e.source_actor_id)", [src]
    if src is None:
        if symmetric:
            return (
                "(list_contains(?, e.source_actor_id) OR e.event_id IN"
                " (SELECT event_id FROM event_targets WHERE list_contains(?, actor_id)))",
                [tgt, tgt],
            )
        return (
            "e.event_id IN (SELECT event_id FROM event_targets WHERE list_contains(?, actor_id))",
            [tgt],
        )
    pair = "(list_contains(?, d.source_actor_id) AND list_contains(?, t.actor_id))"
    cond, params = pair, [src, tgt]
    if symmetric:
        cond, params = f"({pair} OR {pair})", [src, tgt, tgt, src]
    return (
        "e.event_id IN (SELECT t.event_id FROM event_targets t"
        f" JOIN events d ON d.event_id = t.event_id WHERE {cond})",
        params,
    )


def _next_period(day: date, interval: str) -> date:
    if interval == "day":
        return day + timedelta(days=1)
    if interval == "week":
        return day + timedelta(days=7)
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _empty_point(period: date) -> dict[str, Any]:
    return {
        "period": period.isoformat(),
        "count": 0,
        "score_sum": 0.0,
        "mean_score": None,
        "quad": dict.fromkeys(QUADS, 0),
    }


def series(con: duckdb.DuckDBPyConnection, q: SeriesQuery) -> dict[str, Any]:
    """Events per period: ``{interval, points[{period, count, score_sum, mean_score, quad}]}``.

    ``period`` is the first day of the period (weeks start on Monday).  Periods between
    the first and the last one with events are filled with zero points.
    """
    interval = check_choice(q.interval, INTERVALS, "interval")
    clauses, params = event_where(
        EventQuery(actor=q.actor, event_type=q.event_type, since=q.since, until=q.until)
    )
    if q.source or q.target:
        clause, dyad_params = _dyad_clause(con, q.source, q.target, q.symmetric)
        clauses.append(clause)
        params += dyad_params
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    quad_cols = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {i})" for i in range(5))
    rows = con.execute(
        f"""SELECT CAST(date_trunc('{interval}', e.date) AS DATE) AS p, count(*),
                   sum(e.score), avg(e.score), {quad_cols}
            FROM events e{where} GROUP BY p ORDER BY p""",
        params,
    ).fetchall()
    points: list[dict[str, Any]] = []
    for r in rows:
        period: date = r[0]
        while points and date.fromisoformat(points[-1]["period"]) < period:
            gap = _next_period(date.fromisoformat(points[-1]["period"]), interval)
            if gap >= period:
                break
            points.append(_empty_point(gap))
        points.append(
            {
                "period": iso(period),
                "count": int(r[1]),
                "score_sum": round(float(r[2]), 4),
                "mean_score": round(float(r[3]), 4),
                "quad": {str(i): int(r[4 + i]) for i in range(5)},
            }
        )
    return {"interval": interval, "points": points}


def places(
    con: duckdb.DuckDBPyConnection,
    *,
    since: date | None = None,
    until: date | None = None,
    event_type: str | None = None,
) -> dict[str, Any]:
    """Geocoded event locations with counts, and event counts by location country."""
    clauses, params = event_where(EventQuery(since=since, until=until, event_type=event_type))
    extra = (" AND " + " AND ".join(clauses)) if clauses else ""
    rows = con.execute(
        f"""SELECT e.location_name, e.location_country, e.lat, e.lon, count(*) AS n
            FROM events e WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL{extra}
            GROUP BY ALL ORDER BY n DESC, e.location_name NULLS LAST LIMIT {MAX_PLACES}""",
        params,
    ).fetchall()
    countries = con.execute(
        f"""SELECT e.location_country, count(*) AS n FROM events e
            WHERE e.location_country IS NOT NULL{extra}
            GROUP BY e.location_country ORDER BY n DESC, e.location_country""",
        params,
    ).fetchall()
    return {
        "items": [
            {"name": name, "country": c, "lat": float(lat), "lon": float(lon), "events": int(n)}
            for name, c, lat, lon, n in rows
        ],
        "by_country": [{"country": c, "events": int(n)} for c, n in countries],
    }
