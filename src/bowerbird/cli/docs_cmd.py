"""``bowerbird docs``: the stored documents, and one document's cleaning audit."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bowerbird import query_docs
from bowerbird.cli.common import (
    date_range_options,
    db_option,
    open_read,
    output_options,
    parse_date_opt,
)
from bowerbird.errors import E_BAD_OPTION, UsageError
from bowerbird.export import write_rows


@click.command("docs")
@db_option
@click.option("--doc", default=None, help="Only this document id.")
@click.option("--outlet", default=None, help="Only this outlet.")
@date_range_options("Documents published")
@click.option(
    "--audit",
    is_flag=True,
    help="With --doc: show the cleaned text and every span the cleaner dropped (and why).",
)
@output_options
def docs(
    db: str | None,
    doc: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    audit: bool,
    fmt: str,
    output: str | None,
    limit: int | None,
) -> None:
    """List processed documents (publication date, outlet, counts, cleaning audit size)."""
    if audit:
        if doc is None:
            raise UsageError("--audit needs --doc ID", code=E_BAD_OPTION)
        if fmt not in ("table", "jsonl"):
            raise UsageError(f"--audit writes a table or jsonl, not {fmt}", code=E_BAD_OPTION)
        with open_read(db, output) as con:
            record = query_docs.document(con, doc)
        if record is None:
            raise UsageError(f"no document with id {doc!r}", code=E_BAD_OPTION)
        _print_audit(record, fmt, output)
        return
    with open_read(db, output) as con:
        rows = query_docs.docs(
            con,
            doc=doc,
            outlet=outlet,
            since=parse_date_opt(since, "--since"),
            until=parse_date_opt(until, "--until"),
            limit=limit,
        )
    write_rows(rows, fmt, output, title="Documents")


def _print_audit(record: dict[str, object], fmt: str, output: str | None) -> None:
    """The cleaning audit of one document, as a table or one JSON line (to ``output``)."""
    dropped = record.get("dropped") or []
    if fmt == "jsonl":
        row = {"doc_id": record["doc_id"], "text": record["text"], "dropped": dropped}
        write_rows([json.loads(json.dumps(row, default=str))], "jsonl", output)
        return
    if output is None:
        _audit_table(record, dropped, Console())
        return
    try:
        with open(output, "w", encoding="utf-8") as fh:
            _audit_table(record, dropped, Console(file=fh, width=160))
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}", code=E_BAD_OPTION) from exc


def _audit_table(record: dict[str, object], dropped: object, console: Console) -> None:
    console.print(
        f"[bold]{escape(str(record['doc_id']))}[/bold]  published "
        f"{escape(str(record.get('published')))} ({escape(str(record.get('published_source')))})"
    )
    table = Table(title="Dropped spans (offsets into the pre-clean text)")
    for col in ("start", "end", "rule", "text"):
        table.add_column(col)
    for span in dropped:  # type: ignore[attr-defined]
        table.add_row(
            str(span["start"]),
            str(span["end"]),
            escape(str(span["rule"])),
            escape(str(span["text"])[:100]),
        )
    console.print(table)
    console.print("[bold]Cleaned text[/bold]")
    console.print(escape(str(record["text"])))


def register(group: click.Group) -> None:
    group.add_command(docs)
