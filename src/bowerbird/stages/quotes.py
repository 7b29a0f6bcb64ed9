"""Quotes: direct quotations and reported speech, attributed to resolved actors.

Direct quotes are spans between matching quotation marks (straight or curly), possibly
running over several sentences; a quote split by its cue (“A,” he said, “B”) becomes one
quote with the pieces joined.  The cue is a reporting verb from ``lexicon/speech.tsv``
outside the quoted pieces, in the sentences where the quote starts or ends, or in the
clause that introduces it with a colon ("He said: “...”"); the speaker is its subject,
resolved through the actor mentions (which already include within-document coreference:
"he", "the minister", "Wang").  A quoted paragraph with no cue of its own continues the
quote of the paragraph before it and keeps that quote's speaker.  A line "X: ..." (a
headline) attributes its content to X.

Indirect speech is a reporting verb with a clausal complement ("Wang said that ...",
"X told reporters ...", "a poll showed that ..."), an urging verb with an infinitive
("X urged Y to ..."), or "according to X"; the quote's text is the complement clause.
Attitudes and positions count too: an attitude adjective ("is wary of ..."), a verb whose
object is a thing said ("laid out her proposals") or a stated position ("named X as ..."),
a noun of statement with a possessor, a clause set in a poll; sources that are not the
cue's subject are in :mod:`bowerbird.stages.quote_sources`.

Each quote lists the events coded from the sentences it spans (``event_ids``) and is dated
by a day expression next to its cue ("said on Monday"), else by the publication date.  Quotes
never merge across speakers or paragraphs, so a speaker's earlier statements stay
separate quotes.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from bowerbird.lexicons import Lexicon
from bowerbird.records import Article, Quote
from bowerbird.settings import Settings
from bowerbird.stages import quote_content as qc
from bowerbird.stages import quote_layout as ql
from bowerbird.stages import quote_rules as qr
from bowerbird.stages import quote_sources as qs
from bowerbird.stages.event_syntax import hashes
from bowerbird.stages.quote_direct import DirectQuotes, Piece
from bowerbird.stages.quote_links import (
    continue_latest,
    link_events,
    outermost,
    same_speaker,
    speech_date,
)

#: Speech kind of nouns only ("criticism"): cues as the head of "X's criticism of Y".
NOMINAL = "nominal"
#: Speech kind of adjectives of attitude ("critical of", "confident that", "eager to").
ATTITUDE = "attitude"
#: Speech kind of verbs of speaking whose content is their topic ("spoke about").
TOPIC = "topic"
#: Kinds whose lemmas are also cues as nouns ("his pledge to ...", "Clinton's promise of").
NOUN_KINDS = frozenset({NOMINAL, "promise"})
#: Verbs of other kinds that are also nouns of statement with a possessor ("Trump's claim
#: that ...", "her attack on ...", "his call for ...", "their fear of ...").
NOUN_CUES = frozenset(
    {"claim", "attack", "call", "view", "fear", "hope", "estimate", "forecast", "demand", "say"}
)
#: Speech kinds whose verbs take an infinitive complement as content ("urged X to ...").
XCOMP_KINDS = frozenset({"urge", "intend", "promise"})
#: Speech kinds that introduce direct quotes only next to quotation marks.
DIRECT_ONLY = frozenset({"direct"})
#: Speech kinds that never introduce a direct quote (attitudes towards an object).
INDIRECT_ONLY = frozenset({"evaluate", "intend"})
#: Speech kinds that introduce no direct quote: attitudes, perceptions or findings
#: ("she sees", "he knows", "found"), which report a mind, not words spoken, and speaking
#: of a topic ("spoke about"), which reports no words.
NOT_DIRECT = INDIRECT_ONLY | {"think", "topic"}
#: Speech kinds whose content is the verb's object ("X criticized Y", "X talked about Y");
#: an attitude's object is its content however short ("endorsed Clinton").
OBJECT_KINDS = frozenset({"evaluate"})
#: Speech kinds that report a clause, also when they interrupt or follow it ("Voters, a
#: new poll finds, want change"; "..., Smith warned").
CLAUSE_KINDS = frozenset({"say", "think", "warn"})
#: Speech kinds that take an object as content when they have no clause ("called for a
#: ban", "promised a wall", "polls show a close race", "agreed with the analysis",
#: "voters want a clean break").
OBJECT_FALLBACK_KINDS = frozenset({"urge", "promise", "think", "intend"})


class QuotesStage:
    name: ClassVar[str] = "quotes"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"document", "nlp", "sentences", "mentions", "events", "timexes"}
    )
    provides: ClassVar[frozenset[str]] = frozenset({"quotes"})

    def __init__(self, lexicon: Lexicon) -> None:
        self.speech = lexicon.speech
        forms = {f for lemma in self.speech for f in qr.inflections(lemma)}
        nouns = qs.POLL_NOUNS | qs.SPEECH_OBJECTS
        extra = {"according", "put"} | nouns | {p + "s" for p in nouns}
        self._cue_ids = hashes(frozenset(self.speech) | forms | extra)
        self.direct = DirectQuotes(self._is_cue, self._is_direct_cue)

    def __call__(self, article: Article, settings: Settings) -> Article:
        doc: Doc = article.nlp
        assert article.document is not None
        doc_id = article.document.doc_id
        date = (article.document.published or "")[:10] or None
        mentions = qr.MentionIndex(article.mentions)
        text = article.document.text
        quotes: list[Quote] = []
        covered: list[Piece] = []
        prev: Quote | None = None
        continued: set[str] = set()  # quoted paragraphs that continue the quote before
        for group in self.direct.groups(doc, text):
            q = self.direct.quote(doc, text, group, doc_id, date, mentions, prev)
            covered.append((group[0][0] - 1, group[-1][1] + 1))
            if q is not None:
                if same_speaker(q, prev):
                    continued.add(q.quote_id)
                quotes.append(q)
                prev = q
        for sa, sb, ca, cb in ql.headline_speakers(text):
            if not any(a < cb and ca < b for a, b in covered):
                quotes.append(
                    self.direct.headline(doc, text, (sa, sb, ca, cb), doc_id, date, mentions)
                )
                covered.append((ca, cb))
        for i in self._cue_candidates(doc):
            tok = doc[i]
            if any(a <= tok.idx < b for a, b in covered):
                continue
            q = self._indirect(doc, tok, doc_id, date, mentions)
            if q is not None and not any(
                a < q.end and q.start < b and not _holds(q, (a, b)) for a, b in covered
            ):
                quotes.append(q)
                covered.append((q.start, q.end))
        marks = ql.quoted_spans(text) + ql.open_paragraphs(text) if continued else []
        quotes = continue_latest(outermost(quotes), continued, marks)
        quotes = [link_events(q, doc, article.events) for q in quotes]
        quotes = [speech_date(q, doc, article.timexes, date) for q in quotes]
        quotes.sort(key=lambda q: q.start)
        return dataclasses.replace(article, quotes=tuple(quotes))

    def _cue_candidates(self, doc: Doc) -> list[int]:
        """Indices of tokens that may be reporting cues (read from arrays, not Tokens)."""
        wanted = self._cue_ids
        rows = doc.to_array([LEMMA, LOWER]).tolist()
        return [i for i, (lemma, lower) in enumerate(rows) if lemma in wanted or lower in wanted]

    def _is_cue(self, tok: Token) -> bool:
        if tok.dep_ == "amod":  # a participle modifying a noun: "pledged delegates"
            return False
        return tok.pos_ in {"VERB", "AUX"} and self.speech.get(
            qr.cue_lemma(tok, self.speech)
        ) not in {None, NOMINAL}

    def _is_nominal_cue(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        return tok.pos_ == "NOUN" and (self.speech.get(lemma) in NOUN_KINDS or lemma in NOUN_CUES)

    def _is_direct_cue(self, tok: Token) -> bool:
        if tok.lower_ == "put" and qs.put_it(tok):
            return True  # "as one farmer put it: “...”"
        return self._is_cue(tok) and self.speech[qr.cue_lemma(tok, self.speech)] not in NOT_DIRECT

    # -- indirect speech --------------------------------------------------------------

    def _indirect(
        self, doc: Doc, tok: Token, doc_id: str, date: str | None, mentions: qr.MentionIndex
    ) -> Quote | None:
        if tok.lower_ == "according":
            pobj = qr.according_source(tok)
            if pobj is None:
                return None
            clause = tok.head if tok.head.i != tok.i else None
            content = qc.clause_span(clause, exclude=tok) if clause is not None else None
            if content is None:
                return None
            return self._make(doc, doc_id, date, content, pobj, mentions, tok)
        handled, found = self._beyond_verbs(tok)
        if handled:
            if found is None:
                return None
            return self._make(doc, doc_id, date, found[0], found[1], mentions, found[2])
        if not self._is_cue(tok) or qr.that_said(tok):
            return None
        kind = self.speech.get(qr.cue_lemma(tok, self.speech))
        if kind in DIRECT_ONLY:
            return None
        if kind == TOPIC:
            about = qc.topic_content(tok)
            subj = qr.source_subject(tok)
            if about is None or subj is None:
                return None
            return self._make(doc, doc_id, date, about, subj, mentions, tok)
        if kind in OBJECT_KINDS:
            obj = qc.object_content(tok)
            subj = qr.source_subject(tok)
            if obj is None or subj is None or not obj.text.strip():
                return None
            return self._make(doc, doc_id, date, obj, subj, mentions, tok)
        comps = [c for c in tok.children if c.dep_ in {"ccomp", "xcomp"}]
        # the clause after the verb is its content; one before it may be another
        # statement the parser hung on it ("Six in 10 said A; 46 percent said B")
        comp = next((c for c in comps if c.i > tok.i), comps[0] if comps else None)
        if comp is None:
            loose = qs.as_clause(tok) or (
                qc.loose_content(tok, objects=kind == "say") if kind in CLAUSE_KINDS else None
            )
            if loose is None and any(c.dep_ == "oprd" for c in tok.children):
                loose = qc.object_content(tok)  # "called Trump unhinged"
            if loose is None and kind in OBJECT_FALLBACK_KINDS and not qr.finds_a_thing(tok):
                loose = qc.object_content(tok)  # "called for a ban", "promised a wall"
            topic = loose is None and kind == "say" and qc.has_topic(tok)
            if topic:
                loose = qc.object_content(tok)  # "pointed to his record", "commented on"
            answered = loose is None and kind == "say" and qc.answer_word(tok) is not None
            if answered:
                loose = qc.answer_word(tok)  # "46 percent said yes"
            short = kind in OBJECT_FALLBACK_KINDS or topic or answered
            least = 1 if short else qr.MIN_QUOTE_CHARS
            if loose is None or len(loose.text.strip()) < least:
                return None
            return self._make(doc, doc_id, date, loose, qr.source_subject(tok), mentions, tok)
        addressee = next((c for c in tok.children if c.dep_ == "dobj" and c.i < comp.i), None)
        # an infinitive after an addressee is an order ("told Bush to quiet down"); a
        # verb of saying takes no infinitive, so its "xcomp" without "to" is a clause the
        # parser mislabelled ("she said represented all her emails")
        mislabelled = kind == "say" and not qc.infinitive(comp)
        if (
            comp.dep_ == "xcomp"
            and kind not in XCOMP_KINDS
            and addressee is None
            and not mislabelled
        ):
            return None
        content = doc[comp.left_edge.i : comp.right_edge.i + 1]
        if comp.dep_ == "xcomp" and addressee is not None:
            content = doc[addressee.left_edge.i : comp.right_edge.i + 1]
        if not len(content):
            return None
        if content[0].lower_ == "that" and len(content) > 1:
            content = content[1:]
        while len(content) > 1 and (content[-1].is_punct or content[-1].is_space):
            content = content[:-1]
        # an infinitive is content however short ("declined to comment", "vowed to win")
        least = 2 if comp.dep_ == "xcomp" else qr.MIN_QUOTE_CHARS
        if len(content.text) < least:
            return None
        return self._make(doc, doc_id, date, content, qr.source_subject(tok), mentions, tok)

    def _beyond_verbs(self, tok: Token) -> tuple[bool, tuple[Span, Token | None, Token] | None]:
        """Attributions whose cue is not a reporting verb: polls, "as X put it", attitude
        adjectives, nouns of statement.  Returns whether ``tok`` is such a cue, and if so
        the content, source and cue it gives (None when the construction is incomplete)."""
        if qs.is_poll(tok):
            polled = qs.poll_attribution(tok, self._is_cue)  # "leads in a new poll"
            return True, None if polled is None else (polled[1], tok, tok.head)
        if tok.lemma_.lower() == "put" and qs.put_it(tok):
            said = qs.modified_clause(tok)
            return True, None if said is None else (said, qr.source_subject(tok), tok)
        if tok.pos_ == "ADJ" and self.speech.get(tok.lower_) == ATTITUDE:
            held = qc.attitude_content(tok)  # "is wary of ...", "was confident that ..."
            return True, None if held is None else (held[1], held[0], tok)
        nominal = self._is_nominal_cue(tok)
        found = qc.nominal_attribution(tok) if nominal else None
        if found is not None:
            return True, (found[1], found[0], tok)
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in qs.SPEECH_OBJECTS:
            said_as = qs.speech_object(tok)  # "unleashed a series of tweets"
            if said_as is None or self._is_cue(said_as[0]):
                return True, None
            subj = qr.source_subject(said_as[0])
            return True, None if subj is None else (said_as[1], subj, said_as[0])
        return nominal, None

    def _make(
        self,
        doc: Doc,
        doc_id: str,
        date: str | None,
        content: Span,
        subj: Token | None,
        mentions: qr.MentionIndex,
        cue: Token,
    ) -> Quote:
        start, end = content.start_char, content.end_char
        outer = qr.enclosing_cue(cue, self._is_cue) if cue.lower_ != "according" else None
        if outer is not None:  # "Kasich says he'll welcome ...": Kasich is the source
            cue, subj = outer, qr.source_subject(outer)
        if subj is not None and not qr.plausible_speaker(subj, []):
            subj = qr.speaker_next_to(doc, cue, [(start, end)])
        a, b = qr.speaker_bounds(subj) if subj is not None else (-1, -1)
        return Quote(
            quote_id=qr.quote_id(doc_id, start, end),
            doc_id=doc_id,
            text=content.text,
            direct=False,
            speaker=mentions.at(qr.antecedent(subj)),
            speaker_text=qr.np_text(subj),
            cue="according to" if cue.lower_ == "according" else cue.text,
            start=start,
            end=end,
            date=date,
            sentence_index=qr.sentence_index(doc, content.start),
            speaker_start=a,
            speaker_end=b,
        )


def _holds(q: Quote, span: Piece) -> bool:
    """A reported clause wholly holds a shorter quote found before it ("Kasich says he
    has “the wind at our backs”"): both are kept, the clause as the outer content."""
    a, b = span
    return q.start <= a + 2 and b - 2 <= q.end and (b - a) < (q.end - q.start)
