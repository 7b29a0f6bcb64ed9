"""``bowerbird stances``: actors' positions on issues (sanctions, aid, peace talks, ...)."""

from __future__ import annotations

import click

from bowerbird import query_statements
from bowerbird.cli.common import (
    date_range_options,
    db_option,
    open_read,
    output_options,
    parse_date_opt,
)
from bowerbird.export import STANCE_ARROW_SCHEMA, write_rows


@click.command("stances")
@db_option
@click.option("--actor", default=None, help="Actor id, name or country code.")
@click.option("--issue", default=None, help="Issue id(s), comma-separated (see docs/stances.md).")
@click.option(
    "--position",
    type=click.Choice(query_statements.POSITIONS),
    default=None,
    help="Only this position.",
)
@click.option("--target", default=None, metavar="ISO3", help="Issue's target country.")
@click.option("--doc", default=None, help="Only this document id.")
@date_range_options("Stances")
@output_options
def stances(
    db: str | None,
    actor: str | None,
    issue: str | None,
    position: str | None,
    target: str | None,
    doc: str | None,
    since: str | None,
    until: str | None,
    fmt: str,
    output: str | None,
    limit: int | None,
) -> None:
    """List stances: actor x issue x position, with the sentence they rest on."""
    with open_read(db, output) as con:
        rows = query_statements.stances(
            con,
            actor=actor,
            issue=issue,
            position=position,
            target=target,
            doc=doc,
            since=parse_date_opt(since, "--since"),
            until=parse_date_opt(until, "--until"),
            limit=limit,
        )
    write_rows(rows, fmt, output, title="Stances", schema=STANCE_ARROW_SCHEMA)


def register(group: click.Group) -> None:
    group.add_command(stances)
