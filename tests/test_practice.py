"""Practice mode as a candidate uses it, in Debian's Chromium at desktop and phone widths, over http and from disk:
answers hidden on load, a practice bar that stays, a mock interview saved to the progress page, a safe import and
a print card without near-empty pages."""

from __future__ import annotations

import io
import json
import re

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from macros.loader import load_library
from macros.models import Scenario
from tests.pages import open_scenario, show_checklist, stored, tick, ticks_of, watched_page
from tests.project import ROOT

LIBRARY = load_library(ROOT / "scenarios")
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(WIDTHS))
def sized_page(request, browser):
    with watched_page(browser) as page:
        page.set_viewport_size(WIDTHS[request.param])
        yield page


def start_words(text: str, n: int = 7) -> str:
    return " ".join(text.split()[:n])


def answer_snippets(s: Scenario) -> dict[str, str]:
    """The opening words of each part of the guide that answers the question."""
    m = s.meta
    why = s.body.split("{#why-interviewers-ask}", 1)[1].strip().split("\n\n")
    return {
        "two-minute answer": start_words(m.two_minute_answer),
        "level-by-level why": start_words(why[1]),
        "answer outline": start_words(m.outline[0].points[0]),
        "checklist": start_words(m.checklist[0].text),
        "trade-offs": start_words(m.tradeoffs[0].options[0].cost),
        "signals": start_words(m.signals.staff[0]),
        "red flags": start_words(m.red_flags[0]),
        "follow-up hint": start_words(m.follow_ups[0].hint),
        "story outline": start_words(m.behavioral.outline[1]),
    }


def visible_text(page: Page) -> str:
    return " ".join(page.locator("article").inner_text().split())


@pytest.mark.parametrize(
    "sid", [area_scenarios[0].meta.id for area_scenarios in map(LIBRARY.in_area, [a.key for a in LIBRARY.areas])]
)
def test_no_answer_text_is_visible_on_load(sized_page, target, sid):
    assert not leaks(sized_page, target, sid)


def test_no_guide_shows_answer_text_on_load(page, target):
    """Every guide of the library, at desktop width: what answers the question starts hidden."""
    leaked = {sid: found for sid in LIBRARY.by_id if (found := leaks(page, target, sid))}
    assert not leaked, f"visible before the reader asked: {leaked}"


def leaks(page: Page, target, sid: str) -> dict[str, str]:
    """The parts of a guide's answer visible on load; checks first that the question and first paragraph are."""
    entry = next(e for e in target.catalog if e["id"] == sid)
    open_scenario(page, target.url(entry["url"]))
    shown = visible_text(page)
    s = LIBRARY.by_id[sid]
    assert start_words(s.meta.question) in shown, f"{sid}: the question is open"
    assert start_words(s.body.split("{#why-interviewers-ask}", 1)[1]) in shown, f"{sid}: why's first paragraph is open"
    return {part: words for part, words in answer_snippets(s).items() if words in shown}


def test_the_practice_bar_stays_in_view_down_to_the_last_section(sized_page, target):
    entry = target.catalog[0]
    open_scenario(sized_page, target.url(entry["url"]))
    sized_page.locator("h2#related").scroll_into_view_if_needed()
    header = sized_page.locator(".md-header").bounding_box()
    bar = sized_page.locator(".runway-practice").bounding_box()
    height = sized_page.viewport_size["height"]
    assert header["y"] + header["height"] - 1 <= bar["y"] < height / 2, (header, bar)
    expect(sized_page.get_by_role("timer", name="Time left")).to_be_in_viewport()


def test_drill_length_and_a_clear_time_up_state(page, target):
    entry = target.catalog[0]
    page.clock.install()
    open_scenario(page, target.url(entry["url"]))
    page.get_by_label("Drill length").select_option("2")
    timer = page.get_by_role("timer", name="Time left")
    expect(timer).to_have_text("2:00")
    page.get_by_role("button", name="Start timer").click()
    page.clock.run_for(120_500)
    expect(page.locator(".runway-practice [role=status]")).to_have_text(re.compile("^Time is up"))
    bar = page.locator(".runway-practice")
    expect(bar).to_have_class(re.compile("runway-time-up"))
    assert bar.evaluate("b => getComputedStyle(b).backgroundColor") != page.locator("body").evaluate(
        "b => getComputedStyle(b).backgroundColor"
    ), "time-up changes the bar's colour"
    assert "23F0" in timer.evaluate(
        "t => getComputedStyle(t, '::before').content.codePointAt(1).toString(16).toUpperCase()"
    )


def test_a_mock_interview_from_surprise_me_to_a_saved_attempt(page, target):
    page.clock.install()
    page.goto(target.page("mock"))
    page.get_by_label("Level").select_option("staff")
    page.get_by_role("button", name="Surprise me").click()
    expect(page).to_have_url(re.compile("#mock$"))
    expect(page.get_by_role("region", name="Mock interview")).to_be_visible()
    expect(page.locator("h2#question + blockquote")).to_be_visible()
    for hidden in ("h2#checklist", "h2#why-interviewers-ask", "h2#follow-ups"):
        expect(page.locator(hidden)).to_be_hidden()
    page.clock.run_for(5_000)
    expect(page.locator(".runway-practice [role=timer]")).not_to_have_text(re.compile(r"^(\d+):00$"))
    page.get_by_role("button", name="Ask the next follow-up").click()
    questions = page.locator(".runway-mock-questions li")
    expect(questions).to_have_count(1)
    sid = page.locator(".runway-practice").get_attribute("data-scenario")
    assert questions.first.inner_text().strip() == " ".join(LIBRARY.by_id[sid].meta.follow_ups[0].question.split())
    page.get_by_role("button", name="Finish and score").click()
    form = page.get_by_role("form", name="Score your answer")
    form.locator("input[type=radio][value='2']").first.check()
    form.get_by_role("checkbox").first.check()
    form.get_by_role("button", name="Save this attempt").click()
    expect(page.locator(".runway-mock-status")).to_contain_text("Attempt saved")
    expect(page.locator("h2#checklist")).to_be_visible()
    page.goto(target.page("progress"))
    title = LIBRARY.by_id[sid].meta.title
    row = page.locator(".runway-attempts-table tbody tr").first
    expect(row).to_contain_text(title)
    expect(page.locator(".runway-weakest")).to_contain_text("Weakest areas")


def test_import_with_an_unknown_id_keeps_current_progress(page, target, tmp_path):
    entry = target.catalog[0]
    first = next(iter(entry["checklist"]))
    open_scenario(page, target.url(entry["url"]))
    show_checklist(page)
    tick(page, first)
    before = stored(page)
    bad = {"version": 1, "scenarios": {"no-such-guide": {"ticks": {"x": True}}, entry["id"]: {"ticks": {"nope": True}}}}
    path = tmp_path / "other-site.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    page.goto(target.page("progress"))
    asked: list[str] = []

    def answer(dialog):
        asked.append(dialog.message)
        dialog.accept()

    page.once("dialog", answer)
    page.get_by_label("Import progress").set_input_files(path)
    expect(page.locator(".runway-progress-status")).to_contain_text("Ignored unknown scenarios: no-such-guide")
    assert "no-such-guide" in asked[0] and "1 tick for checklist items this site does not have" in asked[0]
    assert ticks_of(stored(page), entry["id"]) == ticks_of(before, entry["id"]) == {first: True}
    assert "no-such-guide" not in stored(page)["scenarios"]
    expect(page.locator(f"tr[data-scenario='{entry['id']}'] .runway-ticks")).to_have_text(
        f"1 / {len(entry['checklist'])}"
    )


def pdf_fullness(pdf: bytes) -> list[float]:
    """For each page, how far down its usable area (inside Material's 25 mm margins) the text reaches."""
    fullness = []
    for sheet in PdfReader(io.BytesIO(pdf)).pages:
        height, margin = float(sheet.mediabox.height), 25 / 25.4 * 72
        lows: list[float] = []

        def visit(text, cm, tm, font, size, lows=lows):
            if text.strip():
                lows.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

        sheet.extract_text(visitor_text=visit)
        fullness.append((height - margin - min(lows)) / (height - 2 * margin) if lows else 0.0)
    return fullness


def test_printing_a1_fills_every_page_but_the_last(page, target):
    a1 = next(e for e in target.catalog if e["code"] == "A1")
    open_scenario(page, target.url(a1["url"]))
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    pdf = page.pdf(format="A4")
    fullness = pdf_fullness(pdf)
    assert len(fullness) > 1
    thin = [(n, round(f, 2)) for n, f in enumerate(fullness[:-1], 1) if f < 1 / 3]
    assert not thin, f"pages less than a third full: {thin} of {len(fullness)}"
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    m = LIBRARY.by_id[a1["id"]].meta
    assert start_words(m.checklist[0].text, 5) in text, "hidden sections print open"
    assert "Reveal:" not in text and "Hide:" not in text, "without their labels"


def test_a_coach_fills_a_scorecard_and_exports_it_as_markdown(page, target, tmp_path):
    entry = target.catalog[0]
    s = LIBRARY.by_id[entry["id"]]
    page.goto(target.url(entry["scorecard"]))
    first_signal = " ".join(s.meta.signals.senior[0].split())
    page.get_by_role("radiogroup", name=f"Score for: {first_signal}").get_by_label("3").check()
    page.get_by_label(f"Notes for: {first_signal}").fill("named the control group unprompted")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as Markdown").click()
    path = tmp_path / "card.md"
    download.value.save_as(path)
    card = path.read_text(encoding="utf-8")
    assert card.startswith(f"# Scorecard: {s.meta.code} · {s.meta.title}\n")
    assert f"- [3/4] {first_signal} — named the control group unprompted\n" in card
    assert "## Red flags\n" in card and f"- [ /4] {' '.join(s.meta.red_flags[0].split())}\n" in card


def luminance(rgb: str) -> float:
    """Relative luminance of a CSS rgb()/rgba() colour, composited on white (WCAG 2)."""
    parts = [float(x) for x in re.findall(r"[\d.]+", rgb)]
    alpha = parts[3] if len(parts) > 3 else 1.0
    channels = [(c * alpha + 255 * (1 - alpha)) / 255 for c in parts[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_checklist_boxes_are_visible_and_the_whole_row_ticks(page, target):
    entry = target.catalog[0]
    item = next(iter(entry["checklist"]))
    open_scenario(page, target.url(entry["url"]))
    show_checklist(page)
    row = page.locator(f"li:has(> #checklist-{item})")
    box_colour = row.locator(".task-list-indicator").evaluate("i => getComputedStyle(i, '::before').backgroundColor")
    contrast = (1.05) / (luminance(box_colour) + 0.05)
    assert contrast >= 3, f"an unticked box is {contrast:.2f}:1 against the page"
    assert row.bounding_box()["height"] >= 24
    text_box = row.bounding_box()
    page.mouse.click(text_box["x"] + text_box["width"] - 20, text_box["y"] + text_box["height"] / 2)
    expect(row.locator("input[type=checkbox]")).to_be_checked()
    assert ticks_of(stored(page), entry["id"]) == {item: True}
