"""ruff (pinned in requirements.txt, configured in pyproject.toml) keeps every Python file linted and formatted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.project import ROOT

RUFF = Path(sys.executable).with_name("ruff")


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff_finds_nothing(command):
    result = subprocess.run([str(RUFF), *command, "."], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_reports_a_planted_fault(tmp_path):
    """The gate can fail: an unused import is reported with the project's configuration."""
    (tmp_path / "bad.py").write_text("import os\n", encoding="utf-8")
    config = ["--config", str(ROOT / "pyproject.toml")]
    result = subprocess.run([str(RUFF), "check", *config, "bad.py"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1 and "F401" in result.stdout
