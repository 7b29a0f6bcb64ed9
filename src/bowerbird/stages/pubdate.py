"""PubDate stage: make sure a document has a publication date when one can be found.

Order: the date already on the document (record / HTML metadata), else the batch-wide
``--published`` flag (``published_source="flag"``), else a date inferred from the text
(:func:`bowerbird.temporal.infer_publication_date`, ``published_source="inferred"``),
else the document is rejected as ``undated`` (relative dates cannot be resolved without
a reference day).  Today's date is never used.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import ClassVar

from bowerbird.errors import E_BAD_DATE, RejectedDocument, UsageError
from bowerbird.records import Article
from bowerbird.settings import Settings
from bowerbird.temporal import infer_publication_date


class PubDateStage:
    """Fill :attr:`Document.published` from the flag or the text when it is missing."""

    name: ClassVar[str] = "pubdate"
    requires: ClassVar[frozenset[str]] = frozenset({"document"})
    provides: ClassVar[frozenset[str]] = frozenset({"document"})

    def __call__(self, article: Article, settings: Settings) -> Article:
        doc = article.document
        if doc is None or doc.published is not None:
            return article
        if settings.published:
            try:
                flag = dt.date.fromisoformat(settings.published[:10])
            except ValueError as exc:
                raise UsageError(
                    f"--published {settings.published!r} is not a YYYY-MM-DD date", code=E_BAD_DATE
                ) from exc
            new_doc = dataclasses.replace(doc, published=flag.isoformat(), published_source="flag")
            return dataclasses.replace(article, document=new_doc)
        inferred = infer_publication_date(doc.text)
        if inferred is None:
            raise RejectedDocument(
                "undated",
                "no publication date in the record or page, and none can be inferred from the "
                "text: pass --published YYYY-MM-DD",
            )
        new_doc = dataclasses.replace(
            doc,
            published=inferred[0].isoformat(),
            published_source="inferred",
            published_evidence=inferred[1],
        )
        return dataclasses.replace(article, document=new_doc)
