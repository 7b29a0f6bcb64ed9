"""Actor look-up and profile (query_actors) and the ``bowerbird actor`` command."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from _store_fixtures import UN, USA, WANG, make_article
from bowerbird.cli.main import cli
from bowerbird.query_actors import actor_profile, find_actors
from bowerbird.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Iterator[str]:
    path = str(tmp_path / "actors.duckdb")
    store = Store.open(path)
    store.write_batch(
        [
            make_article(
                "d1", "The US accused China.\nMore text.", events=({}, {"date": "2024-04-02"})
            ),
            make_article(
                "d2",
                "Wang Yi criticised the US.",
                events=({"source": WANG, "targets": (USA, UN), "event_type": "REJECT"},),
                quote_text="The US must stop",
            ),
        ],
        [],
    )
    store.close()
    yield path


def test_find_actors_exact_then_substring(db: str) -> None:
    store = Store.open(db, read_only=True)
    try:
        assert [a["actor_id"] for a in find_actors(store.con, "usa")] == ["USA"]
        assert [a["actor_id"] for a in find_actors(store.con, "Wang Yi")] == ["person:wang-yi"]
        several = find_actors(store.con, "united")
        assert len(several) > 1 and all("united" in a["name"].lower() for a in several)
        assert find_actors(store.con, "no such actor") == []
    finally:
        store.close()


def test_profile_counts_and_offices(db: str, lexicon: Any) -> None:
    store = Store.open(db, read_only=True)
    try:
        usa = actor_profile(store.con, "USA", lexicon)
        wang = actor_profile(store.con, "person:wang-yi", lexicon)
        assert actor_profile(store.con, "nobody", lexicon) is None
    finally:
        store.close()
    assert usa is not None and wang is not None
    assert usa["actor"]["events"] == 3
    counts = {c["event_type"]: c for c in usa["event_counts"]}
    assert counts["ACCUSE"]["as_source"] == 2 and counts["REJECT"]["as_target"] == 1
    partners = {c["actor_id"]: c["events"] for c in usa["counterparts"]}
    assert partners == {"CHN": 2, "person:wang-yi": 1}
    assert [(p["period"], p["count"]) for p in usa["timeline"]] == [
        ("2024-03-01", 2),
        ("2024-04-01", 1),
    ]
    assert usa["offices"] == []  # not a person
    assert wang["offices"] and all(o["office"] and o["start"] for o in wang["offices"])
    assert {o["country"] for o in wang["offices"]} == {"CHN"}
    assert {q["text"] for q in wang["latest_quotes"]} >= {"The US must stop"}


def _run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), prog_name="bowerbird")


def test_actor_command(db: str) -> None:
    r = _run("actor", "USA", "--db", db, "--format", "jsonl")
    assert r.exit_code == 0, r.output
    profile = json.loads(r.output)
    assert profile["actor"]["actor_id"] == "USA"
    assert {"offices", "event_counts", "counterparts", "timeline", "latest_quotes"} <= set(profile)
    assert profile["stances"] == []  # the US holds no stance in this database
    table = _run("actor", "wang", "--db", db)
    assert table.exit_code == 0 and "Wang Yi" in table.output and "Counterparts" in table.output
    # Wang's two stances (one per document, both 'oppose') are summed per issue
    assert "Stances by issue" in table.output and "oppose" in table.output
    wang = json.loads(_run("actor", "wang", "--db", db, "--format", "jsonl").output)
    assert sum(e["oppose"] for e in wang["stances"]) == 2
    assert all(e["support"] == e["neutral"] == 0 for e in wang["stances"])


def test_actor_command_errors(db: str) -> None:
    none = _run("actor", "zzzz", "--db", db)
    assert none.exit_code == 2
    assert none.output.strip().splitlines()[-1].startswith("bowerbird: error: [B103] no actor")
    many = _run("actor", "united", "--db", db)
    assert many.exit_code == 2
    assert "USA" in many.output and "actors match 'united'" in many.output
