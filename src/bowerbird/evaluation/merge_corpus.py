"""Score the event merge on a corpus whose answer keys name the real-world occurrence.

Every expected event carries a ``real_event`` slug (``corpus/README.md``); the pair
(``real_event``, event type) identifies one event across articles.  Each expected event
is matched to the stored *reports* that code it (same rules as
:mod:`bowerbird.evaluation.corpus`), then:

* **under-merging**: for every two articles that both report the same (real_event,
  type), were their reports joined into one merged event?  ``merge_recall`` is the share
  of such article pairs that were;
* **restatements**: reports of one expected event inside one article (headline, lede,
  background) should be one merged event (``within_doc_pairs``/``within_doc_merged``);
* **over-merging**: for every two different real events (e.g. the same pair meeting on
  two different days), were distinct reports of them joined?  ``over_merged`` counts
  those pairs (``over_merge_pairs`` lists them).
"""

from __future__ import annotations

from datetime import date
from itertools import combinations
from typing import Any

from bowerbird import query
from bowerbird.evaluation.corpus import _ActorMatcher, _event_matches, _in_sentence
from bowerbird.lexicons import Lexicon, load_lexicon


def _clusters(con: Any) -> dict[str, str]:
    return {str(a): str(b) for a, b in con.execute("SELECT * FROM event_clusters").fetchall()}


def found_reports(
    con: Any, expected: list[dict[str, Any]], lexicon: Lexicon | None = None
) -> list[tuple[str, str, str, set[str]]]:
    """(doc_id, real_event, event_type, matching report ids) per found expected event."""
    m = _ActorMatcher(lexicon or load_lexicon())
    out = []
    for exp_doc in expected:
        doc_id = exp_doc["doc_id"]
        day = date.fromisoformat(exp_doc["published"]) if exp_doc.get("published") else None
        rows = query.events(con, query.EventFilter(doc=doc_id, unmerged=True))
        for exp in exp_doc.get("events", []):
            if not exp.get("real_event"):
                continue
            ids = {
                e["event_id"]
                for e in rows
                if _in_sentence(e, exp["sentence_contains"])
                and _event_matches(m, e, exp, need_target=True, day=day)
                and e["status"] == exp.get("status", "occurred")
            }
            if ids:
                out.append((doc_id, exp["real_event"], exp["event_type"], ids))
    return out


def score_merge(
    con: Any, expected: list[dict[str, Any]], lexicon: Lexicon | None = None
) -> dict[str, Any]:
    """Under- and over-merging of the stored merged events against the answer keys."""
    clusters = _clusters(con)
    found = found_reports(con, expected, lexicon)

    def cl(ids: set[str]) -> set[str]:
        return {clusters.get(i, i) for i in ids}

    same_pairs = merged = 0
    missed: list[str] = []
    for a, b in combinations(found, 2):
        if (a[1], a[2]) != (b[1], b[2]) or a[0] == b[0]:
            continue
        same_pairs += 1
        if cl(a[3]) & cl(b[3]):
            merged += 1
        else:
            missed.append(f"{a[1]} {a[2]}: {a[0]} / {b[0]}")
    # restatements inside one article: several reports coding one expected event
    within = within_merged = 0
    for doc_id, real, etype, ids in found:
        for x, y in combinations(sorted(ids), 2):
            within += 1
            if clusters.get(x, x) == clusters.get(y, y):
                within_merged += 1
            else:
                missed.append(f"{real} {etype}: two reports in {doc_id}")
    over: list[str] = []
    distinct_pairs = 0
    for a, b in combinations(found, 2):
        if a[1] == b[1] or a[3] & b[3]:
            continue  # same occurrence, or one report coding both (an extraction matter)
        distinct_pairs += 1
        if cl(a[3]) & cl(b[3]):
            over.append(f"{a[1]} ({a[0]}) + {b[1]} ({b[0]}) as {a[2]}/{b[2]}")
    return {
        "found_events": len(found),
        "same_event_pairs": same_pairs,
        "merged_pairs": merged,
        "merge_recall": merged / same_pairs if same_pairs else 1.0,
        "within_doc_pairs": within,
        "within_doc_merged": within_merged,
        "distinct_event_pairs": distinct_pairs,
        "over_merged": len(over),
        "over_merge_pairs": sorted(set(over)),
        "missed_merges": missed,
    }
