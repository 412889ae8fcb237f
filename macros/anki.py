"""The Anki deck: every review card as a note, one subdeck per area, a link back to the guide on each.

A note's GUID comes from its card id, so importing a newer deck updates the notes a reader already has (and
keeps their Anki schedule) instead of adding copies. Model and deck ids are derived from fixed names, so they
are the same in every build.
"""

from __future__ import annotations

import hashlib
import html
import tempfile
from pathlib import Path

import genanki

from .cards import KIND_LABELS, Cards
from .models import Library
from .urls import scenario_path, web_url

DECK_NAME = "Runway"
FIELDS = ["Front", "Back", "Kind", "Guide", "Card id"]
CSS = """.card { font-family: system-ui, sans-serif; font-size: 20px; line-height: 1.4; text-align: left;
  max-width: 40em; margin: 0 auto; }
.kind { font-size: 14px; text-transform: uppercase; letter-spacing: 0.05em; opacity: 0.7; }
.guide { font-size: 14px; margin-top: 1.5em; }"""
FRONT = '<div class="kind">{{Kind}}</div><p>{{Front}}</p>'
BACK = '{{FrontSide}}<hr id="answer"><p>{{Back}}</p><p class="guide">{{Guide}}</p>'


def stable_id(name: str) -> int:
    """A fixed 31-bit id for a model or deck name (Anki wants them unique and unchanging)."""
    return int.from_bytes(hashlib.sha1(name.encode()).digest()[:4], "big") >> 1


MODEL = genanki.Model(
    stable_id("runway-card-model-1"),
    "Runway card",
    fields=[{"name": name} for name in FIELDS],
    templates=[{"name": "Recall", "qfmt": FRONT, "afmt": BACK}],
    css=CSS,
)


def note_guid(card_id: str) -> str:
    """The note's GUID: the same card id gives the same GUID in every build."""
    return genanki.guid_for("runway", card_id)


def deck_bytes(cards: Cards, library: Library, site_url: str) -> bytes:
    """The .apkg file: a subdeck per area (`Runway::A. Releases…`), a note per card."""
    decks: dict[str, genanki.Deck] = {}
    for area in library.areas:
        name = f"{DECK_NAME}::{area.letter}. {area.title}"
        decks[area.key] = genanki.Deck(stable_id(f"runway-deck-{area.key}"), name)
    for card in cards.cards:
        link = web_url(site_url, scenario_path(card.guide)) + "#" + card.url.partition("#")[2]
        guide = f'<a href="{html.escape(link)}">{html.escape(card.code)} · {html.escape(card.title)}</a>'
        fields = [html.escape(card.front), html.escape(card.back), KIND_LABELS[card.kind], guide, card.id]
        tags = [card.kind, card.code]
        decks[card.area].add_note(genanki.Note(model=MODEL, fields=fields, guid=note_guid(card.id), tags=tags))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "runway.apkg"
        genanki.Package([d for d in decks.values() if d.notes]).write_to_file(str(path))
        return path.read_bytes()
