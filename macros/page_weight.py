"""A lighter first visit: pages without their indentation, and our own scripts and styles minified in place.

Material's templates indent every line, about a fifth of a guide page; `strip_indentation` removes what a browser
ignores, leaving `<pre>`, `<textarea>`, `<script>` and `<style>` as they are. `minify_assets` runs rjsmin and rcssmin
(pinned) over the scripts and styles under docs/assets, except the vendored libraries, which stay byte for byte
as their packages ship them; names do not change, so no reference needs rewriting.
"""

from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin

KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)
INDENT = re.compile(r"\n[ \t]+")
BLANK_LINES = re.compile(r"\n{2,}")
MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}
NOT_OURS = ("vendor",)  # folders under docs/assets that hold third-party files


def strip_indentation(html: str) -> str:
    """`html` without leading whitespace on its lines or blank lines, outside the elements where they count."""
    parts = KEEP.split(html)
    out = []
    for n, part in enumerate(parts):
        kind = n % 3  # re.split with two groups: text, whole kept element, its tag name
        if kind == 0:
            out.append(BLANK_LINES.sub("\n", INDENT.sub("\n", part)))
        elif kind == 1:
            out.append(part)
    return "".join(out)


def minify_assets(docs_dir: Path, site_dir: Path) -> None:
    """Minify, in the built site, each script and stylesheet of ours from docs/assets."""
    assets = Path(docs_dir) / "assets"
    for source in assets.rglob("*"):
        minify = MINIFIERS.get(source.suffix)
        relative = source.relative_to(assets)
        if minify is None or relative.parts[0] in NOT_OURS:
            continue
        built = Path(site_dir) / "assets" / relative
        if built.is_file():
            built.write_text(minify(built.read_text(encoding="utf-8")), encoding="utf-8")
