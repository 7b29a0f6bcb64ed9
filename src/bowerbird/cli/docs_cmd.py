"""``bowerbird docs``: the stored documents."""

from __future__ import annotations

import click

from bowerbird import query
from bowerbird.cli.common import db_option, open_read, output_options, parse_date_opt
from bowerbird.export import write_rows


@click.command("docs")
@db_option
@click.option("--doc", default=None, help="Only this document id.")
@click.option("--outlet", default=None, help="Only this outlet.")
@click.option("--since", default=None, metavar="DATE", help="Published on or after DATE.")
@click.option("--until", default=None, metavar="DATE", help="Published on or before DATE.")
@output_options
def docs(
    db: str | None,
    doc: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    fmt: str,
    output: str | None,
    limit: int | None,
) -> None:
    """List processed documents (publication date, outlet, counts, cleaning audit size)."""
    with open_read(db) as con:
        rows = query.docs(
            con,
            doc=doc,
            outlet=outlet,
            since=parse_date_opt(since, "--since"),
            until=parse_date_opt(until, "--until"),
            limit=limit,
        )
    write_rows(rows, fmt, output, title="Documents")


def register(group: click.Group) -> None:
    group.add_command(docs)
