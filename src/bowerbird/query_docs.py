"""Document queries: stored documents, rejections, the store summary, one document's audit.

Part of the query layer shared by the CLI, the HTTP API and the web UI: plain
JSON-ready values, user values bound as ``?`` parameters.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import duckdb

from bowerbird.query import Where, iso, merged_only, paging


def docs(
    con: duckdb.DuckDBPyConnection,
    *,
    doc: str | None = None,
    since: date | None = None,
    until: date | None = None,
    outlet: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored documents (metadata only), ordered by publication date then id.

    ``copy_of`` is the original a syndicated or near-duplicate copy is linked to (or None).
    """
    w = Where()
    w.when(doc, "d.doc_id = ?")
    w.dates("published", since, until)
    w.when(outlet, "contains(lower(outlet), lower(?))")
    where, params = w.sql(), w.params
    sql = f"""SELECT d.doc_id, title, published, published_source, outlet, url, n_sentences,
                     n_events, json_array_length(dropped), status, l.original_doc_id
              FROM documents d LEFT JOIN document_links l ON l.doc_id = d.doc_id
              {where} ORDER BY published NULLS LAST, d.doc_id"""
    sql += paging(limit, 0, params)
    keys = (
        "doc_id",
        "title",
        "published",
        "published_source",
        "outlet",
        "url",
        "n_sentences",
        "n_events",
        "n_dropped_spans",
        "status",
        "copy_of",
    )
    out = []
    for r in con.execute(sql, params).fetchall():
        row = dict(zip(keys, r, strict=True))
        row["published"] = iso(row["published"])
        row["n_dropped_spans"] = int(row["n_dropped_spans"] or 0)
        out.append(row)
    return out


def rejections(
    con: duckdb.DuckDBPyConnection, *, code: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Rejected documents with their reason code, oldest first."""
    params: list[Any] = []
    where = ""
    if code:
        where = " WHERE code = ?"
        params.append(code)
    sql = f"""SELECT doc_id, origin, stage, code, detail, content_hash, rejected_at
              FROM rejections{where} ORDER BY rejected_at, origin, doc_id"""
    sql += paging(limit, 0, params)
    keys = ("doc_id", "origin", "stage", "code", "detail", "content_hash", "rejected_at")
    out = []
    for r in con.execute(sql, params).fetchall():
        row = dict(zip(keys, r, strict=True))
        row["rejected_at"] = iso(row["rejected_at"])
        out.append(row)
    return out


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return 0 if row is None or row[0] is None else int(row[0])


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Database totals for reports and the ``ingest`` summary.

    Keys: ``documents``, ``rejected`` (total), ``rejected_by_code`` ({code: n}),
    ``events`` (merged events), ``reports`` (event reports before merging), ``actors``,
    ``mentions``, ``quotes``, ``stances``, ``first_date``/``last_date`` (event
    date range, or None), ``top_dyads`` (10 most frequent source-target pairs: source,
    target, source_name, target_name, events, mean_score) and ``event_types`` (10 most
    frequent: event_type, events).
    """
    by_code = {
        str(code): int(n)
        for code, n in con.execute(
            "SELECT code, count(*) FROM rejections GROUP BY code ORDER BY count(*) DESC, code"
        ).fetchall()
    }
    first_last = con.execute("SELECT min(date), max(date) FROM events").fetchone()
    first, last = first_last if first_last is not None else (None, None)
    dyads = con.execute(
        # merged events only (their representative report), like query_actors.dyads
        f"""SELECT e.source_actor_id, t.actor_id, any_value(sa.name), any_value(ta.name),
                  count(DISTINCT e.event_id) AS n, avg(e.score)
           FROM events e JOIN event_targets t ON t.event_id = e.event_id
           LEFT JOIN actors sa ON sa.actor_id = e.source_actor_id
           LEFT JOIN actors ta ON ta.actor_id = t.actor_id
           WHERE e.source_actor_id IS NOT NULL AND {merged_only("e")}
           GROUP BY e.source_actor_id, t.actor_id
           ORDER BY n DESC, e.source_actor_id, t.actor_id LIMIT 10"""
    ).fetchall()
    types = con.execute(
        f"""SELECT event_type, count(*) AS n FROM events e WHERE {merged_only("e")}
           GROUP BY event_type ORDER BY n DESC, event_type LIMIT 10"""
    ).fetchall()
    return {
        "documents": _scalar(con, "SELECT count(*) FROM documents"),
        "rejected": sum(by_code.values()),
        "rejected_by_code": by_code,
        "events": _scalar(con, "SELECT count(DISTINCT cluster_id) FROM event_clusters"),
        "reports": _scalar(con, "SELECT count(*) FROM events"),
        "actors": _scalar(con, "SELECT count(*) FROM actors"),
        "mentions": _scalar(con, "SELECT count(*) FROM mentions"),
        "quotes": _scalar(con, "SELECT count(*) FROM quotes"),
        "stances": _scalar(con, "SELECT count(*) FROM stances"),
        "first_date": iso(first),
        "last_date": iso(last),
        "top_dyads": [
            {
                "source": s,
                "target": t,
                "source_name": sn if sn is not None else s,
                "target_name": tn if tn is not None else t,
                "events": int(n),
                "mean_score": round(float(m), 4),
            }
            for s, t, sn, tn, n, m in dyads
        ],
        "event_types": [{"event_type": et, "events": int(n)} for et, n in types],
    }


def document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """One document with its text, dropped spans and sentences; None if unknown."""
    cur = con.execute(
        """SELECT doc_id, content_hash, origin, fmt, title, published, published_source, url,
                  outlet, author, sitename, text, pre_clean_text, dropped, n_sentences,
                  n_events, status, ingested_at
           FROM documents WHERE doc_id = ?""",
        [doc_id],
    )
    row = cur.fetchone()
    if row is None:
        return None
    keys = [d[0] for d in cur.description or []]
    out = dict(zip(keys, row, strict=True))
    out["published"] = iso(out["published"])
    out["ingested_at"] = iso(out["ingested_at"])
    out["dropped"] = json.loads(out["dropped"]) if out["dropped"] else []
    sentences = con.execute(
        """SELECT sentence_index, start, "end", text FROM sentences
           WHERE doc_id = ? ORDER BY sentence_index""",
        [doc_id],
    ).fetchall()
    out["sentences"] = [
        {"sentence_index": i, "start": s, "end": e, "text": t} for i, s, e, t in sentences
    ]
    return out
