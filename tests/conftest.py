"""Shared paths and fixtures: real strict builds of the site into temporary folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros")
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str
    site: Path


def make_project(dest: Path, scenarios: dict[str, str | bytes] | None = None) -> Path:
    """A copy of the project in `dest`; `scenarios` (file name -> text) replaces the real scenario files."""
    for part in PROJECT_PARTS:
        src = ROOT / part
        (shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
         if src.is_dir() else shutil.copy(src, dest / part))
    (dest / "scenarios").mkdir()
    for meta in (ROOT / "scenarios").glob("_*.yml"):
        shutil.copy(meta, dest / "scenarios" / meta.name)
    if scenarios is None:
        for path in (ROOT / "scenarios").glob("*.md"):
            shutil.copy(path, dest / "scenarios" / path.name)
    else:
        for name, text in scenarios.items():
            target = dest / "scenarios" / name
            target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return dest


def build(project: Path, site: Path | None = None, offline: bool = False) -> Build:
    """Run a strict `mkdocs build` of `project` in a subprocess, as `make build` does."""
    site = site or project / "site"
    env = {**BUILD_ENV, "RUNWAY_OFFLINE": "true" if offline else "false"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


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
