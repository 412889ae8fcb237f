"""Irregular files and oversized input: each is refused fast with one clear message, under a memory cap and a timeout.

These are the red-team's resource cases, made at test time (pipes, devices and links cannot live in git): each
build runs with its address space capped, so a case that expanded in memory would fail with MemoryError rather
than eat the machine, and it must finish well inside its timeout.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.project import build, make_project
from tests.scenario_factory import scenario_text, small_library

MEMORY = 1024**3  # a normal build needs about a third of this
TIMEOUT = 60
FAST = 15  # seconds: far below what each case took before (41 s to hanging forever)


def scenario_with(prose: str = "", **lines: str) -> str:
    return scenario_text("delta-scenario", "A4", ["alpha-scenario"], lines=lines) + "\n" + prose + "\n"


def link(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


# name -> (where, how to make it, words the one problem must hold)
IRREGULAR: dict[str, tuple[str, Callable[[Path], None], str]] = {
    "scenario linked to /dev/zero": ("scenarios/zero.md", link("/dev/zero"), "is a symbolic link"),
    "dangling scenario link": ("scenarios/gone.md", link("nowhere.md"), "is a symbolic link"),
    "scenario linked outside the repository": ("scenarios/host.md", link("/etc/hostname"), "is a symbolic link"),
    "directory named like a scenario": ("scenarios/folder.md", lambda p: p.mkdir(), "is a directory"),
    "named pipe as a scenario": ("scenarios/pipe.md", os.mkfifo, "is a named pipe"),
    "areas registry as a directory": ("scenarios/_areas.yml", lambda p: (p.unlink(), p.mkdir()), "is a directory"),
    "docs link to the git config": ("docs/leak.txt", link("../.git/config"), "is a symbolic link"),
    "docs folder linked to itself": ("docs/loop", link("."), "is a symbolic link"),
    "named pipe in docs": ("docs/pipe.txt", os.mkfifo, "is a named pipe"),
    "scenarios folder linked from elsewhere": (
        "scenarios",
        lambda p: (p.rename(p.parent / "elsewhere"), p.symlink_to("elsewhere")),
        "must be a folder inside the repository (a symbolic link)",
    ),
}


def alias_tree(levels: int, width: int) -> str:
    """YAML whose aliases nest `levels` deep, `width` wide: a few hundred bytes that expand to width**levels."""
    lines = ["aliases: &k0 [lol]"] + [f"x{n}: &k{n} [{', '.join([f'*k{n - 1}'] * width)}]" for n in range(1, levels)]
    return "\n".join(lines)


RESOURCES: dict[str, tuple[str, Callable[[], str], str]] = {
    "aliases expanding in a scenario": (
        "scenarios/delta-scenario.md",
        lambda: scenario_with(aliases=alias_tree(9, 10)),
        "aliases (*name) are not allowed",
    ),
    "billion laughs in the tags registry": (
        "scenarios/_tags.yml",
        lambda: alias_tree(10, 10) + "\nrelease: Release\nrollback: Rollback\n",
        "aliases (*name) are not allowed",
    ),
    "100,000-item checklist": (
        "scenarios/delta-scenario.md",
        lambda: scenario_with().replace(
            "checklist:", "checklist:\n" + "".join(f"  - id: i{n}\n    text: Step.\n" for n in range(100_000)), 1
        ),
        "larger than the limit of 128 KiB",
    ),
    "20,000 '[' in prose": ("scenarios/delta-scenario.md", lambda: scenario_with("[" * 20_000), "split it"),
    "prose list nested 250 deep": (
        "scenarios/delta-scenario.md",
        lambda: scenario_with("".join(f"{chr(9) * n}- x\n" for n in range(250))),  # one tab per level
        "nested more than 8 levels deep",
    ),
    "375 KB of '<a '": ("scenarios/delta-scenario.md", lambda: scenario_with("<a " * 125_000), "larger than the limit"),
    "100 KB of prose": (
        "scenarios/delta-scenario.md",
        lambda: scenario_with("A sentence of prose.\n\n" * 5_000),
        "characters; the limit is 40,000",
    ),
}


def assert_refused_fast(result, shown: str, words: str) -> None:
    found = [line for line in result.output.splitlines() if line.startswith("  - ")]
    assert result.returncode == 1 and "Traceback" not in result.output, result.output[-3000:]
    assert len(found) == 1 and re.match(rf"  - {re.escape(shown)}(:\d+)?: ", found[0]) and words in found[0], found
    assert result.seconds < FAST, f"took {result.seconds:.1f} s"


def test_a_normal_build_fits_the_memory_cap(tmp_path):
    result = build(make_project(tmp_path, small_library()), memory=MEMORY, timeout=TIMEOUT)
    assert result.returncode == 0, result.output


@pytest.mark.parametrize("case", IRREGULAR)
def test_irregular_files_are_refused(tmp_path, case):
    where, make, words = IRREGULAR[case]
    project = make_project(tmp_path, small_library())
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[credential]\n\ttoken = secret\n", encoding="utf-8")
    make(project / where)
    result = build(project, memory=MEMORY, timeout=TIMEOUT)
    assert_refused_fast(result, where, words)
    assert not (result.site / "leak.txt").exists()


@pytest.mark.parametrize("case", RESOURCES)
def test_oversized_input_is_refused_fast_under_a_memory_cap(tmp_path, case):
    where, make, words = RESOURCES[case]
    project = make_project(tmp_path, small_library())
    (project / where).write_text(make(), encoding="utf-8")
    assert_refused_fast(build(project, memory=MEMORY, timeout=TIMEOUT), where, words)
