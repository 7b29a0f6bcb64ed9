"""The one stage contract.

A stage is a plain class with a ``name``, the :class:`~bowerbird.records.Article`
fields it ``requires`` and the fields it ``provides``, and ``__call__(article,
settings) -> article``.  Stages never mutate their input: they return
``dataclasses.replace(article, ...)``.  A stage that cannot handle a document raises
:class:`~bowerbird.errors.RejectedDocument`; the pipeline turns that into a
:class:`~bowerbird.records.Rejection` and goes on with the batch.

Stages that profit from batching (the spaCy stage) also implement ``pipe(articles,
settings)``; :func:`run_stage` uses it when present.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

if TYPE_CHECKING:
    from bowerbird.records import Article
    from bowerbird.settings import Settings


@runtime_checkable
class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    provides: ClassVar[frozenset[str]]

    def __call__(self, article: Article, settings: Settings) -> Article: ...


def pipe_default(
    stage: Stage, articles: Iterable[Article], settings: Settings
) -> Iterator[Article]:
    """Apply ``stage`` one article at a time (used when the stage has no ``pipe``)."""
    for article in articles:
        yield stage(article, settings)
