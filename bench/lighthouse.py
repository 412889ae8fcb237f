"""Lighthouse (npm, pinned) against Debian's chromium: the four category scores of one page."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from tests.browser import FLAGS

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
RUNS = 5  # Lighthouse's own advice: the median of five runs steadies the performance score
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = " ".join(["--headless=new", *FLAGS])


def scores(url: str, form_factor: str) -> dict[str, int]:
    """One Lighthouse run; `form_factor` is 'desktop' (its preset) or 'mobile' (the default, throttled)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        preset = ["--preset=desktop"] if form_factor == "desktop" else []
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                *preset,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
            check=True,
            timeout=300,
        )
        result = json.loads(report.read_text(encoding="utf-8"))
    return {c: round(result["categories"][c]["score"] * 100) for c in CATEGORIES}


def median_scores(url: str, form_factor: str, runs: int = RUNS) -> dict[str, int]:
    """Each category's median over `runs` runs (Lighthouse's performance score varies from run to run)."""
    results = [scores(url, form_factor) for _ in range(runs)]
    return {c: round(statistics.median(r[c] for r in results)) for c in CATEGORIES}
