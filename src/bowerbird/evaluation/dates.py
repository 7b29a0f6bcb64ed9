"""Evaluate temporal-expression detection and normalisation against TimeML gold data.

The gold file is JSONL, one document per line: ``{id, corpus, dct, text, timexes:
[{start, end, text, type, value}]}`` (the format of ``dates_timeml.jsonl``).  Each
document is tagged with :func:`bowerbird.temporal.find_timexes` using its creation
date (``dct``) as the reference date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from bowerbird.errors import EvalError
from bowerbird.temporal import Timex, find_timexes


def _pattern(text: str) -> str:
    """A coarse family name for a gold expression, for the per-pattern breakdown."""
    t = text.lower()
    checks = (
        ("weekday", r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"),
        ("deictic", r"today|yesterday|tomorrow|tonight"),
        ("quarter", r"quarter|period|half"),
        ("ago/earlier", r"\b(ago|earlier|later)\b"),
        ("month-day", r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.? \d"),
        ("month", r"(january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept\.|oct\.|nov\.|dec\.)"),
        ("relative", r"\b(last|this|next|past|coming|previous|following)\b"),
        ("year", r"\d{4}|nineteen|thousand"),
        ("reference", r"now|current|recent|past|future|soon|former|previous"),
    )  # fmt: skip
    for name, rx in checks:
        if re.search(rx, t):
            return name
    return "other"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _read(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"cannot read gold file {path}: {exc}", code="B501") from exc
    docs = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            dt.date.fromisoformat(rec["dct"][:10])
            if not isinstance(rec["text"], str) or not isinstance(rec["timexes"], list):
                raise TypeError("text must be a string and timexes a list")
        except (ValueError, KeyError, TypeError) as exc:
            raise EvalError(f"{path}:{n}: malformed dates record ({exc})", code="B502") from exc
        docs.append(rec)
    return docs


def evaluate_dates(path: str | Path) -> dict[str, Any]:
    """Score :func:`find_timexes` on a TimeML JSONL file.

    Returns ``n`` (gold DATE expressions), ``value_accuracy`` (share of gold DATE
    expressions overlapped by a predicted DATE with exactly the gold value),
    ``detection_recall`` / ``detection_precision`` (span overlap, all types),
    ``date_detection_recall`` (gold DATEs overlapped by any prediction), ``by_pattern``
    (value accuracy per expression family) and ``errors`` (most frequent
    ``(gold text, gold value, predicted value)`` mistakes on DATE expressions).
    """
    docs = _read(Path(path))
    n_date = correct = gold_all = gold_hit = date_hit = pred_all = pred_hit = 0
    by_pattern: dict[str, list[int]] = {}
    errors: Counter[tuple[str, str, str]] = Counter()
    for rec in docs:
        ref = dt.date.fromisoformat(rec["dct"][:10])
        preds: list[Timex] = find_timexes(rec["text"], ref)
        gold = rec["timexes"]
        pred_all += len(preds)
        pred_hit += sum(
            any(_overlaps((p.start, p.end), (g["start"], g["end"])) for g in gold) for p in preds
        )
        for g in gold:
            span = (g["start"], g["end"])
            hits = [p for p in preds if _overlaps((p.start, p.end), span)]
            gold_all += 1
            gold_hit += bool(hits)
            if g["type"] != "DATE":
                continue
            n_date += 1
            date_hit += bool(hits)
            ok = any(p.kind == "DATE" and p.value == g["value"] for p in hits)
            correct += ok
            stats = by_pattern.setdefault(_pattern(g["text"]), [0, 0])
            stats[0] += 1
            stats[1] += ok
            if not ok:
                got = ", ".join(f"{p.kind}:{p.value}" for p in hits) or "(missed)"
                errors[(g["text"], g["value"], got)] += 1
    return {
        "n": n_date,
        "documents": len(docs),
        "value_accuracy": correct / n_date if n_date else 0.0,
        "detection_recall": gold_hit / gold_all if gold_all else 0.0,
        "detection_precision": pred_hit / pred_all if pred_all else 0.0,
        "date_detection_recall": date_hit / n_date if n_date else 0.0,
        "by_pattern": {
            k: {"n": v[0], "value_accuracy": v[1] / v[0]} for k, v in sorted(by_pattern.items())
        },
        "errors": [
            {"gold_text": t, "gold_value": v, "predicted": p, "count": c}
            for (t, v, p), c in errors.most_common()
        ],
    }
