"""``bowerbird serve``: the HTTP API and web UI over a database (read-only)."""

from __future__ import annotations

import socket

import click

from bowerbird.cli.common import check_db_file, check_text_files, db_option, resolve_db
from bowerbird.errors import E_BAD_OPTION, UsageError
from bowerbird.settings import load_settings


@click.command("serve")
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind (the default serves this machine only).",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    metavar="PATH",
    help="Extra lexicon file or folder (office holders for actor profiles).",
)
def serve(db: str | None, host: str, port: int, lexicons: tuple[str, ...]) -> None:
    """Serve the JSON API (/api, docs at /docs) and the web UI (/) until interrupted."""
    import uvicorn

    from bowerbird.api.app import create_app

    extra = lexicons or load_settings().lexicons
    path = resolve_db(db)
    check_db_file(path)
    check_text_files(tuple(extra), "lexicon", "B214")
    app = create_app(path, lexicon_files=extra)
    _check_port(host, port)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(
            f"bowerbird: warning: serving on {host}, reachable from other machines; "
            "the API has no authentication",
            err=True,
        )
    click.echo(f"Bowerbird serving http://{host}:{port}/ (API docs at /docs); Ctrl-C stops.")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _check_port(host: str, port: int) -> None:
    """Fail with one line (not a uvicorn traceback) if ``host:port`` cannot be bound."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise UsageError(f"--host: cannot resolve {host!r}: {exc}", code=E_BAD_OPTION) from exc
    family, kind, proto, _, addr = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(addr)
        except OSError as exc:
            raise UsageError(
                f"cannot listen on {host}:{port}: {exc.strerror or exc}", code=E_BAD_OPTION
            ) from exc


def register(group: click.Group) -> None:
    group.add_command(serve)
