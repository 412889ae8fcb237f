"""Each renderer's exact Markdown, on a small library made from the template."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from macros import render, sections
from macros.loader import load_library
from macros.markdown import inline
from tests.scenario_factory import scenario_text, small_library, write_library


@pytest.fixture
def library(tmp_path):
    return load_library(write_library(tmp_path / "scenarios", small_library()))


@pytest.fixture
def alpha(library):
    return library.by_id["alpha-scenario"]


def with_meta(scenario, **changes):
    return replace(scenario, meta=scenario.meta.model_copy(update=changes))


def test_every_section_has_a_unique_key_and_heading():
    assert len(set(sections.SECTION_KEYS)) == len(sections.SECTIONS)
    assert len({x.heading for x in sections.SECTIONS}) == len(sections.SECTIONS)


def test_a_hidden_section_starts_collapsed_under_its_heading(alpha, library):
    alpha = with_meta(alpha, red_flags=["One flag."])
    assert sections.section_markdown(sections.BY_KEY["red-flags"], alpha, library) == (
        '## Red flags {#red-flags}\n\n??? danger "Reveal: Red flags"\n\n    - One flag.\n\n'
    )


def test_an_optional_section_with_nothing_to_show_is_left_out(alpha, library):
    alpha = with_meta(alpha, case=None)
    assert sections.section_markdown(sections.BY_KEY["case"], alpha, library) == ""
    assert "case" not in sections.present_keys(alpha, library)


def test_inline_escapes_html_and_folds_whitespace():
    assert inline("  a <b>bold</b> &\n  more ") == "a &lt;b&gt;bold&lt;/b&gt; &amp; more"


def test_checklist_items_carry_their_anchor(alpha, library):
    alpha = with_meta(alpha, checklist=alpha.meta.checklist[:2])
    assert sections.checklist(alpha, library) == (
        '- [ ] <span class="runway-anchor" id="checklist-first-item"></span>'
        "Something specific enough to act on, with the number or the tool.\n"
        '- [ ] <span class="runway-anchor" id="checklist-second-item"></span>Another specific action.\n'
    )


def test_outline_is_a_numbered_list_of_phases(alpha, library):
    alpha = with_meta(alpha, outline=alpha.meta.outline[:1])
    assert sections.outline(alpha, library) == (
        "1. **Clarify scope and constraints**\n"
        "    - A concrete point with a number or a named mechanism.\n"
        "    - Another concrete point.\n"
    )


def test_tradeoffs_name_each_option_and_its_cost(alpha, library):
    alpha = with_meta(alpha, tradeoffs=alpha.meta.tradeoffs[:1])
    assert sections.tradeoffs(alpha, library) == (
        "**The choice being made**\n\n"
        "- *The first option*: What it costs and when that cost is worth paying.\n"
        "- *The second option*: What it costs.\n"
    )


def test_signals_list_each_level(alpha, library):
    out = sections.signals(alpha, library)
    assert out.startswith("**Senior**\n\n- What a senior answer shows.\n")
    assert out.index("**Staff adds**") < out.index("**Principal adds**")
    assert "- What a principal answer adds across the organisation or the business.\n" in out


def test_follow_ups_hide_each_hint(alpha, library):
    alpha = with_meta(alpha, follow_ups=alpha.meta.follow_ups[:1])
    assert sections.follow_ups(alpha, library) == (
        "1. A follow-up the interviewer may ask?\n\n"
        '    ??? tip "Reveal: hint"\n\n        A short hint at a good answer.\n\n'
    )


def test_sources_are_numbered_with_anchor_title_publisher_section_and_claim(alpha, library):
    alpha = with_meta(alpha, sources=alpha.meta.sources[:1])
    src = library.sources["sre-workbook-canarying-releases"]
    assert sections.sources(alpha, library) == (
        f'1. <span class="runway-anchor" id="source-sre-workbook-canarying-releases"></span>'
        f"[{inline(src.title)}]({src.url}), {inline(src.publisher)}. "
        "*Section used:* The section or heading used. *Supports:* The claim in this guide that the source backs.\n"
    )


def test_case_links_to_its_numbered_source(alpha, library):
    assert sections.case(alpha, library).endswith(
        "What happened, in your own words, saying only what the source's summary supports. "
        "[Source](#source-sre-workbook-canarying-releases)\n"
    )
    assert sections.case(with_meta(alpha, case=None), library) == ""


def test_related_links_by_id_with_code_and_question(alpha, library):
    assert sections.related(alpha, library) == (
        "- [A2 · Example scenario](../scenarios/beta-scenario.md): "
        "The question exactly as an interviewer would ask it?\n"
        "- [A3 · Example scenario](../scenarios/gamma-scenario.md): "
        "The question exactly as an interviewer would ask it?\n"
    )


def test_scenario_page_puts_sections_in_fixed_order(alpha, library):
    page = render.scenario_page(alpha, library)
    anchors = re.findall(r"^## .* \{#([a-z-]+)\}$", page, re.M)
    assert anchors == [
        "question",
        "why-interviewers-ask",
        "approach",
        "checklist",
        "two-minute-answer",
        "answer-outline",
        "numbers",
        "partial-failures",
        "trade-offs",
        "signals",
        "red-flags",
        "follow-ups",
        "behavioral",
        "case",
        "sources",
        "related",
    ]
    assert page.startswith(
        "# Example scenario\n\n## Question {#question}\n\n> The question exactly as an interviewer would ask it?\n"
    )


def test_marker_places_its_section_and_nothing_else_moves(alpha, library):
    body = "## Why interviewers ask this {#why}\n\nText.\n\n<!-- runway:related -->\n\nAfter.\n"
    page = render.scenario_page(replace(alpha, body=body), library)
    assert page.index("{#related}") < page.index("After.") < page.index("{#answer-outline}")
    assert page.count("{#related}") == 1
    assert "runway:related" not in page


def test_prose_stays_literal_text(alpha, library):
    body = "Jinja {{ 7*7 }} and {% if true %}x{% endif %} stay as written.\n"
    page = render.scenario_page(replace(alpha, body=body), library)
    assert "Jinja {{ 7*7 }} and {% if true %}x{% endif %} stay as written." in page


def test_front_matter_html_is_escaped(alpha, library):
    page = render.scenario_page(with_meta(alpha, question="Is <b>this</b> & that safe?"), library)
    assert "> Is &lt;b&gt;this&lt;/b&gt; &amp; that safe?" in page


def test_at_a_glance_and_practice_bar(alpha, library):
    block = render.question_block(alpha, library.areas[0])
    assert "**Code** `A1` · **Area** [Safe change and release](../areas/safe-change.md) · " in block
    assert (
        "**Levels** senior, staff, principal · **Time** 45 minutes · **Tags** release, rollback"
        " · **Reviewed** 2026-12-02 · [Coach's scorecard](../scorecards/alpha-scenario.md)\n" in block
    )
    assert "words for the symptom" not in render.scenario_page(alpha, library), "keywords are for search only"
    assert '<div class="runway-practice" data-scenario="alpha-scenario" data-minutes="45"></div>' in block


def test_area_page_lists_its_scenarios_in_code_order(library):
    page = render.area_page(library.areas[0], library)
    assert page.startswith('---\ntitle: "A. Safe change and release"\n')
    cards = [line for line in page.splitlines() if line.startswith("-   **[A")]
    assert cards[0] == "-   **[A1 · Example scenario](../scenarios/alpha-scenario.md)** · 45 minutes"
    assert [c.split("[")[1].split(" ")[0] for c in cards] == ["A1", "A2", "A3"]
    assert "    The question exactly as an interviewer would ask it?\n" in page
    assert "No scenarios yet." in render.area_page(library.areas[1], library)


def test_area_cards_count_scenarios(library):
    cards = render.area_cards(library)
    assert cards.startswith('<div class="grid cards" markdown>\n\n')
    assert "-   **[A. Safe change and release](areas/safe-change.md)** · 3 scenarios\n" in cards
    assert "-   **[B. Data and schema change without downtime](areas/data-change.md)** · 0 scenarios\n" in cards


def test_reading_list_groups_by_publisher_and_links_citing_scenarios(library):
    text = render.reading_list(library)
    src = library.sources["sre-workbook-canarying-releases"]
    assert f"## {inline(src.publisher)}\n" in text
    line = next(line for line in text.splitlines() if f"]({src.url})" in line)
    assert line.endswith(
        " *Cited by* [A1](scenarios/alpha-scenario.md#source-sre-workbook-canarying-releases), "
        "[A2](scenarios/beta-scenario.md#source-sre-workbook-canarying-releases), "
        "[A3](scenarios/gamma-scenario.md#source-sre-workbook-canarying-releases)"
    )


def test_progress_table_has_a_row_per_scenario(library):
    table = render.progress_table(library)
    assert table.startswith("| Code | Scenario | Checklist ticks | Last practised |\n|---|---|---|---|\n")
    assert table.count("{ data-scenario=") == 3
    assert (
        '| `A1` | [Example scenario](scenarios/alpha-scenario.md){ data-scenario="alpha-scenario" '
        'data-area="safe-change" data-levels="senior staff principal" data-minutes="45" data-items="first-item '
        'second-item third-item fourth-item fifth-item sixth-item seventh-item eighth-item" } | – | – |\n' in table
    )


def test_section_anchors_and_levels_come_from_their_tables():
    anchors = render.section_anchors()
    assert anchors.count("\n| `#") == len(sections.SECTIONS) + 1
    assert "| `#case` | Case study | when the guide has one |" in anchors
    assert [line.split(" | ")[0] for line in render.levels_table().splitlines()[2:]] == [
        "| Senior",
        "| Staff",
        "| Principal",
    ]


def test_linking_examples_use_real_anchors(library):
    text = render.linking_examples(library)
    assert "[A1 first item](scenarios/alpha-scenario.md#checklist-first-item)" in text


def test_a_second_area_renders_from_data_alone(tmp_path):
    files = {
        **small_library(),
        "zeta-scenario.md": scenario_text(
            "zeta-scenario", "C7", ["alpha-scenario", "beta-scenario"], area="deprecation"
        ),
    }
    library = load_library(write_library(tmp_path / "scenarios", files))
    assert "· 1 scenario\n" in render.area_cards(library)
