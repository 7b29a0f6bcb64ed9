"""Actors: lexicon matching, titles with tenure dates, metonyms, sectors, coreference."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bowerbird.stages.actors import ActorsStage


def _resolve(engine: Any, text: str, day: date | None = date(2021, 8, 16)) -> Any:
    stage = next(s for s in engine.after_nlp if isinstance(s, ActorsStage))
    return stage.resolve_text(engine.nlp(text), day)


@pytest.mark.parametrize(
    ("text", "actor_id", "country", "sector"),
    [
        ("Beijing", "CHN-GOV", "CHN", "GOV"),
        ("the Kremlin", "RUS-GOV", "RUS", "GOV"),
        ("Washington", "USA-GOV", "USA", "GOV"),
        ("Pakistan", "PAK", "PAK", None),
        ("the Pakistani army", "PAK-MIL", "PAK", "MIL"),
        ("Chinese officials", "CHN-GOV", "CHN", "GOV"),
        ("the Taliban", "org:taliban", "AFG", None),
        ("NATO", "org:nato", None, "IGO"),
    ],
)
def test_actors_resolve_names_metonyms_and_sectors(
    engine: Any, text: str, actor_id: str, country: str | None, sector: str | None
) -> None:
    actor = _resolve(engine, text)
    assert actor is not None, text
    assert actor.actor_id == actor_id
    assert actor.country == country
    if sector is not None:
        assert actor.sector == sector


def test_actors_title_resolves_to_office_holder_on_the_articles_date(engine: Any) -> None:
    lavrov = _resolve(engine, "Russia's foreign minister", date(2021, 8, 16))
    assert lavrov is not None and lavrov.actor_id == "person:sergey-lavrov"
    assert (lavrov.country, lavrov.sector, lavrov.kind) == ("RUS", "GOV", "person")
    blinken = _resolve(engine, "the U.S. secretary of state", date(2021, 8, 16))
    assert blinken is not None and blinken.actor_id == "person:antony-blinken"
    pompeo = _resolve(engine, "the U.S. secretary of state", date(2019, 6, 1))
    assert pompeo is not None and pompeo.actor_id != "person:antony-blinken"


def test_actors_known_person_with_title(engine: Any) -> None:
    wang = _resolve(engine, "Chinese Foreign Minister Wang Yi")
    assert wang is not None and wang.actor_id == "person:wang-yi"
    assert (wang.country, wang.sector) == ("CHN", "GOV")


def test_actors_unknown_person_with_title_gets_country_and_sector(engine: Any) -> None:
    actor = _resolve(engine, "Malian Foreign Minister Abdoulaye Tiemoko")
    assert actor is not None and actor.kind == "person"
    assert actor.actor_id == "person:abdoulaye-tiemoko"
    assert (actor.country, actor.sector) == ("MLI", "GOV")


def test_actors_descriptor_and_surname_coreference(analyse: Any) -> None:
    art = analyse(
        "The Taliban entered Kabul on Sunday. The Islamist group said it controlled the city. "
        "Chinese Foreign Minister Wang Yi spoke to reporters. Wang said Beijing respected the choice."
    )
    by_text = {m.text: m for m in art.mentions}
    assert by_text["The Islamist group"].actor.actor_id == "org:taliban"
    assert by_text["The Islamist group"].rule == "coref-descriptor"
    assert by_text["Wang"].actor.actor_id == "person:wang-yi"


def test_actors_pronoun_refers_to_last_person(analyse: Any) -> None:
    art = analyse("Antony Blinken arrived in Doha on Monday. He met Qatari officials.")
    he = [m for m in art.mentions if m.text == "He"]
    assert he and he[0].actor.actor_id == "person:antony-blinken"


def test_actors_mentions_carry_offsets_into_clean_text(analyse: Any) -> None:
    art = analyse("Pakistan's army chief met Chinese officials in Islamabad.")
    text = art.document.text
    for m in art.mentions:
        assert text[m.start : m.end] == m.text
        assert art.sentences[m.sentence_index].start <= m.start


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Shanghai police", "CHN", "COP"),
        ("the Kenyan opposition leader", "KEN", "OPP"),
        ("Muslim leaders in France", "FRA", "REL"),
        ("a former White House official", "USA", "ELI"),
        ("the Egyptian state news agency", "EGY", "GOV"),
        ("security forces in Guinea", "GIN", "COP"),
        ("Senior Hungarian officials", "HUN", "GOV"),
        ("TEHRAN", "IRN", "GOV"),
        ("Oxford University", "GBR", "EDU"),
    ],
)
def test_actors_sector_and_country_rules(engine: Any, text: str, country: str, sector: str) -> None:
    actor = _resolve(engine, text)
    assert actor is not None, text
    assert (actor.country, actor.sector) == (country, sector)


def test_actors_surname_alone_needs_a_unique_lexicon_person(engine: Any) -> None:
    from bowerbird.stages.actors import ActorsStage

    stage = next(s for s in engine.after_nlp if isinstance(s, ActorsStage))
    doc = engine.nlp("Alejandro Rivera opened an investigation.")
    persons = [t for t in doc if t.ent_type_ == "PERSON"]
    assert stage.resolver.lookup_person(persons) is None  # a full name that is not in the lexicon


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("ethnic Hungarians in Romania", "ROU", "CVL"),  # an ethnic group: where it lives
        ("the Russians of eastern Ukraine", "UKR", "CVL"),  # "the Xs of <place>"
        ("Americans in Iraq", "USA", "CVL"),  # nationals abroad keep their nationality
        ("a group of students", None, "EDU"),  # a collective takes its members' sector
        ("Congressional leaders", None, "LEG"),
        ("Peru's Transport Department", "PER", "GOV"),
        ("Scotland", "GBR", None),
        ("Northern Ireland", "GBR", None),
    ],
)
def test_actors_peoples_collectives_and_constituent_countries(
    engine: Any, text: str, country: str | None, sector: str | None
) -> None:
    actor = _resolve(engine, text)
    assert actor is not None, text
    assert (actor.country, actor.sector) == (country, sector)


def test_actors_title_word_inside_a_name_is_part_of_the_name(engine: Any) -> None:
    actor = _resolve(engine, "Irish Foreign Minister Mary King")
    assert actor is not None and actor.kind == "person"
    assert (actor.country, actor.sector) == ("IRL", "GOV")  # "King" is a surname here


def test_actors_bracketed_acronym_abbreviates_the_name_before_it(analyse: Any) -> None:
    art = analyse("Officials of the Bavarian Farmers Association (AKK) met the minister.")
    assert all(m.actor is None or not m.actor.actor_id.startswith("person:") for m in art.mentions)


def test_actors_short_text_that_is_one_name_resolves_whatever_its_tag(engine: Any) -> None:
    fdlr = _resolve(engine, "FDLR")
    assert fdlr is not None and fdlr.actor_id == "org:fdlr" and fdlr.country == "RWA"
    trump = _resolve(engine, "Trump", date(2025, 6, 1))
    assert trump is not None and (trump.country, trump.sector) == ("USA", "GOV")


def test_actors_office_holders_from_2026_and_other_ministers(engine: Any) -> None:
    later = _resolve(engine, "Chile's president", date(2026, 6, 1))
    assert later is not None and later.actor_id == "person:jose-antonio-kast"
    earlier = _resolve(engine, "Chile's president", date(2023, 6, 1))
    assert earlier is not None and earlier.actor_id == "person:gabriel-boric"
    hicks = _resolve(engine, "Kathleen Hicks", date(2022, 3, 1))
    assert hicks is not None and (hicks.country, hicks.sector) == ("USA", "GOV")


def test_actors_government_named_after_its_leader(engine: Any) -> None:
    actor = _resolve(engine, "the Biden administration", date(2022, 5, 1))
    assert actor is not None and (actor.country, actor.sector) == ("USA", "GOV")
    modi = _resolve(engine, "the Modi government", date(2022, 5, 1))
    assert modi is not None and (modi.country, modi.sector) == ("IND", "GOV")
