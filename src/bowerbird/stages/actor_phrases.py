"""Noun-phrase, office and date helpers for the actors stage (no document state)."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span, Token

from bowerbird.lexicons import Lexicon
from bowerbird.stages.actor_resolver import NP_LEFT_DEPS, Unit


def sentence_of_tokens(doc: Doc) -> Any:
    """Array: token index -> sentence index (no Token objects are created)."""
    out = np.zeros(len(doc), dtype=np.int32)
    for n, sent in enumerate(doc.sents):
        out[sent.start : sent.end] = n
    return out


#: Person nouns whose sector comes from their modifier ("opposition leader", "rebel
#: commander", "community leader"); alone they name an official (GOV).
GENERIC_PERSON_HEADS = frozenset(
    {
        "leader",
        "official",
        "member",
        "representative",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "figure",
        "chief",
        "head",
        "commander",
        "officer",
        "elder",
        "group",
    }
)
STATE_MODIFIERS = frozenset(
    {"state", "state-run", "state-owned", "official", "government", "government-run", "public"}
)
#: Heads naming a government after its leader ("the Obama administration").
LEADER_GOVERNMENTS = frozenset({"administration", "government", "cabinet", "regime"})
#: Smaller towns share names with people and words too often to name a country.
MIN_CITY_POPULATION = 100_000
FORMER = frozenset(
    {"former", "ex", "retired", "erstwhile", "onetime", "one-time", "ousted", "exiled"}
)


def is_former(head: Token) -> bool:
    return any(c.lower_ in FORMER for c in head.lefts if c.dep_ in {"amod", "compound", "advmod"})


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def is_np_head(tok: Token) -> bool:
    if tok.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return False
    if tok.dep_ in {"compound", "flat"} and tok.head.pos_ in {"NOUN", "PROPN"}:
        return False
    # A possessor ("Russia's" in "Russia's foreign minister") is a head of its own: it is
    # part of the larger phrase too, and "China's talks with ..." needs it as an actor.
    return tok.dep_ != "amod"


def np_span(head: Token) -> Span:
    """The noun phrase of ``head``: its left dependents plus 'of X' and name parts."""
    doc = head.doc
    start = head.i
    for child in head.lefts:
        if child.dep_ in NP_LEFT_DEPS or child.dep_ == "poss":
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in {"compound", "flat", "appos"} and child.i == end:
            end = child.right_edge.i + 1
        elif child.dep_ == "prep" and child.lower_ == "of" and head.pos_ == "NOUN":
            end = max(end, child.right_edge.i + 1)
    while start < head.i and doc[start].dep_ == "punct":
        start += 1
    # an "of" phrase ends at a clause, apposition or list boundary: "the rights of
    # refugees, a rights group said" is not one phrase
    cut = next((t.i for t in doc[head.i + 1 : end] if t.text in CLAUSE_BOUNDARIES), end)
    return doc[start:cut]


#: Punctuation a noun phrase's "of" complement does not run across.
CLAUSE_BOUNDARIES = frozenset({",", ";", ":", "--", "—", "–"})


def units_in(span: Span, unit_at: dict[int, Unit]) -> list[Unit]:
    seen: list[Unit] = []
    for i in range(span.start, span.end):
        u = unit_at.get(i)
        if (
            u is not None
            and (not seen or seen[-1] is not u)
            and u.start >= span.start
            and u.end <= span.end
        ):
            seen.append(u)
    return seen


def country_of(
    by_kind: dict[str, list[Unit]], lex: Lexicon, span: Span, head_i: int = 10**9
) -> str | None:
    """The phrase's country: a modifier before the head ("Turkish ... sides of Cyprus")
    wins over one after it; names before demonyms before metonyms."""
    places = [u for k in ("C", "D", "M") for u in by_kind.get(k, [])]
    if places:
        return min(places, key=lambda u: (u.start > head_i, "CDM".index(u.kind))).key
    if "O" in by_kind:
        o = lex.orgs.get(by_kind["O"][0].key)
        if o is not None and o.country and o.kind == "other":
            return o.country
    return None


def org_in(by_kind: dict[str, list[Unit]]) -> str | None:
    if "O" in by_kind:
        return by_kind["O"][0].key
    return None


def pick_office(candidates: list[tuple[str, str | None]], org: str | None) -> str | None:
    """The office a title names for ``org``: a country-specific row wins over a generic one."""
    generic = None
    for office, country in candidates:
        if country and org and country == org:
            return office
        if country is None and generic is None:
            generic = office
    return generic


#: Sectors of an intergovernmental body's organs and forces that make an actor of their
#: own ("European Union legislators", "NATO troops", "UN police"); GOV ("UN officials")
#: is the body itself.
IGO_ORGAN_SECTORS = frozenset({"LEG", "MIL", "COP", "JUD"})
#: Offices of intergovernmental bodies: a title naming one of these with no country ("UN
#: Secretary-General X", "the Commission president") is an official of a body (IGO).
IGO_OFFICES = frozenset(
    {"secretary_general", "commission_president", "high_representative", "director_general"}
)
#: Office nouns written before a person's name ("Judge X", "General X", "Governor X");
#: their sector is the noun's in ``sectors.tsv`` (GOV when it lists none).
PERSON_TITLES = frozenset(
    {
        "president",
        "judge",
        "justice",
        "general",
        "colonel",
        "admiral",
        "brigadier",
        "governor",
        "mayor",
        "senator",
        "minister",
        "premier",
        "chancellor",
        "ambassador",
        "commissioner",
        "prosecutor",
    }
)
