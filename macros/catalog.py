"""catalog.json: every scenario with its URL and the URL of each section anchor, for coaches' tooling."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .model import SECTION_KEYS, Library

ANCHORS = ("question", *SECTION_KEYS)


class CatalogEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    code: str
    title: str
    question: str
    area: str
    area_title: str
    levels: list[str]
    tags: list[str]
    minutes: int
    url: str
    sections: dict[str, str]
    checklist: dict[str, str]


class Catalog(BaseModel):
    """The whole catalog; URLs are relative to the site root."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    scenarios: list[CatalogEntry]


OPTIONAL = {"two-minute-answer": "two_minute_answer", "numbers": "numbers", "partial-failures": "partial_failures",
            "case": "case", "behavioral": "behavioral"}


def present_anchors(meta) -> list[str]:
    """The section anchors a scenario page actually has (optional ones only when their field is filled)."""
    return [a for a in ANCHORS if a not in OPTIONAL or getattr(meta, OPTIONAL[a])]


def build(library: Library, urls: dict[str, str]) -> Catalog:
    """The catalog, with `urls` mapping each scenario id to its site-relative page URL."""
    entries = []
    for area in library.areas:
        for s in library.in_area(area.key):
            m = s.meta
            url = urls[m.id]
            entries.append(CatalogEntry(
                id=m.id, code=m.code, title=m.title, question=m.question, area=m.area,
                area_title=area.title, levels=list(m.levels), tags=list(m.tags), minutes=m.minutes,
                url=url, sections={a: f"{url}#{a}" for a in present_anchors(m)},
                checklist={c.id: f"{url}#checklist-{c.id}" for c in m.checklist},
            ))
    return Catalog(scenarios=entries)
