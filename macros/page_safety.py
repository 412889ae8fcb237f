"""Every page's content through the allowlist at the end of the build, each change traced to where it came from.

The pages are checked once all of them are rendered (tags listings included), so the HTML checked is the
HTML published. When a page fails, the problem names the field of a scenario or registry entry whose text
makes markup that is not allowed, or the line of the hand-written prose; only when neither explains it does
the problem name the page alone. The tracing renders values and prose again, which only a failing build pays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import markdown
from mkdocs.utils.meta import YAML_RE
from pydantic import BaseModel

from . import prose
from .markdown import inline
from .models import Library, Scenario
from .problems import Problems
from .sanitize import clean
from .yaml_text import line_of, parse_yaml

Render = Callable[[str], str]


def renderer(extensions: list, configs: dict) -> Render:
    """Markdown to HTML with the site's extensions, as MkDocs renders a page."""
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)

    def render(text: str) -> str:
        md.reset()
        return md.convert(text)

    return render


def text_values(model: BaseModel, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every string in a model, with its field location such as ('checklist', 2, 'text')."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        values = enumerate(value) if isinstance(value, list | tuple) else [(None, value)]
        for index, item in values:
            here = (*loc, name) if index is None else (*loc, name, index)
            if isinstance(item, str):
                yield here, item
            elif isinstance(item, BaseModel):
                yield from text_values(item, here)


def field_name(loc: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(loc))


def unsafe_fields(library: Library, render: Render, out: Problems) -> int:
    """Report each scenario or registry text value that renders to markup the allowlist refuses; return how many."""
    found = 0
    for s in library.scenarios:
        node = None
        for loc, value in text_values(s.meta):
            changes = clean(render(inline(value)))[1]
            if changes:
                node = node or front_matter_node(s)
                out.add(s.path, field_name(loc), "; ".join(changes), line_of(node, loc, 1))
                found += 1
    for source in library.sources.values():
        for loc, value in text_values(source):
            changes = clean(render(inline(value)))[1]
            if changes:
                out.add(out.root / "_sources.yml", f"{source.id}.{field_name(loc)}", "; ".join(changes))
                found += 1
    return found


def front_matter_node(s: Scenario):
    """The YAML node of a scenario's front matter, for line numbers (parsed again: only failing builds do this)."""
    match = YAML_RE.match(s.path.read_text(encoding="utf-8-sig").replace("\r\n", "\n"))
    return parse_yaml(match.group(1), s.path, Problems(s.path.parent))[1] if match else None


def unsafe_lines(text: str, render: Render, most: int = 30) -> list[tuple[int, list[str]]]:
    """The paragraphs of `text` that make refused markup: each one's first line and what was refused.

    A binary search over paragraph ends finds the first paragraph whose rendered prefix is refused (so a
    reference-style link is caught at its definition); that paragraph is then set aside and the search runs
    again. Each search is a few renders of at most the whole text.
    """
    lines = text.split("\n")
    ends = [(block[0].number, block[-1].number) for block in prose.blocks(text)]
    found: list[tuple[int, list[str]]] = []

    def refused(upto: int) -> list[str]:
        kept = [line for n, line in enumerate(lines[: ends[upto][1]], 1) if n not in skip]
        return clean(render("\n".join(kept)))[1]

    skip: set[int] = set()
    while ends and len(found) < most and refused(len(ends) - 1):
        low, high = 0, len(ends) - 1
        while low < high:
            middle = (low + high) // 2
            low, high = (low, middle) if refused(middle) else (middle + 1, high)
        first, last = ends[low]
        found.append((first, refused(low)))
        skip.update(range(first, last + 1))
    return found


def source_line(path: Path, text: str) -> int | None:
    """The line of a hand-written file that equals `text`, if there is exactly one."""
    try:
        found = [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if line == text]
    except (OSError, UnicodeDecodeError):
        return None
    return found[0] if len(found) == 1 else None


def trace_page(page, library: Library, render: Render, out: Problems) -> bool:
    """Report the prose lines that make a failing page's refused markup; False when the prose is not the cause.

    A hand-written page's lines count only when they are the author's own (not the output of a macro, whose
    data is traced to its field instead).
    """
    scenario = library.by_id.get(Path(page.file.src_uri).stem) if page.file.src_uri.startswith("scenarios/") else None
    text = prose.MARKER.sub("", scenario.body) if scenario else page.markdown or ""
    traced = False
    for line, changes in unsafe_lines(text, render):
        if scenario:
            out.add(scenario.path, "body", "; ".join(changes), scenario.body_line + line - 1)
            traced = True
        elif page.file.abs_src_path and (
            found := source_line(Path(page.file.abs_src_path), text.split("\n")[line - 1])
        ):
            out.add(Path(page.file.abs_src_path), "", "; ".join(changes), found)
            traced = True
    return traced


def check_pages(pages: list, library: Library, render: Render, out: Problems) -> None:
    """Replace each page's content with its allowlisted HTML; report what would have changed and where it came from."""
    failing = []
    for page in pages:
        if page.content is None:
            continue
        page.content, changes = clean(page.content)
        if changes:
            failing.append((page, changes))
    if not failing:
        return
    fields = unsafe_fields(library, render, out)
    for page, changes in failing:
        if not trace_page(page, library, render, out) and not fields:
            path = Path(page.file.abs_src_path or page.file.src_uri)
            out.add(path, "page", "; ".join(dict.fromkeys(changes)))
