"""Rule-based removal of page furniture from article text.

Scraped news text carries navigation labels, share buttons, paywall notices, cookie
banners, repeated photo captions, "related articles" lists and author blurbs around
the article itself.  :func:`filter_furniture` walks the text line by line, drops the
lines (or, for template residue inside a sentence, the placeholder only) that one of the
named rules in :data:`RULES` recognises, and records every removal as a
:class:`~bowerbird.records.DroppedSpan` whose offsets point into the input text.

The rules are deliberately conservative: a line longer than :data:`MAX_FURNITURE_CHARS`
is never dropped as a whole, so article paragraphs survive even when they mention
cookies, subscriptions or photographs.  Datelines ("KABUL, Aug 16 (Reuters) -") and
bylines are kept.

Kept lines are re-assembled into paragraphs separated by one blank line ("\\n\\n");
runs of whitespace inside a paragraph become one space.  In plain text, lines of one
block (no blank line between them) are joined with a space when the break looks like
hard wrapping (see :func:`_joins`), so sentences are never split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bowerbird.records import DroppedSpan

#: Names of the rules, in the order they are tried on a line.
RULES: tuple[str, ...] = (
    "cookie_notice",
    "paywall",
    "newsletter",
    "copyright",
    "advertisement",
    "share_widget",
    "icon_nav",
    "author_bio",
    "template_placeholder",
    "repeated_caption",
    "caption_credit",
    "related_tail",
)

#: Lines longer than this are never dropped whole (only inline placeholders are cut).
MAX_FURNITURE_CHARS = 400
#: Lines this short are checked against the "contains a phrase" patterns.
SHORT_LINE_CHARS = 160

_WS = r"[\s\u200b\u2060\ufeff]"
_WS_RUN = re.compile(_WS + "+")
# what ``_WS`` matches, for str.strip: Unicode whitespace plus zero-width space/joiner and BOM
_STRIP_CHARS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\u2060\ufeff"
)
_EDGE_JUNK = re.compile(r"^[\W_]+|[\W_]+$")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TERMINAL = re.compile(r"[.!?…][\"'’”)\]]*$")


def wordset(words: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words in ``words``."""
    return frozenset(words.split())


def _full(*alternatives: str) -> re.Pattern[str]:
    """Compile alternatives that must match a whole (edge-trimmed, lower-cased) line."""
    return re.compile("(?:" + "|".join(alternatives) + ")")


def _any(*alternatives: str) -> re.Pattern[str]:
    """Compile alternatives searched anywhere in a lower-cased line."""
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


_NUM_MIN = r"\W*\d+\W*min(?:ute)?s?"

_ICON_NAV = _full(
    r"(?:main |open |close )?menu",
    r"search(?: site| this site)?",
    r"home(?:page)?",
    r"sign (?:in|up|out)",
    r"log ?(?:in|out)",
    r"subscribe(?: now)?",
    r"register",
    r"skip (?:to )?(?:main )?(?:content|navigation|article)",
    r"jump to (?:main )?content",
    r"(?:back|scroll) to top",
    r"toggle navigation",
    r"(?:all )?sections|navigation",
    r"close|open|more|next|previous|prev|(?:next|previous) (?:article|story)",
    r"(?:my )?account|profile|settings|help",
    r"privacy(?: policy| settings| notice)?|cookie policy",
    r"terms(?: of (?:use|service))?|terms (?:and|&) conditions",
    r"contact(?: us)?|about(?: us)?|careers|advertise(?: with us)?|site ?map",
    r"accessibility|rss|newsletters|podcasts?|videos?|watch live|live tv",
)
_NAV_WORDS = wordset(
    "menu search home sign in up out log login logout subscribe register skip to content "
    "main navigation close open account my sections back top next previous more "
    "help contact us about privacy terms"
)
_BREADCRUMB = re.compile(r"\s+[>›»]\s+")
_NAV_BAR = re.compile(r"\s*[|•·]\s*")

_SHARE = _full(
    r"share(?: this)?(?: article| story| page| post)?",
    r"share (?:on|via|to) (?:facebook|twitter|x|linkedin|whatsapp|reddit|e-?mail|telegram)",
    r"tweet(?: this)?|e-?mail(?: this)?(?: article| story| link)?",
    r"print(?: this)?(?: article| story| page)?",
    r"copy(?: article| the)? link|link copied|copied",
    r"save(?: article| story| for later| to read later)?|saved(?: articles)?|bookmark",
    r"gift(?: this)? article|font size|text size",
    r"listen to this (?:article|story)(?:" + _NUM_MIN + r")?",
    r"listen(?:" + _NUM_MIN + r")?",
    r"reading time\W*\d+\W*min(?:ute)?s?|\d+\W*min(?:ute)?s? read",
    r"(?:view |show |read )?comments?(?:\W*\d+)?|\d+\W*comments?|leave a comment",
    r"join the conversation",
)
_SHARE_WORDS = wordset(
    "share this article story on via facebook twitter x linkedin whatsapp reddit email "
    "e-mail mail print copy link tweet save pinterest telegram messenger flipboard sms "
    "comments comment"
)

_ADVERT = _full(
    r"advertisement|advertising|advert|ads?",
    r"sponsored(?: content| post| links?| stories)?",
    r"paid (?:content|post|partnership|partner content)|partner content",
    r"promoted(?: content| stories)?",
    r"(?:story|article|text) continues below(?: advertisement| this ad)?",
    r"continue reading (?:below|the main story)",
    r"(?:advertisement\W+)?scroll to continue(?: with content)?",
    r"ad feedback|report this ad",
)

_PAYWALL = _any(
    r"\byou have \d+ free (?:articles?|stor(?:y|ies)|reads?)\b",
    r"\bfree (?:articles?|stor(?:y|ies)) (?:left|remaining)\b",
    r"\b(?:subscribe|sign up|register|log ?in)(?: now| today)? to (?:continue|keep) reading\b",
    r"^to continue reading\b",
    r"\balready (?:a )?(?:subscriber|member|registered)\b",
    r"\bthis (?:article|story|content|piece) is (?:only )?(?:available )?(?:exclusively )?"
    r"(?:for|to) (?:our )?(?:subscribers|members|premium)",
    r"\bregister (?:for free |now )?to (?:read|continue|unlock|access)\b",
    r"^(?:please )?(?:support|help fund) (?:our|independent|quality) journalism\b",
    r"\bsupport our journalism\b",
    r"\b(?:subscribers?|members?)[- ]only\b",
    r"\byou(?:'ve|’ve| have) reached (?:your|the) (?:free )?(?:article |monthly )?limit\b",
    r"\bunlock (?:this|full|unlimited) (?:article|story|access)\b",
    r"\bsubscribe (?:now |today )?(?:for|from) (?:just |only )?[$£€]?\d",
    r"\bcreate a free account\b",
)

_NEWSLETTER = _any(
    r"\bsign up (?:for|to) (?:our|the|my|this) .{0,40}newsletters?\b",
    r"\bsubscribe to (?:our|the|this) .{0,40}newsletters?\b",
    r"\bnewsletter sign[- ]?up\b",
    r"^newsletters?$",
    r"\b(?:in|to) your inbox\b",
    r"\benter your e-?mail(?: address)?\b",
    r"\bby (?:signing up|subscribing|clicking)\b.{0,60}\byou agree\b",
    r"^get (?:the|our) .{0,60}newsletter\b",
)

_COOKIE = _any(
    r"\bwe use cookies\b",
    r"\b(?:this|our) (?:site|website) uses cookies\b",
    r"\baccept (?:all )?cookies\b",
    r"\b(?:manage|cookie) (?:cookies|settings|preferences|consent)\b",
    r"\bby continuing to (?:use|browse|visit) (?:this|our) (?:site|website)\b",
    r"^(?:accept|accept all|reject all|allow all|i agree|got it|manage preferences)$",
)

_COPYRIGHT = _any(
    r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4})",
    r"\ball rights reserved\b",
    r"^this (?:material|article|content) may not be "
    r"(?:published|reproduced|broadcast|rewritten|redistributed)",
)

_AUTHOR_BIO = _any(
    r"^about the (?:authors?|writers?)\b",
    r"^follow (?:him|her|them|me|us|[\w.'’-]+(?: [\w.'’-]+)?) on "
    r"(?:twitter|x|instagram|facebook|linkedin|threads|bluesky|mastodon)\b",
    r"^(?:contact|email|e-mail|reach|write to) (?:the author|the writer|the reporter|him|her|"
    r"them|me|us)\b.{0,80}@",
    r"^(?:additional )?reporting by\b",
    r"^(?:writing|editing|edited|compiled|produced) by\b",
    r"^@\w{2,30}$",
)
# Only tried on the last few kept lines: "Jane Doe is a correspondent for ... based in ...".
_AUTHOR_BIO_TAIL = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3},? (?:is|was) (?:a|an|the)\b.{0,160}?\b"
    r"(?:correspondent|reporter|editor|writer|journalist|columnist|contributor|fellow|"
    r"producer|analyst|professor|researcher|author|photographer|freelancer?)\b"
)
_TAIL_LINES = 3

_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\$\{[^}\n]*\}|\[\[.*?\]\]")

_CREDIT_START = re.compile(
    r"(?:photo|photograph|image|picture|file photo|photo credit|credit|pictured)s?\s*(?::|by\b)"
)
_CREDIT_END = _any(  # searched in the last 80 characters of a line
    r"\((?:photo|photograph|image|picture|file photo|credit|photo credit)s?\b[^)]*\)\W*$",
    r"\b(?:reuters|afp|ap|epa|getty images?|ap photo)\s?/\s?[\w .'’-]{1,40}\)?\W*$",
    r"/\s?(?:reuters|afp|ap|epa(?:-efe)?|getty images?|ap photo)\)?\W*$",
)
_CREDIT_ANY = re.compile(r"\b(?:getty images|shutterstock|file photo)\b")
# For the first copy of a verbatim-repeated line a bare agency name is enough.
_CREDIT_LOOSE = re.compile(r"\b(?:afp|reuters|ap|epa|getty|xinhua|anadolu)\b")

# Rules whose tell-tale phrase may sit anywhere in a short line (at the start of a long one).
_NOTICES = (
    ("cookie_notice", _COOKIE),
    ("paywall", _PAYWALL),
    ("newsletter", _NEWSLETTER),
    ("copyright", _COPYRIGHT),
    ("author_bio", _AUTHOR_BIO),
)

_RELATED_HEADING = _full(
    r"related(?: articles?| stories| content| coverage| news| topics| links| reading)?",
    r"(?:read|see) (?:more|also)(?: on this| about this)?(?: story| topic)?",
    r"more (?:on this (?:story|topic)|stories|from [\w .'’-]{1,40}|in [\w .'’-]{1,30})",
    r"most (?:popular|read|viewed|shared|watched)",
    r"popular(?: now| stories| articles)?",
    r"editor['’]?s?['’]? (?:choice|picks?)",
    r"recommended(?: for you| stories| articles| reading)?",
    r"you (?:may|might) also (?:like|be interested in|enjoy)",
    r"trending(?: now| stories)?|latest(?: news| stories| headlines)?|top stories",
    r"in other news|what to read next|don['’]t miss",
)
# "Read more: <headline>" on one line: a single related link inside the article.
_RELATED_INLINE = re.compile(r"^(?:read more|read also|see also|related|more)\s*[:|»›-]\s*\S")
#: A line that ends a related tail: this many words, or ...
ARTICLE_WORDS = 25
#: ... this many words and final sentence punctuation.
ARTICLE_SENTENCE_WORDS = 15
#: Headline-like lines (title candidates) have at most this many words.
HEADLINE_WORDS = 20


@dataclass(frozen=True, slots=True)
class FilterResult:
    """The text left by :func:`filter_furniture` and what was removed."""

    text: str
    paragraphs: tuple[str, ...]
    dropped: tuple[DroppedSpan, ...]


@dataclass(slots=True)
class _Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str  # pre[start:end]
    block: int  # index of the blank-line separated block
    key: str  # whitespace-collapsed, lower-cased text, for matching
    rule: str | None = None
    cuts: tuple[tuple[int, int], ...] = ()  # placeholder spans (absolute offsets)


def _split_lines(text: str) -> list[_Line]:
    """Split ``text`` into non-blank lines with offsets, numbering blank-line blocks."""
    lines: list[_Line] = []
    block = 0
    pos = 0
    for raw in text.split("\n"):
        lead = len(raw) - len(raw.lstrip(_STRIP_CHARS))
        body = raw[lead:].rstrip(_STRIP_CHARS)
        if body:
            start = pos + lead
            key = _WS_RUN.sub(" ", body).lower()
            lines.append(_Line(start, start + len(body), body, block, key))
        else:
            block += 1
        pos += len(raw) + 1
    return lines


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _all_in(words: list[str], vocabulary: frozenset[str], limit: int) -> bool:
    return 0 < len(words) <= limit and all(w in vocabulary for w in words)


def _is_breadcrumb(text: str) -> bool:
    """``World > Asia > Afghanistan`` or ``Home | News | Politics`` style lines."""
    if _TERMINAL.search(text):
        return False
    for splitter, minimum in ((_BREADCRUMB, 2), (_NAV_BAR, 3)):
        items = [i for i in splitter.split(text) if i]
        if len(items) >= minimum and all(
            len(i) <= 30 and _word_count(i) <= 4 and i[0].isupper() for i in items
        ):
            return True
    return False


def _line_rule(line: _Line) -> str | None:
    """The first rule that drops the whole line, ignoring context-dependent rules."""
    text, key = line.text, line.key
    if len(text) > MAX_FURNITURE_CHARS:
        return None
    if len(text) > SHORT_LINE_CHARS:
        # a long line is furniture only if it starts like a notice ("We use cookies ...")
        for rule, pattern in _NOTICES:
            if pattern.match(key):
                return rule
        return None
    for rule, pattern in _NOTICES:
        if pattern.search(key):
            return rule
    core = _EDGE_JUNK.sub("", key)
    if not core:
        return "icon_nav"  # symbols or emoji only: ☰ × ▶ •••
    if _ADVERT.fullmatch(core):
        return "advertisement"
    words = _WORD.findall(core)
    if _SHARE.fullmatch(core) or _all_in(words, _SHARE_WORDS, 8):
        return "share_widget"
    if _ICON_NAV.fullmatch(core) or _all_in(words, _NAV_WORDS, 6) or _is_breadcrumb(text):
        return "icon_nav"
    if _RELATED_INLINE.match(key) and not _TERMINAL.search(text):
        return "related_tail"
    return None


def _is_caption(key: str, *, loose: bool = False) -> bool:
    """Whether a (lower-cased) line carries a photo credit; ``loose`` accepts an agency name."""
    if len(key) > 300:
        return False
    if _CREDIT_START.match(key) or _CREDIT_END.search(key[-80:]) or _CREDIT_ANY.search(key):
        return True
    return loose and _CREDIT_LOOSE.search(key) is not None


def _placeholders(line: _Line) -> None:
    """Mark template residue: the whole line if nothing sentence-like is left, else cut it."""
    found = list(_PLACEHOLDER.finditer(line.text))
    if not found:
        return
    rest = _PLACEHOLDER.sub(" ", line.text)
    if _word_count(rest) < 4 or (_word_count(rest) < 8 and not _TERMINAL.search(rest.strip())):
        line.rule = "template_placeholder"
    else:
        line.cuts = tuple((line.start + m.start(), line.start + m.end()) for m in found)


def _is_article_like(text: str) -> bool:
    words = _word_count(text)
    return words >= ARTICLE_WORDS or (
        words >= ARTICLE_SENTENCE_WORDS and _TERMINAL.search(text) is not None
    )


def _mark_repeats_and_captions(lines: list[_Line]) -> None:
    """Drop repeated lines (the copy always; the first too when it is a caption: it carries
    a credit, or its copy follows it directly, as a caption printed twice does)."""
    seen: dict[str, _Line] = {}
    previous: _Line | None = None
    for line in lines:
        if line.rule is not None or not line.key:
            continue
        first = seen.get(line.key)
        adjacent = previous is first and len(line.key) <= SHORT_LINE_CHARS
        previous = line
        if first is None:
            seen[line.key] = line
            continue
        line.rule = "repeated_caption"
        if first.rule is None and (adjacent or _is_caption(first.key, loose=True)):
            first.rule = "repeated_caption"
    for line in lines:
        if line.rule is None and _is_caption(line.key):
            line.rule = "caption_credit"


def _mark_related_tail(lines: list[_Line]) -> None:
    """Drop a related-links heading and the headline-like lines after it.

    The tail runs from the heading up to (not including) the next article-like line
    (at least ``ARTICLE_WORDS`` words, or ``ARTICLE_SENTENCE_WORDS`` words ending in
    sentence punctuation), or to the end of the text.
    """
    i = 0
    while i < len(lines):
        line = lines[i]
        if (
            line.rule is None
            and len(line.text) <= 60
            and _RELATED_HEADING.fullmatch(_EDGE_JUNK.sub("", line.key))
        ):
            line.rule = "related_tail"
            j = i + 1
            while j < len(lines) and (
                lines[j].rule is not None or not _is_article_like(lines[j].text)
            ):
                if lines[j].rule is None:
                    lines[j].rule = "related_tail"
                j += 1
            i = j
        else:
            i += 1


def _mark_author_bio_tail(lines: list[_Line]) -> None:
    kept = [line for line in lines if line.rule is None][-_TAIL_LINES:]
    for line in reversed(kept):
        if len(line.text) > MAX_FURNITURE_CHARS or not _AUTHOR_BIO_TAIL.match(line.text):
            break
        line.rule = "author_bio"


def _joins(prev: str, nxt: str, block_width: int) -> bool:
    """Whether two lines of one block belong to the same paragraph (hard-wrapped text)."""
    if _TERMINAL.search(prev):
        return False
    if nxt[:1].islower():
        return True
    return len(prev) >= 40 and len(prev) >= 0.7 * block_width


def _kept_text(line: _Line) -> str:
    text = line.text
    for start, end in reversed(line.cuts):
        text = text[: start - line.start] + " " + text[end - line.start :]
    return _WS_RUN.sub(" ", text).strip()


def filter_furniture(text: str, *, lines_are_paragraphs: bool = False) -> FilterResult:
    """Remove page furniture from ``text``, recording each removal.

    ``lines_are_paragraphs`` says every line is a paragraph of its own (trafilatura
    output); otherwise only blank lines separate paragraphs and wrapped lines are
    re-joined.  Never raises for any input string.
    """
    lines = _split_lines(text)
    for line in lines:
        line.rule = _line_rule(line)
        if line.rule is None:
            _placeholders(line)
    _mark_repeats_and_captions(lines)
    _mark_related_tail(lines)
    _mark_author_bio_tail(lines)

    dropped: list[DroppedSpan] = []
    paragraphs: list[list[str]] = []
    widths: dict[int, int] = {}
    for line in lines:
        widths[line.block] = max(widths.get(line.block, 0), len(line.text))
    prev: _Line | None = None
    for line in lines:
        if line.rule is not None:
            dropped.append(DroppedSpan(line.start, line.end, line.rule, line.text))
            continue
        for start, end in line.cuts:
            dropped.append(DroppedSpan(start, end, "template_placeholder", text[start:end]))
        kept = _kept_text(line)
        if not kept:
            continue
        if (
            prev is not None
            and paragraphs
            and not lines_are_paragraphs
            and prev.block == line.block
            and _joins(paragraphs[-1][-1], kept, widths[line.block])
        ):
            paragraphs[-1].append(kept)
        else:
            paragraphs.append([kept])
        prev = line
    joined = tuple(" ".join(parts) for parts in paragraphs)
    return FilterResult("\n\n".join(joined), joined, tuple(dropped))


def headline_candidate(paragraphs: tuple[str, ...]) -> str | None:
    """The first paragraph if it looks like a headline (short, no final punctuation)."""
    if len(paragraphs) < 2:
        return None
    first = paragraphs[0]
    words = _word_count(first)
    if not 2 <= words <= HEADLINE_WORDS or len(first) > 200:
        return None
    bare = first.rstrip("\"'’”)]")
    if not (first[0].isupper() or first[0].isdigit()) or bare.endswith(tuple(".!,;:-–—…")):
        return None
    return first
