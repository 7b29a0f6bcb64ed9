"""Name matching for the actors stage: lexicon phrase units and their resolution to actors
(states, sectors, organisations, people and office holders)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import PRON
from spacy.tokens import Doc

from bowerbird.lexicons import Lexicon

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
