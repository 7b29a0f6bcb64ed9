"""``bowerbird events``, ``bowerbird actors`` and ``bowerbird rejections``."""

from __future__ import annotations

import click

from bowerbird import query, query_docs
from bowerbird.cli.common import (
    check_event_types,
    date_range_options,
    db_option,
    event_output_options,
    open_read,
    output_options,
    parse_date_opt,
)
from bowerbird.export import EVENT_ARROW_SCHEMA, write_rows

EVENT_COLUMNS = [
    "date",
    "event_type",
    "mode",
    "status",
    "source",
    "target",
    "location",
    "quad_class",
    "score",
    "reports",
    "sources",
    "evidence",
]


@click.command("events")
@db_option
@click.option(
    "--actor", default=None, help="Actor id, name (substring) or country code, as source or target."
)
@click.option("--source", default=None, help="Source actor id, name or country code.")
@click.option("--target", default=None, help="Target actor id, name or country code.")
@click.option(
    "--type", "event_type", default=None, help="PLOVER category (comma-separated list allowed)."
)
@click.option(
    "--status", type=click.Choice(["occurred", "planned", "hypothetical", "negated"]), default=None
)
@date_range_options("Events")
@click.option("--doc", default=None, help="Only events with evidence in this document id.")
@click.option(
    "--unmerged",
    is_flag=True,
    help="Raw reports, one per extracted event, instead of merged events.",
)
@event_output_options
def events(
    db: str | None,
    actor: str | None,
    source: str | None,
    target: str | None,
    event_type: str | None,
    status: str | None,
    since: str | None,
    until: str | None,
    doc: str | None,
    unmerged: bool,
    fmt: str,
    output: str | None,
    limit: int | None,
) -> None:
    """List coded events (one row per event and target).

    Reports of the same occurrence (other sentences, other outlets) are merged into one
    event with all their evidence; --unmerged shows the raw reports.  --format gdelt
    writes a GDELT-like TSV with one row per event.
    """
    f = query.EventFilter(
        actor=actor,
        source=source,
        target=target,
        event_type=check_event_types(event_type),
        since=parse_date_opt(since, "--since"),
        until=parse_date_opt(until, "--until"),
        doc=doc,
        status=status,
        limit=limit,
        unmerged=unmerged,
    )
    urls: dict[str, str] = {}
    with open_read(db, output) as con:
        rows = query.events(con, f)
        if fmt == "gdelt":
            urls = {d["doc_id"]: d["url"] for d in query_docs.docs(con) if d["url"]}
    write_rows(
        rows,
        fmt,
        output,
        columns=EVENT_COLUMNS if fmt == "table" else None,
        title="Events",
        schema=EVENT_ARROW_SCHEMA,
        urls=urls,
    )


@click.command("actors")
@db_option
@click.option("--actor", default=None, help="Actor id or name (substring).")
@click.option("--country", default=None, help="ISO 3166-1 alpha-3 country code.")
@output_options
def actors(
    db: str | None,
    actor: str | None,
    country: str | None,
    fmt: str,
    output: str | None,
    limit: int | None,
) -> None:
    """List actors with their event and mention counts."""
    with open_read(db, output) as con:
        rows = query.actors(con, actor=actor, country=country, limit=limit)
    write_rows(rows, fmt, output, title="Actors")


@click.command("rejections")
@db_option
@click.option("--code", default=None, help="Only this reason code.")
@output_options
def rejections(
    db: str | None, code: str | None, fmt: str, output: str | None, limit: int | None
) -> None:
    """List rejected documents with their reason codes."""
    with open_read(db, output) as con:
        rows = query_docs.rejections(con, code=code, limit=limit)
    write_rows(rows, fmt, output, title="Rejections")


def register(group: click.Group) -> None:
    for cmd in (events, actors, rejections):
        group.add_command(cmd)
