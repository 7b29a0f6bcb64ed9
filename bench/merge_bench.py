"""Benchmark of the event merge on synthetic reports: time and memory at growing sizes.

Usage: ``.venv/bin/python bench/merge_bench.py [--sizes 10000,30000,100000] [--write-docs]``

Synthetic occurrences (random type, dyad among 150 actors, day in one year) are each
reported 1-4 times (another outlet, a day's lag, the dyad reversed for symmetric types,
other sentence wording).  Two paths are timed per size: the in-memory clustering
(blocking + scoring + connected components, :func:`bowerbird.merge.cluster.cluster`) and
a full ``rebuild`` in DuckDB (load the reports with SQL, cluster, write the clusters and
links with Arrow).  Memory is the peak of Python allocations (tracemalloc) during a second,
untimed run of the in-memory clustering.  ``--write-docs`` writes the table into docs/benchmarks.md between
``<!-- merge:start -->`` and ``<!-- merge:end -->``.
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa

from bowerbird.merge.cluster import cluster
from bowerbird.merge.score import MergeConfig, Report
from bowerbird.merge.store import rebuild
from bowerbird.plover import CATEGORIES, SYMMETRIC
from bowerbird.store.arrow import SCHEMAS, insert_table
from bowerbird.store.schema import migrate

REPO = Path(__file__).resolve().parents[1]
WORDS = [
    "talks",
    "summit",
    "meeting",
    "call",
    "agreement",
    "strike",
    "attack",
    "sanctions",
    "protest",
    "aid",
    "visit",
]


def synthetic(n: int, seed: int = 7) -> list[Report]:
    rng = random.Random(seed)
    actors = [f"A{i:03d}" for i in range(150)]
    start = date(2024, 1, 1)
    out: list[Report] = []
    occ = 0
    while len(out) < n:
        occ += 1
        etype = rng.choice(CATEGORIES)
        src, tgt = rng.sample(actors, 2)
        day = start + timedelta(days=rng.randrange(365))
        trigger = rng.choice(WORDS)
        for k in range(min(rng.randint(1, 4), n - len(out))):
            s, t = (tgt, src) if etype in SYMMETRIC and rng.random() < 0.3 else (src, tgt)
            lag = timedelta(days=1) if rng.random() < 0.2 else timedelta(0)
            words = " ".join(rng.sample(WORDS, 5))
            out.append(
                Report(
                    event_id=f"e{occ:07d}-{k}",
                    doc_id=f"d{occ:07d}-{k}",
                    event_type=etype,
                    status="occurred",
                    source=s,
                    targets=frozenset({t}),
                    start=day + lag,
                    precision="day",
                    trigger=trigger,
                    text=f"{s} {trigger} {t} {words}",
                    confidence=rng.random(),
                )
            )
    return out


def _store(reports: list[Report]) -> duckdb.DuckDBPyConnection:
    """An in-memory database holding the reports as events (Arrow bulk insert)."""
    con = duckdb.connect(":memory:")
    migrate(con, ":memory:")
    events = []
    for r in reports:
        events.append(
            {
                "event_id": r.event_id,
                "doc_id": r.doc_id,
                "event_type": r.event_type,
                "context": [],
                "quad_class": 1,
                "score": 0.0,
                "status": r.status,
                "date": r.start,
                "date_precision": r.precision,
                "date_source": "text",
                "source_actor_id": r.source,
                "confidence": r.confidence,
                "trigger": r.trigger,
                "trigger_start": 0,
                "trigger_end": 1,
            }
        )
    insert_table(con, "events", pa.Table.from_pylist(events, schema=SCHEMAS["events"]))
    targets = [
        {"event_id": r.event_id, "position": 0, "actor_id": t, "text": t}
        for r in reports
        for t in r.targets
    ]
    insert_table(
        con, "event_targets", pa.Table.from_pylist(targets, schema=SCHEMAS["event_targets"])
    )
    evidence = [
        {
            "event_id": r.event_id,
            "position": 0,
            "doc_id": r.doc_id,
            "sentence_index": 0,
            "start": 0,
            "end": len(r.text),
            "text": r.text,
        }
        for r in reports
    ]
    insert_table(con, "evidence", pa.Table.from_pylist(evidence, schema=SCHEMAS["evidence"]))
    return con


def measure(n: int) -> dict[str, float]:
    reports = synthetic(n)
    cfg = MergeConfig()
    t0 = time.perf_counter()
    assignment, links = cluster(reports, cfg)
    t_mem = time.perf_counter() - t0
    tracemalloc.start()  # a second run for memory: tracemalloc slows Python down
    cluster(reports, cfg)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    con = _store(reports)
    t0 = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    _, merged = rebuild(con, cfg)
    con.execute("COMMIT")
    t_db = time.perf_counter() - t0
    con.close()
    return {
        "reports": n,
        "events": len(set(assignment.values())),
        "links": len(links),
        "cluster_s": t_mem,
        "rebuild_s": t_db,
        "peak_mb": peak,
        "db_events": merged,
    }


def table(rows: list[dict[str, float]]) -> str:
    lines = [
        "| reports | merged events | links | cluster (s) | µs/report | DuckDB rebuild (s) | "
        "peak Python MB (cluster) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['reports']:,} | {r['events']:,} | {r['links']:,} | {r['cluster_s']:.2f} | "
            f"{1e6 * r['cluster_s'] / r['reports']:.0f} | {r['rebuild_s']:.2f} | "
            f"{r['peak_mb']:.0f} |"
        )
    return "\n".join(lines)


def update_docs(text_block: str) -> None:
    path = REPO / "docs" / "benchmarks.md"
    text = path.read_text(encoding="utf-8")
    start, end = "<!-- merge:start -->", "<!-- merge:end -->"
    block = f"{start}\n{text_block}\n{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text += (
            "\n## Event merging\n\n`.venv/bin/python bench/merge_bench.py --write-docs` "
            "(synthetic reports, see the script's docstring).\n\n" + block + "\n"
        )
    path.write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,30000,100000")
    ap.add_argument("--write-docs", action="store_true")
    args = ap.parse_args()
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        rows.append(measure(n))
        print(table(rows[-1:]).splitlines()[-1], flush=True)
    out = table(rows)
    if len(rows) > 1:
        ratio = (rows[-1]["cluster_s"] / rows[-1]["reports"]) / (
            rows[0]["cluster_s"] / rows[0]["reports"]
        )
        out += (
            f"\n\nTime per report at {rows[-1]['reports']:,} vs {rows[0]['reports']:,} "
            f"reports: {ratio:.2f}× (1.0 = linear)."
        )
    print(out)
    if args.write_docs:
        update_docs(out)


if __name__ == "__main__":
    main()
