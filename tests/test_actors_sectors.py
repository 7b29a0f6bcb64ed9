"""Actors: sectors of nouns and bodies, offices held at once, context countries, and the
actor evaluator's mapping of our sector codes to NGEC's."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bowerbird.evaluation.actors import _day, ngec_country, sector_matches
from bowerbird.stages.actors import ActorsStage


def _stage(engine: Any) -> ActorsStage:
    return next(s for s in engine.after_nlp if isinstance(s, ActorsStage))


def _resolve(engine: Any, text: str, day: date | None = date(2022, 6, 1)) -> Any:
    return _stage(engine).resolve_text(engine.nlp(text), day)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        # a defence ministry is a government department, like its minister
        ("Japan's Defence Ministry", "JPN", "GOV"),
        ("the Indian Ministry of Defence", "IND", "GOV"),
        # paramilitary and self-defence forces
        ("a paramilitary organisation", None, "PRM"),
        ("a local self-defence group", None, "PRM"),
        ("the Cali Self Defense Forces", "COL", "PRM"),
        # an adjective used as a noun for people, after a possessor or "the"
        ("Sudan's displaced", "SDN", "REF"),
        # the office of a post-holder has the post-holder's sector
        ("Peru's Ombudsman's Office", "PER", "GOV"),
        # a religious community's leader is religious (CVL is the least specific sector)
        ("a respected Muslim community leader", None, "REL"),
        ("Christian community elders", None, "REL"),
        # places named as targets stand for the people who use them
        ("a crowded market in Lahore", "PAK", "CVL"),
        ("Syrian villages", "SYR", "CVL"),
        # ... but a place noun as a modifier gives no sector
        ("Karachi city officials", "PAK", "GOV"),
        # unrecognised breakaway states
        ("Abkhazia", "GEO", "PRE"),
        ("the breakaway republic", None, "PRE"),
    ],
)
def test_sector_nouns_and_phrases(
    engine: Any, text: str, country: str | None, sector: str | None
) -> None:
    actor = _resolve(engine, text)
    assert actor is not None, text
    assert (actor.country, actor.sector) == (country, sector), text


def test_displaced_people_in_a_sentence_are_refugees(analyse: Any) -> None:
    article = analyse("Aid workers said Yemen's displaced were running out of food.")
    sectors = {m.actor.actor_id for m in article.mentions if m.actor is not None}
    assert "YEM-REF" in sectors


def test_intergovernmental_bodies_keep_kind_igo_with_a_functional_sector(engine: Any) -> None:
    who = _resolve(engine, "the World Health Organization")
    assert (who.kind, who.sector) == ("igo", "HLH")
    court = _resolve(engine, "the International Criminal Court")
    assert (court.kind, court.sector) == ("igo", "JUD")
    nato = _resolve(engine, "the NATO alliance")
    assert (nato.actor_id, nato.sector) == ("org:nato", "IGO")
    # the forces or legislators of a body are an actor of their own
    troops = _resolve(engine, "NATO troops")
    assert (troops.actor_id, troops.kind, troops.sector) == ("org:nato-MIL", "igo", "MIL")
    meps = _resolve(engine, "European Union lawmakers")
    assert (meps.actor_id, meps.sector) == ("org:eu-LEG", "LEG")
    assert ngec_country(meps, engine.lexicon) == "EUR"
    # "UN officials" are the UN itself
    assert _resolve(engine, "UN officials").actor_id == "org:un"


def test_an_armed_group_governing_a_state_is_its_government(engine: Any) -> None:
    before = _resolve(engine, "the Taliban", date(2019, 3, 1))
    after = _resolve(engine, "the Taliban", date(2023, 3, 1))
    assert (before.actor_id, before.sector) == ("org:taliban", "INS")
    assert (after.actor_id, after.country, after.sector) == ("org:taliban", "AFG", "GOV")
    # a ruling party is not the government: its leader's party stays a party
    party = _resolve(engine, "Vetevendosje", date(2023, 3, 1))
    assert party.sector == "PTY"


@pytest.mark.parametrize(
    ("text", "day", "sector"),
    [
        ("Jüri Ratas", date(2019, 5, 1), "GOV"),  # prime minister
        ("Jüri Ratas", date(2022, 1, 10), "LEG"),  # speaker of the Riigikogu
        ("Jam Kamal Khan", date(2020, 2, 1), "GOV"),  # chief minister and assembly member
        ("Jam Kamal Khan", date(2022, 2, 1), "LEG"),  # assembly member only
        ("Albin Kurti", date(2020, 10, 1), "PTY"),  # party leader between his terms as PM
        ("Albin Kurti", date(2022, 10, 1), "GOV"),
        ("Nancy Pelosi", date(2020, 5, 1), "LEG"),
    ],
)
def test_a_person_holding_several_offices_is_coded_by_the_executive_one(
    engine: Any, text: str, day: date, sector: str
) -> None:
    actor = _resolve(engine, text, day)
    assert actor is not None and actor.kind == "person"
    assert actor.sector == sector


def test_short_texts_demonym_city_and_context(engine: Any) -> None:
    turkish = _resolve(engine, "Turkish")
    assert (turkish.actor_id, turkish.sector) == ("TUR", None)
    # a city that is not a seat of government stands for its people
    city = _resolve(engine, "Marseille")
    assert (city.country, city.sector) == ("FRA", "CVL")
    assert _resolve(engine, "Paris").actor_id == "FRA-GOV"
    stage = _stage(engine)
    minister = _resolve(engine, "Interior Minister")
    assert minister.country is None
    in_kenya = stage.with_context_country(minister, engine.nlp("Kenyan"), None)
    assert (in_kenya.actor_id, in_kenya.sector) == ("KEN-GOV", "GOV")
    # an actor with a country keeps it
    lavrov = _resolve(engine, "Sergey Lavrov")
    assert stage.with_context_country(lavrov, engine.nlp("Kenyan"), None).country == "RUS"


def test_evaluator_maps_our_sectors_to_ngec_codes() -> None:
    assert sector_matches("INS", "REB")  # NGEC has no insurgent code
    assert sector_matches("MED", "JRN")  # our MED is the news media
    assert not sector_matches("MED", "MED")  # NGEC's MED is medical
    assert sector_matches("HLH", "MED") and sector_matches("HLH", "HLH")
    assert sector_matches("GOV", "GOV") and not sector_matches("GOV", "MIL")
    assert sector_matches(None, "") and sector_matches(None, "UNK")
    assert not sector_matches("CVL", "") and not sector_matches(None, "GOV")


def test_evaluator_reads_written_dates() -> None:
    assert _day("2022-10-20") == date(2022, 10, 20)
    assert _day("1 july 2021") == date(2021, 7, 1)
    assert _day("March 3, 2020") == date(2020, 3, 3)
    assert _day("Today") is None and _day("") is None and _day(None) is None


def test_quantities_of_people_name_the_people_they_count(analyse: Any) -> None:
    article = analyse("Tens of thousands of nurses in Kenya went on strike on Monday.")
    by_text = {m.text: m.actor.actor_id for m in article.mentions if m.actor is not None}
    assert by_text["Tens of thousands of nurses"] == "KEN-HLH"


def test_an_ethnic_group_is_coded_by_the_state_where_it_acts(analyse: Any) -> None:
    article = analyse("Hundreds of ethnic Serbs marched in Kosovo on Friday.")
    actors = {m.actor.actor_id for m in article.mentions if m.actor is not None}
    assert "XKX-CVL" in actors and "SRB-CVL" not in actors
    # without "ethnic", a demonym keeps its own country
    other = analyse("Hundreds of Serbs marched in Kosovo on Friday.")
    assert "SRB-CVL" in {m.actor.actor_id for m in other.mentions if m.actor is not None}


def test_without_a_date_a_person_is_coded_by_the_latest_office(engine: Any) -> None:
    # prime minister until 2021, then speaker, then a member of the Riigikogu
    assert _resolve(engine, "Jüri Ratas", None).sector == "LEG"
    # chief minister while also a member of the assembly: the executive office counts
    assert _resolve(engine, "Jam Kamal Khan", date(2019, 1, 1)).sector == "GOV"
    assert _resolve(engine, "Albin Kurti", None).sector == "GOV"


def test_a_former_office_holder_is_not_the_holder_on_the_date(engine: Any) -> None:
    current = _resolve(engine, "Russia's foreign minister", date(2021, 8, 16))
    assert current.actor_id == "person:sergey-lavrov"
    former = _resolve(engine, "Russia's former foreign minister", date(2021, 8, 16))
    assert (former.actor_id, former.sector) == ("RUS-ELI", "ELI")
    unknown = _resolve(engine, "former Malian Prime Minister Moussa Traore-Diallo")
    assert (unknown.kind, unknown.country, unknown.sector) == ("person", "MLI", "ELI")
