"""Bench-only MkDocs hook: writes each page's final Markdown, the static files and the nav for a plain build."""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

OUT = Path(os.environ.get("RUNWAY_BENCH_DUMP", "plain"))


@event_priority(-100)
def on_config(config):
    (OUT / "docs").mkdir(parents=True, exist_ok=True)
    (OUT / "nav.json").write_text(json.dumps(config.nav), encoding="utf-8")


@event_priority(-100)
def on_files(files, config):
    """Copy every non-page file that comes from docs/ or a plugin (assets, catalog.json)."""
    for file in files:
        from_docs = file.abs_src_path and file.abs_src_path.startswith(config.docs_dir)
        if not file.is_documentation_page() and (from_docs or file.generated_by):
            target = OUT / "docs" / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content_bytes)
    return files


@event_priority(-10)  # after mkdocs-macros (0), before the tags plugin (-50) reads its markers
def on_page_markdown(markdown, page, config, files):
    meta = {key: value for key, value in page.meta.items() if key != "render_macros"}
    target = OUT / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + markdown, encoding="utf-8")
    return markdown
