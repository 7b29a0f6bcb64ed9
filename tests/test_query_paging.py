"""Opaque cursors and page-size checks (query_paging), property-tested."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bowerbird.errors import UsageError
from bowerbird.query_paging import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    check_choice,
    check_limit,
    decode_cursor,
    encode_cursor,
)

keys = st.lists(
    st.one_of(st.text(max_size=30), st.integers(), st.floats(allow_nan=False), st.none()),
    min_size=1,
    max_size=3,
)


@given(kind=st.text(min_size=1, max_size=20), key=keys)
def test_cursor_round_trip(kind: str, key: list[object]) -> None:
    cursor = encode_cursor(kind, key)
    assert cursor.isascii() and "/" not in cursor and "+" not in cursor and "=" not in cursor
    assert decode_cursor(cursor, kind, len(key)) == key


@given(kind=st.text(min_size=1, max_size=20), key=keys)
def test_cursor_for_another_list_is_refused(kind: str, key: list[object]) -> None:
    cursor = encode_cursor(kind, key)
    with pytest.raises(UsageError, match="B103"):
        decode_cursor(cursor, kind + "x", len(key))
    with pytest.raises(UsageError, match="B103"):
        decode_cursor(cursor, kind, len(key) + 1)


@given(st.text(min_size=1, max_size=60))
def test_garbage_cursor_is_a_usage_error(garbage: str) -> None:
    try:
        result = decode_cursor(garbage, "events:date:desc", 2)
    except UsageError as exc:
        assert exc.code == "B103"
    else:  # only a real cursor for this list decodes
        assert result is not None and len(result) == 2


def test_empty_cursor_means_first_page() -> None:
    assert decode_cursor(None, "k", 2) is None
    assert decode_cursor("", "k", 2) is None


def test_limits_and_choices() -> None:
    assert check_limit(None) == DEFAULT_LIMIT
    assert check_limit(1) == 1 and check_limit(MAX_LIMIT) == MAX_LIMIT
    for bad in (0, -5, MAX_LIMIT + 1):
        with pytest.raises(UsageError, match="B103"):
            check_limit(bad)
    assert check_choice(" Week ", ("day", "week"), "interval") == "week"
    with pytest.raises(UsageError, match="interval must be one of day, week"):
        check_choice("year", ("day", "week"), "interval")
