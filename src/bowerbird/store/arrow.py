"""Turn records into Arrow tables, one per database table, with explicit schemas.

The schemas are explicit so that empty batches (and columns that are all null) still
have the right types when they are inserted.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pyarrow as pa

from bowerbird.errors import StoreError
from bowerbird.records import Actor, Article, Rejection

E_BAD_RECORD = "B403"

_S = pa.string()
_I = pa.int32()

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("doc_id", _S),
            ("content_hash", _S),
            ("origin", _S),
            ("fmt", _S),
            ("title", _S),
            ("published", pa.date32()),
            ("published_source", _S),
            ("url", _S),
            ("outlet", _S),
            ("author", _S),
            ("sitename", _S),
            ("text", _S),
            ("pre_clean_text", _S),
            ("dropped", _S),
            ("n_sentences", _I),
            ("n_events", _I),
            ("status", _S),
            ("ingested_at", pa.timestamp("us")),
        ]
    ),
    "sentences": pa.schema(
        [("doc_id", _S), ("sentence_index", _I), ("start", _I), ("end", _I), ("text", _S)]
    ),
    "actors": pa.schema(
        [("actor_id", _S), ("name", _S), ("country", _S), ("sector", _S), ("kind", _S)]
    ),
    "mentions": pa.schema(
        [
            ("doc_id", _S),
            ("sentence_index", _I),
            ("start", _I),
            ("end", _I),
            ("text", _S),
            ("actor_id", _S),
            ("rule", _S),
        ]
    ),
    "events": pa.schema(
        [
            ("event_id", _S),
            ("doc_id", _S),
            ("event_type", _S),
            ("mode", _S),
            ("context", pa.list_(_S)),
            ("cameo_root", _S),
            ("quad_class", pa.int8()),
            ("score", pa.float64()),
            ("status", _S),
            ("date", pa.date32()),
            ("date_precision", _S),
            ("date_text", _S),
            ("date_source", _S),
            ("source_actor_id", _S),
            ("source_text", _S),
            ("location_name", _S),
            ("location_country", _S),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("confidence", pa.float64()),
            ("trigger", _S),
            ("trigger_start", _I),
            ("trigger_end", _I),
            ("source_country", _S),
            ("source_sector", _S),
            ("dated_attrs", pa.bool_()),
        ]
    ),
    "event_targets": pa.schema(
        [
            ("event_id", _S),
            ("position", _I),
            ("actor_id", _S),
            ("text", _S),
            ("country", _S),
            ("sector", _S),
            ("dated_attrs", pa.bool_()),
        ]
    ),
    "evidence": pa.schema(
        [
            ("event_id", _S),
            ("position", _I),
            ("doc_id", _S),
            ("sentence_index", _I),
            ("start", _I),
            ("end", _I),
            ("text", _S),
        ]
    ),
    "quotes": pa.schema(
        [
            ("quote_id", _S),
            ("doc_id", _S),
            ("text", _S),
            ("direct", pa.bool_()),
            ("speaker_actor_id", _S),
            ("speaker_ref_text", _S),
            ("speaker_text", _S),
            ("cue", _S),
            ("start", _I),
            ("end", _I),
            ("date", pa.date32()),
            ("sentence_index", _I),
            ("speaker_start", _I),
            ("speaker_end", _I),
            ("event_ids", pa.list_(_S)),
        ]
    ),
    "stances": pa.schema(
        [
            ("stance_id", _S),
            ("doc_id", _S),
            ("actor_id", _S),
            ("actor_text", _S),
            ("issue", _S),
            ("position", _S),
            ("target_country", _S),
            ("date", pa.date32()),
            ("sentence_index", _I),
            ("start", _I),
            ("end", _I),
            ("evidence_text", _S),
            ("cue", _S),
            ("rule", _S),
            ("quote_id", _S),
            ("event_id", _S),
        ]
    ),
    "timexes": pa.schema(
        [
            ("doc_id", _S),
            ("start", _I),
            ("end", _I),
            ("text", _S),
            ("kind", _S),
            ("value", _S),
            ("date", pa.date32()),
            ("precision", _S),
        ]
    ),
    "rejections": pa.schema(
        [
            ("doc_id", _S),
            ("origin", _S),
            ("stage", _S),
            ("code", _S),
            ("detail", _S),
            ("content_hash", _S),
            ("rejected_at", pa.timestamp("us")),
        ]
    ),
}

#: Insert order: parents before children (no foreign keys, but it reads naturally).
TABLE_ORDER: tuple[str, ...] = (
    "documents",
    "sentences",
    "mentions",
    "events",
    "event_targets",
    "evidence",
    "quotes",
    "stances",
    "timexes",
    "rejections",
)


def parse_date(value: str | None, *, what: str, required: bool = False) -> date | None:
    """Parse ``YYYY-MM-DD`` (a longer ISO datetime is cut to its date part)."""
    if value is None or value == "":
        if required:
            raise StoreError(f"{what} has no date", code=E_BAD_RECORD)
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        if required:
            raise StoreError(f"{what} has an invalid date {value!r}", code=E_BAD_RECORD) from exc
        return None


def _table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


def collect_actors(articles: Sequence[Article]) -> list[Actor]:
    """Every distinct actor in the articles (the last occurrence of an id wins)."""
    found: dict[str, Actor] = {}
    for art in articles:
        for m in art.mentions:
            if m.actor is not None:
                found[m.actor.actor_id] = m.actor
        for ev in art.events:
            refs = ((ev.source,) if ev.source is not None else ()) + ev.targets
            for ref in refs:
                found[ref.actor.actor_id] = ref.actor
        for q in art.quotes:
            if q.speaker is not None:
                found[q.speaker.actor.actor_id] = q.speaker.actor
        for st in art.stances:
            found[st.actor.actor.actor_id] = st.actor.actor
    return list(found.values())


def actors_table(actors: Sequence[Actor]) -> pa.Table:
    """Arrow table for the actors upsert."""
    return _table(
        "actors",
        [
            {
                "actor_id": a.actor_id,
                "name": a.name,
                "country": a.country,
                "sector": a.sector,
                "kind": a.kind,
            }
            for a in actors
        ],
    )


def build_tables(
    articles: Sequence[Article], rejections: Sequence[Rejection], now: datetime
) -> dict[str, pa.Table]:
    """Build one Arrow table per database table (except actors) for the given records.

    ``articles`` must all have a ``document``; ``now`` is the ingest timestamp (naive UTC).
    """
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_ORDER}
    for art in articles:
        doc = art.document
        if doc is None:
            continue
        rows["documents"].append(
            {
                "doc_id": doc.doc_id,
                "content_hash": doc.content_hash,
                "origin": doc.origin,
                "fmt": doc.fmt,
                "title": doc.title,
                "published": parse_date(doc.published, what=f"document {doc.doc_id}"),
                "published_source": doc.published_source,
                "url": doc.url,
                "outlet": doc.outlet,
                "author": doc.author,
                "sitename": doc.sitename,
                "text": doc.text,
                "pre_clean_text": doc.pre_clean_text,
                "dropped": json.dumps(
                    [
                        {"start": d.start, "end": d.end, "rule": d.rule, "text": d.text}
                        for d in doc.dropped
                    ],
                    ensure_ascii=False,
                ),
                "n_sentences": len(art.sentences),
                "n_events": len(art.events),
                "status": "processed",
                "ingested_at": now,
            }
        )
        rows["sentences"].extend(
            {
                "doc_id": s.doc_id,
                "sentence_index": s.index,
                "start": s.start,
                "end": s.end,
                "text": s.text,
            }
            for s in art.sentences
        )
        rows["mentions"].extend(
            {
                "doc_id": m.doc_id,
                "sentence_index": m.sentence_index,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "actor_id": None if m.actor is None else m.actor.actor_id,
                "rule": m.rule,
            }
            for m in art.mentions
        )
        for ev in art.events:
            loc = ev.location
            rows["events"].append(
                {
                    "event_id": ev.event_id,
                    "doc_id": ev.doc_id,
                    "event_type": ev.event_type,
                    "mode": ev.mode,
                    "context": list(ev.context),
                    "cameo_root": ev.cameo_root,
                    "quad_class": ev.quad_class,
                    "score": float(ev.score),
                    "status": ev.status,
                    "date": parse_date(ev.date.date, what=f"event {ev.event_id}", required=True),
                    "date_precision": ev.date.precision,
                    "date_text": ev.date.text,
                    "date_source": ev.date.source,
                    "source_actor_id": None if ev.source is None else ev.source.actor.actor_id,
                    "source_text": None if ev.source is None else ev.source.text,
                    "location_name": None if loc is None else loc.name,
                    "location_country": None if loc is None else loc.country,
                    "lat": None if loc is None else loc.lat,
                    "lon": None if loc is None else loc.lon,
                    "confidence": float(ev.confidence),
                    "trigger": ev.trigger,
                    "trigger_start": ev.trigger_start,
                    "trigger_end": ev.trigger_end,
                    "source_country": None if ev.source is None else ev.source.actor.country,
                    "source_sector": None if ev.source is None else ev.source.actor.sector,
                    "dated_attrs": True,
                }
            )
            rows["event_targets"].extend(
                {
                    "event_id": ev.event_id,
                    "position": i,
                    "actor_id": t.actor.actor_id,
                    "text": t.text,
                    "country": t.actor.country,
                    "sector": t.actor.sector,
                    "dated_attrs": True,
                }
                for i, t in enumerate(ev.targets)
            )
            rows["evidence"].extend(
                {
                    "event_id": ev.event_id,
                    "position": i,
                    "doc_id": e.doc_id,
                    "sentence_index": e.sentence_index,
                    "start": e.start,
                    "end": e.end,
                    "text": e.text,
                }
                for i, e in enumerate(ev.evidence)
            )
        rows["quotes"].extend(
            {
                "quote_id": q.quote_id,
                "doc_id": q.doc_id,
                "text": q.text,
                "direct": q.direct,
                "speaker_actor_id": None if q.speaker is None else q.speaker.actor.actor_id,
                "speaker_ref_text": None if q.speaker is None else q.speaker.text,
                "speaker_text": q.speaker_text,
                "cue": q.cue,
                "start": q.start,
                "end": q.end,
                "date": parse_date(q.date, what=f"quote {q.quote_id}"),
                "sentence_index": q.sentence_index,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
                "event_ids": list(q.event_ids),
            }
            for q in art.quotes
        )
        rows["stances"].extend(
            {
                "stance_id": st.stance_id,
                "doc_id": st.doc_id,
                "actor_id": st.actor.actor.actor_id,
                "actor_text": st.actor.text,
                "issue": st.issue,
                "position": st.position,
                "target_country": st.target_country,
                "date": parse_date(st.date, what=f"stance {st.stance_id}"),
                "sentence_index": st.evidence.sentence_index,
                "start": st.evidence.start,
                "end": st.evidence.end,
                "evidence_text": st.evidence.text,
                "cue": st.cue,
                "rule": st.rule,
                "quote_id": st.quote_id,
                "event_id": st.event_id,
            }
            for st in art.stances
        )
        rows["timexes"].extend(
            {
                "doc_id": doc.doc_id,
                "start": int(getattr(t, "start", -1)),
                "end": int(getattr(t, "end", -1)),
                "text": str(getattr(t, "text", "")),
                "kind": _opt_str(getattr(t, "kind", None)),
                "value": _opt_str(getattr(t, "value", None)),
                "date": parse_date(_opt_str(getattr(t, "date", None)), what="timex"),
                "precision": _opt_str(getattr(t, "precision", None)),
            }
            for t in art.timexes
        )
    rows["rejections"].extend(
        {
            "doc_id": r.doc_id,
            "origin": r.origin,
            "stage": r.stage,
            "code": r.code,
            "detail": r.detail,
            "content_hash": r.content_hash,
            "rejected_at": now,
        }
        for r in rejections
    )
    return {name: _table(name, rows[name]) for name in TABLE_ORDER}


def insert_table(con: Any, table: str, data: pa.Table) -> None:
    """Insert an Arrow table into ``table`` with ``INSERT ... SELECT`` (column names match)."""
    if data.num_rows == 0:
        return
    view = f"_bb_arrow_{table}"
    cols = ", ".join(f'"{c}"' for c in data.schema.names)
    con.register(view, data)
    try:
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {view}")
    finally:
        con.unregister(view)


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)
