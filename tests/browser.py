"""Debian's chromium driven by Playwright, plus guards that fail a test on any request that leaves the machine."""

from __future__ import annotations

import atexit
import contextlib
import functools
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from macros.pdf import CHROMIUM, FLAGS  # one list of chromium flags, for the tests and the PDF

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
_driver: list[Playwright] = []


def driver() -> Playwright:
    """One Playwright driver for the whole process: the sync API allows only one at a time per thread."""
    if not _driver:
        _driver.append(sync_playwright().start())
        atexit.register(_driver[0].stop)
    return _driver[0]


@contextlib.contextmanager
def launch() -> Iterator[Browser]:
    """Headless Debian chromium; fails loudly (never skips) when it is missing. Launches may nest."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(
            "Debian's chromium is missing: run 'make test' as root, or 'sudo apt-get install -y chromium'"
        )
    browser = driver().chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
    try:
        yield browser
    finally:
        browser.close()


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in {"file", "data", "blob", "about"} or parsed.hostname in LOCAL_HOSTS


def guard(page: Page) -> list[str]:
    """Record every request to anything but file:// or this machine; the caller asserts the list is empty."""
    outside: list[str] = []
    page.on("request", lambda request: None if is_local(request.url) else outside.append(request.url))
    return outside


@contextlib.contextmanager
def local_only(page: Page) -> Iterator[Page]:
    """Fail the test if `page` requested anything but file:// or this machine while the block ran."""
    outside = guard(page)
    yield page
    assert not outside, f"requests that left the machine: {outside}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(
    directory: Path, port: int = 0, handler: type[http.server.BaseHTTPRequestHandler] | None = None
) -> Iterator[str]:
    """Serve `directory` on loopback (a free port unless given); yield its base URL."""
    bound = functools.partial(handler or QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), bound)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass
