"""Syndicated copies: MinHash similarity, links to the original, order independence."""

from __future__ import annotations

import dataclasses
from typing import Any

from _store_fixtures import make_article
from bowerbird import query, query_docs
from bowerbird.merge.syndication import band_hashes, signature, similarity
from bowerbird.records import Article
from bowerbird.store.writer import Store

WIRE = (
    "Foreign ministers from both countries met in the capital on Friday and agreed to "
    "resume regular consultations after a year in which contacts had been frozen. "
    "Officials said the talks covered trade, border security and the return of detained "
    "fishermen, and that a joint commission would meet again before the end of the year. "
    "Neither side gave details of the timetable, but diplomats described the atmosphere "
    "as constructive and said working groups had been told to prepare draft texts."
)
EDITED = WIRE.replace("on Friday", "on Friday afternoon").replace(
    "diplomats described", "several diplomats described"
)
OTHER = (
    "Heavy rain flooded low-lying districts of the port city overnight, forcing hundreds "
    "of families to leave their homes as rivers burst their banks. Emergency crews used "
    "boats to reach residents trapped on rooftops, and schools were closed for the day. "
    "Forecasters warned that more storms were expected over the weekend."
)


def test_near_copy_is_similar_and_another_story_is_not() -> None:
    assert similarity(signature(WIRE), signature(EDITED)) >= 0.7
    assert similarity(signature(WIRE), signature(OTHER)) < 0.2


def test_copies_share_an_lsh_band() -> None:
    assert set(band_hashes(signature(WIRE))) & set(band_hashes(signature(EDITED)))
    assert not set(band_hashes(signature(WIRE))) & set(band_hashes(signature(OTHER)))


def _doc(doc_id: str, text: str, outlet: str, published: str, **event: Any) -> Article:
    art = make_article(doc_id, text, published=published, events=(event,))
    assert art.document is not None
    return dataclasses.replace(art, document=dataclasses.replace(art.document, outlet=outlet))


def _links(batches: list[list[Article]]) -> tuple[set[tuple[str, str]], list[Any]]:
    store = Store.open(":memory:")
    for batch in batches:
        store.write_batch(batch)
    links = {
        (str(a), str(b), float(s))
        for a, b, s in store.con.execute(
            "SELECT doc_id, original_doc_id, round(similarity, 6) FROM document_links"
        ).fetchall()
    }
    events = query.events(store.con)
    copies = {d["doc_id"]: d["copy_of"] for d in query_docs.docs(store.con)}
    assert {(k, v) for k, v in copies.items() if v} == {(a, b) for a, b, _ in links}
    store.close()
    return links, events


def test_syndicated_copy_links_to_the_earliest_whatever_the_order() -> None:
    original = _doc("wire", WIRE, "Wire Agency", "2024-03-01")
    copy = _doc("reprint", EDITED, "Daily Reprint", "2024-03-02")
    copy2 = _doc("reprint2", WIRE + " Ends.", "Evening Reprint", "2024-03-02")
    other = _doc("floods", OTHER, "Daily Reprint", "2024-03-01", date="2024-02-01")
    want = {("reprint", "wire"), ("reprint2", "wire")}
    together, events = _links([[original, copy, copy2, other]])
    assert {(a, b) for a, b, _ in together} == want
    assert all(0.7 <= s <= 1.0 for _, _, s in together)
    assert _links([[copy2], [copy], [other], [original]])[0] == together
    assert _links([[copy, other], [original, copy2]])[0] == together
    # the copies' evidence is kept, but they are not counted again as reports or sources
    wire_events = [e for e in events if "wire" in {v["doc_id"] for v in e["evidence"]}]
    assert len(wire_events) == 1
    ev = wire_events[0]
    assert {v["doc_id"] for v in ev["evidence"]} == {"wire", "reprint", "reprint2"}
    assert ev["reports"] == 1 and ev["sources"] == 1


def test_signature_equals_a_fresh_minhash_of_the_shingles() -> None:
    """Reusing the drawn permutations gives the values a fresh MinHash(64, seed=1) gives,
    so signatures stored before the speed-up still compare with new ones."""
    import re

    from datasketch import MinHash

    for text in (WIRE, OTHER, "", "one two"):
        tokens = re.findall(r"\w+", text.lower())
        fresh = MinHash(num_perm=64, seed=1)
        span = max(1, len(tokens) - 4)
        fresh.update_batch([" ".join(tokens[i : i + 5]).encode("utf-8") for i in range(span)])
        assert signature(text) == [int(v) for v in fresh.hashvalues]
        assert signature(text) == signature(text)  # the cached permutations are not mutated
