"""What a reader does, in Debian's chromium: the offline site, lasting links, practice mode and print.

Each behaviour runs against the offline build opened from disk (`file`) and the web build on 127.0.0.1
(`http`); the offline checks also run against the offline build served locally (`offline-http`).
Every page fixture fails its test on a request that leaves the machine or on a script error.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from html import unescape
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.meta import YAML_RE
from playwright.sync_api import Page, expect

from macros.catalog import Catalog
from macros.loader import scenario_files
from tests.browser import guard
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
from tests.project import ROOT, build, make_project


def page_texts(root: Path) -> dict[str, str]:
    """The search index's text per page (location without anchor), lower case, tags removed."""
    docs = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    texts: dict[str, str] = defaultdict(str)
    for doc in docs:
        text = unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}"))
        texts[doc["location"].split("#")[0]] += " " + text.lower()
    return texts


def unique_word(root: Path, pages: list[str]) -> tuple[str, str]:
    """A word the search index has on exactly one scenario page; no other page has even its stem."""
    texts = page_texts(root)
    for page in pages:
        for word in sorted(set(re.split(r"[\s\-]+", texts[page]))):
            if re.fullmatch(r"[a-z]{8,}", word) and not any(
                word[:-2] in text for other, text in texts.items() if other != page
            ):
                return word, page
    raise AssertionError("no word in the search index belongs to a single scenario page")


def search(page: Page, word: str):
    """Open search with its keyboard shortcut, type the word, return the first result."""
    page.keyboard.press("/")
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type(word)
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible()
    return first


def address(page: Page) -> str:
    """The page's URL without query (search adds `?h=`) or fragment."""
    return re.split(r"[?#]", page.url)[0]


def scenario_pages(target: Target) -> dict[str, dict]:
    return {e["url"]: e for e in target.catalog}


# ---------------------------------------------------------------- offline


def test_done_means_unzip_open_search_practise_reload(browser, made_offline):
    """The issue's definition of done, with the zip `make offline` writes."""
    site = made_offline.site
    target = Target("file", site, site.as_uri() + "/")
    word, url = unique_word(site, list(scenario_pages(target)))
    entry = scenario_pages(target)[url]
    item = next(iter(entry["checklist"]))
    with watched_page(browser) as page:
        page.goto(target.home)
        search(page, word).locator("a").first.click()
        expect(h1(page)).to_contain_text(entry["title"])
        assert address(page) == target.url(url)
        show_checklist(page)
        tick(page, item)
        page.reload()
        expect(box(page, item)).to_be_checked()


def test_offline_pages_reference_nothing_remote(offline_site):
    """No script, style, font or image comes from a CDN; the shim and the search index are local."""
    remote = re.compile(r"<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=\"(?:https?:)?//[^\"]*\"[^>]*>")
    offenders = {}
    for html in offline_site.rglob("*.html"):
        found = [tag for tag in remote.findall(html.read_text(encoding="utf-8")) if 'rel="canonical"' not in tag]
        if found:
            offenders[str(html.relative_to(offline_site))] = found
    assert not offenders
    index = (offline_site / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/vendor/iframe-worker-shim.js"></script>' in index
    assert "unpkg.com" not in index and "fonts.googleapis" not in index and "api.github.com" not in index
    assert (offline_site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")


def test_guard_fails_a_test_on_an_outside_request(browser):
    """The detector every browser test relies on does see a request that leaves the machine."""
    page = browser.new_page()
    try:
        outside = guard(page)
        with page.expect_request(lambda r: "runway.invalid" in r.url):
            page.set_content('<img src="https://runway.invalid/pixel.png" alt="">')
        assert outside == ["https://runway.invalid/pixel.png"]
    finally:
        page.close()


def test_home_page_renders(page, any_target):
    page.goto(any_target.home)
    expect(page.locator("article h1")).to_be_visible()
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky", "Material CSS loaded"
    cards = page.locator("article .grid.cards > ul > li")
    assert cards.count() >= len({e["area"] for e in any_target.catalog})
    cards.first.locator("a").first.click()
    titles = [f"{e['code']} · {e['title']}" for e in any_target.catalog]
    expect(page.locator("article .grid.cards a").first).to_be_visible()
    assert page.locator("article .grid.cards a").first.inner_text() in titles


def test_search_finds_a_word_on_one_scenario_page_and_opens_it(page, any_target):
    word, url = unique_word(any_target.root, list(scenario_pages(any_target)))
    page.goto(any_target.home)
    first = search(page, word)
    expect(page.locator(".md-search-result__item")).to_have_count(1)
    link = first.locator("a").first
    assert re.split(r"[?#]", link.get_attribute("href"))[0] == any_target.url(url)
    link.click()
    expect(h1(page)).to_contain_text(scenario_pages(any_target)[url]["title"])
    assert address(page) == any_target.url(url)


def test_sidebar_and_in_page_links(page, any_target):
    a, b = pair(any_target.catalog)
    open_scenario(page, any_target.url(a["url"]))
    page.locator(".md-sidebar--primary a", has_text=b["title"]).first.click()
    expect(h1(page)).to_contain_text(b["title"])
    assert page.url == any_target.url(b["url"])
    page.locator(".md-sidebar--secondary a[href$='#trade-offs']").click()
    expect(page).to_have_url(any_target.url(b["url"]) + "#trade-offs")
    expect(page.locator("h2#trade-offs")).to_be_in_viewport()
    related = page.locator("h2#related + ul a").first
    title = related.inner_text().split(" · ", 1)[1]
    related.click()
    expect(h1(page)).to_contain_text(title)
    assert page.url in {any_target.url(e["url"]) for e in any_target.catalog}


def test_no_request_leaves_the_machine(page, any_target):
    """Every kind of page, with every hidden section open; the page fixture fails on any outside request."""
    a = any_target.catalog[0]
    for url in [
        any_target.home,
        *(any_target.page(n) for n in ("practise", "progress", "coaches", "tags", "reading-list")),
    ]:
        page.goto(url)
        expect(page.locator("article h1")).to_be_visible()
    open_scenario(page, any_target.url(a["url"]))
    page.get_by_role("button", name="Reveal all").click()
    search(page, unique_word(any_target.root, [a["url"]])[0])
    page.goto(any_target.url("catalog.json"))
    assert len(json.loads(page.locator("body").inner_text())["scenarios"]) == len(any_target.catalog)


# ---------------------------------------------------------------- links that last


@pytest.mark.parametrize("build_name", ["site", "offline_site"])
def test_catalog_matches_the_built_pages(request, build_name):
    root: Path = request.getfixturevalue(build_name)
    data = json.loads((root / "catalog.json").read_text(encoding="utf-8"))
    Catalog.model_validate(data)
    schema = json.loads((root / "catalog.schema.json").read_text(encoding="utf-8"))
    assert schema == Catalog.model_json_schema(), "docs/catalog.schema.json is stale: run 'make schemas'"
    entries = data["scenarios"]
    assert sorted(e["id"] for e in entries) == sorted(p.stem for p in scenario_files(ROOT / "scenarios"))
    assert len({e["code"] for e in entries}) == len(entries)
    for e in entries:
        url = e["url"]
        assert url == (f"scenarios/{e['id']}.html" if build_name == "offline_site" else f"scenarios/{e['id']}/")
        html = (root / (url + "index.html" if url.endswith("/") else url)).read_text(encoding="utf-8")
        text = unescape(html)
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        assert f">{e['title']}<" in text and e["question"] in text and f"<code>{e['code']}</code>" in text
        assert f'data-minutes="{e["minutes"]}"' in html and f'data-scenario="{e["id"]}"' in html
        for tag in e["tags"]:
            assert f"#tag:{tag}" in html
        for key, link in {**e["sections"], **e["checklist"]}.items():
            page_url, _, anchor = link.partition("#")
            assert page_url == url and anchor in ids, (e["id"], key, link)
        assert set(e["sections"]) >= {"question", "answer-outline", "checklist", "signals", "sources"}


def test_anchor_opens_the_hidden_section_and_scrolls_to_it(page, target):
    a = target.catalog[0]
    item, link = list(a["checklist"].items())[-1]
    page.goto(target.url(link))
    anchor = page.locator(f"#checklist-{item}")
    expect(anchor.locator("xpath=ancestor::details")).to_have_attribute("open", "")
    expect(anchor).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0
    page.goto(target.url(a["sections"]["sources"]))
    expect(page.locator("h2#sources")).to_be_in_viewport()


@pytest.fixture(scope="module")
def alias_project(site, tmp_path_factory) -> dict:
    """Two real scenario files, copied; the first gets a former id in `aliases`. Built online and offline."""
    entries = json.loads((site / "catalog.json").read_text(encoding="utf-8"))["scenarios"]
    first, second = entries[0], entries[1]
    former = f"former-{first['id']}"
    files = {}
    for me, other in ((first, second), (second, first)):
        text = (ROOT / "scenarios" / f"{me['id']}.md").read_text(encoding="utf-8")
        match = YAML_RE.match(text)
        meta = yaml.safe_load(match.group(1))
        meta["related"] = [other["id"]]
        if me is first:
            meta["aliases"] = [former]
        files[f"{me['id']}.md"] = (
            "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + text[match.end() :]
        )
    project = make_project(tmp_path_factory.mktemp("alias"), scenarios=files)
    for name, offline in (("site", False), ("offline", True)):
        result = build(project, project / name, offline=offline)
        assert result.returncode == 0, result.output
    return {"project": project, "entry": first, "former": former}


@pytest.mark.parametrize("mode", ["file", "http"])
def test_alias_redirects_to_the_page_and_anchor(page, alias_project, servers, mode):
    project, entry, former = alias_project["project"], alias_project["entry"], alias_project["former"]
    root = project / ("offline" if mode == "file" else "site")
    base = root.as_uri() + "/" if mode == "file" else servers(root)
    target = Target(mode, root, base)
    current = next(e for e in target.catalog if e["id"] == entry["id"])
    assert former not in {e["id"] for e in target.catalog}
    item = list(current["checklist"])[-1]
    old = f"scenarios/{former}.html" if mode == "file" else f"scenarios/{former}/"
    page.goto(target.url(old) + f"#checklist-{item}")
    expect(page).to_have_url(target.url(current["url"]) + f"#checklist-{item}")
    expect(h1(page)).to_contain_text(current["title"])
    expect(page.locator(f"#checklist-{item}")).to_be_in_viewport()


def test_coaches_page_links_work(page, target):
    page.goto(target.page("coaches"))
    for anchor in ("promise", "how-to-link", "catalog"):
        expect(page.locator(f"h2#{anchor}")).to_be_visible()
    page.locator("article table a[href*='#trade-offs']").first.click()
    expect(page.locator("h2#trade-offs")).to_be_in_viewport()
    page.go_back()
    item = page.locator("article table a[href*='#checklist-']").first
    anchor = item.get_attribute("href").split("#")[1]
    item.click()
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()
    page.go_back()
    page.locator("article a[href$='catalog.json']").first.click()
    assert len(json.loads(page.locator("body").inner_text())["scenarios"]) == len(target.catalog)


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
