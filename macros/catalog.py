"""catalog.json: every scenario with its URL and the URL of each section anchor, for coaches' tooling."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from .models import Library
from .sections import present_keys
from .urls import scenario_path, scorecard_path


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
    scorecard: str
    sections: dict[str, str]
    checklist: dict[str, str]


class Catalog(BaseModel):
    """The whole catalog; URLs are relative to the site root."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    scenarios: list[CatalogEntry]


def build(library: Library, url_of: Callable[[str], str]) -> Catalog:
    """The catalog; `url_of` gives the site-relative URL of a page's source path (see macros/urls.py)."""
    entries = []
    for s in library.in_order():
        m, url = s.meta, url_of(scenario_path(s.meta.id))
        entries.append(
            CatalogEntry(
                id=m.id,
                code=m.code,
                title=m.title,
                question=m.question,
                area=m.area,
                area_title=library.area_of[m.area].title,
                levels=list(m.levels),
                tags=list(m.tags),
                minutes=m.minutes,
                url=url,
                scorecard=url_of(scorecard_path(m.id)),
                sections={key: f"{url}#{key}" for key in present_keys(s, library)},
                checklist={c.id: f"{url}#checklist-{c.id}" for c in m.checklist},
            )
        )
    return Catalog(scenarios=entries)
