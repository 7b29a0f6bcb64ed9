"""Every `bowerbird ...` command line shown in README.md and docs/*.md names a real
command and only options it has (a renamed flag must not survive in the docs)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from bowerbird.cli.main import cli
from conftest import REPO

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.M | re.S)
_INLINE = re.compile(r"`((?:\.venv/bin/)?bowerbird [^`]+)`")


def _command_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = []
    for block in _FENCE.findall(text):
        for line in block.splitlines():
            line = re.sub(r"^\$\s*", "", line.strip())
            if re.match(r"(\.venv/bin/)?bowerbird\s", line):
                found.append(line)
    found += _INLINE.findall(text)
    out = []
    for line in found:
        line = re.split(r"\s+#\s", line)[0].strip()  # drop a trailing comment
        if "|" in line.split()[1] or line.endswith("..."):  # `bowerbird events|actors`
            continue
        out.append(line)
    return out


CASES = [(p.name, line) for p in DOCS for line in _command_lines(p)]


def test_the_docs_show_commands() -> None:
    names = {name for name, _ in CASES}
    assert {"README.md", "cli.md", "schema.md", "merge.md"} <= names


@pytest.mark.parametrize(("doc", "line"), CASES)
def test_documented_command_parses(doc: str, line: str) -> None:
    args = shlex.split(line)[1:]
    if not args or args[0].startswith("-"):  # `bowerbird --help`
        return
    ctx = cli.make_context("bowerbird", ["--help"], resilient_parsing=True)
    cmd = cli.get_command(ctx, args[0])
    assert cmd is not None, f"{doc}: unknown command in {line!r}"
    placeholders = [a for a in args[1:] if re.fullmatch(r"[A-Z][A-Z_]*", a)]
    try:
        cmd.make_context(args[0], args[1:], parent=ctx)
    except click.exceptions.Exit:
        pass  # --help
    except click.MissingParameter:
        pass  # prose names a command without its arguments (`bowerbird eval`)
    except click.BadParameter as exc:
        if not any(repr(p) in exc.format_message() for p in placeholders):  # KIND, FILE
            pytest.fail(f"{doc}: {line!r}: {exc.format_message()}")
    except click.UsageError as exc:  # no such option, extra arguments
        pytest.fail(f"{doc}: {line!r}: {exc.format_message()}")
