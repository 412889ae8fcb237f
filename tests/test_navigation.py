"""A reader finding their way in Debian's Chromium: the offline zip, search, links, anchors and redirects."""

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

from tests.browser import guard
from tests.pages import (
    Target,
    box,
    h1,
    open_scenario,
    pair,
    show_checklist,
    tick,
    watched_page,
)
from tests.project import ROOT, build, make_project


def page_texts(root: Path) -> dict[str, str]:
    """The search index's text per page (location without anchor), every field, lower case, tags removed."""
    docs = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    texts: dict[str, str] = defaultdict(str)
    for doc in docs:
        fields = " ".join(value for key, value in doc.items() if key != "location" and isinstance(value, str))
        text = unescape(re.sub(r"<[^>]+>", " ", fields))
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
