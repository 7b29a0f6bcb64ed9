"""PLOVER 2.0 reference facts: categories, quad classes, conflict–cooperation scores.

Figures follow the PLOVER manual (draft 0.8/2.0): Table 2.2 for scores and Table 7.2 for
quad classes.  Two deliberate readings, documented in docs/schema.md:

* Table 2.2 prints ACCUSE's base score as ``3``; every ACCUSE mode is negative and the
  category is verbal conflict, so we read it as ``-3``.
* Section 3.13.4 calls SANCTION material conflict while Table 7.2 lists it under verbal
  conflict; we follow Table 7.2 (quad class 3), as the CAMEO-based grouping does.
"""

from __future__ import annotations

CATEGORIES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

QUAD: dict[str, int] = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "SANCTION": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}

#: CAMEO root of each category when the trigger gives no code (the usual root).
DEFAULT_CAMEO_ROOT: dict[str, str] = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "CONCEDE": "08",
    "COOPERATE": "06",
    "AID": "07",
    "RETREAT": "08",
    "REQUEST": "10",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "SANCTION": "16",
    "MOBILIZE": "15",
    "COERCE": "17",
    "ASSAULT": "18",
}

MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    ),
    "ASSAULT": (
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    ),
}

_BASE_SCORE: dict[str, float] = {
    "AGREE": 2.5,
    "CONSULT": 2.5,
    "SUPPORT": 5,
    "CONCEDE": 4.5,
    "COOPERATE": 9.5,
    "AID": 10,
    "RETREAT": 6.5,
    "REQUEST": 0,
    "ACCUSE": -3,
    "REJECT": -2,
    "THREATEN": -3.5,
    "PROTEST": -5,
    "SANCTION": -6,
    "MOBILIZE": -5.5,
    "COERCE": -7,
    "ASSAULT": -9,
}
_MODE_SCORE: dict[tuple[str, str], float] = {
    ("CONSULT", "visit"): 4,
    ("CONSULT", "third-party"): 1,
    ("CONSULT", "multilateral"): 4,
    ("CONSULT", "phone"): 1.5,
    ("RETREAT", "withdraw"): 8,
    ("RETREAT", "release"): 6.5,
    ("RETREAT", "disarm"): 10,
    ("RETREAT", "ceasefire"): 7.5,
    ("RETREAT", "access"): 6.5,
    ("RETREAT", "resign"): 4.5,
    ("REQUEST", "assist"): 0.5,
    ("REQUEST", "change"): -1,
    ("REQUEST", "yield"): -1,
    ("REQUEST", "meet"): 0,
    ("ACCUSE", "disapprove"): -2,
    ("ACCUSE", "investigate"): -3.5,
    ("ACCUSE", "allege"): -3.5,
    ("REJECT", "assist"): -1.5,
    ("REJECT", "change"): -2,
    ("REJECT", "yield"): -2,
    ("REJECT", "meet"): -2,
    ("THREATEN", "restrict"): -3,
    ("THREATEN", "arrest"): -3.5,
    ("THREATEN", "relations"): -3.5,
    ("THREATEN", "expel"): -3.5,
    ("THREATEN", "territory"): -4,
    ("THREATEN", "violence"): -3.5,
    ("PROTEST", "demo"): -5,
    ("PROTEST", "riot"): -7,
    ("PROTEST", "strike"): -5,
    ("PROTEST", "hunger"): -4.5,
    ("PROTEST", "boycott"): -4.5,
    ("PROTEST", "obstruct"): -4.5,
    ("SANCTION", "convict"): -6,
    ("SANCTION", "expel"): -5.5,
    ("SANCTION", "withdraw"): -6,
    ("SANCTION", "discontinue"): -6,
    ("MOBILIZE", "troops"): -6.5,
    ("MOBILIZE", "weapons"): -6.5,
    ("MOBILIZE", "police"): -5.5,
    ("MOBILIZE", "militia"): -6,
    ("COERCE", "seize"): -7,
    ("COERCE", "restrict"): -7,
    ("COERCE", "censor"): -6.5,
    ("COERCE", "curfew"): -6.5,
    ("COERCE", "martial-law"): -7.5,
    ("COERCE", "arrest"): -7,
    ("COERCE", "deport"): -7,
    ("COERCE", "withhold"): -7,
    ("COERCE", "misinformation"): -6.5,
    ("COERCE", "cyber"): -7,
    ("ASSAULT", "abduct"): -8.5,
    ("ASSAULT", "beat"): -7.5,
    ("ASSAULT", "torture"): -8.5,
    ("ASSAULT", "sexual"): -8.5,
    ("ASSAULT", "targeted"): -9.5,
    ("ASSAULT", "destroy"): -8.5,
    ("ASSAULT", "primitive"): -8,
    ("ASSAULT", "firearms"): -9,
    ("ASSAULT", "explosives"): -9,
    ("ASSAULT", "suicide-attack"): -9.5,
    ("ASSAULT", "aerial"): -9.5,
    ("ASSAULT", "drone"): -9.5,
    ("ASSAULT", "heavy-weapons"): -9.5,
    ("ASSAULT", "crowd-control"): -7.5,
    ("ASSAULT", "unconventional"): -10,
}

#: Categories whose two sides are interchangeable (used when comparing dyads).
SYMMETRIC: frozenset[str] = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def score(event_type: str, mode: str | None) -> float:
    """The PLOVER conflict–cooperation score of a category and mode."""
    if mode is not None and (event_type, mode) in _MODE_SCORE:
        return _MODE_SCORE[(event_type, mode)]
    return _BASE_SCORE[event_type]


def quad_class(event_type: str) -> int:
    return QUAD[event_type]


def cameo_root(event_type: str, cameo: str | None) -> str | None:
    """Two-digit CAMEO root from a trigger's CAMEO code, else the category's usual root."""
    if cameo and cameo[:2].isdigit():
        return cameo[:2]
    return DEFAULT_CAMEO_ROOT.get(event_type)
