"""Entry point: the ``bowerbird`` command group and its one-line error handling."""

from __future__ import annotations

import sys
from typing import Any

import click

from bowerbird import __version__
from bowerbird.cli import docs_cmd, eval_cmd, events_cmd, ingest_cmd, quotes_cmd
from bowerbird.errors import BowerbirdError


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
            click.echo(f"bowerbird: error: {_one_line(exc.format_message())}", err=True)
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


for _module in (ingest_cmd, events_cmd, docs_cmd, quotes_cmd, eval_cmd):
    _module.register(cli)


def main() -> None:
    cli(prog_name="bowerbird")


if __name__ == "__main__":
    main()
