"""Syntax helpers for event coding: subjects, objects, status, and the token -> actor index.

Split out of :mod:`bowerbird.stages.events` (which matches triggers and codes events) so
each module stays small; everything here reads the spaCy parse and returns tokens,
statuses or actor references.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import HEAD
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token

from bowerbird.lexicons import Trigger
from bowerbird.records import ActorRef, EventStatus, Mention
from bowerbird.stages.event_rules import INTENT_ADJECTIVES

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

REFUSED_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})


@dataclass(frozen=True, slots=True)
class Hit:
    trigger: Trigger
    token: Token  # the trigger token (verb or noun)
    verb: Token | None  # the verb whose subject is the source (trigger or light verb)
    clause: Token | None = None  # for demands: the must/should clause (its subject is the target)


#: Nouns that count or collect people: their actor is the "of" object.
GROUP_NOUNS = frozenset(
    {
        "ten",
        "tens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "dozen",
        "dozens",
        "score",
        "scores",
        "group",
        "number",
        "crowd",
        "band",
        "team",
        "contingent",
        "delegation",
        "member",
        "some",
        "many",
        "most",
        "several",
        "couple",
    }
)
#: Participles and adjectives that tie people to the group they belong to.
AFFILIATION = frozenset(
    {"affiliate", "affiliated", "link", "linked", "belong", "loyal", "allied", "tie", "tied"}
)
# -- syntax helpers --------------------------------------------------------------------


def hashes(words: set[str] | frozenset[str]) -> frozenset[int]:
    """spaCy string ids of ``words`` in lower, Title and UPPER case."""
    forms = {f for w in words for f in (w, w[:1].upper() + w[1:], w.upper())}
    return frozenset(int(hash_string(f)) for f in forms)


def depths(doc: Doc) -> list[int]:
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


def objects(verb: Token, include_passive: bool = False) -> list[Token]:
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


def subject(verb: Token) -> tuple[Token | None, Token | None, Token | None]:
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
            if v is not verb and psubj is not None and _active(verb):
                # "X was indicted by Y and will resign": an active verb coordinated with
                # a passive one shares its grammatical subject, X, not the agent Y
                return psubj, None, None
            return subj, psubj, agent
        if v.dep_ in {"conj", "xcomp", "advcl", "acomp"} and v.head.pos_ in {"VERB", "AUX", "ADJ"}:
            v = v.head
            continue
        if v.dep_ == "acl" and v.tag_ == "VBN" and v.i > v.head.i and has_verb_root(v):
            # "land seized in 1970": a participle's noun is its patient (unless the
            # parser left the clause without a verb: "Doctors from X donated ...")
            return None, v.head, None
        if v.dep_ in {"relcl", "acl"}:
            return v.head, None, None
        break
    return None, None, None


def reporting_subject(verb: Token) -> Token | None:
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


def is_refusal(hit: Hit, row: Trigger, status: str) -> bool:
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


#: Verbs whose subject undergoes, observes or speaks to the event in their object ("faced a
#: blockade", "told a news conference"): their subject is not the event's source.
UNDERGO_VERBS = frozenset(
    {
        "tell",
        "address",
        "brief",
        "face",
        "suffer",
        "survive",
        "endure",
        "fear",
        "witness",
        "escape",
        "experience",
        "resist",
        "report",
        "describe",
        "see",
        "expect",
        "risk",
    }
)


def governing_verb(noun: Token) -> Token | None:
    """The verb whose prepositional phrase holds ``noun`` ("in talks with X, Y said"), or
    whose object it is ("would tighten the blockade of Serbia": the tightener's event)."""
    t = noun
    if t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.head.lemma_.lower() not in UNDERGO_VERBS:
        return t.head
    for _ in range(3):
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in {"VERB", "AUX"}:
            return t.head.head
        if t.dep_ in {"pobj", "prep"}:
            t = t.head
            continue
        return None
    return None


def in_content_clause(hit: Hit, heads: set[int]) -> bool:
    """The content of a demand, threat, refusal or promise ("demanded that control be
    taken away", "threatened that it would attack") is not an event of its own."""
    v = hit.verb or hit.token
    return v.dep_ == "ccomp" and v.head.i in heads


def _of_object(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def governed_by_trigger(tok: Token, triggers: set[int], verbs: set[int] | None = None) -> bool:
    """Whether ``tok``'s event is part of another trigger's event: its complement
    ("agreed to meet"), its object ("called for sanctions") or its purpose ("staged
    demonstrations to demand reforms": the demand is the protest's aim, PLOVER 3.12.2)."""
    if (
        tok.dep_ == "advcl"
        and tok.head.i in triggers | (verbs or set())
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    ):
        return True
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


def noun_has_actor_args(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "poss":
            return True
        if c.dep_ == "prep" and c.lower_ in {"between", "with", "by", "on", "against"}:
            return True
        if c.dep_ in {"compound", "amod"} and (c.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}):
            return True
    verb = governing_verb(tok) if tok.dep_ == "dobj" else None
    if verb is not None:  # "Saudi Arabia tightened the blockade of Yemen"
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subj is not None and (
            subj.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"} or subj.lower_ in {"it", "they"}
        )
    return False


def status_of(hit: Hit) -> EventStatus:
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


class MentionIndex:
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
            if ref is None and t.pos_ == "PROPN":  # "Kenzo Oshima, the UN relief
                # coordinator": an unknown name is coded as what "the ..." apposition names
                ref = next(
                    (
                        r
                        for c in t.children
                        if c.dep_ == "appos" and any(d.dep_ == "det" for d in c.children)
                        for r in [self._ref(c)]
                        if r
                    ),
                    None,
                )
            if ref is None and t.pos_ == "NOUN":  # "workers affiliated with X", "loyal to X"
                ref = next(
                    (
                        r
                        for c in t.children
                        if c.dep_ in {"acl", "amod"} and c.lemma_.lower() in AFFILIATION
                        for pp in c.children
                        if pp.dep_ == "prep" and pp.lower_ in {"with", "to"}
                        for p in pp.children
                        if p.dep_ == "pobj"
                        for r in [self._ref(p)]
                        if r
                    ),
                    None,
                )
            if ref is None and t.lemma_.lower() in GROUP_NOUNS:
                # "tens of thousands of students", "a group of refugees": the people named
                inner = _of_object(t)
                if inner is not None:
                    out += self.actors_of(inner, descend=descend)
                    continue
            if ref is None and (descend or t.pos_ in {"NOUN", "PRON"}):
                for c in t.children:
                    # "troops from X", "the homes of X", "a camp for X refugees"
                    if c.dep_ == "prep" and c.lower_ in {"from", "of", "for"}:
                        for p in c.children:
                            if p.dep_ == "pobj":
                                out += [r for r in (self._ref(x) for x in [p, *p.conjuncts]) if r]
            elif ref is not None:
                out.append(ref)
                for mod in t.lefts:  # "Turkish and Greek sides", "U.S. and Russian
                    # negotiators" (the parser makes "U.S." an nmod): each modifier's actor
                    if mod.dep_ in {"amod", "compound", "nmod"}:
                        out += [r for r in (self._ref(c) for c in mod.conjuncts) if r]
        return out

    def _ref(self, tok: Token) -> ActorRef | None:
        m = self.by_token.get(tok.i)
        if m is None or m.actor is None:
            return None
        return ActorRef(m.actor, m.text, m.start, m.end)


def unique(refs: list[ActorRef]) -> list[ActorRef]:
    seen: set[str] = set()
    out = []
    for r in refs:
        if r.actor.actor_id not in seen:
            seen.add(r.actor.actor_id)
            out.append(r)
    return out


def _active(verb: Token) -> bool:
    """Whether ``verb`` is in the active voice (no passive auxiliary, not a participle
    modifying a noun)."""
    return verb.pos_ in {"VERB", "AUX"} and not any(c.dep_ == "auxpass" for c in verb.children)


def has_verb_root(tok: Token) -> bool:
    """Whether ``tok``'s sentence is rooted in a verb (a parse without a main verb often
    takes the real main verb for a participle)."""
    return tok.sent.root.pos_ in {"VERB", "AUX"}
