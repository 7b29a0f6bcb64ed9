"""The read-only HTTP API (FastAPI) over a Bowerbird database; see ``docs/api.md``."""
