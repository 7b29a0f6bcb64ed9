"""Event arguments: syntax patterns that carry the source or target (own sentences)."""

from __future__ import annotations

from typing import Any

from bowerbird.stages.event_args import repaired_pobjs


def _dyads(analyse: Any, text: str) -> list[tuple[str, str | None, list[str | None]]]:
    return [
        (
            e.event_type,
            e.source.actor.country if e.source else None,
            [t.actor.country for t in e.targets],
        )
        for e in analyse(text).events
    ]


def _first(analyse: Any, text: str) -> tuple[str, str | None, list[str | None]]:
    return _dyads(analyse, text)[0]


def test_prepositional_verb_object_selects_row_and_holds_target(analyse: Any) -> None:
    # "call for" + sanctions is the disapproval row; the target is "against X" on the noun
    assert _first(analyse, "Kenya called for sanctions against Sudan on Friday.") == (
        "ACCUSE",
        "KEN",
        ["SDN"],
    )


def test_target_inside_the_particle_object_skips_the_sources_own_possessive(
    analyse: Any,
) -> None:
    got = _first(analyse, "Peru has reneged on its pledge to Bolivia over the border treaty.")
    assert got == ("REJECT", "PER", ["BOL"])


def test_coordinated_verbs_share_the_second_verbs_complements(analyse: Any) -> None:
    evs = _dyads(analyse, "Norway donated and delivered 2,000 tons of wheat to Yemen.")
    assert ("AID", "NOR", ["YEM"]) in evs


def test_coordinated_verb_with_its_own_subject_shares_nothing(analyse: Any) -> None:
    evs = _dyads(analyse, "Norway donated generously and Sweden delivered grain to Yemen.")
    assert all(not (src == "NOR" and tgts) for _, src, tgts in evs)


def test_stranded_preposition_repaired_from_clause_under_it(analyse: Any) -> None:
    # the small model reads "officers" as the subject of "hiding", under "to"
    text = "Ecuador has granted asylum to four Colombian officers hiding in its embassy since the coup."
    assert _first(analyse, text) == ("AID", "ECU", ["COL"])


def test_stranded_preposition_repaired_from_following_clause() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["Peru", "granted", "asylum", "to", "two", "officers", "holed", "up", "."]
    heads = [1, 1, 1, 1, 5, 6, 1, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "nummod", "nsubj", "advcl", "prt", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert [t.text for t in repaired_pobjs(doc[3])] == ["officers"]
    deps[5], heads[5] = "pobj", 3  # a well-formed parse keeps its own object
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert [t.text for t in repaired_pobjs(doc[3])] == ["officers"]
    assert repaired_pobjs(doc[7]) == []


def test_counterpart_in_a_circumstance_phrase(analyse: Any) -> None:
    text = "The Kenyan teachers union called off its strike after talks with the Kenyan government."
    src, tgts = _first(analyse, text)[1:]
    assert src == "KEN" and tgts == ["KEN"]
    ev = analyse(text).events[0]
    assert ev.targets[0].actor.sector == "GOV"


def test_complaint_target_is_the_party_complained_about_not_the_addressee(
    analyse: Any,
) -> None:
    text = "Ghana complained to the United Nations over Togolese border raids."
    assert _first(analyse, text) == ("ACCUSE", "GHA", ["TGO"])


def test_demand_for_a_passive_clause_targets_its_subject(analyse: Any) -> None:
    text = "Opposition leaders demanded that the Zambian finance minister be dismissed."
    typ, _, tgts = _first(analyse, text)
    assert typ == "REQUEST" and tgts == ["ZMB"]


def test_subjectless_gerund_in_reported_clause_is_the_speakers_act(analyse: Any) -> None:
    text = "Canadian officials said that lifting the sanctions on Iran was not an option."
    evs = [e for e in analyse(text).events if e.trigger == "lifting"]
    assert evs and evs[0].source.actor.country == "CAN"
    assert [t.actor.country for t in evs[0].targets] == ["IRN"]


def test_relation_among_parties_of_the_object(analyse: Any) -> None:
    text = "The African Union may suspend mediation among Sudan's warring factions."
    _, _, tgts = _first(analyse, text)
    assert tgts == ["SDN"]


def test_infinitive_of_the_object_noun_holds_the_target(analyse: Any) -> None:
    text = "Hamas rejected an invitation to attend a meeting of Egyptian officials in Cairo."
    typ, src, tgts = _first(analyse, text)
    assert typ == "REJECT" and src == "PSE" and tgts == ["EGY"]


def test_noun_for_people_is_coded_as_those_people(analyse: Any) -> None:
    text = "A shelter for Somali refugees was attacked by Kenyan gunmen."
    assert ("ASSAULT", "KEN", ["SOM"]) in _dyads(analyse, text)


def test_active_verb_coordinated_with_passive_shares_its_subject(analyse: Any) -> None:
    text = "The Peruvian interior minister was censured by Congress and will resign."
    resign = [e for e in analyse(text).events if e.trigger == "resign"]
    assert resign and resign[0].source.actor.country == "PER"
    assert resign[0].source.actor.sector == "GOV"


def test_release_of_officials_is_a_release(analyse: Any) -> None:
    text = "The rebels said they will release the Colombian governor next week."
    typ, _, tgts = _first(analyse, text)
    assert typ == "AGREE" and tgts == ["COL"]


def test_coordinated_verbs_apart_share_no_object(analyse: Any) -> None:
    text = (
        "The two leaders agreed to resume trade talks, which Ottawa had halted in May "
        "after the Indian minister visited Pakistan."
    )
    agreed = [e for e in analyse(text).events if e.trigger == "agreed"]
    assert all(not e.targets or e.targets[0].actor.country != "PAK" for e in agreed)


def test_gerund_between_two_parties_is_one_against_the_other(analyse: Any) -> None:
    text = "Fighting between Ethiopian troops and Eritrean forces raged on Sunday."
    assert ("ASSAULT", "ETH", ["ERI"]) in _dyads(analyse, text)


def test_coordinated_signatories_of_an_agreement_are_each_others_counterparts(
    analyse: Any,
) -> None:
    evs = _dyads(analyse, "Chile and Argentina signed a fishing agreement on Monday.")
    assert evs == [("SUPPORT", "CHL", ["ARG"])]


def test_failed_agreement_between_coordinated_parties_ignores_the_topic(analyse: Any) -> None:
    text = "Chile and Argentina failed to reach agreement on the future of Bolivian ports."
    assert _dyads(analyse, text) == [("REJECT", "CHL", ["ARG"])]


def test_coordinated_subjects_acting_side_by_side_are_not_counterparts(analyse: Any) -> None:
    evs = _dyads(analyse, "Chilean and Argentine students protested on Monday.")
    assert evs and all(not tgts for _, _, tgts in evs)


def test_heavy_object_after_an_as_predicate(analyse: Any) -> None:
    text = "Ghana on Monday condemned as a grave violation Togo's seizure of the border post."
    assert _first(analyse, text) == ("ACCUSE", "GHA", ["TGO"])


def test_protest_purpose_reaches_the_agent_of_a_participle(analyse: Any) -> None:
    text = (
        "Kenyan farmers began a hunger strike outside parliament to demand the return of land "
        "seized by Ugandan troops."
    )
    evs = [e for e in _dyads(analyse, text) if e[0] == "PROTEST"]
    assert evs and evs[0][2] == ["UGA"]


def test_content_clause_of_the_particle_object_names_the_target(analyse: Any) -> None:
    text = (
        "The opposition insisted on its demand that the Zambian government release the detainees."
    )
    typ, _, tgts = _first(analyse, text)
    assert typ == "REQUEST" and tgts == ["ZMB"]


def test_in_protest_of_names_the_party_protested(analyse: Any) -> None:
    text = "Kenyan students began a hunger strike in protest of the Ugandan government's decision."
    typ, src, tgts = _first(analyse, text)
    assert (typ, src, tgts) == ("PROTEST", "KEN", ["UGA"])


def test_in_retaliation_for_names_the_party_answered(analyse: Any) -> None:
    text = "Ghana recalled its ambassador in retaliation for Togo's expulsion of its diplomats."
    evs = _dyads(analyse, text)
    assert evs and evs[0][1] == "GHA" and evs[0][2] == ["TGO"]


def test_participle_modifying_a_noun_takes_it_as_patient(analyse: Any) -> None:
    text = "Two Kenyan journalists arrested on Monday appeared in court in Nairobi."
    (e,) = [e for e in analyse(text).events if e.trigger == "arrested"]
    assert e.event_type == "COERCE" and e.source is None
    assert [t.actor.country for t in e.targets] == ["KEN"]


def test_stranded_preposition_shares_the_coordinated_phrases_object(analyse: Any) -> None:
    text = "Chile has established diplomatic relations with and opened an embassy in Peru."
    assert _first(analyse, text) == ("SUPPORT", "CHL", ["PER"])


def test_passive_withdrawal_without_agent_is_done_by_the_withdrawn(analyse: Any) -> None:
    text = "Hundreds of Kenyan troops were withdrawn from Somalia on Monday."
    (e,) = [e for e in analyse(text).events if e.event_type == "RETREAT"]
    assert e.source is not None and e.source.actor.country == "KEN"
    assert [t.actor.country for t in e.targets] == ["SOM"]


def test_passive_release_keeps_the_released_as_target(analyse: Any) -> None:
    text = "Two Kenyan journalists were released on Monday."
    (e,) = [e for e in analyse(text).events if e.event_type == "RETREAT"]
    assert e.source is None or e.source.actor.country != "KEN"
    assert [t.actor.country for t in e.targets] == ["KEN"]


def test_equipping_participle_without_agent_is_a_description(analyse: Any) -> None:
    text = "Kenyan troops were attacked by Somali gunmen armed with rifles."
    assert [e.event_type for e in analyse(text).events] == ["ASSAULT"]
    text = "Kenyan troops were attacked by Somali gunmen armed by Eritrea."
    assert "AID" in [e.event_type for e in analyse(text).events]


def test_coordinated_country_modifiers_each_name_a_party(analyse: Any) -> None:
    # "U.S." is parsed as an nmod of the noun, "Russian" as its conjunct: both are parties
    assert _first(analyse, "Chinese officials met U.S. and Russian negotiators in Geneva.") == (
        "CONSULT",
        "CHN",
        ["USA", "RUS"],
    )
