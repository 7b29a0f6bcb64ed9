"""`bowerbird events|quotes|stances --format csv|jsonl|parquet|gdelt` read back with the
csv module, pyarrow and DuckDB: same rows, the documented columns, even when empty."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from _store_fixtures import load_schema
from bowerbird.cli.main import cli
from bowerbird.export import EVENT_ARROW_SCHEMA, QUOTE_ARROW_SCHEMA, STANCE_ARROW_SCHEMA
from bowerbird.gdelt import COLUMNS as GDELT_COLUMNS

KINDS = {
    "events": (EVENT_ARROW_SCHEMA, "event.schema.json"),
    "quotes": (QUOTE_ARROW_SCHEMA, "quote.schema.json"),
    "stances": (STANCE_ARROW_SCHEMA, "stance.schema.json"),
}


def _export(db: str, kind: str, fmt: str, out: Path, *extra: str) -> None:
    r = CliRunner().invoke(cli, [kind, "--db", db, "--format", fmt, "-o", str(out), *extra])
    assert r.exit_code == 0, (r.output, r.stderr, r.exception)


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines()]


def _csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_parquet_and_csv_round_trip_the_jsonl_rows(
    kind: str, sample_db: str, tmp_path: Path
) -> None:
    arrow_schema, json_schema = KINDS[kind]
    for fmt in ("jsonl", "csv", "parquet"):
        _export(sample_db, kind, fmt, tmp_path / f"x.{fmt}")
    rows = _jsonl(tmp_path / "x.jsonl")
    assert rows
    assert list(rows[0]) == list(load_schema(json_schema)["properties"])

    table = pq.read_table(tmp_path / "x.parquet")
    assert table.schema.equals(arrow_schema)
    assert table.to_pylist() == rows
    count = duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path / 'x.parquet'}'")
    assert count.fetchall() == [(len(rows),)]

    header, flat = _csv(tmp_path / "x.csv")
    assert len(header) == len(set(header))  # no flattened column overwrites another
    assert len(flat) == len(rows)
    id_key = header[0]
    assert [r[id_key] for r in flat] == [r[id_key] for r in rows]


def test_quotes_csv_keeps_both_speaker_text_fields(sample_db: str, tmp_path: Path) -> None:
    """A quote has ``speaker_text`` and ``speaker.text``; flattening must keep both."""
    _export(sample_db, "quotes", "jsonl", tmp_path / "q.jsonl")
    _export(sample_db, "quotes", "csv", tmp_path / "q.csv")
    header, flat = _csv(tmp_path / "q.csv")
    assert {"speaker_text", "speaker.text", "speaker_actor_id"} <= set(header)
    for row, orig in zip(flat, _jsonl(tmp_path / "q.jsonl"), strict=True):
        assert row["speaker_text"] == (orig["speaker_text"] or "")
        assert row["speaker.text"] == ((orig["speaker"] or {}).get("text") or "")


def test_events_csv_flattening_matches_docs(sample_db: str, tmp_path: Path) -> None:
    _export(sample_db, "events", "jsonl", tmp_path / "e.jsonl")
    _export(sample_db, "events", "csv", tmp_path / "e.csv")
    rows = _jsonl(tmp_path / "e.jsonl")
    _, flat = _csv(tmp_path / "e.csv")
    for row, orig in zip(flat, rows, strict=True):
        assert row["source_actor_id"] == ((orig["source"] or {}).get("actor_id") or "")
        assert row["context"] == ";".join(orig["context"])
        idx = ";".join(str(e["sentence_index"]) for e in orig["evidence"])
        assert row["evidence_sentence_index"] == idx
        assert float(row["score"]) == orig["score"]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_empty_results_keep_their_columns(kind: str, sample_db: str, tmp_path: Path) -> None:
    arrow_schema, _ = KINDS[kind]
    none = ["--since", "2999-01-01"]
    _export(sample_db, kind, "parquet", tmp_path / "e.parquet", *none)
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 0 and table.schema.equals(arrow_schema)
    _export(sample_db, kind, "csv", tmp_path / "e.csv", *none)
    header, flat = _csv(tmp_path / "e.csv")
    assert flat == [] and header[0] == arrow_schema.names[0]
    r = CliRunner().invoke(cli, [kind, "--db", sample_db, *none])
    assert r.exit_code == 0 and arrow_schema.names[1] in r.output  # a table with headers


def test_gdelt_one_row_per_event_with_document_urls(sample_db: str, tmp_path: Path) -> None:
    _export(sample_db, "events", "jsonl", tmp_path / "e.jsonl")
    _export(sample_db, "events", "gdelt", tmp_path / "e.tsv")
    rows = _jsonl(tmp_path / "e.jsonl")
    with (tmp_path / "e.tsv").open(newline="", encoding="utf-8") as fh:
        lines = list(csv.reader(fh, delimiter="\t"))
    assert tuple(lines[0]) == GDELT_COLUMNS
    body = [dict(zip(GDELT_COLUMNS, ln, strict=True)) for ln in lines[1:]]
    assert len(body) == len({r["event_id"] for r in rows})
    docs = CliRunner().invoke(cli, ["docs", "--db", sample_db, "--format", "jsonl"])
    urls = {d["doc_id"]: d["url"] for d in map(json.loads, docs.output.splitlines())}
    first = {r["event_id"]: r for r in rows}
    for line in body:
        event = first[line["GlobalEventID"]]
        doc_id = event["evidence"][0]["doc_id"]
        assert line["SOURCEURL"] == (urls[doc_id] or doc_id)
        assert line["Day"] == event["date"].replace("-", "")
        assert line["EventRootCode"] == (event["cameo_root"] or "")
    assert any(line["SOURCEURL"].startswith("https://") for line in body)
