"""Actors: mention boundaries, coordinated modifiers and actors read in their sentence's
context (invented sentences)."""

from __future__ import annotations

from typing import Any


def _by_text(art: Any) -> dict[str, Any]:
    return {m.text: m for m in art.mentions}


def test_titled_person_without_country_takes_the_sentences_only_country(analyse: Any) -> None:
    art = analyse("President Halvorsen Tamberu opened a new bridge across the river in Ruritania.")
    # Ruritania is fictional: nothing to read, the president stays without a country
    person = next(m for m in art.mentions if "Tamberu" in m.text)
    assert person.actor is not None and person.actor.country is None
    art = analyse("Prime Minister Halvorsen Tamberu opened a new bridge in northern Peru.")
    person = next(m for m in art.mentions if "Tamberu" in m.text)
    assert person.actor is not None and person.actor.country == "PER"
    assert person.rule == "title-name-context"


def test_titled_person_keeps_no_country_when_the_sentence_names_two(analyse: Any) -> None:
    art = analyse("Prime Minister Halvorsen Tamberu flew from Chile to Peru on Monday.")
    person = next(m for m in art.mentions if "Tamberu" in m.text)
    assert person.actor is not None and person.actor.country is None


def test_titled_official_of_an_international_body_takes_no_country(analyse: Any) -> None:
    art = analyse("UN Secretary-General Halvorsen Tamberu visited Peru on Monday.")
    igo = [m for m in art.mentions if "Tamberu" in m.text and m.actor is not None]
    assert all(m.actor.country is None for m in igo)


def test_of_phrase_stops_at_a_comma(analyse: Any) -> None:
    art = analyse(
        "Police are blocking the supply of food to Malian refugees, a charity said on Friday."
    )
    texts = [m.text for m in art.mentions]
    assert not any("," in t for t in texts), texts
    assert "Malian refugees" in texts


def test_unnamed_stateless_body_is_an_actor_without_country(analyse: Any) -> None:
    art = analyse("A human rights group criticised the Peruvian police on Tuesday.")
    body = _by_text(art)["A human rights group"]
    assert body.actor.actor_id == "sector:NGO"
    assert (body.actor.country, body.actor.sector) == (None, "NGO")
    art = analyse("Aid agencies warned of famine in Somalia.")
    assert _by_text(art)["Aid agencies"].actor.sector == "NGO"
