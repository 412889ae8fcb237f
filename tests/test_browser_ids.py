"""Practice mode with ids chosen by content: a scenario or item id that is also a member of Object.prototype, stored
progress with a `__proto__` key, and a malformed hash. Each page fails its test on a script error or a request
that leaves the machine (`watched_page`)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from tests.browser import launch, serve
from tests.project import build, make_project
from tests.scenario_factory import scenario_text
from tests.test_browser import STORE, watched_page

ODD = "constructor"  # a valid scenario id and item id, and a member of every plain object


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    files = {
        f"{ODD}.md": scenario_text(ODD, "A1", ["alpha-scenario"]).replace("- id: first-item", f"- id: {ODD}"),
        "alpha-scenario.md": scenario_text("alpha-scenario", "A2", [ODD]),
    }
    result = build(make_project(tmp_path_factory.mktemp("ids"), files))
    assert result.returncode == 0, result.output
    with serve(result.site) as url:
        yield url


@pytest.fixture
def page() -> Page:
    with launch() as browser, watched_page(browser) as p:
        yield p


def progress_row(page: Page, scenario: str):
    return page.locator(f"tr[data-scenario='{scenario}'] .runway-ticks")


def test_an_id_named_like_an_object_member_is_just_an_id(page, base):
    page.goto(base + "progress/")
    expect(progress_row(page, ODD)).to_have_text("0 / 8")
    page.goto(base + f"scenarios/{ODD}/#checklist-{ODD}")
    box = page.locator(f"li:has(> #checklist-{ODD}) input[type=checkbox]")
    box.evaluate("b => b.click()")
    page.reload()
    expect(box).to_be_checked()
    page.goto(base + "progress/")
    expect(progress_row(page, ODD)).to_have_text("1 / 8")
    expect(page.locator(".runway-practised")).to_have_text("1 of 2 scenarios practised")


def test_stored_keys_never_reach_object_prototype(page, base):
    stored = {"version": 1, "scenarios": {"__proto__": {"ticks": {"polluted": True}}, ODD: {"ticks": {ODD: True}}}}
    page.goto(base + "progress/")
    page.evaluate(f"localStorage.setItem('{STORE}', {json.dumps(json.dumps(stored))})")
    page.reload()
    expect(progress_row(page, ODD)).to_have_text("1 / 8")
    expect(progress_row(page, "alpha-scenario")).to_have_text("0 / 8")
    assert page.evaluate("({}).ticks === undefined && ({}).polluted === undefined")


@pytest.mark.parametrize("fragment", ["%", "%E0%A4%A", "%zz", "checklist-%"])
def test_a_malformed_hash_is_ignored(page, base, fragment):
    page.goto(base + f"scenarios/{ODD}/#{fragment}")
    expect(page.get_by_role("button", name="Start timer")).to_be_visible()
    page.evaluate(f"window.location.hash = '#{fragment}x'")  # the hashchange listener too
    expect(page.locator("h2#question")).to_be_visible()
