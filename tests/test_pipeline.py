"""Pipeline: stage contract checks, failure isolation, workers, report escaping."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, ClassVar

import pytest

from bowerbird import pipeline, query
from bowerbird.errors import ConfigError, StoreError
from bowerbird.pipeline import check_stages, process_batch, run
from bowerbird.records import Article, RawDocument
from bowerbird.report import render_report
from bowerbird.settings import Settings
from bowerbird.stages.ingest import content_hash
from bowerbird.store.writer import Store

ARTICLES = {
    "a.txt": "Published: 16 August 2021\n\nChinese Foreign Minister Wang Yi held a phone call with "
    "U.S. Secretary of State Antony Blinken on Monday. Washington imposed sanctions on Moscow.",
    "b.txt": "Published: 24 February 2022\n\nRussia attacked Ukraine on Thursday. The European "
    "Union condemned the invasion and Britain froze Russian assets.",
    "c.txt": "Published: 10 March 2023\n\nSaudi Arabia and Iran agreed on Friday to restore "
    "diplomatic relations after talks in Beijing, China said.",
}


class _Needs:
    name: ClassVar[str] = "needs"
    requires: ClassVar[frozenset[str]] = frozenset({"events"})
    provides: ClassVar[frozenset[str]] = frozenset({"stances"})

    def __call__(self, article: Article, settings: Settings) -> Article:
        return article


def test_pipeline_checks_requires_and_provides(engine: Any) -> None:
    check_stages(engine.stages)  # the real pipeline is consistent
    with pytest.raises(ConfigError) as exc:
        check_stages([_Needs(), *engine.stages])
    assert "B220" in str(exc.value)


class _Boom:
    name: ClassVar[str] = "boom"
    requires: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset()

    def __call__(self, article: Article, settings: Settings) -> Article:
        if "explode" in article.raw.content:
            raise RuntimeError("kaboom")
        return article


def test_pipeline_one_failing_document_does_not_abort_the_batch(engine: Any) -> None:
    bad_engine = dataclasses.replace(engine, after_nlp=[*engine.after_nlp, _Boom()])
    raws = [
        RawDocument(
            n, n, t, "text", content_hash(t), published="2021-08-16", published_from="record"
        )
        for n, t in [("ok", "Iran attacked Israel on Saturday."), ("bad", "Please explode now.")]
    ]
    arts = {a.raw.doc_id: a for a in process_batch(bad_engine, raws)}
    assert arts["ok"].rejection is None and arts["ok"].events
    rej = arts["bad"].rejection
    assert rej is not None and (rej.stage, rej.code) == ("boom", "internal_error")
    assert "kaboom" in rej.detail
    assert all(a.nlp is None for a in arts.values())


def _ingest(folder: Path, db: Path, settings: Settings, engine: Any = None) -> list[dict[str, Any]]:
    store = Store.open(str(db))
    run(
        [str(folder)],
        settings,
        write=store.write_batch,
        known_hashes=store.known_hashes,
        engine=engine,
    )
    rows = query.events(store.con)
    store.close()
    return rows


def test_pipeline_two_workers_give_the_same_events_as_one(engine: Any, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    one = _ingest(folder, tmp_path / "one.duckdb", engine.settings, engine)
    two = _ingest(folder, tmp_path / "two.duckdb", dataclasses.replace(engine.settings, workers=2))
    assert one and one == two


def test_pipeline_result_does_not_depend_on_ingest_order(engine: Any, tmp_path: Path) -> None:
    first, second = tmp_path / "x", tmp_path / "y"
    for folder in (first, second):
        folder.mkdir()
    (first / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    (second / "b.txt").write_text(ARTICLES["b.txt"], encoding="utf-8")
    db1, db2 = tmp_path / "1.duckdb", tmp_path / "2.duckdb"
    for db, order in ((db1, (first, second)), (db2, (second, first))):
        store = Store.open(str(db))
        for folder in order:
            run(
                [str(folder)],
                engine.settings,
                write=store.write_batch,
                known_hashes=store.known_hashes,
                engine=engine,
            )
        store.close()
    with Store.open(str(db1), read_only=True) as s1, Store.open(str(db2), read_only=True) as s2:
        assert query.events(s1.con) == query.events(s2.con)


def test_report_escapes_article_text(engine: Any, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    evil = (
        'Published: 16 August 2021\n\nIran attacked Israel on Saturday <script>alert("x")</script> '
        'and <img src=x onerror="alert(1)"> officials said.'
    )
    (folder / "evil.txt").write_text(evil, encoding="utf-8")
    store = Store.open(str(tmp_path / "e.duckdb"))
    run(
        [str(folder)],
        engine.settings,
        write=store.write_batch,
        known_hashes=store.known_hashes,
        engine=engine,
    )
    html = render_report(store.con)
    store.close()
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def _folder_of_articles(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:02d}.txt").write_text(
            f"Published: 16 August 2021\n\nIran attacked Israel on Saturday, day {i} said.",
            encoding="utf-8",
        )
    return folder


@pytest.mark.parametrize("cores", [1, 2])
def test_batches_are_written_in_order_while_the_next_is_parsed(
    engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cores: int
) -> None:
    monkeypatch.setattr(pipeline, "_cores", lambda: cores)
    settings = dataclasses.replace(engine.settings, batch_size=3)
    written: list[list[str]] = []
    report = run(
        [str(_folder_of_articles(tmp_path, 8))],
        settings,
        write=lambda arts, rejs: written.append([a.raw.doc_id for a in arts]),
        known_hashes=lambda hashes: set(),
        engine=engine,
    )
    assert report.processed == 8
    assert [len(b) for b in written] == [3, 3, 2]
    assert [d for b in written for d in b] == sorted(d for b in written for d in b)


def test_a_failing_write_stops_the_run_with_its_error(
    engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "_cores", lambda: 2)
    settings = dataclasses.replace(engine.settings, batch_size=2)
    calls: list[int] = []

    def write(arts: Any, rejs: Any) -> None:
        calls.append(len(arts))
        if len(calls) == 2:
            raise StoreError("disk full", code="B406")

    with pytest.raises(StoreError, match="disk full"):
        run(
            [str(_folder_of_articles(tmp_path, 8))],
            settings,
            write=write,
            known_hashes=lambda hashes: set(),
            engine=engine,
        )
    assert calls == [2, 2]  # nothing is written after the failed batch
