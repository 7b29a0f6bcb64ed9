"""HTTP API cursor pagination: complete, duplicate-free walks in every sort order."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bowerbird.api.app import create_app

REPO = Path(__file__).resolve().parents[1]


def _synth() -> Any:
    spec = importlib.util.spec_from_file_location("synth_db", REPO / "bench" / "synth_db.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synth_client(tmp_path_factory: pytest.TempPathFactory, lexicon: Any) -> Iterator[TestClient]:
    """A synthetic database with many ties in date, type, score and actor counts."""
    db = str(tmp_path_factory.mktemp("synth") / "synth.duckdb")
    _synth().build(db, 1500, seed=3)
    with TestClient(create_app(db, lexicon=lexicon, static_dir=None)) as c:
        yield c


@pytest.fixture(scope="module")
def sample_client(sample_db: str, lexicon: Any) -> Iterator[TestClient]:
    with TestClient(create_app(sample_db, lexicon=lexicon, static_dir=None)) as c:
        yield c


def walk(client: TestClient, url: str, limit: int) -> tuple[list[dict[str, Any]], int, int]:
    """All items of a list, page by page: (items, reported total, number of pages)."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    pages = 0
    totals = set()
    while True:
        sep = "&" if "?" in url else "?"
        full = f"{url}{sep}limit={limit}" + (f"&cursor={cursor}" if cursor else "")
        r = client.get(full)
        assert r.status_code == 200, r.text
        body = r.json()
        assert len(body["items"]) <= limit
        items += body["items"]
        totals.add(body["total"])
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
        assert len(body["items"]) == limit  # only a last page may be short
    assert len(totals) == 1
    return items, totals.pop(), pages


SORT_FIELD = {
    "date": lambda e: e["date"],
    "type": lambda e: e["event_type"],
    "score": lambda e: e["score"],
    "source": lambda e: (e["source"] or {}).get("name") or "",
}


@pytest.mark.parametrize("sort", sorted(SORT_FIELD))
@pytest.mark.parametrize("order", ["asc", "desc"])
def test_event_walk_is_complete_and_ordered(
    synth_client: TestClient, sort: str, order: str
) -> None:
    everything, total, _ = walk(synth_client, f"/api/events?sort={sort}&order={order}", 500)
    items, total2, pages = walk(synth_client, f"/api/events?sort={sort}&order={order}", 37)
    ids = [e["event_id"] for e in items]
    assert len(ids) == len(set(ids)) == total == total2 == len(everything)
    assert pages == -(-total // 37)
    assert ids == [e["event_id"] for e in everything]  # page size does not change the order
    keys = [(SORT_FIELD[sort](e), e["event_id"]) for e in items]
    assert keys == sorted(keys, reverse=order == "desc")


def test_filtered_walk_matches_total(synth_client: TestClient) -> None:
    url = "/api/events?type=CONSULT,ACCUSE&since=2020-01-01&until=2022-12-31&actor=USA"
    items, total, _ = walk(synth_client, url, 25)
    assert total == len(items) == len({e["event_id"] for e in items}) > 0
    for e in items:
        assert e["event_type"] in {"CONSULT", "ACCUSE"}
        assert "2020-01-01" <= e["date"] <= "2022-12-31"
        sides = [e["source"], *e["targets"]]
        assert any(a and (a["country"] == "USA" or "USA" in a["actor_id"]) for a in sides)


def test_actor_and_quote_walks(synth_client: TestClient, sample_client: TestClient) -> None:
    for client in (synth_client, sample_client):
        actors, total, _ = walk(client, "/api/actors", 23)
        ids = [a["actor_id"] for a in actors]
        assert len(ids) == len(set(ids)) == total
        keys = [(-a["events"], a["actor_id"]) for a in actors]
        assert keys == sorted(keys)
        quotes, qtotal, _ = walk(client, "/api/quotes", 29)
        qids = [q["quote_id"] for q in quotes]
        assert len(qids) == len(set(qids)) == qtotal
        dated = [q["date"] for q in quotes if q["date"]]
        assert dated == sorted(dated, reverse=True)


def test_sample_walk(sample_client: TestClient) -> None:
    items, total, _ = walk(sample_client, "/api/events?sort=source&order=asc", 9)
    assert len({e["event_id"] for e in items}) == total == len(items)


def test_cursor_is_bound_to_its_list(synth_client: TestClient) -> None:
    page = synth_client.get("/api/events?sort=score&limit=5").json()
    cursor = page["next_cursor"]
    assert cursor
    for other in ("/api/events?sort=date", "/api/events?sort=score&order=asc", "/api/quotes?"):
        r = synth_client.get(f"{other}&cursor={cursor}")
        assert r.status_code == 400, other
        assert r.json()["error"]["code"] == "B103"
    assert synth_client.get(f"/api/events?sort=score&cursor={cursor}").status_code == 200


def test_limit_cap(synth_client: TestClient) -> None:
    assert len(synth_client.get("/api/events?limit=500").json()["items"]) == 500
    for url in ("/api/events?limit=501", "/api/actors?limit=100000", "/api/quotes?limit=-1"):
        r = synth_client.get(url)
        assert r.status_code == 400
        assert r.json()["error"]["status"] == 400
