"""``bowerbird merge``: re-cluster stored event reports, or explain a merged event."""

from __future__ import annotations

import json

import click

from bowerbird.cli.common import check_db_file, db_option, open_read, resolve_db
from bowerbird.errors import E_BAD_OPTION, UsageError
from bowerbird.merge.score import MergeConfig
from bowerbird.merge.store import explain, rebuild
from bowerbird.settings import load_settings
from bowerbird.store.writer import Store


@click.command("merge")
@db_option
@click.option(
    "--explain",
    "explain_id",
    default=None,
    metavar="EVENT_ID",
    help="Show the merged event a report belongs to and why its reports were joined.",
)
def merge(db: str | None, explain_id: str | None) -> None:
    """Re-cluster every stored event report with the current merge settings.

    Ingest merges new reports as it goes; run this after changing the merge_* settings.
    No document is reprocessed: only the stored events are compared again.
    """
    if explain_id is not None:
        with open_read(db) as con:
            found = explain(con, explain_id)
        if found["cluster_id"] is None:
            raise UsageError(
                f"no event report with id {explain_id!r} (ids: `bowerbird events --unmerged`)",
                code=E_BAD_OPTION,
            )
        click.echo(json.dumps(found, indent=2, ensure_ascii=False))
        return
    path = resolve_db(db)
    check_db_file(path)
    settings = load_settings({"db": path})
    store = Store.open(path, settings=settings)
    try:
        store.con.execute("BEGIN TRANSACTION")
        try:
            reports, events = rebuild(store.con, MergeConfig.from_settings(settings))
            store.con.execute("COMMIT")
        except BaseException:
            store.con.execute("ROLLBACK")
            raise
    finally:
        store.close()
    click.echo(f"{reports} reports merged into {events} events")


def register(group: click.Group) -> None:
    group.add_command(merge)
