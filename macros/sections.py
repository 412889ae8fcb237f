"""The generated sections of a scenario page: one table that the loader, renderers, catalog and pages all read.

Adding a section is one row here and one function: the function gets the scenario and the library and
returns the section's Markdown without its heading, or "" when the scenario has nothing for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .markdown import cell, indent, inline, paragraphs, reveal
from .models import LEVELS, Library, Scenario
from .urls import from_nested, scenario_path


def two_minute(s: Scenario, library: Library) -> str:
    return paragraphs(s.meta.two_minute_answer) if s.meta.two_minute_answer else ""


def outline(s: Scenario, library: Library) -> str:
    out = ""
    for number, phase in enumerate(s.meta.outline, 1):
        out += f"{number}. **{inline(phase.title)}**\n"
        out += "".join(f"    - {inline(point)}\n" for point in phase.points)
    return out


def checklist(s: Scenario, library: Library) -> str:
    return "".join(
        f'- [ ] <span class="runway-anchor" id="checklist-{c.id}"></span>{inline(c.text)}\n' for c in s.meta.checklist
    )


def numbers(s: Scenario, library: Library) -> str:
    if not s.meta.numbers:
        return ""
    position = {u.id: n for n, u in enumerate(s.meta.sources, 1)}
    rows = "".join(
        f"| {cell(k.name)} | {cell(k.value)} | {cell(k.meaning)} | "
        + (f"[Source {position[k.source]}](#source-{k.source})" if k.source else "example")
        + " |\n"
        for k in s.meta.numbers
    )
    return "| Knob | Value | What it means | Backed by |\n|---|---|---|---|\n" + rows


def partial_failures(s: Scenario, library: Library) -> str:
    return "".join(f"- **{inline(f.failure)}** Caught by: {inline(f.caught_by)}\n" for f in s.meta.partial_failures)


def tradeoffs(s: Scenario, library: Library) -> str:
    out = ""
    for t in s.meta.tradeoffs:
        out += f"**{inline(t.decision)}**\n\n"
        out += "".join(f"- *{inline(o.option)}*: {inline(o.cost)}\n" for o in t.options)
        out += "\n"
    return out.rstrip() + "\n"


def signals(s: Scenario, library: Library) -> str:
    blocks = [
        f"**{level.signals_heading}**\n\n"
        + "".join(f"- {inline(line)}\n" for line in getattr(s.meta.signals, level.key))
        for level in LEVELS
    ]
    return "\n".join(blocks)


def red_flags(s: Scenario, library: Library) -> str:
    return "".join(f"- {inline(flag)}\n" for flag in s.meta.red_flags)


def follow_ups(s: Scenario, library: Library) -> str:
    return "".join(
        f"{number}. {inline(f.question)}\n\n" + indent(reveal("tip", "Reveal: hint", inline(f.hint))) + "\n"
        for number, f in enumerate(s.meta.follow_ups, 1)
    )


def behavioral(s: Scenario, library: Library) -> str:
    b = s.meta.behavioral
    if b is None:
        return ""
    steps = "".join(f"{n}. {inline(step)}\n" for n, step in enumerate(b.outline, 1))
    return f"> {inline(b.question)}\n\n" + reveal("note", "Reveal: an outline for your story", steps)


def case(s: Scenario, library: Library) -> str:
    c = s.meta.case
    return f"**{inline(c.title)}**\n\n{inline(c.story)} [Source](#source-{c.source})\n" if c else ""


def sources(s: Scenario, library: Library) -> str:
    out = ""
    for use in s.meta.sources:
        src = library.sources[use.id]
        out += (
            f'1. <span class="runway-anchor" id="source-{src.id}"></span>'
            f"[{inline(src.title)}]({src.url}), {inline(src.publisher)}. "
            f"*Section used:* {inline(use.section)}. *Supports:* {inline(use.supports)}\n"
        )
    return out


def related(s: Scenario, library: Library) -> str:
    return "".join(
        f"- [{r.meta.code} · {inline(r.meta.title)}]({from_nested(scenario_path(r.meta.id))}): "
        f"{inline(r.meta.question)}\n"
        for r in (library.by_id[rid] for rid in s.meta.related)
    )


@dataclass(frozen=True)
class Section:
    key: str  # the anchor (#key), the marker name (<!-- runway:key -->) and the catalog's section name
    heading: str
    render: Callable[[Scenario, Library], str]
    optional: bool = False  # absent from the page (and the catalog) when the scenario has nothing for it
    hidden: str | None = None  # practice mode: the admonition kind of the collapsed block the section starts in


# In default page order; the question and the author's prose come before them.
SECTIONS: tuple[Section, ...] = (
    Section("two-minute-answer", "A two-minute answer", two_minute, optional=True, hidden="quote"),
    Section("answer-outline", "Answer outline", outline, hidden="note"),
    Section("checklist", "Checklist", checklist, hidden="success"),
    Section("numbers", "Numbers and knobs", numbers, optional=True, hidden="info"),
    Section("partial-failures", "Partial and grey failures", partial_failures, optional=True, hidden="warning"),
    Section("trade-offs", "Trade-offs", tradeoffs, hidden="abstract"),
    Section("signals", "Level signals", signals, hidden="example"),
    Section("red-flags", "Red flags", red_flags, hidden="danger"),
    Section("follow-ups", "Follow-up questions", follow_ups),
    Section("behavioral", "Tell me about a time", behavioral, optional=True),
    Section("case", "Case study", case, optional=True),
    Section("sources", "Sources", sources),
    Section("related", "Related scenarios", related),
)
SECTION_KEYS: tuple[str, ...] = tuple(section.key for section in SECTIONS)
BY_KEY: dict[str, Section] = {section.key: section for section in SECTIONS}
QUESTION_ANCHOR = "question"  # the fixed first section, before the prose
WHY_ANCHOR = "why-interviewers-ask"  # the prose section whose first paragraph stays open in practice mode


def section_markdown(section: Section, s: Scenario, library: Library) -> str:
    """One section with its heading; a hidden one starts collapsed; "" when the scenario has nothing for it."""
    body = section.render(s, library)
    if not body:
        return ""
    if section.hidden:
        body = reveal(section.hidden, f"Reveal: {section.heading}", body)
    return f"## {section.heading} {{#{section.key}}}\n\n{body.rstrip()}\n\n"


def present_keys(s: Scenario, library: Library) -> list[str]:
    """The section anchors the scenario's page has, the question first."""
    return [QUESTION_ANCHOR] + [x.key for x in SECTIONS if not x.optional or x.render(s, library)]
