"""The machine a run happened on, and BENCHMARKS.md: its generated part is replaced, the notes kept."""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
HEADER = "# Benchmarks\n\nFigures from `make bench` (bench/bench.py). Notes outside the generated block are kept.\n\n"


def _first(pattern: str, path: str) -> str:
    try:
        match = re.search(pattern, Path(path).read_text(encoding="utf-8"), re.M)
    except OSError:
        return "unknown"
    return match.group(1).strip() if match else "unknown"


def _version(*command: str) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip().splitlines()[-1]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "missing"


def machine() -> dict[str, str]:
    memory_kb = int(_first(r"^MemTotal:\s+(\d+)", "/proc/meminfo") or 0)
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": _first(r"^model name\s*:\s*(.+)$", "/proc/cpuinfo"),
        "cores (nproc)": str(os.cpu_count()),
        "memory": f"{memory_kb / 1024 / 1024:.1f} GiB",
        "OS": _first(r'^PRETTY_NAME="?([^"\n]+)', "/etc/os-release") + f", kernel {platform.release()}",
        "Python": sys.version.split()[0],
        "Chromium": _version("/usr/bin/chromium", "--version"),
        "Node": _version("node", "--version"),
    }


def table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def write(path: Path, generated: str) -> None:
    """Put `generated` between the markers of `path`, creating the file or the markers if needed."""
    block = f"{START}\n{generated.rstrip()}\n{END}"
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")
