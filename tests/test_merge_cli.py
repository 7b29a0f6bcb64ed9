"""Merged events through the CLI: --unmerged, the gdelt TSV export, merge --explain/rebuild,
and a smoke run of the merge benchmark."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from bowerbird.gdelt import COLUMNS, gdelt_rows
from conftest import REPO

BIN = [sys.executable, "-m", "bowerbird.cli.main"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BIN, *args], capture_output=True, text=True, timeout=300)


def test_events_merged_unmerged_and_gdelt(sample_db: str) -> None:
    merged = _run("events", "--db", sample_db, "--format", "jsonl")
    raw = _run("events", "--db", sample_db, "--format", "jsonl", "--unmerged")
    assert merged.returncode == 0 and raw.returncode == 0, merged.stderr + raw.stderr
    m_rows = [json.loads(x) for x in merged.stdout.splitlines()]
    r_rows = [json.loads(x) for x in raw.stdout.splitlines()]
    m_ids = {r["event_id"] for r in m_rows}
    assert len(m_ids) < len({r["event_id"] for r in r_rows})
    # every raw report's evidence is kept in exactly one merged event
    m_evidence = sorted(
        json.dumps(e, sort_keys=True)
        for ev in {r["event_id"]: r for r in m_rows}.values()
        for e in ev["evidence"]
    )
    r_evidence = sorted(
        json.dumps(e, sort_keys=True)
        for ev in {r["event_id"]: r for r in r_rows}.values()
        for e in ev["evidence"]
    )
    assert m_evidence == r_evidence
    tsv = _run("events", "--db", sample_db, "--format", "gdelt")
    assert tsv.returncode == 0, tsv.stderr
    table = list(csv.reader(io.StringIO(tsv.stdout), delimiter="\t"))
    assert tuple(table[0]) == COLUMNS
    assert len(table) - 1 == len(m_ids)  # one row per event, whatever its targets
    by_id = {r["event_id"]: r for r in m_rows}
    for row in table[1:]:
        rec = dict(zip(COLUMNS, row, strict=True))
        ev = by_id[rec["GlobalEventID"]]
        assert int(rec["NumMentions"]) == ev["reports"]
        assert int(rec["NumSources"]) == ev["sources"]
        assert int(rec["NumArticles"]) == len({e["doc_id"] for e in ev["evidence"]})
        assert rec["Day"] == ev["date"].replace("-", "")


def test_gdelt_rows_refuse_non_events() -> None:
    import pytest

    from bowerbird.errors import UsageError

    with pytest.raises(UsageError):
        gdelt_rows([{"quote_id": "q1", "text": "x"}])


def test_merge_explain_and_rebuild(sample_db: str, tmp_path: Path) -> None:
    rows = [
        json.loads(x)
        for x in _run("events", "--db", sample_db, "--format", "jsonl").stdout.splitlines()
    ]
    multi = next(r for r in rows if r["reports"] >= 2)
    out = _run("merge", "--db", sample_db, "--explain", multi["event_id"])
    assert out.returncode == 0, out.stderr
    why: dict[str, Any] = json.loads(out.stdout)
    assert why["cluster_id"] == multi["event_id"] and len(why["members"]) >= 2
    assert why["links"] and {"dyad", "date", "context"} <= set(why["links"][0]["reasons"])
    db = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, db)
    before = _run("events", "--db", str(db), "--format", "jsonl").stdout
    rebuilt = _run("merge", "--db", str(db))
    assert rebuilt.returncode == 0 and "merged into" in rebuilt.stdout, rebuilt.stderr
    assert _run("events", "--db", str(db), "--format", "jsonl").stdout == before


def test_merge_bench_smoke() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import merge_bench
    finally:
        sys.path.pop(0)
    row = merge_bench.measure(400)
    assert row["reports"] == 400 and row["events"] == row["db_events"]
    assert 0 < row["events"] < 400
