"""Quote and stance queries in export shape (``bowerbird quotes``/``stances``, the sample
corpus evaluation, and the paged HTTP API in :mod:`bowerbird.query_text`).

Filters are built once here (:func:`quote_where`, :func:`stance_where`) and shared by the
export functions and the API's cursor-paged lists.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from bowerbird.errors import E_BAD_OPTION, UsageError
from bowerbird.query import Where, actor_match, actor_ref, check_paging, comma_list, iso, paging

#: Stance positions, in the order they are documented.
POSITIONS = ("support", "oppose", "neutral")


def quote_where(
    *,
    speaker: str | None = None,
    country: str | None = None,
    doc: str | None = None,
    since: date | None = None,
    until: date | None = None,
    text: str | None = None,
) -> Where:
    """WHERE clauses (over ``quotes q`` left-joined to ``actors a`` on the speaker) and
    their parameters: ``speaker`` matches the resolved speaker like an actor filter or a
    case-insensitive substring of the speaker as written; ``country`` is the speaker's
    country code; ``text`` is a case-insensitive substring of the quote."""
    w = Where()
    w.when(
        speaker,
        f"({actor_match('q.speaker_actor_id', 'a')}"
        " OR coalesce(contains(lower(q.speaker_text), lower(?)), false))",
        times=4,
    )
    w.when(country, "a.country = upper(?)")
    w.when(doc, "q.doc_id = ?")
    w.dates("q.date", since, until)
    w.when(text, "contains(lower(q.text), lower(?))")
    return w


def quotes(
    con: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    country: str | None = None,
    doc: str | None = None,
    since: date | None = None,
    until: date | None = None,
    text: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Quotes in export shape, ordered by date (undated last), document, offset.

    ``speaker`` matches the resolved speaker like an actor filter, or a case-insensitive
    substring of the speaker as written; ``country`` is the speaker's country (ISO3);
    ``text`` is a case-insensitive substring.  ``event_ids`` lists the events coded from
    the quote's sentences.
    """
    w = quote_where(speaker=speaker, country=country, doc=doc, since=since, until=until, text=text)
    where, params = w.sql(), w.params
    sql = f"""SELECT q.quote_id, q.doc_id, q.text, q.direct,
                     q.speaker_actor_id, a.name, a.country, a.sector, a.kind, q.speaker_ref_text,
                     q.speaker_text, q.cue, q.start, q."end", q.date, q.event_ids
              FROM quotes q LEFT JOIN actors a ON a.actor_id = q.speaker_actor_id
              {where} ORDER BY q.date NULLS LAST, q.doc_id, q.start, q.quote_id"""
    sql += paging(limit, 0, params)
    return [
        {
            "quote_id": r[0],
            "doc_id": r[1],
            "text": r[2],
            "direct": bool(r[3]),
            "speaker": actor_ref(r[4:10]),
            "speaker_text": r[10],
            "cue": r[11],
            "start": r[12],
            "end": r[13],
            "date": iso(r[14]),
            "event_ids": list(r[15] or []),
        }
        for r in con.execute(sql, params).fetchall()
    ]


def stance_where(
    *,
    actor: str | None,
    actor_id: str | None,
    issue: str | None,
    position: str | None,
    target: str | None,
    doc: str | None,
    since: date | None,
    until: date | None,
) -> tuple[str, list[Any]]:
    """WHERE clause (over ``stances s`` joined to ``actors a``) and its parameters."""
    if position and position not in POSITIONS:
        raise UsageError(
            f"position must be one of {', '.join(POSITIONS)}, not {position!r}",
            code=E_BAD_OPTION,
        )
    w = Where()
    w.when(actor, actor_match("s.actor_id", "a"), times=3)
    w.when(actor_id, "s.actor_id = ?")
    if issue:
        w.add("list_contains(?, s.issue)", comma_list(issue, case="lower"))
    w.when(position, "s.position = ?")
    w.when(target, "s.target_country = upper(?)")
    w.when(doc, "s.doc_id = ?")
    w.dates("s.date", since, until)
    return w.sql(), w.params


def count_stances(con: duckdb.DuckDBPyConnection, **filters: Any) -> int:
    """How many stances match the filters of :func:`stances` (same keyword names)."""
    keys = ("actor", "actor_id", "issue", "position", "target", "doc", "since", "until")
    where, params = stance_where(**{k: filters.get(k) for k in keys})
    row = con.execute(
        f"SELECT count(*) FROM stances s LEFT JOIN actors a ON a.actor_id = s.actor_id{where}",
        params,
    ).fetchone()
    return 0 if row is None else int(row[0])


def stances(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    actor_id: str | None = None,
    issue: str | None = None,
    position: str | None = None,
    target: str | None = None,
    doc: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Stances in export shape, ordered by date (undated last), document, offset.

    ``actor`` matches like an actor filter (id, country code or name substring);
    ``actor_id`` is one exact actor id; ``issue`` is an issue id or a comma-separated list
    of them; ``position`` is ``support``, ``oppose`` or ``neutral``; ``target`` is the
    issue's target country.  Each row carries its evidence (document, sentence, offsets,
    text) and the quote or event it was derived from.
    """
    check_paging(limit, offset)
    where, params = stance_where(
        actor=actor,
        actor_id=actor_id,
        issue=issue,
        position=position,
        target=target,
        doc=doc,
        since=since,
        until=until,
    )
    sql = f"""SELECT s.stance_id, s.actor_id, a.name, a.country, a.sector, a.kind, s.actor_text,
                     s.issue, s.position, s.target_country, s.date, s.doc_id, s.sentence_index,
                     s.start, s."end", s.evidence_text, s.cue, s.rule, s.quote_id, s.event_id
              FROM stances s LEFT JOIN actors a ON a.actor_id = s.actor_id
              {where} ORDER BY s.date NULLS LAST, s.doc_id, s.start, s.issue, s.stance_id"""
    sql += paging(limit, offset, params)
    return [
        {
            "stance_id": r[0],
            "actor": actor_ref(r[1:7]),
            "issue": r[7],
            "position": r[8],
            "target_country": r[9],
            "date": iso(r[10]),
            "evidence": {
                "doc_id": r[11],
                "sentence_index": r[12],
                "start": r[13],
                "end": r[14],
                "text": r[15],
            },
            "cue": r[16],
            "rule": r[17],
            "quote_id": r[18],
            "event_id": r[19],
        }
        for r in con.execute(sql, params).fetchall()
    ]
