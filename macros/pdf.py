"""The whole library as one PDF, printed by Chromium from a page of every guide with the site's print stylesheet.

`library_page` is that page's Markdown: each guide as its own page renders it, with every id and in-page
link prefixed by the guide id so that forty guides share one page without clashing. `print_pdf` opens the
built page from disk in headless Chromium (Debian's package, driven by Playwright), opens every hidden
section as printing a guide does, and prints it to A4, each guide from a new page.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from . import render
from .markdown import with_front_matter
from .models import Library

PAGE = "print/library.md"  # one folder deep, like a scenario page, so the guides' relative links still work
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PRINT_CSS = """
article > h1:not(:first-of-type) { break-before: page; }
.md-content__button, .md-source-file, .runway-library-intro { display: none !important; }
"""
FOOTER = (
    '<div style="font-size: 8px; width: 100%; text-align: center; color: #555;">'
    'Runway · <span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)
EXPLICIT_ID = re.compile(r"\{#([a-z0-9-]+)\}")
RAW_ID = re.compile(r'\bid="([a-z0-9-]+)"')
IN_PAGE_LINK = re.compile(r"\]\(#([a-z0-9-]+)\)")
PRACTICE_BAR = re.compile(r'^<div class="runway-practice"[^>]*></div>\n', re.M)


def one_guide(markdown: str, prefix: str, code: str) -> str:
    """A guide page's Markdown with its ids and in-page links made unique, its code in the title, no practice bar."""
    markdown = EXPLICIT_ID.sub(lambda m: f"{{#{prefix}-{m.group(1)}}}", markdown)
    markdown = RAW_ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', markdown)
    markdown = IN_PAGE_LINK.sub(lambda m: f"](#{prefix}-{m.group(1)})", markdown)
    markdown = PRACTICE_BAR.sub("", markdown)
    return markdown.replace("# ", f"# {code} · ", 1)


def library_page(library: Library) -> str:
    """Every guide, area by area, on one page outside the navigation and the search index."""
    guides = "\n".join(one_guide(render.scenario_page(s, library), s.meta.id, s.meta.code) for s in library.in_order())
    meta = {
        "title": "The whole library",
        "description": "Every Runway guide on one page, for printing.",
        "search": {"exclude": True},
        "hide": ["navigation", "toc"],
    }
    intro = '<p class="runway-library-intro">Every guide on one page; the PDF download is this page printed.</p>\n\n'
    return with_front_matter(meta, intro + guides)


def print_pdf(page: Path) -> bytes:
    """Print the built library page to A4 with every hidden section open; fails loudly without Chromium."""
    from playwright.sync_api import sync_playwright  # only the PDF needs a browser

    if not Path(CHROMIUM).exists():
        raise RuntimeError("the PDF needs Debian's chromium: run 'make browser' as root, or build without RUNWAY_PDF")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            tab = browser.new_page()
            tab.goto(page.as_uri())
            tab.emulate_media(media="print")
            tab.evaluate("window.dispatchEvent(new Event('beforeprint'))")
            tab.add_style_tag(content=PRINT_CSS)
            return tab.pdf(
                format="A4",
                margin={"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
            )
        finally:
            browser.close()
