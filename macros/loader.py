"""Loading the scenario library from `scenarios/` and the checks that need more than one file."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import YAML_RE

from .models import Area, FrontMatter, Library, Scenario, Source
from .problems import Problems
from .sections import SECTION_KEYS
from .yaml_text import line_of, parse_yaml, read_text, valid_fields, validate

# Raw HTML that could run code in a reader's browser.
UNSAFE_MARKUP = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed)\b"  # elements that run or embed code
    r"|<[a-z][^>]*\son[a-z]+\s*="  # on*= event handler attributes
    r"|(\]\(|href\s*=\s*[\"']?|<)\s*javascript\s*:",  # javascript: links
    re.I,
)
MARKER = re.compile(r"^<!--\s*runway:([a-z-]+)\s*-->[ \t]*$", re.M)


@dataclass(frozen=True)
class Loaded:
    """One scenario file after its own checks: the scenario if valid, and the fields that validated either way."""

    path: Path
    scenario: Scenario | None
    fields: dict


def scenario_files(root: Path) -> list[Path]:
    """Every scenario file: `*.md` in the folder, except those starting with `_`."""
    return sorted(p for p in root.glob("*.md") if not p.name.startswith("_"))


def load_list(path: Path, kind, out: Problems) -> list:
    """A registry file that is a YAML list of `kind` entries."""
    text = read_text(path, out)
    data, node = parse_yaml(text, path, out) if text else (None, None)
    if data is None:
        return []
    if not isinstance(data, list):
        out.add(path, "", "must be a YAML list of entries", 1)
        return []
    models = (validate(kind, raw, path, node, 0, out, (index,)) for index, raw in enumerate(data))
    return [m for m in models if m is not None]


def load_tags(path: Path, out: Problems) -> dict[str, str]:
    text = read_text(path, out)
    data = parse_yaml(text, path, out)[0] if text else None
    if text and not isinstance(data, dict):
        out.add(path, "", "must be a mapping of tag to description")
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def load_scenario(path: Path, out: Problems) -> Loaded:
    """Read and check one scenario file on its own; cross-file checks come later, also for a broken file."""
    text = read_text(path, out)
    match = YAML_RE.match(text) if text else None
    if text and not match:
        message = "missing: the file must start with a '---' line, the YAML fields, and a closing '---' line"
        out.add(path, "front matter", message, 1)
    if not match:
        return Loaded(path, None, {})
    head, body = match.group(1), text[match.end() :]
    before = len(out.found)
    data, node = parse_yaml(head, path, out, "front matter", offset=1)
    if len(out.found) > before:
        return Loaded(path, None, {})
    if not isinstance(data, dict):
        out.add(path, "front matter", "must be a mapping of field: value", 2)
        return Loaded(path, None, {})
    meta = validate(FrontMatter, data, path, node, 1, out)
    unsafe = UNSAFE_MARKUP.search(text)
    if unsafe:
        line = text.count("\n", 0, unsafe.start()) + 1
        where = "body" if unsafe.start() >= len(text) - len(body) else "front matter"
        message = f"unsafe markup {unsafe.group(0)!r}: scripts, on*= handlers and javascript: links are not allowed"
        out.add(path, where, message, line)
        meta = None
    check_markers(body, path, text.count("\n", 0, len(text) - len(body)), out)
    fields = dict(meta) if meta is not None else valid_fields(FrontMatter, data)
    if "id" in fields and fields["id"] != path.stem:
        out.add(path, "id", f"'{fields['id']}' must equal the file name '{path.stem}'", line_of(node, ("id",), 1))
        meta = None
    return Loaded(path, Scenario(meta=meta, body=body, path=path) if meta else None, fields)


def check_markers(body: str, path: Path, first_line: int, out: Problems) -> None:
    """Section markers in the prose name known sections, each at most once."""
    seen: set[str] = set()
    for match in MARKER.finditer(body):
        key, line = match.group(1), first_line + body.count("\n", 0, match.start()) + 1
        if key not in SECTION_KEYS:
            out.add(path, "body", f"unknown section marker '{key}' (known: {', '.join(SECTION_KEYS)})", line)
        elif key in seen:
            out.add(path, "body", f"section marker '{key}' is placed twice", line)
        seen.add(key)


def check_references(files: list[Loaded], library: Library, out: Problems) -> None:
    """Checks that need the whole library: uniqueness and every id that points elsewhere, valid file or not."""
    all_ids = {f.path.stem for f in files}
    seen: dict[tuple[str, str], Path] = {}
    for f in files:
        m, p = f.fields, f.path
        for fld in ("id", "code"):
            if fld in m and (fld, m[fld]) in seen:
                out.add(p, fld, f"'{m[fld]}' is already used by {out.display(seen[fld, m[fld]])}")
            elif fld in m:
                seen[fld, m[fld]] = p
        area = library.area_of.get(m.get("area", ""))
        if "area" in m and area is None:
            out.add(p, "area", f"unknown area '{m['area']}' (known: {', '.join(library.area_of)})")
        elif area and "code" in m and not m["code"].startswith(area.letter):
            out.add(p, "code", f"'{m['code']}' must start with '{area.letter}', the letter of area '{m['area']}'")
        for i, tag in enumerate(m.get("tags", [])):
            if tag not in library.tags:
                out.add(p, f"tags[{i}]", f"unknown tag '{tag}' (add it to scenarios/_tags.yml first)")
        for i, use in enumerate(m.get("sources", [])):
            if use.id not in library.sources:
                out.add(p, f"sources[{i}].id", f"unknown source '{use.id}' (not in scenarios/_sources.yml)")
        cited = {u.id for u in m.get("sources", [])}
        for i, knob in enumerate(m.get("numbers", [])):
            if (knob.source is None) == (not knob.example):
                out.add(p, f"numbers[{i}]", "give either a source (one of this guide's sources) or example: true")
            elif knob.source and knob.source not in cited:
                out.add(p, f"numbers[{i}].source", f"'{knob.source}' must also be listed under sources")
        if m.get("case") and m["case"].source not in cited:
            out.add(p, "case.source", f"'{m['case'].source}' must also be listed under sources")
        for i, rel in enumerate(m.get("related", [])):
            if rel not in all_ids:
                out.add(p, f"related[{i}]", f"unknown scenario '{rel}'")
            elif rel == m.get("id"):
                out.add(p, f"related[{i}]", "a scenario cannot be related to itself")
        for i, alias in enumerate(m.get("aliases", [])):
            if alias in all_ids:
                out.add(p, f"aliases[{i}]", f"'{alias}' is the id of a live scenario")
        counts = Counter(c.id for c in m.get("checklist", []))
        for dup in sorted(i for i, n in counts.items() if n > 1):
            out.add(p, "checklist", f"item id '{dup}' is used more than once")


def unique_sources(entries: list[Source], path: Path, out: Problems) -> dict[str, Source]:
    """The registry by id; a second entry with the same id or URL is an error, never a silent overwrite."""
    by_id: dict[str, Source] = {}
    urls: dict[str, str] = {}
    for index, entry in enumerate(entries):
        if entry.id in by_id:
            out.add(path, f"[{index}].id", f"'{entry.id}' is already an entry of the registry")
        elif entry.url in urls:
            out.add(path, f"[{index}].url", f"{entry.url} is already the url of '{urls[entry.url]}'")
        else:
            by_id[entry.id], urls[entry.url] = entry, entry.id
    return by_id


def load_library(root: Path) -> Library:
    """Load `root` (the scenarios folder); raise LibraryError listing every problem."""
    out = Problems(root)
    areas = tuple(load_list(root / "_areas.yml", Area, out))
    registry = root / "_sources.yml"
    sources = unique_sources(load_list(registry, Source, out), registry, out)
    tags = load_tags(root / "_tags.yml", out)
    files = [load_scenario(path, out) for path in scenario_files(root)]
    library = Library(tuple(f.scenario for f in files if f.scenario), areas, sources, tags)
    check_references(files, library, out)
    out.raise_any()
    return library
