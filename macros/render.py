"""Pure page renderers: library data in, Markdown out. No MkDocs here, so each is tested on exact output."""

from __future__ import annotations

import re

from .loader import MARKER
from .markdown import cell, indent, inline, reveal, theme_text, with_front_matter
from .models import LEVELS, Area, Library, Scenario, Source
from .sections import BY_KEY, QUESTION_ANCHOR, SECTIONS, WHY_ANCHOR, section_markdown
from .urls import area_path, from_nested, scenario_path, scorecard_path


def question_block(s: Scenario, area: Area) -> str:
    m = s.meta
    glance = [
        f"**Code** `{m.code}`",
        f"**Area** [{inline(area.title)}]({from_nested(area_path(area.key))})",
        f"**Levels** {', '.join(m.levels)}",
        f"**Time** {m.minutes} minutes",
        f"**Tags** {', '.join(m.tags)}",
    ]
    if m.reviewed:
        glance.append(f"**Reviewed** {m.reviewed.isoformat()}")
    glance.append(f"[Coach's scorecard]({from_nested(scorecard_path(m.id))})")
    body = " · ".join(glance) + "\n"  # keywords stay off the page: they name mechanisms that answer the question
    practice = f'<div class="runway-practice" data-scenario="{m.id}" data-minutes="{m.minutes}"></div>\n'
    return (
        f"## Question {{#{QUESTION_ANCHOR}}}\n\n> {inline(m.question)}\n\n"
        f'!!! info "At a glance"\n\n{indent(body)}\n{practice}\n'
    )


WHY_HEADING = re.compile(rf"^## .*\{{#{WHY_ANCHOR}\}}[ \t]*$", re.M)
NEXT_HEADING = re.compile(r"^#{1,2} ", re.M)


def hide_level_answers(body: str) -> str:
    """The "why interviewers ask" section keeps its first paragraph open; what each level adds starts hidden."""
    heading = WHY_HEADING.search(body)
    if heading is None:
        return body
    start = heading.end()
    following = NEXT_HEADING.search(body, start)
    end = following.start() if following else len(body)
    paragraphs = body[start:end].strip("\n").split("\n\n", 1)
    if len(paragraphs) < 2 or not paragraphs[1].strip():
        return body
    hidden = reveal("example", "Reveal: how answers differ by level", paragraphs[1].strip() + "\n")
    return f"{body[:start]}\n\n{paragraphs[0]}\n\n{hidden}\n{body[end:]}"


def scenario_page(s: Scenario, library: Library) -> str:
    """The whole Markdown of a scenario page; prose stays inert text, sections go at markers or in order."""
    placed = set(MARKER.findall(s.body))
    prose = hide_level_answers(s.body.strip())
    body = MARKER.sub(lambda match: section_markdown(BY_KEY[match.group(1)], s, library).rstrip() + "\n", prose)
    rest = "".join(section_markdown(x, s, library) for x in SECTIONS if x.key not in placed)
    page = f"# {inline(s.meta.title)}\n\n{question_block(s, library.area_of[s.meta.area])}\n{body}\n\n{rest}"
    return page.rstrip() + "\n"


def scenario_front_matter(s: Scenario) -> dict:
    """What MkDocs and Material print unescaped in <title>, the meta description, the header and the nav."""
    return {"title": theme_text(s.meta.title), "description": theme_text(s.meta.summary), "tags": s.meta.tags}


def levels_note(s: Scenario) -> str:
    """The levels a scenario is asked at, said only when it is not asked at every level."""
    return "" if len(s.meta.levels) == len(LEVELS) else f" · {', '.join(s.meta.levels)} only"


def area_page(area: Area, library: Library) -> str:
    """One area: its description and a card per scenario (one column on a phone, two on a wide screen)."""
    cards = "".join(
        f"-   **[{s.meta.code} · {inline(s.meta.title)}](../{scenario_path(s.meta.id)})** · "
        f"{s.meta.minutes} minutes{levels_note(s)}\n\n    ---\n\n    {inline(s.meta.question)}\n\n"
        for s in library.in_area(area.key)
    )
    listing = f'<div class="grid cards" markdown>\n\n{cards}</div>\n' if cards else "No scenarios yet.\n"
    meta = {
        "title": theme_text(f"{area.letter}. {area.title}"),
        "description": theme_text(f"{area.title}: interview scenarios"),
    }
    return with_front_matter(meta, f"# {area.letter}. {inline(area.title)}\n\n{inline(area.description)}\n\n{listing}")


def area_cards(library: Library) -> str:
    """Material grid cards, one per area, with its scenario count."""
    cards = ""
    for area in library.areas:
        count = len(library.in_area(area.key))
        noun = "scenario" if count == 1 else "scenarios"
        cards += (
            f"-   **[{area.letter}. {inline(area.title)}]({area_path(area.key)})** · {count} {noun}\n\n"
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
                f"[{s.meta.code}]({scenario_path(s.meta.id)}#source-{src.id})" for s in citing_scenarios.get(src.id, [])
            )
            out += f"- [{inline(src.title)}]({src.url}): {inline(src.summary)}"
            out += f" *Cited by* {citing}\n" if citing else "\n"
        out += "\n"
    return out


def progress_table(library: Library) -> str:
    """Every scenario as a table row; the practice script reads each link's data and fills in the reader's ticks."""
    rows = "".join(
        f"| `{s.meta.code}` | [{cell(s.meta.title)}]({scenario_path(s.meta.id)}){{ {scenario_data(s)} }} | – | – |\n"
        for s in library.in_order()
    )
    return "| Code | Scenario | Checklist ticks | Last practised |\n|---|---|---|---|\n" + rows


def scenario_data(s: Scenario) -> str:
    """attr_list data attributes that the practice scripts read from a link to a scenario."""
    items = " ".join(c.id for c in s.meta.checklist)
    return (
        f'data-scenario="{s.meta.id}" data-area="{s.meta.area}" data-levels="{" ".join(s.meta.levels)}" '
        f'data-minutes="{s.meta.minutes}" data-items="{items}"'
    )


def mock_picker(library: Library) -> str:
    """Every scenario with its area, for the mock interview page's filters and "surprise me"."""
    rows = "".join(
        f"| `{s.meta.code}` | [{cell(s.meta.title)}]({scenario_path(s.meta.id)}){{ {scenario_data(s)} }} "
        f"| {cell(library.area_of[s.meta.area].title)} | {s.meta.minutes} min |\n"
        for s in library.in_order()
    )
    return "| Code | Scenario | Area | Time |\n|---|---|---|---|\n" + rows


def scorecard_page(s: Scenario, library: Library) -> str:
    """A coach's scorecard: each level's signals and each red flag, to score 1 to 4 with notes; printable.

    Its groups are bold lines, not headings: the page is outside the navigation, where a table of contents
    would point at a toggle Material does not render."""
    m = s.meta
    levels = "".join(
        f"**{level.name} signals**\n\n"
        + "".join(f"- {inline(line)}\n" for line in getattr(m.signals, level.key))
        + "\n"
        for level in LEVELS
    )
    flags = "".join(f"- {inline(flag)}\n" for flag in m.red_flags)
    body = (
        f"# Scorecard: {m.code} · {inline(m.title)}\n\n> {inline(m.question)}\n\n"
        f"Score each line from 1 (not shown) to 4 (shown clearly, unprompted) and add notes. "
        f"[The guide]({from_nested(scenario_path(m.id))}) has the full answer.\n\n"
        f'<div class="runway-scorecard" data-scenario="{m.id}" markdown>\n\n{levels}'
        f"**Red flags**\n\n{flags}\n</div>\n"
    )
    meta = {
        "title": theme_text(f"Scorecard: {m.code} {m.title}"),
        "description": theme_text(f"Interviewer scorecard for {m.title}"),
    }
    return with_front_matter({**meta, "search": {"exclude": True}, "scripts": ["assets/runway/scorecard.js"]}, body)


def scorecard_list(library: Library) -> str:
    """A link to every scenario's scorecard, area by area, for the coaches page."""
    out = ""
    for area in library.areas:
        links = ", ".join(f"[{s.meta.code}]({scorecard_path(s.meta.id)})" for s in library.in_area(area.key))
        out += f"- **{area.letter}. {inline(area.title)}**: {links}\n" if links else ""
    return out


def linking_examples(library: Library) -> str:
    """Link examples for coaches, taken from the first scenario so they always point at real anchors."""
    first = library.in_order()[:1]
    if not first:
        return "No scenarios yet.\n"
    s, item = first[0], first[0].meta.checklist[0].id
    path, code = scenario_path(s.meta.id), s.meta.code
    url = path.removesuffix(".md")
    return (
        "| To link to | Use | Try it |\n|---|---|---|\n"
        f"| a scenario | `{url}/` | [{code}]({path}) |\n"
        f"| one section | `{url}/#trade-offs` | [{code} trade-offs]({path}#trade-offs) |\n"
        f"| one checklist item | `{url}/#checklist-{item}` | [{code} first item]({path}#checklist-{item}) |\n"
    )


def section_anchors() -> str:
    """The anchors every scenario page has, for the coaches page."""
    rows = f"| `#{QUESTION_ANCHOR}` | Question | always |\n" + "".join(
        f"| `#{x.key}` | {x.heading} | {'when the guide has one' if x.optional else 'always'} |\n" for x in SECTIONS
    )
    return "| Anchor | Section | Present |\n|---|---|---|\n" + rows


def levels_table() -> str:
    """What each interview level listens for, for the practice page."""
    rows = "".join(f"| {level.name} | {level.listens_for} |\n" for level in LEVELS)
    return "| Level | What the interviewer listens for |\n|---|---|\n" + rows
