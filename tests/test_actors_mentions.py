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


def test_region_of_a_state_stands_for_that_state(analyse: Any) -> None:
    art = analyse("Militia fighters and Darfur rebels clashed near a market on Sunday.")
    rebels = _by_text(art)["Darfur rebels"].actor
    assert (rebels.country, rebels.sector) == ("SDN", "REB")
    art = analyse("Aid convoys entered the Gaza Strip after the crossing reopened.")
    gaza = next(m for m in art.mentions if "Gaza Strip" in m.text)
    assert gaza.actor.country == "PSE"


def test_coordinated_country_modifiers_each_get_an_actor(analyse: Any) -> None:
    art = analyse("U.S. and Chinese diplomats met in Geneva on Tuesday.")
    countries = {m.actor.country for m in art.mentions if m.actor is not None}
    assert {"USA", "CHN"} <= countries
    chinese = _by_text(art)["Chinese"]
    assert chinese.rule == "coordinated-modifier" and chinese.actor.sector == "GOV"


def test_office_noun_before_an_unknown_name_makes_a_titled_person(analyse: Any) -> None:
    art = analyse("Judge Ramona Tekelsen ordered the arrest of 12 Bolivian officials on Friday.")
    judge = next(m for m in art.mentions if "Tekelsen" in m.text)
    assert judge.actor.kind == "person" and judge.actor.sector == "JUD"
    assert judge.actor.country == "BOL"
    art = analyse("Vice-President Odalric Mwenembe said he would not resign, Kenyan media said.")
    vice = next(m for m in art.mentions if "Mwenembe" in m.text)
    assert vice.actor is not None and vice.actor.kind == "person"
    assert vice.actor.country == "KEN"
    he = next(m for m in art.mentions if m.text == "he")
    assert he.actor is not None and he.actor.country == "KEN"


def test_company_named_with_an_office_word_is_not_a_person(analyse: Any) -> None:
    art = analyse("General Motors closed a plant in Ohio.")
    assert not any(m.actor is not None and m.actor.kind == "person" for m in art.mentions)


def test_refugees_fleeing_a_war_in_a_country_are_its_refugees(analyse: Any) -> None:
    art = analyse("The agency sent tents to refugees fleeing the fighting in Burundi.")
    refugees = next(m for m in art.mentions if m.text.startswith("refugees"))
    assert (refugees.actor.country, refugees.actor.sector) == ("BDI", "REF")
    art = analyse("Volunteers fed hundreds of refugees escaping Syria last winter.")
    refugees = next(m for m in art.mentions if "refugees" in m.text)
    assert (refugees.actor.country, refugees.actor.sector) == ("SYR", "REF")


def test_stateless_armed_group_named_with_a_country_is_its_branch_there(analyse: Any) -> None:
    art = analyse("Yemen's al-Qaeda claimed the attack on Thursday.")
    branch = next(m for m in art.mentions if "al-Qaeda" in m.text)
    assert branch.actor.country == "YEM" and branch.rule == "group-branch"
    assert branch.actor.actor_id.startswith("org:") and branch.actor.actor_id.endswith("-YEM")
    art = analyse("Al-Qaeda claimed the attack on Thursday.")
    group = next(m for m in art.mentions if m.actor is not None)
    assert group.actor.country is None
    art = analyse("The Pakistani campaign of raids against al-Qaeda ended in May.")
    assert all(not m.actor.actor_id.endswith("-PAK") for m in art.mentions if m.actor)
