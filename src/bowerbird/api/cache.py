"""A small bounded cache for list totals and the summary, kept on the app (not module-level).

The database is opened read-only and DuckDB holds a lock on the file, so nothing can
change under the server while it runs: a total counted once for a set of filters stays
right (walking the pages of a list counts it only once), and so does the summary.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class TotalsCache:
    """Least-recently-used map from a key (e.g. a filter set) to a result (thread-safe)."""

    def __init__(self, size: int = 1024) -> None:
        self._size = size
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for ``key``, computing (outside the lock) and storing it if new."""
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                found: T = self._data[key]
                return found
        value = compute()
        with self._lock:
            self._data[key] = value
            while len(self._data) > self._size:
                self._data.popitem(last=False)
        return value
