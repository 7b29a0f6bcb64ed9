"""Smoke test of the HTTP load script (bench/load.py) on a tiny synthetic database."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def test_load_script_runs_end_to_end(tmp_path: Path) -> None:
    db = tmp_path / "load.duckdb"
    args = ["--events", "600", "--requests", "28", "--concurrency", "2", "--deep-pages", "1"]
    r = subprocess.run(
        [sys.executable, str(REPO / "bench" / "load.py"), *args, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=REPO,
    )
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout.strip().splitlines()[-1])
    assert result["events"] >= 600 and result["requests"] == 28
    assert result["rps"] > 0 and 0 < result["p50_ms"] <= result["p99_ms"]
    assert {"events first page", "series dyad week", "events deep page"} <= set(result["kinds"])
    assert "| request | n | p50 ms | p99 ms |" in r.stdout
