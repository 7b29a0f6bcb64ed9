"""Stances: polarity rules on hand-written sentences, the issue files, store and query, CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from _store_fixtures import load_schema, make_article, validate
from bowerbird import query_docs, query_statements
from bowerbird.cli.main import cli
from bowerbird.errors import ConfigError, UsageError
from bowerbird.issues import load_issues
from bowerbird.pipeline import build_engine
from bowerbird.settings import Settings
from bowerbird.stages.stances import StancesStage
from bowerbird.store.writer import Store

STANCE_SCHEMA = load_schema("stance.schema.json")


def _stances(analyse: Any, text: str) -> set[tuple[str | None, str, str, str | None]]:
    art = analyse(text)
    return {(s.actor.actor.country, s.issue, s.position, s.target_country) for s in art.stances}


def test_stances_lifting_sanctions_is_opposing_them(analyse: Any) -> None:
    got = _stances(analyse, "China is calling for sanctions against Afghanistan to be lifted.")
    assert ("CHN", "sanctions", "oppose", "AFG") in got


def test_stances_negation_flips_support(analyse: Any) -> None:
    got = _stances(analyse, "Russia did not support new sanctions on Iran.")
    assert ("RUS", "sanctions", "oppose", "IRN") in got
    got = _stances(analyse, "The European Union imposed sanctions on Russia.")
    assert any(s[1:] == ("sanctions", "support", "RUS") for s in got)


def test_stances_condemn_and_welcome(analyse: Any) -> None:
    got = _stances(
        analyse,
        "The United States condemned the terrorist attack in Kabul. "
        "Washington welcomed the agreement on a ceasefire.",
    )
    assert ("USA", "political_violence", "oppose", "AFG") in got
    # a cue naming the opposite of its issue: condemning terrorism supports counterterrorism
    assert ("USA", "counterterrorism", "support", "AFG") in got
    assert ("USA", "peace_talks", "support", None) in got


def test_stances_nested_attitudes_multiply(analyse: Any) -> None:
    got = _stances(analyse, "Iran rejected the demand to halt uranium enrichment.")
    assert ("IRN", "nuclear_programme", "support", None) in got
    got = _stances(analyse, "Pakistan urged donors to unfreeze Afghan assets.")
    assert ("PAK", "frozen_assets", "oppose", "AFG") in got


def test_stances_conjoined_actors_each_get_the_stance(analyse: Any) -> None:
    got = _stances(analyse, "Saudi Arabia and Iran agreed to restore diplomatic relations.")
    assert {
        ("SAU", "diplomatic_recognition", "support"),
        ("IRN", "diplomatic_recognition", "support"),
    } <= {s[:3] for s in got}


def test_stances_mere_mention_is_no_stance_but_a_condition_is_mixed(analyse: Any) -> None:
    assert _stances(analyse, "Officials said the sanctions took effect on Monday.") == set()
    art = analyse("Blinken said any legitimacy for the Taliban would have to be earned.")
    assert [(s.issue, s.position) for s in art.stances] == [("diplomatic_recognition", "neutral")]


def test_stances_carry_evidence_and_links(analyse: Any) -> None:
    text = "Beijing announced that it would provide Afghanistan with emergency aid."
    art = analyse(text)
    (st,) = [s for s in art.stances if s.issue == "humanitarian_aid"]
    assert st.position == "support" and st.target_country == "AFG"
    assert text[st.evidence.start : st.evidence.end] == st.evidence.text == text
    assert st.date == "2021-08-16"


def test_stances_user_issue_file_extends_the_taxonomy(tmp_path: Path, nlp: Any) -> None:
    extra = tmp_path / "climate.tsv"
    extra.write_text("issue\tlabel\tcues\nclimate\tclimate policy\temissions cuts|carbon tax\n")
    lex = load_issues([extra])
    assert "climate" in lex.issues and "sanctions" in lex.issues
    engine = build_engine(Settings(issues=(str(extra),)), nlp=nlp)
    stage = next(s for s in engine.after_nlp if isinstance(s, StancesStage))
    assert ("emissions", "cuts") in stage.cues
    bad = tmp_path / "bad.tsv"
    bad.write_text("what\tever\n")
    with pytest.raises(ConfigError, match="B215"):
        load_issues([bad])


@pytest.fixture
def store(tmp_path: Path) -> Any:
    arts = [
        make_article("d1", "US accused China.\nMore text.", published="2024-03-02"),
        make_article(
            "d2",
            "The UN condemned the US.",
            events=(),
            published="2024-05-02",
            stance_issue="trade",
        ),
    ]
    with Store.open(str(tmp_path / "s.duckdb")) as s:
        s.write_batch(arts)
        yield s


def test_stances_query_filters_and_shape(store: Store) -> None:
    rows = query_statements.stances(store.con)
    assert [r["stance_id"] for r in rows] == ["d1-s0", "d2-s0"]
    for r in rows:
        assert validate(r, STANCE_SCHEMA) == []
    assert rows[0]["evidence"] == {
        "doc_id": "d1",
        "sentence_index": 0,
        "start": 0,
        "end": 17,
        "text": "US accused China.",
    }
    assert rows[0]["event_id"] == "d1-e0" and rows[1]["event_id"] is None
    assert [r["stance_id"] for r in query_statements.stances(store.con, issue="trade")] == ["d2-s0"]
    assert len(query_statements.stances(store.con, issue="trade, sanctions")) == 2
    assert len(query_statements.stances(store.con, actor="CHN")) == 2  # Wang Yi
    assert query_statements.stances(store.con, actor="USA") == []
    assert [r["stance_id"] for r in query_statements.stances(store.con, target="usa")] == ["d1-s0"]
    assert query_statements.stances(store.con, position="support") == []
    assert [
        r["stance_id"] for r in query_statements.stances(store.con, since=date(2024, 4, 1))
    ] == ["d2-s0"]
    assert len(query_statements.stances(store.con, until=date(2024, 4, 1), limit=5)) == 1
    with pytest.raises(UsageError):
        query_statements.stances(store.con, position="maybe")
    assert query_docs.summary(store.con)["stances"] == 2


def test_stances_cli_formats_and_errors(store: Store, tmp_path: Path) -> None:
    db = store.path
    store.close()
    runner = CliRunner()
    res = runner.invoke(cli, ["stances", "--db", db, "--format", "jsonl", "--issue", "trade"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert [r["issue"] for r in rows] == ["trade"]
    res = runner.invoke(cli, ["stances", "--db", db, "--format", "csv"])
    assert res.output.splitlines()[0].startswith("stance_id,actor_actor_id")
    out = tmp_path / "s.parquet"
    res = runner.invoke(cli, ["stances", "--db", db, "--format", "parquet", "-o", str(out)])
    assert res.exit_code == 0 and out.is_file()
    res = runner.invoke(cli, ["stances", "--db", db, "--since", "yesterday"])
    assert res.exit_code != 0 and "Traceback" not in res.output
    res = runner.invoke(cli, ["quotes", "--db", db, "--country", "CHN", "--format", "jsonl"])
    assert len(res.output.splitlines()) == 2
    assert json.loads(res.output.splitlines()[0])["event_ids"] == ["d1-e0"]
