"""``bowerbird quotes``: what actors said."""

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
from bowerbird.export import QUOTE_ARROW_SCHEMA, write_rows


@click.command("quotes")
@db_option
@click.option("--speaker", default=None, help="Speaker actor id, name or country code.")
@click.option("--country", default=None, metavar="ISO3", help="Speaker's country.")
@click.option("--doc", default=None, help="Only this document id.")
@date_range_options("Quotes")
@click.option("--text", default=None, help="Only quotes containing this text.")
@output_options
def quotes(
    db: str | None,
    speaker: str | None,
    country: str | None,
    doc: str | None,
    since: str | None,
    until: str | None,
    text: str | None,
    fmt: str,
    output: str | None,
    limit: int | None,
) -> None:
    """List quotes and reported speech attributed to actors."""
    with open_read(db, output) as con:
        rows = query_statements.quotes(
            con,
            speaker=speaker,
            country=country,
            doc=doc,
            since=parse_date_opt(since, "--since"),
            until=parse_date_opt(until, "--until"),
            text=text,
            limit=limit,
        )
    write_rows(rows, fmt, output, title="Quotes", schema=QUOTE_ARROW_SCHEMA)


def register(group: click.Group) -> None:
    group.add_command(quotes)
