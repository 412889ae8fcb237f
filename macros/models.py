"""The typed scenario library: front-matter models, the registry entries, and the loaded library."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, create_model

from .limits import ITEMS, LONG_TEXT_CHARS, TEXT_CHARS
from .text_rules import https_url, inline_markdown, plain_text


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

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
# Text: inline Markdown (emphasis, code), HTML-escaped by the renderers; the page allowlist checks the result.
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_CHARS), AfterValidator(inline_markdown)
]
LongText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=LONG_TEXT_CHARS),
    AfterValidator(inline_markdown),
]
# Plain: names and summaries that MkDocs and Material put in <title>, meta tags, the nav and the tags index.
Plain = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_CHARS), AfterValidator(plain_text)
]
Url = Annotated[str, StringConstraints(max_length=2_000), AfterValidator(https_url)]


def items(minimum: int = 0):
    """A list field of at most ITEMS entries."""
    return Field(min_length=minimum, max_length=ITEMS) if minimum else Field(default=[], max_length=ITEMS)


Level = Literal[LEVEL_KEYS]  # type: ignore[valid-type]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Phase(Strict):
    title: Text
    points: list[Text] = items(1)


class ChecklistItem(Strict):
    id: Slug
    text: Text


class Option(Strict):
    option: Text
    cost: Text


class Tradeoff(Strict):
    decision: Text
    options: list[Option] = Field(min_length=2, max_length=ITEMS)


Signals = create_model(
    "Signals",
    __base__=Strict,
    __doc__="What an answer at each level shows, one list per level.",
    **{key: (list[Text], items(1)) for key in LEVEL_KEYS},
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
    story: LongText
    source: Slug


class Behavioral(Strict):
    question: Text
    outline: list[Text] = items(1)


class FrontMatter(Strict):
    """The YAML front matter of `scenarios/<id>.md`."""

    id: Slug
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z][0-9]{1,3}$")]
    title: Plain
    question: Text
    area: Slug
    levels: list[Level] = items(1)
    minutes: int = Field(ge=5, le=180)
    summary: Plain
    tags: list[Slug] = items(1)
    outline: list[Phase] = items(1)
    checklist: list[ChecklistItem] = items(1)
    tradeoffs: list[Tradeoff] = items(1)
    signals: Signals
    red_flags: list[Text] = items(1)
    follow_ups: list[FollowUp] = items(1)
    sources: list[SourceUse] = items(1)
    related: list[Slug] = items(1)
    case: Case | None = None
    aliases: list[Slug] = items()
    behavioral: Behavioral | None = None
    keywords: list[Text] = items()
    two_minute_answer: LongText | None = None
    numbers: list[Knob] = items()
    partial_failures: list[PartialFailure] = items()
    reviewed: date | None = None


class Area(Strict):
    key: Slug
    letter: Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
    title: Plain
    description: Plain


class Source(Strict):
    """One registry entry: copied from the shared verified registry, or added with the evidence it was read."""

    id: Slug
    title: Text  # publishers' own titles hold brackets ("[DL.ADS.5] ..."); shown only as link text
    publisher: Text
    url: Url
    kind: Text
    summary: Text
    verification: Text
    evidence: Annotated[Text, StringConstraints(max_length=300)] | None = None
    verified: Text | None = None


@dataclass(frozen=True)
class Scenario:
    meta: FrontMatter
    body: str
    path: Path
    body_line: int = 1  # the file line where the body (the prose after the front matter) starts


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
