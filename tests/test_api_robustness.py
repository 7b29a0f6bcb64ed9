"""HTTP API under odd parameters: JSON 400 with a code (never 500, never a silently empty
page for a typo), and provenance (document, sentence, offsets) on every event."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bowerbird.api.app import create_app


@pytest.fixture(scope="module")
def client(sample_db: str, lexicon: Any) -> Iterator[TestClient]:
    with TestClient(create_app(sample_db, lexicon=lexicon, static_dir=None)) as c:
        yield c


def _error(client: TestClient, url: str, params: dict[str, str]) -> dict[str, Any]:
    r = client.get(url, params=params)
    assert r.status_code == 400, (url, params, r.text)
    err: dict[str, Any] = r.json()["error"]
    assert err["status"] == 400 and err["code"].startswith("B") and err["message"]
    return err


@pytest.mark.parametrize(
    ("url", "params", "code"),
    [
        ("/api/events", {"status": "happened"}, "B103"),
        ("/api/events", {"type": "CONSULT,NOPE"}, "B103"),
        ("/api/series", {"type": "nope"}, "B103"),
        ("/api/places", {"type": "x"}, "B103"),
        ("/api/actors", {"kind": "country"}, "B103"),
        ("/api/events", {"limit": "-1"}, "B103"),
        ("/api/events", {"limit": "99999999999999999999"}, "B103"),
        ("/api/events", {"limit": "1.5"}, "B103"),
        ("/api/quotes", {"limit": "0"}, "B103"),
        ("/api/stances", {"limit": "501"}, "B103"),
        ("/api/events", {"sort": "date; DROP TABLE events"}, "B103"),
        ("/api/events", {"order": "' OR 1=1 --"}, "B103"),
        ("/api/events", {"cursor": "!!!"}, "B103"),
        ("/api/events", {"cursor": "' OR 1=1 --"}, "B103"),
        ("/api/events", {"cursor": "A" * 5000}, "B103"),
        ("/api/actors", {"cursor": "eyJhIjoxfQ"}, "B103"),
        ("/api/stances", {"position": "against"}, "B103"),
        ("/api/events", {"since": "2021-02-30"}, "B102"),
        ("/api/quotes", {"until": "2021-02-29"}, "B102"),
        ("/api/events", {"unmerged": "maybe"}, "B103"),
    ],
)
def test_odd_parameters_are_json_400(
    client: TestClient, url: str, params: dict[str, str], code: str
) -> None:
    assert _error(client, url, params)["code"] == code


def test_choices_are_case_insensitive(client: TestClient) -> None:
    lower = client.get("/api/events", params={"status": "occurred", "type": "consult"}).json()
    upper = client.get("/api/events", params={"status": "OCCURRED", "type": "CONSULT"}).json()
    assert lower["total"] == upper["total"] > 0
    assert all(e["event_type"] == "CONSULT" for e in upper["items"])
    everything = client.get("/api/events").json()["total"]
    assert client.get("/api/events", params={"type": " , "}).json()["total"] == everything
    states = client.get("/api/actors", params={"kind": "STATE", "limit": 500}).json()
    assert states["items"] and all(a["kind"] == "state" for a in states["items"])


@pytest.mark.parametrize(
    "value", ["' OR 1=1 --", "%", "_", "\\", "é中文🙂", "x" * 5000, "Robert'); DROP TABLE e;--"]
)
def test_text_parameters_are_data_not_sql(client: TestClient, value: str) -> None:
    everything = client.get("/api/events").json()["total"]
    for name in ("q", "actor", "source", "doc"):
        r = client.get("/api/events", params={name: value})
        assert r.status_code == 200, (name, r.text)
        assert r.json()["total"] < everything  # a quote or a LIKE wildcard matches no more
    for url, name in (("/api/quotes", "speaker"), ("/api/actors", "q"), ("/api/search", "q")):
        assert client.get(url, params={name: value}).status_code == 200, (url, name)
    assert client.get("/api/summary").status_code == 200


def test_event_items_carry_provenance(client: TestClient) -> None:
    """Each event names its document and evidence sentence; the offsets index the
    document's cleaned text (docs/api.md)."""
    page = client.get("/api/events", params={"limit": 20}).json()
    assert page["items"]
    docs: dict[str, str] = {}
    for item in page["items"]:
        doc = docs.setdefault(
            item["doc_id"], client.get(f"/api/documents/{item['doc_id']}").json()["text"]
        )
        assert item["sentence"] and item["sentence"].strip() in doc
        trigger = doc[item["trigger_start"] : item["trigger_end"]]
        assert trigger and trigger in item["sentence"]
        detail = client.get(f"/api/events/{item['event_id']}").json()
        for ev in detail["evidence"]:
            text = docs.setdefault(
                ev["doc_id"], client.get(f"/api/documents/{ev['doc_id']}").json()["text"]
            )
            assert text[ev["start"] : ev["end"]] == ev["text"]
            assert isinstance(ev["sentence_index"], int)
