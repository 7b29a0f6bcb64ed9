"""Browser-test fixtures: Debian Chromium driven by Playwright, ``bowerbird serve`` in a
subprocess, and a page wrapper that records console errors and failed requests.

Loaded by the ``test_ui_*.py`` modules through ``pytest_plugins``.  Playwright never
downloads a browser: it launches the system Chromium (``/usr/bin/chromium`` from the
Debian package, installed by ``scripts/browser.sh``; override with
``BOWERBIRD_CHROMIUM``).  Without it the browser tests are skipped, except under CI
(``CI=true``) where they fail.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> Path:
    return Path(os.environ.get("BOWERBIRD_CHROMIUM", "/usr/bin/chromium"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _bowerbird() -> list[str]:
    exe = Path(sys.executable).with_name("bowerbird")
    if exe.is_file():
        return [str(exe)]
    return [sys.executable, "-c", "from bowerbird.cli.main import main; main()"]


class Server:
    """``bowerbird serve --db DB --port PORT`` as a child process."""

    def __init__(self, db: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        log = REPO / "test-artifacts" / f"serve-{self.port}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        self.log = log
        self._out = log.open("wb")
        self.proc = subprocess.Popen(
            [*_bowerbird(), "serve", "--db", db, "--port", str(self.port)],
            stdout=self._out,
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )
        self._wait()

    def _wait(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.stop()
                raise RuntimeError(f"bowerbird serve exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "api/summary", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"bowerbird serve did not answer within {timeout}s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._out.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the whole session (skipped, or failed under CI, when missing)."""
    exe = chromium_path()
    if not exe.is_file():
        reason = f"Chromium not found at {exe}; run scripts/browser.sh (Debian package chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(exe), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def sample_server(sample_db: str) -> Iterator[Server]:
    """The sample database served over HTTP for the whole session."""
    server = Server(sample_db)
    try:
        yield server
    finally:
        server.stop()


@dataclass
class Watched:
    """A Playwright page plus everything that went wrong while it was open."""

    page: Any
    base: str
    errors: list[str] = field(default_factory=list)

    def open(self, hash_route: str, ready: str) -> Any:
        """Go to ``base#/route`` and wait until the app has rendered page ``ready``."""
        self.page.goto(self.base + hash_route)
        return self.wait_ready(ready)

    def wait_ready(self, ready: str, after_gen: int | None = None) -> Any:
        sel = f'#view[data-ready="{ready}"]'
        self.page.wait_for_selector(sel, state="attached", timeout=15000)
        if after_gen is not None:
            self.page.wait_for_function(
                "g => Number(document.getElementById('view').dataset.gen) > g",
                arg=after_gen,
                timeout=15000,
            )
        return self.page

    def gen(self) -> int:
        return int(self.page.eval_on_selector("#view", "v => Number(v.dataset.gen || 0)"))

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def assert_clean(self) -> None:
        assert not self.errors, "browser errors:\n" + "\n".join(self.errors)


def watch(browser: Any, base: str) -> Watched:
    """A fresh page on ``base`` recording console errors, page errors and failed requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    w = Watched(page, base)
    page.on("console", lambda m: m.type == "error" and w.errors.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: w.errors.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: w.errors.append(f"request failed: {r.url} {r.failure}"))
    page.on(
        "response",
        lambda r: r.status >= 400 and w.errors.append(f"HTTP {r.status}: {r.url}"),
    )
    return w


@pytest.fixture
def ui(browser: Any, sample_server: Server) -> Iterator[Watched]:
    """A watched page on the sample server; closed after the test."""
    w = watch(browser, sample_server.url)
    try:
        yield w
    finally:
        w.page.context.close()
