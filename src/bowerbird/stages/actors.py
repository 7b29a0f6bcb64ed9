"""Actors: find actor mentions in a parsed document and resolve them to lexicon actors.

Resolution works on noun phrases of the dependency parse.  For each noun-phrase head we
collect the lexicon matches inside the phrase (countries, demonyms, capitals used as
metonyms, organisations, people, titles) and apply, in order:

1. a known person ("Wang Yi", "Antony Blinken") -> that person, with the sector of the
   office held on the article's date;
2. a title plus a country ("Russia's foreign minister", "the U.S. secretary of state",
   "Pakistan's army chief") -> the office holder on that date, or, for an unknown name
   ("Chinese Foreign Minister Li X"), a new person actor of that country and sector;
3. an organisation ("the Taliban", "NATO", "the UN Security Council");
4. a metonym ("Beijing", "the Kremlin", "Downing Street") -> that state's government;
5. a country or demonym with a sector noun ("Pakistani army", "Chinese officials",
   "the government of Pakistan") -> country + sector;
6. a bare country name -> the state; a plural demonym ("Afghans") -> its civilians;
7. within-document coreference: descriptors ("the Islamist group" after the Taliban),
   surnames ("Wang" after "Wang Yi"), and he/she pronouns -> the last person named.

Actor ids are stable: ISO3, ISO3-SECTOR, ``person:<slug>``, ``org:<slug>`` and, for an
organ of an intergovernmental body ("NATO troops"), ``org:<slug>-SECTOR``.

Rules 1-6 for lexicon matches are in ``actor_compose``; helpers live in ``actor_resolver``
(lexicon matching, actors from lexicon entries), ``actor_phrases`` (noun phrases, offices),
``actor_sectors`` (sectors of nouns), ``actor_coref`` (within-document memory),
``actor_places`` (countries of the places a phrase names) and ``actor_text`` (resolving a
short text).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Any, ClassVar

import numpy as np
from spacy.attrs import ENT_IOB, HEAD, LOWER, POS
from spacy.tokens import Doc, Span, Token

from bowerbird.lexicons import Lexicon
from bowerbird.records import Actor, Article, Mention
from bowerbird.settings import Settings
from bowerbird.stages.actor_compose import compose
from bowerbird.stages.actor_context import titled_persons_in_context
from bowerbird.stages.actor_coref import DocState, last_agent, last_person
from bowerbird.stages.actor_phrases import (
    FORMER,
    LEADER_GOVERNMENTS,
    PERSON_TITLES,
    is_former,
    is_np_head,
    np_span,
    parse_day,
    sentence_of_tokens,
    units_in,
)
from bowerbird.stages.actor_places import (
    fled_country,
    located_country,
    place_country,
    resident_country,
)
from bowerbird.stages.actor_resolver import (
    AGENT_PRONOUNS,
    ENTITY_IOB,
    PRON_ID,
    PRONOUNS,
    ActorResolver,
    Unit,
    slug,
    strip_the,
)
from bowerbird.stages.actor_sectors import (
    collective_member,
    counted_by,
    nominal_adjective_span,
    sector_of,
)
from bowerbird.stages.actor_text import resolve_text, with_context_country
from bowerbird.stages.places import Gazetteer

#: Sectors of bodies that belong to no state: named by a sector noun alone, they are actors.
STATELESS_SECTORS = frozenset({"NGO"})


class ActorsStage:
    name: ClassVar[str] = "actors"
    requires: ClassVar[frozenset[str]] = frozenset({"document", "nlp", "sentences"})
    provides: ClassVar[frozenset[str]] = frozenset({"mentions"})

    def __init__(self, lexicon: Lexicon, nlp: Any, gazetteer: Gazetteer | None = None) -> None:
        self.lex = lexicon
        self.gazetteer = gazetteer
        self.resolver = ActorResolver(lexicon, nlp)
        strings = nlp.vocab.strings
        self._pron_ids = frozenset(int(strings.add(w)) for w in (*PRONOUNS, *AGENT_PRONOUNS))
        words = {d.split()[-1] for d in self.resolver.descriptors if d}
        # head nouns of stateless bodies ("a human rights group"), singular and plural
        for noun, (sector, _) in lexicon.sectors.items():
            if sector in STATELESS_SECTORS:
                last = noun.split()[-1]
                words |= {last, last + "s", last[:-1] + "ies" if last.endswith("y") else last}
        self._descriptor_word_ids = frozenset(int(strings.add(w)) for w in words)

    def __call__(self, article: Article, settings: Settings) -> Article:
        doc: Doc = article.nlp
        assert article.document is not None
        day = parse_day(article.document.published)
        mentions = self.find_mentions(doc, article.document.doc_id, day)
        return dataclasses.replace(article, mentions=tuple(mentions))

    # -- public helpers (also used by evaluation) ------------------------------------

    def resolve_text(self, doc: Doc, day: date | None) -> Actor | None:
        """The actor a short text names ("Pakistani Army", "Russia's foreign minister")."""
        return resolve_text(self, doc, day)

    def with_context_country(
        self, actor: Actor | None, context: Doc, day: date | None
    ) -> Actor | None:
        """``actor`` in the context of a text naming a country (see ``actor_text``)."""
        return with_context_country(self, actor, context, day)

    def find_mentions(self, doc: Doc, doc_id: str, day: date | None) -> list[Mention]:
        units = self.resolver.units(doc)
        unit_at: dict[int, Unit] = {}
        for u in units:
            for i in range(u.start, u.end):
                unit_at[i] = u
        state = DocState(day)
        mentions: list[Mention] = []
        sent_of = sentence_of_tokens(doc)
        for i in self._candidate_heads(doc, unit_at):
            tok = doc[i]
            if not is_np_head(tok) and nominal_adjective_span(self.lex.sectors, tok) is None:
                continue
            sidx = int(sent_of[i])
            res = self.resolve_head(doc, tok, unit_at, state)
            if res is None:
                if tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} and tok.ent_iob_ != "O":
                    span = np_span(tok)
                    mentions.append(
                        Mention(
                            doc_id,
                            sidx,
                            span.start_char,
                            span.end_char,
                            span.text,
                            None,
                            "unresolved",
                        )
                    )
                continue
            actor, span, rule = res
            mentions.append(
                Mention(doc_id, sidx, span.start_char, span.end_char, span.text, actor, rule)
            )
            if actor.kind == "state" and rule in {"country-sector", "country-modifier"}:
                mentions += self._coordinated_modifiers(tok, actor, unit_at, doc_id, sidx)
        return titled_persons_in_context(mentions)

    def _coordinated_modifiers(
        self, head: Token, actor: Actor, unit_at: dict[int, Unit], doc_id: str, sidx: int
    ) -> list[Mention]:
        """ "Turkish and Greek officials": the second demonym gets an actor of its own,
        with the same sector, as a mention on its own token."""
        out = []
        for mod in head.lefts:
            if mod.dep_ not in {"amod", "compound", "nmod"}:
                continue
            for conj in mod.conjuncts:
                unit = unit_at.get(conj.i)
                if unit is None or unit.kind not in {"C", "D"} or unit.key == actor.country:
                    continue
                other = self.resolver.state_actor(unit.key, actor.sector)
                out.append(
                    Mention(
                        doc_id,
                        sidx,
                        conj.idx,
                        conj.idx + len(conj.text),
                        conj.text,
                        other,
                        "coordinated-modifier",
                    )
                )
        return out

    def _candidate_heads(self, doc: Doc, unit_at: dict[int, Unit]) -> list[int]:
        """Token indices that may head an actor phrase, in document order.

        Only these are examined (the parse is read through arrays, so the other tokens
        never become Python objects): tokens of lexicon matches and up to three heads
        above them, he/she pronouns, named entities, and heads of descriptor phrases.
        """
        arr = doc.to_array([POS, ENT_IOB, LOWER])
        heads = doc.to_array(HEAD).astype(np.int64)  # relative offsets, stored unsigned
        n = len(doc)
        out: set[int] = set()
        for i in unit_at:
            j = i
            for _ in range(6):
                out.add(j)
                nxt = j + int(heads[j])
                if nxt == j or not 0 <= nxt < n:
                    break
                j = nxt
        desc, pron = self._descriptor_word_ids, self._pron_ids
        for i, (pos, iob, low) in enumerate(arr.tolist()):
            if iob in ENTITY_IOB:  # an entity and the phrase it modifies ("Shanghai police",
                out.add(i)  # "police in Lahore": the entity, its head and the head's head)
                j = i + int(heads[i])
                if 0 <= j < n:
                    out.add(j)
                    k = j + int(heads[j])
                    if 0 <= k < n:
                        out.add(k)
            elif low in desc or (pos == PRON_ID and low in pron):
                out.add(i)
        return sorted(out)

    def resolve_head(
        self, doc: Doc, head: Token, unit_at: dict[int, Unit], state: DocState
    ) -> tuple[Actor, Span, str] | None:
        member = collective_member(head)
        if member is not None:  # "thousands of ethnic Hungarians": the Hungarians
            res = self.resolve_head(doc, member, unit_at, state)
            if res is not None:
                return res[0], np_span(head), res[2]
        span = nominal_adjective_span(self.lex.sectors, head) or np_span(head)
        head_unit = unit_at.get(head.i)
        if head_unit is not None and (head_unit.start < span.start or head_unit.end > span.end):
            # a lexicon name the parse splits ("People's Republic of China"): take it whole
            span = doc[min(span.start, head_unit.start) : max(span.end, head_unit.end)]
        inner = units_in(span, unit_at)
        lower = head.lower_
        if not inner:
            if lower in PRONOUNS and head.pos_ == "PRON":
                actor = last_person(state, PRONOUNS[lower], self.lex)
                return (actor, doc[head.i : head.i + 1], "coref-pronoun") if actor else None
            if lower in AGENT_PRONOUNS and head.pos_ == "PRON":
                agent = last_agent(state, head.i, plural=lower != "it" and lower != "its")
                return (agent, doc[head.i : head.i + 1], "coref-pronoun") if agent else None
            if head.pos_ == "PROPN" and head.ent_type_ in {"PERSON", "", "ORG", "GPE", "NORP"}:
                actor = state.by_surname.get(head.text)
                if actor is not None:
                    return actor, span, "coref-surname"
            if head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
                named = self.resolver.lookup_person([t for t in span if t.ent_type_ == "PERSON"])
                if named is not None:
                    return self.resolver.person_actor(named, state.day), span, "lexicon-surname"
            titled = self._titled_name(head, span)
            if titled is not None:
                return titled, span, "title-name"
            desc = self._descriptor(span, state)
            if desc is not None:
                return desc, span, "coref-descriptor"
            leader = self._leaders_government(head, state)
            if leader is not None:
                return leader, span, "leader-government"
            sector = self.sector_of(head)
            iso = None
            if sector is not None:  # "Shanghai police", "security forces in Guinea"
                iso = place_country(self.gazetteer, span) or located_country(
                    self.gazetteer, head, unit_at
                )
                counted = counted_by(head)  # "thousands of nurses in Kenya"
                if iso is None and counted is not None:
                    iso = located_country(self.gazetteer, counted, unit_at)
                if iso is None and sector == "REF":  # "(hundreds of) refugees fleeing X"
                    iso = fled_country(self.gazetteer, head, unit_at)
                    if iso is None and counted is not None:
                        iso = fled_country(self.gazetteer, counted, unit_at)
            if iso is not None and sector is not None:
                return (
                    self.resolver.state_actor(iso, "ELI" if is_former(head) else sector),
                    span,
                    "place-sector",
                )
            if sector in STATELESS_SECTORS and head.pos_ == "NOUN":
                # "a human rights group", "aid agencies": a body outside any state is an
                # actor even unnamed, with no country (its sector is what it is)
                return self.resolver.sector_actor(sector), span, "sector-body"
            return None
        actor, rule = compose(self.lex, self.resolver, doc, head, span, inner, state)
        if actor is None:
            return None
        if rule == "demonym-people":  # "ethnic Albanians in Serbia", "the Albanians of Serbia"
            home = resident_country(self.gazetteer, head, unit_at)
            if home is not None and home != actor.country:
                actor, rule = self.resolver.state_actor(home, "CVL"), "ethnic-group-place"
        if actor.kind == "person":
            state.persons.append((head.i, actor))
            parts = actor.name.split()
            # "Blinken" after "Antony Blinken"; "Wang" after "Wang Yi" (family name first)
            for part in {parts[0], parts[-1]} if len(parts) > 1 else set():
                if len(part) > 2 and part[0].isupper():
                    state.by_surname[part] = actor
        elif actor.kind in {"igo", "group", "other"}:
            state.orgs.append((head.i, actor))
        if actor.kind != "person" and head.dep_ in {"nsubj", "nsubjpass"}:
            state.agents.append((head.i, actor))
        return actor, span, rule

    def _titled_name(self, head: Token, span: Span) -> Actor | None:
        """ "Judge Alejandro Rivera", "Vice-President Moody Awori": a capitalised office
        noun before an unknown name is a person of that office's sector (the country, if
        the title gives none, comes from the sentence: see ``actor_context``)."""
        if head.pos_ != "PROPN" or head.ent_type_ not in {"PERSON", "ORG", ""}:
            return None
        lefts = [t for t in span if t.i < head.i]
        title_at = next(
            (
                k
                for k in range(len(lefts) - 1, -1, -1)
                if lefts[k].lower_ in PERSON_TITLES and lefts[k].text[:1].isupper()
            ),
            None,
        )
        if title_at is None:
            return None
        names = [*lefts[title_at + 1 :], head]
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in names):
            return None
        if len(names) < 2 and head.ent_type_ != "PERSON":
            return None  # "General Motors": a one-word name must be a person's
        title = lefts[title_at]
        sector = self.lex.sectors.get(title.lower_, ("GOV", ""))[0]
        if is_former(head) or any(t.lower_ in FORMER for t in lefts[:title_at]):
            sector = "ELI"
        name = " ".join(t.text for t in names)
        return Actor(f"person:{slug(name)}", name, None, sector, "person")

    def _leaders_government(self, head: Token, state: DocState) -> Actor | None:
        """ "the Bush administration", "the Modi government": a government named after a
        known head of state or government is that country's government."""
        if head.lemma_.lower() not in LEADER_GOVERNMENTS:
            return None
        names = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if not names:
            return None
        person = self.resolver.lookup_person(names)
        if person is None or not person.country:
            return None
        if not any(
            o.office in {"head_of_state", "head_of_government"}
            for o in self.lex.all_offices_of(person.person_id)
        ):
            return None
        return self.resolver.state_actor(person.country, "GOV")

    def _descriptor(self, span: Span, state: DocState) -> Actor | None:
        text = strip_the(span.text).lower()
        text = re.sub(r"^(this|that|these|those|its|their)\s+", "", text)
        ids = self.resolver.descriptors.get(text)
        if not ids:
            return None
        for _, actor in reversed(state.orgs):
            if actor.actor_id in ids:
                return actor
        return None

    def sector_of(self, head: Token) -> str | None:
        """The sector a head noun names (see :func:`actor_sectors.sector_of`)."""
        return sector_of(self.lex.sectors, head)
