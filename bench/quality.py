"""Extraction-quality report: run every evaluation and write docs/benchmarks.md's section.

Usage (from the repository root): ``.venv/bin/python bench/quality.py [--gold ../shared/gold]
[--write-docs]``.  Prints the scores and confusion tables as Markdown.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bowerbird.evaluation.registry import EVALUATORS, format_report

REPO = Path(__file__).resolve().parent.parent
RUNS = [
    ("events", "events_plover.jsonl"),
    ("quad", "quad_conflibert.jsonl"),
    ("dates", "dates_timeml.jsonl"),
    ("actors", "actors_ngec.jsonl"),
    ("quotes", "quotes_polnear.jsonl"),
    ("merge", "coref_ecbplus/dev.jsonl"),
]


def render(results: dict[str, dict[str, Any]], gold: Path) -> str:
    out = [
        f"Gold data: `{gold}` (dev sets, see its README). Reproduce with "
        "`.venv/bin/bowerbird eval KIND FILE` or `.venv/bin/python bench/quality.py`.",
        "",
    ]
    out += ["| evaluation | metric | value |", "|---|---|---|"]
    for kind, res in results.items():
        for k, v in sorted(res.items()):
            if isinstance(v, float):
                out.append(f"| {kind} | {k} | {v:.3f} |")
            elif isinstance(v, int) and k.endswith("n"):
                out.append(f"| {kind} | {k} | {v} |")
    for kind, res in results.items():
        if "confusion" in res:
            out += [
                "",
                f"### {kind}: confusion (rows gold, columns predicted)",
                "",
                "```text",
                format_report(kind, {"confusion": res["confusion"]}).split("\n", 2)[-1],
                "```",
            ]
    return "\n".join(out)


def update_docs(block: str) -> None:
    path = REPO / "docs" / "benchmarks.md"
    text = path.read_text(encoding="utf-8")
    start, end = "<!-- quality:start -->", "<!-- quality:end -->"
    new = f"{start}\n{block}\n{end}"
    if start in text:
        text = text[: text.index(start)] + new + text[text.index(end) + len(end) :]
    else:
        text += "\n## Extraction quality\n\n" + new + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", default=str(REPO.parent / "shared" / "gold"))
    ap.add_argument("--write-docs", action="store_true")
    args = ap.parse_args()
    gold = Path(args.gold)
    results = {kind: EVALUATORS[kind](str(gold / name)) for kind, name in RUNS}
    results["corpus"] = EVALUATORS["corpus"](str(REPO / "corpus"))
    block = render(results, gold)
    print(block)
    if args.write_docs:
        update_docs(block)


if __name__ == "__main__":
    main()
