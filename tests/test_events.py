"""Events: triggers, source/target syntax, status, PLOVER derived fields, evidence."""

from __future__ import annotations

from typing import Any

import pytest

from bowerbird import plover


def _events(analyse: Any, text: str) -> list[Any]:
    return list(analyse(text).events)


def _dyad(e: Any) -> tuple[str | None, list[str | None]]:
    return (e.source.actor.country if e.source else None, [t.actor.country for t in e.targets])


def test_events_phone_call_light_verb_with_person_actors(analyse: Any) -> None:
    evs = _events(
        analyse,
        "Chinese Foreign Minister Wang Yi held a phone call with U.S. Secretary "
        "of State Antony Blinken on Monday.",
    )
    assert len(evs) == 1
    e = evs[0]
    assert (e.event_type, e.mode, e.status) == ("CONSULT", "phone", "occurred")
    assert e.source.actor.actor_id == "person:wang-yi"
    assert [t.actor.actor_id for t in e.targets] == ["person:antony-blinken"]
    assert (
        e.quad_class == 1 and e.cameo_root == "04" and e.score == plover.score("CONSULT", "phone")
    )


def test_events_passive_voice_swaps_source_and_target(analyse: Any) -> None:
    (e,) = [
        e
        for e in _events(analyse, "Pakistani troops were attacked by Taliban fighters on Tuesday.")
        if e.event_type == "ASSAULT"
    ]
    assert e.source.actor.actor_id == "org:taliban"
    assert e.targets[0].actor.actor_id == "PAK-MIL"


def test_events_sanctions_on_target_through_noun(analyse: Any) -> None:
    (e,) = _events(analyse, "Washington imposed sanctions on Moscow last week.")
    assert e.event_type == "SANCTION" and _dyad(e) == ("USA", ["RUS"])


def test_events_coordinated_subjects_of_symmetric_event(analyse: Any) -> None:
    (e,) = _events(analyse, "China and Pakistan agreed to expand trade.")
    assert e.event_type == "AGREE" and _dyad(e) == ("CHN", ["PAK"])


def test_events_met_with_counterparts_from_several_states(analyse: Any) -> None:
    evs = _events(analyse, "Russia's foreign minister met with counterparts from India and China.")
    (e,) = [x for x in evs if x.event_type == "CONSULT"]
    assert e.source.actor.actor_id == "person:sergey-lavrov"
    assert sorted(t.actor.country for t in e.targets) == ["CHN", "IND"]


def test_events_reported_speech_source_is_the_reported_subject(analyse: Any) -> None:
    evs = _events(
        analyse,
        "A senior State Department official said the Taliban had agreed to let foreigners leave.",
    )
    agree = [e for e in evs if e.event_type == "AGREE"]
    assert agree and agree[0].source.actor.actor_id == "org:taliban"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Pakistan's army chief did not attend the meeting with Chinese officials.", "negated"),
        ("Chinese officials will hold talks with the Taliban on 28 September.", "planned"),
        ("Iran will not attack Israel.", "negated"),
        ("Iran could attack Israel if the talks fail.", "hypothetical"),
        ("Iran attacked Israel on Saturday.", "occurred"),
    ],
)
def test_events_status(analyse: Any, text: str, status: str) -> None:
    evs = _events(analyse, text)
    assert evs, text
    assert evs[0].status == status


def test_events_no_event_without_actors_or_trigger(analyse: Any) -> None:
    assert _events(analyse, "The weather in Kabul was hot and dry on Monday.") == []
    assert _events(analyse, "Officials attended a ceremony.") == []


def test_events_evidence_is_the_sentence_with_offsets(analyse: Any) -> None:
    art = analyse("Markets were calm. Beijing urged the Taliban to form an inclusive government.")
    (e,) = art.events
    ev = e.evidence[0]
    assert ev.sentence_index == 1
    assert art.document.text[ev.start : ev.end] == ev.text
    assert "urged" in ev.text
    assert art.document.text[e.trigger_start : e.trigger_end] == "urged"


def test_events_main_clause_event_comes_first(analyse: Any) -> None:
    evs = _events(analyse, "Beijing condemned the attack on the embassy by the militants.")
    assert evs[0].event_type == "ACCUSE"


def test_events_intentions_follow_plover_agree_and_threaten(analyse: Any) -> None:
    (e,) = [
        x for x in _events(analyse, "Syria says it is willing to withdraw its troops from Lebanon.")
    ]
    assert (e.event_type, e.status, e.cameo_root) == ("AGREE", "planned", "03")
    assert e.source.actor.country == "SYR"
    evs = _events(analyse, "Greece plans to impose sanctions on Serbia.")
    assert evs and (evs[0].event_type, evs[0].mode, evs[0].status) == (
        "THREATEN",
        "relations",
        "planned",
    )


def test_events_must_clause_in_reported_speech_is_a_request(analyse: Any) -> None:
    evs = _events(
        analyse, "A senior British minister said that Libya must hand over the two suspects."
    )
    assert [e.event_type for e in evs] == ["REQUEST"]
    assert _dyad(evs[0]) == ("GBR", ["LBY"])
    assert evs[0].mode == "assist"  # handing over suspects is judicial cooperation


def test_events_rule_table_for_intentions() -> None:
    from bowerbird.stages.event_rules import intent_coding

    assert intent_coding("CONSULT", "visit", "planned") == ("AGREE", None, "03")
    assert intent_coding("RETREAT", "release", "planned") == ("AGREE", None, "03")
    assert intent_coding("COERCE", "arrest", "planned") == ("THREATEN", "arrest", "13")
    assert intent_coding("ASSAULT", None, "planned") == ("THREATEN", "violence", "13")
    assert intent_coding("ASSAULT", None, "occurred") == ("ASSAULT", None, None)
    assert intent_coding("ACCUSE", "allege", "planned") == ("ACCUSE", "allege", None)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Russia strengthened its forces near the border with Ukraine.", "MOBILIZE"),
        ("Turkish troops recaptured the town from the Kurdish militia.", "ASSAULT"),
        ("Egypt ended its mediation with the Palestinian factions.", "SANCTION"),
        ("The Iranian government received a mission of observers from the IAEA.", "RETREAT"),
        ("Pakistan cancelled the curfew in Islamabad.", "CONCEDE"),
        ("India and Japan failed to reach an agreement on trade.", "REJECT"),
        ("Syria said it will not accept more refugees from Iraq.", "REJECT"),
        ("French and Egyptian warships launched joint exercises.", "COOPERATE"),
        ("Iran said on Friday that Britain must release the tanker.", "REQUEST"),
    ],
)
def test_events_general_coding_rules(analyse: Any, text: str, event_type: str) -> None:
    evs = _events(analyse, text)
    assert evs, text
    assert evs[0].event_type == event_type, [(e.event_type, e.trigger) for e in evs]


def test_events_content_of_a_demand_is_not_an_event(analyse: Any) -> None:
    evs = _events(analyse, "Nigerian elders demanded that the government arrest the governor.")
    assert [e.event_type for e in evs] == ["REQUEST"]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Germany gave 350 million euros to Ethiopia for development.", "DEU", "ETH"),
        ("The United States has provided $1.2 billion to Egypt this year.", "USA", "EGY"),
        ("China donated vaccines to Pakistan.", "CHN", "PAK"),
    ],
)
def test_events_material_aid_with_money_or_supplies(
    analyse: Any, text: str, source: str, target: str
) -> None:
    evs = [e for e in _events(analyse, text) if e.event_type == "AID"]
    assert evs, text
    assert _dyad(evs[0]) == (source, [target])


def test_events_pronoun_it_refers_to_the_last_state_subject(analyse: Any) -> None:
    art = analyse(
        "Pakistan closed the border crossing. It later accused India of shelling villages."
    )
    accuse = [e for e in art.events if e.event_type == "ACCUSE"]
    assert accuse and _dyad(accuse[0]) == ("PAK", ["IND"])


def test_events_noun_event_takes_the_clause_subject(analyse: Any) -> None:
    evs = _events(analyse, "In a phone call with Wang Yi, Antony Blinken discussed Afghanistan.")
    consult = [e for e in evs if e.event_type == "CONSULT" and e.targets]
    assert consult and consult[0].source.actor.actor_id == "person:antony-blinken"
    assert [t.actor.actor_id for t in consult[0].targets] == ["person:wang-yi"]
    assert all(t.actor.country != "AFG" for e in evs for t in e.targets)  # a topic


def test_events_material_act_without_recipient_targets_its_place(analyse: Any) -> None:
    (e,) = [
        x
        for x in _events(analyse, "Serbia lifted the night curfew in Podgorica on Sunday.")
        if x.event_type == "CONCEDE"
    ]
    assert e.location is not None and e.location.country == "MNE"
    assert _dyad(e) == ("SRB", ["MNE"])


def test_events_own_forces_are_not_the_target(analyse: Any) -> None:
    (e,) = _events(analyse, "Syria said it would withdraw its troops from Lebanon.")
    assert _dyad(e) == ("SYR", ["LBN"])


def test_events_unnamed_perpetrator_is_a_domestic_actor_of_the_place(analyse: Any) -> None:
    evs = [
        e
        for e in _events(
            analyse, "A roadside bombing near the town of Samarra killed three Iraqi soldiers."
        )
        if e.event_type == "ASSAULT"
    ]
    assert evs and evs[0].location is not None and evs[0].location.country == "IRQ"


def test_events_unknown_person_takes_the_country_of_the_place(analyse: Any) -> None:
    evs = _events(
        analyse, "President Prosper Avril declared a state of siege in Haiti on Saturday."
    )
    assert evs and evs[0].source is not None
    assert (evs[0].source.actor.kind, evs[0].source.actor.country) == ("person", "HTI")


def test_events_protest_purpose_is_not_a_separate_event(analyse: Any) -> None:
    evs = _events(
        analyse,
        "Tens of thousands of students throughout Indonesia staged mass "
        "demonstrations on Saturday to demand political reforms.",
    )
    assert [e.event_type for e in evs] == ["PROTEST"]
    assert evs[0].source.actor.country == "IDN"


@pytest.mark.parametrize(
    ("text", "event_type", "dyad"),
    [
        # a protest's target is whom its demands address (the purpose clause)
        (
            "Thousands of Kenyan teachers marched in Nairobi to demand higher pay from the "
            "Kenyan government.",
            "PROTEST",
            ("KEN", ["KEN"]),
        ),
        (
            "Angry Peruvian farmers blocked highways to press their demands on Chile.",
            "PROTEST",
            ("PER", ["CHL"]),
        ),
        # the author of a rejected proposal is the target of the rejection
        ("Japan rejected a proposal by China for joint patrols.", "REJECT", ("JPN", ["CHN"])),
        ("Ankara has reneged on its pledge to Greece.", "REJECT", ("TUR", None)),
        ("Brazil is pressuring Paraguay to reopen the border.", "REQUEST", ("BRA", ["PRY"])),
        ("Norway launched a mediation effort between Colombia and Venezuela.", "CONSULT", None),
        ("The IAEA dispatched inspectors to Syria.", "ACCUSE", (None, ["SYR"])),
        ("Thousands of Nigerian dockworkers stopped work on Monday.", "PROTEST", ("NGA", [])),
        ("Kenya speeded up the withdrawal of its troops from Somalia.", "RETREAT", ("KEN", None)),
    ],
)
def test_events_purpose_clauses_rejected_proposals_and_new_trigger_senses(
    analyse: Any,
    text: str,
    event_type: str,
    dyad: tuple[str | None, list[str] | None] | None,
) -> None:
    evs = _events(analyse, text)
    assert evs, text
    e = evs[0]
    assert e.event_type == event_type, text
    if dyad is not None:
        source, targets = _dyad(e)
        if dyad[0] is not None:
            assert source == dyad[0], text
        if dyad[1] is not None:
            assert targets == dyad[1], text


def test_events_noun_event_object_of_a_verb_takes_that_verbs_subject(analyse: Any) -> None:
    (e,) = _events(analyse, "Saudi Arabia tightened the naval blockade of Yemen.")
    assert e.event_type == "COERCE" and _dyad(e) == ("SAU", ["YEM"])
    (t,) = _events(analyse, "NATO said it would tighten the blockade of Libya.")
    assert t.event_type == "THREATEN" and t.source.actor.actor_id == "org:nato"
    told = _events(analyse, "Biden told a news conference in Warsaw that the war must end.")
    assert not [e for e in told if e.event_type == "CONSULT"]  # speaking to it, not holding it


def test_events_demand_noun_speaker_is_the_subject_of_its_verb(analyse: Any) -> None:
    evs = _events(
        analyse, "Germany sent a sharp message to Hungary that it must respect the court."
    )
    requests = [e for e in evs if e.event_type == "REQUEST"]
    assert requests and _dyad(requests[0]) == ("DEU", ["HUN"])  # "it" is the one addressed


def test_events_unknown_name_takes_the_actor_of_its_apposition(analyse: Any) -> None:
    evs = _events(
        analyse, "Maria Olsen, the Swedish foreign ministry spokeswoman, demanded an inquiry."
    )
    assert evs and evs[0].event_type == "REQUEST" and _dyad(evs[0])[0] == "SWE"


def test_events_people_affiliated_with_a_group_are_that_group(analyse: Any) -> None:
    evs = _events(analyse, "Fighters loyal to the Taliban attacked a checkpoint near Herat.")
    assert evs and evs[0].event_type == "ASSAULT"
    assert evs[0].source.actor.actor_id == "org:taliban"


def test_events_forcing_people_out_is_coerced_displacement(analyse: Any) -> None:
    evs = _events(analyse, "Myanmar troops forced out thousands of villagers from their homes.")
    assert evs and (evs[0].event_type, evs[0].mode) == ("COERCE", "deport")
    assert _dyad(evs[0])[0] == "MMR"


def test_events_withdrawal_of_troops_from_a_country_targets_it(analyse: Any) -> None:
    evs = _events(analyse, "Russia completed the withdrawal of its forces from Georgia.")
    retreats = [e for e in evs if e.event_type == "RETREAT"]
    assert retreats and _dyad(retreats[0]) == ("RUS", ["GEO"])


def test_events_threatened_material_act_targets_its_place(analyse: Any) -> None:
    evs = _events(analyse, "Ecuador's government said it would impose a curfew in Guayaquil.")
    threats = [e for e in evs if e.event_type == "THREATEN"]
    assert threats and _dyad(threats[0]) == ("ECU", ["ECU"])
    meets = _events(analyse, "Iran and Saudi Arabia will meet in Beijing next month.")
    assert all(t.actor.country != "CHN" for e in meets for t in e.targets)  # only the venue


def test_events_conditional_threat_targets_who_must_meet_the_condition(analyse: Any) -> None:
    evs = _events(
        analyse, "Farmers in Kenya threatened to block roads unless Uganda lifted its ban."
    )
    threats = [e for e in evs if e.event_type == "THREATEN"]
    assert threats and [t.actor.country for t in threats[0].targets] == ["UGA"]


def test_events_recalled_ambassador_to_a_state_targets_that_state(analyse: Any) -> None:
    # the ambassador "to X" is the one accredited to X; a dateline is not a subject
    (e,) = [
        e
        for e in _events(
            analyse, "PARIS — France recalled its ambassadors to the United States and Australia."
        )
        if e.event_type == "SANCTION"
    ]
    assert _dyad(e) == ("FRA", ["USA", "AUS"])
    (f,) = [
        e
        for e in _events(analyse, "Ankara recalled its ambassador from the Netherlands.")
        if e.event_type == "SANCTION"
    ]
    assert _dyad(f) == ("TUR", ["NLD"])
