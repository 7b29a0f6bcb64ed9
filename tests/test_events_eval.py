"""Events evaluator: how gold records' counterparts are scored (PLOVER gold format)."""

from __future__ import annotations

from bowerbird.evaluation.events import actor_codes, counterpart_codes
from bowerbird.records import Actor


def _a(text: str, code: str) -> dict[str, str]:
    return {"text": text, "code": code, "sector": ""}


def test_counterpart_is_the_gold_target_when_there_is_one() -> None:
    got = counterpart_codes([_a("Oslo", "NOR")], [_a("Tokyo", "JAP")], frozenset({"NOR"}))
    assert got == {"JPN"}  # non-standard gold code read as ISO


def test_reciprocal_counterpart_is_the_source_our_source_did_not_take() -> None:
    sources = [_a("Chile", "CHL"), _a("Peru", "PER")]
    assert counterpart_codes(sources, [], frozenset({"CHL"})) == {"PER"}
    assert counterpart_codes(sources, [], frozenset({"PER"})) == {"CHL"}
    # our source is neither party: either one is a right target
    assert counterpart_codes(sources, [], frozenset({"BOL"})) == {"CHL", "PER"}


def test_reciprocal_parties_of_one_country_accept_that_country() -> None:
    sources = [_a("the government", "SDN"), _a("the rebels", "SDN")]
    assert counterpart_codes(sources, [], frozenset({"SDN"})) == {"SDN"}


def test_single_source_without_target_has_no_counterpart() -> None:
    assert counterpart_codes([_a("Chile", "CHL")], [], frozenset({"CHL"})) == set()


def test_stateless_bodies_read_as_gold_igo_ngo_codes() -> None:
    un = Actor("org:un", "United Nations", None, "IGO", "igo")
    assert actor_codes(un) == {"IGO", "NGO"}
    assert actor_codes(Actor("CHL", "Chile", "CHL", None, "state")) == {"CHL"}
    assert actor_codes(None) == frozenset()
