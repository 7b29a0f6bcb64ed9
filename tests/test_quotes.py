"""Quotes: direct and reported speech, speakers, cues, links to events (hand-written texts)."""

from __future__ import annotations

from typing import Any

from bowerbird.stages.quote_layout import headline_speakers, open_paragraphs


def _quotes(analyse: Any, text: str) -> list[tuple[str | None, str | None, str, bool]]:
    art = analyse(text)
    return [
        (q.speaker.actor.country if q.speaker else None, q.cue, q.text, q.direct)
        for q in art.quotes
    ]


def test_quotes_split_by_the_cue_become_one_quote(analyse: Any) -> None:
    text = (
        "“The withdrawal was rushed,” Chinese Foreign Minister Wang Yi said. "
        "“It has done serious damage to the region.”"
    )
    art = analyse(text)
    (q,) = art.quotes
    assert q.direct and q.cue == "said"
    assert q.speaker is not None and q.speaker.actor.actor_id == "person:wang-yi"
    assert "rushed" in q.text and "serious damage" in q.text
    assert text[q.speaker_start : q.speaker_end].endswith("Wang Yi")


def test_quotes_pronoun_speaker_resolved_by_coreference(analyse: Any) -> None:
    text = (
        "Chinese Foreign Minister Wang Yi met reporters in Beijing on Monday.\n\n"
        "“We will keep our embassy in Kabul open,” he said."
    )
    got = _quotes(analyse, text)
    assert ("CHN", "said", "We will keep our embassy in Kabul open,", True) in got


def test_quotes_paragraph_continuation_keeps_the_speaker(analyse: Any) -> None:
    text = (
        "“The talks were useful and frank,” the Pakistani foreign minister said.\n\n"
        "“We will decide on recognition together with our partners in the region.”"
    )
    art = analyse(text)
    assert len(art.quotes) == 2
    first, second = art.quotes
    assert second.speaker == first.speaker and second.speaker is not None
    assert second.speaker.actor.country == "PAK"
    assert second.quote_id != first.quote_id


def test_quotes_colon_introduced(analyse: Any) -> None:
    text = "The Iranian foreign ministry said: “The agreement opens a new chapter for the region.”"
    got = _quotes(analyse, text)
    assert any(c == "IRN" and "new chapter" in t for c, _, t, _ in got)


def test_quotes_indirect_speech_and_according_to(analyse: Any) -> None:
    got = _quotes(
        analyse,
        "Russia said that it would not recognise the Taliban soon. "
        "According to the Indian government, the strike hit a training camp.",
    )
    assert ("RUS", "said", "it would not recognise the Taliban soon", False) in got
    assert any(
        c == "IND" and cue == "according to" and "training camp" in t for c, cue, t, _ in got
    )


def test_quotes_urging_and_attitude_cues(analyse: Any) -> None:
    got = _quotes(
        analyse,
        "Britain urged Western governments to act together. "
        "The Japanese government criticized the missile launch as reckless.",
    )
    assert any(c == "GBR" and cue == "urged" for c, cue, _, _ in got)
    assert any(c == "JPN" and cue == "criticized" and "missile launch" in t for c, cue, t, _ in got)


def test_quotes_scare_quotes_are_not_statements(analyse: Any) -> None:
    art = analyse("The ministry called the report “biased” and the plan a “so-called deal”.")
    assert all(q.text != "biased" for q in art.quotes)
    art = analyse("The crowd chanted slogans. “We want our jobs back and our schools open.”")
    (q,) = [q for q in art.quotes if q.direct]
    assert q.speaker is None and q.cue is None  # kept, without a speaker


def test_quotes_link_to_events_of_their_sentence(analyse: Any) -> None:
    art = analyse("Pakistan said that India had attacked a camp near Balakot on Tuesday.")
    (q,) = art.quotes
    assert q.event_ids
    assert set(q.event_ids) <= {e.event_id for e in art.events}


def test_quotes_headline_lines_name_their_speaker() -> None:
    text = "Blinken: Taliban must earn legitimacy\n\nThe Latest: talks resume in Doha\n"
    got = [(text[a:b], text[c:d]) for a, b, c, d in headline_speakers(text)]
    assert got == [("Blinken", "Taliban must earn legitimacy")]


def test_quotes_dated_by_the_cue_not_by_the_quoted_words(analyse: Any) -> None:
    art = analyse(
        "Chinese Foreign Minister Wang Yi said on Sunday that talks would resume on Friday."
    )
    (q,) = art.quotes
    assert q.date == "2021-08-15"  # published Monday 2021-08-16; "Friday" is in the quote
    art = analyse("Wang Yi said that talks would resume.")
    assert art.quotes[0].date == "2021-08-16"  # no date next to the cue: publication date


def test_quotes_nested_cue_keeps_the_outer_speaker(analyse: Any) -> None:
    # the inner verb ("believes", "expects") reports what the outer speaker said
    for text in (
        "Chinese Foreign Minister Wang Yi said he believes the talks will "
        "“open a new chapter for the region” soon.",
        "Chinese Foreign Minister Wang Yi says he expects a “solid agreement” with Pakistan.",
    ):
        art = analyse(text)
        assert len(art.quotes) == 2
        for q in art.quotes:
            assert text[q.speaker_start : q.speaker_end].endswith("Wang Yi")
            assert q.cue in {"said", "says"}
        clause = next(q for q in art.quotes if not q.direct)
        fragment = next(q for q in art.quotes if q.direct)
        assert clause.text.startswith("he ") and fragment.text in clause.text


def test_quotes_cue_outside_a_reported_clause_keeps_its_own_speaker(analyse: Any) -> None:
    text = (
        "Wang Yi met the Pakistani foreign minister, who said that the corridor project "
        "would be finished by next year."
    )
    art = analyse(text)
    (q,) = art.quotes
    assert q.cue == "said" and "corridor project" in q.text
    assert q.speaker is not None and q.speaker.actor.country == "PAK"


def test_quotes_multi_paragraph_quotation_keeps_its_speaker(analyse: Any) -> None:
    text = (
        "The Pakistani foreign minister spoke to reporters in Islamabad on Monday.\n\n"
        "“The corridor will bring jobs to our people and new roads to the region,” he said.\n\n"
        "“We will build it with our Chinese partners, and I believe it will be finished soon.\n\n"
        "“Our neighbours have said that they welcome the plan.”"
    )
    art = analyse(text)
    assert [q.direct for q in art.quotes] == [True, True, True]
    assert all(q.speaker is not None and q.speaker.actor.country == "PAK" for q in art.quotes)
    assert art.quotes[1].text.startswith("We will build") and "I believe" in art.quotes[1].text


def test_open_paragraphs_only_unclosed_quotations_followed_by_a_quoted_one() -> None:
    text = (
        "“First paragraph of a long quotation without a closing mark.\n\n"
        "“Second paragraph, which closes the quotation.”\n\n"
        "“A paragraph quoted on its own is closed here,” she said.\n\n"
        "Plain text follows."
    )
    ((a, b),) = open_paragraphs(text)
    assert text[a:b] == "First paragraph of a long quotation without a closing mark."
