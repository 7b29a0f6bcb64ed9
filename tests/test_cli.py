"""CLI: one-line errors with exit code 2, query commands, formats, docs freshness."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

BIN = [sys.executable, "-m", "bowerbird.cli.main"]


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BIN, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["ingest", "/no/such/path"], "path not found"),
        (["ingest", "corpus", "--published", "16/08/2021"], "invalid date"),
        (["events", "--db", "/no/such.duckdb"], "database not found"),
        (["events", "--since", "yesterday", "--db", "x.duckdb"], "invalid date"),
        (["events", "--format", "xml"], "Invalid value"),
        (["nosuchcommand"], "No such command"),
        (["eval", "events", "/no/gold.jsonl"], "gold file not found"),
    ],
)
def test_cli_misuse_prints_one_line_and_exits_2(
    args: list[str], needle: str, tmp_path: Path
) -> None:
    (tmp_path / "x.duckdb").write_bytes(b"")
    (tmp_path / "corpus").mkdir()
    r = _run(*args, cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    assert needle in lines[0] and "Traceback" not in r.stderr


def test_cli_unwritable_db_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Iran attacked Israel on Saturday, officials said.", encoding="utf-8"
    )
    r = _run("ingest", str(tmp_path / "a.txt"), "--db", "/proc/nope/x.duckdb")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_cli_ingest_then_query_in_every_format(tmp_path: Path) -> None:
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Published: 16 August 2021\n\nChinese Foreign Minister Wang Yi held a phone call with "
        "U.S. Secretary of State Antony Blinken on Monday.\n\nWashington imposed sanctions on "
        "Moscow last week.",
        encoding="utf-8",
    )
    (docs / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    r = _run("ingest", str(docs), "--db", db, "--report", str(tmp_path / "r.html"))
    assert r.returncode == 0, r.stderr
    assert "leaked" not in r.stderr, r.stderr[:500]  # no binding noise at exit (gc.freeze)
    assert "Documents processed: 1" in r.stdout and "rejected: 1" in r.stdout
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    r = _run("events", "--db", db, "--format", "jsonl")
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    consult = [x for x in rows if x["event_type"] == "CONSULT"]
    assert consult and consult[0]["date"] == "2021-08-16" and consult[0]["date_source"] == "text"
    assert consult[0]["source"]["actor_id"] == "person:wang-yi"
    r = _run("events", "--db", db, "--actor", "RUS", "--format", "csv")
    assert r.returncode == 0 and "SANCTION" in r.stdout
    out = tmp_path / "e.parquet"
    assert _run("events", "--db", db, "--format", "parquet", "-o", str(out)).returncode == 0
    assert out.stat().st_size > 0
    r = _run("rejections", "--db", db, "--format", "jsonl")
    assert json.loads(r.stdout.splitlines()[0])["code"] == "empty"
    r = _run("docs", "--db", db, "--doc", "a.txt", "--audit", "--format", "jsonl")
    audit = json.loads(r.stdout)
    assert audit["doc_id"] == "a.txt" and isinstance(audit["dropped"], list)
    for cmd in ("actors", "docs", "quotes"):
        r = _run(cmd, "--db", db)
        assert r.returncode == 0, (cmd, r.stderr)
    # ingesting the same content again adds nothing
    r = _run("ingest", str(docs), "--db", db)
    assert "Documents processed: 0" in r.stdout and "already stored: 1" in r.stdout


def test_cli_docs_reference_is_fresh() -> None:
    from bowerbird.cli.docgen import render

    assert (REPO / "docs" / "cli.md").read_text(encoding="utf-8") == render(), (
        "docs/cli.md is stale: run `.venv/bin/python -m bowerbird.cli.docgen > docs/cli.md`"
    )
