"""Quote layout: quotation marks, quoted paragraphs, headlines "X: ...", bylines.

General conventions of English print, used by :mod:`bowerbird.stages.quotes`:

* quotation marks pair by the way they face (curly marks, straight marks and two
  apostrophes ''...'' as some newspapers' feeds print them);
* a quotation running over several paragraphs opens each paragraph with a mark and closes
  only the last; a wholly quoted paragraph continues the quote before it;
* a short clause after a quotation ("“...,” Trump shot back.") or a name after a dash
  ("“...” ― Carla Sanchez") attributes it;
* a headline or line "X: ..." attributes what follows the colon to X.
"""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Doc, Token

from bowerbird.stages.quote_rules import MIN_QUOTE_CHARS, NOMINAL

#: A quotation mark: curly, straight, or two apostrophes.
MARK_RE = re.compile(r"“|”|\"|''")


#: Words before a colon that label a line rather than name a speaker.
LABELS = frozenset(
    {
        "update",
        "updated",
        "note",
        "editor",
        "editors",
        "photo",
        "video",
        "watch",
        "read",
        "related",
        "source",
        "sources",
        "correction",
        "breaking",
        "advertisement",
        "opinion",
        "analysis",
        "exclusive",
        "q",
        "a",
        "question",
        "answer",
        "subscribe",
        "share",
        "follow",
        "via",
        "credit",
        "listen",
        "tags",
        "topics",
        "latest",
        "online",
        "live",
        "transcript",
        "full",
    }
)
DETERMINERS = frozenset({"the", "a", "an", "this", "these", "our", "my", "your", "from", "on"})
HEADLINE_RE = re.compile(r"(?m)^([A-Z][^\n:]{1,60}?):\s+(\S[^\n]{10,400})$")


def headline_speakers(text: str) -> list[tuple[int, int, int, int]]:
    """Lines "X: what X said" as (speaker start, speaker end, content start, content end).

    X must look like a name or a short noun phrase: capitalised, at most six words, no
    digits (times, dates), not a label word ("Update:", "Photo:").
    """
    out = []
    for m in HEADLINE_RE.finditer(text):
        head = m.group(1).strip()
        words = head.split()
        if len(words) > 6 or any(ch.isdigit() for ch in head):
            continue
        if words[0].lower().strip(".") in LABELS:
            continue
        if words[0].lower() in DETERMINERS:  # "The Latest:", "A World at War:" are titles
            continue
        if any(w[:1].islower() and w not in {"of", "the", "de", "al", "bin"} for w in words[1:]):
            continue
        out.append((m.start(1), m.start(1) + len(head), m.start(2), m.end(2)))
    return out


LABEL_RE = re.compile(r"([A-Z][A-Z.'’ -]{1,30}[A-Z.]):\s")


def transcript_label(text: str, start: int) -> tuple[int, int] | None:
    """The speaker label opening a transcript line ("WALLACE: ...", "MR. TRUMP: ..."):
    a name in capitals before a colon, not a label word ("UPDATE:")."""
    m = LABEL_RE.match(text, start)
    if m is None or m.group(1).split()[0].lower().strip(".") in LABELS:
        return None
    return m.start(1), m.end(1)


OPENING = ("“", '"', "''")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of quoted words between an opening and a closing quotation mark.

    Curly marks say which way they face (unless misprinted: an opening mark right after
    a word and before a space closes); a straight mark or two apostrophes open after a
    space, a line start or a bracket and close elsewhere, so mixed pairs (“...") pair up
    too.  A new opening mark before a closing one restarts the quotation; a quotation
    with a straight mark stays within its paragraph.
    """
    out = []
    opened: re.Match[str] | None = None
    for m in MARK_RE.finditer(text):
        mark, i = m.group(), m.start()
        before = text[i - 1] if i else "\n"
        after = text[m.end() : m.end() + 1]
        opens = (before.isspace() or before in "([{—–-/") and after not in {"", " ", "\n"}
        closes = not before.isspace() and (not after or after.isspace() or after in ",.;:!?")
        if mark == "“":
            opening = not closes or opens  # “Apparently not,“ he said: a misprinted close
        elif mark == "”":
            opening = opens and not closes
        else:
            opening = opens
        if opening:
            opened = m
            continue
        if opened is None:
            continue
        a, b = opened.end(), i
        curly = opened.group() == "“" and mark == "”"
        if 2 <= b - a <= 3000 and (curly or "\n" not in text[a:b]):
            out.append((a, b))
        opened = None
    return out


def mark_before(text: str, start: int) -> int:
    """Position of the opening mark of quoted words starting at ``start``."""
    return start - 2 if text[max(start - 2, 0) : start] == "''" else start - 1


def mark_after(text: str, end: int) -> int:
    """Position just after the closing mark of quoted words ending at ``end``."""
    return end + 2 if text[end : end + 2] == "''" else end + 1


def open_paragraphs(text: str) -> list[tuple[int, int]]:
    """Quoted paragraphs of a multi-paragraph quotation, as (start, end) of their words.

    English prints a quotation running over several paragraphs with an opening mark at
    the start of each paragraph and a closing mark only after the last one; a paragraph
    that opens with a mark, holds no other mark and is followed by a paragraph opening
    with a mark is quoted to its end.
    """
    out = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    for (a, b), nxt in itertools.pairwise(lines):
        line = text[a:b].strip()
        if len(line) < MIN_QUOTE_CHARS or not line.startswith(OPENING):
            continue
        if len(MARK_RE.findall(line)) != 1:
            continue
        if not text[nxt[0] : nxt[1]].strip().startswith(OPENING):
            continue
        mark = MARK_RE.match(line)
        assert mark is not None
        start = text.index(line[0], a) + len(mark.group())
        end = a + len(text[a:b].rstrip())
        out.append((start, end))
    return out


def whole_paragraph(text: str, start: int, end: int) -> bool:
    """True if quoted words from ``start`` to ``end`` make up their paragraph (marks and
    punctuation aside): a paragraph with words of its own outside the quotation carries
    its own attribution and does not continue the quote before it."""
    if not paragraph_start(text, mark_before(text, start)):
        return False
    nl = text.find("\n", end)
    tail = text[end : nl if nl >= 0 else len(text)]
    return not any(ch.isalnum() for ch in tail)


def trailing_cue(doc: Doc, text: str, end: int) -> Token | None:
    """The verb of a short clause "NAME VERB" right after a quotation ending in a comma,
    question or exclamation mark ("“...,” Trump shot back.", "“...?” she wondered aloud."):
    in English that clause attributes the quotation, whatever its verb."""
    if text[max(end - 1, 0) : end] not in {",", "?", "!", "—"}:
        return None
    after = mark_after(text, end)
    nl = text.find("\n", after)
    stop = min(nl if nl >= 0 else len(text), after + 80)
    span = doc.char_span(after, stop, alignment_mode="contract")
    if span is None or not len(span):
        return None
    toks = list(itertools.takewhile(lambda t: t.text not in {".", "“", '"', "''", ";"}, span))
    if not toks or len(toks) > 8 or (len(toks) == len(span) and stop != nl):
        return None
    verb = next((t for t in toks if t.pos_ == "VERB"), None)
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > verb.i or subj.i < toks[0].i or subj.pos_ not in NOMINAL:
        return None
    return verb


DASHES = frozenset({"―", "—", "–", "-", "--"})
BYLINE_RE = re.compile(r"[ \t]*(?:―|—|–|--?)[ \t]*[A-Z@]")


def is_dash(tok: Token) -> bool:
    """A dash, alone or glued to the closing mark before it (”―)."""
    return tok.text.strip().lstrip("”\"'") in DASHES


def dash_byline(doc: Doc, text: str, end: int) -> Token | None:
    """The dash of a byline after a quotation (“...” ― Carla Sanchez, Phoenix): English
    prints the speaker's name after a dash, as under an epigraph or a reader's letter."""
    after = mark_after(text, end)
    m = BYLINE_RE.match(text, after)
    if m is None:
        return None
    span = doc.char_span(after, m.end() - 1, alignment_mode="expand")
    dash = next((t for t in span or () if is_dash(t)), None)
    return dash if dash is not None and byline_name(dash) is not None else None


def byline_name(dash: Token) -> Token | None:
    """The name after a byline dash: a run of proper nouns ending the line or a clause."""
    doc = dash.doc
    i = dash.i + 1
    while i < len(doc) and doc[i].is_space:
        i += 1
    j = i
    while j < len(doc) and doc[j].pos_ == "PROPN" and "\n" not in doc[j].text:
        j += 1
    if j == i or j - i > 5:
        return None
    ends = j >= len(doc) or doc[j].is_space or doc[j].text in {",", ".", "("}
    return doc[j - 1] if ends or "\n" in doc[j - 1].whitespace_ else None


def paragraph_start(text: str, pos: int) -> bool:
    """True if only spaces lie between the previous newline (or the start) and ``pos``."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] == "\n"


def from_source(noun: Token) -> bool:
    """A noun after "from" before a colon introducing a quotation ("From the report:",
    "More from the survey:"): the quotation is taken from it."""
    return noun.pos_ in {"NOUN", "PROPN"} and noun.dep_ == "pobj" and noun.head.lower_ == "from"
