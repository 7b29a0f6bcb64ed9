"""Consistency checks for the trigger lexicon (triggers.tsv) and the speech cue list (speech.tsv).

The files are plain data; these tests keep them well-formed and consistent with PLOVER 2.0
(categories, modes, contexts) and, where the reference table is available, with the
CAMEO-to-PLOVER conversion table.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from bowerbird import plover

LEXICON_DIR = Path(__file__).resolve().parents[1] / "src" / "bowerbird" / "lexicon"
TRIGGERS = LEXICON_DIR / "triggers.tsv"
SPEECH = LEXICON_DIR / "speech.tsv"
CAMEO2PLOVER = (
    Path(__file__).resolve().parents[2] / "shared" / "reference" / "CAMEO2PLOVER-2021.txt"
)

TRIGGER_HEADER = [
    "lemma",
    "pos",
    "particle",
    "event_type",
    "mode",
    "context",
    "cameo",
    "target_preps",
    "object",
]
SPEECH_HEADER = ["lemma", "kind", "tense_hint"]

# PLOVER 2.0 categories and their modes (manual, tables 3.1-3.11), from the one place the
# project keeps them. Categories with an empty set take no mode.
MODES: dict[str, frozenset[str]] = {
    c: frozenset(plover.MODES.get(c, ())) for c in plover.CATEGORIES
}

CONTEXTS = frozenset(
    [
        "military",
        "intelligence",
        "executive",
        "legislative",
        "election",
        "political_institutions",
        "pro_democracy",
        "pro_autocracy",
        "economic",
        "legal",
        "reparations",
        "human_rights",
        "rights_freedoms",
        "repression",
        "human_security",
        "gender",
        "lgbt",
        "religion_ethnicity",
        "inequality",
        "diplomatic",
        "territory",
        "peacekeeping",
        "health",
        "asylum",
        "migration",
        "disasters",
        "natural_resource",
        "environment",
        "technology",
        "terrorism",
        "cbrn",
        "cyber",
        "misinformation",
        "crime",
        "corruption",
        "illegal_drugs",
        "trafficking",
    ]
)

# Deliberate departures from the 2021 CAMEO-to-PLOVER table, each backed by the PLOVER manual.
CAMEO_EXCEPTIONS: frozenset[tuple[str, str]] = frozenset(
    {
        # Court findings of guilt are SANCTION 'convict' in PLOVER 2.0 (manual 3.13.3);
        # the table still lists CAMEO 116 under ACCUSE.
        ("116", "SANCTION"),
        # International sanctions are SANCTION 'discontinue' (manual 3.13.3); the table
        # maps CAMEO 163 (impose embargo or sanctions) to COERCE.
        ("163", "SANCTION"),
        # Apologies are expressions of regret, which the manual codes as CONCEDE (3.3.2,
        # 3.4.2); the table keeps CAMEO 055 under SUPPORT.
        ("055", "CONCEDE"),
        # Pardons and amnesties are CONCEDE (manual 3.4.2), although CAMEO codes them 0841
        # together with actual releases (RETREAT).
        ("0841", "CONCEDE"),
        # A declared ceasefire is CONCEDE, an implemented one RETREAT (manual 3.4); CAMEO
        # 0871 covers both.
        ("0871", "CONCEDE"),
        # Resignations are RETREAT 'resign' (manual 3.7); CAMEO codes them as acceding to a
        # change in leadership (0831, CONCEDE in the table).
        ("0831", "RETREAT"),
    }
)

# The conversion table has no entries for CAMEO root 02 (APPEAL); PLOVER REQUEST covers
# all requests and appeals (manual 3.8), so appeal codes are checked against REQUEST.
EXTRA_ROOTS: dict[str, frozenset[str]] = {"02": frozenset({"REQUEST"})}

WORD = re.compile(r"^[a-z][a-z-]*$")
PHRASE = re.compile(r"^[a-z][a-z-]*( [a-z][a-z-]*)*$")


def _read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Return the header and the data rows of a tab-separated file, skipping comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t")
    header = next(reader)
    rows = []
    for record in reader:
        assert len(record) == len(header), f"wrong field count in {path.name}: {record!r}"
        rows.append(dict(zip(header, record, strict=True)))
    return header, rows


def _split(value: str, sep: str) -> list[str]:
    return [part for part in value.split(sep) if part] if value else []


def _load_cameo_table(path: Path) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Map CAMEO codes to PLOVER categories, and CAMEO roots to the categories they feed."""
    codes: dict[str, str] = {}
    roots: dict[str, set[str]] = defaultdict(set)
    pattern = re.compile(r"^(\d{2,4}):\s*([A-Z]+)")
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = pattern.match(line.strip())
        if not match:
            continue
        code, category = match.groups()
        roots[code[:2]].add(category)
        if len(code) > 2:
            codes[code] = category
    return codes, roots


@pytest.fixture(scope="module")
def triggers() -> tuple[list[str], list[dict[str, str]]]:
    return _read_tsv(TRIGGERS)


@pytest.fixture(scope="module")
def rows(triggers: tuple[list[str], list[dict[str, str]]]) -> list[dict[str, str]]:
    return triggers[1]


def test_header_is_exact(triggers: tuple[list[str], list[dict[str, str]]]) -> None:
    assert triggers[0] == TRIGGER_HEADER
    with TRIGGERS.open(encoding="utf-8") as handle:
        assert handle.readline().rstrip("\n") == "\t".join(TRIGGER_HEADER)


def test_lexicon_is_large_and_covers_every_category(rows: list[dict[str, str]]) -> None:
    assert len(rows) >= 450
    per_category = defaultdict(int)
    for row in rows:
        per_category[row["event_type"]] += 1
    for category in MODES:
        assert per_category[category] >= 10, f"too few rows for {category}"


def test_event_type_and_pos(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert row["event_type"] in MODES, row
        assert row["pos"] in {"VERB", "NOUN"}, row


def test_mode_is_valid_for_category(rows: list[dict[str, str]]) -> None:
    for row in rows:
        if row["mode"]:
            assert row["mode"] in MODES[row["event_type"]], row


def test_contexts_are_known(rows: list[dict[str, str]]) -> None:
    for row in rows:
        for context in _split(row["context"], ";"):
            assert context in CONTEXTS, row


def test_lemma_particle_prep_and_object_shapes(rows: list[dict[str, str]]) -> None:
    for row in rows:
        lemma = row["lemma"]
        if row["pos"] == "VERB":
            assert WORD.match(lemma), f"verb lemma must be one lowercase word: {row}"
        else:
            assert PHRASE.match(lemma), f"noun lemma must be lowercase words: {row}"
        assert row["particle"] == "" or WORD.match(row["particle"]), row
        for prep in _split(row["target_preps"], "|"):
            assert WORD.match(prep), row
        objects = _split(row["object"], "|")
        assert len(objects) == len(set(objects)), f"repeated object lemma: {row}"
        for obj in objects:
            assert WORD.match(obj), row
        if row["pos"] == "NOUN":
            assert row["particle"] == "" and row["object"] == "", row


def test_cameo_code_shape(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert re.fullmatch(r"\d{2,4}", row["cameo"]), row
        assert row["cameo"][:2] not in {"00", "01"}, f"statements are not events: {row}"


def test_no_duplicate_keys(rows: list[dict[str, str]]) -> None:
    seen: set[tuple[str, str, str, str]] = set()
    for row in rows:
        key = (row["lemma"], row["pos"], row["particle"], row["object"])
        assert key not in seen, f"duplicate key {key}"
        seen.add(key)


def test_object_lemmas_do_not_overlap_between_rows(rows: list[dict[str, str]]) -> None:
    """An object lemma must select one row only for a given lemma, pos and particle."""
    owner: dict[tuple[str, str, str, str], str] = {}
    for row in rows:
        for obj in _split(row["object"], "|"):
            key = (row["lemma"], row["pos"], row["particle"], obj)
            assert key not in owner, f"object {obj!r} selects two rows for {key[:3]}"
            owner[key] = row["event_type"]


def test_no_pure_reporting_or_light_verbs(rows: list[dict[str, str]]) -> None:
    """Reporting and light verbs are handled in code; vague verbs need a constraint."""
    never = {"say", "tell", "state", "add", "note", "announce", "report", "claim"}
    never |= {"hold", "have", "make", "get", "see", "come", "conduct"}
    constrained = {"take", "give", "go", "put", "set", "open", "reach", "issue", "launch"}
    for row in rows:
        if row["pos"] != "VERB":
            continue
        assert row["lemma"] not in never, row
        if row["lemma"] in constrained:
            assert row["object"] or row["particle"], row


def test_cameo_root_matches_plover_table(rows: list[dict[str, str]]) -> None:
    if not CAMEO2PLOVER.exists():
        pytest.skip("CAMEO2PLOVER reference table not available")
    codes, roots = _load_cameo_table(CAMEO2PLOVER)
    assert codes, "could not parse the conversion table"
    for root, categories in EXTRA_ROOTS.items():
        roots.setdefault(root, set()).update(categories)
    for row in rows:
        code, event = row["cameo"], row["event_type"]
        if (code, event) in CAMEO_EXCEPTIONS:
            continue
        if code in codes:
            assert codes[code] == event, f"{code} is {codes[code]} in the table: {row}"
        else:
            assert code[:2] in roots, f"unknown CAMEO root: {row}"
            assert event in roots[code[:2]], f"root {code[:2]} does not feed {event}: {row}"


def test_exceptions_are_all_used(rows: list[dict[str, str]]) -> None:
    used = {(row["cameo"], row["event_type"]) for row in rows}
    assert used >= CAMEO_EXCEPTIONS


def test_speech_file() -> None:
    header, speech_rows = _read_tsv(SPEECH)
    assert header == SPEECH_HEADER
    assert len(speech_rows) >= 60
    lemmas = [row["lemma"] for row in speech_rows]
    assert len(lemmas) == len(set(lemmas))
    kinds = {row["kind"] for row in speech_rows}
    assert kinds == {
        "say",
        "urge",
        "warn",
        "promise",
        "direct",
        "intend",
        "think",
        "evaluate",
        "nominal",
        "attitude",
        "topic",
    }
    for row in speech_rows:
        assert WORD.match(row["lemma"]), row
        assert row["tense_hint"] == "", row
    by_lemma = {row["lemma"]: row["kind"] for row in speech_rows}
    assert by_lemma["say"] == "say"
    assert by_lemma["according"] == "say"
    assert by_lemma["urge"] == "urge"
    assert by_lemma["warn"] == "warn"
    assert by_lemma["vow"] == "promise"
    assert by_lemma["continue"] == "direct"
    assert by_lemma["criticize"] == "evaluate"


def test_urge_cues_are_also_request_triggers(rows: list[dict[str, str]]) -> None:
    _, speech_rows = _read_tsv(SPEECH)
    request_verbs = {
        row["lemma"] for row in rows if row["pos"] == "VERB" and row["event_type"] == "REQUEST"
    }
    for row in speech_rows:
        if row["kind"] == "urge":
            assert row["lemma"] in request_verbs, row


@pytest.mark.parametrize(
    ("lemma", "pos", "particle", "obj", "expected"),
    [
        ("meet", "VERB", "", "", ("CONSULT", "", "040")),
        ("call", "VERB", "for", "", ("REQUEST", "", "020")),
        (
            "call",
            "VERB",
            "off",
            "talk|meeting|visit|summit|trip|negotiation|consultation",
            ("REJECT", "meet", "125"),
        ),
        ("pull", "VERB", "out", "", ("RETREAT", "withdraw", "0874")),
        ("step", "VERB", "down", "", ("RETREAT", "resign", "0831")),
        ("crack", "VERB", "down", "", ("COERCE", "", "170")),
        ("air strike", "NOUN", "", "", ("ASSAULT", "aerial", "195")),
        ("joint exercise", "NOUN", "", "", ("COOPERATE", "", "062")),
        ("military exercise", "NOUN", "", "", ("MOBILIZE", "troops", "150")),
        ("hunger strike", "NOUN", "", "", ("PROTEST", "hunger", "142")),
    ],
)
def test_known_entries(
    rows: list[dict[str, str]],
    lemma: str,
    pos: str,
    particle: str,
    obj: str,
    expected: tuple[str, str, str],
) -> None:
    matches = [
        (row["event_type"], row["mode"], row["cameo"])
        for row in rows
        if (row["lemma"], row["pos"], row["particle"], row["object"]) == (lemma, pos, particle, obj)
    ]
    assert matches == [expected]


def test_object_rows_for_key_verbs(rows: list[dict[str, str]]) -> None:
    def event_for(lemma: str, obj: str) -> set[str]:
        return {
            row["event_type"]
            for row in rows
            if row["lemma"] == lemma
            and row["pos"] == "VERB"
            and row["particle"] == ""
            and obj in _split(row["object"], "|")
        }

    assert event_for("sign", "agreement") == {"SUPPORT"}
    assert event_for("release", "prisoner") == {"RETREAT"}
    assert event_for("expel", "diplomat") == {"SANCTION"}
    assert event_for("lift", "sanction") == {"RETREAT"}
    assert event_for("lift", "curfew") == {"CONCEDE"}
    assert event_for("impose", "curfew") == {"COERCE"}
    assert event_for("sever", "tie") == set()  # sever has a plain SANCTION row instead
    assert event_for("take", "hostage") == {"ASSAULT"}
    assert event_for("give", "aid") == {"AID"}
