"""Session fixtures: the real site, built strictly once per session (online and for file://)."""

from __future__ import annotations

import contextlib
import fcntl
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import launch, serve
from tests.pages import Target, make_target, watched_page
from tests.project import BUILD_ENV, ROOT, build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built strictly once for the whole session (online build)."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build(ROOT, out)
    assert result.returncode == 0, result.output
    return out


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The real site built for file:// (Material's offline plugin)."""
    out = tmp_path_factory.mktemp("offline") / "runway"
    result = build(ROOT, out, offline=True)
    assert result.returncode == 0, result.output
    return out


@dataclass(frozen=True)
class MadeOffline:
    site: Path  # the zip's `runway` folder, unzipped
    dist: Path  # dist/: the zip, the Anki deck, the EPUB and the PDF


@pytest.fixture(scope="session")
def made_offline(tmp_path_factory, worker_id) -> MadeOffline:
    """`make offline` once a test run, as a reader gets it: the zip unzipped, and the files beside it in dist/.

    It prints the PDF, so the pytest-xdist workers share one: the first takes a lock and builds, the others
    wait for it and reuse its folder."""
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    tmp = shared / "make-offline"
    with open(shared / "make-offline.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (tmp / "done").exists():
            where = [f"OFFLINE_BUILD={tmp / 'build'}", f"DIST={tmp / 'dist'}"]
            command = ["make", "-s", "-o", ".venv/.installed", "offline", *where]
            result = subprocess.run(command, cwd=ROOT, env=BUILD_ENV, capture_output=True, text=True, timeout=600)
            assert result.returncode == 0, result.stdout + result.stderr
            with zipfile.ZipFile(tmp / "dist" / "runway-offline.zip") as archive:
                archive.extractall(tmp / "unzipped")
            (tmp / "done").touch()
    return MadeOffline(tmp / "unzipped" / "runway", tmp / "dist")


@pytest.fixture(scope="session")
def browser() -> Browser:
    with launch() as b:
        yield b


@pytest.fixture(scope="session")
def servers():
    """Start one local server per folder on first use; stop them all at the end of the session."""
    with contextlib.ExitStack() as stack:
        started: dict[Path, str] = {}

        def start(root: Path) -> str:
            if root not in started:
                started[root] = stack.enter_context(serve(root))
            return started[root]

        yield start


@pytest.fixture(scope="session", params=["file", "http"])
def target(request) -> Target:
    return make_target(request, request.param)


@pytest.fixture(scope="session", params=["file", "http", "offline-http"])
def any_target(request) -> Target:
    return make_target(request, request.param)


@pytest.fixture
def page(browser) -> Page:
    with watched_page(browser) as p:
        yield p
