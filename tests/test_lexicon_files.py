"""Invariants of the bundled actor lexicon data files (src/bowerbird/lexicon/*.tsv)."""

from __future__ import annotations

import csv
import datetime
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

LEXICON_DIR = Path(__file__).resolve().parents[1] / "src" / "bowerbird" / "lexicon"

HEADERS = {
    "countries.tsv": ["iso3", "name", "aliases", "demonyms", "gov_metonyms", "status"],
    "organizations.tsv": [
        "actor_id",
        "name",
        "kind",
        "sector",
        "country",
        "aliases",
        "descriptors",
        "parent",
    ],
    "persons.tsv": ["person_id", "name", "aliases", "country", "gender"],
    "offices.tsv": ["person_id", "office", "org", "sector", "start", "end"],
    "titles.tsv": ["phrase", "office", "country"],
    "sectors.tsv": ["noun", "sector", "kind"],
}

SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "IGO", "NGO",
    "MED", "BUS", "CVL", "EDU", "REF", "SPY", "UAF", "REL", "HLH", "PTY", "CRM",
    "LAB", "PRM", "AGR", "ELI", "PRE",
}  # fmt: skip
#: Sectors an intergovernmental body may have besides IGO: its function (a court, a
#: parliament, a police body, the health agency).
IGO_FUNCTION_SECTORS = {"IGO", "JUD", "LEG", "COP", "HLH"}

OFFICES = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "interior_minister",
    "un_ambassador",
    "army_chief",
    "intelligence_chief",
    "secretary_general",
    "commission_president",
    "high_representative",
    "director_general",
    "president",
    "spokesperson",
    "opposition_leader",
    "group_leader",
    "minister",
    "deputy_minister",
    "regional_head",
    "speaker",
    "legislator",
}

# Every UN member state must be present (spot check of the less obvious ones too).
SOME_MEMBERS = {
    "USA", "GBR", "CHN", "RUS", "FRA", "AFG", "PAK", "TJK", "UZB", "TKM", "IRN", "TUR",
    "PRK", "KOR", "COD", "COG", "CIV", "SWZ", "MKD", "SSD", "TLS", "FSM", "KNA", "VCT",
}  # fmt: skip

G20_AND_NEIGHBOURS = [
    "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
    "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA", "IRN", "TKM", "UZB", "TJK", "PAK", "AFG",
]  # fmt: skip


@cache
def read_rows(name: str) -> tuple[list[str], tuple[dict[str, str], ...]]:
    """Parse one lexicon TSV: return its header and data rows, skipping `#` comment lines."""
    path = LEXICON_DIR / name
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#") and line.strip()]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for number, fields in enumerate(reader, start=2):
        assert len(fields) == len(header), f"{name}: row {number} has {len(fields)} fields"
        rows.append(dict(zip(header, fields, strict=True)))
    return header, tuple(rows)


def split_list(cell: str) -> list[str]:
    """Split a `|`-separated list cell into its non-empty items."""
    return [item for item in cell.split("|") if item]


def iso3_codes() -> set[str]:
    return {row["iso3"] for row in read_rows("countries.tsv")[1]}


def org_ids() -> set[str]:
    return {row["actor_id"] for row in read_rows("organizations.tsv")[1]}


def org_sectors() -> dict[str, str]:
    return {row["actor_id"]: row["sector"] for row in read_rows("organizations.tsv")[1]}


def parse_date(text: str) -> datetime.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", text), text
    return datetime.date.fromisoformat(text)


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_is_exact_and_rows_are_clean(name: str) -> None:
    header, rows = read_rows(name)
    assert header == HEADERS[name]
    assert rows
    for row in rows:
        for value in row.values():
            assert value == value.strip(), f"{name}: stray whitespace in {value!r}"
            assert "||" not in value and not value.startswith("|") and not value.endswith("|")


def test_country_codes_are_unique_iso3() -> None:
    rows = read_rows("countries.tsv")[1]
    codes = [row["iso3"] for row in rows]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes)
    assert all(row["status"] in {"member", "observer", "other"} for row in rows)
    assert all(row["name"] for row in rows)


def test_all_un_members_and_observers_present() -> None:
    rows = read_rows("countries.tsv")[1]
    members = {row["iso3"] for row in rows if row["status"] == "member"}
    assert len(members) >= 193
    assert members >= SOME_MEMBERS
    observers = {row["iso3"] for row in rows if row["status"] == "observer"}
    assert {"VAT", "PSE"} <= observers
    assert {"TWN", "XKX"} <= iso3_codes()


def test_every_country_has_a_capital_or_seat() -> None:
    for row in read_rows("countries.tsv")[1]:
        if row["status"] == "member" and row["iso3"] not in {"SGP", "MCO", "SMR"}:
            assert split_list(row["gov_metonyms"]), row["iso3"]


def test_no_country_surface_form_maps_to_two_countries() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in read_rows("countries.tsv")[1]:
        forms = [row["name"], *split_list(row["aliases"]), *split_list(row["demonyms"])]
        for metonym in split_list(row["gov_metonyms"]):
            if ":" in metonym.split(" ")[0]:
                prefix, _, metonym = metonym.partition(":")
                assert prefix == "MIL", metonym
            forms.append(metonym)
        for form in forms:
            owners[form].add(row["iso3"])
    clashes = {form: codes for form, codes in owners.items() if len(codes) > 1}
    assert not clashes


def test_organizations_are_well_formed() -> None:
    rows = read_rows("organizations.tsv")[1]
    ids = [row["actor_id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 120
    countries = iso3_codes()
    for row in rows:
        assert re.fullmatch(r"org:[a-z0-9-]+", row["actor_id"]), row["actor_id"]
        assert row["kind"] in {"igo", "group", "other"}, row["actor_id"]
        assert row["sector"] == "" or row["sector"] in SECTORS, row["actor_id"]
        assert row["country"] == "" or row["country"] in countries, row["actor_id"]
        if row["kind"] == "igo":
            assert row["sector"] in IGO_FUNCTION_SECTORS, row["actor_id"]
    for required in ["org:un", "org:unsc", "org:nato", "org:eu", "org:taliban", "org:iskp"]:
        assert required in ids


def test_every_org_parent_exists_and_there_are_no_cycles() -> None:
    rows = read_rows("organizations.tsv")[1]
    parent = {row["actor_id"]: row["parent"] for row in rows}
    for actor_id, parent_id in parent.items():
        assert parent_id == "" or parent_id in parent, actor_id
        seen = {actor_id}
        while parent_id:
            assert parent_id not in seen, f"cycle through {actor_id}"
            seen.add(parent_id)
            parent_id = parent[parent_id]
    assert parent["org:iskp"] == "org:islamic-state"
    assert parent["org:unsc"] == "org:un"


def test_no_org_alias_maps_to_two_orgs_or_clashes_with_a_country() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in read_rows("organizations.tsv")[1]:
        for form in [row["name"], *split_list(row["aliases"])]:
            owners[form].add(row["actor_id"])
    assert not {form: ids for form, ids in owners.items() if len(ids) > 1}
    for row in read_rows("countries.tsv")[1]:
        for form in [row["name"], *split_list(row["aliases"])]:
            assert form not in owners, (form, row["iso3"])


def test_persons_are_well_formed() -> None:
    rows = read_rows("persons.tsv")[1]
    ids = [row["person_id"] for row in rows]
    assert len(ids) == len(set(ids))
    countries = iso3_codes()
    for row in rows:
        assert re.fullmatch(r"person:[a-z0-9]+(-[a-z0-9]+)*", row["person_id"]), row
        assert row["gender"] in {"m", "f"}, row["person_id"]
        assert row["country"] in countries, row["person_id"]
        assert row["name"] not in split_list(row["aliases"]), row["person_id"]


def test_offices_refer_to_known_people_offices_and_orgs() -> None:
    people = {row["person_id"] for row in read_rows("persons.tsv")[1]}
    holders = iso3_codes() | org_ids()
    rows = read_rows("offices.tsv")[1]
    assert len(rows) >= 500
    for row in rows:
        assert row["person_id"] in people, row["person_id"]
        assert row["office"] in OFFICES, row
        assert row["org"] in holders, row
        assert row["sector"] in SECTORS, row
        expected = "MIL" if row["office"] == "army_chief" else None
        if row["office"] == "opposition_leader":
            expected = "OPP"
        elif row["office"] in {"speaker", "legislator"}:
            expected = "LEG"
        elif row["office"] == "group_leader":
            assert row["org"].startswith("org:"), row
            expected = org_sectors()[row["org"]] or None
        elif row["org"].startswith("org:"):
            expected = "IGO"
        if expected:
            assert row["sector"] == expected, row
        start = parse_date(row["start"])
        if row["end"]:
            assert start <= parse_date(row["end"]), row


def test_office_rows_are_not_duplicated() -> None:
    keys = [
        (row["person_id"], row["office"], row["org"], row["start"])
        for row in read_rows("offices.tsv")[1]
    ]
    assert len(keys) == len(set(keys))


def holders_on(org: str, office: str, day: datetime.date) -> list[str]:
    """Return the people holding `office` in `org` on `day`."""
    found = []
    for row in read_rows("offices.tsv")[1]:
        if row["org"] != org or row["office"] != office:
            continue
        start = parse_date(row["start"])
        end = parse_date(row["end"]) if row["end"] else datetime.date.max
        if start <= day < end:
            found.append(row["person_id"])
    return found


@pytest.mark.parametrize("iso3", G20_AND_NEIGHBOURS)
@pytest.mark.parametrize("day", ["2005-06-01", "2013-09-01", "2023-06-01"])
def test_required_states_have_leaders_and_foreign_ministers(iso3: str, day: str) -> None:
    when = datetime.date.fromisoformat(day)
    head = holders_on(iso3, "head_of_state", when) + holders_on(iso3, "head_of_government", when)
    assert head, f"no head of state/government for {iso3} on {day}"
    if iso3 == "AFG" and day == "2023-06-01":
        assert holders_on(iso3, "foreign_minister", when) == ["person:amir-khan-muttaqi"]
    assert holders_on(iso3, "foreign_minister", when), f"no foreign minister for {iso3} on {day}"


def test_known_incumbents_resolve() -> None:
    day = datetime.date(2024, 6, 1)
    assert holders_on("RUS", "foreign_minister", day) == ["person:sergey-lavrov"]
    assert holders_on("CHN", "foreign_minister", day) == ["person:wang-yi"]
    assert holders_on("org:un", "secretary_general", day) == ["person:antonio-guterres"]
    assert holders_on("AFG", "head_of_state", day) == ["person:hibatullah-akhundzada"]
    assert holders_on("AFG", "interior_minister", day) == ["person:sirajuddin-haqqani"]
    assert holders_on("USA", "head_of_state", day) == ["person:joe-biden"]


def test_titles_are_well_formed() -> None:
    rows = read_rows("titles.tsv")[1]
    countries = iso3_codes()
    keys = [(row["phrase"], row["country"]) for row in rows]
    assert len(keys) == len(set(keys))
    for row in rows:
        assert row["phrase"] == row["phrase"].lower(), row
        assert row["office"] in OFFICES, row
        assert row["country"] == "" or row["country"] in countries, row
    by_key = {(row["phrase"], row["country"]): row["office"] for row in rows}
    assert by_key[("secretary of state", "USA")] == "foreign_minister"
    assert by_key[("foreign minister", "")] == "foreign_minister"


def test_sectors_are_well_formed() -> None:
    rows = read_rows("sectors.tsv")[1]
    nouns = [row["noun"] for row in rows]
    assert len(nouns) == len(set(nouns))
    assert len(nouns) >= 150
    for row in rows:
        assert row["noun"] == row["noun"].lower(), row
        assert row["sector"] in SECTORS, row
        assert row["kind"] in {"state", "other", "place"}, row
    sector = {row["noun"]: row["sector"] for row in rows}
    assert sector["army"] == "MIL"
    assert sector["police"] == "COP"
    assert sector["rebel"] == "REB"
    assert sector["refugee"] == "REF"
