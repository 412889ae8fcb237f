"""Search as a reader uses it, and the index behind it (macros/search_index.py).

The relevance set (tests/search_queries.yml) is typed into the built site's search box in Debian's Chromium,
over http and from the unzipped offline zip: a right guide must be in the top three for at least 95% of the
queries, no guide may rank below a page that is not a guide, and no result may show text that practice mode
hides (anything inside a details block of a guide).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from macros import search_index
from macros.loader import load_library
from tests.pages import Target, watched_page
from tests.project import ROOT

LIBRARY = load_library(ROOT / "scenarios")
QUERIES: list[dict] = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
GOAL = 0.95  # share of queries with a right guide in the top three
TOP = 3
SHINGLE = 6  # words in a row that count as showing a passage
INDEX_BUDGET = 350_000  # bytes, for the real library (BENCHMARKS.md tracks growth)
GUIDE_URL = re.compile(r"/scenarios/([a-z0-9-]+)(?:/|\.html)(?:[?#]|$)")


# ---------------------------------------------------------------- the index


def index_of(root: Path) -> dict:
    return json.loads((root / search_index.INDEX).read_text(encoding="utf-8"))


def guide_docs(index: dict) -> dict[str, dict]:
    return {m.group(1): doc for doc in index["docs"] if (m := GUIDE_URL.search("/" + doc["location"]))}


def reachable(doc: dict, text: str, separator: str) -> list[str]:
    """The words of `text` that no word of the document starts with: what a search for them would miss."""
    fields = " ".join(" ".join(v) if isinstance(v, list) else str(v) for k, v in doc.items() if k != "location")
    own = set(search_index.words(fields, separator))
    return [w for w in search_index.words(text, separator) if not any(t.startswith(w) for t in own)]


def test_each_guide_is_one_document_that_previews_its_question_and_is_found_by_its_hidden_words(site):
    index = index_of(site)
    separator = index["config"]["separator"]
    docs = guide_docs(index)
    assert set(docs) == set(LIBRARY.by_id)
    assert not [d["location"] for d in index["docs"] if "#" in d["location"] and d["location"].startswith("scenarios/")]
    for sid, doc in docs.items():
        m = LIBRARY.by_id[sid].meta
        assert unescape(doc["text"]) == " ".join(m.question.split()), sid
        assert doc["keywords"] == "; ".join(m.keywords)
        hidden = [m.two_minute_answer, m.checklist[-1].text, m.red_flags[0], m.follow_ups[0].hint, m.outline[0].title]
        assert not reachable(doc, " ".join(hidden), separator), sid


def test_utility_pages_are_left_out_and_other_pages_rank_below_guides(site):
    index = index_of(site)
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not {p for p in pages if p.split("/")[0] in {"tags", "reading-list", "progress", "mock", "scorecards"}}
    others = [doc for doc in index["docs"] if not doc["location"].startswith("scenarios/")]
    assert {"", "practise/", "coaches/"} <= {doc["location"].split("#")[0] for doc in others}
    assert all(doc["boost"] <= search_index.OTHER_PAGES_BOOST for doc in others)
    assert all("boost" not in doc for doc in guide_docs(index).values())


def test_the_index_is_light_and_the_offline_copy_is_the_same(site, offline_site):
    size = (site / search_index.INDEX).stat().st_size
    assert size <= INDEX_BUDGET, f"search index {size:,} bytes, budget {INDEX_BUDGET:,}"
    script = (offline_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert json.loads(script.removeprefix("var __index = ")) == index_of(offline_site)
    assert guide_docs(index_of(offline_site)).keys() == guide_docs(index_of(site)).keys()


def test_materials_search_worker_loads_on_the_first_query_not_with_the_page(browser, site, servers):
    """On the web a page starts the small stand-in worker; Material's worker comes with the first query."""
    base = servers(site)
    with watched_page(browser) as page:
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        placeholder = open_search(page, base + f"scenarios/{LIBRARY.scenarios[0].meta.id}/")
        assert any("assets/search-worker.js?worker=search." in url for url in requested)
        assert not [url for url in requested if "/javascripts/workers/search." in url]
        query(page, QUERIES[0]["query"], placeholder)
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        assert [url for url in requested if "/javascripts/workers/search." in url]


def test_words_are_split_alike_in_python_and_in_the_browser(site, page):
    """SEV-1, SEV1 and sev 1 are the same words; p99, 5xx and 429 stay words; stop words and single letters go."""
    separator = index_of(site)["config"]["separator"]
    split = lambda text: page.evaluate(  # noqa: E731  the worker's split: new RegExp(separator), lower case
        "([text, sep]) => text.split(new RegExp(sep)).filter(Boolean).map(w => w.toLowerCase())", [text, separator]
    )
    same = {
        "SEV-1": ["sev", "1"],
        "SEV1": ["sev", "1"],
        "sev 1": ["sev", "1"],
        "p99 latency": ["p99", "latency"],
        "5xx, 429 and HTTP/2": ["5xx", "429", "http", "2"],
        "In my DB a retry is on-call's": ["db", "retry", "call"],
        "blue/green (A/B) roll-out.": ["blue", "green", "roll", "out"],
    }
    page.goto("about:blank")
    for text, expected in same.items():
        assert search_index.words(text, separator) == expected, text
        assert [w for w in split(text) if w not in search_index.STOP_WORDS] == expected, text


# ---------------------------------------------------------------- what a guide shows and what it hides


class GuideText(HTMLParser):
    """The text of a guide's article, split into what is inside a details block (hidden) and the rest."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden: list[str] = []
        self.visible: list[str] = []
        self.article = self.details = self.summary = 0

    def handle_starttag(self, tag, attrs):
        self.article += tag == "article"
        self.details += tag == "details"
        self.summary += tag == "summary"

    def handle_endtag(self, tag):
        self.article -= tag == "article"
        self.details -= tag == "details"
        self.summary -= tag == "summary"

    def handle_data(self, data):
        if self.article:
            (self.hidden if self.details and not self.summary else self.visible).append(data)


def shingles(text: str) -> set[str]:
    words = re.findall(r"[\w'’%.]+", text.lower())
    return {" ".join(words[n : n + SHINGLE]) for n in range(len(words) - SHINGLE + 1)}


@dataclass(frozen=True)
class Answers:
    """Every run of SHINGLE words that some guide hides and no guide shows, and each guide's hidden text."""

    passages: set[str]
    hidden: dict[str, str]

    def shown_in(self, text: str) -> set[str]:
        return shingles(text) & self.passages


def answers_of(root: Path) -> Answers:
    hidden, visible = {}, set()
    for s in LIBRARY.scenarios:
        pages = (root / f"scenarios/{s.meta.id}/index.html", root / f"scenarios/{s.meta.id}.html")
        parser = GuideText()
        parser.feed(next(p for p in pages if p.exists()).read_text(encoding="utf-8"))
        hidden[s.meta.id] = " ".join(parser.hidden)
        visible |= shingles(" ".join(parser.visible))
    passages = set().union(*(shingles(text) for text in hidden.values())) - visible
    return Answers(passages, hidden)


# ---------------------------------------------------------------- typing into the search box


@dataclass(frozen=True)
class Result:
    guide: str | None  # the guide's id, or None for any other page
    text: str  # everything the result shows: title, preview, tags


def open_search(page: Page, home: str) -> str:
    """Open the search box with its keyboard shortcut; return the placeholder it shows while empty."""
    page.goto(home)
    page.keyboard.press("/")
    expect(page.locator(".md-search__input")).to_be_focused()
    config = json.loads(page.locator("#__config").text_content())  # Material's settings and translations
    placeholder = config["translations"]["search.result.placeholder"]
    expect(page.locator(".md-search-result__meta")).to_have_text(placeholder)  # the index is loaded
    return placeholder


def query(page: Page, text: str, placeholder: str) -> None:
    """Put `text` in the box and release a key, as typing does (the search listens to keyup); wait for the answer.

    Each query starts from an empty box showing the placeholder, and one keyup sends one query, so the first
    answer that replaces the placeholder is the answer to `text`."""
    box = page.locator(".md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.fill("")
    box.press("End")
    expect(meta).to_have_text(placeholder)
    box.fill(text)
    box.press("End")
    expect(meta).not_to_have_text(placeholder)


def results(page: Page) -> list[Result]:
    items = page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(li => [li.querySelector('a').href, li.textContent])"
    )
    return [
        Result(m.group(1) if (m := GUIDE_URL.search(href)) else None, " ".join(text.split())) for href, text in items
    ]


def search_all(page: Page, home: str, queries: list[str]) -> dict[str, list[Result]]:
    placeholder = open_search(page, home)
    found = {}
    for text in queries:
        query(page, text, placeholder)
        found[text] = results(page)
    return found


# ---------------------------------------------------------------- the relevance set


@pytest.fixture(params=["http", "zip"])
def reader_target(request) -> Target:
    if request.param == "zip":  # the zip `make offline` writes, unzipped and opened from disk
        site = request.getfixturevalue("made_offline").site
        return Target("zip", site, site.as_uri() + "/")
    site = request.getfixturevalue("site")
    return Target("http", site, request.getfixturevalue("servers")(site))


def test_the_relevance_set_is_honest():
    """At least 60 queries, every answer a real guide, no query listed twice."""
    assert len(QUERIES) >= 60
    assert len({q["query"].lower() for q in QUERIES}) == len(QUERIES)
    assert all(q["answers"] and set(q["answers"]) <= set(LIBRARY.by_id) for q in QUERIES)


def test_readers_words_find_the_right_guide_without_spoilers(browser, reader_target):
    """Each query typed into the search box: a right guide in the top three for at least 95% of queries, every
    guide above every other page, and no result showing a passage that a guide hides."""
    answers = answers_of(reader_target.root)
    with watched_page(browser) as page:
        found = search_all(page, reader_target.home, [q["query"] for q in QUERIES])
    misses, misranked, spoilers = [], [], []
    for q in QUERIES:
        shown = found[q["query"]]
        guides = [r.guide for r in shown]
        if not set(guides[:TOP]) & set(q["answers"]):
            misses.append(f"{q['query']!r}: {guides[:5]}, wanted one of {q['answers']}")
        if None in guides and any(g is not None for g in guides[guides.index(None) :]):
            misranked.append(f"{q['query']!r}: {guides}")
        spoilers += [
            f"{q['query']!r} -> {r.guide}: {sorted(answers.shown_in(r.text))[:3]}"
            for r in shown
            if answers.shown_in(r.text)
        ]
    score = 1 - len(misses) / len(QUERIES)
    print(f"\n{reader_target.name}: right guide in the top {TOP} for {score:.1%} of {len(QUERIES)} queries")
    assert score >= GOAL, f"{score:.1%} < {GOAL:.0%}; misses:\n" + "\n".join(misses)
    assert not misranked, "a page that is not a guide ranks above a guide:\n" + "\n".join(misranked)
    assert not spoilers, "results show hidden text:\n" + "\n".join(spoilers)
