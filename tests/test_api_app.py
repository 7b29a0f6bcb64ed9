"""HTTP API app: read-only database, static files, OpenAPI schema, startup errors."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from bowerbird.api.app import create_app
from bowerbird.errors import UsageError

GOLDEN = Path(__file__).resolve().parent / "golden" / "openapi.json"
ENDPOINTS = [
    "/api/summary",
    "/api/events",
    "/api/events/{event_id}",
    "/api/documents/{doc_id}",
    "/api/actors",
    "/api/actors/{actor_id}",
    "/api/dyads",
    "/api/series",
    "/api/places",
    "/api/quotes",
    "/api/stances",
    "/api/search",
]


def _digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_database_is_read_only(sample_db: str, lexicon: Any) -> None:
    before = (_digest(sample_db), os.stat(sample_db).st_mtime_ns)
    app = create_app(sample_db, lexicon=lexicon, static_dir=None)
    with TestClient(app) as client:
        for url in ("/api/summary", "/api/events?limit=3", "/api/actors", "/api/search?q=a"):
            assert client.get(url).status_code == 200
        cur = app.state.store.con.cursor()
        with pytest.raises(duckdb.Error):
            cur.execute("CREATE TABLE intruder (x INTEGER)")
        with pytest.raises(duckdb.Error):
            cur.execute("DELETE FROM events")
        cur.close()
        assert client.post("/api/events").status_code == 405
    assert (_digest(sample_db), os.stat(sample_db).st_mtime_ns) == before


def test_static_files_and_api_404(sample_db: str, lexicon: Any, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>ui</title>", encoding="utf-8")
    with TestClient(create_app(sample_db, lexicon=lexicon, static_dir=tmp_path)) as client:
        r = client.get("/")
        assert r.status_code == 200 and "<title>ui</title>" in r.text
        r = client.get("/api/nothing/here")
        assert r.status_code == 404 and r.json()["error"]["code"] == "HTTP_404"
    with TestClient(create_app(sample_db, lexicon=lexicon, static_dir=None)) as client:
        assert client.get("/api/summary").status_code == 200
        r = client.get("/")
        assert r.status_code == 404 and r.json()["error"]["status"] == 404


def test_missing_database(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="B105"):
        create_app(str(tmp_path / "none.duckdb"))
    r = subprocess.run(
        [sys.executable, "-m", "bowerbird.cli.main", "serve", "--db", str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("bowerbird: error: [B105]")


def test_openapi_documents_every_endpoint(
    sample_db: str, lexicon: Any, update_golden: bool
) -> None:
    with TestClient(create_app(sample_db, lexicon=lexicon, static_dir=None)) as client:
        schema = client.get("/openapi.json").json()
        assert client.get("/docs").status_code == 200
    paths = schema["paths"]
    assert sorted(paths) == sorted(ENDPOINTS)
    for path, item in paths.items():
        assert set(item) == {"get"}, path
        ok = item["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in ok, f"{path} has no response model"
        name = ok["$ref"].rsplit("/", 1)[1]
        assert schema["components"]["schemas"][name]["properties"], path
        if "{" in path:
            assert "404" in item["get"]["responses"], path
    text = json.dumps(schema, indent=1, sort_keys=True) + "\n"
    if update_golden or not GOLDEN.exists():
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), (
        "the OpenAPI schema changed: review it and run pytest tests/test_api_app.py "
        "--update-golden (and note the change in docs/api.md)"
    )
