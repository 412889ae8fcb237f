"""Valid scenario files made from the real template, for tests and benchmarks that need a small library."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = (ROOT / "scenarios" / "_template.md").read_text(encoding="utf-8")


def scenario_text(
    sid: str, code: str, related: list[str], area: str = "safe-change", lines: dict[str, str] | None = None
) -> str:
    """The template as scenario `sid`; `lines` swaps whole front-matter lines `key: ...` by key."""
    text = re.sub(r"^id: .*$", f"id: {sid}", TEMPLATE, count=1, flags=re.M)
    text = re.sub(r"^code: .*$", f"code: {code}", text, count=1, flags=re.M)
    text = re.sub(r"^area: .*$", f"area: {area}", text, count=1, flags=re.M)
    text = re.sub(r"^related: .*$", f"related: [{', '.join(related)}]", text, count=1, flags=re.M)
    for key, line in (lines or {}).items():
        text = re.sub(rf"^{key}: .*$", lambda _, line=line: line, text, count=1, flags=re.M)
    return text


def small_library() -> dict[str, str]:
    """Three valid scenarios in area A that relate to each other."""
    ids = ["alpha-scenario", "beta-scenario", "gamma-scenario"]
    return {f"{sid}.md": scenario_text(sid, f"A{n}", [o for o in ids if o != sid]) for n, sid in enumerate(ids, 1)}


def write_library(dest: Path, scenarios: dict[str, str | bytes]) -> Path:
    """A scenarios folder with the real registry, areas and tags plus the given files."""
    dest.mkdir(parents=True, exist_ok=True)
    for meta in (ROOT / "scenarios").glob("_*.yml"):
        shutil.copy(meta, dest / meta.name)
    for name, text in scenarios.items():
        (dest / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return dest


def top_level_blocks(front: str) -> dict[str, str]:
    """A front matter's text cut into its top-level keys, each with its raw YAML (comments and nesting kept)."""
    found: dict[str, str] = {}
    key = ""
    for line in front.splitlines(keepends=True):
        match = re.match(r"^([A-Za-z_][\w-]*):", line)
        key = match.group(1) if match else key
        found[key] = found.get(key, "") + line
    return found


def overlay(sid: str, code: str, fixture: str) -> str:
    """A valid scenario `sid` from the template, with each top-level key of the fixture's front matter swapped in
    as raw YAML text (so anchors, tags and odd quoting survive) and the fixture's prose appended to the template's."""
    head, body = re.match(r"---\n(.*?)^---\n(.*)", fixture, re.S | re.M).groups()
    base = scenario_text(sid, code, ["alpha-scenario", "beta-scenario"])
    base_head, _, base_body = base.removeprefix("---\n").partition("\n---\n")
    blocks = top_level_blocks(base_head + "\n")
    blocks.update({k: v for k, v in top_level_blocks(head + "\n").items() if k})
    return "---\n" + "".join(blocks.values()).rstrip("\n") + "\n---\n" + base_body + "\n" + body
