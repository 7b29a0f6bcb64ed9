"""Cursor pagination shared by the list queries (events, actors, quotes).

A page is ``{"items": [...], "next_cursor": str | None, "total": int}``.  A cursor is
opaque to clients: URL-safe base64 of a JSON list holding the sort name, the order and
the last row's sort key (the key always ends with a unique id, so ordering is stable and
a walk over all pages sees every row exactly once).  A cursor made for another sort or
order is refused rather than silently misread.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from bowerbird.errors import E_BAD_OPTION, UsageError

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


def check_limit(limit: int | None, maximum: int = MAX_LIMIT) -> int:
    """Return the page size, or raise :class:`UsageError` if outside ``1..maximum``."""
    if limit is None:
        return DEFAULT_LIMIT
    if limit < 1 or limit > maximum:
        raise UsageError(f"limit must be between 1 and {maximum}, not {limit}", code=E_BAD_OPTION)
    return limit


def check_choice(value: str, choices: tuple[str, ...], name: str) -> str:
    """Return ``value`` lower-cased if it is one of ``choices``, else raise UsageError."""
    low = value.strip().lower()
    if low not in choices:
        raise UsageError(
            f"{name} must be one of {', '.join(choices)}, not {value!r}", code=E_BAD_OPTION
        )
    return low


def encode_cursor(kind: str, key: list[Any]) -> str:
    """The opaque cursor for the row with sort key ``key`` under sort ``kind``."""
    raw = json.dumps([kind, *key], separators=(",", ":"), default=str)
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None, kind: str, size: int) -> list[Any] | None:
    """The sort key inside ``cursor`` (None for no cursor); UsageError if it is not ours."""
    if cursor is None or cursor == "":
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
    except (ValueError, UnicodeError, binascii.Error) as exc:
        raise UsageError(f"invalid cursor {cursor[:40]!r}", code=E_BAD_OPTION) from exc
    if not isinstance(data, list) or len(data) != size + 1 or data[0] != kind:
        raise UsageError(
            f"invalid cursor {cursor[:40]!r} (made for another list, sort or order)",
            code=E_BAD_OPTION,
        )
    return data[1:]


def page(items: list[dict[str, Any]], next_cursor: str | None, total: int) -> dict[str, Any]:
    """The page object every list endpoint returns."""
    return {"items": items, "next_cursor": next_cursor, "total": total}
