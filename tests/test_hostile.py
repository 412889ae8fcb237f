"""The hostile corpus in tests/fixtures/hostile, built for real.

Each file either stops the build with one clear problem naming its file and its field or line, or builds into
pages on which Chromium runs no injected script and requests nothing off the machine. A scenario fixture holds
only the front-matter keys it changes (raw YAML, swapped into the template) and prose added to the template's;
a registry fixture is a whole registry file. Add a file to the corpus and to one of the tables below.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.browser import guard, launch, serve
from tests.project import ROOT, build, make_project
from tests.scenario_factory import overlay, small_library

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
PWNED = "window.__pwned"  # what every injected script in the corpus sets

# Stopped while the library loads: one problem each, naming the file and the field or the line.
LIBRARY_LEVEL = {
    "title-markup.md": "title: plain text only: '<' is markup",
    "title-decodes-to-markup.md": "title: plain text only: '<' is markup",
    "control-character.md": "question: control character U+001B is not allowed",
    "alias-bomb.md": "front matter: invalid YAML: aliases (*name) are not allowed",
    "too-many-items.md": "checklist: List should have at most 40 items",
    "marker-in-code.md": "body: section marker 'red-flags' is inside a fenced code block",
    "deep-nesting.md": "body: lists or quotes nested more than 8 levels deep",
    "brackets.md": "body: more than 60 '[' in one paragraph",
    "near-miss.markdown": "is not read: rename it to near-miss.md",
    "dup-alias-two.md": "aliases[0]: 'old-guide' is already an alias of scenarios/dup-alias-one.md",
}
REGISTRY_LEVEL = {
    "area-title-handler": "scenarios/_areas.yml:6: [0].title: plain text only: '<' is markup",
    "source-url-breakout": "scenarios/_sources.yml:5: [0].url: URL holds ')'",
    "tags-billion-laughs": "scenarios/_tags.yml:2: invalid YAML: aliases (*name) are not allowed",
}
# Loaded, then stopped by the page allowlist: the field or the prose line that makes the refused markup.
PAGE_LEVEL = {
    "attr-list-handler.md": ["checklist[0].text: attribute onerror='window.__pwned=1' on <img> is not allowed"],
    "remote-image-in-hint.md": ["follow_ups[0].hint: src='https://tracker.invalid/pixel.png' on <img> is not allowed"],
    "link-in-case.md": ["case.story: href='javascript:window.__pwned=1' on <a> is not allowed"],
    "script-in-prose.md": ["body: element <script> is not allowed"],
    "prose-bypasses.md": [
        "attribute onerror='window.__pwned=1' on <img> is not allowed",
        "attribute onload='window.__pwned=1' on <svg> is not allowed",
        "href='javascript:window.__pwned=1' on <a> is not allowed",
        "href='java\\tscript:window.__pwned=1' on <a> is not allowed",
        "href='javascript:window.__pwned=1' on <a> is not allowed",
        "element <base> is not allowed",
        "element <meta> is not allowed",
        "element <form> is not allowed",
        "element <animate> is not allowed",
        "attribute onclick='window.__pwned=1' on <p> is not allowed",
        "element <style> is not allowed",
        "src='https://evil.invalid/pixel.png' on <img> is not allowed",
    ],
}
PAGE_REGISTRY = {
    "source-summary-link": "scenarios/_sources.yml: azure-waf-safe-deployments.summary: "
    "href='javascript:window.__pwned=1' on <a> is not allowed"
}
PAGE_DOCS = {"restyle.md": "docs/restyle.md:5: element <style> is not allowed"}
# Build, and run nothing in the browser.
SAFE = ["escaped-text-is-safe.md", "dup-alias-one.md"]


def test_every_fixture_has_an_expected_outcome():
    tables = [*LIBRARY_LEVEL, *PAGE_LEVEL, *SAFE]
    assert sorted(tables) == sorted(p.name for p in (HOSTILE / "scenarios").iterdir())
    assert sorted([*REGISTRY_LEVEL, *PAGE_REGISTRY]) == sorted(p.name for p in (HOSTILE / "registries").iterdir())
    assert sorted(PAGE_DOCS) == sorted(p.name for p in (HOSTILE / "docs").iterdir())


def scenarios(*names: str) -> dict[str, str]:
    """The small valid library plus the named fixtures: overlays on the template, or raw for other extensions."""
    files = small_library()
    for number, name in enumerate(sorted(names), 4):
        text = (HOSTILE / "scenarios" / name).read_text(encoding="utf-8")
        files[name] = overlay(Path(name).stem, f"A{number}", text) if name.endswith(".md") else text
    return files


def problems(output: str) -> list[str]:
    return [line[4:] for line in output.splitlines() if line.startswith("  - ")]


def assert_each_named(found: list[str], expected: dict[str, list[str]]) -> None:
    """Each file has exactly its expected problems, each naming the file and holding the expected words."""
    for shown, messages in expected.items():
        mine = [p for p in found if p.startswith(f"{shown}:")]
        assert len(mine) == len(messages), (shown, mine)
        for message in messages:
            assert any(message in p for p in mine), (shown, message, mine)
    assert len(found) == sum(len(m) for m in expected.values()), found


def test_library_level_fixtures_each_stop_the_build_with_one_problem(tmp_path):
    names = [*LIBRARY_LEVEL, "dup-alias-one.md"]
    project = make_project(tmp_path, scenarios(*names))
    for folder in REGISTRY_LEVEL:
        for registry in (HOSTILE / "registries" / folder).iterdir():
            shutil.copy(registry, project / "scenarios" / registry.name)
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.output, result.output
    expected = {f"scenarios/{name}": [message] for name, message in LIBRARY_LEVEL.items()}
    expected |= {message.split(":")[0]: [message] for message in REGISTRY_LEVEL.values()}
    assert_each_named(problems(result.output), expected)


def test_page_level_fixtures_name_the_field_or_line_that_makes_refused_markup(tmp_path):
    project = make_project(tmp_path, scenarios(*PAGE_LEVEL))
    for folder in PAGE_REGISTRY:
        for registry in (HOSTILE / "registries" / folder).iterdir():
            shutil.copy(registry, project / "scenarios" / registry.name)
    for name in PAGE_DOCS:
        shutil.copy(HOSTILE / "docs" / name, project / "docs" / name)
    result = build(project)
    assert result.returncode == 1 and "Traceback" not in result.output, result.output
    assert "problem(s) in the pages' HTML" in result.output
    expected = {f"scenarios/{name}": messages for name, messages in PAGE_LEVEL.items()}
    expected |= {message.split(":")[0]: [message] for message in [*PAGE_REGISTRY.values(), *PAGE_DOCS.values()]}
    assert_each_named(problems(result.output), expected)
    text = scenarios("prose-bypasses.md")["prose-bypasses.md"].split("\n")
    shown = {int(re.match(r"[^:]+:(\d+):", p).group(1)) for p in problems(result.output) if "prose-bypasses" in p}
    assert len(shown) == len(PAGE_LEVEL["prose-bypasses.md"]), "each paragraph on its own line"
    assert {text[n - 1][:7] for n in shown} >= {"[away]:", "<style>", "<base h"}, "the link at its definition"


@pytest.fixture(scope="module")
def safe_site(tmp_path_factory) -> Path:
    files = scenarios(*SAFE)
    files["hostile-scenario.md"] = (HOSTILE / "hostile-scenario.md").read_text(encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("safe"), files)
    result = build(project)
    assert result.returncode == 0, result.output
    return result.site


def site_pages(site: Path) -> list[str]:
    """Every page of a built site as a path relative to its root, redirect pages included."""
    return sorted(str(p.relative_to(site).parent) + "/" for p in site.rglob("index.html"))


def test_safe_fixtures_run_no_script_and_request_nothing_outside(safe_site):
    """Every page of the built site, with every hidden block open: no dialog, no flag set, no outside request."""
    with launch() as browser, serve(safe_site) as base:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        outside = guard(page)
        for path in site_pages(safe_site):
            page.goto(base + path.removeprefix("./"))
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
            page.wait_for_timeout(50)
            assert page.evaluate(f"typeof {PWNED}") == "undefined", path
        assert not dialogs and not outside, (dialogs, outside)
        page.goto(base + "scenarios/escaped-text-is-safe/")
        assert "Is <script>window.__pwned=1</script> shown as text?" in page.locator("article").inner_text()
        content = page.locator('meta[name="description"]').get_attribute("content")
        assert content.startswith('A summary with a "quote" that ends'), "the quote stays inside the attribute"
        assert page.locator("meta[http-equiv]").count() == 0
