"""``bowerbird actor``: one actor's profile (identity, offices, events, counterparts, quotes)."""

from __future__ import annotations

import click

from bowerbird.cli.common import check_text_files, db_option, open_read
from bowerbird.errors import E_BAD_OPTION, UsageError
from bowerbird.export import write_rows
from bowerbird.lexicons import load_lexicon
from bowerbird.query_actors import actor_profile, find_actors
from bowerbird.settings import load_settings

#: Profile sections printed as tables, in order, with their titles.
SECTIONS = (
    ("offices", "Offices held"),
    ("event_counts", "Events by type"),
    ("counterparts", "Counterparts"),
    ("latest_quotes", "Latest quotes"),
)


@click.command("actor")
@click.argument("name_or_id")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="Tables for people; jsonl writes the whole profile as one JSON line.",
)
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    metavar="PATH",
    help="Extra lexicon file or folder (office-holder data).",
)
def actor(db: str | None, name_or_id: str, fmt: str, lexicons: tuple[str, ...]) -> None:
    """Show an actor's profile: NAME_OR_ID is an actor id or (part of) a name.

    An exact id or name is used directly; otherwise a name that matches several actors
    lists them (pass one of their ids), and one that matches none is an error.
    """
    with open_read(db) as con:
        found = find_actors(con, name_or_id)
        if not found:
            raise UsageError(f"no actor matches {name_or_id!r}", code=E_BAD_OPTION)
        if len(found) > 1:
            write_rows(found, "table", None, title=f"Actors matching {name_or_id!r}")
            raise UsageError(
                f"{len(found)} actors match {name_or_id!r} (listed above); pass one actor id",
                code=E_BAD_OPTION,
            )
        extra = tuple(lexicons or load_settings().lexicons)
        check_text_files(extra, "lexicon", "B214")
        lexicon = load_lexicon(extra)
        profile = actor_profile(con, str(found[0]["actor_id"]), lexicon)
    if profile is None:  # pragma: no cover - find_actors returned an existing id
        raise UsageError(f"no actor matches {name_or_id!r}", code=E_BAD_OPTION)
    if fmt == "jsonl":
        write_rows([profile], "jsonl", None)
        return
    write_rows([profile["actor"]], "table", None, title="Actor")
    for key, title in SECTIONS:
        if profile.get(key):
            write_rows(profile[key], "table", None, title=title)
    if profile.get("stances"):
        rows = [
            {
                "issue": e["issue"],
                "support": e["support"],
                "oppose": e["oppose"],
                "neutral": e["neutral"],
                "latest": e["latest"]["position"],
                "date": e["latest"]["date"],
                "evidence": e["latest"]["text"],
            }
            for e in profile["stances"]
        ]
        write_rows(rows, "table", None, title="Stances by issue")


def register(group: click.Group) -> None:
    group.add_command(actor)
