"""A copy of the project and a strict `mkdocs build` of it, as `make build` runs it: for tests and the benchmark."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

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


def build_command(config: Path, site: Path) -> list[str]:
    """The strict, quiet `mkdocs build` that `make build` runs."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)]


def build(
    project: Path,
    site: Path | None = None,
    offline: bool = False,
    memory: int | None = None,
    timeout: float = 600,
    **env: str,
) -> Build:
    """Run a strict `mkdocs build` of `project` in a subprocess; `env` adds variables such as RUNWAY_SITE_URL.

    `memory` caps the build's address space in bytes (a runaway input then fails instead of eating the machine);
    past `timeout` seconds the build is killed and the test fails.
    """
    site = site or project / "site"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    start = time.monotonic()
    result = subprocess.run(
        build_command(project / "mkdocs.yml", site),
        cwd=project,
        env={**BUILD_ENV, "RUNWAY_OFFLINE": "true" if offline else "false", **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit if memory else None,
    )
    return Build(result.returncode, result.stdout + result.stderr, site, time.monotonic() - start)
