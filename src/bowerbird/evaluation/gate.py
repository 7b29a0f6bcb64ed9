"""The quality gate: evaluation floors pinned in ``quality/floors.json``.

Each entry names an evaluation kind, its gold file (relative to the gold folder), and
per metric a ``floor`` (CI fails below it) and the ``target`` the project aims for.
Floors only go up by themselves (``bowerbird gate --raise``); lowering one needs
``--lower`` plus a ``--note`` saying why, which is kept in the file's ``notes``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bowerbird.errors import EvalError
from bowerbird.evaluation.registry import EVALUATORS
from bowerbird.evaluation.runner import make_engine


@dataclass(frozen=True, slots=True)
class Check:
    kind: str
    metric: str
    value: float
    floor: float
    target: float

    @property
    def ok(self) -> bool:
        return self.value + 1e-9 >= self.floor


def load_floors(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read floors file {path}: {exc}", code="B505") from exc
    return data


def run_gate(
    floors_path: Path, gold_dir: Path, *, limit: int | None = None
) -> tuple[list[Check], dict[str, Any]]:
    """Run every evaluation named in the floors file; return the checks and raw results."""
    spec = load_floors(floors_path)
    engine = make_engine()  # one engine (model, lexicon) for every evaluation
    checks: list[Check] = []
    results: dict[str, Any] = {}
    for kind, entry in spec["gates"].items():
        gold = gold_dir / entry["file"]
        if not gold.exists():
            raise EvalError(f"gold file missing for gate {kind!r}: {gold}", code="B506")
        # a gate may score a fixed prefix of a large file to keep CI fast ("limit")
        result = EVALUATORS[entry.get("evaluator", kind)](
            str(gold), limit=entry.get("limit", limit), engine=engine
        )
        results[kind] = {k: v for k, v in result.items() if not isinstance(v, (list, dict))}
        for metric, bounds in entry["metrics"].items():
            checks.append(
                Check(
                    kind,
                    metric,
                    float(result[metric]),
                    float(bounds["floor"]),
                    float(bounds["target"]),
                )
            )
    return checks, results


def update_floors(
    floors_path: Path, checks: list[Check], *, lower: bool = False, note: str | None = None
) -> list[str]:
    """Raise floors to the measured values (rounded down to 0.01); lower only with a note."""
    if lower and not (note and note.strip()):
        raise EvalError("lowering a floor needs --note explaining why", code="B507")
    spec = load_floors(floors_path)
    changes: list[str] = []
    lowered: list[str] = []
    for c in checks:
        bounds = spec["gates"][c.kind]["metrics"][c.metric]
        new = math.floor(c.value * 100) / 100
        if new > bounds["floor"] or (lower and new < bounds["floor"]):
            change = f"{c.kind}.{c.metric}: {bounds['floor']} -> {new}"
            changes.append(change)
            if new < bounds["floor"]:
                lowered.append(change)
            bounds["floor"] = new
    if lowered:
        spec.setdefault("notes", []).append(
            f"{date.today().isoformat()}: lowered {', '.join(lowered)}: {note}"
        )
    floors_path.write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    return changes


def format_checks(checks: list[Check]) -> str:
    lines = [f"{'gate':28s} {'value':>7s} {'floor':>7s} {'target':>7s}"]
    for c in checks:
        mark = "ok" if c.ok else "BELOW FLOOR"
        lines.append(
            f"{c.kind + '.' + c.metric:28s} {c.value:7.3f} {c.floor:7.2f} {c.target:7.2f}  {mark}"
        )
    return "\n".join(lines)
