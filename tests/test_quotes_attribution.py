"""Quote attribution rules on invented sentences: quotation marks, passives, statements."""

from __future__ import annotations

from typing import Any

from bowerbird.stages.quote_layout import open_paragraphs, quoted_spans, transcript_label
from bowerbird.stages.quote_rules import inflections


def _speakers(analyse: Any, text: str) -> list[tuple[str | None, str | None, str]]:
    art = analyse(text)
    return [
        (text[q.speaker_start : q.speaker_end] if q.speaker_start >= 0 else None, q.cue, q.text)
        for q in art.quotes
    ]


def test_two_apostrophes_delimit_a_quotation() -> None:
    text = "''We will rebuild the bridge by spring,'' the mayor said. It's the mayor's plan."
    ((a, b),) = quoted_spans(text)
    assert text[a:b] == "We will rebuild the bridge by spring,"


def test_quotation_marks_pair_by_the_way_they_face() -> None:
    text = (
        '“We heard the speech," the envoy said. "It changes nothing.”\n'
        '<embed id="42" name="x">A "so-called deal" was signed.'
    )
    got = [text[a:b] for a, b in quoted_spans(text)]
    assert got == ["We heard the speech,", "It changes nothing.", "so-called deal"]


def test_quotes_with_two_apostrophes_are_attributed(analyse: Any) -> None:
    text = (
        "The Pakistani foreign minister visited Kabul on Monday.\n\n"
        "''The corridor will bring jobs to our people,'' he said. "
        "''It will be finished within two years.''"
    )
    got = _speakers(analyse, text)
    direct = [g for g in got if "corridor" in g[2]]
    assert direct and direct[0][0] == "he" and direct[0][1] == "said"
    assert "finished within two years" in direct[0][2]


def test_multi_paragraph_quotation_with_two_apostrophes() -> None:
    text = "''First paragraph of a long quotation.\n\n''Second paragraph, which closes it.''\n"
    ((a, b),) = open_paragraphs(text)
    assert text[a:b] == "First paragraph of a long quotation."


def test_passive_cue_subject_is_not_the_source(analyse: Any) -> None:
    got = _speakers(analyse, "The senator was asked whether the budget would pass in March.")
    assert all(src != "The senator" and src != "senator" for src, _, _ in got)
    got = _speakers(analyse, "The ambassador was told by the minister that talks would resume.")
    assert any(src is not None and src.endswith("minister") for src, _, _ in got)


def test_passive_reached_by_climbing_keeps_its_subject(analyse: Any) -> None:
    got = _speakers(
        analyse, "The general was quoted as saying that the troops would leave in June."
    )
    assert any(src == "The general" for src, _, _ in got)


def test_a_statement_is_attributed_to_its_issuer(analyse: Any) -> None:
    got = _speakers(
        analyse, "The Indian embassy issued a statement saying that the visa rules would change."
    )
    assert any(
        src is not None and src.endswith("Indian embassy") and "visa rules" in t
        for src, _, t in got
    )


def test_infinitive_modifier_has_no_source_of_its_own(analyse: Any) -> None:
    got = _speakers(
        analyse, "The council passed new rules intended to limit the sale of farm land."
    )
    assert all(src is None or "rules" not in src for src, _, _ in got)


def test_inflected_cue_read_from_the_word_when_the_lemma_is_wrong(analyse: Any) -> None:
    assert "hoping" in inflections("hope") and "hoped" in inflections("hope")
    for verb in ("hopes", "hoped"):
        got = _speakers(analyse, f"The Kenyan president {verb} to sign the trade deal in May.")
        assert any(
            src is not None and src.endswith("president") and "sign the trade deal" in t
            for src, _, t in got
        ), verb


def test_attitude_verbs_from_the_lexicon(analyse: Any) -> None:
    got = _speakers(
        analyse,
        "The Chilean government proposed a new tax on copper exports. "
        "The opposition leader denounced the plan as a threat to jobs. "
        "The miners' union declined to comment on the proposal.",
    )
    cues = {c for _, c, _ in got}
    assert {"proposed", "denounced", "declined"} <= cues


def test_the_cue_between_two_quoted_pieces_attributes_them(analyse: Any) -> None:
    text = (
        "The Brazilian minister spoke first, and the Kenyan envoy answered him.\n\n"
        "“Our farmers need the new port. They have waited for years. The roads are ready,” "
        "said the envoy from Kenya. “The trucks are waiting and the ships can come next month.”"
    )
    got = _speakers(analyse, text)
    (q,) = [g for g in got if "farmers" in g[2]]
    assert q[0] is not None and q[0].endswith("envoy") and "ships" in q[2]


def test_a_short_clause_after_a_quotation_attributes_it_whatever_its_verb(analyse: Any) -> None:
    text = (
        "“You will lose this vote by a wide margin tonight,” the governor said.\n\n"
        "“We will win it in the end, whatever the polls show,” the senator shot back."
    )
    got = _speakers(analyse, text)
    (q,) = [g for g in got if "win it" in g[2]]
    assert q[0] is not None and q[0].endswith("senator")


def test_a_paragraph_with_words_outside_the_quotation_does_not_continue_it(analyse: Any) -> None:
    text = (
        "“The border will stay open for trade,” the Turkish minister said.\n\n"
        "“We have no reason to close it,” Mr. Yilmaz, his deputy, quipped at the airport."
    )
    got = _speakers(analyse, text)
    (q,) = [g for g in got if "no reason" in g[2]]
    assert q[0] is None or "minister" not in q[0]


def test_expletive_subjects_name_no_source(analyse: Any) -> None:
    got = _speakers(
        analyse,
        "It is hard to imagine that the treaty will pass. "
        "That said, the Danish government believes that the vote will be close.",
    )
    assert all(src not in {"It", "That"} for src, _, _ in got)
    assert any(src is not None and "government" in src for src, _, _ in got)


def test_short_objects_of_attitudes_and_findings_are_content(analyse: Any) -> None:
    got = _speakers(
        analyse,
        "The Ghanaian president endorsed Mahama. "
        "The Zambian finance minister agreed with the analysis.",
    )
    assert any(c == "endorsed" and t == "Mahama" for _, c, t in got)
    assert any(
        src is not None and src.endswith("minister") and "analysis" in t for src, _, t in got
    )


def test_a_possessor_is_the_source_of_a_noun_of_speech(analyse: Any) -> None:
    got = _speakers(
        analyse, "The Peruvian president's assertion that the vote was fair angered many voters."
    )
    assert any(
        c == "assertion" and src is not None and src.endswith("president") and "vote" in t
        for src, c, t in got
    )


def test_participles_as_modifiers_are_not_cues(analyse: Any) -> None:
    got = _speakers(analyse, "She has won most of the pledged delegates in the southern states.")
    assert all(c != "pledged" for _, c, _ in got)


def test_a_passive_infinitive_cue_has_no_source(analyse: Any) -> None:
    got = _speakers(analyse, "The senator is likely to be found in his office on Monday.")
    assert all(src is None or "senator" not in src for src, _, _ in got)


def test_a_name_after_a_dash_signs_the_quotation(analyse: Any) -> None:
    text = (
        "Readers wrote to us about the new port.\n\n"
        "“The port will bring work to every family in this town.” ― Amina Diallo, Dakar.\n\n"
        "Plain text follows here."
    )
    got = _speakers(analyse, text)
    (q,) = [g for g in got if "port will bring" in g[2]]
    assert q[0] is not None and q[0].endswith("Diallo")
    glued = "“The new port will bring work to every family in town.”― Amina Diallo\n\nMore."
    got = _speakers(analyse, glued)
    assert [src for src, _, _ in got] == ["Amina Diallo"]


def test_a_reporting_verb_with_a_topic_phrase(analyse: Any) -> None:
    got = _speakers(analyse, "The Nigerian governor pointed to the new rail line.")
    assert any(
        src is not None and src.endswith("governor") and "rail line" in t for src, _, t in got
    )


def test_boasting_reports_a_clause(analyse: Any) -> None:
    got = _speakers(analyse, "The Polish minister boasted that exports had doubled in a year.")
    assert any(c == "boasted" and "exports had doubled" in t for _, c, t in got)


def test_a_thing_made_to_report_has_the_source_of_its_maker(analyse: Any) -> None:
    got = _speakers(
        analyse,
        "The Chilean minister held a briefing to announce that the copper mine would reopen.",
    )
    assert any(
        src is not None and src.endswith("minister") and "copper mine" in t for src, _, t in got
    )


def test_transcript_speaker_labels(analyse: Any) -> None:
    assert transcript_label("“HOLT: Let us turn to trade now.”", 1) == (1, 5)
    assert transcript_label("“UPDATE: the vote is delayed.”", 1) is None
    text = (
        "Part of the interview follows.\n\n"
        "“RAMOS: Will the new bridge be finished before the election next year?”\n\n"
        "MENDEZ: It will be finished in the spring, and it will carry trucks too."
    )
    got = _speakers(analyse, text)
    assert ("RAMOS", ":") in [(s, c) for s, c, _ in got]
    assert ("MENDEZ", ":") in [(s, c) for s, c, _ in got]


def test_the_clause_after_the_verb_is_its_content(analyse: Any) -> None:
    text = (
        "More than six in 10 said they were tired of the campaign; "
        "46 percent said they were unenthusiastic about the election."
    )
    got = _speakers(analyse, text)
    assert any(t.startswith("they were unenthusiastic") for _, _, t in got)


def test_an_inverted_cue_after_the_clause(analyse: Any) -> None:
    text = (
        "The steel plant is hanging on, but it is under intense pressure from imports, "
        "said the company's chief executive, John Ferriola."
    )
    got = _speakers(analyse, text)
    assert any(
        src is not None and "executive" in src and "pressure from imports" in t for src, _, t in got
    )


def test_a_misprinted_opening_mark_after_a_word_closes() -> None:
    text = "“Apparently not,“ he said. “A leopard does not change its spots.”"
    assert [text[a:b] for a, b in quoted_spans(text)] == [
        "Apparently not,",
        "A leopard does not change its spots.",
    ]


def test_a_long_sentence_after_a_quotation_counts_by_its_opening_words(analyse: Any) -> None:
    text = (
        "“It looks like we will not have a very good relationship, who knows?” "
        "the Mexican president told a television station in an interview aired on Monday "
        "when reporters asked how ties would fare after the election."
    )
    got = _speakers(analyse, text)
    (q,) = [g for g in got if "good relationship" in g[2]]
    assert q[0] is not None and q[0].endswith("president") and q[1] == "told"


def test_object_content_needs_a_content_word() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from bowerbird.stages.quote_content import object_content

    bare = Doc(
        Vocab(),
        words=["He", "railed", "against", "."],
        heads=[1, 1, 1, 1],
        deps=["nsubj", "ROOT", "prep", "punct"],
        pos=["PRON", "VERB", "ADP", "PUNCT"],
    )
    assert object_content(bare[1]) is None
    full = Doc(
        Vocab(),
        words=["He", "railed", "against", "the", "fees"],
        heads=[1, 1, 1, 4, 2],
        deps=["nsubj", "ROOT", "prep", "det", "pobj"],
        pos=["PRON", "VERB", "ADP", "DET", "NOUN"],
    )
    span = object_content(full[1])
    assert span is not None and span.text == "the fees"


def test_a_relative_clause_speaker_spans_its_antecedent(analyse: Any) -> None:
    text = (
        "The farmers' union, which said the subsidy was too small, met the minister. "
        "Maria Lopez, who said the port would reopen, left early."
    )
    speakers = {sp for sp, _, _ in _speakers(analyse, text)}
    assert any(sp and sp.endswith("union, which") for sp in speakers), speakers
    assert any(sp and sp.startswith("Maria Lopez") and sp.endswith("who") for sp in speakers)


def test_a_verb_of_thought_introduces_no_direct_quote(analyse: Any) -> None:
    said = analyse("“We will carry the county.” The organiser said it twice.").quotes
    assert any(q.direct and q.cue == "said" for q in said), said
    thought = analyse("“We will carry the county.” The organiser knows it well.").quotes
    assert not any(q.direct and q.cue == "knows" for q in thought), thought


def test_a_reduced_passive_cue_has_no_subject_as_source(analyse: Any) -> None:
    text = "When asked about the new budget, the governor said the plan was balanced."
    got = _speakers(analyse, text)
    assert ("the governor", "said", "the plan was balanced") in got, got
    assert not any(cue == "asked" and sp == "the governor" for sp, cue, _ in got), got


def test_a_person_finding_a_thing_reports_nothing(analyse: Any) -> None:
    found = _speakers(analyse, "The survey found broad support for the new tax.")
    assert any(cue == "found" and sp == "The survey" for sp, cue, _ in found), found
    looked = _speakers(analyse, "She could not find a seat at the crowded rally.")
    assert not any(cue == "find" for _, cue, _ in looked), looked


def test_the_speaker_next_to_a_cue_is_a_person_not_the_scene(nlp: Any) -> None:
    from bowerbird.stages.quote_rules import speaker_next_to

    doc = nlp(
        "In a conference call with reporters on Monday, Colonel Maria Ruiz, a spokeswoman, said."
    )
    cue = next(t for t in doc if t.text == "said")
    tok = speaker_next_to(doc, cue, [])
    assert tok is not None and tok.text == "Ruiz"
    doc = nlp("At the rally in the park, the organiser of the march said.")
    cue = next(t for t in doc if t.text == "said")
    tok = speaker_next_to(doc, cue, [])
    assert tok is not None and tok.text == "organiser"


def test_a_phrase_of_time_or_place_is_no_object_content(analyse: Any) -> None:
    topic = _speakers(analyse, "The city council will vote on the housing budget.")
    assert any(cue == "vote" and "housing budget" in text for _, cue, text in topic), topic
    when = _speakers(analyse, "The city council will vote on Tuesday.")
    assert not any(cue == "vote" for _, cue, _ in when), when
