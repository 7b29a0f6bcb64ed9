"""Actors read in the context of their sentence: a post-pass over a document's mentions.

A news sentence that gives a domestic title without a nationality ("President Suharto",
"Former prime minister Andreas Papandreou", "Judge Alejandro Rivera") is about the one
country it names: "President X" in a sentence about Indonesia is Indonesia's president.
So a titled person the lexicon does not know, coded without a country, takes the country
of the sentence when the sentence's other mentions name exactly one country.  Titles of
international bodies (sector IGO) keep no country; two or more countries leave it open.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from bowerbird.records import Mention

#: Rules that make a titled person whose country the title did not give.
TITLED_RULES = frozenset({"title-name"})
#: Sectors of state office holders (not of intergovernmental bodies' officials).
STATE_OFFICE_SECTORS = frozenset({"GOV", "ELI", "MIL", "JUD", "LEG", "COP", "OPP"})


def sentence_countries(mentions: list[Mention]) -> dict[int, set[str]]:
    """The distinct countries each sentence's resolved mentions name."""
    out: dict[int, set[str]] = defaultdict(set)
    for m in mentions:
        if m.actor is not None and m.actor.country:
            out[m.sentence_index].add(m.actor.country)
    return out


def titled_persons_in_context(mentions: list[Mention]) -> list[Mention]:
    """Mentions with each countryless titled person given its sentence's only country."""
    countries = sentence_countries(mentions)
    out = []
    placed: dict[str, str] = {}  # person id -> country read from context
    for m in mentions:
        a = m.actor
        if (
            a is not None
            and a.kind == "person"
            and not a.country
            and m.rule in TITLED_RULES
            and a.sector in STATE_OFFICE_SECTORS
            and len(countries.get(m.sentence_index, ())) == 1
        ):
            (iso,) = countries[m.sentence_index]
            placed.setdefault(a.actor_id, iso)
            m = dataclasses.replace(
                m, actor=dataclasses.replace(a, country=iso), rule=f"{m.rule}-context"
            )
        elif a is not None and a.kind == "person" and not a.country and a.actor_id in placed:
            # later references to the same person ("he", the surname)
            m = dataclasses.replace(m, actor=dataclasses.replace(a, country=placed[a.actor_id]))
        out.append(m)
    return out
