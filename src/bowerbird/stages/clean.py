"""The clean stage: raw HTML or text in, a cleaned :class:`~bowerbird.records.Document` out.

HTML goes through trafilatura (main text plus title, date, author and site name; no
network, no deduplication cache, so the result depends on the page alone).  Both
trafilatura's text and plain-text input then go through the rule-based furniture
filter in :mod:`bowerbird.stages.furniture`, which records every removed span.  The
stage rejects documents that are empty, too large, not in English, or have no text
left once the furniture is gone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import TYPE_CHECKING, Any, ClassVar

from bowerbird.errors import RejectedDocument
from bowerbird.records import Document, PublishedSource
from bowerbird.stages.furniture import (
    FilterResult,
    filter_furniture,
    headline_candidate,
    wordset,
)

if TYPE_CHECKING:
    from bowerbird.records import Article, RawDocument
    from bowerbird.settings import Settings

#: Very common English words (function words and news staples).  Words that are also
#: frequent in other European languages ("a", "in", "is", "was", "die", "also", "so",
#: "will", "an", "am", "on", "or", "no", "me", "i", "at", "over") are left out so a
#: German, French, Spanish, Dutch or Danish text does not look English.
ENGLISH_WORDS: frozenset[str] = wordset(
    """
    the of and to for that with by from said says say told he she it its they them their
    theirs we our ours you your yours his her hers him us this these those there here
    which who whom whose what when where why how be been being are were has have had
    having does did doing not but if than then would could should shall may might must
    can cannot about after before into onto out up down off against between among during
    since until while because though although just only very more most some any each
    every other another such both either neither nor own same too now still already yet
    again ever never including across around through without within along however many
    much well even back whether people government year years last first two three one
    new according officials president minister police country week month time day made
    make take took get got went going like my mr mrs ms become became asked added called
    expected early later next percent city
    """
)
#: Texts with fewer word tokens than this are not language-checked (unless non-Latin).
MIN_WORDS_FOR_LANGUAGE = 30

_WORD_RE = re.compile(r"[^\W\d_]+")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ISO_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_OPEN_BLOCK_RE = re.compile(r"<(?:div|article|main|section|table)\b", re.IGNORECASE)
_CLOSE_BLOCK_RE = re.compile(r"</(?:div|article|main|section|table)\s*>", re.IGNORECASE)


def english_ratio(text: str) -> tuple[float, int]:
    """Share of word tokens of ``text`` that are common English words, and the token count."""
    words = _WORD_RE.findall(text.lower())
    if not words:
        return 0.0, 0
    hits = sum(1 for w in words if w in ENGLISH_WORDS)
    return hits / len(words), len(words)


def check_english(text: str, min_ratio: float) -> None:
    """Raise ``RejectedDocument("not_english")`` when ``text`` is clearly not English."""
    if not _LATIN_RE.search(text):
        raise RejectedDocument("not_english", "the text contains no Latin letters")
    ratio, count = english_ratio(text)
    if count >= MIN_WORDS_FOR_LANGUAGE and ratio < min_ratio:
        raise RejectedDocument(
            "not_english",
            f"only {ratio:.1%} of {count} words are common English words (< {min_ratio:.1%})",
        )


def iso_day(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` part of an ISO date or datetime string, if it is a valid date."""
    if not value:
        return None
    match = _ISO_DATE_RE.match(value)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


def looks_truncated(html: str) -> bool:
    """Whether ``html`` looks cut off: ends inside a tag, lacks its closing body/html, or
    leaves many block elements open."""
    stripped = html.rstrip()
    if stripped.rfind("<") > stripped.rfind(">"):
        return True
    lower = stripped.lower()
    opened = "<html" in lower or "<body" in lower
    closed = "</html" in lower or "</body" in lower
    if opened and not closed:
        return True
    return len(_OPEN_BLOCK_RE.findall(html)) - len(_CLOSE_BLOCK_RE.findall(html)) > 2


def _clean_meta(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


@dataclasses.dataclass(frozen=True, slots=True)
class HtmlExtract:
    """What trafilatura found in a page."""

    text: str
    title: str | None
    date: str | None
    author: str | None
    sitename: str | None


def extract_html(html: str, url: str | None = None, *, fast: bool = True) -> HtmlExtract | None:
    """Run trafilatura on ``html``; ``None`` when it finds no main text.

    Comments, tables and images are left out; the publication date comes from the
    page's metadata only (no search through the free text, which the dates stage
    handles).  ``fast`` skips trafilatura's fallback extractors (readability/jusText).
    """
    import trafilatura  # imported here: it is slow to import and only HTML needs it
    from lxml.etree import LxmlError

    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            fast=fast,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            deduplicate=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, LxmlError):
        return None
    if result is None:
        return None
    fields = result if isinstance(result, dict) else result.as_dict()
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    return HtmlExtract(
        text=text,
        title=_clean_meta(fields.get("title")),
        date=iso_day(_clean_meta(fields.get("date"))),
        author=_clean_meta(fields.get("author")),
        sitename=_clean_meta(fields.get("sitename")),
    )


BLOCK_TAGS = ("h1", "h2", "h3", "p", "li", "blockquote")


def paragraphs_fallback(html: str) -> HtmlExtract | None:
    """Last resort when trafilatura finds nothing (e.g. an HTML fragment followed by loose
    text): the text of headings and paragraphs outside nav/header/footer/aside/figure.
    The furniture filter still runs on the result."""
    from lxml import html as lxml_html
    from lxml.etree import LxmlError, ParserError

    try:
        root = lxml_html.fromstring(html)
    except (LxmlError, ParserError, ValueError):
        return None
    skip = {"nav", "header", "footer", "aside", "figure", "script", "style", "form"}
    parts: list[str] = []
    for el in root.iter(*BLOCK_TAGS):
        if any(anc.tag in skip for anc in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            parts.append(text)
    if not parts:
        return None
    title = parts[0] if root.find(".//h1") is not None else None
    return HtmlExtract(text="\n".join(parts), title=title, date=None, author=None, sitename=None)


class CleanStage:
    """Turn ``article.raw`` into ``article.document`` (see the module docstring)."""

    name: ClassVar[str] = "clean"
    requires: ClassVar[frozenset[str]] = frozenset({"raw"})
    provides: ClassVar[frozenset[str]] = frozenset({"document"})

    def __init__(self, *, fast: bool = True) -> None:
        self.fast = fast

    def __call__(self, article: Article, settings: Settings) -> Article:
        return dataclasses.replace(article, document=self.clean(article.raw, settings))

    def clean(self, raw: RawDocument, settings: Settings) -> Document:
        """Clean one raw document, or raise :class:`RejectedDocument`."""
        content = raw.content
        if not content.strip():
            raise RejectedDocument("empty", "the document has no text")
        size = len(content.encode("utf-8", "surrogatepass"))
        if size > settings.max_text_bytes:
            raise RejectedDocument(
                "too_large", f"{size} bytes is more than the limit of {settings.max_text_bytes}"
            )

        extract: HtmlExtract | None = None
        if raw.fmt == "html":
            extract = extract_html(content, raw.url, fast=self.fast)
            if extract is None and not looks_truncated(content):
                # fragments and odd markup: trafilatura's fallbacks, then plain paragraphs
                if self.fast:
                    extract = extract_html(content, raw.url, fast=False)
                if extract is None:
                    extract = paragraphs_fallback(content)
            pre_clean = extract.text if extract is not None else ""
            filtered = filter_furniture(pre_clean, lines_are_paragraphs=True)
        else:
            pre_clean = content
            filtered = filter_furniture(pre_clean)

        if not _WORD_RE.search(filtered.text):
            if raw.fmt == "html" and looks_truncated(content):
                raise RejectedDocument("truncated_html", "the HTML is cut off and has no main text")
            found = "no main text in the HTML" if extract is None and raw.fmt == "html" else ""
            raise RejectedDocument(
                "no_text_after_cleaning",
                found or f"no words left after removing {len(filtered.dropped)} furniture spans",
            )
        check_english(filtered.text, settings.min_english_ratio)
        return self._document(raw, pre_clean, filtered, extract)

    @staticmethod
    def _document(
        raw: RawDocument, pre_clean: str, filtered: FilterResult, extract: HtmlExtract | None
    ) -> Document:
        published = iso_day(raw.published)
        source: PublishedSource = raw.published_from if published else "none"
        if published is not None and source == "none":
            source = "record"
        if published is None and extract is not None and extract.date is not None:
            published, source = extract.date, "html"

        title = _clean_meta(raw.title)
        if title is None and extract is not None:
            title = extract.title
        if title is None and extract is None:
            title = headline_candidate(filtered.paragraphs)

        sitename = extract.sitename if extract is not None else None
        return Document(
            doc_id=raw.doc_id,
            origin=raw.origin,
            content_hash=raw.content_hash,
            text=filtered.text,
            pre_clean_text=pre_clean,
            title=title,
            published=published,
            published_source=source,
            url=raw.url,
            outlet=_clean_meta(raw.outlet) or sitename,
            author=extract.author if extract is not None else None,
            sitename=sitename,
            fmt=raw.fmt,
            dropped=filtered.dropped,
        )
