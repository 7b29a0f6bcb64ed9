"""Ingest-order independence of merging on the real sample corpus.

The corpus is analysed once; the analysed articles are then stored in different orders
(A then B, B then A, A and B together, one by one in reverse) and the merged events, the
links and the syndication links must be identical.
"""

from __future__ import annotations

from typing import Any

import pytest

from bowerbird.pipeline import process_batch
from bowerbird.records import Article, RawDocument
from bowerbird.stages.ingest import Ingester, collect_files
from bowerbird.store.writer import Store
from conftest import REPO


@pytest.fixture(scope="module")
def articles(engine: Any) -> list[Article]:
    files, _ = collect_files([REPO / "corpus"])
    raws = [
        i
        for i in Ingester(engine.settings.max_text_bytes).iter_items(files)
        if isinstance(i, RawDocument)
    ]
    done = [a for a in process_batch(engine, raws) if a.rejection is None]
    assert len(done) >= 20
    return done


def _state(batches: list[list[Article]]) -> tuple[Any, ...]:
    store = Store.open(":memory:")
    for batch in batches:
        store.write_batch(batch)
    con = store.con
    groups: dict[str, set[str]] = {}
    for event_id, cluster_id in con.execute("SELECT * FROM event_clusters").fetchall():
        groups.setdefault(cluster_id, set()).add(event_id)
    clusters = sorted((c, sorted(m)) for c, m in groups.items())
    links = sorted(
        con.execute("SELECT event_id, other_event_id, score FROM merge_links").fetchall()
    )
    copies = sorted(con.execute("SELECT doc_id, original_doc_id FROM document_links").fetchall())
    store.close()
    return clusters, links, copies


def test_corpus_merge_does_not_depend_on_ingest_order(articles: list[Article]) -> None:
    half = len(articles) // 2
    a, b = articles[:half], articles[half:]
    together = _state([a + b])
    clusters, links, _ = together
    assert links, "the corpus should contain reports that merge"
    assert sum(1 for _, m in clusters if len(m) > 1) >= 5
    assert _state([a, b]) == together
    assert _state([b, a]) == together
    assert _state([[x] for x in reversed(articles)]) == together


def test_one_actor_id_has_one_name_across_the_corpus(articles: list[Article]) -> None:
    """Every stage builds an actor of a given id the same way (the places stage once named
    states after the gazetteer, "Palestinian Territory", and the actors stage after the
    lexicon, "Palestine"), so the stored name does not depend on which article came last."""
    from bowerbird.store.arrow import collect_actors

    names: dict[str, set[str]] = {}
    for art in articles:
        for actor in collect_actors([art]):
            names.setdefault(actor.actor_id, set()).add(actor.name)
    assert len(names) > 30
    assert {k: v for k, v in names.items() if len(v) > 1} == {}
