"""Options and helpers shared by the CLI commands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from bowerbird.errors import E_BAD_DATE, E_BAD_OPTION, E_DB_MISSING, ConfigError, UsageError
from bowerbird.plover import CATEGORIES
from bowerbird.settings import load_settings
from bowerbird.store.writer import Store

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("table", "csv", "jsonl", "parquet")
#: Upper bound of --limit (a larger value overflows DuckDB's 64-bit LIMIT).
MAX_ROWS = 1_000_000_000


def db_option(f: F) -> F:
    return click.option(
        "--db",
        "db",
        default=None,
        metavar="FILE",
        help="DuckDB database file (default: ./bowerbird.duckdb or the 'db' setting).",
    )(f)


def date_range_options(noun: str) -> Callable[[F], F]:
    """``--since``/``--until`` (inclusive, ``YYYY-MM-DD``) for a listing of ``noun``;
    parse the values with :func:`parse_date_opt`."""

    def decorate(f: F) -> F:
        f = click.option(
            "--until", default=None, metavar="DATE", help=f"{noun} on or before DATE."
        )(f)
        f = click.option(
            "--since",
            default=None,
            metavar="DATE",
            help=f"{noun} on or after DATE (YYYY-MM-DD).",
        )(f)
        return f

    return decorate


def output_options(f: F) -> F:
    return _output_options(f, FORMATS)


def event_output_options(f: F) -> F:
    """Like :func:`output_options`, plus the events-only ``gdelt`` TSV format."""
    return _output_options(f, (*FORMATS, "gdelt"))


def _output_options(f: F, formats: tuple[str, ...]) -> F:
    f = click.option(
        "-o",
        "--output",
        "output",
        default=None,
        metavar="FILE",
        help="Write to FILE instead of standard output.",
    )(f)
    f = click.option(
        "--format",
        "fmt",
        type=click.Choice(formats),
        default="table",
        show_default=True,
        help="Tables for people, machine formats for programs.",
    )(f)
    f = click.option(
        "--limit",
        type=click.IntRange(min=1, max=MAX_ROWS),
        default=None,
        help="At most this many rows.",
    )(f)
    return f


def parse_date_opt(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise UsageError(
            f"{flag}: invalid date {value!r}, expected YYYY-MM-DD", code=E_BAD_DATE
        ) from exc


def check_event_types(value: str | None, flag: str = "--type") -> str | None:
    """A comma-separated list of PLOVER categories, checked: a typo is an error, not an
    empty result."""
    if value is None:
        return None
    names = [t.strip().upper() for t in value.split(",") if t.strip()]
    for name in names:
        if name not in CATEGORIES:
            raise UsageError(
                f"{flag}: unknown PLOVER category {name!r} (choose from {', '.join(CATEGORIES)})",
                code=E_BAD_OPTION,
            )
    return ",".join(names) or None  # "," alone is no filter


def check_text_files(paths: tuple[str, ...], what: str, code: str) -> None:
    """Fail with one line (ConfigError ``code``) if a lexicon or issues file given on the
    command line (a file, or a folder of ``.tsv`` files) is not UTF-8 text."""
    for raw in paths:
        p = Path(raw)
        for f in sorted(p.glob("*.tsv")) if p.is_dir() else [p]:
            try:
                with f.open(encoding="utf-8") as fh:
                    for _ in fh:
                        pass
            except UnicodeDecodeError as exc:
                raise ConfigError(
                    f"cannot read {what} file {f}: not UTF-8 text ({exc.reason} at byte "
                    f"{exc.start})",
                    code=code,
                ) from exc
            except OSError:
                continue  # missing or unreadable: the loader reports it with its own code


def check_output_file(path: str, flag: str) -> None:
    """Fail before any work if ``path`` (a file to write) is a directory."""
    if Path(path).is_dir():
        raise UsageError(f"{flag}: {path} is a directory, not a file", code=E_BAD_OPTION)


def resolve_db(db: str | None) -> str:
    return db or load_settings().db


def check_db_file(path: str) -> None:
    """A one-line error unless ``path`` is an existing database file."""
    if Path(path).is_dir():
        raise UsageError(f"database path is a directory, not a file: {path}", code=E_DB_MISSING)
    if not Path(path).is_file():
        raise UsageError(
            f"database not found: {path} (run `bowerbird ingest` first)", code=E_DB_MISSING
        )


@contextmanager
def open_read(db: str | None, output: str | None = None) -> Iterator[Any]:
    """Open the database read-only for a query command; a one-line error if missing, or
    if ``output`` (the command's -o FILE) is the database itself, which it would destroy."""
    path = resolve_db(db)
    check_db_file(path)
    if output is not None and Path(output).resolve() == Path(path).resolve():
        raise UsageError(
            f"-o {output} is the database itself: choose another output file", code=E_BAD_OPTION
        )
    store = Store.open(path, read_only=True)
    try:
        yield store.con
    finally:
        store.close()
