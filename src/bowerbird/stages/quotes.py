"""Quotes: direct quotations and reported speech, attributed to resolved actors.

Direct quotes are spans between matching quotation marks (straight or curly), possibly
running over several sentences; a quote split by its cue (“A,” he said, “B”) becomes one
quote with the two pieces joined.  The cue is a reporting verb from
``lexicon/speech.tsv`` in the sentence around the quote, outside the quoted text; the
speaker is its subject, resolved through the actor mentions (which already include
within-document coreference: "he", "the minister", "Wang").

Indirect speech is a reporting verb with a clausal complement ("Wang said that ...",
"X told reporters ...", "X urged ...") or "according to X"; the quote's text is the
complement clause.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from typing import ClassVar

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from bowerbird.lexicons import Lexicon
from bowerbird.records import ActorRef, Article, Mention, Quote
from bowerbird.settings import Settings
from bowerbird.stages.event_syntax import hashes

QUOTE_RE = re.compile(r"“([^”]{2,2000})”|\"([^\"\n]{2,2000})\"")
MIN_QUOTE_CHARS = 12


class QuotesStage:
    name: ClassVar[str] = "quotes"
    requires: ClassVar[frozenset[str]] = frozenset({"document", "nlp", "sentences", "mentions"})
    provides: ClassVar[frozenset[str]] = frozenset({"quotes"})

    def __init__(self, lexicon: Lexicon) -> None:
        self.speech = lexicon.speech
        self._cue_ids = hashes(frozenset(self.speech) | {"according"})

    def __call__(self, article: Article, settings: Settings) -> Article:
        doc: Doc = article.nlp
        assert article.document is not None
        doc_id = article.document.doc_id
        date = (article.document.published or "")[:10] or None
        mentions = _Mentions(article.mentions)
        quotes: list[Quote] = []
        text = article.document.text
        spans = self._direct_spans(text)
        covered: list[tuple[int, int]] = []
        for group in spans:
            q = self._direct(doc, text, group, doc_id, date, mentions)
            if q is not None:
                quotes.append(q)
            covered.append((group[0][0] - 1, group[-1][1] + 1))
        for i in self._cue_candidates(doc):
            tok = doc[i]
            if any(a <= tok.idx < b for a, b in covered):
                continue
            q = self._indirect(doc, tok, doc_id, date, mentions)
            if q is not None:
                quotes.append(q)
        quotes.sort(key=lambda q: q.start)
        return dataclasses.replace(article, quotes=tuple(quotes))

    def _cue_candidates(self, doc: Doc) -> list[int]:
        """Indices of tokens that may be reporting cues (read from arrays, not Tokens)."""
        wanted = self._cue_ids
        rows = doc.to_array([LEMMA, LOWER]).tolist()
        return [i for i, (lemma, lower) in enumerate(rows) if lemma in wanted or lower in wanted]

    # -- direct quotes ----------------------------------------------------------------

    def _direct_spans(self, text: str) -> list[list[tuple[int, int]]]:
        """Quoted content spans; consecutive pieces split only by a short cue are grouped."""
        pieces = []
        for m in QUOTE_RE.finditer(text):
            g = 1 if m.group(1) is not None else 2
            start, end = m.start(g), m.end(g)
            if end - start >= MIN_QUOTE_CHARS and " " in text[start:end]:
                pieces.append((start, end))
        groups: list[list[tuple[int, int]]] = []
        for p in pieces:
            if groups:
                prev_end = groups[-1][-1][1]
                between = text[prev_end + 1 : p[0] - 1]
                if (
                    len(between) < 60
                    and "\n" not in between
                    and re.search(r"\b(said|says|added|told|asked)\b", between)
                ):
                    groups[-1].append(p)
                    continue
            groups.append([p])
        return groups

    def _direct(
        self,
        doc: Doc,
        full: str,
        group: list[tuple[int, int]],
        doc_id: str,
        date: str | None,
        mentions: _Mentions,
    ) -> Quote | None:
        start, end = group[0][0], group[-1][1]
        quoted = " ".join(full[a:b].strip() for a, b in group)
        cue = self._cue_near(doc, start, end)
        speaker_tok = _subject(cue) if cue is not None else None
        speaker = mentions.at(speaker_tok) if speaker_tok is not None else None
        if cue is None:
            return None
        span = doc.char_span(start, end, alignment_mode="expand")
        sidx = _sentence_index(doc, span.start if span is not None else 0)
        return Quote(
            quote_id=_qid(doc_id, start, end),
            doc_id=doc_id,
            text=quoted,
            direct=True,
            speaker=speaker,
            speaker_text=_np_text(speaker_tok),
            cue=cue.text,
            start=start,
            end=end,
            date=date,
            sentence_index=sidx,
            speaker_start=_np_start(speaker_tok),
            speaker_end=_np_end(speaker_tok),
        )

    def _cue_near(self, doc: Doc, start: int, end: int) -> Token | None:
        """A reporting verb outside the quote, in the sentences where it starts or ends."""
        first = doc.char_span(start, start + 1, alignment_mode="expand")
        last = doc.char_span(end - 1, end, alignment_mode="expand")
        sents: list[Span] = []
        for sp in (last, first):
            if sp is not None and sp.sent not in sents:
                sents.append(sp.sent)
        for sent in sents:
            best = None
            for tok in sent:
                if start <= tok.idx < end:
                    continue
                if tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in self.speech:
                    dist = min(abs(tok.idx - end), abs(tok.idx - start))
                    if best is None or dist < best[0]:
                        best = (dist, tok)
                elif tok.lower_ == "according" and _next_is(tok, "to"):
                    best = (0, tok)
            if best is not None:
                return best[1]
        return None

    # -- indirect speech --------------------------------------------------------------

    def _indirect(
        self, doc: Doc, tok: Token, doc_id: str, date: str | None, mentions: _Mentions
    ) -> Quote | None:
        if tok.lower_ == "according" and _next_is(tok, "to"):
            to = doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                return None
            clause = tok.head if tok.head is not tok else None
            content = _clause_span(clause, exclude=tok) if clause is not None else None
            if content is None:
                return None
            return self._make(
                doc, doc_id, date, content, tok, pobj, mentions, cue_text="according to"
            )
        if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_.lower() not in self.speech:
            return None
        comp = next((c for c in tok.children if c.dep_ in {"ccomp", "xcomp"}), None)
        if comp is None:
            return None
        if comp.dep_ == "xcomp" and self.speech.get(tok.lemma_.lower()) != "urge":
            return None
        subj = _subject(tok)
        content = doc[comp.left_edge.i : comp.right_edge.i + 1]
        if comp.dep_ == "xcomp":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None:
                content = doc[obj.left_edge.i : comp.right_edge.i + 1]
        first = content[0]
        if first.lower_ == "that" and len(content) > 1:
            content = content[1:]
        if len(content.text) < MIN_QUOTE_CHARS:
            return None
        return self._make(doc, doc_id, date, content, tok, subj, mentions)

    def _make(
        self,
        doc: Doc,
        doc_id: str,
        date: str | None,
        content: Span,
        cue: Token,
        subj: Token | None,
        mentions: _Mentions,
        *,
        cue_text: str | None = None,
    ) -> Quote:
        start, end = content.start_char, content.end_char
        return Quote(
            quote_id=_qid(doc_id, start, end),
            doc_id=doc_id,
            text=content.text,
            direct=False,
            speaker=mentions.at(subj) if subj is not None else None,
            speaker_text=_np_text(subj),
            cue=cue_text or cue.text,
            start=start,
            end=end,
            date=date,
            sentence_index=_sentence_index(doc, content.start),
            speaker_start=_np_start(subj),
            speaker_end=_np_end(subj),
        )


class _Mentions:
    def __init__(self, mentions: tuple[Mention, ...]) -> None:
        self.mentions = sorted(
            (m for m in mentions if m.actor is not None), key=lambda m: m.end - m.start
        )

    def at(self, tok: Token | None) -> ActorRef | None:
        if tok is None:
            return None
        for m in self.mentions:  # smallest covering mention first
            if m.start <= tok.idx < m.end and m.actor is not None:
                return ActorRef(m.actor, m.text, m.start, m.end)
        return None


def _subject(verb: Token) -> Token | None:
    v = verb
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            return subj
        if v.dep_ in {"conj", "advcl", "xcomp"} and v.head is not v:
            v = v.head
            continue
        break
    return None


def _np_text(tok: Token | None) -> str | None:
    if tok is None:
        return None
    doc = tok.doc
    return str(doc[tok.left_edge.i : tok.i + 1].text) if tok.pos_ != "PRON" else str(tok.text)


def _np_start(tok: Token | None) -> int:
    if tok is None:
        return -1
    return int(tok.idx) if tok.pos_ == "PRON" else int(tok.left_edge.idx)


def _np_end(tok: Token | None) -> int:
    return -1 if tok is None else int(tok.idx + len(tok.text))


def _next_is(tok: Token, word: str) -> bool:
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == word


def _clause_span(clause: Token, exclude: Token) -> Span | None:
    doc = clause.doc
    sent = clause.sent
    toks = [t for t in sent if not (exclude.i <= t.i <= exclude.right_edge.i) and not t.is_punct]
    toks = [t for t in toks if not (exclude.i <= t.i <= _pp_end(exclude))]
    if not toks:
        return None
    return doc[toks[0].i : toks[-1].i + 1]


def _pp_end(tok: Token) -> int:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok
    return max(tok.right_edge.i, nxt.right_edge.i)


def _sentence_index(doc: Doc, token_i: int) -> int:
    if not len(doc):
        return -1
    target = doc[min(max(token_i, 0), len(doc) - 1)].sent.start
    return sum(1 for s in doc.sents if s.start < target)


def _qid(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{doc_id}|{start}|{end}".encode()).hexdigest()[:16]
