"""DuckDB storage: schema and migrations, atomic batch writes through Arrow."""

from bowerbird.store.schema import MIGRATIONS, SCHEMA_VERSION
from bowerbird.store.writer import BatchStats, Store

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "BatchStats", "Store"]
