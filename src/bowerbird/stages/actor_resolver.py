"""Name matching for the actors stage: lexicon phrase units and their resolution to actors
(states, sectors, organisations, people and office holders)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import PRON
from spacy.tokens import Doc, Token

from bowerbird.lexicons import Lexicon, Office, Org, Person
from bowerbird.records import Actor

SECTOR_NAMES = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "OPP": "opposition",
    "REB": "rebels",
    "INS": "insurgents",
    "IGO": "intergovernmental",
    "NGO": "NGO",
    "MED": "media",
    "BUS": "business",
    "CVL": "civilians",
    "EDU": "education",
    "REF": "refugees",
    "SPY": "intelligence",
    "UAF": "armed group",
    "REL": "religious",
    "HLH": "health",
    "ELI": "elite",
}
NP_LEFT_DEPS = {
    "compound",
    "amod",
    "poss",
    "det",
    "nmod",
    "nummod",
    "case",
    "punct",
    "quantmod",
    "advmod",
    "npadvmod",
}
PRON_ID = int(PRON)
ENTITY_IOB = frozenset({1, 3})  # ENT_IOB: 1 inside, 3 beginning
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
#: Pronouns for states and organisations: the last one that was a clause's subject.
AGENT_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


@dataclass(frozen=True, slots=True)
class Unit:
    """One lexicon match inside a noun phrase."""

    kind: str  # C country, D demonym, M metonym, O org, P person, T title
    key: str  # iso3 / org id / person id / title phrase
    sector: str | None
    start: int  # token indices
    end: int


class ActorResolver:
    """Holds the phrase matcher built from the lexicon; one per process."""

    def __init__(self, lexicon: Lexicon, nlp: Any) -> None:
        self.lex = lexicon
        vocab = nlp.vocab
        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        self.lower_matcher = PhraseMatcher(vocab, attr="LOWER")
        self._labels: dict[int, tuple[str, str, str | None]] = {}
        make = _Tokenizer(nlp)
        for c in lexicon.countries.values():
            self._add("C", c.iso3, None, [c.name, *c.aliases], make)
            self._add("D", c.iso3, None, list(c.demonyms), make)
            for phrase, sector in c.metonyms:
                self._add("M", c.iso3, sector, [phrase], make)
        for o in lexicon.orgs.values():
            self._add("O", o.actor_id, o.sector, [o.name, *o.aliases], make)
        for p in lexicon.persons.values():
            self._add("P", p.person_id, None, [p.name, *p.aliases], make)
        for phrase in lexicon.titles:
            self._add("T", phrase, None, [phrase], make, lower=True)
        self.descriptors: dict[str, list[str]] = {}
        for o in lexicon.orgs.values():
            for d in o.descriptors:
                self.descriptors.setdefault(strip_the(d).lower(), []).append(o.actor_id)
        # Names of people for NER person spans that the phrase matcher missed ("Putin",
        # "President Museveni"): full names and aliases, and surnames that are unique.
        self.person_by_name: dict[str, str] = {}
        surname_owners: dict[str, set[str]] = {}
        for p in lexicon.persons.values():
            for n in (p.name, *p.aliases):
                self.person_by_name[n.lower()] = p.person_id
                parts = n.split()
                if len(parts) > 1:
                    surname_owners.setdefault(parts[-1].lower(), set()).add(p.person_id)
        self.unique_surname = {k: next(iter(v)) for k, v in surname_owners.items() if len(v) == 1}

    def _add(
        self,
        kind: str,
        key: str,
        sector: str | None,
        phrases: list[str],
        make: _Tokenizer,
        *,
        lower: bool = False,
    ) -> None:
        label = f"{kind}|{key}|{sector or ''}"
        variants: set[str] = set()
        for ph in phrases:
            ph = ph.strip()
            if not ph:
                continue
            base = strip_the(ph)
            for v in (ph, base):
                if v:
                    variants.add(v)
                    variants.add(v[0].upper() + v[1:])
                    if len(v) >= 4 and kind in {"C", "M", "O", "P"}:
                        variants.add(v.upper())  # datelines: "TEHRAN —"
        if not variants:
            return
        docs = [make(v) for v in sorted(variants)]
        (self.lower_matcher if lower else self.matcher).add(label, docs)
        self._labels[make.vocab.strings[label]] = (kind, key, sector or None)

    # -- actors from lexicon entries ----------------------------------------------

    def lookup_person(self, tokens: list[Token]) -> Person | None:
        """A lexicon person by full name, or by a surname only one person has."""
        if not tokens:
            return None
        name = " ".join(t.text for t in tokens).lower()
        pid = self.person_by_name.get(name)
        if pid is None and len(tokens) == 1:  # a surname alone ("Putin"), never "X Rivera"
            pid = self.unique_surname.get(tokens[0].lower_)
        return self.lex.persons.get(pid) if pid else None

    def person_actor(self, person: Person, day: date | None) -> Actor:
        offices = self.lex.offices_of(person.person_id, day)
        if offices and day is None:  # no date: the offices held when the latest began
            offices = [o for o in offices if o.held_on(offices[0].start)]
        if offices:
            o = main_office(offices)
            country = o.org if len(o.org) == 3 else person.country
            return Actor(person.person_id, person.name, country, o.sector, "person")
        sector = "ELI" if self.lex.all_offices_of(person.person_id) else None
        return Actor(person.person_id, person.name, person.country, sector, "person")

    def state_actor(self, iso3: str, sector: str | None) -> Actor:
        c = self.lex.countries.get(iso3)
        name = c.name if c else iso3
        if sector is None:
            return Actor(iso3, name, iso3, None, "state")
        return Actor(
            f"{iso3}-{sector}",
            f"{name} ({SECTOR_NAMES.get(sector, sector)})",
            iso3,
            sector,
            "state",
        )

    def sector_actor(self, sector: str) -> Actor:
        """An unnamed actor known only by its sector ("a human rights group")."""
        return Actor(f"sector:{sector}", SECTOR_NAMES.get(sector, sector), None, sector, "other")

    def org_or_state(self, org: str, sector: str, day: date | None = None) -> Actor:
        if org.startswith("org:") and org in self.lex.orgs:
            return self.org_actor(self.lex.orgs[org], day)
        return self.state_actor(org, sector)

    def org_actor(self, o: Org, day: date | None) -> Actor:
        """An organisation; a group whose leader is its state's head of state or government
        on ``day`` (the Taliban since August 2021) is that state's government (GOV)."""
        armed = o.kind == "group" and o.sector in ARMED_GROUP_SECTORS
        governs = governed_state(self.lex, o.actor_id, day) if armed else None
        if governs is not None:
            return Actor(o.actor_id, o.name, governs, "GOV", org_kind(o.kind))
        return Actor(o.actor_id, o.name, o.country, o.sector, org_kind(o.kind))

    def group_branch(self, o: Org, iso3: str, day: date | None) -> Actor:
        """A transnational group's branch in one state ("Iraq's al-Qaeda"): an actor of its
        own, ``<org id>-<ISO3>``, of that country."""
        base = self.org_actor(o, day)
        c = self.lex.countries.get(iso3)
        return Actor(
            f"{o.actor_id}-{iso3}",
            f"{o.name} ({c.name if c else iso3})",
            iso3,
            base.sector,
            base.kind,
        )

    def igo_organ(self, o: Org, sector: str) -> Actor:
        """An intergovernmental body's own organ or forces ("EU legislators", "NATO
        troops"): an actor of its own, ``<org id>-<SECTOR>``."""
        return Actor(
            f"{o.actor_id}-{sector}",
            f"{o.name} ({SECTOR_NAMES.get(sector, sector)})",
            o.country,
            sector,
            "igo",
        )

    # -- matching ---------------------------------------------------------------------

    def units(self, doc: Doc) -> list[Unit]:
        """Non-overlapping lexicon matches in the document, longest first."""
        found: list[Unit] = []
        for matcher in (self.matcher, self.lower_matcher):
            for match_id, start, end in matcher(doc):
                kind, key, sector = self._labels[match_id]
                found.append(Unit(kind, key, sector, start, end))
        priority = {"P": 0, "O": 1, "M": 2, "T": 3, "C": 4, "D": 5}
        found.sort(key=lambda u: (-(u.end - u.start), priority[u.kind], u.start))
        taken: set[int] = set()
        result: list[Unit] = []
        for u in found:
            span = set(range(u.start, u.end))
            if span & taken:
                continue
            if u.kind == "T" and not _title_ok(doc, u):
                continue
            if u.kind == "P" and _abbreviates_previous_name(doc, u):
                continue
            taken |= span
            result.append(u)
        result.sort(key=lambda u: u.start)
        return result


def org_kind(kind: str) -> Any:
    return kind if kind in {"igo", "group", "other"} else "other"


#: Offices that make a person a legislator or a party figure rank below state, military and
#: international offices held at the same time (a minister who sits in parliament is GOV).
#: Sectors of armed groups, which can come to govern a state (the Taliban in 2021).
ARMED_GROUP_SECTORS = frozenset({"INS", "REB", "PRM", "UAF"})
_PARTY_OFFICES = frozenset({"group_leader", "opposition_leader"})


def main_office(offices: list[Office]) -> Office:
    """The office a person is coded by when holding several (listed latest first):
    executive, military and international offices before party leadership before a seat
    in a legislature."""

    def rank(o: Office) -> int:
        if o.sector == "LEG":
            return 2
        return 1 if o.office in _PARTY_OFFICES else 0

    return min(offices, key=rank)


def governed_state(lex: Lexicon, org_id: str, day: date | None) -> str | None:
    """The state an armed or political group governs on ``day`` (today when unknown): its
    leader is that state's head of state or government then."""
    when = day or date.today()
    leader = lex.holder("group_leader", org_id, when)
    if leader is None:
        return None
    for o in lex.offices_of(leader.person_id, when):
        if o.office in {"head_of_state", "head_of_government"} and len(o.org) == 3:
            return o.org
    return None


def strip_the(phrase: str) -> str:
    return phrase[4:] if phrase.lower().startswith("the ") else phrase


def _title_ok(doc: Doc, u: Unit) -> bool:
    """Lower-case title phrases must be nouns in the sentence ("president", not a verb),
    and not part of a person's name ("King" in "Tom King", "Bishop" in "Maurice Bishop")."""
    last = doc[u.end - 1]
    first = doc[u.start]
    if first.ent_type_ == "PERSON" and first.ent_iob_ == "I":
        return False
    return last.pos_ in {"NOUN", "PROPN"}


def _abbreviates_previous_name(doc: Doc, u: Unit) -> bool:
    """A bracketed acronym right after a name abbreviates that name ("Montenegro
    Municipality Association (AKK)"), so it cannot be a person known by the same letters."""
    if u.start < 2 or u.end >= len(doc):
        return False
    before, after = doc[u.start - 1], doc[u.end]
    return before.text == "(" and after.text == ")" and doc[u.start - 2].pos_ == "PROPN"


class _Tokenizer:
    """Tokenises patterns with the pipeline's own tokenizer (so matches line up)."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp
        self.vocab = nlp.vocab

    def __call__(self, text: str) -> Doc:
        doc: Doc = self._nlp.make_doc(text)
        return doc
