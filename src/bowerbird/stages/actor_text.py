"""Resolution of a short text to one actor ("Pakistani Army", "Russia's foreign minister",
"a group of tourists"), as the evaluation and the ``actor`` lookups use it: the actor of
the text's root phrase, else a whole-text lexicon name, else the sector its noun names."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from bowerbird.records import Actor
from bowerbird.stages.actor_phrases import MIN_CITY_POPULATION, is_former

if TYPE_CHECKING:
    from bowerbird.stages.actors import ActorsStage


def resolve_text(stage: ActorsStage, doc: Doc, day: date | None) -> Actor | None:
    """Resolve a short text (a name or description) to one actor: its root phrase."""
    mentions = stage.find_mentions(doc, "text", day)
    if not doc or not len(doc):
        return None
    root = next(iter(doc.sents)).root
    best = None
    for m in mentions:
        if m.actor is None:
            continue
        covers = m.start <= root.idx < m.end
        if covers and (best is None or (m.end - m.start) > (best.end - best.start)):
            best = m
    if best is None:
        resolved = [m for m in mentions if m.actor is not None]
        if resolved:
            best = max(resolved, key=lambda m: m.end - m.start)
    if best is not None and best.actor is not None:
        return best.actor
    whole = _whole_text_actor(stage, doc, day)
    if whole is not None:
        return whole
    sector = stage.sector_of(root)
    for prep in root.rights:  # "a group of tourists": a collective takes its members' sector
        if sector is None and prep.dep_ == "prep" and prep.lower_ == "of":
            sector = next((stage.sector_of(p) for p in prep.children if p.dep_ == "pobj"), None)
    if is_former(root):
        sector = "ELI"
    if sector is not None:
        return stage.resolver.sector_actor(sector)
    return None


def _whole_text_actor(stage: ActorsStage, doc: Doc, day: date | None) -> Actor | None:
    """A short text that is exactly one lexicon name or one known surname, whatever the
    tagger made of it out of context ("FDLR" tagged as a verb, "Trump" as a common noun)."""
    units = stage.resolver.units(doc)
    if len(units) == 1 and units[0].start == 0 and units[0].end == len(doc):
        u = units[0]
        if u.kind == "O":
            return stage.resolver.org_actor(stage.lex.orgs[u.key], day)
        if u.kind == "P":
            return stage.resolver.person_actor(stage.lex.persons[u.key], day)
        if u.kind == "C":
            return stage.resolver.state_actor(u.key, None)
        if u.kind == "D":  # a demonym alone ("German") names its country
            return stage.resolver.state_actor(u.key, None)
    if not units and len(doc) == 1 and doc[0].text[:1].isupper():
        person = stage.resolver.lookup_person([doc[0]])
        if person is not None:
            return stage.resolver.person_actor(person, day)
    return _city_people(stage, doc)


def _city_people(stage: ActorsStage, doc: Doc) -> Actor | None:
    """A text that is only the name of a city (not a seat of government, which the
    lexicon lists as a metonym) stands for the city's people: its country's civilians."""
    place = stage.gazetteer.lookup(doc.text.strip()) if stage.gazetteer is not None else None
    if place is None or not place.country or place.lat is None:
        return None
    if place.population < MIN_CITY_POPULATION:
        return None
    return stage.resolver.state_actor(place.country, "CVL")


def with_context_country(
    stage: ActorsStage, actor: Actor | None, context: Doc, day: date | None
) -> Actor | None:
    """An actor that names no country takes the country of its context, when the context
    names one ("Defense Minister" in a text about Germany: Germany's government)."""
    if actor is None or actor.country or actor.kind in {"igo", "group"}:
        return actor
    around = resolve_text(stage, context, day)
    iso = around.country if around is not None and around.kind == "state" else None
    if iso is None:
        return actor
    if actor.actor_id.startswith("sector:"):
        return stage.resolver.state_actor(iso, actor.sector)
    return dataclasses.replace(actor, country=iso)
