"""Review cards: every checklist item, red flag, follow-up and level signal as a front and a back, for recall.

A card's id is the guide id and the item's key inside the guide: `<guide>/checklist/<item id>` for checklist
items (their ids are written in the front matter), and `<guide>/red-flag/<n>`, `<guide>/follow-up/<n>`,
`<guide>/signal/<level>/<n>` (1-based position in the list) for the rest, which have no id of their own. An
edit of a card's text keeps its id; add new red flags, follow-ups and signals at the end of their list, so the
cards after them keep theirs (the mock interview keys red flags and signals by position too).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .models import LEVELS, Library, Scenario
from .urls import scenario_path

Kind = Literal["checklist", "red-flag", "follow-up", "signal"]
KIND_LABELS: dict[str, str] = {
    "checklist": "Checklist",
    "red-flag": "Red flag",
    "follow-up": "Follow-up",
    "signal": "Level signal",
}
CUE_WORDS = 4  # a red flag or a signal is asked for by its first words
NEW_PER_DAY = 20  # the review page introduces at most this many new cards a day


class Card(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    guide: str
    code: str
    title: str
    area: str
    area_title: str
    kind: Kind
    front: str
    back: str
    url: str


class Cards(BaseModel):
    """Every review card, guide by guide in library order; URLs are relative to the site root."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    cards: list[Card]


def plain(text: str) -> str:
    """Front-matter text on one line."""
    return " ".join(text.split())


def cue(text: str, words: int = CUE_WORDS) -> str:
    """The first words of a line as a prompt to finish it: "Compares the canary with…"."""
    parts = plain(text).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def humanize(slug: str) -> str:
    """A checklist item id read as words: `matched-control` -> "matched control"."""
    return slug.replace("-", " ")


def scenario_cards(s: Scenario, library: Library, url: str) -> list[Card]:
    """The cards of one guide: checklist, red flags, follow-ups, then each level's signals."""
    m = s.meta
    head = f"{m.code} · {plain(m.title)}"

    def card(key: str, kind: Kind, front: str, back: str, anchor: str) -> Card:
        return Card(
            id=f"{m.id}/{key}",
            guide=m.id,
            code=m.code,
            title=plain(m.title),
            area=m.area,
            area_title=library.area_of[m.area].title,
            kind=kind,
            front=front,
            back=back,
            url=f"{url}#{anchor}",
        )

    found = [
        card(
            f"checklist/{c.id}",
            "checklist",
            f"{head}: checklist item “{humanize(c.id)}”. What does a strong answer do?",
            plain(c.text),
            f"checklist-{c.id}",
        )
        for c in m.checklist
    ]
    found += [
        card(
            f"red-flag/{n}",
            "red-flag",
            f"{head}: a red flag starts “{cue(flag)}”. What does the weak answer do?",
            plain(flag),
            "red-flags",
        )
        for n, flag in enumerate(m.red_flags, 1)
    ]
    found += [
        card(f"follow-up/{n}", "follow-up", f"{head}: {plain(f.question)}", plain(f.hint), "follow-ups")
        for n, f in enumerate(m.follow_ups, 1)
    ]
    for level in LEVELS:
        found += [
            card(
                f"signal/{level.key}/{n}",
                "signal",
                f"{head}: what a {level.name.lower()} answer shows, starting “{cue(line)}”. Finish it.",
                plain(line),
                "signals",
            )
            for n, line in enumerate(getattr(m.signals, level.key), 1)
        ]
    return found


def build(library: Library, url_of: Callable[[str], str]) -> Cards:
    """Every card; `url_of` gives the site-relative URL of a page's source path (see macros/urls.py)."""
    return Cards(
        cards=[c for s in library.in_order() for c in scenario_cards(s, library, url_of(scenario_path(s.meta.id)))]
    )
