"""Sources that are not a cue's subject: polls, "according to" and "as X put it".

General rules about English attribution, used by :mod:`bowerbird.stages.quote_rules` and
:mod:`bowerbird.stages.quotes`:

* a poll or survey reports what its respondents say: "In a new poll, 60 percent said ..."
  and "Some 20 percent of voters in the poll said ..." have the poll as their source, and
  a clause set "in" a poll ("The mayor leads by ten points in the latest poll") is what the
  poll reports;
* "X said Y, according to Z" is Z's report of what X said: Z is the source;
* "as X put it" (a set phrase of quoting) attributes the clause it modifies to X.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

#: Nouns for asking many people the same questions, whose results are reported speech.
POLL_NOUNS = frozenset({"poll", "survey", "canvass", "questionnaire"})


def is_poll(tok: Token) -> bool:
    """A noun for a poll or survey ("poll", "polls", "surveys")."""
    return tok.pos_ in {"NOUN", "PROPN"} and (
        tok.lemma_.lower() in POLL_NOUNS or tok.lower_.rstrip("s") in POLL_NOUNS
    )


def in_poll(head: Token) -> Token | None:
    """The poll in a phrase "in a/the ... poll" hanging from ``head``."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and is_poll(obj):
                return obj
    return None


def according_child(verb: Token) -> Token | None:
    """Z in "X said Y, according to Z" when the phrase hangs from the reporting verb."""
    for c in verb.children:
        if c.lower_ == "according" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "to":
            to = c.doc[c.i + 1]
            obj = next((o for o in to.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def reported_by(verb: Token, subj: Token) -> Token | None:
    """Who reports the statement of ``subj`` made with ``verb``, if someone else does.

    "In a poll, 75 percent said" and "75 percent of voters in a poll said": the poll;
    "Half of voters said ..., according to a poll": the "according to" phrase's object.
    """
    return in_poll(verb) or in_poll(subj) or according_child(verb)


def specific_poll(poll: Token) -> bool:
    """A particular poll ("a new poll", "the CBS News survey", "Iowa polls"), not the
    polls in general ("rising in the polls"), which report nothing of their own."""
    if poll.tag_ in {"NN", "NNP"}:
        return True
    return any(c.dep_ in {"compound", "nmod"} or c.pos_ == "PROPN" for c in poll.lefts)


def poll_clause(poll: Token) -> tuple[Token, Token] | None:
    """For a poll noun in "in a poll", the preposition and the main verb of its clause.

    "The mayor held a lead in the latest poll" -> ("in", "held"): the clause (without the
    phrase) is what the poll reports.  The phrase must hang from the verb or its object;
    a subordinate clause ("as he rises in the polls") states no finding.
    """
    prep = poll.head
    if poll.dep_ != "pobj" or prep.lower_ != "in" or prep.i == poll.i or not specific_poll(poll):
        return None
    verb = prep.head
    if verb.dep_ in {"dobj", "attr", "npadvmod"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ not in {"ROOT", "conj"}:
        return None
    return prep, verb


def as_put_it(verb: Token) -> bool:
    """ "as X put it" / "as X reported": an "as" clause of a reporting verb or of "put it"
    that quotes or reports the clause it modifies."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children
    )


def put_it(verb: Token) -> bool:
    """The set phrase "as X put it" ("As one voter put it, ...", "as X put it: “...”")."""
    return (
        verb.lemma_.lower() == "put"
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children)
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)
    )


def modified_clause(verb: Token) -> Span | None:
    """The clause an "as X said" clause modifies, without the "as" clause and punctuation."""
    head = verb.head
    if head.i == verb.i:
        return None
    doc = verb.doc
    toks = [
        t
        for t in head.subtree
        if not (verb.left_edge.i <= t.i <= verb.right_edge.i) and not t.is_punct and not t.is_space
    ]
    return doc[toks[0].i : toks[-1].i + 1] if toks else None


def poll_attribution(poll: Token, is_cue: Callable[[Token], bool]) -> tuple[Token, Span] | None:
    """Source and content of a clause set in a poll ("X leads by ten points in a poll").

    A clause whose verb is itself a reporting verb ("In the poll, 60 percent said ...") is
    left to that verb, which takes the poll as its source.
    """
    found = poll_clause(poll)
    if found is None:
        return None
    prep, verb = found
    if is_cue(verb):
        return None
    doc = poll.doc
    # the verb's own clause: not the clauses coordinated with it, nor the phrase
    skip = [c for c in verb.rights if c.dep_ == "conj"]
    toks = [
        t
        for t in verb.subtree
        if not (prep.i <= t.i <= prep.right_edge.i)
        and not any(c.left_edge.i <= t.i <= c.right_edge.i for c in skip)
        and not t.is_punct
        and not t.is_space
    ]
    while toks and toks[-1].dep_ == "cc":
        toks.pop()
    if len(toks) < 3:
        return None
    return poll, doc[toks[0].i : toks[-1].i + 1]


def as_clause(verb: Token) -> Span | None:
    """Content of "as X reported, ..." or "as X put it, ...": the clause it modifies."""
    if not as_put_it(verb):
        return None
    if any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return None
    return modified_clause(verb)


#: Nouns for things said or written: a verb that has one as its object reports it
#: ("unleashed a series of tweets", "laid out her proposals", "repeated the claim").
#: Nouns that mostly name an event, a document or a legal act ("speech", "email",
#: "case", "appeal", "complaint") or a danger ("threat") are left out.
SPEECH_OBJECTS = frozenset(
    {
        "tweet",
        "message",
        "remark",
        "comment",
        "statement",
        "letter",
        "proposal",
        "argument",
        "claim",
        "warning",
        "criticism",
        "attack",
        "answer",
        "response",
        "promise",
        "vow",
        "demand",
        "request",
        "op-ed",
        "editorial",
        "essay",
        "announcement",
        "apology",
        "accusation",
        "allegation",
        "explanation",
        "reference",
        "point",
        "opinion",
        "position",
        "objection",
        "concern",
        "doubt",
        "praise",
        "rebuke",
        "denial",
        "defense",
        "plea",
        "call",
        "joke",
        "story",
    }
)
#: Verbs whose subject takes in, handles or passes on something said rather than saying
#: it ("received a letter", "read the statement", "cited his remarks", "sent an email",
#: "held a position", "gave a message"), or whose object is an event or a document, not
#: words ("signed a letter", "followed the speech", "raised questions"): with these the
#: subject is not the source of the object.
HANDLING_VERBS = frozenset(
    {
        "receive",
        "get",
        "read",
        "hear",
        "see",
        "watch",
        "obtain",
        "review",
        "answer",
        "field",
        "take",
        "face",
        "draw",
        "win",
        "earn",
        "ignore",
        "reject",
        "dismiss",
        "accept",
        "welcome",
        "publish",
        "report",
        "cite",
        "quote",
        "deliver",
        "send",
        "use",
        "turn",
        "bring",
        "pose",
        "change",
        "carry",
        "follow",
        "sign",
        "investigate",
        "return",
        "include",
        "hold",
        "raise",
        "give",
        "contradict",
    }
)


def speech_object(noun: Token) -> tuple[Token, Span] | None:
    """A verb with a thing said as its object, and that object ("Trump unleashed a
    series of tweets criticizing her" -> (unleashed, "a series of tweets criticizing
    her")).  The object's head may be a quantity ("a series of tweets")."""
    head = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        head = noun.head.head  # "a series of tweets", "a number of questions"
    verb = head.head
    if head.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() in HANDLING_VERBS:
        return None
    span = noun.doc[head.left_edge.i : head.right_edge.i + 1]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return verb, span
