"""Generate docs/cli.md from the commands' own ``--help`` (a test keeps it fresh).

Run ``.venv/bin/python -m bowerbird.cli.docgen > docs/cli.md`` after changing a command.
"""

from __future__ import annotations

import click

from bowerbird.cli.main import cli

HEADER = """# Command-line reference

Generated from `bowerbird --help` by `python -m bowerbird.cli.docgen`; a test fails when
this file is stale.  Every command prints errors as one line (`bowerbird: error: [CODE]
message`) and exits with code 2 for misuse (missing path, bad date, unknown option,
missing database) and 1 for other failures.
"""


def render() -> str:
    parts = [HEADER]
    # the group's context settings (e.g. "-h" as a help option) are applied explicitly:
    # a bare Context would depend on whatever help option click cached in this process
    settings = {**cli.context_settings, "terminal_width": 100, "max_content_width": 100}
    ctx = click.Context(cli, info_name="bowerbird", **settings)
    parts.append("## bowerbird\n\n```text\n" + cli.get_help(ctx).strip() + "\n```\n")
    for name in sorted(cli.list_commands(ctx)):
        cmd = cli.get_command(ctx, name)
        if cmd is None:
            continue
        sub = click.Context(
            cmd,
            info_name=f"bowerbird {name}",
            parent=ctx,
            **settings,
        )
        parts.append(f"## bowerbird {name}\n\n```text\n" + cmd.get_help(sub).strip() + "\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
