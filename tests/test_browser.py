"""Practice mode as a reader uses it, in Debian's chromium: reveal, reading mode, timer, ticks, import, print.

Each behaviour runs against the offline build opened from disk (`file`) and the web build on 127.0.0.1
(`http`); the offline checks also run against the offline build served locally (`offline-http`).
Every page fixture fails its test on a request that leaves the machine or on a script error.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.pages import (
    ARTIFACTS,
    STORE,
    Target,
    box,
    clock_text,
    h1,
    open_scenario,
    pair,
    show_checklist,
    stored,
    tick,
    ticks_of,
    watched_page,
)
from tests.project import ROOT, build

# ---------------------------------------------------------------- practice mode


def test_question_first_and_answers_hidden(page, target):
    a = target.catalog[0]
    open_scenario(page, target.url(a["url"]))
    assert page.locator("article h2").first.get_attribute("id") == "question"
    expect(page.locator("h2#question + blockquote")).to_be_visible()
    for section in ("answer-outline", "checklist", "signals"):
        details = page.locator(f"h2#{section} + details")
        assert details.evaluate("d => d.open") is False, section
        expect(details.locator("summary")).to_be_visible()
    expect(page.locator(f"#checklist-{next(iter(a['checklist']))}").locator("..")).to_be_hidden()
    bar = page.get_by_role("group", name="Practice")
    assert bar.evaluate("b => !!(document.getElementById('question').compareDocumentPosition(b) & 4)")


def opened(page: Page) -> list[bool]:
    return page.locator("article details").evaluate_all("ds => ds.map(d => d.open)")


def test_reveal_all_is_remembered_per_guide(page, target):
    a, b = pair(target.catalog)
    open_scenario(page, target.url(a["url"]))
    reveal = page.get_by_role("button", name="Reveal all")
    reveal.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Hide all")).to_be_visible()
    assert all(opened(page))
    expect(page.locator("article details > summary").first).to_have_text(re.compile("^Hide: "))
    page.reload()
    expect(page.get_by_role("button", name="Hide all")).to_be_visible()
    assert all(opened(page))
    open_scenario(page, target.url(b["url"]))
    expect(page.get_by_role("button", name="Reveal all")).to_be_visible()
    assert not any(opened(page)), "revealing one guide leaves the next one hidden"
    open_scenario(page, target.url(a["url"]))
    page.get_by_role("button", name="Hide all").click()
    page.reload()
    expect(page.get_by_role("button", name="Reveal all")).to_be_visible()
    assert not any(opened(page))


def test_reading_mode_opens_every_guide_and_is_remembered(page, target):
    a, b = pair(target.catalog)
    open_scenario(page, target.url(a["url"]))
    page.get_by_role("checkbox", name="Practice mode").uncheck()
    assert all(opened(page))
    open_scenario(page, target.url(b["url"]))
    expect(page.get_by_role("checkbox", name="Practice mode")).not_to_be_checked()
    assert all(opened(page))
    page.get_by_role("checkbox", name="Practice mode").check()
    assert not any(opened(page))


def test_timer_start_pause_reset_and_time_up(page, target):
    a = target.catalog[0]
    total = a["minutes"] * 60
    page.clock.install()
    open_scenario(page, target.url(a["url"]))
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    timer = page.get_by_role("timer", name="Time left")
    status = page.locator(".runway-practice [role=status]")
    expect(timer).to_have_text(clock_text(total))
    page.get_by_role("button", name="Start timer").click()
    page.clock.run_for(3000)
    expect(timer).to_have_text(clock_text(total - 3))
    page.get_by_role("button", name="Pause timer").click()
    page.clock.run_for(5000)
    expect(timer).to_have_text(clock_text(total - 3))
    expect(status).to_have_text("Paused")
    page.get_by_role("button", name="Resume timer").click()
    page.clock.run_for(2000)
    expect(timer).to_have_text(clock_text(total - 5))
    page.get_by_role("button", name="Reset timer").click()
    page.clock.run_for(2000)
    expect(timer).to_have_text(clock_text(total))
    expect(page.get_by_role("button", name="Start timer")).to_be_visible()
    page.get_by_role("button", name="Start timer").click()
    page.clock.run_for(total * 1000 + 100)
    expect(timer).to_have_text("0:00")
    expect(status).to_have_text(re.compile("^Time is up"))
    expect(page.locator(".runway-practice")).to_have_class(re.compile("runway-time-up"))


def test_ticks_persist_across_reload_and_show_on_progress(page, target):
    a = target.catalog[0]
    first, second = list(a["checklist"])[:2]
    open_scenario(page, target.url(a["url"]))
    show_checklist(page)
    tick(page, first)
    box(page, second).focus()
    page.keyboard.press("Space")
    expect(box(page, second)).to_be_checked()
    assert ticks_of(stored(page), a["id"]) == {first: True, second: True}
    page.reload()
    expect(box(page, first)).to_be_checked()
    expect(box(page, second)).to_be_checked()
    show_checklist(page)
    tick(page, second)
    page.reload()
    expect(box(page, second)).not_to_be_checked()
    assert ticks_of(stored(page), a["id"]) == {first: True}
    page.goto(target.page("progress"))
    row = page.locator(f"tr[data-scenario='{a['id']}']")
    expect(row.locator(".runway-ticks")).to_have_text(f"1 / {len(a['checklist'])}")
    expect(page.locator(".runway-practised")).to_have_text(f"1 of {len(target.catalog)} scenarios practised")
    page.get_by_label("Show only the scenarios I practised").check()
    expect(page.locator("tr[data-scenario]:visible")).to_have_count(1)
    row.locator("a").click()
    expect(h1(page)).to_contain_text(a["title"])


def test_checklist_and_practice_controls_have_accessible_names(page, target):
    a = target.catalog[0]
    open_scenario(page, target.url(a["url"]))
    for name in ("Start timer", "Reset timer", "Reveal all"):
        expect(page.get_by_role("button", name=name)).to_be_visible()
    show_checklist(page)
    item = next(iter(a["checklist"]))
    text = page.locator(f"li:has(> #checklist-{item})").inner_text().strip()
    expect(page.get_by_role("checkbox", name=text)).to_be_enabled()
    page.goto(target.page("progress"))
    page.get_by_role("button", name="Export progress").focus()
    for control in (
        page.get_by_label("Import progress"),
        page.get_by_role("button", name="Reset progress"),
        page.locator("h2#mock-interviews .headerlink"),
        page.locator("h2#checklists .headerlink"),
        page.get_by_role("checkbox", name="Show only the scenarios I practised"),
    ):
        page.keyboard.press("Tab")
        expect(control).to_be_focused()


def open_progress_with_ticks(page: Page, target: Target, count: int) -> tuple[dict, list[str]]:
    a = target.catalog[0]
    items = list(a["checklist"])[:count]
    open_scenario(page, target.url(a["url"]))
    show_checklist(page)
    for item in items:
        tick(page, item)
    page.goto(target.page("progress"))
    return a, items


def test_export_then_import_round_trip(page, target, tmp_path):
    a, items = open_progress_with_ticks(page, target, 2)
    ticks = page.locator(f"tr[data-scenario='{a['id']}'] .runway-ticks")
    expect(ticks).to_have_text(f"2 / {len(a['checklist'])}")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    assert download.value.suggested_filename == "runway-progress.json"
    saved = tmp_path / "runway-progress.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert ticks_of(exported, a["id"]) == dict.fromkeys(items, True)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reset progress").click()
    expect(ticks).to_have_text(f"2 / {len(a['checklist'])}")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset progress").click()
    expect(ticks).to_have_text(f"0 / {len(a['checklist'])}")
    assert stored(page) is None
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_label("Import progress").set_input_files(saved)
    expect(page.get_by_role("status")).to_have_text("Imported 2 ticks for 1 scenario from runway-progress.json.")
    expect(ticks).to_have_text(f"2 / {len(a['checklist'])}")
    assert stored(page)["scenarios"] == exported["scenarios"]
    open_scenario(page, target.url(a["url"]))
    for item in items:
        expect(box(page, item)).to_be_checked()


BAD_FILES = {
    "notes.json": b"this is not JSON",
    "list.json": b"[]",
    "other-version.json": json.dumps({"version": 2, "scenarios": {}}).encode(),
    "not-ticks.json": json.dumps({"version": 1, "scenarios": {"x": {"ticks": {"y": "yes"}}}}).encode(),
}


def test_bad_import_file_gives_a_message_and_changes_nothing(page, target):
    a, _ = open_progress_with_ticks(page, target, 1)
    before = page.evaluate(f"localStorage.getItem('{STORE}')")
    for name, content in BAD_FILES.items():
        page.get_by_label("Import progress").set_input_files(
            {"name": name, "mimeType": "application/json", "buffer": content}
        )
        expect(page.get_by_role("status")).to_have_text(
            f"Import failed: {name} is not a Runway progress file. Nothing was changed."
        )
        assert page.evaluate(f"localStorage.getItem('{STORE}')") == before
    expect(page.locator(f"tr[data-scenario='{a['id']}'] .runway-ticks")).to_have_text(f"1 / {len(a['checklist'])}")


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory, servers) -> Target:
    """The web build with site_url set to its local server, as on GitHub Pages, so instant navigation runs."""
    # Material takes links from sitemap.xml matched by protocol and host but not port: a build for
    # https://runway.example/ served on 127.0.0.1:<port> loads every page in full.
    root = tmp_path_factory.mktemp("instant") / "site"
    root.mkdir()
    base = servers(root)
    result = build(ROOT, root, RUNWAY_SITE_URL=base)
    assert result.returncode == 0, result.output
    return Target("http", root, base)


def test_practice_mode_works_with_instant_navigation(page, instant_site):
    """Material swaps pages in without a reload; the practice bar and the progress page still start."""
    target = instant_site
    a, b = pair(target.catalog)
    open_scenario(page, target.url(a["url"]))
    page.get_by_role("button", name="Start timer").click()
    page.evaluate("window.runwayLoaded = true")
    page.locator(".md-sidebar--primary a", has_text=b["title"]).first.click()
    expect(h1(page)).to_contain_text(b["title"])
    assert page.evaluate("window.runwayLoaded") is True, "instant navigation: no full page load"
    expect(page.get_by_role("timer")).to_have_text(clock_text(b["minutes"] * 60))
    expect(page.get_by_role("button", name="Start timer")).to_be_visible()
    show_checklist(page)
    item = next(iter(b["checklist"]))
    tick(page, item)
    assert ticks_of(stored(page), b["id"]) == {item: True}
    page.locator(".md-sidebar--primary a[href$='progress/']").first.click()
    expect(page.locator(f"tr[data-scenario='{b['id']}'] .runway-ticks")).to_have_text(f"1 / {len(b['checklist'])}")
    assert page.evaluate("window.runwayLoaded") is True


# ---------------------------------------------------------------- print and screenshots


def test_print_shows_a_clean_card(page, target):
    a = target.catalog[0]
    open_scenario(page, target.url(a["url"]))
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".runway-practice"):
        expect(page.locator(chrome).first).to_be_hidden()
    for item in a["checklist"]:
        expect(page.locator(f"li:has(> #checklist-{item})")).to_be_visible()
    expect(page.locator("h2#answer-outline + details ol").first).to_be_visible()
    link = page.locator("h2#sources + ol a[href^='https://']").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after
    for internal in ("h2#related + ul a", ".admonition.info a[href*='areas/']"):
        content = page.locator(internal).first.evaluate("a => getComputedStyle(a, '::after').content")
        assert content in ("none", "normal"), f"{internal} prints its address: {content}"
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=ARTIFACTS / f"{target.name}-scenario-print.pdf")


def test_screenshots_light_and_390px(browser, target):
    """Screenshots for a person to look at, in test-artifacts/ (git-ignored); nothing scrolls sideways at 390 px."""
    a = target.catalog[0]
    ARTIFACTS.mkdir(exist_ok=True)
    shots = {"light": {"width": 1280, "height": 900}, "390px": {"width": 390, "height": 844}}
    for name, viewport in shots.items():
        with watched_page(browser) as page:
            page.set_viewport_size(viewport)
            open_scenario(page, target.url(a["url"]))
            path = ARTIFACTS / f"{target.name}-scenario-{name}.png"
            page.screenshot(path=path, full_page=True)
            assert path.stat().st_size > 10_000
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
