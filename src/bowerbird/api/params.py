"""Request parameters and per-request dependencies shared by the route modules."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

import duckdb
from fastapi import Depends, Query, Request

from bowerbird.api.cache import TotalsCache
from bowerbird.errors import E_BAD_DATE, E_BAD_OPTION, UsageError
from bowerbird.lexicons import Lexicon
from bowerbird.plover import CATEGORIES
from bowerbird.query_paging import DEFAULT_LIMIT, MAX_LIMIT


def parse_date(value: str | None, name: str) -> date | None:
    """``YYYY-MM-DD`` -> date (None for empty); a 400 with code B102 otherwise."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise UsageError(
            f"{name}: invalid date {value!r}, expected YYYY-MM-DD", code=E_BAD_DATE
        ) from exc


def check_choice(value: str | None, name: str, choices: tuple[str, ...]) -> str | None:
    """The choice ``value`` names (case-insensitive), None if empty; a 400 (B103) otherwise."""
    if value is None or not value.strip():
        return None
    for choice in choices:
        if value.strip().lower() == choice.lower():
            return choice
    raise UsageError(
        f"{name}: unknown value {value!r} (choose from {', '.join(choices)})",
        code=E_BAD_OPTION,
    )


def check_types(value: str | None) -> str | None:
    """A comma-separated list of PLOVER categories; a 400 (B103) names any unknown one."""
    if value is None or not value.strip():
        return None
    names = [t.strip().upper() for t in value.split(",") if t.strip()]
    unknown = [t for t in names if t not in CATEGORIES]
    if unknown:
        raise UsageError(
            f"type: unknown PLOVER category {unknown[0]!r} (choose from {', '.join(CATEGORIES)})",
            code=E_BAD_OPTION,
        )
    return ",".join(names) or None  # "," alone is no filter, not "no type at all"


def _cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB cursor of the app's read-only connection, for this request only.

    DuckDB connections are not thread-safe; each request (run in a worker thread) gets
    its own cursor, created under a lock and closed when the response is sent.
    """
    state: Any = request.app.state
    with state.cursor_lock:
        cur: duckdb.DuckDBPyConnection = state.store.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


def _totals(request: Request) -> TotalsCache:
    totals: TotalsCache = request.app.state.totals
    return totals


def _lexicon(request: Request) -> Lexicon:
    lexicon: Lexicon = request.app.state.lexicon
    return lexicon


Con = Annotated[duckdb.DuckDBPyConnection, Depends(_cursor)]
Lex = Annotated[Lexicon, Depends(_lexicon)]
Totals = Annotated[TotalsCache, Depends(_totals)]
Limit = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description="Page size (at most 500; more is a 400 error).")
]
DEFAULT = DEFAULT_LIMIT
Cursor = Annotated[
    str | None, Query(description="Opaque cursor from the previous page's next_cursor.")
]
Since = Annotated[str | None, Query(description="On or after this date (YYYY-MM-DD).")]
Until = Annotated[str | None, Query(description="On or before this date (YYYY-MM-DD).")]
ActorParam = Annotated[
    str | None,
    Query(description="Actor id, exact country code or name substring (case-insensitive)."),
]
