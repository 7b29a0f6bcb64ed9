"""Countries of actor phrases read from the places they name.

Helpers of :mod:`bowerbird.stages.actors` for phrases with no lexicon country:

* a sector noun in or from a place ("security forces in Guinea", "Shanghai police"):
  the country of the place, a lexicon country or capital, or a city or US state found in
  the offline gazetteer;
* people fleeing a country or a war in it ("refugees fleeing the war in Liberia");
* where a people named by a demonym lives ("ethnic Albanians in Serbia").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from bowerbird.stages.actor_phrases import MIN_CITY_POPULATION
from bowerbird.stages.actor_resolver import Unit
from bowerbird.stages.actor_sectors import counted_by, propn_ngrams
from bowerbird.stages.places import Gazetteer

#: Verbs of flight: "refugees fleeing X" come from X.
FLIGHT_VERBS = frozenset({"flee", "escape"})


def resident_country(
    gazetteer: Gazetteer | None, head: Token, unit_at: dict[int, Unit]
) -> str | None:
    """Where a people named by a demonym lives, when the phrase says so: "the Albanians
    of southern Serbia" (of: the population of a place), or, for an ethnic group,
    "ethnic Albanians in Serbia" (an ethnic group is coded by the state it lives in), also
    where the group acts ("ethnic Albanians demonstrated in Serbia")."""
    ethnic = any(c.lower_ == "ethnic" for c in head.lefts)
    preps = {"of", "in", "throughout", "across"} if ethnic else {"of"}
    home = located_country(gazetteer, head, unit_at, preps)
    outer = head
    while (counted := counted_by(outer)) is not None:
        outer = counted  # "thousands of ethnic Albanians demonstrated in ..."
    if home is None and ethnic and outer.dep_ == "nsubj" and outer.head.pos_ == "VERB":
        home = located_country(gazetteer, outer.head, unit_at, {"in", "throughout", "across"})
    return home


def fled_country(gazetteer: Gazetteer | None, head: Token, unit_at: dict[int, Unit]) -> str | None:
    """ "refugees fleeing the war in Liberia", "refugees escaping Syria": people who
    flee a country or a war in it are that country's refugees."""
    for verb in head.rights:
        if verb.dep_ != "acl" or verb.lemma_.lower() not in FLIGHT_VERBS:
            continue
        for obj in verb.children:
            if obj.dep_ not in {"dobj", "pobj", "prep"}:
                continue
            objs = [p for p in obj.children if p.dep_ == "pobj"] if obj.dep_ == "prep" else [obj]
            for o in objs:
                unit = unit_at.get(o.i)
                if unit is not None and unit.kind in {"C", "M"}:
                    return unit.key
                found = located_country(gazetteer, o, unit_at, {"in", "of"})
                if found is not None:
                    return found
    return None


def located_country(
    gazetteer: Gazetteer | None,
    head: Token,
    unit_at: dict[int, Unit],
    preps: frozenset[str] | set[str] = frozenset({"in", "from", "throughout", "across"}),
) -> str | None:
    """The country in "<sector noun> in/from <country or capital>"."""
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                unit = unit_at.get(pobj.i)
                if unit is not None and unit.kind in {"C", "M"}:
                    return unit.key
                place = place_country(gazetteer, pobj.doc[pobj.left_edge.i : pobj.i + 1])
                if place is not None:
                    return place
    return None


def place_country(gazetteer: Gazetteer | None, span: Span) -> str | None:
    """The country of a city or US state named inside ``span`` (offline gazetteer)."""
    if gazetteer is None:
        return None
    names = [ent.text for ent in span.ents if ent.label_ in {"GPE", "LOC"}]
    # a place inside an organisation's name ("Oxford University", "Minsk police",
    # "Santa Marta Self Defense Forces"): runs of proper nouns, longest first
    names += propn_ngrams(span)
    for name in names:
        place = gazetteer.lookup(name)
        if place is None or not place.country:
            continue
        if place.lat is None or place.population >= MIN_CITY_POPULATION:
            return place.country
    return None
