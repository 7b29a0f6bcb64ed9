"""The writer builds the new reports of a batch in memory (no query): they must equal the
reports :func:`load_reports` reads back from the database after the batch is stored."""

from __future__ import annotations

import dataclasses

from _store_fixtures import CHN, RUS_MIL, UN, USA, WANG, make_article
from bowerbird.merge.store import load_reports, merge_key, reports_from_articles
from bowerbird.records import Actor, Location
from bowerbird.store.arrow import collect_actors
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
    # the same actor with other attributes in a later article: the last one is stored
    later = dataclasses.replace(PERSON, sector="GOV", kind="state")
    arts.append(make_article("d3", "Jane Roe spoke.", events=({"source": later},)))
    with Store.open(":memory:") as store:
        store.write_batch(arts)
        ids = [ev.event_id for a in arts for ev in a.events]
        stored = sorted(load_reports(store.con, ids), key=lambda r: r.event_id)
    built = sorted(reports_from_articles(arts, collect_actors(arts)), key=lambda r: r.event_id)
    assert len(built) == len(ids) == 6
    assert built == stored
    assert [r.end for r in built] == [r.end for r in stored]
    assert [r.actors for r in built] == [r.actors for r in stored]
    # the later attributes of Jane Roe (a state official) make her key her country
    assert {r.source for r in built if r.doc_id == "d3"} == {"GBR"}


def test_merge_key_follows_the_sql_rule() -> None:
    assert merge_key(RUS_MIL) == "RUS"
    assert merge_key(WANG) == "CHN"
    assert merge_key(USA) == "USA"
    assert merge_key(PERSON) == "person:jane-roe"
    assert merge_key(UN) == "org:un"
    assert merge_key(NO_COUNTRY) == "org:nowhere"
