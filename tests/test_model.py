"""Every validation error the loader reports, each naming the file, the field and, where known, the line."""

from __future__ import annotations

import json
import re

import pytest

from macros.loader import load_library
from macros.models import front_matter_schema
from macros.problems import LibraryError
from macros.schemas import SCHEMAS, rendered
from tests.scenario_factory import TEMPLATE, overlay, scenario_text, small_library, write_library


def problems(tmp_path, files: dict[str, str | bytes]) -> list[str]:
    """Load a library of the small valid set plus `files`; return the reported problems as text."""
    with pytest.raises(LibraryError) as caught:
        load_library(write_library(tmp_path / "scenarios", {**small_library(), **files}))
    message = str(caught.value)
    assert all(f"  - {p}" in message for p in caught.value.problems)
    return [str(p) for p in caught.value.problems]


def one_problem(tmp_path, files) -> str:
    found = problems(tmp_path, files)
    assert len(found) == 1, found
    return found[0]


def bad(**replace: str) -> dict[str, str]:
    """The valid 'delta-scenario' with some front-matter lines replaced."""
    return {
        "delta-scenario.md": scenario_text("delta-scenario", "A4", ["alpha-scenario", "beta-scenario"], lines=replace)
    }


def test_valid_files_load(tmp_path):
    library = load_library(write_library(tmp_path / "scenarios", small_library()))
    assert [s.meta.code for s in library.in_area("safe-change")] == ["A1", "A2", "A3"]


def test_malformed_yaml_names_file_field_and_line(tmp_path):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"], lines={"title": "title: [unclosed"})
    found = one_problem(tmp_path, {"delta-scenario.md": text})
    line = text.splitlines().index("title: [unclosed") + 1
    assert found.startswith("scenarios/delta-scenario.md:")
    assert "front matter: invalid YAML" in found
    assert int(found.split(":")[1]) in {line, line + 1}


def test_missing_front_matter(tmp_path):
    found = one_problem(tmp_path, {"delta-scenario.md": "# Just prose\n"})
    assert found == (
        "scenarios/delta-scenario.md:1: front matter: missing: the file must start with a '---' line, "
        "the YAML fields, and a closing '---' line"
    )


def test_missing_field_names_it(tmp_path):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"]).replace("minutes: 45", "")
    assert one_problem(tmp_path, {"delta-scenario.md": text}).endswith("minutes: required field is missing")


def test_mistyped_field_names_it_with_its_line(tmp_path):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"], lines={"minutes": "minutes: lots"})
    line = text.splitlines().index("minutes: lots") + 1
    found = one_problem(tmp_path, {"delta-scenario.md": text})
    assert found.startswith(f"scenarios/delta-scenario.md:{line}: minutes: ")
    assert "integer" in found


def test_nested_field_error_names_the_path(tmp_path):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"]).replace("- id: third-item", "- id: Third Item")
    assert "checklist[2].id: String should match pattern" in one_problem(tmp_path, {"delta-scenario.md": text})


def test_unknown_field(tmp_path):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"]).replace(
        "minutes: 45", "minutes: 45\nrender_macros: true"
    )
    assert "render_macros: unknown field" in one_problem(tmp_path, {"delta-scenario.md": text})


def test_id_must_equal_file_name(tmp_path):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"])
    assert "id: 'delta-scenario' must equal the file name 'other-name'" in one_problem(
        tmp_path, {"other-name.md": text}
    )


def test_duplicate_code(tmp_path):
    found = one_problem(tmp_path, bad(code="code: A1"))
    assert found.startswith("scenarios/delta-scenario.md: code: 'A1' is already used by scenarios/")


def test_unknown_area_and_wrong_letter(tmp_path):
    assert "area: unknown area 'nowhere'" in one_problem(tmp_path, bad(area="area: nowhere"))
    assert "code: 'A4' must start with 'C'" in one_problem(tmp_path / "b", bad(area="area: deprecation"))


def test_unknown_tag(tmp_path):
    found = one_problem(tmp_path, bad(tags="tags: [release, made-up]"))
    assert found.endswith("tags[1]: unknown tag 'made-up' (add it to scenarios/_tags.yml first)")


def test_unknown_source_id(tmp_path):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"]).replace(
        "  - id: aws-bl-rollback-safety", "  - id: not-a-source"
    )
    assert one_problem(tmp_path, {"delta-scenario.md": text}).endswith(
        "sources[2].id: unknown source 'not-a-source' (not in scenarios/_sources.yml)"
    )


def test_case_source_must_be_cited(tmp_path):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"]).replace(
        "  source: sre-workbook-canarying-releases", "  source: aws-bl-static-stability"
    )
    assert one_problem(tmp_path, {"delta-scenario.md": text}).endswith(
        "case.source: 'aws-bl-static-stability' must also be listed under sources"
    )


def test_unknown_related_id(tmp_path):
    found = one_problem(tmp_path, bad(related="related: [alpha-scenario, ghost-scenario]"))
    assert found.endswith("related[1]: unknown scenario 'ghost-scenario'")


def test_alias_may_not_shadow_a_live_scenario(tmp_path):
    found = one_problem(tmp_path, bad(aliases="aliases: [alpha-scenario]"))
    assert found.endswith("aliases[0]: 'alpha-scenario' is the id of a live scenario")


def test_duplicate_checklist_item(tmp_path):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"]).replace("- id: second-item", "- id: first-item")
    assert one_problem(tmp_path, {"delta-scenario.md": text}).endswith(
        "checklist: item id 'first-item' is used more than once"
    )


def test_unknown_and_repeated_section_markers(tmp_path):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"])
    text = text + "\n<!-- runway:checklist -->\n\n<!-- runway:sidebar -->\n"
    found = problems(tmp_path, {"delta-scenario.md": text})
    assert any("body: section marker 'checklist' is placed twice" in p for p in found)
    assert any("body: unknown section marker 'sidebar'" in p for p in found)


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("title: <script>alert(1)</script>", "title"),
        ('title: "\\x3cimg src=x onerror=alert(1)\\x3e"', "title"),  # markup only once YAML has decoded it
        ("title: '[x](javascript:alert(1))'", "title"),
        ("summary: A `code` summary", "summary"),
    ],
)
def test_markup_in_plain_text_is_refused_after_decoding(tmp_path, line, field):
    found = one_problem(tmp_path, bad(**{field: line}))
    assert f": {field}: plain text only:" in found and "is markup" in found


def test_plain_text_keeps_ampersands_and_quotes(tmp_path):
    text = overlay("delta-scenario", "A4", '---\ntitle: Q&A "live"\nsummary: \'Say "0;url=x" & more\'\n---\n')
    files = {**small_library(), "delta-scenario.md": text}
    library = load_library(write_library(tmp_path / "scenarios", files))
    assert library.by_id["delta-scenario"].meta.title == 'Q&A "live"'


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://example.org/", "must start with https://"),
        ("https://user:secret@example.org/", "user name or password"),
        ("https://example.org/a)![x](https://evil.invalid/p.png", "URL holds ')'"),
        ('https://example.org/"onmouseover="x', "URL holds '\"'"),
        ("https:///path-only", "must name a host"),
        ("javascript://example.org/%0aalert%281%29", "must start with https://"),
        ("https://example.org:99x/", "invalid port"),
    ],
)
def test_registry_urls_are_parsed_and_checked(tmp_path, url, message):
    folder = write_library(tmp_path / "scenarios", small_library())
    registry = folder / "_sources.yml"
    text = registry.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("  url: "))
    registry.write_text(text.replace(first, f"  url: '{url}'", 1), encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        load_library(folder)
    assert any(p.field.endswith("].url") and message in p.message for p in caught.value.problems), caught.value


def test_yaml_aliases_are_refused_with_their_line(tmp_path):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"])
    text = text.replace("keywords:", "keywords: &k\n  - one\nred_herring: *k\nkeywords_:", 1)
    found = one_problem(tmp_path, {"delta-scenario.md": text})
    assert "front matter: invalid YAML: aliases (*name) are not allowed" in found


def test_list_and_text_lengths_are_capped(tmp_path):
    items = "".join(f"  - id: item-{n}\n    text: Step {n}.\n" for n in range(41))
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"])
    text = re.sub(r"^checklist:.*?(?=^tradeoffs:)", f"checklist:\n{items}", text, flags=re.M | re.S)
    assert "checklist: List should have at most 40 items" in one_problem(tmp_path, {"delta-scenario.md": text})
    long = bad(question=f"question: {'word ' * 400}")
    assert "question: String should have at most 1500 characters" in one_problem(tmp_path / "b", long)


def test_duplicate_aliases_across_scenarios(tmp_path):
    files = {**bad(aliases="aliases: [old-name]"), **small_library()}
    files["alpha-scenario.md"] = files["alpha-scenario.md"].replace("aliases: []", "aliases: [old-name]")
    found = one_problem(tmp_path, files)
    assert found == (
        "scenarios/delta-scenario.md: aliases[0]: 'old-name' is already an alias of scenarios/alpha-scenario.md"
    )


@pytest.mark.parametrize("name", ["delta-scenario.MD", "delta-scenario.markdown", "_sources.yaml"])
def test_near_miss_file_names_are_errors(tmp_path, name):
    found = one_problem(tmp_path, {name: "---\n---\n"})
    assert found.startswith(f"scenarios/{name}: is not read: rename it to ")


def test_a_section_marker_inside_fenced_code_is_an_error(tmp_path):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"]) + "\n~~~\n<!-- runway:signals -->\n~~~\n"
    line = text.split("\n").index("<!-- runway:signals -->") + 1
    found = one_problem(tmp_path, {"delta-scenario.md": text})
    assert found.startswith(f"scenarios/delta-scenario.md:{line}: body: section marker 'signals' is inside a fenced")


@pytest.mark.parametrize(
    ("prose", "message"),
    [
        ("[" * 61, "more than 60 '[' in one paragraph"),
        ("word " * 900, "a paragraph or code block of 4,501 characters; the limit is 4,000"),
        ("".join(f"{'    ' * n}- level {n}\n" for n in range(10)), "nested more than 8 levels deep"),
        ("> " * 9 + "quote", "nested more than 8 levels deep"),
        ("ok\n\n" * 10_001, "the prose is 40,"),
    ],
)
def test_prose_is_bounded_before_markdown_sees_it(tmp_path, prose, message):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"]) + "\n" + prose + "\n"
    assert message in one_problem(tmp_path, {"delta-scenario.md": text})


@pytest.mark.parametrize("registry", ["_areas.yml", "_tags.yml", "_sources.yml"])
def test_a_missing_registry_is_reported_once(tmp_path, registry):
    folder = write_library(tmp_path / "scenarios", small_library())
    (folder / registry).unlink()
    with pytest.raises(LibraryError) as caught:
        load_library(folder)
    assert [str(p) for p in caught.value.problems] == [f"scenarios/{registry}: file is missing"]


def test_a_broken_registry_entry_is_reported_once_not_by_each_reference(tmp_path):
    folder = write_library(tmp_path / "scenarios", small_library())
    areas = folder / "_areas.yml"
    areas.write_text(areas.read_text(encoding="utf-8").replace("title: ", "title: <b>", 1), encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        load_library(folder)
    assert len(caught.value.problems) == 1 and "_areas.yml" in str(caught.value)


def test_yaml_tags_that_build_objects_are_refused(tmp_path):
    found = one_problem(tmp_path, bad(title="title: !!python/object/apply:os.system ['id']"))
    assert "front matter: invalid YAML" in found and "python/object/apply" in found


def test_not_utf8_and_empty_files_are_named(tmp_path):
    found = problems(tmp_path, {"latin.md": "title: caf\xe9".encode("latin-1"), "blank.md": "  \n"})
    assert "scenarios/blank.md: file is empty" in found
    assert any(p.startswith("scenarios/latin.md: not UTF-8") for p in found)


def test_crlf_and_bom_just_work(tmp_path):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario"])
    files = {**small_library(), "delta-scenario.md": "\ufeff".encode() + text.replace("\n", "\r\n").encode()}
    library = load_library(write_library(tmp_path / "scenarios", files))
    assert library.by_id["delta-scenario"].meta.title == "Example scenario"


def test_every_problem_in_every_file_is_reported_at_once(tmp_path):
    found = problems(tmp_path, {**bad(minutes="minutes: lots", levels="levels: [junior]"), "blank.md": ""})
    assert len(found) == 3
    assert {p.split(":")[0] for p in found} == {"scenarios/delta-scenario.md", "scenarios/blank.md"}


def test_files_starting_with_underscore_are_not_scenarios(tmp_path):
    library = load_library(write_library(tmp_path / "scenarios", {**small_library(), "_template.md": TEMPLATE}))
    assert len(library.scenarios) == 3


def test_registry_entries_are_validated(tmp_path):
    folder = write_library(tmp_path / "scenarios", small_library())
    (folder / "_sources.yml").write_text("- id: x\n  title: X\n", encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        load_library(folder)
    assert "scenarios/_sources.yml:1: [0].publisher: required field is missing" in str(caught.value)


@pytest.mark.parametrize("path", sorted(SCHEMAS), ids=lambda p: p.name)
def test_committed_json_schemas_are_current(path):
    assert path.read_text(encoding="utf-8") == rendered(SCHEMAS[path]), "run 'make schemas'"


def test_front_matter_schema_rejects_unknown_keys():
    assert json.loads(json.dumps(front_matter_schema()))["additionalProperties"] is False


def test_a_broken_file_is_reported_once_not_again_by_every_file_that_relates_to_it(tmp_path):
    files = small_library()
    files["alpha-scenario.md"] = files["alpha-scenario.md"].replace("minutes: 45", "minutes: lots")
    assert one_problem(tmp_path, files).startswith("scenarios/alpha-scenario.md:")


def test_a_file_that_fails_the_schema_still_has_its_references_checked(tmp_path):
    text = scenario_text("delta-scenario", "A4", ["alpha-scenario", "no-such-scenario"], lines={"tags": "tags: [nope]"})
    text = text.replace("  - id: aws-bl-rollback-safety", "  - id: not-a-source")
    text = text.replace("question: >-\n  The question exactly as an interviewer would ask it?\n", "")
    found = problems(tmp_path, {"delta-scenario.md": text})
    assert [p.split(": ", 2)[1] for p in found] == ["question", "tags[0]", "sources[2].id", "related[1]"], found
