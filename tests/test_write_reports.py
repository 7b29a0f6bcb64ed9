"""The writer builds the new reports of a batch in memory (no query): they must equal the
reports :func:`load_reports` reads back from the database after the batch is stored."""

from __future__ import annotations

import dataclasses

from _store_fixtures import CHN, RUS_MIL, UN, USA, WANG, make_article
from bowerbird.merge.store import load_reports, merge_key, reports_from_articles
from bowerbird.records import Actor, Location
from bowerbird.store.writer import Store

PERSON = Actor("person:jane-roe", "Jane Roe", "GBR", "ELI", "person")
NO_COUNTRY = Actor("org:nowhere", "Nowhere Group", None, "GOV", "group")


def _articles() -> list:
    paris = Location("Paris", "FRA", 48.85, 2.35)
    return [
        make_article(
            "d1",
            "US accused China.\nSecond line.",
            events=(
                {},
                {"targets": (), "event_type": "THREATEN"},
                {"source": None, "targets": (UN, PERSON), "location": paris},
            ),
        ),
        make_article(
            "d2",
            "Russian troops and Wang Yi.",
            events=(
                {"source": RUS_MIL, "targets": (WANG, CHN), "date": "2024-02-29"},
                {"source": NO_COUNTRY, "targets": (USA,), "status": "planned"},
            ),
        ),
    ]


def test_in_memory_reports_equal_stored_reports() -> None:
    arts = _articles()
    # the same person holding a government office in a later article: each event keeps the
    # attributes of its own article (stored with the event), whatever the actors table says
    later = dataclasses.replace(PERSON, sector="GOV")
    arts.append(make_article("d3", "Jane Roe spoke.", events=({"source": later},)))
    with Store.open(":memory:") as store:
        store.write_batch(arts)
        ids = [ev.event_id for a in arts for ev in a.events]
        stored = sorted(load_reports(store.con, ids), key=lambda r: r.event_id)
    built = sorted(reports_from_articles(arts), key=lambda r: r.event_id)
    assert len(built) == len(ids) == 6
    assert built == stored
    assert [r.end for r in built] == [r.end for r in stored]
    assert [r.actors for r in built] == [r.actors for r in stored]
    # as a government official (d3) Jane Roe's key is her country; as a private person
    # (d1, earlier) it stays her own id, in memory and as stored
    assert {r.source for r in built if r.doc_id == "d3"} == {"GBR"}
    assert any("person:jane-roe" in r.targets for r in stored if r.doc_id == "d1")


def test_merge_key_follows_the_sql_rule() -> None:
    assert merge_key(RUS_MIL) == "RUS"
    assert merge_key(WANG) == "CHN"
    assert merge_key(USA) == "USA"
    assert merge_key(PERSON) == "person:jane-roe"
    assert merge_key(UN) == "org:un"
    assert merge_key(NO_COUNTRY) == "org:nowhere"


def test_exported_actor_attributes_are_those_of_each_article_in_any_order() -> None:
    """A person's sector follows the office held at each article's date; the export shows
    it per event, whichever article was stored last (the actors table keeps one row)."""
    from bowerbird import query

    private = make_article("p1", "Jane Roe spoke.", events=({"source": PERSON},))
    official = make_article(
        "p2",
        "Minister Jane Roe spoke.",
        events=({"source": dataclasses.replace(PERSON, sector="GOV")},),
        published="2025-06-01",
    )
    for order in ([private, official], [official, private]):
        with Store.open(":memory:") as store:
            for art in order:
                store.write_batch([art])
            rows = query.events(store.con, query.EventFilter(unmerged=True))
            sectors = {
                r["evidence"][0]["doc_id"]: r["source"]["sector"]
                for r in rows
                if r["source"] and r["source"]["actor_id"] == "person:jane-roe"
            }
            assert sectors == {"p1": "ELI", "p2": "GOV"}, order


def test_rows_stored_before_dated_attributes_fall_back_to_the_actors_table() -> None:
    from bowerbird import query

    with Store.open(":memory:") as store:
        store.write_batch([make_article("p1", "Jane Roe spoke.", events=({"source": PERSON},))])
        # a row as an older version stored it: no dated attributes
        store.con.execute("UPDATE events SET dated_attrs = false, source_sector = NULL")
        store.con.execute("UPDATE actors SET sector = 'LEG' WHERE actor_id = 'person:jane-roe'")
        rows = query.events(store.con, query.EventFilter(unmerged=True))
        assert {r["source"]["sector"] for r in rows if r["source"]} == {"LEG"}
