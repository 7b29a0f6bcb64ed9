"""A small bounded cache for list totals, kept on the app (never module-level).

The database is opened read-only and DuckDB holds a lock on the file, so nothing can
change under the server while it runs: a total counted once for a set of filters stays
right, and walking the pages of a list counts it only once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class TotalsCache:
    """Least-recently-used map from a filter key to its row count (thread-safe)."""

    def __init__(self, size: int = 1024) -> None:
        self._size = size
        self._data: OrderedDict[Hashable, int] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], int]) -> int:
        """The cached count for ``key``, computing (outside the lock) and storing it if new."""
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        value = compute()
        with self._lock:
            self._data[key] = value
            while len(self._data) > self._size:
                self._data.popitem(last=False)
        return value
