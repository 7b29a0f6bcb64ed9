"""Events: PLOVER event coding from the dependency parse.

For each sentence we look for triggers (verbs and event nouns from
``lexicon/triggers.tsv``), then read the source and target actors from the syntax:

* verbs: subject -> source; direct object, dative or the trigger's target prepositions
  ("met with", "imposed sanctions on") -> targets; passives swap ("was attacked by");
  subjects are inherited through coordination ("met X and agreed ...") and relative
  clauses; reported speech needs nothing special: the complement clause's own subject
  is the source ("X said Y had agreed to ..." -> Y), and "it/they" there means the speaker;
* light verbs with an event noun ("held talks", "imposed sanctions", "carried out an
  attack") take the noun's category and the verb's subject;
* event nouns with their own arguments ("China's talks with Pakistan", "talks between X
  and Y", "a phone call with X");
* coordinated subjects of symmetric categories ("X and Y agreed") become source and target.

Status: ``negated`` ("did not attend", "no talks"), ``planned`` ("will hold talks",
"plans to visit", "is due to meet"), ``hypothetical`` (conditionals and would/could),
else ``occurred``.  A trigger governed by another trigger through ``xcomp`` ("agreed to
meet", "refused to attend", "threatened to impose") yields only the governing event.
Dates are assigned by the dates stage; here each event gets the publication date.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import ClassVar

from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from bowerbird import plover
from bowerbird.lexicons import Lexicon, Trigger
from bowerbird.records import ActorRef, Article, Event, EventDate, EventStatus, Evidence
from bowerbird.settings import Settings
from bowerbird.stages.event_arguments import arguments, is_description, is_reciprocal
from bowerbird.stages.event_rules import (
    DEMAND_MODALS,
    demand_clause,
    demand_trigger,
    intent_coding,
)
from bowerbird.stages.event_syntax import (
    Hit,
    MentionIndex,
    depths,
    governed_by_trigger,
    hashes,
    in_content_clause,
    is_refusal,
    noun_has_actor_args,
    objects,
    status_of,
)

LIGHT_VERBS = frozenset(
    {
        "hold",
        "continue",
        "intensify",
        "escalate",
        "stop",
        "approve",
        "have",
        "conduct",
        "launch",
        "carry",
        "stage",
        "stag",  # en_core_web_sm lemmatizes "staged" as "stag"
        "make",
        "reach",
        "impose",
        "pay",
        "begin",
        "start",
        "resume",
        "open",
        "mount",
        "undertake",
        "announce",
        "sign",
        "host",
        "take",
        "give",
        "provide",
        "deliver",
        "send",
        "extend",
        "issue",
        "level",
        "file",
        "lodge",
        "slap",
        "unleash",
        "wage",
        "perform",
        "organize",
        "organise",
        "attend",
        "join",
        "speed",  # "speeded up the withdrawal of ..."
        "accelerate",
    }
)
MAX_SOURCES = 3
VERB_POS = frozenset({int(VERB), int(AUX)})
NOUN_POS = frozenset({int(NOUN), int(PROPN)})
JOINT_EXERCISE = Trigger(
    lemma="exercise",
    pos="NOUN",
    particle="",
    event_type="COOPERATE",
    mode=None,
    context=("military",),
    cameo="062",
    target_preps=(),
    objects=frozenset(),
)
#: Verbs whose direct object is the topic, not the counterpart ("discussed Afghanistan").
TOPIC_VERBS = frozenset({"discuss", "debate", "address", "raise", "review", "consider"})
CURRENCY_SYMBOLS = frozenset({"$", "€", "£", "¥", "US$"})
CONTENT_GOVERNORS = frozenset({"REQUEST", "THREATEN", "REJECT", "AGREE"})
_REFUSAL_MODE = {
    "CONSULT": "meet",
    "AGREE": "meet",
    "AID": "assist",
    "COOPERATE": "assist",
    "SUPPORT": "assist",
    "RETREAT": "yield",
    "CONCEDE": "yield",
}
CLAUSE_TARGET_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})


class EventsStage:
    name: ClassVar[str] = "events"
    requires: ClassVar[frozenset[str]] = frozenset({"document", "nlp", "sentences", "mentions"})
    provides: ClassVar[frozenset[str]] = frozenset({"events"})

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        first_words: dict[str, set[str]] = {}
        for (lemma, pos), _rows in lexicon.triggers.items():
            if pos == "NOUN" and " " in lemma:
                head = lemma.rsplit(" ", 1)[1]
                first_words.setdefault(head, set()).add(lemma)
        # longest phrase first, sorted once ("military drill" before "drill")
        self.noun_phrases = {
            head: tuple(sorted(phrases, key=len, reverse=True))
            for head, phrases in first_words.items()
        }
        verbs = {lemma for (lemma, pos) in lexicon.triggers if pos == "VERB"} | LIGHT_VERBS
        nouns = {lemma.rsplit(" ", 1)[-1] for (lemma, pos) in lexicon.triggers if pos == "NOUN"}
        self._verb_ids = hashes(verbs)
        self._noun_ids = hashes(nouns)
        self._modal_ids = hashes(DEMAND_MODALS)
        # reporting verbs proper; the quote-only kinds (direct, intend, think, evaluate) and
        # promises are not
        self.reporting = {
            lemma for lemma, kind in lexicon.speech.items() if kind in {"say", "urge", "warn"}
        }

    def __call__(self, article: Article, settings: Settings) -> Article:
        doc: Doc = article.nlp
        document = article.document
        assert document is not None
        mentions = MentionIndex(doc, article.mentions)
        published = document.published
        events: list[Event] = []
        verb_idx, noun_idx, modal_idx = self._candidates(doc)
        depth = depths(doc)
        for sidx, sent in enumerate(doc.sents):
            lo, hi = sent.start, sent.end
            sent_text = document.text[sent.start_char : sent.end_char]
            hits = self.find_triggers(
                doc, [i for i in verb_idx if lo <= i < hi], [i for i in noun_idx if lo <= i < hi]
            )
            hits += self.find_demands(doc, [i for i in modal_idx if lo <= i < hi], hits)
            hits.sort(key=lambda h: (depth[(h.verb or h.token).i], h.token.i))
            trigger_tokens = {h.token.i for h in hits}
            trigger_verbs = {h.verb.i for h in hits if h.verb is not None}
            content_heads = {
                (h.verb or h.token).i for h in hits if h.trigger.event_type in CONTENT_GOVERNORS
            }
            demand_spans = [(h.token.left_edge.i, h.token.right_edge.i) for h in hits if h.clause]
            for hit in hits:
                if governed_by_trigger(hit.token, trigger_tokens, trigger_verbs):
                    continue
                if in_content_clause(hit, content_heads) or is_description(hit):
                    continue
                if hit.clause is None and any(a <= hit.token.i <= b for a, b in demand_spans):
                    continue
                events.extend(
                    self._code(hit, sent, sent_text, sidx, document.doc_id, mentions, published)
                )
        return dataclasses.replace(article, events=tuple(_dedupe(events)))

    # -- triggers ---------------------------------------------------------------------

    def _candidates(self, doc: Doc) -> tuple[list[int], list[int], list[int]]:
        """Indices of possible verb triggers, noun triggers and demand modals.

        Read from the parse arrays so that the other tokens never become Python objects.
        """
        if not len(doc):
            return [], [], []
        arr = doc.to_array([LEMMA, POS, LOWER]).tolist()
        verbs, nouns, modals = self._verb_ids, self._noun_ids, self._modal_ids
        return (
            [i for i, (lem, pos, _) in enumerate(arr) if lem in verbs and pos in VERB_POS],
            [i for i, (lem, pos, _) in enumerate(arr) if lem in nouns and pos in NOUN_POS],
            [i for i, (_, _, low) in enumerate(arr) if low in modals],
        )

    def find_triggers(self, doc: Doc, verb_idx: list[int], noun_idx: list[int]) -> list[Hit]:
        hits: list[Hit] = []
        used_nouns: set[int] = set()
        for i in verb_idx:
            tok = doc[i]
            if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
                row = self._verb_row(tok)
                if row is not None:
                    hits.append(Hit(row, tok, tok))
                    continue
                if tok.lemma_.lower() in LIGHT_VERBS:
                    for obj in objects(tok):
                        nrow = self._noun_row(obj)
                        if nrow is not None:
                            hits.append(Hit(nrow, obj, tok))
                            used_nouns.add(obj.i)
                            break
        for i in noun_idx:
            tok = doc[i]
            if tok.i in used_nouns:
                continue
            if tok.dep_ == "compound":
                continue
            nrow = self._noun_row(tok)
            if nrow is not None and noun_has_actor_args(tok):
                hits.append(Hit(nrow, tok, None))
        return hits

    def find_demands(self, doc: Doc, modal_idx: list[int], hits: list[Hit]) -> list[Hit]:
        """REQUEST events from must/should clauses under a reporting verb."""
        by_token = {h.token.i: h.trigger for h in hits}
        out = []
        for i in modal_idx:
            tok = doc[i].head
            governor = demand_clause(tok, self.reporting)
            if governor is None:
                continue
            row = demand_trigger(by_token.get(tok.i))
            out.append(Hit(row, tok, governor, clause=tok))
        return out

    def _verb_row(self, tok: Token) -> Trigger | None:
        rows = self.lex.triggers.get((tok.lemma_.lower(), "VERB"))
        if not rows:
            return None
        particles = {c.lower_ for c in tok.children if c.dep_ in {"prt", "prep", "advmod"}}
        objs = set()
        for o in objects(tok, include_passive=True):
            objs.add(o.lemma_.lower())  # "suspended a military aid program": program, aid
            if o.text in CURRENCY_SYMBOLS:  # "gave $2 million to ..."
                objs.add("dollar")
            objs.update(c.lemma_.lower() for c in o.children if c.dep_ in {"compound", "amod"})
        for prep in tok.children:  # "provide Afghanistan with emergency aid"
            if prep.dep_ == "prep" and prep.lower_ == "with":
                objs.update(p.lemma_.lower() for p in prep.children if p.dep_ == "pobj")
        particle_objs: dict[str, set[str]] = {}  # "called for sanctions": the preposition's
        for prep in tok.children:  # object is the prepositional verb's object
            if prep.dep_ == "prep":
                lemmas = {p.lemma_.lower() for p in prep.children if p.dep_ == "pobj"}
                particle_objs.setdefault(prep.lower_, set()).update(lemmas)
        for row in rows:
            if row.particle and row.particle not in particles:
                continue
            if row.objects and not (row.objects & (objs | particle_objs.get(row.particle, set()))):
                continue
            return row
        return None

    def _noun_row(self, tok: Token) -> Trigger | None:
        lemma = tok.lemma_.lower()
        for phrase in self.noun_phrases.get(lemma, ()):
            words = phrase.split()
            left = [t.lemma_.lower() for t in tok.lefts if t.dep_ in {"compound", "amod"}]
            if all(w in left for w in words[:-1]):
                rows = self.lex.triggers.get((phrase, "NOUN"))
                if rows:
                    return rows[-1]
        rows = self.lex.triggers.get((lemma, "NOUN"))
        if not rows:
            return None
        preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
        for row in rows:
            if row.particle and row.particle not in preps:
                continue
            return row
        return None

    # -- coding -----------------------------------------------------------------------

    def _code(
        self,
        hit: Hit,
        sent: Span,
        sent_text: str,
        sidx: int,
        doc_id: str,
        mentions: MentionIndex,
        published: str | None,
    ) -> list[Event]:
        row = hit.trigger
        sources, targets = arguments(hit, mentions)
        if not sources and not targets:
            return []
        if row.event_type == "MOBILIZE" and len(sources) > 1:
            row = JOINT_EXERCISE  # joint manoeuvres are cooperation (PLOVER 3.14.1)
        if not targets and len(sources) > 1 and is_reciprocal(row):
            sources, targets = sources[:1], sources[1:]
        status: EventStatus = "occurred" if hit.clause is not None else status_of(hit)
        event_type, mode, cameo = intent_coding(row.event_type, row.mode, status)
        if is_refusal(hit, row, status):  # "failed to reach agreement", "will not accept"
            event_type, mode, cameo, status = (
                "REJECT",
                _REFUSAL_MODE[row.event_type],
                "12",
                "occurred",
            )
        start, end = sent.start_char, sent.end_char
        evidence = Evidence(doc_id, sidx, start, end, sent_text)
        date = EventDate(published or "", "day", None, "published")
        out: list[Event] = []
        source_options: list[ActorRef | None] = list(sources[:MAX_SOURCES]) or [None]
        for source in source_options:
            tgts = tuple(
                t for t in targets if source is None or t.actor.actor_id != source.actor.actor_id
            )
            conf = (
                0.4
                + (0.25 if source else 0)
                + (0.2 if tgts else 0.05)
                + (0.15 if hit.verb is hit.token else 0.05)
            )
            key = f"{doc_id}|{sidx}|{hit.token.idx}|{event_type}|{source.actor.actor_id if source else ''}"
            out.append(
                Event(
                    event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
                    doc_id=doc_id,
                    event_type=event_type,
                    mode=mode,
                    context=row.context,
                    cameo_root=plover.cameo_root(event_type, cameo or row.cameo),
                    quad_class=plover.quad_class(event_type),
                    score=plover.score(event_type, mode),
                    status=status,
                    date=date,
                    source=source,
                    targets=tgts,
                    location=None,
                    evidence=(evidence,),
                    confidence=round(min(conf, 1.0), 2),
                    trigger=hit.token.text
                    if hit.verb in (None, hit.token)
                    else f"{hit.verb.text} {hit.token.text}",
                    trigger_start=hit.token.idx,
                    trigger_end=hit.token.idx + len(hit.token.text),
                )
            )
        return out


def _dedupe(events: list[Event]) -> list[Event]:
    seen: set[str] = set()
    out = []
    for e in events:
        if e.event_id not in seen:
            seen.add(e.event_id)
            out.append(e)
    return out
