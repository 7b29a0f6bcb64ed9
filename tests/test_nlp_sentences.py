"""The nlp stage: sentences never run across a line break (headline, dateline, lede)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bowerbird.stages.nlp import PARAGRAPH_BREAKS


def test_headline_and_lede_are_separate_sentences(nlp: Any) -> None:
    text = (
        "Harbour Post\n\nPublished: 10 March 2023\n\n"
        "Saudi Arabia and Iran agree to restore ties\n\n"
        "Saudi Arabia and Iran agreed on Friday to restore relations. Talks were held in Beijing."
    )
    sents = [s.text.strip() for s in nlp(text).sents]
    # each line is one or more sentences of its own (the parser may still split a line)
    assert "\n" not in "".join(sents)
    assert sents[0] == "Harbour Post"
    assert "Saudi Arabia and Iran agree to restore ties" in sents
    assert "Saudi Arabia and Iran agreed on Friday to restore relations." in sents


def test_component_sits_before_the_parser(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index(PARAGRAPH_BREAKS) < names.index("parser")


words = st.lists(
    st.sampled_from(["Talks", "ended", "in", "Doha", "today", "officials"]), min_size=1, max_size=6
)


@settings(max_examples=30, deadline=None)
@given(st.lists(words, min_size=1, max_size=5))
def test_every_line_starts_a_sentence(nlp: Any, lines: list[list[str]]) -> None:
    text = "\n".join(" ".join(line) for line in lines)
    doc = nlp(text)
    starts = {s.start_char for s in doc.sents}
    offset = 0
    for line in text.split("\n"):
        assert offset in starts  # no sentence crosses into the next line
        offset += len(line) + 1


def test_dateline_is_not_a_subject(nlp: Any) -> None:
    doc = nlp("PARIS — France recalled its ambassadors to the United States on Friday.")
    assert doc[0].dep_ != "nsubj"
    assert [t.text for t in doc if t.dep_ == "nsubj"] == ["France"]
    # an upper-case body that is not a place is left as parsed
    org = nlp("NATO said on Friday that the talks would resume.")
    assert next(t.text for t in org if t.dep_ == "nsubj") == "NATO"
