"""Argument finders beyond subject and object: targets inside complements, purpose
clauses, conditions, coordinated verbs and prepositional phrases.

Split out of :mod:`bowerbird.stages.event_syntax`; each function reads the spaCy parse
around a trigger and returns the actors it finds (empty when the pattern is absent).
"""

from __future__ import annotations

from spacy.tokens import Token

from bowerbird.records import ActorRef
from bowerbird.stages.event_syntax import MentionIndex, objects

COMPLEMENT_PREPS = ("with", "against", "on", "to", "into", "in", "at", "from", "over")


def _infinitive_of_noun(tok: Token) -> bool:
    """An infinitive completing a noun: "an invitation [to attend a meeting of X]"."""
    return (
        tok.dep_ == "acl"
        and tok.head.pos_ == "NOUN"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def _shifted_objects(verb: Token) -> list[Token]:
    """A heavy object moved after an "as" predicate ("denounced as a crime X's
    crackdown"), which the parser attaches as an apposition of the "as" object."""
    return [
        a
        for pp in verb.children
        if pp.dep_ == "prep" and pp.lower_ == "as"
        for p in pp.children
        if p.dep_ == "pobj"
        for a in p.children
        if a.dep_ == "appos" and a.i > p.i
    ]


def complement_targets(tok: Token, mentions: MentionIndex) -> list[ActorRef]:
    """Targets inside the trigger's complement: "threatened to break off relations with X",
    "refused to deploy peacekeepers in X", "denounced Serbia's suppression of ...",
    "rejected an invitation to attend a meeting of X" (the object noun's infinitive).
    """
    found: list[ActorRef] = []
    for obj in objects(tok) + _shifted_objects(tok):
        for c in obj.children:
            if c.dep_ == "poss":
                found += mentions.actors_of(c)
            elif c.dep_ == "prep" and c.lower_ in {"by", "from"}:  # "rejected calls by X"
                for p in c.children:
                    if p.dep_ == "pobj":
                        found += mentions.actors_of(p)
    if found:
        return found
    frontier = [c for c in tok.children if c.dep_ in {"xcomp", "dobj"}]
    for _ in range(3):
        nxt: list[Token] = []
        for node in frontier:
            if node.pos_ in {"VERB", "AUX"}:
                for obj in objects(node):
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
            nxt += [c for c in node.children if _infinitive_of_noun(c)]
        frontier = nxt
    return found


#: Verbs of a protest's purpose clause that name its addressee ("to demand ... from X").
PURPOSE_DEMANDS = frozenset(
    {"demand", "press", "call", "urge", "seek", "push", "insist", "protest", "denounce"}
)
#: "demand the return of property seized by X": participle clauses and their agents too.
_PURPOSE_DEPS = frozenset({"dobj", "dative", "prep", "pobj", "poss", "acl", "agent"})


def purpose_targets(
    heads: list[Token], mentions: MentionIndex, exclude: frozenset[str] = frozenset()
) -> list[ActorRef]:
    """The addressee of a protest is whom its demands address: the first actor inside a
    purpose clause "to demand/press ..." ("staged protests to demand the resignation of
    the prime minister", "blocked roads to press their demands on the government")."""
    for head in heads:
        for clause in head.children:
            if clause.dep_ not in {"advcl", "xcomp", "acl", "relcl"}:
                continue
            if clause.lemma_.lower() not in PURPOSE_DEMANDS:
                continue
            if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                continue
            frontier = [c for c in clause.children if c.dep_ in _PURPOSE_DEPS]
            for _ in range(6):  # "demand [the return [of [property [seized [by X]]]]]"
                found: list[ActorRef] = []
                for node in frontier:
                    if node.dep_ in {"dobj", "dative", "pobj", "poss"}:
                        found += [  # not the protesters themselves ("their demands")
                            a for a in mentions.actors_of(node) if a.actor.actor_id not in exclude
                        ]
                if found:
                    return found
                frontier = [c for n in frontier for c in n.children if c.dep_ in _PURPOSE_DEPS]
    return []


def condition_targets(head: Token, mentions: MentionIndex) -> list[ActorRef]:
    """The target of a conditional threat is who must meet the condition: "threatened to
    strike unless Israel withdrew" -> Israel (the subject of the unless/if clause)."""
    for tok in head.subtree:
        if tok.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in {"unless", "if"} for c in tok.children
        ):
            continue
        subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            found = mentions.actors_of(subj)
            if found:
                return found
    return []


#: Prepositions of circumstance whose event noun can hold the counterpart ("in a phone call
#: with Wang", "called off the strike after talks with the government").
CIRCUMSTANCE_PREPS = frozenset({"in", "during", "at", "after", "following", "amid"})


def circumstance_holders(head: Token) -> list[Token]:
    """Nouns of ``head``'s circumstance phrases: "in a phone call with Wang, Blinken
    discussed ...", "called off a strike after deliberations with the government"."""
    return [
        p
        for pp in head.children
        if pp.dep_ == "prep" and pp.lower_ in CIRCUMSTANCE_PREPS
        for p in pp.children
        if p.dep_ == "pobj" and p.pos_ == "NOUN"
    ]


def particle_objects(verb: Token, particle: str) -> list[Token]:
    """Objects of a prepositional verb's own preposition, which hold its counterpart like a
    direct object would: "called for sanctions against X", "reneged on its pledge to X"."""
    if not particle:
        return []
    return [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == particle
        for p in c.children
        if p.dep_ == "pobj" and p.pos_ == "NOUN"
    ]


def repaired_pobjs(prep: Token) -> list[Token]:
    """The objects of ``prep``, also when it shares the object of a coordinated phrase
    ("established ties with and opened an embassy in Tehran"), and when the parser made
    its object the subject of a following reduced relative clause: in "granted asylum to five officers holed up in
    the embassy" the small model reads "officers" as the subject of "holed", leaving "to"
    without an object; the noun phrase starting right after the preposition is its object.
    """
    found = [p for p in prep.children if p.dep_ == "pobj"]
    if found:
        return found
    nxt = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else None
    if nxt is not None and nxt.dep_ == "cc":
        # right-node raising: "ties with and an embassy in Tehran" share "Tehran"
        for t in prep.doc[nxt.i + 1 : prep.sent.end]:
            if t.dep_ == "pobj":
                return [t]
    for clause in prep.children:  # "to [four officers hiding ...]" read as a clause
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if clause.dep_ == "pcomp" and subj is not None and subj.left_edge.i == prep.i + 1:
            return [subj]
    for clause in prep.head.children:
        if clause.dep_ not in {"advcl", "ccomp", "conj", "relcl"} or clause.i < prep.i:
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.left_edge.i == prep.i + 1:
            return [subj]
    return []


def conjunct_targets(verb: Token, mentions: MentionIndex, preps: tuple[str, ...]) -> list[ActorRef]:
    """A verb with no object of its own shares the complements of the verb coordinated
    right after it: "donated and (personally) delivered medicine to the hospital"
    (right-node raising)."""
    if any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return []
    found: list[ActorRef] = []
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ != "VERB":
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children):
            continue  # a clause of its own ("X donated and Y delivered")
        between = verb.doc[verb.i + 1 : conj.i]
        if not all(t.dep_ in {"cc", "advmod", "preconj"} for t in between):
            continue  # not two verbs sharing one object ("agreed ..., after X visited Y")
        objs = objects(conj)
        for obj in objs:
            found += mentions.actors_of(obj)
        for holder in [conj, *objs]:  # "delivered $50,000 worth of goods to X"
            for child in holder.children:
                if child.dep_ == "dative" or (child.dep_ == "prep" and child.lower_ in preps):
                    nodes = [p for p in child.children if p.dep_ == "pobj"] or [child]
                    for node in nodes:
                        found += mentions.actors_of(node, descend=True)
        if found:
            return found
    return found


def span_targets(holders: list[Token], mentions: MentionIndex) -> list[ActorRef]:
    """The parties of a relation named with "between"/"among" on the trigger or its object
    ("halt mediation efforts among the feuding republics")."""
    found: list[ActorRef] = []
    for holder in holders:
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in {"between", "among", "amongst"}:
                for p in c.children:
                    if p.dep_ == "pobj":
                        found += mentions.actors_of(p, descend=True)
    return found


def content_clauses(nouns: list[Token]) -> list[Token]:
    """Finite clauses stating a noun's content: "insisted on its demands [that the
    government grant ...]" (the parser's ``acl`` with a subject of its own)."""
    return [
        c
        for n in nouns
        for c in n.children
        if c.dep_ in {"acl", "ccomp"} and any(d.dep_ in {"nsubj", "nsubjpass"} for d in c.children)
    ]


#: Nouns of "in protest at X", "in response to X", "in retaliation for X": what answers.
GRIEVANCE_NOUNS = frozenset({"protest", "response", "retaliation", "reprisal", "opposition"})
GRIEVANCE_PREPS = frozenset({"of", "at", "against", "over", "to", "for"})


def grievance_targets(heads: list[Token], mentions: MentionIndex) -> list[ActorRef]:
    """The party whose act an event answers: "continued a hunger strike in protest of the
    government's refusal", "recalled its envoy in protest at X's decision"."""
    found: list[ActorRef] = []
    for head in heads:
        for pp in head.children:
            if pp.dep_ != "prep" or pp.lower_ not in {"in", "as"}:
                continue
            for noun in pp.children:
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in GRIEVANCE_NOUNS:
                    continue
                # "in retaliation [for X]", or its prepositional phrase left on the head
                after = [c for c in head.children if c.i == noun.right_edge.i + 1]
                for inner in [*noun.children, *after]:
                    if inner.dep_ == "prep" and inner.lower_ in GRIEVANCE_PREPS:
                        for p in inner.children:
                            if p.dep_ == "pobj":
                                found += mentions.actors_of(p, descend=True)
        if found:
            return found
    return found
