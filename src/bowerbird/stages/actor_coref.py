"""Within-document memory for the actors stage's coreference: the people, organisations
and acting states and groups named so far, for pronouns, surnames and descriptors."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from bowerbird.lexicons import Lexicon
from bowerbird.records import Actor


@dataclass
class DocState:
    """Within-document memory for coreference (mutable, local to one document)."""

    day: date | None
    persons: list[tuple[int, Actor]] = dataclasses.field(default_factory=list)
    orgs: list[tuple[int, Actor]] = dataclasses.field(default_factory=list)
    by_surname: dict[str, Actor] = dataclasses.field(default_factory=dict)
    agents: list[tuple[int, Actor]] = dataclasses.field(default_factory=list)


#: How far back (in tokens) "it"/"they" may look for the state or organisation it means.
AGENT_WINDOW = 60


def last_agent(state: DocState, at: int, *, plural: bool) -> Actor | None:
    """The last state or organisation that was a subject shortly before token ``at``."""
    for i, actor in reversed(state.agents):
        if at - i > AGENT_WINDOW:
            return None
        if plural and actor.kind == "state" and actor.sector is None:
            continue  # "they" is rarely a country named as such
        return actor
    return None


def last_person(state: DocState, gender: str, lex: Lexicon) -> Actor | None:
    for _, actor in reversed(state.persons):
        p = lex.persons.get(actor.actor_id)
        if p is None or p.gender is None or p.gender == gender:
            return actor
    return None
