"""Ingest: file types, ids, content identity and rejections."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bowerbird.errors import UsageError
from bowerbird.records import RawDocument, Rejection
from bowerbird.stages.ingest import (
    Ingester,
    collect_files,
    content_hash,
    decode_bytes,
    looks_binary,
    normalise_published,
    parse_cli_date,
)

TEXT = "Chinese Foreign Minister Wang Yi spoke with his Pakistani counterpart on Monday."


def _items(tmp_path: Path, *paths: str) -> list[RawDocument | Rejection]:
    files, _ = collect_files([tmp_path / p for p in paths] if paths else [tmp_path])
    return list(Ingester(5_000_000).iter_items(files))


def test_ingest_reads_each_format_with_ids_relative_to_folder(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>{TEXT}</p></body></html>", encoding="utf-8")
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(b"Another article about talks in Kabul."))
    rec = {
        "id": "feed-1",
        "text": TEXT + " More.",
        "published": "2021-08-16",
        "source": "Wire",
        "title": "T",
    }
    (tmp_path / "feed.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a document", encoding="utf-8")
    items = _items(tmp_path)
    by_id = {i.doc_id: i for i in items}
    assert set(by_id) == {"sub/a.txt", "b.html", "c.txt.gz", "feed-1"}
    assert all(isinstance(i, RawDocument) for i in items)
    feed = by_id["feed-1"]
    assert isinstance(feed, RawDocument)
    assert (feed.published, feed.published_from, feed.outlet, feed.title) == (
        "2021-08-16",
        "record",
        "Wire",
        "T",
    )
    assert by_id["b.html"].fmt == "html"  # type: ignore[union-attr]
    _, skipped = collect_files([tmp_path])
    assert skipped == 1


def test_ingest_rejects_bad_inputs_without_stopping(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "broken.txt").write_bytes(
        b"abc \x81\x8d\x8f\x90\x9d \xff\xfe\x00x"[:-2] + b"\x81\x81"
    )
    (tmp_path / "bad.gz").write_bytes(b"not gzip at all")
    lines = [
        json.dumps({"id": "ok", "text": TEXT}),
        "{not json",
        json.dumps({"id": "nobody"}),
        json.dumps([1, 2]),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    items = _items(tmp_path)
    codes = {i.doc_id: i.code for i in items if isinstance(i, Rejection)}
    assert codes["empty.txt"] == "empty"
    assert codes["binary.txt"] == "binary"
    assert codes["broken.txt"] == "bad_encoding"
    assert "bad.gz" not in codes  # a .gz of no type we read is skipped in folder walks
    assert codes["feed.jsonl#2"] == "malformed_record"
    assert codes["nobody"] == "malformed_record"
    assert codes["feed.jsonl#4"] == "malformed_record"
    ok = {i.doc_id for i in items if isinstance(i, RawDocument)}
    assert ok == {"ok", "good.txt"}


def test_ingest_rejects_unknown_type_named_explicitly(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("hello", encoding="utf-8")
    items = _items(tmp_path, "notes.md")
    assert [(i.doc_id, i.code) for i in items if isinstance(i, Rejection)] == [
        ("notes.md", "unsupported_format")
    ]


def test_ingest_rejects_unreadable_gzip_and_huge_text(tmp_path: Path) -> None:
    (tmp_path / "x.txt.gz").write_bytes(b"\x1f\x8b broken")
    (tmp_path / "big.txt").write_text("word " * 3000, encoding="utf-8")
    files, _ = collect_files([tmp_path])
    items = list(Ingester(10_000).iter_items(files))
    codes = {i.doc_id: i.code for i in items if isinstance(i, Rejection)}
    assert codes == {"x.txt.gz": "unreadable", "big.txt": "too_large"}


def test_ingest_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as exc:
        collect_files([tmp_path / "nope"])
    assert exc.value.exit_code == 2 and "[B101]" in str(exc.value)


def test_ingest_accepts_clean_windows_1252() -> None:
    assert decode_bytes("café – naïve".encode("cp1252")) == "café – naïve"
    assert decode_bytes("\ufeffhello".encode()) == "hello"


def test_ingest_published_values() -> None:
    assert normalise_published("2021-08-16") == "2021-08-16"
    assert normalise_published("2021-08-16T10:00:00Z") == "2021-08-16T10:00:00+00:00"
    assert normalise_published("16/08/2021") is None
    assert parse_cli_date(" 2021-08-16 ") == "2021-08-16"
    with pytest.raises(UsageError):
        parse_cli_date("yesterday")


@given(st.text())
def test_ingest_content_hash_ignores_whitespace_layout(text: str) -> None:
    assert content_hash(text) == content_hash("  " + text.replace(" ", "\n ") + "\n")


@given(st.text(min_size=1))
def test_ingest_decode_roundtrips_utf8(text: str) -> None:
    data = text.encode("utf-8")
    if not looks_binary(data):
        assert decode_bytes(data) == text.removeprefix("\ufeff")
