"""Coreference metrics against hand-computed examples, and the ECB+ merge evaluator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bowerbird.evaluation.coref_metrics import b_cubed, ceaf_e, conll, muc
from bowerbird.evaluation.merge import CorefConfig, Mention, average_link, pair_score

KEY = [{"a", "b", "c"}, {"d", "e"}]
RESPONSE = [{"a", "b"}, {"c", "d", "e"}]


def test_muc_hand_computed() -> None:
    # key {a,b,c} is split in 2 (1 link found of 2), {d,e} kept (1 of 1): R = 2/3;
    # response {a,b} 1 of 1, {c,d,e} split in 2 (1 of 2): P = 2/3
    r, p, f = muc(KEY, RESPONSE)
    assert (r, p, f) == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_b_cubed_hand_computed() -> None:
    # recall: a 2/3, b 2/3, c 1/3, d 1, e 1 -> 11/15; precision: 1, 1, 1/3, 2/3, 2/3 -> 11/15
    assert b_cubed(KEY, RESPONSE) == pytest.approx((11 / 15, 11 / 15, 11 / 15))


def test_ceaf_e_hand_computed() -> None:
    # phi4: K1-R1 = 2*2/5 = 0.8, K2-R2 = 2*2/5 = 0.8; best total 1.6 over 2 and 2 clusters
    assert ceaf_e(KEY, RESPONSE) == pytest.approx((0.8, 0.8, 0.8))


def test_conll_is_the_mean_and_perfect_is_one() -> None:
    scores = conll(KEY, RESPONSE)
    assert scores["conll_f1"] == pytest.approx((2 / 3 + 11 / 15 + 0.8) / 3)
    perfect = conll(KEY, KEY)
    assert perfect["conll_f1"] == pytest.approx(1.0)


def test_all_singletons_have_no_muc_links() -> None:
    singles = [{m} for m in "abcde"]
    r, _p, f = muc(KEY, singles)
    assert r == 0.0 and f == 0.0
    assert b_cubed(KEY, singles)[1] == pytest.approx(1.0)  # every response is pure


def test_average_link_stops_at_threshold() -> None:
    sim = [[1, 0.9, 0.1], [0.9, 1, 0.2], [0.1, 0.2, 1]]
    assert sorted(sorted(c) for c in average_link(3, sim, 0.5)) == [[0, 1], [2]]


def _m(lemma: str, args: set[str], ctx: set[str]) -> Mention:
    return Mention(("d", 0, (0,)), "d", lemma, frozenset(args), frozenset(ctx))


def test_pair_score_prefers_same_trigger_and_arguments() -> None:
    cfg = CorefConfig()
    a = _m("quake", {"indonesia"}, {"quake", "hit"})
    same = pair_score(a, _m("quake", {"indonesia"}, {"quake", "hit"}), cfg)
    other_args = pair_score(a, _m("quake", {"chile"}, {"quake", "strike"}), cfg)
    other_trigger = pair_score(a, _m("rescue", {"indonesia"}, {"quake", "hit"}), cfg)
    assert same == pytest.approx(1.0)
    assert same > other_args > other_trigger


def _doc(
    doc_id: str, topic: str, words: list[str], mentions: list[tuple[int, str]]
) -> dict[str, Any]:
    return {
        "id": doc_id,
        "topic": topic,
        "sent_ids": [0],
        "sentences": [words],
        "event_mentions": [
            {"sent": 0, "tokens": [i], "text": words[i], "chain": chain, "type": "ACT"}
            for i, chain in mentions
        ],
        "entity_mentions": [],
    }


def test_evaluate_merge_on_a_small_file(engine: Any, tmp_path: Path) -> None:
    from bowerbird.evaluation.merge import evaluate_merge

    quake = [
        "A",
        "strong",
        "earthquake",
        "struck",
        "Indonesia",
        "on",
        "Monday",
        ",",
        "killing",
        "dozens",
        "in",
        "Aceh",
    ]
    quake2 = [
        "The",
        "earthquake",
        "in",
        "Indonesia",
        "killed",
        "dozens",
        "of",
        "people",
        "in",
        "Aceh",
        "province",
    ]
    fire = [
        "A",
        "wildfire",
        "destroyed",
        "homes",
        "in",
        "California",
        "as",
        "firefighters",
        "battled",
        "the",
        "blaze",
    ]
    records = [
        _doc("1_1ecb", "1", quake, [(2, "Q"), (3, "HIT"), (8, "KILL")]),
        _doc("1_2ecb", "1", quake2, [(1, "Q"), (4, "KILL")]),
        _doc("2_1ecb", "2", fire, [(1, "F"), (2, "DESTROY"), (9, "BATTLE")]),
    ]
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = evaluate_merge(str(path), engine=engine)
    assert result["n"] == 8 and result["documents"] == 3
    for key in ("muc_f1", "b3_f1", "ceafe_f1", "conll_f1"):
        assert 0.0 <= result[key] <= 1.0
    # earthquake~earthquake and killing~killed share lemmas and context: all chains found
    assert result["conll_f1"] == pytest.approx(1.0)
