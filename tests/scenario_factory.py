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
        text = re.sub(rf"^{key}: .*$", line, text, count=1, flags=re.M)
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
