"""HTTP API load test: ``bowerbird serve`` on loopback against a synthetic database.

Usage (from the repository root)::

    .venv/bin/python bench/load.py [--events 120000] [--requests 1500] [--concurrency 8]
                                   [--db FILE] [--write-docs]

1. Builds (or reuses, if it already holds enough events) a synthetic database with
   ``bench/synth_db.py`` (default ``/tmp/bowerbird-load-<events>.duckdb``).
2. Starts ``bowerbird serve`` on a free loopback port in a subprocess.
3. Walks cursors to find deep pages, then fires a bounded number of requests from a
   thread pool (httpx): the events list (first page, a page ~20k rows deep, filtered by
   actor/type/date and its deep page) and dyad time series (weekly, monthly, symmetric).
4. Prints requests/s and p50/p99 per request kind as a Markdown table plus a JSON line;
   ``--write-docs`` replaces the ``<!-- load:start -->`` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import duckdb
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth_db

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs" / "benchmarks.md"


def ensure_db(path: str, n_events: int) -> tuple[int, float]:
    """Reuse ``path`` if it has at least ``n_events`` events, else build it; (events, secs)."""
    if os.path.exists(path):
        con = duckdb.connect(path, read_only=True)
        try:
            row = con.execute("SELECT count(*) FROM events").fetchone()
        finally:
            con.close()
        if row is not None and int(row[0]) >= n_events:
            return int(row[0]), 0.0
        os.remove(path)
    t0 = time.perf_counter()
    stats = synth_db.build(path, n_events)
    return stats["events"], time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "bowerbird.cli.main", "serve", "--db", db, "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise SystemExit(f"server exited early: {err.strip()}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/summary", timeout=5).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("server did not start within 60 s")


def deep_cursor(client: httpx.Client, url: str, pages: int) -> str | None:
    """The cursor after walking ``pages`` pages of 500 rows from ``url``."""
    cursor = None
    for _ in range(pages):
        sep = "&" if "?" in url else "?"
        page = client.get(url + sep + "limit=500" + (f"&cursor={cursor}" if cursor else "")).json()
        cursor = page["next_cursor"]
        if cursor is None:
            break
    return cursor


def request_mix(client: httpx.Client, deep_pages: int) -> dict[str, str]:
    """Request kind -> URL path, with deep cursors found by walking the lists first."""
    summary = client.get("/api/summary").json()
    top = summary["top_actors"][0]["actor_id"]
    dyad = summary["top_dyads"][0]
    mid = summary["first_date"][:4]
    filt = f"/api/events?actor={top}&type=CONSULT,ASSAULT,ACCUSE&since={mid}-06-01"
    mix = {
        "events first page": "/api/events?limit=50",
        "events filtered": filt + "&limit=50",
        "events by score": "/api/events?sort=score&order=asc&limit=50",
        "series dyad week": f"/api/series?source={dyad['source']}&target={dyad['target']}"
        "&interval=week",
        "series dyad month sym": f"/api/series?source={dyad['source']}&target={dyad['target']}"
        "&interval=month&symmetric=true",
    }
    deep = deep_cursor(client, "/api/events", deep_pages)
    if deep:
        mix["events deep page"] = f"/api/events?limit=50&cursor={deep}"
    deep_f = deep_cursor(client, filt, max(1, deep_pages // 10))
    if deep_f:
        mix["events filtered deep"] = f"{filt}&limit=50&cursor={deep_f}"
    return mix


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def fire(base: str, mix: dict[str, str], n: int, concurrency: int) -> dict[str, Any]:
    """Send ``n`` requests round-robin over ``mix`` from ``concurrency`` threads."""
    jobs = [list(mix.items())[i % len(mix)] for i in range(n)]
    with httpx.Client(base_url=base, timeout=60) as client:

        def one(job: tuple[str, str]) -> tuple[str, float, int]:
            t0 = time.perf_counter()
            r = client.get(job[1])
            return job[0], (time.perf_counter() - t0) * 1000, r.status_code

        for job in mix.items():  # warm-up, not measured
            one(job)
        t0 = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            results = list(pool.map(one, jobs))
        wall = time.perf_counter() - t0
    bad = [r for r in results if r[2] != 200]
    if bad:
        raise SystemExit(f"{len(bad)} requests failed, e.g. {bad[0]}")
    kinds: dict[str, Any] = {}
    for kind in mix:
        ms = [r[1] for r in results if r[0] == kind]
        kinds[kind] = {
            "n": len(ms),
            "p50_ms": round(_pct(ms, 0.5), 1),
            "p99_ms": round(_pct(ms, 0.99), 1),
        }
    all_ms = [r[1] for r in results]
    return {
        "requests": n,
        "concurrency": concurrency,
        "seconds": round(wall, 2),
        "rps": round(n / wall, 1),
        "p50_ms": round(_pct(all_ms, 0.5), 1),
        "p99_ms": round(_pct(all_ms, 0.99), 1),
        "kinds": kinds,
    }


def markdown(res: dict[str, Any], events: int, build_s: float, load: float) -> str:
    from bowerbird.store.schema import SCHEMA_VERSION

    schema = f"Schema v{SCHEMA_VERSION} as shipped"
    built = f"built in {build_s:.1f} s" if build_s else "reused from an earlier run"
    lines = [
        f"{schema}. Synthetic database: **{events:,} events** (bench/synth_db.py, {built}), "
        f"`bowerbird serve` on loopback, {res['requests']} requests from "
        f"{res['concurrency']} client threads, {os.cpu_count()} CPU cores "
        f"(Python {platform.python_version()}); machine load average {load:.1f} when the "
        "run started (other processes).",
        "",
        f"* throughput: **{res['rps']} requests/s**; overall p50 **{res['p50_ms']} ms**, "
        f"p99 **{res['p99_ms']} ms** (target p99 < 200 ms)",
        "",
        "| request | n | p50 ms | p99 ms |",
        "|---|---:|---:|---:|",
    ]
    for kind, k in res["kinds"].items():
        lines.append(f"| {kind} | {k['n']} | {k['p50_ms']} | {k['p99_ms']} |")
    return "\n".join(lines)


def write_docs(text: str, flags: str) -> None:
    start, end = "<!-- load:start -->", "<!-- load:end -->"
    doc = DOCS.read_text(encoding="utf-8")
    command = f".venv/bin/python bench/load.py{flags} --write-docs"
    block = f"{start}\n{text}\n\nReproduce: `{command}`\n{end}"
    if start in doc and end in doc:
        head, rest = doc.split(start, 1)
        doc = head + block + rest.split(end, 1)[1]
    elif "## HTTP API load" in doc:
        doc = doc.rstrip("\n") + "\n\n" + block + "\n"
    else:
        doc = doc.rstrip("\n") + "\n\n## HTTP API load\n\n" + block + "\n"
    DOCS.write_text(doc, encoding="utf-8")


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=120_000)
    ap.add_argument("--requests", type=int, default=1500)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--deep-pages", type=int, default=40, help="pages of 500 before the deep page")
    ap.add_argument("--db", default=None)
    ap.add_argument("--write-docs", action="store_true")
    args = ap.parse_args(argv)
    db = args.db or f"/tmp/bowerbird-load-{args.events}.duckdb"
    events, build_s = ensure_db(db, args.events)
    load = os.getloadavg()[0]
    port = free_port()
    proc = start_server(db, port)
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=120) as client:
            mix = request_mix(client, args.deep_pages)
        res = fire(base, mix, args.requests, args.concurrency)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    text = markdown(res, events, build_s, load)
    print(text)
    print(json.dumps({"events": events, **res}))
    if args.write_docs:
        write_docs(text, f" --concurrency {args.concurrency} --requests {args.requests}")
    return res


if __name__ == "__main__":
    main()
