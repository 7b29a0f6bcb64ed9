"""``bowerbird ingest PATH...``: run the pipeline and store the results."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bowerbird import query_docs
from bowerbird.cli.common import check_output_file, check_text_files
from bowerbird.errors import E_NO_INPUT, UsageError
from bowerbird.issues import E_BAD_ISSUES
from bowerbird.pipeline import RunReport, run
from bowerbird.report import write_report
from bowerbird.settings import load_settings
from bowerbird.stages.ingest import collect_files, parse_cli_date
from bowerbird.store.writer import Store


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--db", default=None, metavar="FILE", help="DuckDB database file (created if missing)."
)
@click.option(
    "--published",
    default=None,
    metavar="DATE",
    help="Publication date (YYYY-MM-DD) for documents that state none.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1, max=64),
    default=None,
    help="Number of worker processes (default 1).",
)
@click.option("--model", default=None, help="spaCy model package or path (setting 'model').")
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    metavar="PATH",
    help="Extra lexicon file or folder of .tsv files (overrides built-ins).",
)
@click.option(
    "--issues",
    "issues",
    multiple=True,
    metavar="PATH",
    help="Extra issue taxonomy or stance verb file (docs/stances.md; overrides built-ins).",
)
@click.option(
    "--report",
    "report_path",
    default=None,
    metavar="FILE",
    help="Where to write the HTML summary report (default: next to the database).",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    published: str | None,
    workers: int | None,
    model: str | None,
    lexicons: tuple[str, ...],
    issues: tuple[str, ...],
    report_path: str | None,
    quiet: bool,
) -> None:
    """Ingest files and folders (.html, .txt, .jsonl/.json, and .gz of these)."""
    settings = load_settings(
        {
            "db": db,
            "published": parse_cli_date(published) if published else None,
            "workers": workers,
            "model": model,
            "lexicons": lexicons or None,
            "issues": issues or None,
        }
    )
    files, skipped = collect_files(paths)  # fails early on a missing path
    if not files:
        raise UsageError(
            f"nothing to ingest in {', '.join(paths)}: no .html, .htm, .txt, .json or .jsonl "
            f"file (or .gz of one); {skipped} file(s) ignored or of another type",
            code=E_NO_INPUT,
        )
    check_text_files(settings.lexicons, "lexicon", "B214")
    check_text_files(settings.issues, "issues", E_BAD_ISSUES)
    if report_path:
        check_output_file(report_path, "--report")
    check_output_file(settings.db, "--db")
    console = Console(stderr=True)
    store = Store.open(settings.db, settings=settings)
    try:
        with _progress(console, quiet or not console.is_terminal) as (bar, task):
            bar.update(task, total=None)
            report = run(
                list(paths),
                settings,
                write=lambda arts, rejs: store.write_batch(arts, rejs),
                known_hashes=store.known_hashes,
                progress=lambda n: bar.advance(task, n),
            )
        summary = query_docs.summary(store.con)
        out = Path(report_path) if report_path else Path(settings.db).with_suffix(".report.html")
        write_report(store.con, out)
    finally:
        store.close()
    _print_summary(report, summary, settings.db, out, len(files))


class _NoBar:
    def update(self, *a: Any, **k: Any) -> None: ...
    def advance(self, *a: Any, **k: Any) -> None: ...


class _progress:
    def __init__(self, console: Console, quiet: bool) -> None:
        self.quiet = quiet
        self.bar: Any = None
        self.console = console

    def __enter__(self) -> tuple[Any, Any]:
        if self.quiet:
            return _NoBar(), 0
        self.bar = Progress(
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self.bar.__enter__()
        return self.bar, self.bar.add_task("ingest", total=None)

    def __exit__(self, *exc: Any) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _print_summary(
    report: RunReport, summary: dict[str, Any], db: str, html: Path, n_files: int
) -> None:
    click.echo(
        f"Files read: {n_files}"
        + (
            f" (skipped {report.skipped_files}: ignored or not a document type)"
            if report.skipped_files
            else ""
        )
    )
    click.echo(
        f"Documents processed: {report.processed}   rejected: {report.rejected}   "
        f"already stored: {report.unchanged}"
    )
    for code, n in sorted(report.rejections_by_code.items()):
        click.echo(f"  rejected {code}: {n}")
    # reports are raw extractions; the totals count merged events (docs/merge.md)
    click.echo(f"Event reports coded this run: {report.events}")
    click.echo(
        f"Database totals: {summary['documents']} documents, {summary['rejected']} rejections, "
        f"{summary['events']} events (merged from {summary['reports']} reports), "
        f"{summary['actors']} actors"
    )
    dyads = summary.get("top_dyads") or []
    if dyads:
        click.echo("Top dyads:")
        for d in dyads[:10]:
            click.echo(
                f"  {d['source_name']} -> {d['target_name']}: {_n(d['events'], 'event')}, "
                f"mean score {d['mean_score']:+.1f}"
            )
    click.echo(f"Database: {Path(db).resolve()}")
    click.echo(f"HTML report: {html.resolve()}")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def register(group: click.Group) -> None:
    group.add_command(ingest)
