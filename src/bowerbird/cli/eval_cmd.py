"""``bowerbird eval KIND GOLD_FILE``: score the pipeline against annotated data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from bowerbird.errors import E_PATH_MISSING, EvalError, UsageError
from bowerbird.evaluation.registry import EVALUATORS, format_report


@contextmanager
def _utf8_only(path: str) -> Iterator[None]:
    """A file that is not UTF-8 text (binary, UTF-16, Latin-1) is a one-line error."""
    try:
        yield
    except UnicodeDecodeError as exc:
        raise EvalError(
            f"cannot read {path}: not UTF-8 text ({exc.reason} at byte {exc.start})",
            code="B502",
        ) from exc


@click.command("eval")
@click.argument("kind", type=click.Choice(sorted(EVALUATORS)))
@click.argument("gold_file", metavar="GOLD_FILE")  # a file, or a folder for KIND corpus
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (for machines).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N records.")
@click.option("--model", default=None, help="spaCy model to evaluate (setting 'model').")
def eval_(kind: str, gold_file: str, as_json: bool, limit: int | None, model: str | None) -> None:
    """Run the pipeline on a gold file of KIND and print the scores."""
    if not Path(gold_file).exists():
        raise UsageError(f"gold file not found: {gold_file}", code=E_PATH_MISSING)
    options: dict[str, Any] = {"limit": limit, "model": model}
    with _utf8_only(gold_file):
        result = EVALUATORS[kind](gold_file, **options)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, sort_keys=True))
    else:
        click.echo(format_report(kind, result))


@click.command("gate")
@click.option(
    "--floors",
    default="quality/floors.json",
    show_default=True,
    metavar="FILE",
    help="The floors file.",
)
@click.option(
    "--gold",
    "gold_dir",
    default="../shared/gold",
    show_default=True,
    metavar="DIR",
    help="Folder holding the gold files named in the floors file.",
)
@click.option("--raise", "raise_", is_flag=True, help="Raise floors to the measured values.")
@click.option(
    "--lower", is_flag=True, help="Also lower floors to the measured values (needs --note)."
)
@click.option("--note", default=None, help="Why a floor is lowered (kept in the floors file).")
def gate(floors: str, gold_dir: str, raise_: bool, lower: bool, note: str | None) -> None:
    """Run every evaluation in the floors file; exit 1 if any falls below its floor."""
    from bowerbird.evaluation.gate import format_checks, run_gate, update_floors

    for p in (floors, gold_dir):
        if not Path(p).exists():
            raise UsageError(f"not found: {p}", code=E_PATH_MISSING)
    with _utf8_only(floors):
        checks, _ = run_gate(Path(floors), Path(gold_dir))
    click.echo(format_checks(checks))
    if raise_ or lower:
        for change in update_floors(Path(floors), checks, lower=lower, note=note):
            click.echo(f"floor changed: {change}")
    elif not all(c.ok for c in checks):
        raise click.exceptions.Exit(1)


def register(group: click.Group) -> None:
    group.add_command(eval_)
    group.add_command(gate)
