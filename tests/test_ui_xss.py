"""The web UI never turns untrusted text into markup.

An article whose title, outlet, URL and text carry script tags, event-handler attributes and
attribute-looking text goes through the real pipeline into a temporary database; its event
and document pages must show that text literally and run none of it.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from _browser import Server

pytest_plugins = ["_browser"]

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
ATTR = '" onmouseover="window.__pwned=1" data-x="'
TEXT = (
    f"Russia accused Ukraine on Monday of shelling the border town of Belgorod {SCRIPT}.\n\n"
    f"Ukraine rejected the accusation and said the claim {IMG} was invented.\n\n"
    f"Officials in Kyiv called the statement {ATTR} a provocation.\n"
)


@pytest.fixture(scope="module")
def hostile_server(engine: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    from _browser import Server
    from bowerbird.evaluation.corpus import run_corpus

    folder = tmp_path_factory.mktemp("hostile")
    record = {
        "id": "hostile-1",
        "title": f"Shelling claims {SCRIPT} {IMG}",
        "outlet": 'Evil <b onclick="window.__pwned=1">Gazette</b>',
        "url": "javascript:window.__pwned=1",
        "published": "2024-05-06",
        "text": TEXT,
    }
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = str(Path(tmp_path_factory.mktemp("hostile-db")) / "hostile.duckdb")
    run_corpus(folder, db, engine.settings, engine)
    server = Server(db)
    try:
        yield server
    finally:
        server.stop()


def _get(server: Server, path: str) -> Any:
    with urllib.request.urlopen(server.url + "api/" + path, timeout=10) as resp:
        return json.loads(resp.read())


def test_hostile_text_is_shown_literally_and_never_runs(
    browser: Any, hostile_server: Server
) -> None:
    from _browser import watch

    events = _get(hostile_server, "events?limit=50")["items"]
    assert events, "the hostile article produced no event"
    doc = _get(hostile_server, "documents/hostile-1")
    assert SCRIPT in doc["text"] and IMG in doc["text"]
    hostile = [e for e in events if "<" in e["sentence"] or '"' in e["sentence"]] or events
    w = watch(browser, hostile_server.url)
    try:
        pages = [("#/doc/hostile-1", "doc")]
        pages += [
            ("#/event/" + urllib.parse.quote(e["event_id"], safe=""), "event") for e in hostile
        ]
        pages += [("#/events", "events"), ("#/search?q=Belgorod", "search")]
        for route, ready in pages:
            page = w.open(route, ready)
            assert page.evaluate("typeof window.__pwned") == "undefined", route
            assert (
                page.locator(
                    "#view script, #view img, #view [onerror], #view [onmouseover]"
                ).count()
                == 0
            )
            body = page.locator("#view").inner_text()
            if ready in ("doc", "event"):
                assert SCRIPT in body and IMG in body, route
        page = w.open("#/doc/hostile-1", "doc")
        assert page.locator("h1").inner_text() == f"Shelling claims {SCRIPT} {IMG}"
        assert ATTR.strip() in page.locator("#doc-text").inner_text()
        # A javascript: URL never becomes a link.
        assert page.locator('a[href^="javascript:"]').count() == 0
        # Hovering and clicking the literal markup runs nothing either.
        page.locator("#doc-text").hover()
        page.locator("h1").click()
        assert page.evaluate("typeof window.__pwned") == "undefined"
        w.shot("xss-doc")
        w.assert_clean()
    finally:
        w.page.context.close()
