"""Source and target actors of a matched trigger, read from the dependency parse.

Split out of :mod:`bowerbird.stages.events` (which matches triggers and builds events).
The order of the rules matters: the trigger's own arguments (subject, objects, dative,
its target prepositions) come first; the wider patterns (complements, coordinated verbs,
circumstance phrases, conditions, purposes) only fill a target that is still missing.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from bowerbird import plover
from bowerbird.lexicons import Trigger
from bowerbird.records import ActorRef
from bowerbird.stages.event_args import (
    circumstance_holders,
    complement_targets,
    condition_targets,
    conjunct_targets,
    content_clauses,
    grievance_targets,
    particle_objects,
    purpose_targets,
    repaired_pobjs,
    span_targets,
)
from bowerbird.stages.event_syntax import (
    SELF_PRONOUNS,
    Hit,
    MentionIndex,
    governing_verb,
    has_verb_root,
    objects,
    reporting_subject,
    subject,
    unique,
)

#: Verbs whose direct object is the topic, not the counterpart ("discussed Afghanistan").
TOPIC_VERBS = frozenset({"discuss", "debate", "address", "raise", "review", "consider"})
#: Categories whose target can be the subject of their content clause ("demanded that X").
CLAUSE_TARGET_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})
DEFAULT_PREPS = ("with", "on", "against", "to")
#: CAMEO codes of joint acts outside the symmetric categories: establishing relations
#: (050) and signing a formal agreement (057) take two parties acting together.
JOINT_CAMEO = frozenset({"050", "057"})


def is_reciprocal(row: Trigger) -> bool:
    """Whether coordinated subjects of ``row`` act on each other ("X and Y agreed", "X
    and Y signed a trade pact"), not side by side ("X and Y protested")."""
    return row.event_type in plover.SYMMETRIC or row.cameo in JOINT_CAMEO


#: Categories whose participle, modifying a noun without saying by whom, describes how the
#: noun is equipped or backed ("militiamen armed with machetes"), not an act reported.
DESCRIPTIVE_PARTICIPLES = frozenset({"AID", "SUPPORT"})


def is_description(hit: Hit) -> bool:
    """A giving or backing participle with no agent, modifying a noun: not an event."""
    tok = hit.token
    return (
        hit.trigger.event_type in DESCRIPTIVE_PARTICIPLES
        and tok.tag_ == "VBN"
        and tok.dep_ in {"acl", "amod"}
        and not any(c.dep_ == "agent" for c in tok.children)
        and has_verb_root(tok)  # else the parser may have missed the main verb
    )


def arguments(hit: Hit, mentions: MentionIndex) -> tuple[list[ActorRef], list[ActorRef]]:
    """(sources, targets) of ``hit``, each without repeats; targets never repeat a source."""
    if hit.clause is not None and hit.verb is not None:
        return _demand_clause_arguments(hit, mentions)
    row, tok, verb = hit.trigger, hit.token, hit.verb
    sources: list[ActorRef] = []
    targets: list[ActorRef] = []
    if verb is not None:
        sources, targets = _verb_arguments(hit, verb, mentions)
    if verb is not tok:
        _noun_arguments(tok, verb, mentions, sources, targets)
    source_ids = {a.actor.actor_id for a in sources}
    targets = [t for t in targets if t.actor.actor_id not in source_ids]  # "withdraw its troops"
    if not targets:
        targets += _prep_targets(hit, mentions, source_ids)
    if not targets and len(sources) > 1 and is_reciprocal(row):
        return unique(sources), []  # the parties are each other's counterparts
    if not targets:
        parties = span_targets([tok, *objects(tok)], mentions)
        if not sources and len(parties) > 1:  # "fighting between X and Y": X against Y
            sources, parties = parties[:1], parties[1:]
            source_ids = {sources[0].actor.actor_id}
        targets += parties
    heads = [tok] + ([verb] if verb is not None and verb is not tok else [])
    wider: list[Callable[[], list[ActorRef]]] = [
        lambda: complement_targets(tok, mentions),
        lambda: (
            conjunct_targets(tok, mentions, row.target_preps or DEFAULT_PREPS)
            if verb is tok
            else []
        ),
        lambda: grievance_targets(heads + objects(tok), mentions),
        lambda: condition_targets(verb or tok, mentions) if row.event_type == "THREATEN" else [],
        lambda: (
            purpose_targets(heads, mentions, frozenset(source_ids))
            if row.event_type == "PROTEST"
            else []
        ),
    ]
    for finder in wider:  # the first that names someone other than the source
        if targets:
            break
        targets += [t for t in finder() if t.actor.actor_id not in source_ids]
    return unique(sources), unique([t for t in targets if t not in sources])


def _demand_clause_arguments(
    hit: Hit, mentions: MentionIndex
) -> tuple[list[ActorRef], list[ActorRef]]:
    """A must/should clause under a reporting verb: the speaker demands of the clause's
    subject ("X said Y must withdraw")."""
    assert hit.verb is not None and hit.clause is not None
    verb = hit.verb
    said_by = verb
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":  # "issued a reminder that X must"
        said_by = verb.head
    subj, _, agent = subject(said_by)
    speaker = agent or subj
    csubj, cpass, _ = subject(hit.clause)
    clause_subj = csubj or cpass
    src = mentions.actors_of(speaker) if speaker is not None else []
    tgt = mentions.actors_of(clause_subj) if clause_subj is not None else []
    pronoun = clause_subj is not None and clause_subj.lower_ in {"it", "they"}
    src_ids = {a.actor.actor_id for a in src}
    if pronoun and all(t.actor.actor_id in src_ids for t in tgt):
        # "a reminder to Iraq that it must ...": the pronoun is the one addressed
        tgt = []
        for child in said_by.children:
            if child.dep_ in {"dative", "dobj"} and child is not verb:
                nodes = [p for p in child.children if p.dep_ == "pobj"] or [child]
                for node in nodes:
                    tgt += mentions.actors_of(node)
    return unique(src), unique([t for t in tgt if t not in src])


def _verb_arguments(
    hit: Hit, verb: Token, mentions: MentionIndex
) -> tuple[list[ActorRef], list[ActorRef]]:
    row, tok = hit.trigger, hit.token
    sources: list[ActorRef] = []
    targets: list[ActorRef] = []
    subj, passive_subj, agent = subject(verb)
    if passive_subj is not None:
        if agent is None and (row.event_type == "AGREE" or _own_retreat(hit)):
            # "X is committed to ...", "X's troops were withdrawn", "guerrillas have been
            # demobilized": with no agent named, the passive subject's side acts
            sources += mentions.actors_of(passive_subj)
        else:
            targets += mentions.actors_of(passive_subj)
    if agent is not None:
        sources += mentions.actors_of(agent)
    elif subj is not None:
        found = mentions.actors_of(subj)
        if not found and subj.lower_ in SELF_PRONOUNS:
            speaker = reporting_subject(verb)
            if speaker is not None:
                found = mentions.actors_of(speaker)
        sources += found
    elif verb.dep_ == "csubj":
        # a subjectless gerund as the subject of a reported clause is the speaker's act:
        # "X said that lifting the sanctions was out of the question"
        speaker = reporting_subject(verb.head)
        if speaker is not None:
            sources += mentions.actors_of(speaker)
    if verb is tok and verb.lemma_.lower() not in TOPIC_VERBS:
        for obj in objects(verb):
            targets += mentions.actors_of(obj)
        for child in verb.children:
            if child.dep_ == "dative":  # "told Xi", or "gave ... to Ethiopia"
                nodes = repaired_pobjs(child) or [child]
                for node in nodes:
                    targets += mentions.actors_of(node)
        if not targets and row.event_type in CLAUSE_TARGET_TYPES:
            clauses = [c for c in verb.children if c.dep_ == "ccomp"]
            clauses += content_clauses(particle_objects(verb, row.particle))
            for child in clauses:  # "demanded that the government end curbs"
                if child.dep_ in {"ccomp", "acl"}:
                    csubj, cpass, cagent = subject(child)
                    # "demanded that the minister be sacked": the one to be acted on
                    clause_node = csubj or cagent or cpass
                    if clause_node is not None:
                        targets += mentions.actors_of(clause_node)
    return sources, targets


def _own_retreat(hit: Hit) -> bool:
    """A withdrawal or disarmament, which the one withdrawn or disarmed carries out."""
    return hit.trigger.event_type == "RETREAT" and hit.trigger.mode in {"withdraw", "disarm"}


def _noun_arguments(
    tok: Token,
    verb: Token | None,
    mentions: MentionIndex,
    sources: list[ActorRef],
    targets: list[ActorRef],
) -> None:
    """Nominal arguments: poss/compound actors, "between X and Y", "by X" (in place)."""
    for child in tok.children:
        if child.dep_ == "poss" and not sources:
            sources += mentions.actors_of(child)
        elif child.dep_ == "prep" and child.lower_ == "between":
            both = [a for p in child.children if p.dep_ == "pobj" for a in mentions.actors_of(p)]
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
                named = child.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}
                sources += [  # "Palestinian riots", not "the naval blockade of X"
                    a for a in mentions.actors_of(child) if named or not a.start <= tok.idx < a.end
                ]
    if not sources and verb is None:
        # "In a phone call with Wang, Blinken urged ...": the clause's subject
        governor = governing_verb(tok)
        if governor is not None:
            subj, _, agent = subject(governor)
            if agent or subj:
                sources += mentions.actors_of(agent or subj)  # type: ignore[arg-type]


def _prep_targets(hit: Hit, mentions: MentionIndex, exclude: set[str]) -> list[ActorRef]:
    """The first of the trigger's target prepositions that names an actor, on the trigger,
    its light verb, its object nouns, the object of its own particle ("called for sanctions
    against X", "reneged on its commitment to X") or a circumstance noun ("after talks with
    X"); the "of" object of an event noun ("the withdrawal of troops from X").  The source's
    own actors do not count ("reneged on his commitment to X": not "his")."""
    row, tok, verb = hit.trigger, hit.token, hit.verb
    preps = row.target_preps or DEFAULT_PREPS
    holders = [tok] + ([verb] if verb is not None and verb is not tok else [])
    holders += [o for o in objects(tok) if o.pos_ == "NOUN"]  # "imposed sanctions on X"
    if verb is tok:
        holders += particle_objects(tok, row.particle)
    if tok.pos_ == "NOUN":
        holders += [p for c in tok.children if c.lower_ == "of" for p in c.children]
    holders += circumstance_holders(verb or tok)
    targets: list[ActorRef] = []
    for prep in preps:
        for holder in holders:
            for child in holder.children:
                if child.dep_ in {"prep", "agent"} and child.lower_ == prep:
                    for p in repaired_pobjs(child):
                        targets += [
                            a
                            for a in mentions.actors_of(p, descend=True)
                            if a.actor.actor_id not in exclude
                        ]
        if targets:
            break
    return targets
