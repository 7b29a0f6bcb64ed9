"""Syntax helpers for quote attribution: what a statement is about.

General rules about English attribution, used by :mod:`bowerbird.stages.quotes` (the
speaker rules are in :mod:`bowerbird.stages.quote_rules`):

* the content of "according to X" is its sentence without the phrase;
* an evaluative verb is about its object and complements ("criticized the plan as
  reckless"), not its phrases of time or place ("on Tuesday", "in Iowa");
* a reporting verb the parser gave no clausal complement has the clause it interrupts
  or ends ("Far too many lives, Barden says, have been lost"), or its long object;
* a noun of speech or attitude with a possessor has the possessor as source and its
  clause or prepositional object as content ("Clinton's claim that ...").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from bowerbird.stages.quote_rules import NOMINAL, TIMEWORDS, source_subject


def clause_span(clause: Token, exclude: Token) -> Span | None:
    """The sentence of ``clause`` without the "according to X" phrase and punctuation."""
    doc = clause.doc
    toks = [
        t
        for t in clause.sent
        if not (exclude.i <= t.i <= pp_end(exclude)) and not t.is_punct and not t.is_space
    ]
    if not toks:
        return None
    return doc[toks[0].i : toks[-1].i + 1]


def pp_end(tok: Token) -> int:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok
    return max(tok.right_edge.i, nxt.right_edge.i)


#: Dependents of a verb that make up what an attitude is about.
OBJECT_DEPS = frozenset({"dobj", "prep", "dative", "xcomp", "ccomp", "attr", "oprd", "prt"})


#: Prepositions after a reporting verb that introduce its topic ("commented on the plan").
TOPIC_PREPS = frozenset({"to", "about", "on", "of"})


def has_topic(verb: Token) -> bool:
    """A reporting verb with a topic phrase after it ("pointed to his record")."""
    return any(c.dep_ == "prep" and c.lower_ in TOPIC_PREPS for c in verb.rights)


#: Entity types of a phrase that says when or where, not what ("vote on Feb. 27").
SETTING_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})


def circumstance(prep: Token) -> bool:
    """A prepositional phrase of time or place ("on Tuesday", "in Iowa"), which sets a
    statement's scene and is not what it is about."""
    if prep.dep_ != "prep":
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in SETTING_ENTS or obj.lower_ in TIMEWORDS)


def object_content(verb: Token) -> Span | None:
    """What an evaluative verb is about: its object and complements after it.

    "criticized the plan as reckless" -> "the plan as reckless"; "talked about the economy"
    -> "about the economy" (a particle-like preposition is kept out of the span start).
    """
    deps = [c for c in verb.rights if c.dep_ in OBJECT_DEPS and not circumstance(c)]
    if not deps or not any(c.dep_ != "prt" for c in deps):
        return None
    doc = verb.doc
    first = deps[0]
    if first.dep_ in {"prep", "prt"}:
        inner = [c for c in first.children if c.dep_ in {"pobj", "pcomp"}]
        if first.dep_ == "prep" and inner:
            first = inner[0]
        elif len(deps) > 1:
            first = deps[1]
    start = first.left_edge.i
    end = max(c.right_edge.i for c in deps)
    span = doc[start : end + 1]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    # a bare preposition or particle is no content ("rails against" parsed without object)
    return span if any(t.pos_ in CONTENT_POS for t in span) else None


#: Parts of speech that make a span content rather than function words.
CONTENT_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "VERB", "ADJ", "X"})


#: Reporting verbs whose direct object is the addressee or a topic, not what was said.
ADDRESSEE_VERBS = frozenset({"tell", "ask", "brief", "inform", "answer", "quote", "post"})


def loose_content(verb: Token, *, objects: bool = True) -> Span | None:
    """Content of a reporting verb the parser gave no clausal complement.

    * a parenthetical cue ("Far too many lives, Barden says, have been lost") or an
      inverted one after the clause ("..., said the company's chief executive"): the
      clause it interrupts or ends, without the cue's own words;
    * "X says the movement ... appeals to ...", parsed with a long direct object: the
      rest of the sentence from that object; a short object with its complements
      ("announced his candidacy in Iowa"); only for verbs of saying (``objects``), as a
      finding's object is a thing found ("found the files"), not a statement.
    """
    doc = verb.doc
    inverted = any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)
    ends = inverted and verb.dep_ in {"conj", "ccomp"} and verb.head.i < verb.i
    if (verb.dep_ == "parataxis" or ends) and verb.head is not verb:
        head = verb.head
        toks = [
            t
            for t in head.subtree
            if not (verb.left_edge.i <= t.i <= verb.right_edge.i)
            and not t.is_punct
            and not t.is_space
        ]
        return doc[toks[0].i : toks[-1].i + 1] if toks else None
    if not objects or verb.lemma_.lower() in ADDRESSEE_VERBS:
        return None
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.right_edge.i - obj.left_edge.i < 1:
        return None
    if obj.right_edge.i - obj.left_edge.i < 4:  # "announced his candidacy in Iowa"
        return object_content(verb)
    end = verb.sent.end - 1
    while end > obj.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return doc[obj.left_edge.i : end + 1]


def statement_like(span: Span) -> bool:
    """A quoted span that reads as a statement: six words or more, with a finite verb."""
    words = [t for t in span if t.is_alpha]
    return len(words) >= 6 and any(t.pos_ in {"VERB", "AUX"} for t in span)


#: Prepositions that introduce what a noun of speech or attitude is about.
ABOUT_PREPS = frozenset({"of", "for", "on", "against", "about", "to", "toward", "towards", "with"})


def nominal_attribution(noun: Token) -> tuple[Token, Span] | None:
    """Speaker and content of a noun of speech or attitude with a possessor.

    "Clinton's claim that the deal was fair", "his criticism of the plan", "Trump's
    decision to leave": the possessor is the source; the content is the noun's clause
    or the object of its preposition.
    """
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None or poss.pos_ not in NOMINAL:
        return None
    doc = noun.doc
    clause = next((c for c in noun.children if c.dep_ in {"acl", "ccomp"} and c.i > noun.i), None)
    if clause is not None:
        span = doc[clause.left_edge.i : clause.right_edge.i + 1]
    else:
        prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ABOUT_PREPS), None)
        obj = (
            next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None) if prep else None
        )
        if obj is None:
            return None
        span = doc[obj.left_edge.i : obj.right_edge.i + 1]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    if len(span) and span[0].lower_ == "that" and len(span) > 1:
        span = span[1:]
    return (poss, span) if len(span) else None


#: Verbs that link a subject to an attitude adjective ("is wary of", "seems eager to").
LINKING_VERBS = frozenset(
    {"be", "seem", "appear", "become", "remain", "sound", "look", "feel", "grow", "stay"}
)
#: Prepositions that introduce what an attitude is about ("angry at", "keen on", "wary of").
ATTITUDE_PREPS = ABOUT_PREPS | {"over", "at", "in", "by"}
#: Subjects that name no one ("it is clear that", "this is worrying").
EMPTY_SUBJECTS = frozenset({"it", "this", "that", "there", "which", "what"})


def attitude_content(adj: Token) -> tuple[Token, Span] | None:
    """Holder and content of a predicative attitude adjective.

    "The senator is critical of the deal" -> (senator, "the deal"); "Farmers are worried
    that the rain will ruin the crop" -> (Farmers, "the rain will ruin the crop"): the
    subject holds the attitude, its clause or prepositional object is what it is about.
    Without such a complement ("She is happy") there is nothing attributed.
    """
    verb = adj.head
    if adj.dep_ != "acomp" or verb.i == adj.i or verb.lemma_.lower() not in LINKING_VERBS:
        return None
    doc = adj.doc
    comp = next((c for c in adj.children if c.dep_ in {"ccomp", "xcomp"} and c.i > adj.i), None)
    if comp is not None:
        span = doc[comp.left_edge.i : comp.right_edge.i + 1]
    else:
        prep = next(
            (c for c in adj.rights if c.dep_ == "prep" and c.lower_ in ATTITUDE_PREPS), None
        )
        obj = prep and next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
        if obj is None:
            return None
        span = doc[obj.left_edge.i : obj.right_edge.i + 1]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    if len(span) > 1 and span[0].lower_ == "that":
        span = span[1:]
    subj = source_subject(verb)
    if subj is None or subj.lower_ in EMPTY_SUBJECTS or subj.pos_ not in NOMINAL:
        return None
    return subj, span


#: Prepositions that give what someone spoke of ("spoke about", "speaks of", "spoke out
#: against"); "on" mostly gives the medium or terms ("on CNN", "on condition of").
SPOKE_OF = frozenset({"about", "of", "against"})


def topic_content(verb: Token) -> Span | None:
    """What a verb of speaking without a clause is about: "spoke about his father",
    "spoke out against the tax", "spoke at length of the war" (not "spoke to an audience
    of farmers")."""
    preps = [c for c in verb.rights if c.dep_ == "prep"]
    for prep in list(preps):  # "spoke at length about ..."
        preps += [
            p
            for o in prep.children
            if o.dep_ == "pobj" and o.lower_ == "length"
            for p in o.rights
            if p.dep_ == "prep"
        ]
    for prep in preps:
        if prep.lower_ not in SPOKE_OF:
            continue
        obj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
        if obj is None:
            continue
        span = verb.doc[obj.left_edge.i : obj.right_edge.i + 1]
        while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
            span = span[:-1]
        return span
    return None


#: One-word answers reported as what someone said ("said yes", "said no").
ANSWERS = frozenset({"yes", "no"})


def answer_word(verb: Token) -> Span | None:
    """A one-word answer after a verb of saying ("46 percent said yes")."""
    word = next((c for c in verb.rights if c.lower_ in ANSWERS), None)
    return verb.doc[word.i : word.i + 1] if word is not None else None


def infinitive(verb: Token) -> bool:
    """A "to" infinitive ("to leave"), not a bare clause the parser labelled as one."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
