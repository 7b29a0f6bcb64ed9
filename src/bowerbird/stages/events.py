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
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
from spacy.attrs import HEAD, LEMMA, LOWER, POS
from spacy.parts_of_speech import AUX, NOUN, PROPN, VERB
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span, Token

from bowerbird import plover
from bowerbird.lexicons import Lexicon, Trigger
from bowerbird.records import ActorRef, Article, Event, EventDate, EventStatus, Evidence, Mention
from bowerbird.settings import Settings
from bowerbird.stages.event_rules import (
    DEMAND_MODALS,
    INTENT_ADJECTIVES,
    demand_clause,
    demand_trigger,
    intent_coding,
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
    }
)
FUTURE_GOVERNORS = frozenset(
    {
        "plan",
        "schedule",
        "expect",
        "due",
        "set",
        "intend",
        "aim",
        "prepare",
        "hope",
        "want",
        "seek",
        "propose",
        "arrange",
    }
)
NEG_GOVERNORS = frozenset({"fail", "decline", "refuse"})
MODALS_HYPO = frozenset({"would", "could", "might", "may", "should"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
PLANNED_AMODS = frozenset(
    {"planned", "upcoming", "proposed", "scheduled", "forthcoming", "expected", "future", "next"}
)
SELF_PRONOUNS = frozenset({"it", "they", "we", "i"})
MAX_SOURCES = 3
VERB_POS = frozenset({int(VERB), int(AUX)})
NOUN_POS = frozenset({int(NOUN), int(PROPN)})
QUANTITY_NOUNS = frozenset(
    {
        "ton",
        "part",
        "portion",
        "share",
        "tonne",
        "million",
        "billion",
        "thousand",
        "hundred",
        "worth",
        "amount",
        "lot",
        "number",
        "kg",
        "kilogram",
        "dollar",
        "package",
        "shipment",
        "batch",
        "supply",
        "round",
    }
)
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
REFUSED_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
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


@dataclass(frozen=True, slots=True)
class Hit:
    trigger: Trigger
    token: Token  # the trigger token (verb or noun)
    verb: Token | None  # the verb whose subject is the source (trigger or light verb)
    clause: Token | None = None  # for demands: the must/should clause (its subject is the target)


class EventsStage:
    name: ClassVar[str] = "events"
    requires: ClassVar[frozenset[str]] = frozenset({"document", "nlp", "sentences", "mentions"})
    provides: ClassVar[frozenset[str]] = frozenset({"events"})

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.noun_first_words: dict[str, set[str]] = {}
        for (lemma, pos), _rows in lexicon.triggers.items():
            if pos == "NOUN" and " " in lemma:
                head = lemma.rsplit(" ", 1)[1]
                self.noun_first_words.setdefault(head, set()).add(lemma)
        verbs = {lemma for (lemma, pos) in lexicon.triggers if pos == "VERB"} | LIGHT_VERBS
        nouns = {lemma.rsplit(" ", 1)[-1] for (lemma, pos) in lexicon.triggers if pos == "NOUN"}
        self._verb_ids = _hashes(verbs)
        self._noun_ids = _hashes(nouns)
        self._modal_ids = _hashes(DEMAND_MODALS)
        self.reporting = {lemma for lemma, kind in lexicon.speech.items() if kind != "promise"}

    def __call__(self, article: Article, settings: Settings) -> Article:
        doc: Doc = article.nlp
        document = article.document
        assert document is not None
        mentions = _MentionIndex(doc, article.mentions)
        published = document.published
        events: list[Event] = []
        verb_idx, noun_idx, modal_idx = self._candidates(doc)
        depth = _depths(doc)
        for sidx, sent in enumerate(doc.sents):
            lo, hi = sent.start, sent.end
            sent_text = document.text[sent.start_char : sent.end_char]
            hits = self.find_triggers(
                doc, [i for i in verb_idx if lo <= i < hi], [i for i in noun_idx if lo <= i < hi]
            )
            hits += self.find_demands(doc, [i for i in modal_idx if lo <= i < hi], hits)
            hits.sort(key=lambda h: (depth[(h.verb or h.token).i], h.token.i))
            trigger_tokens = {h.token.i for h in hits}
            content_heads = {
                (h.verb or h.token).i for h in hits if h.trigger.event_type in CONTENT_GOVERNORS
            }
            demand_spans = [(h.token.left_edge.i, h.token.right_edge.i) for h in hits if h.clause]
            for hit in hits:
                if _governed_by_trigger(hit.token, trigger_tokens):
                    continue
                if _in_content_clause(hit, content_heads):
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
                    for obj in _objects(tok):
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
            if nrow is not None and _noun_has_actor_args(tok):
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
        for o in _objects(tok, include_passive=True):
            objs.add(o.lemma_.lower())  # "suspended a military aid program": program, aid
            if o.text in CURRENCY_SYMBOLS:  # "gave $2 million to ..."
                objs.add("dollar")
            objs.update(c.lemma_.lower() for c in o.children if c.dep_ in {"compound", "amod"})
        for prep in tok.children:  # "provide Afghanistan with emergency aid"
            if prep.dep_ == "prep" and prep.lower_ == "with":
                objs.update(p.lemma_.lower() for p in prep.children if p.dep_ == "pobj")
        for row in rows:
            if row.objects and not (row.objects & objs):
                continue
            if row.particle and row.particle not in particles:
                continue
            return row
        return None

    def _noun_row(self, tok: Token) -> Trigger | None:
        lemma = tok.lemma_.lower()
        for phrase in sorted(self.noun_first_words.get(lemma, ()), key=len, reverse=True):
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
        mentions: _MentionIndex,
        published: str | None,
    ) -> list[Event]:
        row = hit.trigger
        sources, targets = self._arguments(hit, mentions)
        if not sources and not targets:
            return []
        if row.event_type == "MOBILIZE" and len(sources) > 1:
            row = JOINT_EXERCISE  # joint manoeuvres are cooperation (PLOVER 3.14.1)
        if not targets and len(sources) > 1 and row.event_type in plover.SYMMETRIC:
            sources, targets = sources[:1], sources[1:]
        status: EventStatus = "occurred" if hit.clause is not None else _status(hit)
        event_type, mode, cameo = intent_coding(row.event_type, row.mode, status)
        if _is_refusal(hit, row, status):  # "failed to reach agreement", "will not accept"
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

    def _arguments(
        self, hit: Hit, mentions: _MentionIndex
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        row, tok, verb = hit.trigger, hit.token, hit.verb
        sources: list[ActorRef] = []
        targets: list[ActorRef] = []
        if hit.clause is not None and verb is not None:
            subj, _, agent = _subject(verb)
            speaker = agent or subj
            csubj, cpass, _ = _subject(hit.clause)
            clause_subj = csubj or cpass
            src = mentions.actors_of(speaker) if speaker is not None else []
            tgt = mentions.actors_of(clause_subj) if clause_subj is not None else []
            return _unique(src), _unique([t for t in tgt if t not in src])
        if verb is not None:
            subj, passive_subj, agent = _subject(verb)
            if passive_subj is not None:
                if agent is None and row.event_type == "AGREE":  # "X is committed to ..."
                    sources += mentions.actors_of(passive_subj)
                else:
                    targets += mentions.actors_of(passive_subj)
            if agent is not None:
                sources += mentions.actors_of(agent)
            elif subj is not None:
                found = mentions.actors_of(subj)
                if not found and subj.lower_ in SELF_PRONOUNS:
                    speaker = _reporting_subject(verb)
                    if speaker is not None:
                        found = mentions.actors_of(speaker)
                sources += found
            if verb is tok and verb.lemma_.lower() not in TOPIC_VERBS:
                for obj in _objects(verb):
                    targets += mentions.actors_of(obj)
                for child in verb.children:
                    if child.dep_ == "dative":  # "told Xi", or "gave ... to Ethiopia"
                        nodes = [p for p in child.children if p.dep_ == "pobj"] or [child]
                        for node in nodes:
                            targets += mentions.actors_of(node)
                if not targets and row.event_type in CLAUSE_TARGET_TYPES:
                    for child in verb.children:  # "demanded that the government end curbs"
                        if child.dep_ == "ccomp":
                            csubj, _, _ = _subject(child)
                            if csubj is not None:
                                targets += mentions.actors_of(csubj)
        # nominal arguments: poss/compound actors, "between X and Y", "by X"
        if verb is not tok:
            for child in tok.children:
                if child.dep_ == "poss" and not sources:
                    sources += mentions.actors_of(child)
                elif child.dep_ == "prep" and child.lower_ == "between":
                    both = [
                        a for p in child.children if p.dep_ == "pobj" for a in mentions.actors_of(p)
                    ]
                    if not sources:
                        sources += both[:1]
                        targets += both[1:]
                    else:
                        targets += both
                elif child.dep_ == "prep" and child.lower_ == "by" and not sources:
                    sources += [
                        a for p in child.children if p.dep_ == "pobj" for a in mentions.actors_of(p)
                    ]
            if not sources and verb is None:
                for child in tok.lefts:
                    if child.dep_ in {"compound", "amod", "nmod"}:
                        sources += mentions.actors_of(child)
            if not sources and verb is None:
                # "In a phone call with Wang, Blinken urged ...": the clause's subject
                governor = _governing_verb(tok)
                if governor is not None:
                    subj, _, agent = _subject(governor)
                    if agent or subj:
                        sources += mentions.actors_of(agent or subj)  # type: ignore[arg-type]
        preps = row.target_preps or ("with", "on", "against", "to")
        holders = [tok] + ([verb] if verb is not None and verb is not tok else [])
        holders += [o for o in _objects(tok) if o.pos_ == "NOUN"]  # "imposed sanctions on X"
        for pp in (verb or tok).children:  # "in a phone call with Wang, Blinken discussed"
            if pp.dep_ == "prep" and pp.lower_ in {"in", "during", "at"}:
                holders += [p for p in pp.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
        source_ids = {a.actor.actor_id for a in sources}
        targets = [
            t for t in targets if t.actor.actor_id not in source_ids
        ]  # "withdraw its troops"
        if not targets:
            for prep in preps:
                for holder in holders:
                    for child in holder.children:
                        if child.dep_ in {"prep", "agent"} and child.lower_ == prep:
                            for p in child.children:
                                if p.dep_ == "pobj":
                                    targets += mentions.actors_of(p, descend=True)
                if targets:
                    break
        if not targets:
            targets += _complement_targets(tok, mentions)
        return _unique(sources), _unique([t for t in targets if t not in sources])


COMPLEMENT_PREPS = ("with", "against", "on", "to", "into", "in", "at", "from", "over")


def _complement_targets(tok: Token, mentions: _MentionIndex) -> list[ActorRef]:
    """Targets inside the trigger's complement: "threatened to break off relations with X",
    "refused to deploy peacekeepers in X", "denounced Serbia's suppression of ...".
    """
    found: list[ActorRef] = []
    for obj in _objects(tok):
        for c in obj.children:
            if c.dep_ == "poss":
                found += mentions.actors_of(c)
    if found:
        return found
    frontier = [c for c in tok.children if c.dep_ in {"xcomp", "dobj"}]
    for _ in range(3):
        nxt: list[Token] = []
        for node in frontier:
            if node.pos_ in {"VERB", "AUX"}:
                for obj in _objects(node):
                    found += mentions.actors_of(obj)
                for c in node.children:
                    if c.dep_ == "dative":
                        found += mentions.actors_of(c)
            for prep in COMPLEMENT_PREPS:
                for c in node.children:
                    if c.dep_ == "prep" and c.lower_ == prep:
                        for p in c.children:
                            if p.dep_ == "pobj":
                                found += mentions.actors_of(p, descend=True)
            if found:
                return found
            nxt += [c for c in node.children if c.dep_ in {"xcomp", "dobj", "pobj", "prep"}]
        frontier = nxt
    return found


# -- syntax helpers --------------------------------------------------------------------


def _hashes(words: set[str] | frozenset[str]) -> frozenset[int]:
    """spaCy string ids of ``words`` in lower, Title and UPPER case."""
    forms = {f for w in words for f in (w, w[:1].upper() + w[1:], w.upper())}
    return frozenset(int(hash_string(f)) for f in forms)


def _depths(doc: Doc) -> list[int]:
    """Depth of every token in its dependency tree (the root has depth 0)."""
    n = len(doc)
    if not n:
        return []
    heads = (doc.to_array(HEAD).astype(np.int64) + np.arange(n)).tolist()
    depth = [-1] * n
    for i in range(n):
        path: list[int] = []
        j = i
        while depth[j] < 0 and heads[j] != j and len(path) < n:
            path.append(j)
            j = heads[j]
        base = depth[j] if depth[j] >= 0 else 0
        depth[j] = base
        for k, node in enumerate(reversed(path), start=1):
            depth[node] = base + k
    return depth


def _objects(verb: Token, include_passive: bool = False) -> list[Token]:
    deps = {"dobj", "obj", "attr"} | ({"nsubjpass"} if include_passive else set())
    out = [c for c in verb.children if c.dep_ in deps]
    for o in list(out):
        out.extend(c for c in o.conjuncts if c.pos_ in {"NOUN", "PROPN"})
        quantity = o.lemma_.lower() in QUANTITY_NOUNS or any(
            c.dep_ in {"nummod", "quantmod"} for c in o.children
        )
        if quantity:
            for prep in o.children:  # "25,000 tons of food aid" -> aid
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    out.extend(p for p in prep.children if p.dep_ == "pobj")
    return out


def _subject(verb: Token) -> tuple[Token | None, Token | None, Token | None]:
    """(active subject, passive subject, agent pobj), inheriting through conj/relcl."""
    v: Token | None = verb
    for _ in range(3):
        if v is None:
            break
        subj = next((c for c in v.children if c.dep_ in {"nsubj", "csubj"}), None)
        psubj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        agent = None
        for c in v.children:
            if c.dep_ == "agent":
                agent = next((p for p in c.children if p.dep_ == "pobj"), None)
        if subj is not None and subj.tag_ in {"WDT", "WP"} and v.dep_ == "relcl":
            subj = v.head
        if subj is not None or psubj is not None or agent is not None:
            return subj, psubj, agent
        if v.dep_ in {"conj", "xcomp", "advcl", "acomp"} and v.head.pos_ in {"VERB", "AUX", "ADJ"}:
            v = v.head
            continue
        if v.dep_ in {"relcl", "acl"}:
            return v.head, None, None
        break
    return None, None, None


def _reporting_subject(verb: Token) -> Token | None:
    """For a verb in a reported clause, the subject of the reporting verb."""
    v = verb
    for _ in range(5):
        if v.dep_ in {"ccomp", "xcomp", "conj", "acomp", "advcl"} and v.head is not v:
            v = v.head
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ not in SELF_PRONOUNS:
                return subj
        else:
            break
    return None


def _is_refusal(hit: Hit, row: Trigger, status: str) -> bool:
    """A cooperative act someone failed, declined or refused to do, or says they will not
    do, is a rejection (PLOVER REJECT); a past one that just did not happen stays negated."""
    if row.event_type not in REFUSED_TYPES:
        return False
    v = hit.verb or hit.token
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in NEG_GOVERNORS:
        return True
    if status != "negated":
        return False
    auxes = {c.lower_ for c in v.children if c.dep_ in {"aux", "auxpass"}}
    return bool(auxes & (FUTURE_AUX | {"would", "can", "ca"}))


def _governing_verb(noun: Token) -> Token | None:
    """The verb whose prepositional phrase holds ``noun`` ("in talks with X, Y said")."""
    t = noun
    for _ in range(3):
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in {"VERB", "AUX"}:
            return t.head.head
        if t.dep_ in {"pobj", "prep"}:
            t = t.head
            continue
        return None
    return None


def _in_content_clause(hit: Hit, heads: set[int]) -> bool:
    """The content of a demand, threat, refusal or promise ("demanded that control be
    taken away", "threatened that it would attack") is not an event of its own."""
    v = hit.verb or hit.token
    return v.dep_ == "ccomp" and v.head.i in heads


def _governed_by_trigger(tok: Token, triggers: set[int]) -> bool:
    h = tok
    for _ in range(2):
        if h.dep_ in {"xcomp", "ccomp"} and h.head.i in triggers and h.dep_ == "xcomp":
            return True
        if h.dep_ in {"dobj", "pobj"} and h.head.i in triggers:
            return True
        if h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.head.i in triggers:
            return True
        h = h.head
    return False


def _noun_has_actor_args(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "poss":
            return True
        if c.dep_ == "prep" and c.lower_ in {"between", "with", "by", "on", "against"}:
            return True
        if c.dep_ in {"compound", "amod"} and (c.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}):
            return True
    return False


def _status(hit: Hit) -> EventStatus:
    tok = hit.token
    verb = hit.verb or tok.head
    chain = [tok, verb] + ([verb.head] if verb.dep_ in {"xcomp", "ccomp", "conj"} else [])
    for t in (tok, verb):
        if any(c.dep_ == "neg" for c in t.children):
            return "negated"
        if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            return "negated"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NEG_GOVERNORS:
        return "negated"
    for t in chain:
        for c in t.children:
            if c.dep_ == "mark" and c.lower_ in {"if", "unless"}:
                return "hypothetical"
    if verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children
    ):
        return "hypothetical"
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & FUTURE_AUX:
        return "planned"
    if auxes & MODALS_HYPO:
        return "planned" if verb.dep_ == "ccomp" else "hypothetical"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_GOVERNORS | {"be", "go"}:
        return "planned"
    if verb.dep_ == "xcomp" and verb.head.lower_ in INTENT_ADJECTIVES:
        return "planned"
    if tok.pos_ == "NOUN" and any(
        c.lower_ in PLANNED_AMODS for c in tok.children if c.dep_ == "amod"
    ):
        return "planned"
    return "occurred"


class _MentionIndex:
    """Maps tokens to the actors of the mentions that cover them."""

    def __init__(self, doc: Doc, mentions: tuple[Mention, ...]) -> None:
        self.by_token: dict[int, Mention] = {}
        for m in sorted(mentions, key=lambda m: m.end - m.start, reverse=True):
            if m.actor is None:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.by_token[t.i] = m  # smaller spans overwrite larger ones

    def actors_of(self, tok: Token, *, descend: bool = False) -> list[ActorRef]:
        out: list[ActorRef] = []
        for t in [tok, *tok.conjuncts]:
            ref = self._ref(t)
            if ref is None and t.pos_ == "NOUN":  # "its fighters", "Beijing's envoy"
                for c in t.lefts:
                    if c.dep_ == "poss":
                        ref = self._ref(c)
            if ref is None and (descend or t.pos_ in {"NOUN", "PRON"}):
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ in {"from", "of"}:
                        for p in c.children:
                            if p.dep_ == "pobj":
                                out += [r for r in (self._ref(x) for x in [p, *p.conjuncts]) if r]
            elif ref is not None:
                out.append(ref)
                for mod in t.lefts:  # "Turkish and Greek sides": each demonym's actor
                    if mod.dep_ in {"amod", "compound"}:
                        out += [r for r in (self._ref(c) for c in mod.conjuncts) if r]
        return out

    def _ref(self, tok: Token) -> ActorRef | None:
        m = self.by_token.get(tok.i)
        if m is None or m.actor is None:
            return None
        return ActorRef(m.actor, m.text, m.start, m.end)


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    seen: set[str] = set()
    out = []
    for r in refs:
        if r.actor.actor_id not in seen:
            seen.add(r.actor.actor_id)
            out.append(r)
    return out


def _dedupe(events: list[Event]) -> list[Event]:
    seen: set[str] = set()
    out = []
    for e in events:
        if e.event_id not in seen:
            seen.add(e.event_id)
            out.append(e)
    return out
