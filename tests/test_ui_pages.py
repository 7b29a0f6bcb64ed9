"""Browser tests of the web UI over the sample database (Chromium via Playwright).

Each page is loaded from a real ``bowerbird serve`` subprocess; every test also checks that
the page logged no console error and no request failed, and saves a screenshot under
``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from _browser import Server, Watched

pytest_plugins = ["_browser"]


def get(server: Server, path: str, **params: Any) -> Any:
    qs = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
    url = server.url + "api/" + path + ("?" + qs if qs else "")
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.loads(resp.read())


def hash_id(value: str) -> str:
    return urllib.parse.quote(value, safe="")


def test_overview_shows_totals_and_top_lists(ui: Watched, sample_server: Server) -> None:
    summary = get(sample_server, "summary")
    page = ui.open("#/", "overview")
    stats = page.locator(".stat").all_inner_texts()
    assert any(f"{summary['events']:,}" in s and "events" in s for s in stats)
    assert any(f"{summary['documents']:,}" in s and "documents" in s for s in stats)
    top = summary["top_actors"][0]
    assert page.locator(f'a.actor[href="#/actor/{hash_id(top["actor_id"])}"]').count() >= 1
    assert page.get_by_text(summary["event_types"][0]["event_type"], exact=True).count() >= 1
    ui.shot("overview")
    ui.assert_clean()


def test_events_filter_changes_the_table(ui: Watched, sample_server: Server) -> None:
    total = get(sample_server, "events", limit=1)["total"]
    # The least frequent listed type: the filtered table must differ from the full one.
    etype = get(sample_server, "summary")["event_types"][-1]["event_type"]
    expected = get(sample_server, "events", type=etype, limit=1)["total"]
    assert 0 < expected < total
    page = ui.open("#/events", "events")
    assert page.locator("#event-count").inner_text().startswith(f"{total:,} event")
    before = page.locator("#events-table tbody tr").count()
    assert before == min(total, 25)
    gen = ui.gen()
    page.select_option("#event-filters select[name=type]", etype)
    page.click("#event-filters button[type=submit]")
    ui.wait_ready("events", after_gen=gen)
    assert page.locator("#event-count").inner_text().startswith(f"{expected:,} event")
    types = page.locator("#events-table tbody tr a.etype").all_inner_texts()
    assert types and set(types) == {etype}
    assert len(types) == min(expected, 25)
    assert f"type={etype}" in page.url
    ui.shot("events-filtered")
    ui.assert_clean()


def test_events_sort_and_paging(ui: Watched, sample_server: Server) -> None:
    total = get(sample_server, "events", limit=1)["total"]
    page = ui.open("#/events?sort=score&order=asc", "events")
    scores = [float(x) for x in page.locator("#events-table .score").all_inner_texts()]
    assert scores == sorted(scores)
    if total > 25:
        first = page.locator("#events-table tbody tr").first.get_attribute("data-event")
        gen = ui.gen()
        page.click("#next-page")
        ui.wait_ready("events", after_gen=gen)
        assert page.locator("text=Page 2").count() == 1
        assert page.locator(f'#events-table tr[data-event="{first}"]').count() == 0
        gen = ui.gen()
        page.click("#prev-page")
        ui.wait_ready("events", after_gen=gen)
        assert page.locator("#events-table tbody tr").first.get_attribute("data-event") == first
    ui.shot("events-sorted")
    ui.assert_clean()


def _event_with_evidence(server: Server) -> dict[str, Any]:
    for item in get(server, "events", limit=50)["items"]:
        event = get(server, "events/" + hash_id(item["event_id"]))
        if event.get("evidence") and event.get("source") and event.get("targets"):
            return dict(event)
    raise AssertionError("no event with evidence, source and target in the sample database")


def test_event_detail_highlights_evidence(ui: Watched, sample_server: Server) -> None:
    event = _event_with_evidence(sample_server)
    ev = event["evidence"][0]
    page = ui.open("#/event/" + hash_id(event["event_id"]), "event")
    mark = page.locator("mark.evidence").first
    assert mark.inner_text().strip() == ev["text"].strip()
    assert event["trigger"] in page.locator("mark.evidence mark.trigger").first.inner_text()
    # The mark sits inside the article's full cleaned text, not on its own.
    doc = get(sample_server, "documents/" + hash_id(ev["doc_id"]))
    block = page.locator(".doctext").first.inner_text()
    assert len(block) > len(ev["text"]) or block.strip() == doc["text"].strip()
    src = event["source"]["actor_id"]
    assert page.locator(f'a[href="#/actor/{hash_id(src)}"]').count() >= 1
    related = page.locator("ul.related > li > a:first-child").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    assert related == ["#/event/" + hash_id(r) for r in event["related"][:12]]
    ui.shot("event")
    ui.assert_clean()
    page.click(f'a[href^="#/doc/{hash_id(ev["doc_id"])}"]')
    ui.wait_ready("doc")
    assert page.locator(f'mark.evidence[data-events~="{event["event_id"]}"]').count() == 1
    ui.assert_clean()


def test_merged_event_lists_every_report(ui: Watched, sample_server: Server) -> None:
    merged = [e for e in get(sample_server, "events", limit=500)["items"] if e["sources"] > 1]
    assert merged, "the sample corpus reports some events in several outlets"
    event = get(sample_server, "events/" + hash_id(merged[0]["event_id"]))
    page = ui.open("#/event/" + hash_id(event["event_id"]), "event")
    heading = page.get_by_role("heading", name="Reports of this event")
    assert heading.count() == 1
    assert f"{event['sources']} outlets" in heading.inner_text()
    links = page.locator("section:has(h2:has-text('Reports of this event')) li a").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    assert links == ["#/event/" + hash_id(r["event_id"]) for r in event["merged_reports"]]
    # one evidence block per report, each marked inside its own article
    assert page.locator("mark.evidence").count() >= len({v["doc_id"] for v in event["evidence"]})
    ui.shot("event-merged")
    ui.assert_clean()


@pytest.mark.parametrize(
    ("route", "ready", "selector"),
    [
        ("#/timeline", "timeline", "svg.bars rect.bar"),
        ("#/network", "network", "svg.network a.node"),
        ("#/map", "map", "svg.map path.country"),
    ],
)
def test_chart_pages_draw(ui: Watched, route: str, ready: str, selector: str) -> None:
    page = ui.open(route, ready)
    assert page.locator(selector).count() > 0
    ui.shot(ready)
    ui.assert_clean()


def test_timeline_for_a_dyad(ui: Watched, sample_server: Server) -> None:
    dyad = get(sample_server, "summary")["top_dyads"][0]
    series = get(
        sample_server, "series", source=dyad["source"], target=dyad["target"], interval="month"
    )
    want = sum(p["count"] for p in series["points"])
    page = ui.open(
        "#/timeline?source={}&target={}&interval=month".format(
            hash_id(dyad["source"]), hash_id(dyad["target"])
        ),
        "timeline",
    )
    assert f"{want:,} events" in page.locator("#timeline-summary").inner_text()
    heights = sum(
        int(t.split(": ")[1].split(" ")[0])
        for t in page.locator("svg.bars rect.bar title").all_text_contents()
    )
    assert heights == want
    assert page.locator("svg.line path.scoreline").count() == 1
    ui.assert_clean()


def test_network_node_opens_actor_page(ui: Watched, sample_server: Server) -> None:
    page = ui.open("#/network", "network")
    dyads = get(sample_server, "dyads", limit=300, min_events=1)["items"]
    actors = {d["source"] for d in dyads} | {d["target"] for d in dyads}
    assert page.locator("svg.network a.node").count() == len(actors)
    node = page.locator("svg.network a.node").first
    actor_id = node.get_attribute("data-actor")
    node.locator("circle").click()
    ui.wait_ready("actor")
    profile = get(sample_server, "actors/" + hash_id(actor_id or ""))
    assert page.locator("h1").inner_text() == profile["actor"]["name"]
    ui.assert_clean()


def test_map_shades_countries_with_events(ui: Watched, sample_server: Server) -> None:
    places = get(sample_server, "places")
    page = ui.open("#/map", "map")
    assert page.locator("svg.map circle.place").count() == len(
        [p for p in places["items"] if p.get("lat") is not None]
    )
    shaded = set(
        page.locator("svg.map path.country.hit").evaluate_all(
            "els => els.map(e => e.dataset.country)"
        )
    )
    assert shaded and shaded <= {c["country"] for c in places["by_country"]}
    ui.assert_clean()


def test_actor_page(ui: Watched, sample_server: Server) -> None:
    top = get(sample_server, "summary")["top_actors"][0]
    profile = get(sample_server, "actors/" + hash_id(top["actor_id"]))
    page = ui.open("#/actor/" + hash_id(top["actor_id"]), "actor")
    assert page.locator("h1").inner_text() == profile["actor"]["name"]
    for cp in profile["counterparts"][:3]:
        assert page.locator(f'a.actor[href="#/actor/{hash_id(cp["actor_id"])}"]').count() >= 1
    series = get(sample_server, "series", actor=top["actor_id"], interval="month")
    bars = page.locator("svg.bars rect.bar title").all_text_contents()
    assert sum(int(b.split(": ")[1].split(" ")[0]) for b in bars) == sum(
        p["count"] for p in series["points"]
    )
    if profile["latest_quotes"]:
        assert page.locator(".quotes blockquote").count() == len(profile["latest_quotes"])
    ui.shot("actor")
    ui.assert_clean()


def test_document_page_marks_every_event_sentence(ui: Watched, sample_server: Server) -> None:
    event = _event_with_evidence(sample_server)
    doc = get(sample_server, "documents/" + hash_id(event["doc_id"]))
    page = ui.open("#/doc/" + hash_id(doc["doc_id"]), "doc")
    assert page.locator("h1").inner_text() == (doc["title"] or doc["doc_id"])
    text = page.locator("#doc-text").inner_text()
    assert text.split() == doc["text"].split()
    marked = page.locator("#doc-text mark.evidence").evaluate_all(
        "els => els.flatMap(e => e.dataset.events.split(' '))"
    )
    assert sorted(marked) == sorted(e["event_id"] for e in doc["events"])
    ui.shot("doc")
    ui.assert_clean()


def test_unknown_event_shows_an_error_not_a_crash(ui: Watched) -> None:
    page = ui.open("#/event/no-such-event", "event")
    assert "404" in page.locator(".error").inner_text()
    # The 404 of the API call is the only thing that went wrong, and it is reported on the page.
    assert ui.errors and all("no-such-event" in e or "404" in e for e in ui.errors)


def test_document_page_lists_removed_furniture(ui: Watched, sample_server: Server) -> None:
    doc_ids = sorted({e["doc_id"] for e in get(sample_server, "events", limit=500)["items"]})
    docs = [get(sample_server, "documents/" + d) for d in doc_ids]
    doc = next((d for d in docs if d["furniture"] and "/" in d["doc_id"]), None)
    if doc is None:
        pytest.skip("no document with removed furniture in the sample database")
    page = ui.open("#/doc/" + hash_id(doc["doc_id"]), "doc")
    rows = page.locator("table.furniture tbody tr")
    assert rows.count() == len(doc["furniture"])
    page.locator("details summary").click()
    struck = page.locator("del.furniture").all_inner_texts()
    assert len(struck) >= 1
    assert all(s in doc["pre_clean_text"] for s in struck)
    assert (
        "".join(struck).split()
        == "".join(doc["pre_clean_text"][f["start"] : f["end"]] for f in doc["furniture"]).split()
    )
    ui.assert_clean()


def test_actor_page_shows_stances_by_issue(ui: Watched, sample_server: Server) -> None:
    stances = get(sample_server, "stances?limit=500")["items"]
    actor_id = stances[0]["actor"]["actor_id"]
    profile = get(sample_server, "actors/" + urllib.parse.quote(actor_id, safe=""))
    route = "#/actor/" + hash_id(actor_id)
    page = ui.open(route, "actor")
    assert page.get_by_role("heading", name="Stances").count() == 1
    rows = page.locator("table.stances tbody tr")
    assert rows.count() == len(profile["stances"]) > 0
    shown = page.locator("table.stances").inner_text()
    for entry in profile["stances"]:
        assert entry["issue"].replace("_", " ") in shown
    # untrusted evidence text in a stance stays text (profile answered by the browser)
    hostile = dict(profile)
    latest = {**profile["stances"][0]["latest"], "text": "sanctions <b>now</b>"}
    hostile["stances"] = [{**profile["stances"][0], "latest": latest}]
    page.route("**/api/actors/*", lambda r: r.fulfill(json=hostile))
    page.goto("about:blank")
    ui.open(route, "actor")
    assert "sanctions <b>now</b>" in page.locator("table.stances").inner_text()
    assert page.locator("table.stances b").count() == 0
    ui.assert_clean()
