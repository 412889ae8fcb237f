"""Spaced review and moving progress between devices, in Debian's chromium.

A review session runs from the zip `make offline` writes, unzipped and opened from disk; the transfer link is
made in one browser context (one device) and opened in a fresh one (another device).
"""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import Page, expect

from tests.pages import STORE, Target, stored, ticks_of, watched_page

REVIEW = "runway.review"
ATTEMPTS = "runway.attempts"


def cards_of(root) -> dict[str, dict]:
    return {c["id"]: c for c in json.loads((root / "cards.json").read_text(encoding="utf-8"))["cards"]}


def schedule(page: Page) -> dict:
    return page.evaluate(f"JSON.parse(localStorage.getItem('{REVIEW}'))") or {"cards": {}}


def show_and_grade(page: Page, grade: str) -> str:
    """Reveal the card on show, grade it, return its id."""
    card = page.locator(".runway-review-card")
    expect(card).to_be_visible()
    shown = card.get_attribute("data-card")
    page.get_by_role("button", name="Show answer").click()
    page.get_by_role("button", name=grade).click()
    expect(card).not_to_have_attribute("data-card", shown)
    return shown


def test_a_review_session_from_the_unzipped_zip(browser, made_offline):
    """Front first, the back on request, a grade; after a reload the schedule is still there."""
    target = Target("file", made_offline.site, made_offline.site.as_uri() + "/")
    cards = cards_of(made_offline.site)
    with watched_page(browser) as page:
        page.goto(target.page("review"))
        card, back = page.locator(".runway-review-card"), page.locator(".runway-review-back")
        expect(card).to_be_visible()
        first = card.get_attribute("data-card")
        expect(page.locator(".runway-review-front")).to_have_text(cards[first]["front"])
        expect(back).to_be_hidden()
        assert cards[first]["back"] not in page.locator("article").inner_text(), "the answer waits until asked"
        page.get_by_role("button", name="Show answer").click()
        expect(page.locator(".runway-review-answer")).to_have_text(cards[first]["back"])
        link = page.locator(".runway-review-link").get_attribute("href")
        assert link == target.url(cards[first]["url"]), "the card links back to its guide"
        page.get_by_role("button", name="Good").click()
        expect(card).not_to_have_attribute("data-card", first)
        second = show_and_grade(page, "Easy")

        page.reload()
        saved = schedule(page)["cards"]
        assert set(saved) == {first, second}
        assert all(e["reps"] == 1 and e["due"] > time.time() * 1000 for e in saved.values()), "scheduled ahead"
        expect(card).to_be_visible()
        assert card.get_attribute("data-card") not in saved, "reviewed cards wait for their date"
        expect(page.locator(".runway-review-counts")).to_contain_text("18 new for today")

        page.goto(target.home)
        expect(page.locator(".runway-due-text")).to_contain_text("1 card due today, and 18 new")


def test_filters_by_area_and_guide(page, target):
    entries = target.catalog
    other_area = next(e for e in entries if e["area"] != entries[0]["area"])
    page.goto(target.page("review"))
    area, guide = page.locator(".runway-review-area"), page.locator(".runway-review-guide")
    expect(page.locator(".runway-review-card")).to_be_visible()
    area.select_option(other_area["area"])
    in_area = "|".join(e["id"] for e in entries if e["area"] == other_area["area"])
    expect(page.locator(".runway-review-card")).to_have_attribute("data-card", re.compile(f"^({in_area})/"))
    hidden = guide.locator("option").evaluate_all("os => os.filter(o => o.hidden).map(o => o.value)")
    assert entries[0]["id"] in hidden and other_area["id"] not in hidden, "the guide list keeps the chosen area"
    guide.select_option(other_area["id"])
    expect(page.locator(".runway-review-front")).to_contain_text(f"{other_area['code']} · ")


def seed(page: Page, target: Target) -> dict:
    """Progress on the first device: one tick, one mock attempt and one reviewed card, through the pages."""
    first = target.catalog[0]
    item = next(iter(first["checklist"]))
    page.goto(target.page("review"))
    page.locator(".runway-review-guide").select_option(first["id"])
    reviewed = show_and_grade(page, "Good")
    attempt = {"scenario": first["id"], "title": first["title"], "area": first["area_title"]}
    attempt |= {"at": "2026-11-02T10:00:00.000Z", "seconds": 1500, "score": 0.5, "flags": 1}
    page.evaluate(
        "([store, id, item, attempts, attempt]) => {"
        "  localStorage.setItem(store, JSON.stringify({version: 1, scenarios: {[id]: {ticks: {[item]: true},"
        "    updated: '2026-11-02T10:00:00.000Z'}}}));"
        "  localStorage.setItem(attempts, JSON.stringify([attempt])); }",
        [STORE, first["id"], item, ATTEMPTS, attempt],
    )
    return {"scenario": first["id"], "item": item, "card": reviewed}


def test_a_transfer_link_restores_progress_in_a_fresh_browser(browser, target):
    with watched_page(browser) as phone:
        made = seed(phone, target)
        phone.goto(target.page("progress"))
        phone.get_by_role("button", name="Make a transfer link").click()
        field = phone.locator(".runway-transfer-link")
        expect(field).to_be_visible()
        link = field.input_value()
        assert link.startswith(target.page("progress") + "#transfer=")
        expect(phone.locator(".runway-transfer-qr img")).to_be_visible()
        before = {"progress": stored(phone), "review": schedule(phone)["cards"]}

    with watched_page(browser) as laptop:
        laptop.goto(link)
        preview = laptop.locator(".runway-transfer-preview")
        expect(preview).to_be_visible()
        expect(preview).to_contain_text("1 tick, 1 mock interview attempt, 1 review card")
        assert stored(laptop) is None, "nothing is saved before the reader says so"
        laptop.get_by_role("button", name="Add to my progress").click()
        expect(laptop.locator(".runway-transfer-status")).to_contain_text("Imported from the transfer link")
        assert "#transfer=" not in laptop.url
        assert ticks_of(stored(laptop), made["scenario"]) == {made["item"]: True}
        assert len(laptop.evaluate(f"JSON.parse(localStorage.getItem('{ATTEMPTS}'))")) == 1
        moved = schedule(laptop)["cards"][made["card"]]
        mine = before["review"][made["card"]]
        assert abs(moved["due"] - mine["due"]) <= 30_000 and moved["reps"] == mine["reps"] == 1, "to the minute"
        row = laptop.locator(f"tr[data-scenario='{made['scenario']}'] .runway-ticks")
        expect(row).to_contain_text("1 / ")


@pytest.mark.parametrize(
    ("fragment", "why"),
    [
        ("not-a-runway-link%%", "damaged or cut short"),
        ("N4IgLg==", "damaged or cut short"),
        ("lz:[1,2]", "does not hold Runway progress"),
    ],
)
def test_a_garbage_transfer_link_changes_nothing_and_says_why(page, target, fragment, why):
    kept = {"version": 1, "scenarios": {target.catalog[0]["id"]: {"ticks": {"x": True}}}}
    page.goto(target.page("progress"))
    page.evaluate(f"localStorage.setItem('{STORE}', {json.dumps(json.dumps(kept))})")
    if fragment.startswith("lz:"):
        fragment = page.evaluate(
            "text => Runway.vendor('lz-string.min.js', 'LZString').then(lz => lz.compressToEncodedURIComponent(text))",
            fragment[3:],
        )
    page.goto("about:blank")
    page.goto(target.page("progress") + "#transfer=" + fragment)
    status = page.locator(".runway-transfer-status")
    expect(status).to_contain_text("This transfer link could not be read")
    expect(status).to_contain_text(why)
    expect(status).to_contain_text("Nothing was changed")
    expect(page.locator(".runway-transfer-preview")).to_be_hidden()
    assert stored(page) == kept
    assert page.evaluate(f"localStorage.getItem('{REVIEW}')") is None


def test_a_schedule_too_big_for_a_qr_code_still_moves_by_link(browser, target):
    """Past what one QR code holds, the code carries ticks and attempts only; the link still carries everything."""
    ids = list(cards_of(target.root))[:300]
    now = int(time.time() * 1000)
    entry = {"due": now + 86_400_000, "stability": 3.1, "difficulty": 5.2, "elapsed_days": 0, "scheduled_days": 1}
    entry |= {"learning_steps": 0, "reps": 1, "lapses": 0, "state": 2, "last_review": now}
    big = {"version": 1, "cards": dict.fromkeys(ids, entry)}
    with watched_page(browser) as phone:
        phone.goto(target.page("progress"))
        phone.evaluate(f"localStorage.setItem('{REVIEW}', {json.dumps(json.dumps(big))})")
        phone.reload()
        phone.get_by_role("button", name="Make a transfer link").click()
        expect(phone.locator(".runway-transfer-note")).to_contain_text("carries your ticks and mock interviews only")
        expect(phone.locator(".runway-transfer-qr img")).to_be_visible()
        link = phone.locator(".runway-transfer-link").input_value()
    with watched_page(browser) as laptop:
        laptop.goto(link)
        expect(laptop.locator(".runway-transfer-preview")).to_contain_text("300 review cards")
        laptop.get_by_role("button", name="Add to my progress").click()
        expect(laptop.locator(".runway-transfer-status")).to_contain_text("Imported")
        assert len(schedule(laptop)["cards"]) == 300
