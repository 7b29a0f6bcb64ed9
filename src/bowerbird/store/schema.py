"""The database schema, as an ordered list of migrations.

Migration *n* (1-based) brings a database from schema version ``n - 1`` to ``n``.  Each
migration is a list of SQL statements applied in one transaction together with the row
that records the new version in ``schema_version``.  Migrations are append-only: once
released, a migration is never edited; changes go into a new migration.  A database whose
version is newer than :data:`SCHEMA_VERSION` is refused (it was written by a newer
Bowerbird).
"""

from __future__ import annotations

import duckdb

from bowerbird.errors import StoreError

E_SCHEMA_NEWER = "B401"
E_MIGRATION_FAILED = "B402"
E_SCHEMA_OLDER_READONLY = "B404"

_V1: list[str] = [
    """CREATE TABLE documents (
        doc_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL UNIQUE,
        origin VARCHAR NOT NULL,
        fmt VARCHAR NOT NULL,
        title VARCHAR,
        published DATE,
        published_source VARCHAR NOT NULL,
        url VARCHAR,
        outlet VARCHAR,
        author VARCHAR,
        sitename VARCHAR,
        text VARCHAR NOT NULL,
        pre_clean_text VARCHAR NOT NULL,
        dropped JSON NOT NULL,
        n_sentences INTEGER NOT NULL,
        n_events INTEGER NOT NULL,
        status VARCHAR NOT NULL,
        ingested_at TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE sentences (
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        PRIMARY KEY (doc_id, sentence_index)
    )""",
    """CREATE TABLE actors (
        actor_id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        country VARCHAR,
        sector VARCHAR,
        kind VARCHAR NOT NULL
    )""",
    """CREATE TABLE mentions (
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        actor_id VARCHAR,
        rule VARCHAR NOT NULL
    )""",
    """CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        event_type VARCHAR NOT NULL,
        mode VARCHAR,
        context VARCHAR[] NOT NULL,
        cameo_root VARCHAR,
        quad_class TINYINT NOT NULL,
        score DOUBLE NOT NULL,
        status VARCHAR NOT NULL,
        date DATE NOT NULL,
        date_precision VARCHAR NOT NULL,
        date_text VARCHAR,
        date_source VARCHAR NOT NULL,
        source_actor_id VARCHAR,
        source_text VARCHAR,
        location_name VARCHAR,
        location_country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        confidence DOUBLE NOT NULL,
        trigger VARCHAR NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL
    )""",
    """CREATE TABLE event_targets (
        event_id VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        actor_id VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        PRIMARY KEY (event_id, position)
    )""",
    """CREATE TABLE evidence (
        event_id VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL
    )""",
    """CREATE TABLE quotes (
        quote_id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        direct BOOLEAN NOT NULL,
        speaker_actor_id VARCHAR,
        speaker_ref_text VARCHAR,
        speaker_text VARCHAR,
        cue VARCHAR,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        date DATE,
        sentence_index INTEGER NOT NULL
    )""",
    """CREATE TABLE timexes (
        doc_id VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        kind VARCHAR,
        value VARCHAR,
        date DATE,
        precision VARCHAR
    )""",
    """CREATE TABLE rejections (
        doc_id VARCHAR NOT NULL,
        origin VARCHAR NOT NULL,
        stage VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        detail VARCHAR NOT NULL,
        content_hash VARCHAR,
        rejected_at TIMESTAMP NOT NULL
    )""",
    "CREATE INDEX events_date_idx ON events(date)",
    "CREATE INDEX events_type_idx ON events(event_type)",
    "CREATE INDEX events_source_idx ON events(source_actor_id)",
    "CREATE INDEX events_doc_idx ON events(doc_id)",
    "CREATE INDEX event_targets_actor_idx ON event_targets(actor_id)",
    "CREATE INDEX mentions_actor_idx ON mentions(actor_id)",
    "CREATE INDEX rejections_hash_idx ON rejections(content_hash)",
]

#: Event merging (docs/merge.md): which merged event each report belongs to, why two
#: reports were joined, and syndicated copies of documents with their MinHash bands.
#: Events stored before this migration become one-report events (``bowerbird merge``
#: re-clusters everything stored).
_V_MERGE: list[str] = [
    """CREATE TABLE event_clusters (
        event_id VARCHAR PRIMARY KEY,
        cluster_id VARCHAR NOT NULL
    )""",
    "CREATE INDEX event_clusters_cluster_idx ON event_clusters(cluster_id)",
    "INSERT INTO event_clusters SELECT event_id, event_id FROM events",
    """CREATE TABLE merge_links (
        event_id VARCHAR NOT NULL,
        other_event_id VARCHAR NOT NULL,
        score DOUBLE NOT NULL,
        reasons JSON NOT NULL,
        PRIMARY KEY (event_id, other_event_id)
    )""",
    """CREATE TABLE document_links (
        doc_id VARCHAR PRIMARY KEY,
        original_doc_id VARCHAR NOT NULL,
        similarity DOUBLE NOT NULL
    )""",
    """CREATE TABLE document_bands (
        doc_id VARCHAR NOT NULL,
        band INTEGER NOT NULL,
        hash UBIGINT NOT NULL
    )""",
    "CREATE INDEX document_bands_hash_idx ON document_bands(hash)",
    """CREATE TABLE document_minhash (
        doc_id VARCHAR PRIMARY KEY,
        signature UBIGINT[] NOT NULL
    )""",
]


#: Stances (actor x issue x position, with evidence) and quote links: the speaker span and
#: the events coded from the quote's sentences.
_V_STANCES: list[str] = [
    "ALTER TABLE quotes ADD COLUMN speaker_start INTEGER DEFAULT -1",
    "ALTER TABLE quotes ADD COLUMN speaker_end INTEGER DEFAULT -1",
    "ALTER TABLE quotes ADD COLUMN event_ids VARCHAR[] DEFAULT []",
    """CREATE TABLE stances (
        stance_id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        actor_id VARCHAR NOT NULL,
        actor_text VARCHAR NOT NULL,
        issue VARCHAR NOT NULL,
        position VARCHAR NOT NULL,
        target_country VARCHAR,
        date DATE,
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        evidence_text VARCHAR NOT NULL,
        cue VARCHAR,
        rule VARCHAR NOT NULL,
        quote_id VARCHAR,
        event_id VARCHAR
    )""",
    "CREATE INDEX stances_actor_idx ON stances(actor_id)",
    "CREATE INDEX stances_issue_idx ON stances(issue)",
]

#: Look-ups by event id in the tables schema v1 indexed only by other keys: the API fetches
#: a page's targets and evidence by event id (docs/benchmarks.md, HTTP API load).
_V_EVENT_ID_INDEXES: list[str] = [
    "CREATE INDEX evidence_event_idx ON evidence(event_id)",
    "CREATE INDEX event_targets_event_idx ON event_targets(event_id)",
]

#: An event's actors as they were at the article's date: a person's country and sector
#: follow the office held then, so they are stored with the event (``dated_attrs`` is
#: true on rows that carry them; older rows fall back to the ``actors`` table).
_V_EVENT_ACTOR_ATTRS: list[str] = [
    "ALTER TABLE events ADD COLUMN source_country VARCHAR",
    "ALTER TABLE events ADD COLUMN source_sector VARCHAR",
    "ALTER TABLE events ADD COLUMN dated_attrs BOOLEAN DEFAULT false",
    "ALTER TABLE event_targets ADD COLUMN country VARCHAR",
    "ALTER TABLE event_targets ADD COLUMN sector VARCHAR",
    "ALTER TABLE event_targets ADD COLUMN dated_attrs BOOLEAN DEFAULT false",
]


def dated_attr(row: str, column: str, actor: str, attr: str) -> str:
    """SQL for an event actor's ``country`` or ``sector`` as of the event's article: the
    value stored with the event row ``row`` (``column``), or, for rows written before it
    was stored, the ``actors`` table's (alias ``actor``, attribute ``attr``)."""
    return f"CASE WHEN {row}.dated_attrs THEN {row}.{column} ELSE {actor}.{attr} END"


#: Ordered migrations; index ``i`` brings the schema to version ``i + 1``.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    tuple(_V1),
    tuple(_V_MERGE),
    tuple(_V_STANCES),
    tuple(_V_EVENT_ID_INDEXES),
    tuple(_V_EVENT_ACTOR_ATTRS),
)

#: The schema version this code writes and reads.
SCHEMA_VERSION = len(MIGRATIONS)

_VERSION_TABLE = """CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
)"""


def _has_version_table(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    return row is not None and int(row[0]) > 0


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """Return the schema version recorded in the database (0 for an empty database)."""
    if not _has_version_table(con):
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return 0 if row is None or row[0] is None else int(row[0])


def _refuse_newer(version: int, latest: int, path: str) -> None:
    if version > latest:
        raise StoreError(
            f"database {path} has schema version {version}, but this Bowerbird only knows "
            f"versions up to {latest}; upgrade Bowerbird to open it",
            code=E_SCHEMA_NEWER,
        )


def migrate(
    con: duckdb.DuckDBPyConnection,
    path: str,
    migrations: tuple[tuple[str, ...], ...] = MIGRATIONS,
) -> int:
    """Bring the database up to the latest version; one transaction per migration.

    Returns the version after migrating.  ``migrations`` is a parameter only so tests can
    exercise the mechanism with extra migrations.
    """
    con.execute(_VERSION_TABLE)
    version = current_version(con)
    _refuse_newer(version, len(migrations), path)
    for target in range(version + 1, len(migrations) + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in migrations[target - 1]:
                con.execute(statement)
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [target])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(
                f"migrating {path} to schema version {target} failed: {exc}",
                code=E_MIGRATION_FAILED,
            ) from exc
    return len(migrations)


def check_readable(con: duckdb.DuckDBPyConnection, path: str) -> int:
    """Check, without writing, that a read-only database has exactly the current schema."""
    version = current_version(con)
    _refuse_newer(version, SCHEMA_VERSION, path)
    if version < SCHEMA_VERSION:
        raise StoreError(
            f"database {path} has schema version {version} (current is {SCHEMA_VERSION}); "
            "open it once for writing (e.g. run an ingest) to upgrade it",
            code=E_SCHEMA_OLDER_READONLY,
        )
    return version
