"""Places of events: which locative phrase is the event's place (own sentences)."""

from __future__ import annotations

from typing import Any


def test_place_in_a_later_clauses_subject_is_not_the_events_place(analyse: Any) -> None:
    text = "Serbia lifted the curfew on Friday in Montenegro province as police in Croatia arrested protesters."
    lifted = [e for e in analyse(text).events if e.trigger == "lifted"]
    assert lifted and lifted[0].location is not None
    assert lifted[0].location.country == "MNE"
    # a material concession with no named recipient is directed at its place
    assert [t.actor.country for t in lifted[0].targets] == ["MNE"]


def test_place_in_a_later_clause_of_its_own_still_counts(analyse: Any) -> None:
    text = "Kenya is prepared to impose a curfew as riots spread in central Nairobi."
    (e,) = [e for e in analyse(text).events if e.trigger == "impose"]
    assert e.location is not None and e.location.country == "KEN"


def test_investigation_without_named_target_targets_its_place(analyse: Any) -> None:
    text = "The United Nations has dispatched inspectors to a chemical plant in northern Syria."
    (e,) = [e for e in analyse(text).events if e.event_type == "ACCUSE"]
    assert e.mode == "investigate"
    assert [t.actor.country for t in e.targets] == ["SYR"]
