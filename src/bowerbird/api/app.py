"""The FastAPI application: JSON API under ``/api``, the web UI's static files at ``/``."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from bowerbird import __version__
from bowerbird.api import errors, routes_actors, routes_events
from bowerbird.api.cache import TotalsCache
from bowerbird.errors import E_DB_MISSING, UsageError
from bowerbird.lexicons import Lexicon, load_lexicon
from bowerbird.store.writer import Store

#: Where the web UI's files live (served at ``/`` when the folder exists).
STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"


def create_app(
    db_path: str,
    *,
    lexicon: Lexicon | None = None,
    lexicon_files: Iterable[str] = (),
    static_dir: Path | None = STATIC_DIR,
) -> FastAPI:
    """Build the app over the database at ``db_path``, opened read-only now.

    Raises :class:`~bowerbird.errors.UsageError` / ``StoreError`` (one-line messages)
    if the file is missing or not a readable Bowerbird database.  ``lexicon`` (or the
    built-in lexicon plus ``lexicon_files``) supplies office-holder data for profiles.
    """
    if not Path(db_path).is_file():
        raise UsageError(
            f"database not found: {db_path} (run `bowerbird ingest` first)", code=E_DB_MISSING
        )
    lexicon = lexicon if lexicon is not None else load_lexicon(lexicon_files)
    store = Store.open(db_path, read_only=True)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="Bowerbird API",
        version=__version__,
        description="Read-only access to coded political events, actors, quotes and sources.",
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.cursor_lock = threading.Lock()
    app.state.totals = TotalsCache()
    app.state.lexicon = lexicon
    errors.install(app)
    app.include_router(routes_events.router)
    app.include_router(routes_actors.router)

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown_api(rest: str) -> None:
        raise errors.ApiError(404, f"no such API endpoint: /api/{rest}")

    if static_dir is not None and static_dir.is_dir():
        app.mount("/", StaticFiles(directory=static_dir, html=True), name="web")
    return app
