"""Session fixtures: the real site, built strictly once per session (online and for file://)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import launch, serve
from tests.pages import Target, make_target, watched_page
from tests.project import ROOT, build


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
