"""Run the real pipeline over gold texts (shared by the evaluators)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from bowerbird.errors import EvalError
from bowerbird.pipeline import Engine, build_engine, process_batch
from bowerbird.records import Article, RawDocument
from bowerbird.settings import Settings, load_settings
from bowerbird.stages.ingest import content_hash


def read_jsonl(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise EvalError(f"{path}:{n}: invalid JSON: {exc.msg}", code="B501") from exc
                if limit is not None and len(out) >= limit:
                    break
    except UnicodeDecodeError as exc:
        raise EvalError(f"cannot read {path}: not UTF-8 text ({exc.reason})", code="B502") from exc
    except OSError as exc:
        raise EvalError(f"cannot read {path}: {exc}", code="B502") from exc
    return out


def make_engine(model: str | None = None) -> Engine:
    settings: Settings = load_settings({"model": model})
    return build_engine(settings)


#: Gold sentences without a date are analysed as if published on this day (the PLOVER
#: gold file's own placeholder), so relative dates resolve and nothing is "undated".
PLACEHOLDER_DATE = "2000-01-01"


def analyse(
    engine: Engine,
    texts: Sequence[str],
    published: Sequence[str | None] | None = None,
    *,
    batch: int = 64,
) -> Iterator[Article]:
    """Run the full pipeline over plain texts, in order; one Article per text."""
    given = list(published) if published is not None else [None] * len(texts)
    pubs = [p or PLACEHOLDER_DATE for p in given]
    for start in range(0, len(texts), batch):
        raws = [
            RawDocument(
                doc_id=f"gold-{start + i}",
                origin="eval",
                content=t,
                fmt="text",
                content_hash=content_hash(t),
                published=pubs[start + i],
                published_from="record" if pubs[start + i] else "none",
            )
            for i, t in enumerate(texts[start : start + batch])
        ]
        yield from process_batch(engine, raws)
