"""What browser tests share: the built sites as a reader reaches them, a watched page, and page helpers."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.browser import guard
from tests.project import ROOT

ARTIFACTS = ROOT / "test-artifacts"
STORE = "runway.progress"


# ---------------------------------------------------------------- sites, pages and helpers


@dataclass(frozen=True)
class Target:
    """A built site as a reader reaches it: opened from disk or served on 127.0.0.1."""

    name: str
    root: Path
    base: str

    @property
    def home(self) -> str:
        return self.base if self.base.startswith("http") else self.base + "index.html"

    def url(self, path: str) -> str:
        """The URL of a site-relative path, such as a catalog URL."""
        return self.base + path

    def page(self, name: str) -> str:
        """The URL of a hand-written page such as 'progress', in this build's URL style."""
        offline = (self.root / f"{name}.html").exists()
        return self.base + (f"{name}.html" if offline else f"{name}/")

    @property
    def catalog(self) -> list[dict]:
        return json.loads((self.root / "catalog.json").read_text(encoding="utf-8"))["scenarios"]


def make_target(request, name: str) -> Target:
    if name == "file":
        root = request.getfixturevalue("offline_site")
        return Target(name, root, root.as_uri() + "/")
    root = request.getfixturevalue("site" if name == "http" else "offline_site")
    return Target(name, root, request.getfixturevalue("servers")(root))


@contextlib.contextmanager
def watched_page(browser: Browser):
    """A fresh profile (empty localStorage); fails on any request off the machine or any script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    context.set_default_timeout(10_000)
    page = context.new_page()
    outside = guard(page)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()
    assert not outside, f"requests left the machine: {outside}"
    assert not errors, f"script errors: {errors}"


def pair(entries: list[dict]) -> tuple[dict, dict]:
    """The first scenario of the catalog and another one in the same area."""
    first = entries[0]
    return first, next(e for e in entries[1:] if e["area"] == first["area"])


def h1(page: Page):
    return page.locator("article h1")


def open_scenario(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_role("button", name="Start timer")).to_be_visible()


def show_checklist(page: Page) -> None:
    details = page.locator("h2#checklist + details")
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()


def box(page: Page, item: str):
    return page.locator(f"li:has(> #checklist-{item}) input[type=checkbox]")


def tick(page: Page, item: str) -> None:
    """Click where Material draws the item's box, over the transparent input, as a reader does."""
    item_row = page.locator(f"li:has(> #checklist-{item})")
    item_row.evaluate("li => li.scrollIntoView({block: 'center'})")
    item_row.locator("input[type=checkbox]").click(force=True)


def stored(page: Page):
    return page.evaluate(f"JSON.parse(localStorage.getItem('{STORE}'))")


def ticks_of(data, scenario: str) -> dict:
    return (data or {}).get("scenarios", {}).get(scenario, {}).get("ticks", {})


def clock_text(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
