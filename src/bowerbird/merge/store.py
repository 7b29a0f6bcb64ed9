"""Merging stored event reports: incremental after each batch, or a full rebuild.

``event_clusters`` maps every report (row of ``events``) to the merged event it belongs
to; the merged event's id is its representative report's id.  ``merge_links`` keeps each
joined pair with its score and the keys that matched.  :func:`merge_new` runs inside the
batch transaction: it fetches only the stored reports that could match the new ones
(same type, a shared actor, overlapping dates: the blocking rule, in SQL), so old
documents are never reprocessed, and the connected components it writes are the same
whatever order the batches came in.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pyarrow as pa

from bowerbird.merge.cluster import Link, UnionFind, cluster, representative, score_links
from bowerbird.merge.score import MAX_SPAN_DAYS, MergeConfig, Report
from bowerbird.records import Actor, Article
from bowerbird.store.arrow import insert_table, parse_date
from bowerbird.store.schema import dated_attr

_CLUSTERS = pa.schema([("event_id", pa.string()), ("cluster_id", pa.string())])
_LINKS = pa.schema(
    [
        ("event_id", pa.string()),
        ("other_event_id", pa.string()),
        ("score", pa.float64()),
        ("reasons", pa.string()),
    ]
)
_KEYS = pa.schema(
    [("event_type", pa.string()), ("actor", pa.string()), ("lo", pa.date32()), ("hi", pa.date32())]
)


def _actor_key(country: str, sector: str, kind: str, id_col: str) -> str:
    """SQL for the merge key of an actor: a state, its government, armed forces or an
    official count as the country (Wang Yi, China and the Chinese government are one side);
    groups, organisations and other people keep their id.  ``country`` and ``sector`` are
    the actor's as of the event's article (:func:`dated_attr`)."""
    return (
        f"CASE WHEN {country} IS NOT NULL AND ({kind} = 'state' OR "
        f"{sector} IN ('GOV', 'MIL')) THEN {country} ELSE {id_col} END"
    )


_SOURCE_KEY = _actor_key(
    dated_attr("e", "source_country", "sa", "country"),
    dated_attr("e", "source_sector", "sa", "sector"),
    "sa.kind",
    "e.source_actor_id",
)
_TARGET_KEY = _actor_key(
    dated_attr("t", "country", "ta", "country"),
    dated_attr("t", "sector", "ta", "sector"),
    "ta.kind",
    "t.actor_id",
)

_REPORT_SQL = f"""
SELECT e.event_id, e.doc_id, e.event_type, e.status,
       coalesce((SELECT {_SOURCE_KEY} FROM actors sa
                 WHERE sa.actor_id = e.source_actor_id), e.source_actor_id) AS source,
       (SELECT list({_TARGET_KEY} ORDER BY t.position) FROM event_targets t
        LEFT JOIN actors ta ON ta.actor_id = t.actor_id
        WHERE t.event_id = e.event_id) AS targets,
       e.date, e.date_precision, e.location_name, e.location_country, e.trigger,
       (SELECT first(v.text ORDER BY v.position) FROM evidence v
        WHERE v.event_id = e.event_id) AS text,
       e.date_source, e.confidence
FROM events e"""


def _ids_param(ids: Sequence[str]) -> list[str]:
    return sorted(set(ids))


def load_reports(con: Any, ids: Sequence[str] | None = None) -> list[Report]:
    """Reports for the given event ids (all stored events when ``ids`` is None)."""
    if ids is None:
        return _reports(con.execute(_REPORT_SQL).fetchall())
    if not ids:
        return []
    sql = _REPORT_SQL + " WHERE e.event_id IN (SELECT unnest(?::VARCHAR[]))"
    return _reports(con.execute(sql, [_ids_param(ids)]).fetchall())


def merge_key(actor: Actor) -> str:
    """The merge key of a stored actor, as :func:`_actor_key` computes it in SQL."""
    if actor.country is not None and (actor.kind == "state" or actor.sector in ("GOV", "MIL")):
        return actor.country
    return actor.actor_id


def reports_from_articles(articles: Sequence[Article]) -> list[Report]:
    """The reports of the articles' events, without a query: equal to what
    :func:`load_reports` returns once the batch is stored (each event's actors are keyed
    with their attributes as of its article, which the store keeps with the event).
    """
    out: list[Report] = []
    for art in articles:
        for ev in art.events:
            loc = ev.location
            start = parse_date(ev.date.date, what=f"event {ev.event_id}", required=True)
            assert start is not None  # required=True raises instead of returning None
            out.append(
                Report(
                    event_id=ev.event_id,
                    doc_id=ev.doc_id,
                    event_type=ev.event_type,
                    status=ev.status,
                    source=None if ev.source is None else merge_key(ev.source.actor),
                    targets=frozenset(merge_key(t.actor) for t in ev.targets),
                    start=start,
                    precision=ev.date.precision,
                    place=None if loc is None else loc.name,
                    country=None if loc is None else loc.country,
                    trigger=ev.trigger or "",
                    text=(ev.evidence[0].text if ev.evidence else "") or "",
                    date_source=ev.date.source,
                    confidence=float(ev.confidence),
                )
            )
    return out


def _reports(rows: Sequence[Any]) -> list[Report]:
    return [
        Report(
            event_id=r[0],
            doc_id=r[1],
            event_type=r[2],
            status=r[3],
            source=r[4],
            targets=frozenset(r[5] or ()),
            start=r[6],
            precision=r[7],
            place=r[8],
            country=r[9],
            trigger=r[10] or "",
            text=r[11] or "",
            date_source=r[12],
            confidence=float(r[13]),
        )
        for r in rows
    ]


def _keys_table(reports: Sequence[Report], cfg: MergeConfig) -> pa.Table:
    rows = []
    slack = timedelta(days=MAX_SPAN_DAYS + cfg.tolerance_days)
    for r in reports:
        for actor in sorted(r.actors):
            rows.append(
                {
                    "event_type": r.event_type,
                    "actor": actor,
                    "lo": r.start - slack,
                    "hi": r.end + timedelta(days=cfg.tolerance_days),
                }
            )
    return pa.Table.from_pylist(rows, schema=_KEYS)


#: Stored event ids sharing a block with a new report: same type, an actor with the same
#: merge key, a date inside the key's window (``_bb_merge_keys``, one row per new report
#: and actor).
_CANDIDATES_SQL = f"""
SELECT DISTINCT e.event_id FROM events e
JOIN (SELECT e.event_id, {_SOURCE_KEY} AS actor
      FROM events e LEFT JOIN actors sa ON sa.actor_id = e.source_actor_id
      WHERE e.source_actor_id IS NOT NULL
      UNION ALL SELECT t.event_id, {_TARGET_KEY}
      FROM event_targets t LEFT JOIN actors ta ON ta.actor_id = t.actor_id) ea
  ON ea.event_id = e.event_id
JOIN _bb_merge_keys k ON k.event_type = e.event_type AND k.actor = ea.actor
     AND e.date BETWEEN k.lo AND k.hi"""


def _candidate_reports(con: Any, new: Sequence[Report], cfg: MergeConfig) -> list[Report]:
    """The stored reports sharing a block with a new report (one query)."""
    keys = _keys_table(new, cfg)
    if keys.num_rows == 0:
        return []
    con.register("_bb_merge_keys", keys)
    try:
        rows = con.execute(
            f"{_REPORT_SQL} WHERE e.event_id IN ({_CANDIDATES_SQL}) "
            "AND e.event_id NOT IN (SELECT unnest(?::VARCHAR[]))",
            [_ids_param([r.event_id for r in new])],
        ).fetchall()
    finally:
        con.unregister("_bb_merge_keys")
    return _reports(rows)


def _links_table(links: Sequence[Link]) -> pa.Table:
    return pa.Table.from_pylist(
        [
            {
                "event_id": k.a,
                "other_event_id": k.b,
                "score": k.score,
                "reasons": json.dumps(k.why, sort_keys=True),
            }
            for k in links
        ],
        schema=_LINKS,
    )


def _clusters_table(assignment: dict[str, str]) -> pa.Table:
    return pa.Table.from_pylist(
        [{"event_id": k, "cluster_id": v} for k, v in sorted(assignment.items())],
        schema=_CLUSTERS,
    )


def merge_new(
    con: Any,
    new_ids: Sequence[str],
    cfg: MergeConfig,
    *,
    new_reports: Sequence[Report] | None = None,
) -> int:
    """Merge the just-inserted reports ``new_ids`` into the stored events.

    Runs in the caller's transaction.  Returns the number of links added.  The writer
    passes ``new_reports`` (built by :func:`reports_from_articles`) to save a query.
    """
    new = list(new_reports) if new_reports is not None else load_reports(con, new_ids)
    if not new:
        return 0
    old = _candidate_reports(con, new, cfg)
    links = score_links([*new, *old], cfg, only={r.event_id for r in new})
    uf = UnionFind(r.event_id for r in new)
    for link in links:
        uf.union(link.a, link.b)
    touched = sorted({x for k in links for x in (k.a, k.b)} - {r.event_id for r in new})
    members: list[tuple[str, str]] = []
    if touched:
        members = [
            (str(a), str(b))
            for a, b in con.execute(
                """SELECT event_id, cluster_id FROM event_clusters WHERE cluster_id IN (
                       SELECT cluster_id FROM event_clusters
                       WHERE event_id IN (SELECT unnest(?::VARCHAR[])))""",
                [touched],
            ).fetchall()
        ]
    for event_id, cluster_id in members:
        uf.union(event_id, cluster_id)
    loaded = {r.event_id: r for r in [*new, *old]}
    missing = [e for e, _ in members if e not in loaded]
    loaded.update({r.event_id: r for r in load_reports(con, missing)})
    assignment: dict[str, str] = {}
    for group in uf.groups().values():
        rep = representative([loaded[m] for m in group]).event_id
        assignment.update(dict.fromkeys(group, rep))
    if members:
        con.execute(
            "DELETE FROM event_clusters WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(e for e, _ in members)],
        )
    con.execute(
        "DELETE FROM event_clusters WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(r.event_id for r in new)],
    )
    insert_table(con, "event_clusters", _clusters_table(assignment))
    insert_table(con, "merge_links", _links_table(links))
    return len(links)


def rebuild(con: Any, cfg: MergeConfig) -> tuple[int, int]:
    """Re-cluster every stored report (e.g. after changing the merge settings).

    Returns (reports, merged events).  The caller runs it in a transaction.
    """
    reports = load_reports(con)
    assignment, links = cluster(reports, cfg)
    con.execute("DELETE FROM event_clusters")
    con.execute("DELETE FROM merge_links")
    insert_table(con, "event_clusters", _clusters_table(assignment))
    insert_table(con, "merge_links", _links_table(links))
    return len(reports), len(set(assignment.values()))


def explain(con: Any, event_id: str) -> dict[str, Any]:
    """The merged event a report belongs to, its members, and every stored link."""
    row = con.execute(
        "SELECT cluster_id FROM event_clusters WHERE event_id = ?", [event_id]
    ).fetchone()
    if row is None:
        return {"event_id": event_id, "cluster_id": None, "members": [], "links": []}
    cluster_id = str(row[0])
    members = [
        str(r[0])
        for r in con.execute(
            "SELECT event_id FROM event_clusters WHERE cluster_id = ? ORDER BY event_id",
            [cluster_id],
        ).fetchall()
    ]
    links = con.execute(
        """SELECT event_id, other_event_id, score, reasons FROM merge_links
           WHERE event_id IN (SELECT unnest(?::VARCHAR[]))
              OR other_event_id IN (SELECT unnest(?::VARCHAR[]))
           ORDER BY event_id, other_event_id""",
        [members, members],
    ).fetchall()
    return {
        "event_id": event_id,
        "cluster_id": cluster_id,
        "members": members,
        "links": [
            {"event_id": a, "other_event_id": b, "score": float(s), "reasons": json.loads(r)}
            for a, b, s, r in links
        ],
    }
