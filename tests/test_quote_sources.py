"""Sources that are not a cue's subject: polls, "according to", "as X put it" (own sentences)."""

from __future__ import annotations

from typing import Any


def _speakers(analyse: Any, text: str) -> list[tuple[str | None, str | None, str]]:
    art = analyse(text)
    return [
        (text[q.speaker_start : q.speaker_end] if q.speaker_start >= 0 else None, q.cue, q.text)
        for q in art.quotes
    ]


def test_a_clause_set_in_a_poll_is_what_the_poll_reports(analyse: Any) -> None:
    got = _speakers(analyse, "The mayor held a ten-point lead in the latest city poll.")
    assert any(
        src is not None and src.endswith("city poll") and cue == "in" and "ten-point lead" in t
        for src, cue, t in got
    )


def test_polls_in_general_report_nothing(analyse: Any) -> None:
    got = _speakers(analyse, "The governor kept rising in the polls all through the winter.")
    assert all(cue != "in" for _, cue, _ in got)


def test_respondents_of_a_poll_speak_through_the_poll(analyse: Any) -> None:
    got = _speakers(
        analyse, "In a new state poll, 75 percent of farmers said the harvest was weak."
    )
    assert any(src == "a new state poll" and "harvest" in t for src, _, t in got)
    got = _speakers(
        analyse,
        "Some 20 percent of people in a recent national poll said they trust the senator.",
    )
    assert any(src == "a recent national poll" and "trust" in t for src, _, t in got)


def test_according_to_reports_what_was_said(analyse: Any) -> None:
    got = _speakers(
        analyse, "About half of the nurses said they would strike, according to the union."
    )
    said = [src for src, cue, _ in got if cue == "said"]
    assert said == ["the union"]


def test_as_clause_attributes_the_clause_it_modifies(analyse: Any) -> None:
    got = _speakers(
        analyse, "As the local paper reported, the new bridge would cost twice the estimate."
    )
    assert any(src == "the local paper" and t.startswith("the new bridge") for src, _, t in got)
    got = _speakers(
        analyse, "As one farmer put it, the drought has ruined an entire season of work."
    )
    assert any(src is not None and src.endswith("farmer") and "drought" in t for src, _, t in got)


def test_a_short_infinitive_is_content(analyse: Any) -> None:
    got = _speakers(analyse, "A spokeswoman for the ministry declined to comment.")
    assert any(
        src is not None and src.endswith("spokeswoman") and t == "to comment" for src, _, t in got
    )


def test_attitude_adjectives_attribute_their_complement(analyse: Any) -> None:
    got = _speakers(analyse, "The senator has been critical of the new trade deal.")
    assert ("The senator", "critical", "the new trade deal") in got
    got = _speakers(analyse, "Local farmers are worried that the rain will ruin the crop.")
    assert any(src == "Local farmers" and t == "the rain will ruin the crop" for src, _, t in got)
    got = _speakers(analyse, "The governor is eager to sign the budget bill.")
    assert any(src == "The governor" and t.startswith("to sign") for src, _, t in got)


def test_attitude_needs_a_holder_and_a_complement(analyse: Any) -> None:
    got = _speakers(analyse, "It is certain that the old bridge will close in May.")
    assert all(cue != "certain" for _, cue, _ in got)
    got = _speakers(analyse, "The voters in the north were happy.")
    assert all(cue != "happy" for _, cue, _ in got)


def test_a_trailing_finding_reports_the_clause_before_it(analyse: Any) -> None:
    got = _speakers(
        analyse, "Voters in the state strongly oppose the new toll, a recent survey finds."
    )
    assert any(
        src == "a recent survey" and t.startswith("Voters in the state") for src, _, t in got
    )
    assert all(src is None or "Voters" not in src for src, _, _ in got)


def test_a_report_inside_another_report_is_part_of_it(analyse: Any) -> None:
    got = _speakers(
        analyse,
        "The minister told the envoy that the border would stay closed, according to two "
        "officials.",
    )
    assert got and all(src is not None and src.endswith("officials") for src, _, _ in got)


def test_speaking_of_a_topic_attributes_the_topic(analyse: Any) -> None:
    got = _speakers(analyse, "The mayor spoke out against the new harbour tax on Monday.")
    assert ("The mayor", "spoke", "the new harbour tax") in got
    got = _speakers(analyse, "The witness spoke on the condition of anonymity.")
    assert all(cue != "spoke" for _, cue, _ in got)


def test_a_possessed_noun_of_statement_attributes_its_clause(analyse: Any) -> None:
    got = _speakers(analyse, "The governor's claim that the budget is balanced was false.")
    assert ("The governor", "claim", "the budget is balanced") in got
    got = _speakers(analyse, "The union renewed its call for a higher minimum wage.")
    assert any(src == "its" and "minimum wage" in t for src, _, t in got)


def test_the_subject_next_to_the_verb_is_the_source(analyse: Any) -> None:
    got = _speakers(
        analyse, "Farmers, the minister suggested, will not have to repay the loans this year."
    )
    assert any(src == "the minister" and cue == "suggested" for src, cue, _ in got)
    got = _speakers(
        analyse, "Parents protested the funding formula, which critics say hurts small schools."
    )
    assert any(src == "critics" and "small schools" in t for src, _, t in got)


def test_a_name_after_a_dash_before_a_colon_is_the_speaker(analyse: Any) -> None:
    got = _speakers(
        analyse,
        "FARM PRICES MAY FALL AGAIN - Jane Miller and Tom Reyes: “Although the harvest was "
        "large, prices will not recover this year.”",
    )
    assert any(src is not None and src.endswith("Tom Reyes") for src, _, _ in got)
    got = _speakers(
        analyse,
        "More from the report: “Wages in the region grew faster than prices for a decade.”",
    )
    assert any(src == "the report" and "Wages" in t for src, _, t in got)


def test_a_quoted_paragraph_continues_the_latest_report(analyse: Any) -> None:
    text = (
        "“The harbour needs dredging soon,” the port director said.\n\n"
        "Mayor Lind said that the council had delayed the work for years, but this would end.\n\n"
        "“That is because the city depends on the ships that use this harbour every day.”"
    )
    got = _speakers(analyse, text)
    last = next(g for g in got if g[2].startswith("That is because"))
    assert last[0] is not None and last[0].endswith("Lind")


def test_a_verb_with_a_thing_said_as_object_reports_it(analyse: Any) -> None:
    got = _speakers(
        analyse, "The mayor unleashed a series of tweets mocking the harbour commission."
    )
    assert any(
        src == "The mayor" and cue == "unleashed" and t.startswith("a series of tweets")
        for src, cue, t in got
    )
    got = _speakers(analyse, "The senator laid out her proposals for rural hospitals.")
    assert any(src == "The senator" and "proposals" in t for src, _, t in got)


def test_handling_a_thing_said_does_not_say_it(analyse: Any) -> None:
    got = _speakers(analyse, "The clerk received a letter from the tenants on Monday.")
    assert all(src != "The clerk" for src, _, _ in got)


def test_an_object_made_to_speak_is_the_source(analyse: Any) -> None:
    got = _speakers(
        analyse, "The committee forced the banker to admit that the fund had lost money."
    )
    assert any(src == "the banker" and "lost money" in t for src, _, t in got)


def test_a_quantifier_subject_is_a_speaker(analyse: Any) -> None:
    got = _speakers(
        analyse, "Most farmers backed the plan, but many said the subsidies came too late."
    )
    assert any(src == "many" and "too late" in t for src, _, t in got)


def test_an_order_to_an_addressee_is_content(analyse: Any) -> None:
    got = _speakers(analyse, "The chairman told the senator to sit down during the hearing.")
    assert any(
        src == "The chairman" and t.startswith("the senator to sit down") for src, _, t in got
    )


def test_agreeing_to_do_something_and_wanting_a_thing(analyse: Any) -> None:
    got = _speakers(analyse, "The company agreed to pay a large fine to the state.")
    assert any(src == "The company" and t.startswith("to pay") for src, _, t in got)
    got = _speakers(analyse, "Many young voters want a clean break from the old parties.")
    assert any(
        src is not None and src.endswith("voters") and t.startswith("a clean break")
        for src, _, t in got
    )


def test_stances_towards_an_object(analyse: Any) -> None:
    cases = [
        ("The mayor described the new bridge as a waste of money.", "described"),
        ("The senator invoked the great flood of 1927 in her speech.", "invoked"),
        ("The governor credited the nurses with saving the hospital.", "credited"),
        ("The coach chided the referees for their late whistle.", "chided"),
        ("The union challenged the ruling in a higher court.", "challenged"),
        ("The ad painted the senator as a friend of the banks.", "painted"),
        ("The envoy mentioned the border dispute twice in his remarks.", "mentioned"),
        ("The report identified the old dam as the main risk.", "identified"),
        ("The minister echoed the warnings of the central bank.", "echoed"),
        ("The candidate addressed the question of farm subsidies.", "addressed"),
    ]
    for text, cue in cases:
        got = _speakers(analyse, text)
        assert any(c == cue and src is not None for src, c, _ in got), (text, got)


def test_a_document_issued_is_its_issuers_statement(analyse: Any) -> None:
    got = _speakers(
        analyse, "The governor released a letter from her doctor that says she is in good health."
    )
    assert any(src == "The governor" and "good health" in t for src, _, t in got)


def test_choices_and_releases_state_a_position(analyse: Any) -> None:
    cases = [
        ("The president nominated a young judge for the supreme court.", "nominated"),
        ("The mayor named her deputy as the new police chief.", "named"),
        ("The governor appointed a former banker to the water board.", "appointed"),
        ("The council cast the new plan as a threat to small shops.", "cast"),
        ("The board approved the merger of the two hospitals.", "approved"),
        ("The agency released its findings on the train crash.", "released"),
    ]
    for text, cue in cases:
        got = _speakers(analyse, text)
        assert any(c == cue and src is not None for src, c, _ in got), (text, got)


def test_a_one_word_answer_is_what_was_said(analyse: Any) -> None:
    got = _speakers(analyse, "Asked whether the dam was safe, 46 percent of residents said no.")
    assert any(t == "no" and src is not None and "percent" in src for src, _, t in got)


def test_a_clause_after_say_mislabelled_as_infinitive(analyse: Any) -> None:
    got = _speakers(analyse, "The farmer says cut the taxes and fix the roads first.")
    assert any(src == "The farmer" and t.startswith("cut the taxes") for src, _, t in got)


def test_as_x_put_it_introduces_a_quotation(analyse: Any) -> None:
    got = _speakers(
        analyse,
        "Or, as one retired judge put it: “The courts are no longer the last line. They are "
        "the first.”",
    )
    assert any(
        src is not None and src.endswith("judge") and t.startswith("The courts")
        for src, _, t in got
    )


def test_read_and_react_next_to_a_quotation(analyse: Any) -> None:
    got = _speakers(
        analyse, "“We will not close the school this winter,” read the statement from the district."
    )
    assert any(src == "the statement" and cue == "read" for src, cue, _ in got)
    got = _speakers(analyse, "“What is he talking about?” reacted the mayor.")
    assert any(src == "the mayor" and cue == "reacted" for src, cue, _ in got)
