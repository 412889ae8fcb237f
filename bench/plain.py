"""The floor and the plain tool: the same pages pre-rendered to Markdown, built without our hook and macros."""

from __future__ import annotations

import json
import time
from pathlib import Path

import markdown
import yaml
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import get_yaml_loader

HOOK = Path(__file__).resolve().parent / "dump_hook.py"
OURS = ("macros",)  # plugins that are ours to remove; everything else stays


def dump_config(project: Path) -> Path:
    """A config that builds `project` as usual and also dumps its pages (see dump_hook.py)."""
    raw = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    path = project / "dump.yml"
    hooks = [str(project / h) for h in raw.get("hooks", [])] + [str(HOOK)]
    path.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml", "hooks": hooks}), encoding="utf-8")
    return path


def plain_config(project: Path, dumped: Path) -> Path:
    """Our config with the same theme, features and Markdown extensions, minus the hook and our plugins."""
    raw = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    plugins = [p for p in raw["plugins"] if (p if isinstance(p, str) else next(iter(p))) not in OURS]
    path = project / "plain.yml"
    path.write_text(
        yaml.safe_dump(
            {
                "INHERIT": "mkdocs.yml",
                "docs_dir": str(dumped / "docs"),
                "hooks": [],
                "watch": [],
                "plugins": plugins,
                "nav": json.loads((dumped / "nav.json").read_text(encoding="utf-8")),
            },
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    return path


def markdown_only(config: Path, out: Path) -> float:
    """Seconds for Python-Markdown alone, with the same extensions, to convert every dumped page to HTML."""
    cfg = load_config(str(config))
    converter = markdown.Markdown(extensions=cfg["markdown_extensions"], extension_configs=cfg["mdx_configs"])
    pages = sorted(Path(cfg["docs_dir"]).rglob("*.md"))
    start = time.perf_counter()
    for page in pages:
        body, _ = get_data(page.read_text(encoding="utf-8"))
        target = out / page.relative_to(cfg["docs_dir"]).with_suffix(".html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(converter.reset().convert(body), encoding="utf-8")
    return time.perf_counter() - start
