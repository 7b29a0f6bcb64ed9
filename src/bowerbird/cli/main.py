"""Entry point: the ``bowerbird`` command group and its one-line error handling."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import Any

import click

import bowerbird.cli
from bowerbird import __version__
from bowerbird.errors import E_BAD_OPTION, BowerbirdError


class BowerbirdGroup(click.Group):
    """Prints every error as one line (``bowerbird: error: ...``), never a traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("bowerbird: aborted", err=True)
            sys.exit(130)
        except click.ClickException as exc:
            # click's own usage errors (unknown option, bad value) carry our misuse code too
            message = _one_line(exc.format_message())
            click.echo(f"bowerbird: error: [{E_BAD_OPTION}] {message}", err=True)
            sys.exit(2)
        except BowerbirdError as exc:
            click.echo(f"bowerbird: error: {_one_line(str(exc))}", err=True)
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            sys.exit(0)


def _one_line(message: str) -> str:
    return " ".join(message.split())


@click.group(cls=BowerbirdGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bowerbird")
def cli() -> None:
    """Bowerbird: political event data from news articles.

    Who did what to whom, when and where, with every fact traced to its sentence.
    """


def _register_commands(group: click.Group) -> None:
    """Register every ``bowerbird.cli.*_cmd`` module (each defines ``register(group)``).

    Discovery keeps this file out of every change that adds a command.
    """
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(bowerbird.cli.__path__)
        if info.name.endswith("_cmd")
    )
    for name in names:
        importlib.import_module(f"bowerbird.cli.{name}").register(group)


_register_commands(cli)


def main() -> None:
    cli(prog_name="bowerbird")


if __name__ == "__main__":
    main()
