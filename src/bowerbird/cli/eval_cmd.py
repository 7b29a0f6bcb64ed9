"""``bowerbird eval KIND GOLD_FILE``: score the pipeline against annotated data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from bowerbird.errors import E_PATH_MISSING, UsageError
from bowerbird.evaluation.registry import EVALUATORS, format_report


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
    result = EVALUATORS[kind](gold_file, **options)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, sort_keys=True))
    else:
        click.echo(format_report(kind, result))


def register(group: click.Group) -> None:
    group.add_command(eval_)
