"""Pure renderers: library data in, Markdown out. No MkDocs here, so each is tested on exact output."""

from __future__ import annotations

import html
import json
import textwrap
from collections.abc import Callable

from .model import MARKER, SECTION_KEYS, Area, Library, Scenario, Source

# Generated sections in their default order: anchor (and marker name) -> heading.
SECTIONS: dict[str, str] = {
    "two-minute-answer": "A strong answer in two minutes",
    "answer-outline": "Answer outline",
    "checklist": "Checklist",
    "numbers": "Numbers and knobs",
    "partial-failures": "Partial and grey failures",
    "trade-offs": "Trade-offs",
    "signals": "Level signals",
    "red-flags": "Red flags",
    "follow-ups": "Follow-up questions",
    "behavioral": "Tell me about a time",
    "case": "Case study",
    "sources": "Sources",
    "related": "Related scenarios",
}
LEVEL_LABELS = {"senior": "Senior", "staff": "Staff adds", "principal": "Principal adds"}


def inline(text: str) -> str:
    """Front-matter text made safe for one Markdown line: HTML escaped, whitespace folded."""
    return html.escape(" ".join(text.split()), quote=False)


def indent(markdown: str, spaces: int = 4) -> str:
    return textwrap.indent(markdown, " " * spaces)


def heading(key: str) -> str:
    return f"## {SECTIONS[key]} {{#{key}}}\n\n"


def reveal(kind: str, title: str, content: str) -> str:
    """A collapsed pymdownx details block: practice mode hides the answer until the reader asks."""
    return f'??? {kind} "{title}"\n\n{indent(content)}\n'


def scenario_url(scenario: Scenario) -> str:
    return f"scenarios/{scenario.meta.id}.md"


def area_url(area: Area) -> str:
    return f"areas/{area.key}.md"


def question_block(s: Scenario, area: Area) -> str:
    m = s.meta
    glance = [
        f"**Code** `{m.code}`",
        f"**Area** [{inline(area.title)}](../{area_url(area)})",
        f"**Levels** {', '.join(m.levels)}",
        f"**Time** {m.minutes} minutes",
        f"**Tags** {', '.join(m.tags)}",
    ]
    if m.reviewed:
        glance.append(f"**Reviewed** {m.reviewed.isoformat()}")
    body = " · ".join(glance) + "\n"
    if m.keywords:
        body += f"\n**Also searched as** {'; '.join(inline(k) for k in m.keywords)}\n"
    practice = (
        f'<div class="runway-practice" data-scenario="{m.id}" data-minutes="{m.minutes}"></div>\n'
    )
    return (
        f"## Question {{#question}}\n\n> {inline(m.question)}\n\n"
        f'!!! info "At a glance"\n\n{indent(body)}\n{practice}\n'
    )


def outline_section(s: Scenario) -> str:
    phases = ""
    for number, phase in enumerate(s.meta.outline, 1):
        phases += f"{number}. **{inline(phase.title)}**\n"
        phases += "".join(f"    - {inline(point)}\n" for point in phase.points)
    return heading("answer-outline") + reveal("note", "Reveal the answer outline", phases)


def checklist_section(s: Scenario) -> str:
    items = "".join(
        f'- [ ] <span class="runway-anchor" id="checklist-{c.id}"></span>{inline(c.text)}\n'
        for c in s.meta.checklist
    )
    return heading("checklist") + reveal("success", "Reveal the checklist", items)


def paragraphs(text: str) -> str:
    """Front-matter text that may hold blank-line-separated paragraphs, each made safe with `inline`."""
    return "\n\n".join(inline(p) for p in text.split("\n\n") if p.strip()) + "\n"


def two_minute_section(s: Scenario) -> str:
    if s.meta.two_minute_answer is None:
        return ""
    return heading("two-minute-answer") + reveal("quote", "Reveal a two-minute answer", paragraphs(s.meta.two_minute_answer))


def numbers_section(s: Scenario) -> str:
    if not s.meta.numbers:
        return ""
    position = {u.id: n for n, u in enumerate(s.meta.sources, 1)}
    rows = "".join(
        f"| {cell(k.name)} | {cell(k.value)} | {cell(k.meaning)} | "
        + (f"[Source {position[k.source]}](#source-{k.source})" if k.source else "example") + " |\n"
        for k in s.meta.numbers
    )
    table = "| Knob | Value | What it means | Backed by |\n|---|---|---|---|\n" + rows
    return heading("numbers") + reveal("info", "Reveal the numbers and knobs", table)


def partial_failures_section(s: Scenario) -> str:
    if not s.meta.partial_failures:
        return ""
    items = "".join(f"- **{inline(f.failure)}** Caught by: {inline(f.caught_by)}\n" for f in s.meta.partial_failures)
    return heading("partial-failures") + reveal("warning", "Reveal the partial failures and what catches them", items)


def tradeoffs_section(s: Scenario) -> str:
    out = heading("trade-offs")
    for t in s.meta.tradeoffs:
        out += f"**{inline(t.decision)}**\n\n"
        out += "".join(f"- *{inline(o.option)}*: {inline(o.cost)}\n" for o in t.options)
        out += "\n"
    return out


def signals_section(s: Scenario) -> str:
    content = ""
    for level, label in LEVEL_LABELS.items():
        content += f"**{label}**\n\n"
        content += "".join(f"- {inline(line)}\n" for line in getattr(s.meta.signals, level))
        content += "\n"
    return heading("signals") + reveal("abstract", "Reveal what each level shows", content.rstrip() + "\n")


def red_flags_section(s: Scenario) -> str:
    return heading("red-flags") + "".join(f"- {inline(flag)}\n" for flag in s.meta.red_flags) + "\n"


def follow_ups_section(s: Scenario) -> str:
    out = heading("follow-ups")
    for number, f in enumerate(s.meta.follow_ups, 1):
        out += f"{number}. {inline(f.question)}\n\n"
        out += indent(reveal("tip", "Hint", inline(f.hint))) + "\n"
    return out


def behavioral_section(s: Scenario) -> str:
    b = s.meta.behavioral
    if b is None:
        return ""
    steps = "".join(f"{n}. {inline(step)}\n" for n, step in enumerate(b.outline, 1))
    return heading("behavioral") + f"> {inline(b.question)}\n\n{steps}\n"


def case_section(s: Scenario) -> str:
    c = s.meta.case
    if c is None:
        return ""
    return heading("case") + f"**{inline(c.title)}**\n\n{inline(c.story)} [Source](#source-{c.source})\n\n"


def sources_section(s: Scenario, sources: dict[str, Source]) -> str:
    out = heading("sources")
    for use in s.meta.sources:
        src = sources[use.id]
        out += (
            f'1. <span class="runway-anchor" id="source-{src.id}"></span>'
            f"[{inline(src.title)}]({src.url}), {inline(src.publisher)}. "
            f"*Section used:* {inline(use.section)}. *Supports:* {inline(use.supports)}\n"
        )
    return out + "\n"


def related_section(s: Scenario, library: Library) -> str:
    scenarios = library.by_id
    lines = "".join(
        f"- [{r.meta.code} · {inline(r.meta.title)}]({r.meta.id}.md): {inline(r.meta.question)}\n"
        for r in (scenarios[rid] for rid in s.meta.related)
    )
    return heading("related") + lines + "\n"


def scenario_page(s: Scenario, library: Library) -> str:
    """The whole Markdown of a scenario page; prose stays inert text, sections go at markers or in order."""
    area = next(a for a in library.areas if a.key == s.meta.area)
    renderers: dict[str, Callable[[], str]] = {
        "two-minute-answer": lambda: two_minute_section(s),
        "answer-outline": lambda: outline_section(s),
        "numbers": lambda: numbers_section(s),
        "partial-failures": lambda: partial_failures_section(s),
        "checklist": lambda: checklist_section(s),
        "trade-offs": lambda: tradeoffs_section(s),
        "signals": lambda: signals_section(s),
        "red-flags": lambda: red_flags_section(s),
        "follow-ups": lambda: follow_ups_section(s),
        "behavioral": lambda: behavioral_section(s),
        "case": lambda: case_section(s),
        "sources": lambda: sources_section(s, library.sources),
        "related": lambda: related_section(s, library),
    }
    placed = set(MARKER.findall(s.body))
    body = MARKER.sub(lambda match: renderers[match.group(1)]().rstrip() + "\n", s.body.strip())
    rest = "".join(renderers[key]() for key in SECTIONS if key not in placed)
    return f"# {inline(s.meta.title)}\n\n{question_block(s, area)}\n{body}\n\n{rest}".rstrip() + "\n"


def with_front_matter(meta: dict, markdown: str) -> str:
    """A generated page: JSON values as front matter (valid YAML, so no value is read as a tag), then Markdown."""
    lines = "".join(f"{key}: {json.dumps(value)}\n" for key, value in meta.items())
    return f"---\n{lines}---\n\n{markdown}"


def area_page(area: Area, library: Library) -> str:
    """One area: its description and a table of its scenarios."""
    rows = "".join(
        f"| `{s.meta.code}` | [{inline(s.meta.title)}](../{scenario_url(s)}) | {cell(s.meta.question)} "
        f"| {', '.join(s.meta.levels)} |\n"
        for s in library.in_area(area.key)
    )
    table = "| Code | Scenario | Question | Levels |\n|---|---|---|---|\n" + rows if rows else "No scenarios yet.\n"
    meta = {"title": f"{area.letter}. {area.title}", "description": f"{area.title}: interview scenarios"}
    return with_front_matter(meta, f"# {area.letter}. {inline(area.title)}\n\n{inline(area.description)}\n\n{table}")


def cell(text: str) -> str:
    """Front-matter text safe inside a Markdown table cell."""
    return inline(text).replace("|", "\\|")


def area_cards(library: Library) -> str:
    """Material grid cards, one per area, with its scenario count."""
    cards = ""
    for area in library.areas:
        count = len(library.in_area(area.key))
        noun = "scenario" if count == 1 else "scenarios"
        cards += (
            f"-   **[{area.letter}. {inline(area.title)}]({area_url(area)})** · {count} {noun}\n\n"
            f"    ---\n\n    {inline(area.description)}\n\n"
        )
    return f'<div class="grid cards" markdown>\n\n{cards}</div>\n'


def reading_list(library: Library) -> str:
    """Every registry source grouped by publisher, each with the scenarios that cite it."""
    by_publisher: dict[str, list[Source]] = {}
    for src in sorted(library.sources.values(), key=lambda s: (s.publisher.lower(), s.title.lower())):
        by_publisher.setdefault(src.publisher, []).append(src)
    citing_scenarios = library.citing()
    out = ""
    for publisher, sources in by_publisher.items():
        out += f"## {inline(publisher)}\n\n"
        for src in sources:
            citing = ", ".join(
                f"[{s.meta.code}]({scenario_url(s)}#source-{src.id})" for s in citing_scenarios.get(src.id, [])
            )
            out += f"- [{inline(src.title)}]({src.url}): {inline(src.summary)}"
            out += f" *Cited by* {citing}\n" if citing else "\n"
        out += "\n"
    return out


def progress_table(library: Library) -> str:
    """Every scenario as a row the practice script fills with the reader's ticks."""
    rows = "".join(
        f'<tr data-scenario="{s.meta.id}" data-items="{len(s.meta.checklist)}" markdown="1">'
        f'<td><code>{s.meta.code}</code></td><td markdown="span">[{inline(s.meta.title)}]({scenario_url(s)})</td>'
        f'<td class="runway-ticks">0 / {len(s.meta.checklist)}</td></tr>\n'
        for area in library.areas
        for s in library.in_area(area.key)
    )
    return (
        '<table class="runway-progress-table" markdown="1">\n<thead><tr><th scope="col">Code</th><th scope="col">Scenario</th>'
        f'<th scope="col">Checklist ticks</th></tr></thead>\n<tbody markdown="1">\n{rows}</tbody>\n</table>\n'
    )


def linking_examples(library: Library) -> str:
    """Link examples for coaches, taken from the first scenario so they always point at real anchors."""
    s = library.in_area(library.areas[0].key)[0] if library.scenarios else None
    if s is None:
        return "No scenarios yet.\n"
    item = s.meta.checklist[0].id
    path = f"scenarios/{s.meta.id}"
    return (
        "| To link to | Use | Try it |\n|---|---|---|\n"
        f"| a scenario | `{path}/` | [{s.meta.code}]({path}.md) |\n"
        f"| one section | `{path}/#trade-offs` | [{s.meta.code} trade-offs]({path}.md#trade-offs) |\n"
        f"| one checklist item | `{path}/#checklist-{item}` | [{s.meta.code} first item]({path}.md#checklist-{item}) |\n"
    )
