"""The evaluators ``bowerbird eval`` knows, and a plain-text rendering of their results."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bowerbird.evaluation.actors import evaluate_actors
from bowerbird.evaluation.corpus import evaluate_corpus
from bowerbird.evaluation.dates import evaluate_dates
from bowerbird.evaluation.events import evaluate_events, evaluate_quad
from bowerbird.evaluation.merge import evaluate_merge
from bowerbird.evaluation.quotes import evaluate_quotes

Evaluator = Callable[..., dict[str, Any]]


def _dates(path: str, **options: Any) -> dict[str, Any]:
    return evaluate_dates(path)  # no pipeline needed: engine/model/limit do not apply


EVALUATORS: dict[str, Evaluator] = {
    "actors": evaluate_actors,
    "corpus": evaluate_corpus,
    "dates": _dates,
    "events": evaluate_events,
    "merge": evaluate_merge,
    "quad": evaluate_quad,
    "quotes": evaluate_quotes,
}


def format_report(kind: str, result: dict[str, Any]) -> str:
    """Scores first, then any confusion table, as aligned plain text."""
    lines = [f"eval {kind}"]
    for key in sorted(result):
        value = result[key]
        if isinstance(value, float):
            lines.append(f"  {key:32s} {value:.3f}")
        elif isinstance(value, int):
            lines.append(f"  {key:32s} {value}")
    confusion = result.get("confusion")
    if isinstance(confusion, dict) and confusion:
        labels = sorted({g for g in confusion} | {p for row in confusion.values() for p in row})
        width = max(6, *(len(str(x)) for x in labels))
        lines.append("")
        lines.append("confusion (rows: gold, columns: predicted)")
        lines.append(" " * (width + 1) + " ".join(f"{str(p)[:width]:>{width}}" for p in labels))
        for g in labels:
            row = confusion.get(g, {})
            lines.append(f"{g!s:>{width}} " + " ".join(f"{row.get(p, 0):>{width}}" for p in labels))
    for key in ("errors", "per_category"):
        extra = result.get(key)
        if isinstance(extra, list) and extra:
            lines.append("")
            lines.append(f"{key}:")
            lines.extend(f"  {item}" for item in extra[:40])
        elif isinstance(extra, dict) and extra:
            lines.append("")
            lines.append(f"{key}:")
            lines.extend(f"  {k}: {v}" for k, v in sorted(extra.items()))
    return "\n".join(lines)
