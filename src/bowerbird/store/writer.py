"""The DuckDB store: open (and migrate) a database, write batches atomically.

All writes of one batch happen in one transaction, through Arrow tables (one per
database table, inserted with ``INSERT ... SELECT``), so a crash never leaves half a
document behind.  Re-ingesting content that is already stored adds nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

import duckdb
import pyarrow as pa

from bowerbird.errors import E_DB_MISSING, E_DB_UNWRITABLE, StoreError
from bowerbird.records import Article, Rejection
from bowerbird.settings import Settings
from bowerbird.store.arrow import (
    TABLE_ORDER,
    actors_table,
    build_tables,
    collect_actors,
    insert_table,
)
from bowerbird.store.schema import check_readable, migrate

E_OPEN_FAILED = "B405"
E_WRITE_FAILED = "B406"


@dataclass(frozen=True, slots=True)
class BatchStats:
    """What one :meth:`Store.write_batch` call stored."""

    documents: int = 0
    skipped: int = 0  # documents already stored (same content hash or doc_id)
    rejections: int = 0
    rejections_skipped: int = 0
    sentences: int = 0
    mentions: int = 0
    events: int = 0
    quotes: int = 0
    actors: int = 0  # distinct actors inserted or updated


class Store:
    """A Bowerbird database.  Use :meth:`open`; usable as a context manager."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        path: str,
        read_only: bool,
        settings: Settings | None = None,
    ) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only
        self.settings = settings or Settings()

    @classmethod
    def open(cls, path: str, *, read_only: bool = False, settings: Settings | None = None) -> Store:
        """Open ``path`` (``":memory:"`` for a throwaway store); migrate unless read-only.

        ``settings`` gives the merge and syndication settings used by :meth:`write_batch`
        (default: the built-in defaults).
        """
        path = str(path)
        if path != ":memory:":
            _check_path(path, read_only)
        try:
            con = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open database {path}: {_one_line(exc)}", code=E_OPEN_FAILED
            ) from exc
        try:
            if read_only:
                check_readable(con, path)
            else:
                migrate(con, path)
                # the write path's modules (datasketch pulls in scipy, ~1 s) are imported
                # when a store is opened for writing, not inside the first batch
                import bowerbird.merge.store
                import bowerbird.merge.syndication  # noqa: F401
        except BaseException:
            con.close()
            raise
        return cls(con, path, read_only, settings)

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for the functions in :mod:`bowerbird.query`."""
        return self._con

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Return those of ``hashes`` already stored as a document or a rejection."""
        wanted = sorted(set(hashes))
        if not wanted:
            return set()
        rows = self._con.execute(
            """SELECT content_hash FROM documents
               WHERE content_hash IN (SELECT unnest(?::VARCHAR[]))
               UNION SELECT content_hash FROM rejections
               WHERE content_hash IN (SELECT unnest(?::VARCHAR[]))""",
            [wanted, wanted],
        ).fetchall()
        return {str(r[0]) for r in rows}

    def _insert(self, table: str, data: pa.Table) -> None:
        """Insert an Arrow table into ``table`` (column names match)."""
        insert_table(self._con, table, data)

    def _upsert_actors(self, data: pa.Table) -> None:
        if data.num_rows == 0:
            return
        self._con.register("_bb_arrow_actors", data)
        try:
            self._con.execute(
                """INSERT INTO actors (actor_id, name, country, sector, kind)
                   SELECT actor_id, name, country, sector, kind FROM _bb_arrow_actors
                   ON CONFLICT (actor_id) DO UPDATE SET name = excluded.name,
                       country = excluded.country, sector = excluded.sector,
                       kind = excluded.kind"""
            )
        finally:
            self._con.unregister("_bb_arrow_actors")

    def _new_articles(self, articles: Sequence[Article]) -> list[Article]:
        """Articles with a document whose doc_id and content hash are not stored yet."""
        docs = [a for a in articles if a.document is not None]
        if not docs:
            return []
        ids = [a.document.doc_id for a in docs if a.document is not None]
        hashes = [a.document.content_hash for a in docs if a.document is not None]
        rows = self._con.execute(
            """SELECT doc_id, content_hash FROM documents
               WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))
                  OR content_hash IN (SELECT unnest(?::VARCHAR[]))""",
            [ids, hashes],
        ).fetchall()
        seen_ids = {str(r[0]) for r in rows}
        seen_hashes = {str(r[1]) for r in rows}
        fresh: list[Article] = []
        for art in docs:
            doc = art.document
            assert doc is not None
            if doc.doc_id in seen_ids or doc.content_hash in seen_hashes:
                continue
            seen_ids.add(doc.doc_id)
            seen_hashes.add(doc.content_hash)
            fresh.append(art)
        return fresh

    def _new_rejections(self, rejections: Sequence[Rejection]) -> list[Rejection]:
        """Rejections not stored yet, keyed by (origin, code, content hash).

        Re-reading the same file gives the same key, so it is not stored twice; the same
        content rejected under another origin (e.g. a duplicate) is a new rejection.
        """
        if not rejections:
            return []
        rows = self._con.execute(
            """SELECT origin, code, coalesce(content_hash, '') FROM rejections
               WHERE origin IN (SELECT unnest(?::VARCHAR[]))""",
            [sorted({r.origin for r in rejections})],
        ).fetchall()
        known = {(str(o), str(c), str(h)) for o, c, h in rows}
        fresh: list[Rejection] = []
        for rej in rejections:
            key = (rej.origin, rej.code, rej.content_hash or "")
            if key not in known:
                known.add(key)
                fresh.append(rej)
        return fresh

    def write_batch(
        self, articles: Sequence[Article], rejections: Sequence[Rejection] = ()
    ) -> BatchStats:
        """Store a batch in one transaction; documents already stored are skipped.

        Articles that carry a ``rejection`` (and no document) are stored as rejections,
        like the explicit ``rejections``.  On any error the whole batch is rolled back
        and the error re-raised (DuckDB errors as :class:`StoreError`).
        """
        if self.read_only:
            raise StoreError(f"database {self.path} is open read-only", code=E_WRITE_FAILED)
        # imported here: bowerbird.merge uses this package's Arrow helpers
        from bowerbird.merge.score import MergeConfig
        from bowerbird.merge.store import merge_new, reports_from_articles
        from bowerbird.merge.syndication import link_copies

        all_rejections = list(rejections) + [
            a.rejection for a in articles if a.rejection is not None and a.document is None
        ]
        n_docs = sum(1 for a in articles if a.document is not None)
        now = datetime.now(UTC).replace(tzinfo=None)
        self._con.execute("BEGIN TRANSACTION")
        try:
            fresh = self._new_articles(articles)
            fresh_rej = self._new_rejections(all_rejections)
            tables = build_tables(fresh, fresh_rej, now)
            actors = collect_actors(fresh)
            self._upsert_actors(actors_table(actors))
            for name in TABLE_ORDER:
                self._insert(name, tables[name])
            link_copies(self._con, fresh, self.settings.syndication_threshold)
            merge_new(
                self._con,
                [ev.event_id for a in fresh for ev in a.events],
                MergeConfig.from_settings(self.settings),
                new_reports=reports_from_articles(fresh),
            )
            self._con.execute("COMMIT")
        except duckdb.Error as exc:
            self._con.execute("ROLLBACK")
            raise StoreError(
                f"writing a batch to {self.path} failed (batch rolled back): {_one_line(exc)}",
                code=E_WRITE_FAILED,
            ) from exc
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        return BatchStats(
            documents=len(fresh),
            skipped=n_docs - len(fresh),
            rejections=len(fresh_rej),
            rejections_skipped=len(all_rejections) - len(fresh_rej),
            sentences=tables["sentences"].num_rows,
            mentions=tables["mentions"].num_rows,
            events=tables["events"].num_rows,
            quotes=tables["quotes"].num_rows,
            actors=len(actors),
        )


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _check_path(path: str, read_only: bool) -> None:
    """Fail early, with one clear line, when the database cannot be opened as asked."""
    p = Path(path)
    if read_only:
        if not p.is_file():
            raise StoreError(f"database {path} does not exist", code=E_DB_MISSING)
        return
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise StoreError(
            f"directory {parent} for database {path} does not exist", code=E_DB_UNWRITABLE
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise StoreError(
            f"directory {parent} for database {path} is not writable", code=E_DB_UNWRITABLE
        )
    if p.exists() and not os.access(p, os.W_OK):
        raise StoreError(f"database {path} is not writable", code=E_DB_UNWRITABLE)
