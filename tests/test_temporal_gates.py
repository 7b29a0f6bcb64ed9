"""Rule gates (``Rule.gate``) only skip text where a rule cannot match: every match of
every rule contains its gate, and gated candidate selection equals the ungated one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bowerbird import temporal
from bowerbird.temporal_rules import rules

REPO = Path(__file__).resolve().parent.parent
TIMEML = REPO.parent / "shared" / "gold" / "dates_timeml.jsonl"

#: Forms of every rule family (own wording), so each gate meets at least one match.
SAMPLES = [
    "The deal, signed on 2021-03-04 and announced 03/04/2021, took effect on Tuesday, "
    "March 3, 2021, or on the 4th of March 2021; talks resumed in May 2019 and in "
    "mid-March, then again last Friday night and this morning.",
    "Yesterday, the day after tomorrow and tonight; the previous week, the same day, "
    "the day before; at year-end and by month end; three weeks ago, two days earlier.",
    "In the 1990s, the '80s and the sixties; the 21st century; fiscal 2020 and FY21; "
    "nineteen ninety-six; last summer and the fall of 2019; the third quarter of 2020, "
    "the year-ago period, Q3 2021 and 2022 Q1.",
    "Right now, currently, in the recent weeks, in the near future and soon; earlier. "
    "More than six months, for years, once a week, every other day; year-earlier "
    "results are published quarterly and biweekly.",
    "Sept. 11, JANUARY 5, MONDAY, ſecond-hand ıdeas, the ſummer, and Q4.",
]


def _texts() -> list[str]:
    texts = list(SAMPLES)
    for path in sorted((REPO / "corpus").rglob("*")):
        if path.is_file() and path.suffix in {".txt", ".html", ".jsonl"}:
            texts.append(path.read_text(encoding="utf-8"))
    if TIMEML.exists():
        with TIMEML.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= 120:
                    break
                texts.append(json.loads(line)["text"])
    return texts


def _raw_matches(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    """Every match of every rule in the scan windows, ungated and before acceptance."""
    return [
        (m.start(), m.end(), idx, m)
        for idx, rule in enumerate(rules())
        for a, b in temporal._windows(text)
        for m in rule.regex.finditer(text, a, b)
    ]


def _ungated_candidates(text: str) -> list[tuple[int, int, int, str]]:
    found = [
        c
        for c in _raw_matches(text)
        if c[1] > c[0] and (rules()[c[2]].accept is None or rules()[c[2]].accept(c[3], text))
    ]
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in found:
        if all(c[1] <= a or c[0] >= b for a, b in taken):
            taken.append((c[0], c[1]))
            chosen.append((c[0], c[1], c[2], c[3].group()))
    return sorted(chosen)


def test_every_rule_has_a_gate() -> None:
    assert all(rule.gate is not None for rule in rules())


@pytest.mark.parametrize("text", _texts()[:5], ids=[f"sample{i}" for i in range(5)])
def test_samples_match_many_rules(text: str) -> None:
    assert len({idx for _, _, idx, _ in _raw_matches(text)}) >= 5


def test_every_match_contains_its_gate() -> None:
    seen_rules: set[str] = set()
    for text in _texts():
        for start, end, idx, _m in _raw_matches(text):
            rule = rules()[idx]
            assert rule.gate is not None
            assert rule.gate.search(text, start, end), (rule.name, text[start:end])
            seen_rules.add(rule.name)
    assert len(seen_rules) >= 20  # the samples reach (almost) every rule


def test_gated_candidates_equal_ungated() -> None:
    for text in _texts():
        gated = [(s, e, i, m.group()) for s, e, i, m in temporal.candidates(text)]
        assert gated == _ungated_candidates(text)
