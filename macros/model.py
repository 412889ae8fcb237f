"""Typed scenario models, loading and validation: every problem reported at once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

import yaml
from mkdocs.utils.meta import YAML_RE
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Level = Literal["senior", "staff", "principal"]
LEVELS: tuple[str, ...] = ("senior", "staff", "principal")
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it; never constructs objects

# Raw HTML that could run code in a reader's browser.
UNSAFE_MARKUP = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed)\b"  # elements that run or embed code
    r"|<[a-z][^>]*\son[a-z]+\s*="  # on*= event handler attributes
    r"|(\]\(|href\s*=\s*[\"']?|<)\s*javascript\s*:",  # javascript: links
    re.I,
)
# Generated page sections, in default order; `<!-- runway:<key> -->` in the prose places one.
SECTION_KEYS = ("two-minute-answer", "answer-outline", "checklist", "numbers", "partial-failures", "trade-offs",
                "signals", "red-flags", "follow-ups", "behavioral", "case", "sources", "related")
MARKER = re.compile(r"^<!--\s*runway:([a-z-]+)\s*-->[ \t]*$", re.M)


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


class Signals(Strict):
    senior: list[Text] = Field(min_length=1)
    staff: list[Text] = Field(min_length=1)
    principal: list[Text] = Field(min_length=1)


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
    """One registry entry, copied from the shared verified registry."""

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

    def in_area(self, key: str) -> list[Scenario]:
        """The area's scenarios in code order (A2 before A10)."""
        found = [s for s in self.scenarios if s.meta.area == key]
        return sorted(found, key=lambda s: int(s.meta.code[1:]))

    def citing(self) -> dict[str, list[Scenario]]:
        """Each cited source id with the scenarios that cite it, in library order."""
        found: dict[str, list[Scenario]] = {}
        for s in self.scenarios:
            for source_id in dict.fromkeys(u.id for u in s.meta.sources):
                found.setdefault(source_id, []).append(s)
        return found


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class LibraryError(Exception):
    """Raised with every problem found; the message lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the scenario library:\n{lines}")


@dataclass
class _Collector:
    root: Path
    problems: list[Problem] = field(default_factory=list)

    def add(self, path: Path, fld: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(_display(path, self.root), fld, message, line))


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _read_text(path: Path, out: _Collector) -> str | None:
    """File text with BOM and CRLF removed, or None after recording why it is unusable."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        out.add(path, "", f"not UTF-8 (byte {err.start}); save the file as UTF-8")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        out.add(path, "", "file is empty")
        return None
    return text


def _parse_yaml(text: str, path: Path, out: _Collector, fld: str = "", offset: int = 0):
    """Safe-load YAML once (node for line numbers, data for validation), or record the parse error."""
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except RecursionError:
        out.add(path, fld, "invalid YAML: nested too deeply")
        return None, None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = mark.line + 1 + offset if mark else None
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        out.add(path, fld, f"invalid YAML: {problem}", line)
        return None, None
    finally:
        loader.dispose()
    return data, node


def _line_of(node, loc: tuple, offset: int) -> int | None:
    """The file line of the YAML node at a pydantic error location."""
    best = node
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            node = None
        if node is None:
            break
        best = node
    return best.start_mark.line + 1 + offset if best is not None else None


def _field_name(loc: tuple) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _split_front_matter(text: str, path: Path, out: _Collector) -> tuple[str, str] | None:
    match = YAML_RE.match(text)
    if not match:
        out.add(path, "front matter", "missing: the file must start with a '---' line, the YAML fields, and a closing '---' line", 1)
        return None
    return match.group(1), text[match.end():]


def _validate_models(kind, items, path: Path, node, offset: int, out: _Collector, prefix: tuple = ()):
    """Validate raw data against a model; record each pydantic error with its field and line."""
    try:
        return kind.model_validate(items)
    except ValidationError as err:
        for e in err.errors():
            loc = prefix + tuple(e["loc"])
            message = e["msg"]
            if e["type"] == "extra_forbidden":
                message = "unknown field (check the spelling against scenarios/_template.md)"
            line = _line_of(node, loc, offset)
            if e["type"] == "missing":
                message = "required field is missing"
                line = _line_of(node, loc[:-1], offset) if len(loc) > 1 else None
            out.add(path, _field_name(loc), message, line)
        return None


def _load_list(path: Path, kind, out: _Collector) -> list:
    text = _read_text(path, out) if path.exists() else None
    if text is None:
        if not path.exists():
            out.add(path, "", "file is missing")
        return []
    data, node = _parse_yaml(text, path, out)
    if data is None:
        return []
    if not isinstance(data, list):
        out.add(path, "", "must be a YAML list of entries", 1)
        return []
    items = []
    for index, raw in enumerate(data):
        model = _validate_models(kind, raw, path, node, 0, out, (index,))
        if model is not None:
            items.append(model)
    return items


def _load_tags(path: Path, out: _Collector) -> dict[str, str]:
    text = _read_text(path, out) if path.exists() else None
    data = _parse_yaml(text, path, out)[0] if text else None
    if not isinstance(data, dict):
        out.add(path, "", "must be a mapping of tag to description")
        return {}
    return {str(k): str(v) for k, v in data.items()}


def load_scenario(path: Path, out: _Collector) -> Scenario | None:
    """Read and validate one scenario file on its own (cross-file checks come later)."""
    text = _read_text(path, out)
    if text is None:
        return None
    parts = _split_front_matter(text, path, out)
    if parts is None:
        return None
    head, body = parts
    before = len(out.problems)
    data, node = _parse_yaml(head, path, out, "front matter", offset=1)
    if len(out.problems) > before:
        return None
    if not isinstance(data, dict):
        out.add(path, "front matter", "must be a mapping of field: value", 2)
        return None
    meta = _validate_models(FrontMatter, data, path, node, 1, out)
    unsafe = UNSAFE_MARKUP.search(text)
    if unsafe:
        line = text.count("\n", 0, unsafe.start()) + 1
        out.add(path, "body" if unsafe.start() >= len(text) - len(body) else "front matter",
                f"unsafe markup {unsafe.group(0)!r}: scripts, on*= handlers and javascript: links are not allowed", line)
        return None
    _check_markers(body, path, len(text) - len(body), text, out)
    if meta is None:
        return None
    if meta.id != path.stem:
        out.add(path, "id", f"'{meta.id}' must equal the file name '{path.stem}'", _line_of(node, ("id",), 1))
    return Scenario(meta=meta, body=body, path=path)


def _check_markers(body: str, path: Path, start: int, text: str, out: _Collector) -> None:
    seen: set[str] = set()
    for match in MARKER.finditer(body):
        key, line = match.group(1), text.count("\n", 0, start + match.start()) + 1
        if key not in SECTION_KEYS:
            out.add(path, "body", f"unknown section marker '{key}' (known: {', '.join(SECTION_KEYS)})", line)
        elif key in seen:
            out.add(path, "body", f"section marker '{key}' is placed twice", line)
        seen.add(key)


def _check_references(library: Library, out: _Collector, file_ids: set[str] = frozenset()) -> None:
    """Checks that need the whole library: uniqueness and every id that points elsewhere.

    `file_ids` are the ids of every scenario file, valid or not: a link to a file that has its own
    errors is not reported again."""
    areas = {a.key: a for a in library.areas}
    seen_ids: dict[str, Path] = {}
    seen_codes: dict[str, Path] = {}
    all_ids = {s.meta.id for s in library.scenarios} | set(file_ids)
    for s in library.scenarios:
        m, p = s.meta, s.path
        for value, seen, fld in ((m.id, seen_ids, "id"), (m.code, seen_codes, "code")):
            if value in seen:
                out.add(p, fld, f"'{value}' is already used by {_display(seen[value], out.root)}")
            seen[value] = p
        area = areas.get(m.area)
        if area is None:
            out.add(p, "area", f"unknown area '{m.area}' (known: {', '.join(areas)})")
        elif not m.code.startswith(area.letter):
            out.add(p, "code", f"'{m.code}' must start with '{area.letter}', the letter of area '{m.area}'")
        for i, tag in enumerate(m.tags):
            if tag not in library.tags:
                out.add(p, f"tags[{i}]", f"unknown tag '{tag}' (add it to scenarios/_tags.yml first)")
        for i, use in enumerate(m.sources):
            if use.id not in library.sources:
                out.add(p, f"sources[{i}].id", f"unknown source '{use.id}' (not in scenarios/_sources.yml)")
        cited = {u.id for u in m.sources}
        for i, knob in enumerate(m.numbers):
            if (knob.source is None) == (not knob.example):
                out.add(p, f"numbers[{i}]", "give either a source (one of this guide's sources) or example: true")
            elif knob.source and knob.source not in cited:
                out.add(p, f"numbers[{i}].source", f"'{knob.source}' must also be listed under sources")
        if m.case and m.case.source not in cited:
            out.add(p, "case.source", f"'{m.case.source}' must also be listed under sources")
        for i, rel in enumerate(m.related):
            if rel not in all_ids:
                out.add(p, f"related[{i}]", f"unknown scenario '{rel}'")
            elif rel == m.id:
                out.add(p, f"related[{i}]", "a scenario cannot be related to itself")
        for i, alias in enumerate(m.aliases):
            if alias in all_ids:
                out.add(p, f"aliases[{i}]", f"'{alias}' is the id of a live scenario")
        item_ids = [c.id for c in m.checklist]
        for dup in sorted({i for i in item_ids if item_ids.count(i) > 1}):
            out.add(p, "checklist", f"item id '{dup}' is used more than once")


def scenario_files(root: Path) -> list[Path]:
    """Every scenario file: `*.md` in the folder, except those starting with `_`."""
    return sorted(p for p in root.glob("*.md") if not p.name.startswith("_"))


def load_library(root: Path) -> Library:
    """Load `root` (the scenarios folder); raise LibraryError listing every problem."""
    out = _Collector(root)
    areas = tuple(_load_list(root / "_areas.yml", Area, out))
    sources = {s.id: s for s in _load_list(root / "_sources.yml", Source, out)}
    tags = _load_tags(root / "_tags.yml", out)
    files = scenario_files(root)
    loaded = [load_scenario(path, out) for path in files]
    library = Library(tuple(s for s in loaded if s), areas, sources, tags)
    _check_references(library, out, {path.stem for path in files})
    if out.problems:
        raise LibraryError(out.problems)
    return library


def front_matter_schema() -> dict:
    """JSON Schema of the scenario front matter, for editors."""
    return {**FrontMatter.model_json_schema(), "title": "Runway scenario front matter"}
