"""Shared paths and fixtures: real strict builds of the site into temporary folders."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.scenario_factory import ROOT, write_library

SHARED = ROOT.parent / "shared"
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros")
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str
    site: Path
    seconds: float = 0.0


def make_project(dest: Path, scenarios: dict[str, str | bytes] | None = None) -> Path:
    """A copy of the project in `dest`; `scenarios` (file name -> text) replaces the real scenario files."""
    for part in PROJECT_PARTS:
        src = ROOT / part
        (
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
            if src.is_dir()
            else shutil.copy(src, dest / part)
        )
    if scenarios is None:
        scenarios = {path.name: path.read_bytes() for path in (ROOT / "scenarios").glob("*.md")}
    write_library(dest / "scenarios", scenarios)
    return dest


def build(
    project: Path, site: Path | None = None, offline: bool = False, memory: int | None = None, timeout: float = 600
) -> Build:
    """Run a strict `mkdocs build` of `project` in a subprocess, as `make build` does.

    `memory` caps the build's address space in bytes (a runaway input then fails instead of eating the machine);
    past `timeout` seconds the build is killed and the test fails.
    """
    site = site or project / "site"
    env = {**BUILD_ENV, "RUNWAY_OFFLINE": "true" if offline else "false"}

    def limit() -> None:
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit if memory else None,
    )
    return Build(result.returncode, result.stdout + result.stderr, site, time.monotonic() - start)


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
