"""Query layer and exports: export shapes, filters, ordering, output formats."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _store_fixtures import (
    CHN,
    RUS_MIL,
    UN,
    USA,
    USA_GOV,
    load_schema,
    make_article,
    sha,
    validate,
)
from bowerbird import query, query_docs, query_statements
from bowerbird.errors import UsageError
from bowerbird.export import write_rows
from bowerbird.query import EventFilter
from bowerbird.records import Location, Rejection
from bowerbird.store import Store

EVENT_SCHEMA = load_schema("event.schema.json")
QUOTE_SCHEMA = load_schema("quote.schema.json")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A store with three documents and varied events."""
    kyiv = Location("Kyiv", "UKR", 50.45, 30.52)
    arts = [
        make_article(
            "d1",
            "US accused China and Russia.\nMore text.",
            events=(
                {"targets": (CHN, RUS_MIL), "location": kyiv},
                {"event_type": "CONSULT", "date": "2024-01-15", "source": USA_GOV, "targets": ()},
            ),
        ),
        make_article(
            "d2",
            "The UN condemned the US.",
            events=({"source": UN, "targets": (USA,), "date": "2024-05-01", "status": "planned"},),
            published="2024-05-02",
        ),
        make_article("d3", "No events here.", events=(), published=None, title=None),
    ]
    rej = [
        Rejection("r1", "/data/r1", "ingest", "empty", "no text", sha("r1")),
        Rejection("r2", "/data/r2", "language", "not_english", "ratio 0.01", sha("r2")),
        Rejection("r3", "/data/r3", "language", "not_english", "ratio 0.02", sha("r3")),
    ]
    with Store.open(str(tmp_path / "q.duckdb")) as s:
        s.write_batch(arts, rej)
        yield s


def test_event_round_trip_exact_shape(store: Store) -> None:
    rows = query.events(store.con, EventFilter(doc="d1", event_type="accuse"))
    assert len(rows) == 2  # one row per target
    first = rows[0]
    assert first == {
        "event_id": "d1-e0",
        "event_type": "ACCUSE",
        "mode": "verbal",
        "context": ["military", "cyber"],
        "cameo_root": "11",
        "quad_class": 3,
        "score": -2.5,
        "status": "occurred",
        "date": "2024-03-01",
        "date_precision": "day",
        "date_text": "on Friday",
        "date_source": "text",
        "source": {
            "actor_id": "USA",
            "name": "United States",
            "country": "USA",
            "sector": None,
            "kind": "state",
            "text": "United States",
        },
        "target": {
            "actor_id": "CHN",
            "name": "China",
            "country": "CHN",
            "sector": None,
            "kind": "state",
            "text": "China",
        },
        "location": {"name": "Kyiv", "country": "UKR", "lat": 50.45, "lon": 30.52},
        "evidence": [
            {
                "doc_id": "d1",
                "sentence_index": 0,
                "start": 0,
                "end": 28,
                "text": "US accused China and Russia.",
            }
        ],
        "confidence": 0.75,
        "reports": 1,
        "sources": 1,
    }
    assert rows[1]["target"]["actor_id"] == "RUS-MIL"
    assert rows[1]["target"]["sector"] == "MIL"
    assert {k: v for k, v in rows[1].items() if k != "target"} == {
        k: v for k, v in first.items() if k != "target"
    }


def test_all_exports_validate_against_json_schema(store: Store) -> None:
    rows = query.events(store.con)
    assert rows
    for row in rows:
        assert validate(row, EVENT_SCHEMA) == [], row
        json.dumps(row)
    quotes = query_statements.quotes(store.con)
    assert len(quotes) == 3
    for q in quotes:
        assert validate(q, QUOTE_SCHEMA) == [], q
    # and the validator does reject a bad row
    bad = dict(rows[0], quad_class=7, extra=1)
    assert len(validate(bad, EVENT_SCHEMA)) == 2


def test_one_row_per_target_and_deterministic_order(store: Store) -> None:
    rows = query.events(store.con)
    keys = [(r["date"], r["event_id"], r["target"] and r["target"]["actor_id"]) for r in rows]
    assert keys == [
        ("2024-01-15", "d1-e1", None),
        ("2024-03-01", "d1-e0", "CHN"),
        ("2024-03-01", "d1-e0", "RUS-MIL"),
        ("2024-05-01", "d2-e0", "USA"),
    ]
    assert query.count_events(store.con) == 4
    page = query.events(store.con, EventFilter(limit=2, offset=1))
    assert [r["event_id"] for r in page] == ["d1-e0", "d1-e0"]
    assert query.count_events(store.con, EventFilter(limit=1)) == 4


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(actor="USA"), ["d1-e1", "d1-e0", "d1-e0", "d2-e0"]),  # country code
        (EventFilter(actor="usa-gov"), ["d1-e1"]),  # id, case-insensitive
        (EventFilter(actor="russian"), ["d1-e0"]),  # name substring: only that target row
        (EventFilter(actor="org:un"), ["d2-e0"]),
        (EventFilter(source="USA"), ["d1-e1", "d1-e0", "d1-e0"]),
        (EventFilter(target="USA"), ["d2-e0"]),
        (EventFilter(source="United Nations", target="united"), ["d2-e0"]),
        (EventFilter(event_type="consult, Accuse"), ["d1-e1", "d1-e0", "d1-e0", "d2-e0"]),
        (EventFilter(event_type="accuse", source="org:un"), ["d2-e0"]),
        (EventFilter(event_type="CONSULT"), ["d1-e1"]),
        (EventFilter(since=date(2024, 3, 1)), ["d1-e0", "d1-e0", "d2-e0"]),
        (EventFilter(until=date(2024, 3, 1)), ["d1-e1", "d1-e0", "d1-e0"]),
        (EventFilter(since=date(2024, 3, 2), until=date(2024, 4, 30)), []),
        (EventFilter(doc="d2"), ["d2-e0"]),
        (EventFilter(status="PLANNED"), ["d2-e0"]),
        (EventFilter(actor="nobody"), []),
        (EventFilter(actor="' OR 1=1 --"), []),
    ],
)
def test_event_filters(store: Store, flt: EventFilter, expected: list[str]) -> None:
    assert [r["event_id"] for r in query.events(store.con, flt)] == expected
    assert query.count_events(store.con, flt) == len(expected)


def test_negative_limit_is_a_usage_error(store: Store) -> None:
    with pytest.raises(UsageError, match=r"\[B103\]"):
        query.events(store.con, EventFilter(limit=-1))


def test_actors(store: Store) -> None:
    rows = {r["actor_id"]: r for r in query.actors(store.con)}
    assert rows["USA"] == {
        "actor_id": "USA",
        "name": "United States",
        "country": "USA",
        "sector": None,
        "kind": "state",
        "n_events": 2,  # source of d1-e0, target of d2-e0
        "n_mentions": 3,
    }
    assert rows["person:wang-yi"]["n_events"] == 0
    assert [r["actor_id"] for r in query.actors(store.con, country="usa")] == ["USA", "USA-GOV"]
    assert [r["actor_id"] for r in query.actors(store.con, actor="nations")] == ["org:un"]
    assert len(query.actors(store.con, limit=2)) == 2


def test_docs_and_document(store: Store) -> None:
    rows = query_docs.docs(store.con)
    assert [r["doc_id"] for r in rows] == ["d1", "d2", "d3"]  # undated last
    assert rows[0] == {
        "doc_id": "d1",
        "title": "A title",
        "published": "2024-03-02",
        "published_source": "record",
        "outlet": "Example Times",
        "url": "https://example.org/d1",
        "n_sentences": 2,
        "n_events": 2,
        "n_dropped_spans": 1,
        "status": "processed",
        "copy_of": None,
    }
    assert [r["doc_id"] for r in query_docs.docs(store.con, since=date(2024, 4, 1))] == ["d2"]
    assert [r["doc_id"] for r in query_docs.docs(store.con, until=date(2024, 4, 1))] == ["d1"]
    assert [r["doc_id"] for r in query_docs.docs(store.con, doc="d3")] == ["d3"]
    assert len(query_docs.docs(store.con, outlet="example")) == 3
    doc = query_docs.document(store.con, "d1")
    assert doc is not None
    assert doc["text"] == "US accused China and Russia.\nMore text."
    assert doc["dropped"] == [{"start": 0, "end": 11, "rule": "nav", "text": "Menu | Home"}]
    assert doc["sentences"][1] == {
        "sentence_index": 1,
        "start": 29,
        "end": 39,
        "text": "More text.",
    }
    assert query_docs.document(store.con, "missing") is None


def test_rejections_and_summary(store: Store) -> None:
    assert [r["doc_id"] for r in query_docs.rejections(store.con, code="not_english")] == [
        "r2",
        "r3",
    ]
    assert len(query_docs.rejections(store.con, limit=1)) == 1
    s = query_docs.summary(store.con)
    assert s["documents"] == 3
    assert s["rejected"] == 3
    assert s["rejected_by_code"] == {"not_english": 2, "empty": 1}
    assert (s["events"], s["quotes"], s["mentions"]) == (3, 3, 6)
    assert (s["first_date"], s["last_date"]) == ("2024-01-15", "2024-05-01")
    assert [(d["source"], d["target"]) for d in s["top_dyads"]] == [
        ("USA", "CHN"),
        ("USA", "RUS-MIL"),
        ("org:un", "USA"),
    ]
    assert s["top_dyads"][2] == {
        "source": "org:un",
        "target": "USA",
        "source_name": "United Nations",
        "target_name": "United States",
        "events": 1,
        "mean_score": -2.5,
    }
    assert s["event_types"] == [
        {"event_type": "ACCUSE", "events": 2},
        {"event_type": "CONSULT", "events": 1},
    ]
    json.dumps(s)


def test_quote_filters(store: Store) -> None:
    q = query_statements.quotes(store.con, doc="d2")
    assert q == [
        {
            "quote_id": "d2-q0",
            "doc_id": "d2",
            "text": "We will respond",
            "direct": True,
            "speaker": {
                "actor_id": "person:wang-yi",
                "name": "Wang Yi",
                "country": "CHN",
                "sector": "GOV",
                "kind": "person",
                "text": "Wang",
            },
            "speaker_text": "Wang",
            "cue": "said",
            "start": 0,
            "end": 24,
            "date": "2024-03-01",
            "event_ids": ["d2-e0"],
        }
    ]
    assert len(query_statements.quotes(store.con, speaker="wang yi")) == 3
    assert len(query_statements.quotes(store.con, country="chn")) == 3
    assert query_statements.quotes(store.con, country="USA") == []
    assert len(query_statements.quotes(store.con, speaker="CHN")) == 3
    assert query_statements.quotes(store.con, speaker="USA") == []
    assert len(query_statements.quotes(store.con, text="RESPOND", limit=2)) == 2
    assert query_statements.quotes(store.con, since=date(2024, 3, 2)) == []
    assert len(query_statements.quotes(store.con, until=date(2024, 3, 1))) == 3


# ---- export formats -------------------------------------------------------------------


def test_jsonl_output_round_trips(store: Store, tmp_path: Path) -> None:
    rows = query.events(store.con)
    out = tmp_path / "e.jsonl"
    write_rows(rows, "jsonl", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == rows


def test_jsonl_to_stdout(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    write_rows(query_statements.quotes(store.con, doc="d1"), "jsonl", None)
    assert json.loads(capsys.readouterr().out)["quote_id"] == "d1-q0"


def test_csv_output_is_flattened(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    write_rows(query.events(store.con), "csv", str(out))
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 4
    header = list(rows[0])
    assert header[:3] == ["event_id", "event_type", "mode"]
    for col in (
        "source_actor_id",
        "source_name",
        "target_country",
        "location_lat",
        "evidence_text",
    ):
        assert col in header
    assert "source" not in header and "evidence" not in header
    assert rows[0]["target_actor_id"] == ""  # event without target
    assert rows[1]["context"] == "military;cyber"
    assert rows[1]["source_actor_id"] == "USA" and rows[1]["target_actor_id"] == "CHN"
    assert rows[1]["evidence_sentence_index"] == "0"


def test_parquet_output(store: Store, tmp_path: Path) -> None:
    rows = query.events(store.con)
    out = tmp_path / "e.parquet"
    write_rows(rows, "parquet", str(out))
    assert pq.read_table(str(out)).to_pylist() == rows
    qout = tmp_path / "q.parquet"
    write_rows(query_statements.quotes(store.con), "parquet", str(qout))
    assert pq.read_table(str(qout)).to_pylist() == query_statements.quotes(store.con)
    empty = tmp_path / "empty.parquet"
    write_rows([], "parquet", str(empty), columns=["doc_id"])
    assert pq.read_table(str(empty)).num_rows == 0
    with pytest.raises(UsageError, match=r"\[B103\].*-o FILE"):
        write_rows(rows, "parquet", None)
    with pytest.raises(UsageError, match=r"\[B103\]"):
        write_rows(rows, "xml", None)


def test_table_output(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    write_rows(
        query.events(store.con, EventFilter(actor="russian")),
        "table",
        None,
        columns=["date", "source", "event_type", "target", "evidence"],
        title="Events",
    )
    out = capsys.readouterr().out
    assert "Russian military (RUS/MIL)" in out
    assert "United States (USA)" in out
    assert "US accused China" in out
    assert "event_id" not in out


# ---- property test: arbitrary text survives the store ----------------------------------

_text = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    min_size=1,
    max_size=60,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=_text, quote=_text, title=_text, name=_text)
def test_arbitrary_text_round_trips(
    tmp_path_factory: pytest.TempPathFactory, body: str, quote: str, title: str, name: str
) -> None:
    weird = replace(CHN, name=name)
    art = make_article(
        "doc'; DROP TABLE events; --",
        body,
        events=({"targets": (weird,)},),
        quote_text=quote,
        title=title,
    )
    path = tmp_path_factory.mktemp("h") / "h.duckdb"
    with Store.open(str(path)) as s:
        s.write_batch([art], [])
        rows = query.events(s.con, EventFilter(doc="doc'; DROP TABLE events; --"))
        assert len(rows) == 1
        assert rows[0]["target"]["name"] == name
        assert rows[0]["evidence"][0]["text"] == body.split("\n")[0]
        assert validate(rows[0], EVENT_SCHEMA) == []
        assert [r["event_id"] for r in query.events(s.con, EventFilter(target=name))] == [
            rows[0]["event_id"]
        ]
        q = query_statements.quotes(s.con, text=quote)
        assert [x["text"] for x in q] == [quote]
        doc = query_docs.document(s.con, "doc'; DROP TABLE events; --")
        assert doc is not None and doc["text"] == body and doc["title"] == title
