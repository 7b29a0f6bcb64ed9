"""The browser UI: static files (HTML, ES modules, CSS, vendored map data) served at ``/``.

Nothing here is built at install time; ``static/`` is shipped as package data and the HTTP API
serves it as is.  ``STATIC_DIR`` is the folder to mount.
"""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"

__all__ = ["STATIC_DIR"]
