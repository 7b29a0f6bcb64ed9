"""HTTP API: every endpoint against the sample database, and the JSON error shape."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bowerbird.api.app import create_app


@pytest.fixture(scope="module")
def client(sample_db: str, lexicon: Any) -> Iterator[TestClient]:
    with TestClient(create_app(sample_db, lexicon=lexicon)) as c:
        yield c


def get(client: TestClient, url: str, status: int = 200) -> Any:
    r = client.get(url)
    assert r.status_code == status, (url, r.text)
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


def assert_error(body: Any, status: int, code: str | None = None) -> None:
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message"}
    assert err["status"] == status
    assert "\n" not in err["message"] and err["message"]
    if code is not None:
        assert err["code"] == code


def test_summary_matches_database(client: TestClient) -> None:
    s = get(client, "/api/summary")
    assert s["events"] > 0 and s["documents"] > 0
    assert sum(s["quad_counts"].values()) == s["events"]
    assert set(s["quad_counts"]) == {"0", "1", "2", "3", "4"}
    counts = [a["events"] for a in s["top_actors"]]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    assert s["first_date"] <= s["last_date"]


def test_events_one_item_per_event_with_targets(client: TestClient) -> None:
    page = get(client, "/api/events?limit=500")
    ids = [e["event_id"] for e in page["items"]]
    assert len(ids) == len(set(ids)) == page["total"]
    assert page["next_cursor"] is None
    assert page["total"] == get(client, "/api/summary")["events"]
    dates = [e["date"] for e in page["items"]]
    assert dates == sorted(dates, reverse=True)  # default: newest first
    with_targets = [e for e in page["items"] if e["targets"]]
    assert with_targets and all(t["actor_id"] and t["name"] for t in with_targets[0]["targets"])
    for e in page["items"]:
        assert e["sentence"] is None or e["trigger"].split()[0].lower() in e["sentence"].lower()


def test_events_filters(client: TestClient) -> None:
    s = get(client, "/api/summary")
    dyad = s["top_dyads"][0]
    page = get(client, f"/api/events?source={dyad['source']}&target={dyad['target']}&limit=500")
    assert page["total"] >= dyad["events"]
    for e in page["items"]:
        # an actor value matches an id, a country code or a name substring (query.actor_match)
        src = e["source"]
        assert dyad["source"] in (src["actor_id"], src["country"]) or dyad["source"] in src["name"]
    etype = s["event_types"][0]
    typed = get(client, f"/api/events?type={etype['event_type'].lower()}&limit=1")
    assert typed["total"] == etype["events"]
    first = s["first_date"]
    early = get(client, f"/api/events?until={first}&limit=500")
    assert early["total"] >= 1 and all(e["date"] == first for e in early["items"])
    late = get(client, f"/api/events?since={s['last_date']}&sort=date&order=asc&limit=500")
    assert all(e["date"] == s["last_date"] for e in late["items"])
    word = early["items"][0]["trigger"].split()[0]
    found = get(client, f"/api/events?q={word}&limit=500")
    assert early["items"][0]["event_id"] in {e["event_id"] for e in found["items"]}


def test_event_detail_and_document(client: TestClient) -> None:
    first = get(client, "/api/events?limit=1")["items"][0]
    event = get(client, f"/api/events/{first['event_id']}")
    assert {k: event[k] for k in first} == first
    assert event["evidence"] and event["evidence"][0]["doc_id"] == event["doc_id"]
    assert event["event_id"] not in event["related"]
    doc = get(client, f"/api/documents/{event['doc_id']}")
    ev = event["evidence"][0]
    assert doc["text"][ev["start"] : ev["end"]] == ev["text"]
    assert event["event_id"] in {e["event_id"] for e in doc["events"]}
    trig = next(e for e in doc["events"] if e["event_id"] == event["event_id"])
    assert (
        doc["text"][trig["start"] : trig["end"]] == event["trigger"][: trig["end"] - trig["start"]]
    )
    for span in doc["sentences"]:
        assert 0 <= span["start"] <= span["end"] <= len(doc["text"])
    for f in doc["furniture"]:
        assert doc["pre_clean_text"][f["start"] : f["end"]] == f["text"]
    for rel in event["related"]:
        assert get(client, f"/api/events/{rel}")["doc_id"] == event["doc_id"]


def test_document_id_with_slash(client: TestClient) -> None:
    docs = get(client, "/api/search?q=the&limit=100")["documents"]
    slashed = [d for d in docs if "/" in d["doc_id"]]
    if not slashed:
        pytest.skip("sample corpus has no document id with a slash")
    assert get(client, f"/api/documents/{slashed[0]['doc_id']}")["doc_id"] == slashed[0]["doc_id"]


def test_actors_and_profile(client: TestClient) -> None:
    page = get(client, "/api/actors?limit=5")
    assert len(page["items"]) == 5 and page["next_cursor"]
    top = page["items"][0]
    prof = get(client, f"/api/actors/{top['actor_id']}")
    assert prof["actor"]["actor_id"] == top["actor_id"]
    assert prof["actor"]["events"] == top["events"]
    total = sum(c["as_source"] + c["as_target"] for c in prof["event_counts"])
    assert total >= top["events"]
    assert sum(p["count"] for p in prof["timeline"]) == top["events"]
    listed = get(client, f"/api/events?actor={top['actor_id']}&limit=500")
    assert listed["total"] >= top["events"]
    persons = get(client, "/api/actors?kind=person&limit=500")["items"]
    assert persons and all(p["kind"] == "person" for p in persons)
    with_office = [get(client, f"/api/actors/{p['actor_id']}")["offices"] for p in persons[:10]]
    offices = [o for offs in with_office for o in offs]
    assert offices and all(o["office"] and o["start"] for o in offices)


def test_dyads_series_places(client: TestClient) -> None:
    dyads = get(client, "/api/dyads?limit=3")
    assert len(dyads["items"]) <= 3 and dyads["total"] >= len(dyads["items"])
    d = dyads["items"][0]
    assert d == get(client, "/api/summary")["top_dyads"][0]
    only = get(client, f"/api/dyads?min_events={d['events']}&limit=500")
    assert all(x["events"] >= d["events"] for x in only["items"])
    for interval in ("day", "week", "month"):
        s = get(
            client, f"/api/series?source={d['source']}&target={d['target']}&interval={interval}"
        )
        assert s["interval"] == interval
        # a country-code actor value also matches that country's people and bodies
        assert sum(p["count"] for p in s["points"]) >= d["events"]
        for p in s["points"]:
            assert sum(p["quad"].values()) == p["count"]
    both = get(client, f"/api/series?source={d['target']}&target={d['source']}&symmetric=true")
    assert sum(p["count"] for p in both["points"]) >= d["events"]
    months = get(client, "/api/series?interval=month")["points"]
    assert sum(p["count"] for p in months) == get(client, "/api/summary")["events"]
    assert all(p["period"].endswith("-01") for p in months)
    places = get(client, "/api/places")
    for p in places["items"]:
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 and p["events"] > 0


def test_quotes_and_search(client: TestClient) -> None:
    page = get(client, "/api/quotes?limit=500")
    assert page["total"] == len(page["items"]) > 0
    speaker = next(q["speaker"] for q in page["items"] if q["speaker"])
    by = get(client, f"/api/quotes?speaker={speaker['actor_id']}&limit=500")
    assert by["items"] and all(q["speaker"] for q in by["items"])
    word = page["items"][0]["text"].split()[-1]
    res = get(client, f"/api/search?q={word}")
    assert set(res) == {"actors", "events", "documents", "quotes"}
    assert any(word.lower() in q["text"].lower() for q in res["quotes"])


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("/api/events?since=2021-02-30", "B102"),
        ("/api/events?until=yesterday", "B102"),
        ("/api/series?interval=year", "B103"),
        ("/api/events?sort=colour", "B103"),
        ("/api/events?order=up", "B103"),
        ("/api/events?limit=501", "B103"),
        ("/api/events?limit=0", "B103"),
        ("/api/events?limit=ten", "B103"),
        ("/api/events?cursor=bm90LWEtY3Vyc29y", "B103"),
        ("/api/quotes?limit=1000", "B103"),
        ("/api/dyads?min_events=0", "B103"),
        ("/api/search", "B103"),
    ],
)
def test_bad_parameters_are_400(client: TestClient, url: str, code: str) -> None:
    assert_error(get(client, url, 400), 400, code)


@pytest.mark.parametrize(
    "url",
    [
        "/api/events/no-such-event",
        "/api/documents/no-such-doc",
        "/api/actors/no-such-actor",
        "/api/no-such-endpoint",
        "/api/events/x/y",
    ],
)
def test_unknown_is_404_json(client: TestClient, url: str) -> None:
    assert_error(get(client, url, 404), 404)


def test_only_get(client: TestClient) -> None:
    r = client.post("/api/events")
    assert r.status_code == 405
    assert_error(r.json(), 405)


def test_merged_events_list_and_detail(client: TestClient) -> None:
    s = get(client, "/api/summary")
    merged = get(client, "/api/events?limit=500")
    raw = get(client, "/api/events?limit=500&unmerged=true")
    assert merged["total"] == s["events"] and raw["total"] == s["reports"]
    assert merged["total"] < raw["total"]  # the sample corpus reports events several times
    multi = [e for e in merged["items"] if e["reports"] > 1]
    assert multi, "some sample event is reported more than once"
    event = get(client, f"/api/events/{multi[0]['event_id']}")
    reports = event["merged_reports"]
    assert len(reports) >= 2 and event["report_id"] == event["event_id"]
    assert {r["event_id"] for r in reports} >= {event["event_id"]}
    assert {v["event_id"] for v in event["evidence"]} == {r["event_id"] for r in reports}
    assert all(r["reasons"] is not None for r in reports)  # each was joined for a reason
    # asking for a non-representative report gives the same merged event
    other = next(r["event_id"] for r in reports if r["event_id"] != event["event_id"])
    again = get(client, f"/api/events/{other}")
    assert again["event_id"] == event["event_id"] and again["report_id"] == other
    raw_ids = {e["event_id"] for e in raw["items"]}
    assert other in raw_ids and other not in {e["event_id"] for e in merged["items"]}


def test_stances_endpoint_pages_and_filters(client: TestClient) -> None:
    every = get(client, "/api/stances?limit=500")
    assert every["total"] == len(every["items"]) > 0
    seen: list[str] = []
    cursor = None
    while True:
        url = "/api/stances?limit=7" + (f"&cursor={cursor}" if cursor else "")
        pg = get(client, url)
        seen += [s["stance_id"] for s in pg["items"]]
        cursor = pg["next_cursor"]
        if cursor is None:
            break
    assert seen == [s["stance_id"] for s in every["items"]]  # no gaps, no duplicates
    first = every["items"][0]
    issue = get(client, f"/api/stances?issue={first['issue']}&limit=500")
    assert issue["items"] and all(s["issue"] == first["issue"] for s in issue["items"])
    opposed = get(client, "/api/stances?position=oppose&limit=500")
    assert all(s["position"] == "oppose" for s in opposed["items"])
    bad = client.get("/api/stances?position=maybe")
    assert bad.status_code == 400 and bad.json()["error"]["status"] == 400
    assert client.get("/api/stances?cursor=garbage").status_code == 400


def test_actor_profile_lists_stances_by_issue(client: TestClient) -> None:
    rows = get(client, "/api/stances?limit=500")["items"]
    actor_id = rows[0]["actor"]["actor_id"]
    own = [s for s in rows if s["actor"]["actor_id"] == actor_id]
    profile = get(client, f"/api/actors/{actor_id}")
    by_issue = {e["issue"]: e for e in profile["stances"]}
    assert set(by_issue) == {s["issue"] for s in own}
    for issue, entry in by_issue.items():
        mine = [s for s in own if s["issue"] == issue]
        assert entry["support"] + entry["oppose"] + entry["neutral"] == len(mine)
        assert entry["latest"]["text"] in {s["evidence"]["text"] for s in mine}
