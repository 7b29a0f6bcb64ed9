"""Stances: an actor's position (support, oppose, neutral) on an issue of the taxonomy.

For every mention of an issue cue (``lexicon/issues.tsv``: "sanctions", "human rights",
"peace talks", ...) the stage walks up the parse from the cue to the nearest stance verb
(``lexicon/stance_verbs.tsv``) and reads the position off the path:

* a ``support`` verb ("called for", "welcomed", "backed") gives support, an ``oppose``
  verb ("condemned", "rejected") opposition;
* every ``reverse`` word on the way flips it ("calling for sanctions ... to be lifted",
  "the lifting of sanctions", "end the occupation"), and so does a negation of the verb
  or of a reverse word ("did not support");
* a cue that names the opposite of its issue (``-terrorism`` under counterterrorism)
  flips it once more: condemning terrorism supports counterterrorism.

Several stance verbs on the path multiply ("rejected the demand to halt"); with none, an
actor doing a reverse act is against the issue ("withdrew the trade status").

The actor is the outermost stance verb's subject and its conjuncts (resolved through the
actor mentions, so "he" and "the minister" work), or the speaker of the quote the cue sits
in (for "I"/"we" and for quotes with no stance verb), or the source of a
REQUEST/SUPPORT/AGREE or ACCUSE/REJECT event whose trigger governs the cue.  A mere
mention of an issue is no stance; one made conditional ("if", "until", "would have to be
earned") is ``neutral``.  The target country is a country mentioned inside the issue
phrase or next to the verbs on the path ("sanctions against Afghanistan" -> AFG).
See docs/stances.md.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import ClassVar

from spacy.tokens import Doc, Span, Token

from bowerbird.issues import IssueLexicon
from bowerbird.records import ActorRef, Article, Event, Evidence, Position, Quote, Stance
from bowerbird.settings import Settings
from bowerbird.stages import quote_rules as qr

#: Event types that state a position, and the position they state.
EVENT_POSITIONS: dict[str, int] = {
    "REQUEST": 1,
    "SUPPORT": 1,
    "AGREE": 1,
    "ACCUSE": -1,
    "REJECT": -1,
}
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
#: Reverse words that only modify another verb ("declined to describe"), never acts.
NOT_ACTS = frozenset({"decline", "refuse", "fail"})
#: Words that make a position conditional, i.e. mixed ("only if", "until", "would have to").
CONDITIONS = frozenset({"if", "unless", "until", "provided", "conditional", "depend", "earn"})
MODALS = frozenset({"should", "must", "need", "needs", "ought"})
MAX_STEPS = 8


class StancesStage:
    name: ClassVar[str] = "stances"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"document", "nlp", "mentions", "events", "quotes"}
    )
    provides: ClassVar[frozenset[str]] = frozenset({"stances"})

    def __init__(self, issues: IssueLexicon) -> None:
        self.verbs = issues.verbs
        self.cues = issues.cue_index()
        self.max_words = max((len(k) for k in self.cues), default=1)
        self.first_words = frozenset(k[0] for k in self.cues)

    def __call__(self, article: Article, settings: Settings) -> Article:
        doc: Doc = article.nlp
        assert article.document is not None
        ctx = _Context(article)
        found: dict[tuple[str, str, int], Stance] = {}
        # per-token strings read once per document, not once per cue lookup
        lowers = [t.lower_ for t in doc]
        lemmas = [t.lemma_.lower() for t in doc]
        for sidx, sent in enumerate(doc.sents):
            for span, issue, sign in self._matches(sent, lowers, lemmas):
                for st in self._stance(ctx, sidx, sent, span, issue, sign):
                    self._keep(found, st, sidx)
        stances = sorted(found.values(), key=lambda s: (s.evidence.start, s.issue))
        return dataclasses.replace(article, stances=tuple(stances))

    @staticmethod
    def _keep(found: dict[tuple[str, str, int], Stance], st: Stance, sidx: int) -> None:
        """One stance per actor, issue and sentence; a clear position beats neutral."""
        key = (st.actor.actor.actor_id, st.issue, sidx)
        old = found.get(key)
        if old is None or (old.position == "neutral" and st.position != "neutral"):
            found[key] = st

    # -- issue cues ---------------------------------------------------------------------

    def _matches(
        self, sent: Span, lowers: list[str], lemmas: list[str]
    ) -> list[tuple[Span, str, int]]:
        """Issue cue phrases in a sentence, longest first, not overlapping.

        ``lowers`` and ``lemmas`` are the lower-case forms and lemmas of every token of
        the document."""
        doc = sent.doc
        first, cues = self.first_words, self.cues
        out: list[tuple[Span, str, int]] = []
        i = sent.start
        while i < sent.end:
            if lowers[i] not in first and lemmas[i] not in first:
                i += 1
                continue
            hit = None
            for n in range(min(self.max_words, sent.end - i), 0, -1):
                surface = tuple(lowers[i : i + n])
                rows = cues.get(surface) or cues.get((*surface[:-1], lemmas[i + n - 1]))
                if rows:
                    hit = (doc[i : i + n], rows)
                    break
            if hit is None:
                i += 1
                continue
            words, rows = hit
            if words.root.dep_ == "compound" and words.root.head.i >= words.end:
                i += len(words)  # "aid workers", "trade fair": about the other noun
                continue
            out.extend((words, issue, sign) for issue, sign in rows)
            i += len(words)
        return out

    def _polarity(self, tok: Token) -> str | None:
        """The stance verb row of a token: "call for" before "call"."""
        lemma = tok.lemma_.lower()
        doc = tok.doc
        after = [doc[tok.i + 1]] if tok.i + 1 < len(doc) else []  # "calling for X to be ..."
        for c in [*tok.children, *after]:
            if c.dep_ in {"prep", "prt"} or (
                c.i == tok.i + 1 and c.pos_ in {"ADP", "PART", "SCONJ"}
            ):
                pol = self.verbs.get(f"{lemma} {c.lower_}")
                if pol is not None:
                    return pol
        return self.verbs.get(lemma)

    # -- one stance ---------------------------------------------------------------------

    def _stance(
        self, ctx: _Context, sidx: int, sent: Span, span: Span, issue: str, sign: int
    ) -> list[Stance]:
        head = span.root
        flips = sign
        path: list[Token] = [head]
        cue_word: str | None = None
        for child in head.children:  # "sanctions ... to be lifted" parsed under the noun
            if child.dep_ in {"acl", "relcl"} and self._polarity(child) == "reverse":
                flips *= -_negated(child)
                cue_word = child.text
        anchors: list[Token] = []
        if head.pos_ == "VERB" and self._polarity(head) in {"support", "oppose"}:
            anchors.append(head)  # the cue is itself the act: "has not recognised the Taliban"
        governing: list[Token] = []  # tokens that govern the cue (not siblings, not subjects)
        tok = head
        for _ in range(MAX_STEPS):
            if tok.head.i == tok.i:
                break
            # "unfreeze assets and provide aid": a sibling is not nested; "the bombing
            # vows ...": a verb says nothing about its own subject
            skip = tok.dep_ in {"conj", "nsubj"}
            if tok.dep_ == "relcl" and tok.i != head.i:
                break  # "a war that began after the attacks": the clause describes "war"
            tok = tok.head
            path.append(tok)
            if not skip:
                governing.append(tok)
            pol = None if skip else self._polarity(tok)
            if pol == "reverse" and tok.i not in span_ids(span):
                flips *= -_negated(tok)
                cue_word = cue_word or tok.text
            elif pol in {"support", "oppose"} and tok.pos_ in {"VERB", "NOUN", "AUX"}:
                anchors.append(tok)  # "rejected the demand to halt ...": both count
            elif not skip and tok.pos_ == "VERB" and anchors == [] and _negated(tok) < 0:
                flips *= -1  # "persuade North Korea not to carry out nuclear tests"
        quote = ctx.quote_at(head.idx)
        event = ctx.event_on([head, *governing], sent)
        actors: list[ActorRef] = []
        base = 0
        rule = "statement"
        if not anchors:
            # an actor undoing something is against it: "New Delhi withdrew the trade status"
            acts = [
                t
                for t in governing
                if t.pos_ == "VERB"
                and self._polarity(t) == "reverse"
                and t.lemma_.lower() not in NOT_ACTS
            ]
            subj = qr.subject(acts[-1]) if acts else None
            if acts and (quote is not None or ctx.mentions.at(qr.antecedent(subj)) is not None):
                anchors = [acts[-1]]
                cue_word = None
        if anchors:
            base = 1
            for a in anchors:
                base *= (1 if self._polarity(a) in {"support", "reverse"} else -1) * _negated(a)
            for a in reversed(anchors):  # the holder of the outermost attitude
                subj = qr.subject(a)
                if subj is not None and (subj.lower_ not in FIRST_PERSON or quote is None):
                    actors = ctx.actors_of(subj)
                if actors or subj is not None:
                    break
            words = " … ".join(a.text for a in reversed(anchors))
            cue_word = words if cue_word is None else f"{words} … {cue_word}"
        if not actors and quote is not None and quote.speaker is not None:
            actors, rule = [quote.speaker], "quote"
        if not actors and event is not None and event.source is not None:
            actors, rule = [event.source], "event"
            if not anchors:
                base = EVENT_POSITIONS[event.event_type]
                cue_word = event.trigger
        if base == 0 and cue_word is not None and _modal(path):
            base = 1  # "sanctions should be lifted": advocating the reversal
        value = base * flips
        position: Position = "support" if value > 0 else "oppose" if value < 0 else "neutral"
        if position == "neutral" and not _conditional(sent):
            return []  # a mere mention is no stance; a conditional one is mixed
        doc_id = ctx.doc_id
        return [
            Stance(
                stance_id=_sid(doc_id, sidx, issue, actor.actor.actor_id, span.start_char),
                doc_id=doc_id,
                actor=actor,
                issue=issue,
                position=position,
                target_country=ctx.target_country(head, path, actor),
                date=(
                    event.date.date
                    if event is not None
                    else quote.date
                    if quote is not None and quote.date
                    else ctx.date
                ),
                evidence=_evidence(doc_id, sidx, sent, head.idx),
                cue=cue_word,
                rule=rule,
                quote_id=quote.quote_id if quote is not None else None,
                event_id=event.event_id if event is not None else None,
            )
            for actor in actors
        ]


class _Context:
    """Per-document lookups: actor mentions, quotes, events."""

    def __init__(self, article: Article) -> None:
        assert article.document is not None
        self.doc_id = article.document.doc_id
        self.date = (article.document.published or "")[:10] or None
        self.mentions = qr.MentionIndex(article.mentions)
        self.quotes = [q for q in article.quotes if q.speaker is not None]
        self.events = [
            e for e in article.events if e.event_type in EVENT_POSITIONS and e.source is not None
        ]

    def actors_of(self, subj: Token) -> list[ActorRef]:
        """The actors of a subject and its conjuncts ("Saudi Arabia and Iran agreed")."""
        out: list[ActorRef] = []
        for t in (qr.antecedent(subj), *subj.conjuncts):
            ref = self.mentions.at(t)
            if ref is not None and all(r.actor.actor_id != ref.actor.actor_id for r in out):
                out.append(ref)
        return out

    def quote_at(self, idx: int) -> Quote | None:
        return next((q for q in self.quotes if q.start <= idx < q.end), None)

    def event_on(self, path: list[Token], sent: Span) -> Event | None:
        """A position-stating event whose trigger governs the issue cue."""
        on_path = {t.idx for t in path}
        in_sent = [e for e in self.events if sent.start_char <= e.trigger_start < sent.end_char]
        return next((e for e in in_sent if e.trigger_start in on_path), None)

    def target_country(self, head: Token, path: list[Token], actor: ActorRef) -> str | None:
        """A country named in the issue phrase, or in a complement of a verb on the path."""
        spots: list[Token] = list(head.subtree)
        for t in path[1:]:
            for c in t.children:
                if c.dep_ in {"prep", "dobj", "dative", "pobj", "poss"} and c not in path:
                    spots.extend(c.subtree)
        for t in spots:
            m = self.mentions.at(t)
            if m is None or m.actor.country is None:
                continue
            if actor.start >= 0 and m.start == actor.start:
                continue
            return m.actor.country
        return None


def span_ids(span: Span) -> range:
    return range(span.start, span.end)


def _negated(tok: Token) -> int:
    """-1 if the word is negated ("did not support", "never lifted"), else 1."""
    return -1 if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in tok.children) else 1


def _evidence(doc_id: str, sidx: int, sent: Span, at: int) -> Evidence:
    """The sentence, cut to the paragraph holding the cue (a headline parsed with the
    first sentence stays out)."""
    base = sent.start_char
    text = sent.text
    start, end, at = 0, len(text), at - base
    para_start = text.rfind("\n\n", start, at)
    if para_start >= 0:
        start = para_start + 2
    para_end = text.find("\n\n", at, end)
    if para_end >= 0:
        end = para_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(doc_id, sidx, base + start, base + end, text[start:end])


def _conditional(sent: Span) -> bool:
    return any(t.lower_ in CONDITIONS or t.lemma_.lower() in CONDITIONS for t in sent)


def _modal(path: list[Token]) -> bool:
    return any(c.lower_ in MODALS for t in path for c in t.children if c.dep_ == "aux")


def _sid(doc_id: str, sidx: int, issue: str, actor_id: str, start: int) -> str:
    return hashlib.sha1(f"{doc_id}|{sidx}|{issue}|{actor_id}|{start}".encode()).hexdigest()[:16]
