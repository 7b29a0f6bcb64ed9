"""Event merging: the pair score, blocking, clustering, the store and the query output."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

import duckdb
import pytest

from _store_fixtures import RUS_MIL, UN, USA, WANG, load_schema, make_article, validate
from bowerbird import query, query_docs
from bowerbird.merge.cluster import UnionFind, candidate_pairs, cluster, representative
from bowerbird.merge.score import MergeConfig, Report, score_pair, stem
from bowerbird.merge.store import explain, rebuild
from bowerbird.records import Article
from bowerbird.settings import Settings, load_settings
from bowerbird.store.arrow import TABLE_ORDER, build_tables, insert_table
from bowerbird.store.schema import MIGRATIONS, migrate
from bowerbird.store.writer import Store

CFG = MergeConfig()


def rep(event_id: str, **kw: Any) -> Report:
    base: dict[str, Any] = {
        "doc_id": "d1",
        "event_type": "CONSULT",
        "status": "occurred",
        "source": "USA",
        "targets": frozenset({"CHN"}),
        "start": date(2024, 3, 1),
        "precision": "day",
        "trigger": "talks",
        "text": "US and Chinese officials held talks in Beijing on Friday.",
    }
    base.update(kw)
    return Report(event_id=event_id, **base)


def test_merge_config_defaults_match_settings() -> None:
    assert MergeConfig.from_settings(Settings()) == MergeConfig()


def test_merge_weights_are_settings_from_toml(tmp_path: Any) -> None:
    toml = tmp_path / "bowerbird.toml"
    toml.write_text("merge_threshold = 0.9\nmerge_w_context = 0.5\n", encoding="utf-8")
    cfg = MergeConfig.from_settings(load_settings(config_file=toml, environ={}))
    assert cfg.threshold == 0.9 and cfg.w_context == 0.5


def test_score_same_report_restated_scores_high_with_reasons() -> None:
    scored = score_pair(
        rep("a"), rep("b", doc_id="d2", text="Talks between the US and China."), CFG
    )
    assert scored is not None
    score, why = scored
    assert score >= CFG.threshold
    assert why["dyad"] == "same dyad" and why["date"] == "same day"
    assert why["same_doc"] is False


@pytest.mark.parametrize(
    "change",
    [
        {"event_type": "ACCUSE"},
        {"status": "planned"},
        {"start": date(2024, 3, 5)},  # a different meeting of the same pair
        {"source": "RUS", "targets": frozenset({"UKR"})},
        {"source": "RUS"},  # conflicting source
        {"country": "FRA", "place": "Paris"},  # vs. a report placed in China
    ],
)
def test_score_hard_constraints_keep_reports_apart(change: dict[str, Any]) -> None:
    a = rep("a", country="CHN", place="Beijing")
    assert score_pair(a, rep("b", **change), CFG) is None


def test_score_symmetric_types_match_in_either_direction() -> None:
    back = rep("b", source="CHN", targets=frozenset({"USA"}))
    scored = score_pair(rep("a"), back, CFG)
    assert scored is not None and "symmetric" in str(scored[1]["dyad"])
    accuse = {"event_type": "ACCUSE"}
    assert (
        score_pair(
            rep("a", **accuse), rep("b", source="CHN", targets=frozenset({"USA"}), **accuse), CFG
        )
        is None
    )


def test_score_coarser_precision_and_tolerance() -> None:
    month = rep("b", start=date(2024, 3, 1), precision="month")
    later = rep("c", start=date(2024, 3, 20))
    assert score_pair(later, month, CFG) is not None  # 20 March lies inside March
    assert score_pair(rep("a"), rep("d", start=date(2024, 3, 2)), CFG) is not None  # 1 day lag
    assert score_pair(rep("a"), rep("e", start=date(2024, 3, 3)), CFG) is None


def test_score_weights_change_the_decision() -> None:
    a = rep("a", trigger="met", text="x")
    b = rep("b", trigger="spoke", text="y", targets=frozenset(), source="USA")
    loose = score_pair(a, b, CFG)
    assert loose is not None
    strict = dataclasses.replace(CFG, w_trigger=5.0, w_context=5.0)
    tight = score_pair(a, b, strict)
    assert tight is not None and tight[0] < loose[0]


def test_stem_groups_inflections() -> None:
    assert stem("talks") == stem("talk")
    assert stem("meeting") == stem("meets")


def test_blocking_compares_only_shared_actor_and_overlapping_dates() -> None:
    reports = [
        rep("a"),
        rep("b", start=date(2024, 3, 2)),
        rep("c", start=date(2024, 6, 1)),  # far in time
        rep("d", source="RUS", targets=frozenset({"UKR"})),  # no shared actor
    ]
    pairs = {tuple(sorted((x.event_id, y.event_id))) for x, y in candidate_pairs(reports, 1)}
    assert pairs == {("a", "b")}
    only = {tuple(sorted((x.event_id, y.event_id))) for x, y in candidate_pairs(reports, 1, {"c"})}
    assert only == set()


def test_cluster_chains_and_distinct_days_stay_distinct() -> None:
    reports = [
        rep("a"),
        rep("b", doc_id="d2"),
        rep("c", doc_id="d3", source="CHN", targets=frozenset({"USA"})),
        rep("z", doc_id="d4", start=date(2024, 3, 10)),  # same pair, another day
    ]
    assignment, links = cluster(reports, CFG)
    assert assignment["a"] == assignment["b"] == assignment["c"]
    assert assignment["z"] == "z"
    assert all(link.a < link.b for link in links)


def test_representative_prefers_text_dated_fine_precision() -> None:
    members = [
        rep("a", date_source="published"),
        rep("b", precision="month"),
        rep("c"),
    ]
    assert representative(members).event_id == "c"


def test_union_find_groups() -> None:
    uf = UnionFind(["x", "y", "z"])
    uf.union("z", "y")
    assert uf.groups() == {"x": ["x"], "y": ["y", "z"]}


# -- the store ------------------------------------------------------------------------


def _article(doc_id: str, outlet: str, text: str, **event: Any) -> Article:
    art = make_article(doc_id, text, events=(event,))
    assert art.document is not None
    return dataclasses.replace(art, document=dataclasses.replace(art.document, outlet=outlet))


def _batch_a() -> list[Article]:
    return [
        _article("a1", "Wire One", "US officials accused China of hacking on Friday."),
        _article("a2", "Daily Two", "Washington blamed Beijing for the cyber attack on Friday."),
        _article(
            "a3",
            "Wire One",
            "Russia's army shelled the town on Friday.",
            event_type="ASSAULT",
            source=RUS_MIL,
            targets=(UN,),
        ),
    ]


def _batch_b() -> list[Article]:
    return [
        _article("b1", "Herald Three", "The US accused China over the hack, officials said."),
        _article(
            "b2", "Herald Three", "A week later the US again accused China.", date="2024-03-08"
        ),
        _article(
            "b3",
            "Post Four",
            "Wang Yi met US envoys.",
            event_type="CONSULT",
            source=WANG,
            targets=(USA,),
        ),
    ]


def _merged(batches: list[list[Article]]) -> set[frozenset[str]]:
    store = Store.open(":memory:")
    for batch in batches:
        store.write_batch(batch)
    groups: dict[str, set[str]] = {}
    for event_id, cluster_id in store.con.execute(
        "SELECT event_id, cluster_id FROM event_clusters"
    ).fetchall():
        groups.setdefault(cluster_id, set()).add(event_id)
    store.close()
    return {frozenset(g) for g in groups.values()}


def test_merge_is_independent_of_ingest_order() -> None:
    a, b = _batch_a(), _batch_b()
    together = _merged([a + b])
    assert _merged([a, b]) == together
    assert _merged([b, a]) == together
    assert _merged([[x] for x in reversed(a + b)]) == together
    assert frozenset({"a1-e0", "a2-e0", "b1-e0"}) in together  # one hack, three outlets
    assert frozenset({"b2-e0"}) in together  # a week later: another event


def test_incremental_merge_matches_rebuild() -> None:
    store = Store.open(":memory:")
    store.write_batch(_batch_b())
    store.write_batch(_batch_a())
    before = sorted(store.con.execute("SELECT * FROM event_clusters").fetchall())
    rebuild(store.con, CFG)
    after = sorted(store.con.execute("SELECT * FROM event_clusters").fetchall())
    store.close()
    assert before == after


def test_query_merged_events_have_reports_sources_and_all_evidence() -> None:
    store = Store.open(":memory:")
    store.write_batch(_batch_a() + _batch_b())
    con = store.con
    merged = query.events(con, query.EventFilter(event_type="ACCUSE"))
    raw = query.events(con, query.EventFilter(event_type="ACCUSE", unmerged=True))
    assert len(raw) == 4 and len(merged) == 2
    big = max(merged, key=lambda e: e["reports"])
    assert big["reports"] == 3 and big["sources"] == 3
    assert {e["doc_id"] for e in big["evidence"]} == {"a1", "a2", "b1"}
    assert all(r["reports"] == 1 and r["sources"] == 1 for r in raw)
    schema = load_schema("event.schema.json")
    for row in merged + raw:
        assert validate(row, schema) == []
    # the doc filter finds the merged event through any of its reports
    via_b1 = query.events(con, query.EventFilter(doc="b1"))
    assert [e["event_id"] for e in via_b1] == [big["event_id"]]
    assert query.count_events(con, query.EventFilter(event_type="ACCUSE")) == 2
    why = explain(con, "b1-e0")
    assert why["cluster_id"] == big["event_id"] and len(why["members"]) == 3
    assert why["links"] and all(k["reasons"]["type"] == "ACCUSE" for k in why["links"])
    summary = query_docs.summary(con)
    assert summary["reports"] == 6 and summary["events"] == 4
    store.close()


def test_upgraded_database_merges_new_reports_into_old_events(tmp_path: Any) -> None:
    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    migrate(con, path, MIGRATIONS[:1])  # a database written before the merge migration
    tables = build_tables(_batch_a(), [], datetime(2024, 3, 2))
    v1_tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    for name in TABLE_ORDER:
        if name not in v1_tables or not tables[name].num_rows:
            continue
        # only the columns schema v1 had (later migrations add some, e.g. to quotes)
        cols = [d[0] for d in con.execute(f"SELECT * FROM {name} LIMIT 0").description]
        insert_table(con, name, tables[name].select(cols))
    con.close()
    store = Store.open(path)  # migrates: every old report is its own event
    old = dict(store.con.execute("SELECT * FROM event_clusters").fetchall())
    assert old == {e: e for e in ("a1-e0", "a2-e0", "a3-e0")}
    store.write_batch(_batch_b())  # b1 reports the same hack as a1 and a2
    merged = dict(store.con.execute("SELECT * FROM event_clusters").fetchall())
    assert merged["b1-e0"] == merged["a1-e0"] == merged["a2-e0"]
    store.close()
