"""Syntax helpers for quote attribution: cues, speakers and speaker spans.

These are general rules about English attribution, used by :mod:`bowerbird.stages.quotes`
(layout conventions such as quotation marks and headlines are in
:mod:`bowerbird.stages.quote_layout`, what a statement is about in
:mod:`bowerbird.stages.quote_content`):

* the source of a cue is its subject, climbing through coordinated, adverbial and
  participial clauses ("..., saying that ...") and relative clauses ("Barkley, who said
  ..."); a passive cue's subject is not its source (the agent "by X" is); expletive "it"
  and "That said," name no one; a thing made to report ("issued a statement saying")
  has the source of its maker;
* "according to X" has X as its speaker; a speaker phrase runs from its left modifiers
  (or a relative pronoun's antecedent) to its head word;
* cue lemmas are checked against the lexicon, undoing regular inflections when the
  tagger's lemma is wrong ("hopes" read as "hop").
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable, Mapping

from spacy.tokens import Doc, Token

from bowerbird.records import ActorRef, Mention
from bowerbird.stages.quote_sources import reported_by

MIN_QUOTE_CHARS = 12
RELATIVE = frozenset({"who", "that", "which"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Clauses whose subject is that of the clause they hang from ("..., saying", "likely to
#: say", "after saying ...").
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "acl", "ccomp", "acomp", "pcomp", "prep"})
TIMEWORDS = frozenset({"p.m.", "a.m.", "pm", "am", "p.m", "a.m"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
#: Quantifiers that stand for people as a subject ("many said", "most oppose it").
QUANTIFIERS = frozenset({"many", "most", "some", "few", "several", "both", "all", "others"})


class MentionIndex:
    """Resolved actor mentions, looked up by token (the smallest covering mention)."""

    def __init__(self, mentions: tuple[Mention, ...]) -> None:
        self.mentions = sorted(
            (m for m in mentions if m.actor is not None), key=lambda m: m.end - m.start
        )

    def at(self, tok: Token | None) -> ActorRef | None:
        if tok is None:
            return None
        for m in self.mentions:
            if m.start <= tok.idx < m.end and m.actor is not None:
                return ActorRef(m.actor, m.text, m.start, m.end)
        return None


def subject(verb: Token) -> Token | None:
    """The subject of a reporting verb, climbing to governing clauses when needed."""
    v = verb
    for _ in range(4):
        subj = next((c for c in v.children if c.dep_ in SUBJ_DEPS), None)
        if subj is not None:
            return subj
        if v.dep_ in {"relcl", "acl"} and v.head.i != v.i and v.head.pos_ in NOMINAL:
            return v.head
        if v.dep_ in CLIMB_DEPS and v.head.i != v.i:
            v = v.head
            continue
        break
    return None


#: Nouns for a written statement, whose issuer is its source ("issued a statement saying").
DOCUMENT_NOUNS = frozenset(
    {"statement", "release", "letter", "memo", "tweet", "post", "message", "email", "note"}
)


def source_subject(verb: Token) -> Token | None:
    """The source of a reporting verb: its subject, with the rules of English attribution.

    * a passive cue's subject is the addressee or the topic ("Trump was asked whether",
      "it was said that"): the source is the agent ("by X") or unknown; a passive reached
      by climbing keeps its subject ("X was quoted as saying", "is expected to say");
    * a participle modifying a noun ("a statement saying", "a website called"): a written
      statement's source is whoever issued it; an infinitive or past participle modifier
      ("efforts to admit", "rules intended to") has no source of its own; a present
      participle has the noun ("voters supporting Trump").
    """
    if any(c.dep_ == "auxpass" for c in verb.children) or reduced_passive(verb):
        return agent(verb)  # "is likely to be found", "was asked", "when asked about"
    v = verb
    for _ in range(4):
        # two subjects ("Voters, Clinton suggested, don't ...", "a system, which advocates
        # say ..."): the one next to the verb is its own, the other the reported clause's
        subjects = [c for c in v.children if c.dep_ == "nsubj"]
        if subjects:
            c = min(subjects, key=lambda t: abs(t.i - v.i))
            return reported_by(v, c) or _not_expletive(c, v, verb)
        for c in v.children:
            if c.dep_ == "nsubjpass":
                return c if v is not verb else agent(v)
        if v.dep_ == "acl" and v.head.i != v.i and v.head.pos_ in NOMINAL:
            return _modified_noun_source(v, v.head)
        if v.dep_ == "relcl" and v.head.i != v.i and v.head.pos_ in NOMINAL:
            noun = v.head  # "released a letter that says ...": the letter's issuer
            if noun.lemma_.lower() in DOCUMENT_NOUNS and noun.dep_ == "dobj":
                return source_subject(noun.head) or noun
            return noun
        if v.dep_ == "xcomp" and v.head.i != v.i:
            # object control: "forced the banker to admit", "caused voters to wonder"
            obj = next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i), None)
            if obj is not None and obj.pos_ in NOMINAL:
                return obj
        if v.dep_ in CLIMB_DEPS and v.head.i != v.i:
            v = v.head
            continue
        break
    return None


#: Entity types of speakers who find things by looking, not by research.
PERSON_ENTS = frozenset({"PERSON", "NORP"})


def finds_a_thing(verb: Token) -> bool:
    """ "find" with a person as subject and a thing as object ("he could not find a
    taker", "you can find details"): a discovery, not a reported finding, which a poll or a
    study makes ("the survey found broad support")."""
    if verb.lemma_.lower() != "find":
        return False
    subj = subject(verb)
    return subj is None or subj.pos_ == "PRON" or subj.ent_type_ in PERSON_ENTS


def reduced_passive(verb: Token) -> bool:
    """A bare past participle heading an adverbial clause ("When asked about the deal,
    she said ...", "Pressed on the point, ..."): a passive whose subject, the main
    clause's, is the one addressed, not the speaker."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children)
    )


def _modified_noun_source(v: Token, noun: Token) -> Token | None:
    """The source of a verb modifying a noun ("a briefing to brag that ...").

    A thing made or held by someone ("issued a statement saying", "held a briefing to
    brag", "has nothing bad to say about") has the source of the verb it is the object
    of; a person or group is its own source ("voters supporting Trump").
    """
    person = noun.pos_ in {"PROPN", "PRON"} or noun.ent_type_ in {"PERSON", "ORG", "NORP"}
    if not person and noun.dep_ == "dobj" and noun.head.pos_ in {"VERB", "AUX"}:
        return source_subject(noun.head)
    if noun.lemma_.lower() in DOCUMENT_NOUNS or v.tag_ != "VBG":
        return None
    return noun


def _not_expletive(subj: Token, v: Token, verb: Token) -> Token | None:
    """A subject that names no one: the demonstrative "that" ("That said, ..."), or the
    "it" of an extraposed clause ("it is hard to imagine ...", "it's worth remembering")."""
    if subj.lower_ == "that" and subj.tag_ == "DT":
        return None
    if subj.lower_ == "it" and v is not verb and v.lemma_ == "be":
        return None
    return subj


def that_said(verb: Token) -> bool:
    """The sentence adverb "That said," ("That being said,"): no one reports anything."""
    doc = verb.doc
    i = verb.i - 1
    if i >= 0 and doc[i].lower_ == "being":
        i -= 1
    return (
        verb.lower_ == "said"
        and i >= 0
        and doc[i].lower_ in {"that", "this"}
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ","
    )


def agent(verb: Token) -> Token | None:
    """X in a passive "... by X"."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def inflections(lemma: str) -> tuple[str, ...]:
    """Regular inflected forms of a verb ("hope" -> "hopes", "hoped", "hoping")."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return (lemma + "s", lemma + "d", lemma + "ed", stem + "ing")


def cue_lemma(tok: Token, lexicon: Mapping[str, str]) -> str:
    """The lemma of a verb, checked against a lexicon of verbs.

    When the tagger's lemma is not in the lexicon, the regular inflections are undone on
    the word itself (the tagger reads "hopes", "hoped", "hoping" as forms of "hop").
    """
    lemma = tok.lemma_.lower()
    if lemma in lexicon:
        return lemma
    word = tok.lower_
    cands = []
    if word.endswith(("s", "d")):
        cands.append(word[:-1])
    if word.endswith("ed"):
        cands.append(word[:-2])
    if word.endswith("ing"):
        cands += [word[:-3], word[:-3] + "e"]
    return next((c for c in cands if c in lexicon and word in inflections(c)), lemma)


def antecedent(tok: Token | None) -> Token | None:
    """The noun a relative pronoun stands for ("Barkley, who said" -> Barkley)."""
    if tok is not None and tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def governing_cue(
    doc: Doc, group: list[tuple[int, int]], is_cue: Callable[[Token], bool]
) -> Token | None:
    """The nearest reporting or attitude verb that governs a quoted fragment.

    "thanked Obama for “taking these steps”", "called Trump “unhinged”".
    """
    first = doc.char_span(group[0][0], group[0][1], alignment_mode="contract")
    if first is None or not len(first):
        return None
    tok: Token = first.root
    for _ in range(6):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if is_cue(tok):
            return tok
    return None


#: Dependencies climbed from a nested cue towards a reporting verb whose content holds it.
NEST_DEPS = frozenset(
    {"ccomp", "xcomp", "conj", "advcl", "relcl", "acomp", "pcomp", "prep", "pobj", "dobj", "attr"}
)


def enclosing_cue(cue: Token, is_cue: Callable[[Token], bool]) -> Token | None:
    """The outermost reporting verb whose clausal complement holds ``cue``, if any.

    In "Kasich says he believes his campaign has ..." or "Rubio said Trump, whom he called
    a “con artist”, ..." the inner verb reports what the outer speaker said: the outer
    speaker is the source.  Only clausal complements (``ccomp``/``xcomp``) of a reporting
    verb with a subject count as content; parenthetical cues ("X, he said, Y") and
    coordinated statements ("X said A and Y said B") stay separate attributions.
    """
    tok, found = cue, None
    for _ in range(10):
        head = tok.head
        if head.i == tok.i or tok.dep_ not in NEST_DEPS:
            break
        if tok.dep_ == "ccomp" and is_cue(head) and source_subject(head) is not None:
            found = head
        tok = head
    return found


def according_source(tok: Token) -> Token | None:
    """X in "according to X" (``tok`` is "according")."""
    if not next_is(tok, "to"):
        return None
    to = tok.doc[tok.i + 1]
    return next((c for c in to.children if c.dep_ == "pobj"), None)


def speaker_of(cue: Token) -> Token | None:
    """The token heading the speaker phrase of a cue."""
    if cue.lower_ == "according":
        return according_source(cue)
    return source_subject(cue)


def np_text(tok: Token | None) -> str | None:
    if tok is None:
        return None
    a, _ = np_bounds(tok)
    doc = tok.doc
    first = doc.char_span(a, a + 1, alignment_mode="expand")
    i = first.start if first is not None else tok.i
    return str(doc[i : tok.i + 1].text)


def speaker_bounds(tok: Token) -> tuple[int, int]:
    """Character span of a speaker phrase (see :func:`np_bounds`).

    A relative pronoun stands for its antecedent, so the speaker of a relative clause
    runs from the antecedent phrase to the pronoun ("the group that endorsed Sanders",
    "Barkley, who said ..."): it names the speaker, not just the pronoun.
    """
    ante = antecedent(tok)
    if ante is None or ante is tok or ante.pos_ not in NOMINAL or ante.i > tok.i:
        return np_bounds(tok)
    return np_bounds(ante)[0], int(tok.idx + len(tok.text))


def np_bounds(tok: Token) -> tuple[int, int]:
    """Character span of the speaker phrase: its left modifiers up to the head word."""
    end = int(tok.idx + len(tok.text))
    if tok.pos_ == "PRON":
        return int(tok.idx), end
    start = tok.left_edge.i
    for t in tok.doc[tok.left_edge.i : tok.i]:
        if (
            t.is_space
            or "\n" in t.whitespace_
            or t.is_quote
            or t.is_bracket
            or t.like_num
            or t.text.lstrip("”\"'") in {"―", "—", "–", "--"}
        ):
            start = t.i + 1
    return int(tok.doc[min(start, tok.i)].idx), end


def next_is(tok: Token, word: str) -> bool:
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == word


def sentence_index(doc: Doc, token_i: int) -> int:
    """Index of the sentence holding a token (sentence starts cached on the Doc)."""
    if not len(doc):
        return -1
    starts = doc.user_data.get("bowerbird_sent_starts")
    if starts is None:
        starts = [s.start for s in doc.sents]
        doc.user_data["bowerbird_sent_starts"] = starts
    return bisect.bisect_right(starts, min(max(token_i, 0), len(doc) - 1)) - 1


def plausible_speaker(tok: Token, group: list[tuple[int, int]]) -> bool:
    """A speaker head outside the quoted pieces that is not a time, number or quote mark."""
    if any(a <= tok.idx < b for a, b in group):
        return False
    if tok.ent_type_ in {"TIME", "DATE"} or tok.lower_ in TIMEWORDS or ":" in tok.text:
        return False  # "12:15 p.m. President Obama says" (poll shares like "half" are fine)
    if tok.lower_ in QUANTIFIERS and tok.dep_ in SUBJ_DEPS:
        return True  # "many said", "most oppose it"
    return tok.pos_ in {"PROPN", "NOUN", "PRON", "X", "NUM"}


def in_pp(tok: Token) -> bool:
    """Whether a noun lies in a prepositional phrase ("in a call with reporters")."""
    t = tok
    for _ in range(6):
        if t.dep_ in {"pobj", "agent"} or t.head.i == t.i:
            return t.dep_ in {"pobj", "agent"}
        if t.dep_ not in {"compound", "amod", "poss", "conj", "appos", "nmod"}:
            return False
        t = t.head
    return False


def speaker_next_to(doc: Doc, cue: Token, group: list[tuple[int, int]]) -> Token | None:
    """The noun phrase between a quote and its cue ("“...,” Smith, an aide, said")."""
    lo = max((b for a, b in group if b <= cue.idx), default=-1)
    hi = min((a for a, b in group if a > cue.idx), default=2**62)
    sent = cue.sent
    line = max((t.i for t in sent if t.i < cue.i and "\n" in t.text_with_ws), default=-1)
    cand = [
        t
        for t in sent
        if t.pos_ in {"PROPN", "NOUN", "PRON"}
        and t.i > line
        and plausible_speaker(t, group)
        and lo <= t.idx < hi
        and t.i != cue.i
        and not any(a <= t.idx < b for a, b in group)
    ]
    if not cand:
        return None
    # a noun in a preposition's phrase sets the scene ("In a call with reporters,
    # Warren said"); the speaker is a bare noun phrase when there is one
    bare = [t for t in cand if t.ent_type_ == "PERSON"] or [t for t in cand if not in_pp(t)] or cand
    before = [t for t in bare if t.i < cue.i]
    tok = before[0] if before else bare[0]
    while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head in cand:
        tok = tok.head
    return tok


def quote_id(doc_id: str, start: int, end: int) -> str:
    """A quote's stable id: its document and character span."""
    return hashlib.sha1(f"{doc_id}|{start}|{end}".encode()).hexdigest()[:16]
