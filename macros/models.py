"""The typed scenario library: front-matter models, the registry entries, and the loaded library."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model


@dataclass(frozen=True)
class LevelInfo:
    key: str
    name: str
    signals_heading: str
    listens_for: str


# The interview levels, in order: the one table every part reads (schema, signals, practice page).
LEVELS: tuple[LevelInfo, ...] = (
    LevelInfo(
        "senior", "Senior", "Senior", "A safe, concrete plan for one service or team: mechanisms, numbers, rollback."
    ),
    LevelInfo(
        "staff",
        "Staff",
        "Staff adds",
        "The same plan carried across teams: sequencing, incentives, tooling that scales, what to stop doing.",
    ),
    LevelInfo(
        "principal",
        "Principal",
        "Principal adds",
        "The organisation and the business: policy, risk appetite, multi-year consequences and who decides.",
    ),
)
LEVEL_KEYS: tuple[str, ...] = tuple(level.key for level in LEVELS)

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Level = Literal[LEVEL_KEYS]  # type: ignore[valid-type]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Phase(Strict):
    title: Text
    points: list[Text] = Field(min_length=1)


class ChecklistItem(Strict):
    id: Slug
    text: Text


class Option(Strict):
    option: Text
    cost: Text


class Tradeoff(Strict):
    decision: Text
    options: list[Option] = Field(min_length=2)


Signals = create_model(
    "Signals",
    __base__=Strict,
    __doc__="What an answer at each level shows, one list per level.",
    **{key: (list[Text], Field(min_length=1)) for key in LEVEL_KEYS},
)


class FollowUp(Strict):
    question: Text
    hint: Text


class SourceUse(Strict):
    id: Slug
    section: Text
    supports: Text


class Knob(Strict):
    """A number or setting a strong candidate names: backed by one of the guide's sources, or marked as an example."""

    name: Text
    value: Text
    meaning: Text
    source: Slug | None = None
    example: bool = False


class PartialFailure(Strict):
    """A partial or grey failure the plan must survive, and what catches it."""

    failure: Text
    caught_by: Text


class Case(Strict):
    title: Text
    story: Text
    source: Slug


class Behavioral(Strict):
    question: Text
    outline: list[Text] = Field(min_length=1)


class FrontMatter(Strict):
    """The YAML front matter of `scenarios/<id>.md`."""

    id: Slug
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z][0-9]{1,3}$")]
    title: Text
    question: Text
    area: Slug
    levels: list[Level] = Field(min_length=1)
    minutes: int = Field(ge=5, le=180)
    summary: Text
    tags: list[Slug] = Field(min_length=1)
    outline: list[Phase] = Field(min_length=1)
    checklist: list[ChecklistItem] = Field(min_length=1)
    tradeoffs: list[Tradeoff] = Field(min_length=1)
    signals: Signals
    red_flags: list[Text] = Field(min_length=1)
    follow_ups: list[FollowUp] = Field(min_length=1)
    sources: list[SourceUse] = Field(min_length=1)
    related: list[Slug] = Field(min_length=1)
    case: Case | None = None
    aliases: list[Slug] = []
    behavioral: Behavioral | None = None
    keywords: list[Text] = []
    two_minute_answer: Text | None = None
    numbers: list[Knob] = []
    partial_failures: list[PartialFailure] = []
    reviewed: date | None = None


class Area(Strict):
    key: Slug
    letter: Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
    title: Text
    description: Text


class Source(Strict):
    """One registry entry: copied from the shared verified registry, or added with the evidence it was read."""

    id: Slug
    title: Text
    publisher: Text
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")]
    kind: Text
    summary: Text
    verification: Text
    evidence: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)] | None = None
    verified: Text | None = None


@dataclass(frozen=True)
class Scenario:
    meta: FrontMatter
    body: str
    path: Path


@dataclass(frozen=True)
class Library:
    scenarios: tuple[Scenario, ...]
    areas: tuple[Area, ...]
    sources: dict[str, Source]
    tags: dict[str, str]

    @cached_property
    def by_id(self) -> dict[str, Scenario]:
        return {s.meta.id: s for s in self.scenarios}

    @cached_property
    def area_of(self) -> dict[str, Area]:
        return {a.key: a for a in self.areas}

    def in_area(self, key: str) -> list[Scenario]:
        """The area's scenarios in code order (A2 before A10)."""
        found = [s for s in self.scenarios if s.meta.area == key]
        return sorted(found, key=lambda s: int(s.meta.code[1:]))

    def in_order(self) -> list[Scenario]:
        """Every scenario, area by area, each area in code order."""
        return [s for area in self.areas for s in self.in_area(area.key)]

    def citing(self) -> dict[str, list[Scenario]]:
        """Each cited source id with the scenarios that cite it, in library order."""
        found: dict[str, list[Scenario]] = {}
        for s in self.scenarios:
            for source_id in dict.fromkeys(u.id for u in s.meta.sources):
                found.setdefault(source_id, []).append(s)
        return found


def front_matter_schema() -> dict:
    """JSON Schema of the scenario front matter, for editors."""
    return {**FrontMatter.model_json_schema(), "title": "Runway scenario front matter"}
