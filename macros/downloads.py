"""What a reader can take away, generated each build: cards.json, the Anki deck, the EPUB and (when enabled) the PDF.

The files join the build as MkDocs files, so the site and the offline zip both carry them and the links to
them are checked like any other. The PDF needs Chromium: it is made after the build (`extra.runway_pdf`, set
by `make build` and `make offline` through RUNWAY_PDF), printed from a page of every guide.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from . import anki, cards, epub, pdf
from .models import Library

CARDS_KEY = "runway_cards"  # where on_files leaves the built cards in the MkDocs config, for the macros
CARDS_JSON = "cards.json"
DECK = "downloads/runway-cards.apkg"
EPUB = "downloads/runway-library.epub"
PDF = "downloads/runway-library.pdf"


def pdf_enabled(config: MkDocsConfig) -> bool:
    return str(config.extra.get("runway_pdf", False)).lower() in {"true", "1", "yes"}


def add_files(files: Files, config: MkDocsConfig, library: Library, url_of: Callable[[str], str]) -> None:
    """cards.json beside catalog.json, the deck and the book under downloads/, and the PDF's page when enabled."""
    built = cards.build(library, url_of)
    config[CARDS_KEY] = built
    site_url = config.site_url or ""
    add = files.append
    add(File.generated(config, CARDS_JSON, content=built.model_dump_json(indent=2)))
    add(File.generated(config, DECK, content=anki.deck_bytes(built, library, site_url)))
    add(File.generated(config, EPUB, content=epub.epub_bytes(library, site_url)))
    if pdf_enabled(config):
        page = File.generated(config, pdf.PAGE, content=pdf.library_page(library), inclusion=InclusionLevel.NOT_IN_NAV)
        add(page)
        add(File.generated(config, PDF, content=b""))  # replaced by the printed PDF after the build


def on_post_build(config: MkDocsConfig) -> None:
    """Print the whole library to the PDF, from the built page of every guide."""
    if pdf_enabled(config):
        site = Path(config.site_dir)
        page = site / ("print/library.html" if not config.use_directory_urls else "print/library/index.html")
        (site / PDF).write_bytes(pdf.print_pdf(page))


def download_links(config: MkDocsConfig) -> str:
    """The download list for the home page: each file with what it is for."""
    rows = [
        (EPUB, "E-book (EPUB)", "the whole library for e-readers and phone book apps, answers after the questions"),
        (PDF, "PDF", "the whole library as printed pages, every answer open"),
        (DECK, "Anki deck", "every review card, one subdeck per area; importing a newer deck updates your cards"),
        (CARDS_JSON, "cards.json", "the review cards as data, described by [its JSON Schema](cards.schema.json)"),
    ]
    shown = [r for r in rows if r[0] != PDF or pdf_enabled(config)]
    return "".join(f"- [{label}]({path}): {text}\n" for path, label, text in shown)


def embedded(element_id: str, data) -> str:
    """JSON for a page's scripts, in an attribute of a hidden element. Not a script element: Material's instant
    navigation runs every script in the new page, whatever its type."""
    text = html.escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")), quote=True)
    return f'<div id="{html.escape(element_id)}" hidden data-json="{text}"></div>\n'


def review_cards(config: MkDocsConfig) -> str:
    """Every card for the review page (fronts and backs: the page shows a back only when asked)."""
    built: cards.Cards = config[CARDS_KEY]
    keep = ("id", "guide", "code", "area", "kind", "front", "back", "url")
    return embedded("runway-cards", [c.model_dump(include=set(keep)) for c in built.cards])


def card_ids(config: MkDocsConfig) -> str:
    """Each guide's card keys, for checking an imported review schedule on the progress page."""
    built: cards.Cards = config[CARDS_KEY]
    keys: dict[str, list[str]] = {}
    for c in built.cards:
        keys.setdefault(c.guide, []).append(c.id.removeprefix(c.guide + "/"))
    return embedded("runway-card-ids", keys)


def review_filters(library: Library) -> str:
    """The review page's area and guide choices."""
    areas = "".join(f'<option value="{a.key}">{a.letter}. {html.escape(a.title)}</option>' for a in library.areas)
    guides = "".join(
        f'<option value="{s.meta.id}" data-area="{s.meta.area}">{s.meta.code} · {html.escape(s.meta.title)}</option>'
        for s in library.in_order()
    )
    return (
        '<div class="runway-review-filters">'
        f'<label>Area <select class="runway-review-area"><option value="">All areas</option>{areas}</select></label> '
        '<label>Guide <select class="runway-review-guide"><option value="">All guides</option>'
        f"{guides}</select></label>"
        "</div>\n"
    )
