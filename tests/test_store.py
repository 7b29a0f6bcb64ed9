"""The DuckDB store: migrations, atomic batches, idempotent re-ingest, Arrow writes."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from _store_fixtures import make_article, sha
from bowerbird.errors import StoreError
from bowerbird.records import Rejection
from bowerbird.store import SCHEMA_VERSION, Store
from bowerbird.store.schema import MIGRATIONS, current_version, migrate

TABLES = (
    "documents",
    "sentences",
    "actors",
    "mentions",
    "events",
    "event_targets",
    "evidence",
    "quotes",
    "timexes",
    "rejections",
)


def counts(store: Store) -> dict[str, int]:
    out = {}
    for table in TABLES:
        row = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        assert row is not None
        out[table] = int(row[0])
    return out


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "bb.duckdb")


def test_open_creates_schema_on_empty_file(db: str) -> None:
    with Store.open(db) as store:
        assert current_version(store.con) == SCHEMA_VERSION
        assert all(n == 0 for n in counts(store).values())
        versions = store.con.execute("SELECT version FROM schema_version").fetchall()
        assert versions == [(v,) for v in range(1, SCHEMA_VERSION + 1)]
    # reopening does not re-apply migrations
    with Store.open(db) as store:
        row = store.con.execute("SELECT count(*) FROM schema_version").fetchone()
        assert row == (SCHEMA_VERSION,)


def test_newer_schema_version_is_refused(db: str) -> None:
    Store.open(db).close()
    con = duckdb.connect(db)
    con.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION + 5])
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match=r"\[B401\].*upgrade Bowerbird"):
            Store.open(db, read_only=read_only)


def test_migrations_apply_in_order_and_failed_migration_rolls_back(db: str) -> None:
    con = duckdb.connect(db)
    extra = (*MIGRATIONS, ("CREATE TABLE extra_v2 (x INTEGER)",))
    assert migrate(con, db, extra) == SCHEMA_VERSION + 1
    assert current_version(con) == SCHEMA_VERSION + 1
    broken = (*extra, ("CREATE TABLE extra_v3 (x INTEGER)", "THIS IS NOT SQL"))
    with pytest.raises(StoreError, match=r"\[B402\]"):
        migrate(con, db, broken)
    assert current_version(con) == SCHEMA_VERSION + 1
    tables = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    assert "extra_v2" in tables and "extra_v3" not in tables
    con.close()


def test_missing_directory_and_missing_readonly_db(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"^\[B104\] directory .* does not exist$"):
        Store.open(str(tmp_path / "nope" / "bb.duckdb"))
    with pytest.raises(StoreError, match=r"^\[B105\]"):
        Store.open(str(tmp_path / "absent.duckdb"), read_only=True)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_unwritable_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(StoreError, match=r"^\[B104\] .*not writable$"):
            Store.open(str(locked / "bb.duckdb"))
    finally:
        locked.chmod(0o700)


def test_write_batch_stores_every_table(db: str) -> None:
    art = make_article("d1", "US accused China.\nSecond line.", events=({}, {"targets": ()}))
    rej = Rejection("d2", "/data/d2.bin", "ingest", "binary", "NUL bytes", sha("bin"))
    with Store.open(db) as store:
        stats = store.write_batch([art], [rej])
        assert stats.documents == 1 and stats.skipped == 0 and stats.rejections == 1
        assert stats.events == 2 and stats.sentences == 2 and stats.quotes == 1
        c = counts(store)
        assert c == {
            "documents": 1,
            "sentences": 2,
            "actors": 3,  # USA (mention + source), CHN (target), Wang Yi (speaker)
            "mentions": 2,
            "events": 2,
            "event_targets": 1,
            "evidence": 2,
            "quotes": 1,
            "timexes": 1,
            "rejections": 1,
        }
        row = store.con.execute(
            "SELECT n_sentences, n_events, status, published, json_array_length(dropped) "
            "FROM documents"
        ).fetchone()
        assert row is not None
        assert row[:3] == (2, 2, "processed") and str(row[3]) == "2024-03-02" and row[4] == 1
        assert store.known_hashes(
            [sha(art.document.text if art.document else ""), sha("bin"), "x"]
        ) == {
            sha("US accused China.\nSecond line."),
            sha("bin"),
        }


def test_empty_batch_and_unresolved_only(db: str) -> None:
    with Store.open(db) as store:
        assert store.write_batch([], []).documents == 0
        art = make_article("d1", "Nothing here.", events=())
        stats = store.write_batch([art], [])
        assert stats.documents == 1 and stats.events == 0


def test_reingesting_same_content_adds_nothing(db: str) -> None:
    arts = [make_article("d1", "US accused China."), make_article("d2", "China warned the US.")]
    rej = Rejection("d3", "/data/d3", "ingest", "empty", "no text", sha(""))
    nohash = Rejection("d4", "/data/d4.gz", "ingest", "unreadable", "bad gzip")
    with Store.open(db) as store:
        store.write_batch(arts, [rej, nohash])
        before = counts(store)
        again = store.write_batch(arts, [rej, nohash])
        assert again.documents == 0 and again.skipped == 2
        assert again.rejections == 0 and again.rejections_skipped == 2
        # same content under another doc_id, and same doc_id with other content: skipped
        clone = make_article("d1-copy", "US accused China.")
        same_id = make_article("d1", "Completely different text.")
        assert store.write_batch([clone, same_id], []).skipped == 2
        assert counts(store) == before
        # the same content rejected under another origin (a duplicate file) is recorded
        dup = Rejection("d5", "/data/copy-of-d3", "ingest", "empty", "no text", sha(""))
        assert store.write_batch([], [dup, dup]).rejections == 1
        before["rejections"] += 1
    with Store.open(db) as store:  # and across sessions
        store.write_batch(arts, [rej])
        assert counts(store) == before


def test_duplicates_within_one_batch_are_written_once(db: str) -> None:
    a = make_article("d1", "US accused China.")
    b = make_article("d1-dup", "US accused China.")
    with Store.open(db) as store:
        stats = store.write_batch([a, b], [])
        assert stats.documents == 1 and stats.skipped == 1
        assert counts(store)["events"] == 1


def test_rejected_article_is_stored_as_rejection(db: str) -> None:
    base = make_article("d9", "Text.")
    rej = Rejection("d9", "/data/d9", "language", "not_english", "ratio 0.01", sha("x"))
    from dataclasses import replace

    art = replace(base, document=None, events=(), rejection=rej)
    with Store.open(db) as store:
        stats = store.write_batch([art], [])
        assert stats.rejections == 1 and stats.documents == 0
        assert counts(store)["documents"] == 0


def test_failure_mid_batch_leaves_nothing(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    first = make_article("d0", "An earlier document.")
    arts = [make_article("d1", "US accused China."), make_article("d2", "China warned the US.")]
    with Store.open(db) as store:
        store.write_batch([first], [])
        before = counts(store)
        real_insert = Store._insert

        def failing_insert(self: Store, table: str, data: pa.Table) -> None:
            if table == "events":
                raise RuntimeError("disk on fire")
            real_insert(self, table, data)

        monkeypatch.setattr(Store, "_insert", failing_insert)
        with pytest.raises(RuntimeError, match="disk on fire"):
            store.write_batch(arts, [Rejection("r", "/r", "ingest", "empty", "", sha("r"))])
        assert counts(store) == before  # documents/sentences inserted before it were undone
        monkeypatch.setattr(Store, "_insert", real_insert)
        assert store.write_batch(arts, []).documents == 2  # store still usable


def test_database_error_is_wrapped_and_rolled_back(db: str) -> None:
    good = make_article("d1", "US accused China.")
    bad = make_article("d2", "Another text.", events=({},))
    # same event id in two documents violates the events primary key
    from dataclasses import replace

    assert bad.events and good.events
    bad = replace(bad, events=(replace(bad.events[0], event_id=good.events[0].event_id),))
    with Store.open(db) as store:
        with pytest.raises(StoreError, match=r"\[B406\].*rolled back"):
            store.write_batch([good, bad], [])
        assert counts(store)["documents"] == 0


def test_bad_event_date_fails_the_batch(db: str) -> None:
    art = make_article("d1", "US accused China.", events=({"date": "someday"},))
    with Store.open(db) as store:
        with pytest.raises(StoreError, match=r"\[B403\].*invalid date"):
            store.write_batch([art], [])
        assert counts(store)["documents"] == 0


def test_actor_upsert_updates_names(db: str) -> None:
    from dataclasses import replace

    from _store_fixtures import USA

    art = make_article("d1", "US accused China.")
    renamed = replace(USA, name="United States of America")
    assert art.events
    ev = art.events[0]
    assert ev.source is not None
    art2 = make_article("d2", "Later text.")
    assert art2.events
    ev2 = art2.events[0]
    assert ev2.source is not None
    art2 = replace(
        art2, events=(replace(ev2, source=replace(ev2.source, actor=renamed)),), mentions=()
    )
    with Store.open(db) as store:
        store.write_batch([art], [])
        store.write_batch([art2], [])
        rows = store.con.execute("SELECT name FROM actors WHERE actor_id = 'USA'").fetchall()
        assert rows == [("United States of America",)]


def test_read_only_store_refuses_writes(db: str) -> None:
    with Store.open(db) as store:
        store.write_batch([make_article("d1", "US accused China.")], [])
    with Store.open(db, read_only=True) as store:
        assert counts(store)["documents"] == 1
        with pytest.raises(StoreError, match="read-only"):
            store.write_batch([], [])


def test_read_only_refuses_an_unmigrated_file(db: str) -> None:
    duckdb.connect(db).close()
    with pytest.raises(StoreError, match=r"\[B404\]"):
        Store.open(db, read_only=True)


def test_schema_doc_lists_every_rejection_code() -> None:
    from bowerbird.errors import REJECTION_CODES

    doc = (Path(__file__).resolve().parents[1] / "docs" / "schema.md").read_text("utf-8")
    missing = [code for code in REJECTION_CODES if f"| `{code}` |" not in doc]
    assert missing == []
