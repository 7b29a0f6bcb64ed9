"""Golden tests on the bundled sample corpus.

1. Expected events, quotes and stances written by hand (``corpus/expected/``) are scored with
   :mod:`bowerbird.evaluation.corpus`; the floors below are the measured figures of the
   current pipeline, so any regression fails (raise them as extraction improves; never
   lower them without a note in CHANGELOG.md).
2. A snapshot of the coded events (``tests/golden/sample_events.jsonl``) must match
   exactly; regenerate it deliberately with ``pytest --update-golden``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bowerbird import query, query_docs, query_statements
from bowerbird.evaluation.corpus import load_expected, score_store
from bowerbird.evaluation.merge_corpus import found_reports, score_merge
from bowerbird.store.writer import Store
from conftest import REPO

FLOORS = {
    "event_recall": 0.39,
    "event_precision": 0.56,
    "date_accuracy": 0.9,
    "quote_recall": 0.7,
    # stances: expected files list every position a reader takes from the text
    "stance_precision": 0.78,
    "stance_recall": 0.5,
}
SNAPSHOT = REPO / "tests" / "golden" / "sample_events.jsonl"


@pytest.fixture(scope="module")
def con(sample_db: str) -> Any:
    store = Store.open(sample_db, read_only=True)
    yield store.con
    store.close()


def test_golden_every_article_processed_and_none_rejected(con: Any) -> None:
    docs = {d["doc_id"] for d in query_docs.docs(con)}
    expected = {e["doc_id"] for e in load_expected(REPO / "corpus")}
    assert docs == expected
    assert query_docs.rejections(con) == []


def test_golden_expected_events_and_quotes_meet_floors(con: Any, lexicon: Any) -> None:
    scores = score_store(con, load_expected(REPO / "corpus"), lexicon)
    report = {k: round(v, 3) for k, v in scores.items() if isinstance(v, float)}
    for key, floor in FLOORS.items():
        assert scores[key] >= floor, (key, report, scores["errors"][:20])


def test_golden_publication_dates(con: Any) -> None:
    expected = {e["doc_id"]: e["published"] for e in load_expected(REPO / "corpus")}
    got = {d["doc_id"]: d["published"] for d in query_docs.docs(con)}
    assert got == expected


def test_golden_no_event_from_page_furniture(con: Any) -> None:
    furniture = (
        "free articles left",
        "Subscribe",
        "Related articles",
        "Share this",
        "Advertisement",
    )
    for ev in query.events(con):
        for e in ev["evidence"]:
            assert not any(f in e["text"] for f in furniture), e["text"]
    for q in query_statements.quotes(con):
        assert not any(f in q["text"] for f in furniture), q["text"]
    for st in query_statements.stances(con):
        assert not any(f in st["evidence"]["text"] for f in furniture), st["evidence"]["text"]


def test_golden_stances_rest_on_their_sentence(con: Any) -> None:
    """Every stance's evidence is the cleaned text at its offsets; its quote/event exist."""
    stances = query_statements.stances(con)
    assert stances
    quote_ids = {q["quote_id"] for q in query_statements.quotes(con)}
    # stances and quotes link to the reports (raw events) of their own sentences
    event_ids = {e["event_id"] for e in query.events(con, query.EventFilter(unmerged=True))}
    for st in stances:
        ev = st["evidence"]
        doc = query_docs.document(con, ev["doc_id"])
        assert doc is not None
        assert doc["text"][ev["start"] : ev["end"]] == ev["text"]
        assert st["quote_id"] is None or st["quote_id"] in quote_ids
        assert st["event_id"] is None or st["event_id"] in event_ids
    for q in query_statements.quotes(con):
        assert set(q["event_ids"]) <= event_ids


#: Merging on the sample corpus: share of article pairs reporting the same (real_event,
#: type) whose reports were joined, and the least number of such pairs the extraction finds.
MERGE_RECALL_FLOOR = 0.9
MERGE_PAIRS_FLOOR = 14


def test_golden_merge_joins_reports_of_one_event(con: Any, lexicon: Any) -> None:
    result = score_merge(con, load_expected(REPO / "corpus"), lexicon)
    assert result["same_event_pairs"] >= MERGE_PAIRS_FLOOR, result
    assert result["merge_recall"] >= MERGE_RECALL_FLOOR, result["missed_merges"]
    # restatements of one event inside an article are all joined
    assert result["within_doc_pairs"] > 0
    assert result["within_doc_merged"] == result["within_doc_pairs"], result["missed_merges"]


def test_golden_merge_keeps_distinct_occurrences_apart(con: Any, lexicon: Any) -> None:
    result = score_merge(con, load_expected(REPO / "corpus"), lexicon)
    assert result["distinct_event_pairs"] > 0
    assert result["over_merged"] == 0, result["over_merge_pairs"]
    # the same pair on two different days (US sanctions of 22 and 24 Feb 2022) stays apart
    found = found_reports(con, load_expected(REPO / "corpus"), lexicon)
    clusters = dict(con.execute("SELECT event_id, cluster_id FROM event_clusters").fetchall())
    by_day: dict[str, set[str]] = {}
    for _doc, real, _type, ids in found:
        if real.startswith("us-sanctions-russia-2022-02-"):
            by_day.setdefault(real, set()).update(clusters[i] for i in ids)
    assert len(by_day) == 2, by_day
    assert not (by_day["us-sanctions-russia-2022-02-22"] & by_day["us-sanctions-russia-2022-02-24"])


def test_golden_merged_events_count_outlets(con: Any) -> None:
    merged = query.events(con)
    raw = query.events(con, query.EventFilter(unmerged=True))
    assert len({e["event_id"] for e in merged}) < len({e["event_id"] for e in raw})
    multi = [e for e in merged if e["sources"] >= 2]
    assert multi, "no event is reported by two outlets"
    for e in multi:
        assert len({v["doc_id"] for v in e["evidence"]}) >= 2


def _snapshot_rows(con: Any) -> list[str]:
    rows = []
    for e in query.events(con, query.EventFilter(unmerged=True)):
        ev = e["evidence"][0]
        rows.append(
            json.dumps(
                {
                    "doc": ev["doc_id"],
                    "sentence": ev["sentence_index"],
                    "type": e["event_type"],
                    "mode": e["mode"],
                    "status": e["status"],
                    "date": e["date"],
                    "precision": e["date_precision"],
                    "date_source": e["date_source"],
                    "source": (e["source"] or {}).get("actor_id"),
                    "target": (e["target"] or {}).get("actor_id"),
                    "location": (e["location"] or {}).get("name"),
                },
                sort_keys=True,
            )
        )
    return sorted(rows)


def test_golden_snapshot_of_coded_events(con: Any, update_golden: bool) -> None:
    rows = _snapshot_rows(con)
    if update_golden or not SNAPSHOT.exists():
        SNAPSHOT.write_text("\n".join(rows) + "\n", encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{SNAPSHOT} did not exist and was written; run again")
    want = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    assert rows == want, "coded events changed: review, then run `pytest --update-golden`"


def test_golden_bad_inputs_become_rejections(engine: Any, tmp_path: Path) -> None:
    from bowerbird.pipeline import run

    bad = REPO / "tests" / "fixtures" / "bad"
    store = Store.open(str(tmp_path / "bad.duckdb"))
    report = run(
        [str(bad)],
        engine.settings,
        write=store.write_batch,
        known_hashes=store.known_hashes,
        engine=engine,
    )
    codes = {r["doc_id"]: r["code"] for r in query_docs.rejections(store.con)}
    store.close()
    assert report.rejected == len(codes) and report.processed >= 2
    assert codes.get("empty.txt") == "empty"
    assert codes.get("binary.txt") == "binary"
    assert codes.get("truncated.html") == "truncated_html"
    assert codes.get("french.txt") == "not_english"
    assert "malformed_record" in codes.values()
