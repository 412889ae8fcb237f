"""A light first visit (macros/page_weight.py, overrides/main.html, overrides/sitemap.xml): pages without
indentation, our scripts and styles minified, a short sitemap, and scripts only on the pages that use them.
BENCHMARKS.md holds the measured weight; these check the mechanisms on the real build."""

from __future__ import annotations

import json
import re

from macros.loader import load_library
from tests.project import ROOT

LIBRARY = load_library(ROOT / "scenarios")


def test_a_first_visit_gets_pages_without_indentation_minified_scripts_and_styles_and_a_short_sitemap(site):
    """Pages leave without indentation, our scripts and styles minified (vendored files untouched), and the
    sitemap instant navigation fetches holds one short line per page."""
    html = (site / "scenarios" / f"{LIBRARY.scenarios[0].meta.id}/index.html").read_text(encoding="utf-8")
    assert not re.search(r"\n[ \t]+<", html)
    for path in ["assets/runway/core.js", "assets/runway/practice-bar.js", "assets/runway.css"]:
        built = (site / path).read_text(encoding="utf-8")
        assert "/*" not in built and "\n  " not in built, path
        assert len(built) < 0.8 * len((ROOT / "docs" / path).read_text(encoding="utf-8")), path
    vendored = ROOT / "docs" / "assets" / "vendor"
    assert all((site / "assets" / "vendor" / f.name).read_bytes() == f.read_bytes() for f in vendored.iterdir())
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<url><loc>([^<]+)</loc></url>\n", sitemap)
    assert len(locations) == sitemap.count("<url>") and "<lastmod>" not in sitemap
    assert {f"https://runway.example/scenarios/{sid}/" for sid in LIBRARY.by_id} <= set(locations)


PAGE_SCRIPTS = {  # page -> the scripts only it loads, in order
    "index.html": ["vendor", "review-store", "review"],
    "progress/index.html": ["vendor", "review-store", "progress-merge", "progress-page", "transfer"],
    "mock/index.html": ["mock-picker"],
    f"scorecards/{LIBRARY.scenarios[0].meta.id}/index.html": ["scorecard"],
}


def test_each_page_loads_only_the_scripts_it_needs(site):
    """Scripts one kind of page needs come from its front matter through a loader inside the content (which
    instant navigation runs again); a guide loads none of them."""
    for path, names in PAGE_SCRIPTS.items():
        html = (site / path).read_text(encoding="utf-8")
        listed = json.dumps([f"assets/runway/{name}.js" for name in names])
        assert re.search(rf"<script>\(function\(s\).*\)\({re.escape(listed)}\)</script>\s*</article>", html), path
    guide = (site / f"scenarios/{LIBRARY.scenarios[0].meta.id}/index.html").read_text(encoding="utf-8")
    page_only = {name for names in PAGE_SCRIPTS.values() for name in names}
    assert not [name for name in page_only if f"assets/runway/{name}.js" in guide]
