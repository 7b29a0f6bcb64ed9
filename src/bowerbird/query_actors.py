"""Actor queries for the HTTP API, the web UI and ``bowerbird actor``: lists, profiles, dyads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from bowerbird.errors import E_BAD_OPTION, UsageError
from bowerbird.lexicons import Lexicon
from bowerbird.query import actor_match, iso, merged_only
from bowerbird.query_events import matching_actors
from bowerbird.query_paging import check_limit, decode_cursor, encode_cursor, page
from bowerbird.query_statements import stances as query_stances

MERGED = merged_only("e")

#: Event ids (merged events) with each actor taking part (as source or as a target), with the role.
_PARTICIPATION = """
    SELECT source_actor_id AS actor_id, event_id, 'source' AS role FROM events e
    WHERE source_actor_id IS NOT NULL AND {merged}
    UNION ALL SELECT actor_id, event_id, 'target' AS role FROM event_targets e
    WHERE {merged}""".format(merged=merged_only("e"))

_COUNTS = f"""
    WITH part AS ({_PARTICIPATION}),
    ev AS (SELECT actor_id, count(DISTINCT event_id) AS n FROM part GROUP BY actor_id),
    mn AS (SELECT actor_id, count(*) AS n FROM mentions WHERE actor_id IS NOT NULL
           GROUP BY actor_id),
    counted AS (
        SELECT a.actor_id, a.name, a.country, a.sector, a.kind,
               coalesce(ev.n, 0) AS events, coalesce(mn.n, 0) AS mentions
        FROM actors a LEFT JOIN ev ON ev.actor_id = a.actor_id
        LEFT JOIN mn ON mn.actor_id = a.actor_id)"""

_ACTOR_KEYS = ("actor_id", "name", "country", "sector", "kind", "events", "mentions")


@dataclass(frozen=True, slots=True)
class ActorQuery:
    """Filters and page for :func:`list_actors` (most events first, then by id).

    ``q`` matches an id, an exact country code or a name substring; ``kind`` and
    ``country`` are exact (case-insensitive).
    """

    q: str | None = None
    kind: str | None = None
    country: str | None = None
    limit: int | None = None
    cursor: str | None = None


def list_actors(con: duckdb.DuckDBPyConnection, q: ActorQuery) -> dict[str, Any]:
    """One page of actors with event and mention counts: ``{items, next_cursor, total}``."""
    limit = check_limit(q.limit)
    clauses: list[str] = []
    params: list[Any] = []
    if q.q:
        clauses.append(actor_match("c.actor_id", "c"))
        params += [q.q] * 3
    if q.kind:
        clauses.append("lower(c.kind) = lower(?)")
        params.append(q.kind)
    if q.country:
        clauses.append("c.country = upper(?)")
        params.append(q.country)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    row = con.execute(f"{_COUNTS} SELECT count(*) FROM counted c{where}", params).fetchone()
    total = 0 if row is None else int(row[0])
    after = decode_cursor(q.cursor, "actors", 2)
    if after is not None:
        n, actor_id = after
        if isinstance(n, bool) or not isinstance(n, int) or not isinstance(actor_id, str):
            raise UsageError("invalid cursor (bad sort key)", code=E_BAD_OPTION)
        clauses = [*clauses, "(c.events < ? OR (c.events = ? AND c.actor_id > ?))"]
        params = [*params, n, n, actor_id]
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = f"""{_COUNTS} SELECT c.* FROM counted c{where}
              ORDER BY c.events DESC, c.actor_id LIMIT ?"""
    rows = con.execute(sql, [*params, limit + 1]).fetchall()
    more = len(rows) > limit
    items = [dict(zip(_ACTOR_KEYS, r, strict=True)) for r in rows[:limit]]
    cursor = None
    if more and items:
        cursor = encode_cursor("actors", [items[-1]["events"], items[-1]["actor_id"]])
    return page(items, cursor, total)


def find_actors(con: duckdb.DuckDBPyConnection, name_or_id: str) -> list[dict[str, Any]]:
    """Actors for a user-typed name or id: the exact id if it exists, else name matches.

    An exact (case-insensitive) id or name wins; otherwise every actor whose name contains
    the text, most events first.
    """
    exact = con.execute(
        f"""{_COUNTS} SELECT c.* FROM counted c
            WHERE lower(c.actor_id) = lower(?) OR lower(c.name) = lower(?)
            ORDER BY lower(c.actor_id) = lower(?) DESC, c.events DESC, c.actor_id""",
        [name_or_id, name_or_id, name_or_id],
    ).fetchall()
    if exact:
        return [dict(zip(_ACTOR_KEYS, exact[0], strict=True))]
    rows = con.execute(
        f"""{_COUNTS} SELECT c.* FROM counted c WHERE contains(lower(c.name), lower(?))
            ORDER BY c.events DESC, c.actor_id LIMIT 50""",
        [name_or_id],
    ).fetchall()
    return [dict(zip(_ACTOR_KEYS, r, strict=True)) for r in rows]


def _offices(lexicon: Lexicon | None, actor_id: str) -> list[dict[str, Any]]:
    if lexicon is None:
        return []
    out = []
    for o in lexicon.offices_of(actor_id, None):
        org = lexicon.orgs.get(o.org)
        country = o.org if o.org in lexicon.countries else (org.country if org else None)
        out.append(
            {
                "office": o.office,
                "org": o.org,
                "org_name": org.name if org else None,
                "country": country,
                "sector": o.sector,
                "start": o.start.isoformat(),
                "end": o.end.isoformat() if o.end else None,
            }
        )
    return out


def actor_profile(
    con: duckdb.DuckDBPyConnection, actor_id: str, lexicon: Lexicon | None = None
) -> dict[str, Any] | None:
    """Everything about one actor (exact id), or None if unknown.

    Keys: ``actor`` (identity and counts), ``offices`` (from the lexicon, persons only,
    latest first), ``event_counts`` (per event type, as source and as target),
    ``counterparts`` (actors on the other side of its events), ``timeline`` (events per
    month), ``latest_quotes`` and ``stances`` (per issue: how many stances of each
    position, and the latest one).  Built here in one place so further sections are added
    as new keys.
    """
    row = con.execute(f"{_COUNTS} SELECT * FROM counted WHERE actor_id = ?", [actor_id]).fetchone()
    if row is None:
        return None
    actor = dict(zip(_ACTOR_KEYS, row, strict=True))
    counts = con.execute(
        f"""WITH part AS ({_PARTICIPATION})
            SELECT e.event_type, count(DISTINCT e.event_id) FILTER (WHERE p.role = 'source'),
                   count(DISTINCT e.event_id) FILTER (WHERE p.role = 'target')
            FROM part p JOIN events e ON e.event_id = p.event_id WHERE p.actor_id = ?
            GROUP BY e.event_type ORDER BY count(DISTINCT e.event_id) DESC, e.event_type""",
        [actor_id],
    ).fetchall()
    counterparts = con.execute(
        f"""WITH pairs AS (
               SELECT t.actor_id AS other, e.event_id, e.score FROM events e
               JOIN event_targets t ON t.event_id = e.event_id
               WHERE e.source_actor_id = ? AND {MERGED}
               UNION
               SELECT e.source_actor_id, e.event_id, e.score FROM events e
               JOIN event_targets t ON t.event_id = e.event_id
               WHERE t.actor_id = ? AND e.source_actor_id IS NOT NULL AND {MERGED})
           SELECT p.other, any_value(a.name), count(DISTINCT p.event_id) AS n, avg(p.score)
           FROM pairs p LEFT JOIN actors a ON a.actor_id = p.other WHERE p.other <> ?
           GROUP BY p.other ORDER BY n DESC, p.other LIMIT 20""",
        [actor_id, actor_id, actor_id],
    ).fetchall()
    timeline = con.execute(
        f"""WITH part AS ({_PARTICIPATION}),
            ids AS (SELECT DISTINCT event_id FROM part WHERE actor_id = ?)
            SELECT CAST(date_trunc('month', e.date) AS DATE) AS p, count(*), sum(e.score)
            FROM events e JOIN ids ON ids.event_id = e.event_id GROUP BY p ORDER BY p""",
        [actor_id],
    ).fetchall()
    quotes = con.execute(
        """SELECT quote_id, text, date, doc_id, cue FROM quotes WHERE speaker_actor_id = ?
           ORDER BY date DESC NULLS LAST, quote_id DESC LIMIT 10""",
        [actor_id],
    ).fetchall()
    return {
        "actor": actor,
        "offices": _offices(lexicon, actor_id) if actor["kind"] == "person" else [],
        "event_counts": [
            {"event_type": t, "as_source": int(s), "as_target": int(g)} for t, s, g in counts
        ],
        "counterparts": [
            {
                "actor_id": o,
                "name": n if n is not None else o,
                "events": int(c),
                "mean_score": round(float(m), 4),
            }
            for o, n, c, m in counterparts
        ],
        "timeline": [
            {"period": iso(p), "count": int(c), "score_sum": round(float(s), 4)}
            for p, c, s in timeline
        ],
        "latest_quotes": [
            {"quote_id": q, "text": t, "date": iso(d), "doc_id": doc, "cue": cue}
            for q, t, d, doc, cue in quotes
        ],
        "stances": stances_by_issue(query_stances(con, actor_id=actor_id)),
    }


def stances_by_issue(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stance rows grouped by issue: counts per position and the latest stance (by date)."""
    grouped: dict[str, dict[str, Any]] = {}
    for row in rows:  # rows come ordered by date, so the last one seen is the latest
        entry = grouped.setdefault(
            row["issue"], {"issue": row["issue"], "support": 0, "oppose": 0, "neutral": 0}
        )
        entry[row["position"]] = entry.get(row["position"], 0) + 1
        entry["latest"] = {
            "position": row["position"],
            "date": row["date"],
            "target_country": row["target_country"],
            "text": row["evidence"]["text"],
            "doc_id": row["evidence"]["doc_id"],
        }
    return sorted(grouped.values(), key=lambda e: (-(e["support"] + e["oppose"]), e["issue"]))


@dataclass(frozen=True, slots=True)
class DyadQuery:
    """Filters for :func:`dyads`: directed source -> target pairs, most events first."""

    actor: str | None = None
    since: date | None = None
    until: date | None = None
    min_events: int = 1
    limit: int | None = 100


def dyads(con: duckdb.DuckDBPyConnection, q: DyadQuery) -> dict[str, Any]:
    """Directed dyads with event counts and mean score: ``{items, next_cursor: None, total}``."""
    limit = check_limit(q.limit)
    if q.min_events < 1:
        raise UsageError(f"min_events must be 1 or more, not {q.min_events}", code=E_BAD_OPTION)
    clauses = ["e.source_actor_id IS NOT NULL"]
    params: list[Any] = []
    if q.actor:
        sub, p = matching_actors(q.actor)
        clauses.append(f"(e.source_actor_id IN ({sub}) OR t.actor_id IN ({sub}))")
        params += p + p
    if q.since is not None:
        clauses.append("e.date >= ?")
        params.append(q.since)
    if q.until is not None:
        clauses.append("e.date <= ?")
        params.append(q.until)
    sql = f"""WITH d AS (
                SELECT e.source_actor_id AS s, t.actor_id AS g,
                       count(DISTINCT e.event_id) AS n, avg(e.score) AS m
                FROM events e JOIN event_targets t ON t.event_id = e.event_id
                WHERE {" AND ".join([*clauses, MERGED])} GROUP BY s, g HAVING count(DISTINCT e.event_id) >= ?)
              SELECT d.s, d.g, coalesce(sa.name, d.s), coalesce(ta.name, d.g), d.n, d.m,
                     count(*) OVER () AS total
              FROM d LEFT JOIN actors sa ON sa.actor_id = d.s
              LEFT JOIN actors ta ON ta.actor_id = d.g
              ORDER BY d.n DESC, d.s, d.g LIMIT ?"""
    rows = con.execute(sql, [*params, q.min_events, limit]).fetchall()
    items = [
        {
            "source": s,
            "target": g,
            "source_name": sn,
            "target_name": gn,
            "events": int(n),
            "mean_score": round(float(m), 4),
        }
        for s, g, sn, gn, n, m, _ in rows
    ]
    return page(items, None, int(rows[0][6]) if rows else 0)
