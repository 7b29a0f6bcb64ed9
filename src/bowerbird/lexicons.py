"""Load our own lexicon data files (``src/bowerbird/lexicon/*.tsv``) into typed objects.

File formats are documented in ``docs/lexicon.md`` and ``docs/triggers.md``.  Each file
is tab-separated with a fixed header; ``|`` separates list items; ``#`` lines are
comments.  User files (``--lexicon PATH`` or the ``lexicons`` setting) use the same
formats, are recognised by their header, and override built-in rows with the same key.
Lexicons are loaded once and passed explicitly; nothing here is global mutable state.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from bowerbird.errors import ConfigError

HEADERS: dict[str, tuple[str, ...]] = {
    "countries": ("iso3", "name", "aliases", "demonyms", "gov_metonyms", "status"),
    "organizations": (
        "actor_id",
        "name",
        "kind",
        "sector",
        "country",
        "aliases",
        "descriptors",
        "parent",
    ),
    "persons": ("person_id", "name", "aliases", "country", "gender"),
    "offices": ("person_id", "office", "org", "sector", "start", "end"),
    "titles": ("phrase", "office", "country"),
    "sectors": ("noun", "sector", "kind"),
    "triggers": (
        "lemma",
        "pos",
        "particle",
        "event_type",
        "mode",
        "context",
        "cameo",
        "target_preps",
        "object",
    ),
    "speech": ("lemma", "kind", "tense_hint"),
}
BUILTIN_FILES = tuple(f"{name}.tsv" for name in HEADERS)


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    metonyms: tuple[tuple[str, str], ...]  # (phrase, sector)
    status: str


@dataclass(frozen=True, slots=True)
class Org:
    actor_id: str
    name: str
    kind: str
    sector: str | None
    country: str | None
    aliases: tuple[str, ...]
    descriptors: tuple[str, ...]
    parent: str | None


@dataclass(frozen=True, slots=True)
class Person:
    person_id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    gender: str | None


@dataclass(frozen=True, slots=True)
class Office:
    person_id: str
    office: str
    org: str
    sector: str
    start: date
    end: date | None

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    pos: str
    particle: str
    event_type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    target_preps: tuple[str, ...]
    objects: frozenset[str]


@dataclass(slots=True)
class Lexicon:
    """All lexicon tables, indexed for lookup. Built once by :func:`load_lexicon`."""

    countries: dict[str, Country] = field(default_factory=dict)
    orgs: dict[str, Org] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    titles: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    sectors: dict[str, tuple[str, str]] = field(default_factory=dict)
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    speech: dict[str, str] = field(default_factory=dict)
    _by_office: dict[tuple[str, str], list[Office]] = field(default_factory=dict)
    _by_person: dict[str, list[Office]] = field(default_factory=dict)

    def index(self) -> None:
        by_office: dict[tuple[str, str], list[Office]] = defaultdict(list)
        by_person: dict[str, list[Office]] = defaultdict(list)
        for o in self.offices:
            by_office[(o.office, o.org)].append(o)
            by_person[o.person_id].append(o)
        self._by_office = {k: sorted(v, key=lambda o: o.start) for k, v in by_office.items()}
        self._by_person = {k: sorted(v, key=lambda o: o.start) for k, v in by_person.items()}
        for rows in self.triggers.values():
            # object-constrained rows first, then particle rows, then the plain row
            rows.sort(key=lambda t: (not t.objects, not t.particle))

    def holder(self, office: str, org: str, day: date) -> Person | None:
        """Who held ``office`` for ``org`` (ISO3 or org id) on ``day``."""
        for o in reversed(self._by_office.get((office, org), [])):
            if o.held_on(day):
                return self.persons.get(o.person_id)
        return None

    def offices_of(self, person_id: str, day: date | None) -> list[Office]:
        """Offices a person held on ``day`` (all offices, latest first, when day is None)."""
        rows = self._by_person.get(person_id, [])
        if day is None:
            return list(reversed(rows))
        return [o for o in reversed(rows) if o.held_on(day)]

    def all_offices_of(self, person_id: str) -> list[Office]:
        return list(self._by_person.get(person_id, []))


def _split(cell: str | None) -> tuple[str, ...]:
    if not cell:
        return ()
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def _opt(cell: str | None) -> str | None:
    cell = (cell or "").strip()
    return cell or None


def _date(cell: str | None, where: str) -> date | None:
    cell = (cell or "").strip()
    if not cell:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError as exc:
        raise ConfigError(f"{where}: invalid date {cell!r}", code="B210") from exc


def _rows(text: str, where: str) -> tuple[str, Iterator[dict[str, str]]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        raise ConfigError(f"{where}: empty lexicon file", code="B211")
    header = tuple(h.strip() for h in lines[0].split("\t"))
    kind = next((k for k, h in HEADERS.items() if h == header), None)
    if kind is None:
        raise ConfigError(f"{where}: unrecognised lexicon header {lines[0]!r}", code="B212")
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return kind, iter(reader)


def _add_file(lex: Lexicon, text: str, where: str) -> None:
    kind, rows = _rows(text, where)
    # position of each office already loaded, so a later file's row replaces it in place
    office_at = {(o.person_id, o.office, o.org, o.start): i for i, o in enumerate(lex.offices)}
    for r in rows:
        if kind == "countries":
            metonyms = []
            for m in _split(r["gov_metonyms"]):
                head, sep, rest = m.partition(":")
                if sep and len(head) == 3 and head.isupper():
                    metonyms.append((rest.strip(), head))
                else:
                    metonyms.append((m, "GOV"))
            iso3 = r["iso3"].strip()
            lex.countries[iso3] = Country(
                iso3,
                r["name"].strip(),
                _split(r["aliases"]),
                _split(r["demonyms"]),
                tuple(metonyms),
                (r["status"] or "").strip(),
            )
        elif kind == "organizations":
            lex.orgs[r["actor_id"].strip()] = Org(
                r["actor_id"].strip(),
                r["name"].strip(),
                (r["kind"] or "other").strip(),
                _opt(r["sector"]),
                _opt(r["country"]),
                _split(r["aliases"]),
                _split(r["descriptors"]),
                _opt(r["parent"]),
            )
        elif kind == "persons":
            lex.persons[r["person_id"].strip()] = Person(
                r["person_id"].strip(),
                r["name"].strip(),
                _split(r["aliases"]),
                _opt(r["country"]),
                _opt(r["gender"]),
            )
        elif kind == "offices":
            start = _date(r["start"], where)
            if start is None:
                raise ConfigError(f"{where}: office row without start date: {r}", code="B213")
            office = Office(
                r["person_id"].strip(),
                r["office"].strip(),
                r["org"].strip(),
                (r["sector"] or "GOV").strip(),
                start,
                _date(r["end"], where),
            )
            okey = (office.person_id, office.office, office.org, office.start)
            if okey in office_at:
                lex.offices[office_at[okey]] = office
            else:
                office_at[okey] = len(lex.offices)
                lex.offices.append(office)
        elif kind == "titles":
            lex.titles.setdefault(r["phrase"].strip().lower(), []).append(
                (r["office"].strip(), _opt(r["country"]))
            )
        elif kind == "sectors":
            lex.sectors[r["noun"].strip().lower()] = (
                r["sector"].strip(),
                (r["kind"] or "other").strip(),
            )
        elif kind == "triggers":
            t = Trigger(
                lemma=r["lemma"].strip().lower(),
                pos=r["pos"].strip().upper(),
                particle=(r["particle"] or "").strip().lower(),
                event_type=r["event_type"].strip().upper(),
                mode=_opt(r["mode"]),
                context=tuple(c.strip() for c in (r["context"] or "").split(";") if c.strip()),
                cameo=_opt(r["cameo"]),
                target_preps=_split(r["target_preps"]),
                objects=frozenset(x.lower() for x in _split(r["object"])),
            )
            key = (t.lemma, t.pos)
            rows_for = lex.triggers.setdefault(key, [])
            rows_for[:] = [
                x for x in rows_for if (x.particle, x.objects) != (t.particle, t.objects)
            ]
            rows_for.append(t)
        elif kind == "speech":
            lex.speech[r["lemma"].strip().lower()] = (r["kind"] or "say").strip()


def load_lexicon(extra: Iterable[str | Path] = ()) -> Lexicon:
    """Load the built-in lexicon files, then the user's files (which override)."""
    lex = Lexicon()
    pkg = resources.files("bowerbird") / "lexicon"
    for name in BUILTIN_FILES:
        res = pkg / name
        if res.is_file():
            _add_file(lex, res.read_text(encoding="utf-8"), f"lexicon/{name}")
    for p in extra:
        path = Path(p)
        files = sorted(path.glob("*.tsv")) if path.is_dir() else [path]
        for f in files:
            try:
                text = f.read_text(encoding="utf-8")
            except OSError as exc:
                raise ConfigError(f"cannot read lexicon file {f}: {exc}", code="B214") from exc
            _add_file(lex, text, str(f))
    lex.index()
    return lex
