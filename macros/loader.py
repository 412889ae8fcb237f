"""Loading the scenario library from `scenarios/` and the checks that need more than one file."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import YAML_RE
from pydantic import TypeAdapter, ValidationError

from . import prose
from .limits import REGISTRY_BYTES, REGISTRY_ENTRIES, SCENARIO_BYTES
from .models import Area, FrontMatter, Library, Plain, Scenario, Slug, Source
from .problems import Problems
from .prose import MARKER
from .sections import SECTION_KEYS
from .yaml_text import irregular, line_of, parse_yaml, read_text, valid_fields, validate

__all__ = ["MARKER", "load_library", "scenario_files"]
NEAR_MISSES = {".markdown", ".mdown", ".mkd", ".mkdn", ".yaml"}  # with .md and .yml in other cases
TAG, TAG_TEXT = TypeAdapter(Slug), TypeAdapter(Plain)


@dataclass(frozen=True)
class Loaded:
    """One scenario file after its own checks: the scenario if valid, and the fields that validated either way."""

    path: Path
    scenario: Scenario | None
    fields: dict


def scenario_files(root: Path) -> list[Path]:
    """Every scenario file: `*.md` in the folder, except those starting with `_` or `.`."""
    return sorted(p for p in root.glob("*.md") if not p.name.startswith(("_", ".")))


def check_folder(root: Path, out: Problems) -> bool:
    """The scenarios folder is a real folder; a file named almost like a scenario or registry is an error."""
    kind = (irregular(root.lstat().st_mode) or "a file") if root.exists() or root.is_symlink() else "missing"
    if kind != "a directory":
        out.add(root, "", f"must be a folder inside the repository ({kind})")
        return False
    for path in sorted(root.iterdir()):
        suffix = path.suffix.lower()
        if path.name.startswith(".") or suffix not in NEAR_MISSES | {".md", ".yml"} or path.suffix in {".md", ".yml"}:
            continue
        wanted = ".yml" if suffix == ".yaml" else ".md"
        out.add(path, "", f"is not read: rename it to {path.stem}{wanted} (scenarios end in .md, registries in .yml)")
    return True


def load_yaml(path: Path, out: Problems, shape: type, what: str):
    """A registry file's data and YAML node if it is a `shape` (list or dict) of at most REGISTRY_ENTRIES; else None."""
    text = read_text(path, out, REGISTRY_BYTES)
    data, node = parse_yaml(text, path, out) if text else (None, None)
    if text and data is not None and not isinstance(data, shape):
        out.add(path, "", f"must be {what}", 1)
    elif isinstance(data, shape) and len(data) > REGISTRY_ENTRIES:
        out.add(path, "", f"has {len(data):,} entries; the limit is {REGISTRY_ENTRIES:,}")
    else:
        return (data, node) if isinstance(data, shape) else None
    return None


def load_list(path: Path, kind, key: str, out: Problems, reported: set[str]) -> list | None:
    """A registry file that is a YAML list of `kind` entries; None when the file itself is unusable.

    The `key` of each entry that fails its checks goes into `reported`, so references to it are not reported too.
    """
    loaded = load_yaml(path, out, list, "a YAML list of entries")
    if loaded is None:
        return None
    data, node = loaded
    models = [validate(kind, raw, path, node, 0, out, (index,)) for index, raw in enumerate(data)]
    reported.update(
        str(raw.get(key)) for raw, m in zip(data, models, strict=True) if m is None and isinstance(raw, dict)
    )
    return [m for m in models if m is not None]


def load_tags(path: Path, out: Problems, reported: set[str]) -> dict[str, str] | None:
    """The tags registry: tag slug to a plain-text description; None when the file itself is unusable."""
    loaded = load_yaml(path, out, dict, "a mapping of tag to description")
    if loaded is None:
        return None
    tags = {}
    for key, value in loaded[0].items():
        try:
            tags[TAG.validate_python(key)] = TAG_TEXT.validate_python(value)
        except ValidationError as err:
            out.add(path, str(key), err.errors()[0]["msg"], line_of(loaded[1], (key,), 0))
            reported.add(str(key))
    return tags


def load_scenario(path: Path, out: Problems) -> Loaded:
    """Read and check one scenario file on its own; cross-file checks come later, also for a broken file."""
    text = read_text(path, out, SCENARIO_BYTES)
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
    first_line = text.count("\n", 0, len(text) - len(body))
    for line, message in prose.problems(body, SECTION_KEYS):
        out.add(path, "body", message, first_line + line)
        meta = None
    fields = dict(meta) if meta is not None else valid_fields(FrontMatter, data)
    if "id" in fields and fields["id"] != path.stem:
        out.add(path, "id", f"'{fields['id']}' must equal the file name '{path.stem}'", line_of(node, ("id",), 1))
        meta = None
    scenario = Scenario(meta=meta, body=body, path=path, body_line=first_line + 1) if meta else None
    return Loaded(path, scenario, fields)


def check_references(
    files: list[Loaded], library: Library, out: Problems, reported: dict[str, set[str] | None]
) -> None:
    """Checks that need the whole library: uniqueness and every id that points elsewhere, valid file or not.

    `reported` holds, per registry ("areas", "tags", "sources"), the keys of entries already reported as broken,
    or None when its whole file was: a broken entry or file is reported once, not again by every reference.
    """

    def unknown(kind: str, key: str, table) -> bool:
        return key not in table and reported[kind] is not None and key not in reported[kind]

    all_ids = {f.path.stem for f in files}
    seen: dict[tuple[str, str], Path] = {}
    for f in files:
        m, p = f.fields, f.path
        for fld in ("id", "code"):
            if fld in m and (fld, m[fld]) in seen:
                out.add(p, fld, f"'{m[fld]}' is already used by {out.display(seen[fld, m[fld]])}")
            elif fld in m:
                seen[fld, m[fld]] = p
        for i, alias in enumerate(m.get("aliases", [])):
            if ("alias", alias) in seen:
                out.add(p, f"aliases[{i}]", f"'{alias}' is already an alias of {out.display(seen['alias', alias])}")
            seen.setdefault(("alias", alias), p)
        area = library.area_of.get(m.get("area", ""))
        if "area" in m and unknown("areas", m["area"], library.area_of):
            out.add(p, "area", f"unknown area '{m['area']}' (known: {', '.join(library.area_of)})")
        elif area and "code" in m and not m["code"].startswith(area.letter):
            out.add(p, "code", f"'{m['code']}' must start with '{area.letter}', the letter of area '{m['area']}'")
        for i, tag in enumerate(m.get("tags", [])):
            if unknown("tags", tag, library.tags):
                out.add(p, f"tags[{i}]", f"unknown tag '{tag}' (add it to scenarios/_tags.yml first)")
        for i, use in enumerate(m.get("sources", [])):
            if unknown("sources", use.id, library.sources):
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
    if not check_folder(root, out):
        out.raise_any()
    reported: dict[str, set[str] | None] = {"areas": set(), "sources": set(), "tags": set()}
    areas = load_list(root / "_areas.yml", Area, "key", out, reported["areas"])
    sources = load_list(root / "_sources.yml", Source, "id", out, reported["sources"])
    tags = load_tags(root / "_tags.yml", out, reported["tags"])
    for name, value in (("areas", areas), ("sources", sources), ("tags", tags)):
        reported[name] = None if value is None else reported[name]
    files = [load_scenario(path, out) for path in scenario_files(root)]
    library = Library(
        tuple(f.scenario for f in files if f.scenario),
        tuple(areas or ()),
        unique_sources(sources or [], root / "_sources.yml", out),
        tags or {},
    )
    check_references(files, library, out, reported)
    out.raise_any()
    return library
