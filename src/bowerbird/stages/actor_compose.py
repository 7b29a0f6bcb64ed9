"""Compose an actor from the lexicon matches inside a noun phrase.

Rules 1-6 of :mod:`bowerbird.stages.actors`, in order: a known person; a title with a
country or organisation (the office holder on the date, or a new person of that office);
an organisation (an intergovernmental body's organ, a stateless group's branch in a
state); a metonym; a country or demonym with a sector noun; a bare country or a people.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from bowerbird.lexicons import Lexicon
from bowerbird.records import Actor
from bowerbird.stages.actor_coref import DocState
from bowerbird.stages.actor_phrases import (
    FORMER,
    IGO_OFFICES,
    IGO_ORGAN_SECTORS,
    country_of,
    is_former,
    org_in,
    pick_office,
)
from bowerbird.stages.actor_resolver import ActorResolver, Unit, slug
from bowerbird.stages.actor_sectors import sector_of


def compose(
    lex: Lexicon,
    resolver: ActorResolver,
    doc: Doc,
    head: Token,
    span: Span,
    inner: list[Unit],
    state: DocState,
) -> tuple[Actor | None, str]:
    """The actor the lexicon matches ``inner`` of a phrase headed by ``head`` compose, with
    the name of the rule that applied (``None`` and ``""`` when none does)."""
    by_kind: dict[str, list[Unit]] = {}
    for u in inner:
        by_kind.setdefault(u.kind, []).append(u)
    country = country_of(by_kind, lex, span, head.i)
    if "P" in by_kind:
        person = lex.persons[by_kind["P"][-1].key]
        return resolver.person_actor(person, state.day), "lexicon-person"
    if "T" in by_kind:
        title = by_kind["T"][-1]
        candidates = lex.titles.get(title.key, [])
        org = country or org_in(by_kind)
        office = pick_office(candidates, org)
        name_tokens = [t for t in span if t.i >= title.end and t.ent_type_ == "PERSON"]
        after = doc[title.end : head.i + 1]
        if not name_tokens and len(after) and all(t.pos_ == "PROPN" for t in after):
            # a name the tagger missed ("Vice-President Moody Awori" read as an ORG)
            name_tokens = [t for t in after if t.text[:1].isupper()]
        # "the former prime minister": not the holder on the date, an ex-office-holder
        former = is_former(head) or any(t.lower_ in FORMER for t in doc[span.start : title.end])
        if office and org and not name_tokens and state.day is not None and not former:
            holder = lex.holder(office, org, state.day)
            if holder is not None:
                return resolver.person_actor(holder, state.day), "title-office"
        sector = "MIL" if office == "army_chief" else "GOV"
        if former:
            sector = "ELI"
        named = resolver.lookup_person(name_tokens) if name_tokens else None
        if named is not None and org is not None and named.country not in {None, org}:
            named = None  # a namesake from another country
        if named is not None:
            return resolver.person_actor(named, state.day), "title-lexicon-person"
        if name_tokens:
            name = " ".join(t.text for t in name_tokens)
            iso = org if org and len(org) == 3 else None
            if not former and (
                (org and org.startswith("org:")) or (org is None and office in IGO_OFFICES)
            ):
                sector = "IGO"  # "UN Secretary-General X": an official of a body
            return Actor(f"person:{slug(name)}", name, iso, sector, "person"), "title-name"
        if org is not None:
            return resolver.org_or_state(org, sector, state.day), "title-country"
    head_in_unit = any(u.start <= head.i < u.end for u in inner)
    noun_sector = None if head_in_unit else sector_of(lex.sectors, head)
    if "O" in by_kind:
        o_unit = by_kind["O"][-1]
        o = lex.orgs[o_unit.key]
        if o.kind == "igo" and noun_sector in IGO_ORGAN_SECTORS:  # "EU legislators"
            return resolver.igo_organ(o, noun_sector), "igo-sector"
        home = next(  # right before the name, or its possessor ("Iraq's al-Qaeda")
            (
                u.key
                for k in ("C", "D")
                for u in by_kind.get(k, [])
                if u.end == o_unit.start
                or (u.end == o_unit.start - 1 and doc[u.end].lower_ in {"'s", "’s"})
            ),
            None,
        )
        if o.kind == "group" and not o.country and home is not None:
            # "Iraq's al-Qaeda", "Yemeni al-Qaeda": a stateless group's branch in a state
            return resolver.group_branch(o, home, state.day), "group-branch"
        return resolver.org_actor(o, state.day), "lexicon-org"
    if is_former(head):
        noun_sector = "ELI"
    if "M" in by_kind:
        m = by_kind["M"][-1]
        if noun_sector is not None and noun_sector != "GOV":  # "Beijing police"
            return resolver.state_actor(m.key, noun_sector), "metonym-sector"
        return resolver.state_actor(m.key, m.sector or "GOV"), "metonym"
    if country is not None:
        head_is_country = any(u.start <= head.i < u.end for u in inner if u.kind in {"C", "D"})
        if noun_sector is not None and not head_is_country:
            return resolver.state_actor(country, noun_sector), "country-sector"
        if head_is_country:
            unit = next(u for u in inner if u.start <= head.i < u.end)
            if unit.kind == "D" and head.tag_ in {"NNS", "NNPS"}:
                return resolver.state_actor(country, "CVL"), "demonym-people"
            return resolver.state_actor(country, None), "lexicon-country"
        if head.pos_ in {"NOUN", "PROPN"}:
            return resolver.state_actor(country, None), "country-modifier"
    return None, ""
