"""One JSON error shape for every failure: ``{"error": {"status", "code", "message"}}``.

Bad parameters (a Bowerbird :class:`~bowerbird.errors.UsageError` raised by the query
layer, or a value FastAPI cannot parse) are 400; unknown ids and routes 404; anything
unexpected 500 with a generic message (the traceback goes to the server log only).
"""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from bowerbird.errors import E_BAD_OPTION, BowerbirdError, UsageError

_LOG = logging.getLogger("bowerbird.api")
_CODE_PREFIX = re.compile(r"^\[B\d+\]\s*")


class ApiError(Exception):
    """An error with its HTTP status, code and one-line message."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or f"HTTP_{status}"
        self.message = message


def not_found(what: str, ident: str) -> ApiError:
    """The 404 for an unknown id."""
    return ApiError(404, f"unknown {what} {ident!r}")


def error_response(status: int, code: str, message: str) -> JSONResponse:
    """The JSON error response (message flattened to one line)."""
    body = {"error": {"status": status, "code": code, "message": " ".join(message.split())}}
    return JSONResponse(body, status_code=status)


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message)


async def _bowerbird_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BowerbirdError)
    status = 400 if isinstance(exc, UsageError) else 500
    return error_response(status, exc.code, _CODE_PREFIX.sub("", str(exc)))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "query")
        parts.append(f"{where}: {err.get('msg', 'invalid value')}")
    return error_response(400, E_BAD_OPTION, "; ".join(parts) or "invalid request")


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    message = str(exc.detail) if exc.detail else "error"
    if exc.status_code == 404:
        message = f"no such resource: {request.url.path}"
    return error_response(exc.status_code, f"HTTP_{exc.status_code}", message)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    _LOG.exception("unhandled error on %s", request.url.path, exc_info=exc)
    return error_response(500, "HTTP_500", "internal server error")


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into the JSON error shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(BowerbirdError, _bowerbird_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
