"""Session fixtures: the real site, built strictly once per session (online and for file://)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
