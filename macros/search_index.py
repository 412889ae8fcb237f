"""Runway's search index: one small document per guide, found by a reader's words, never previewing an answer.

Material's search plugin writes `search/search_index.json` with one entry per section of every page, each
holding the section's text as HTML; its worker indexes those entries and shows an entry's `text` as the
result preview. For a guide that shape spoils practice mode (the sections it hides are previewed like any
other) and stores every word with its markup. So, after the plugin writes the index and before the
offline plugin copies it into `search_index.js`, `rewrite` replaces each guide's entries with one document:

| field      | holds                                                                 | in the preview |
|------------|-----------------------------------------------------------------------|----------------|
| `title`    | the title                                                              | shown          |
| `text`     | the question, exactly as the page opens with it                        | shown          |
| `tags`     | the tags                                                               | shown          |
| `keywords` | the reader's words for the problem (front matter `keywords`)           | never          |
| `summary`  | the summary (front matter `summary`, the page's meta description)      | never          |
| `body`     | every other word of the page once: prose and the sections practice mode hides | never   |

Material's worker indexes every field named under the search plugin's `fields` in mkdocs.yml (with its
boost) and renders only title, text and tags, so a guide is found by words from its hidden sections
while no result can show them. The words are split with the plugin's own `separator`, the regular
expression the worker splits with, so the index holds exactly the words the worker would make.

On the web, Material starts its worker (40 KB) as every page opens. overrides/main.html points Material at
docs/assets/search-worker.js instead: a 1 KB stand-in that answers "ready" at once and imports Material's worker
on the reader's first query, replaying the index and the queries that arrived meanwhile, so a first visit that
never searches skips it. The offline build keeps Material's worker unchanged.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from .models import Library, Scenario
from .sections import BY_KEY, QUESTION_ANCHOR
from .urls import scenario_path

INDEX = Path("search") / "search_index.json"
# Sections whose words stay out of `body`: the question section is the `text` field plus the at-a-glance
# box (the same on every guide; the keywords, which the page never shows, are the `keywords` field); related scenarios
# are other guides' titles and questions, which would make this guide match their words.
NOT_IN_BODY = frozenset({QUESTION_ANCHOR, BY_KEY["related"].key})
# Every page that is not a guide (home, areas, how to practise, coaches) ranks below the guides unless its
# front matter sets its own `search: boost:`; tags, reading list, progress and mock set `search: exclude:`.
OTHER_PAGES_BOOST = 0.0001
MARKUP = re.compile(r"<[^>]+>")
# Lunr's English stop-word list: the worker's index pipeline drops these words, so storing them is waste.
STOP_WORDS = frozenset(
    "a able about across after all almost also am among an and any are as at be because been but by can "  # noqa: SIM905
    "cannot could dear did do does either else ever every for from get got had has have he her hers him "
    "his how however i if in into is it its just least let like likely may me might most must my neither "
    "no nor not of off often on only or other our own rather said say says she should since so some than "
    "that the their them then there these they this tis to too twas us wants was we were what when where "
    "which while who whom why will with would yet you your".split()
)


def query_separator(separator: str) -> str:
    """The plugin's separator, plus every stop word and single letter as a separator of its own.

    The worker adds `*` to every query word and lunr skips its pipeline for such words, so a typed stop
    word is not dropped but matched as a prefix: "in" finds "injection" in titles, "my" finds "mysql",
    "us" finds "users". Splitting at those words removes them from queries as the pipeline would; in
    the index they change nothing, since the pipeline drops them there anyway. The worker builds the
    separator with `new RegExp(separator)`, without the `i` flag, so each letter is a class: [Ii][Nn].
    """
    either = lambda word: "".join(f"[{c.upper()}{c}]" for c in word)  # noqa: E731
    return rf"{separator}|\b(?:{'|'.join(either(w) for w in sorted(STOP_WORDS, key=len, reverse=True))}|[A-Za-z])\b"


def words(text: str, separator: str) -> list[str]:
    """The distinct words the worker makes of `text`, lower case, without stop words, in first-seen order."""
    found = (w.lower() for w in re.split(separator, html.unescape(MARKUP.sub(" ", text))) if w)
    return list(dict.fromkeys(w for w in found if w not in STOP_WORDS))


def without_prefixes(found: list[str], known: set[str]) -> list[str]:
    """Words that are neither in `known` nor the start of a longer word here: the worker matches every
    query word as a prefix (`retr` finds `retries`), so dropping them never changes which guides match."""
    keep = sorted(set(found) - known)
    return [w for n, w in enumerate(keep) if not (n + 1 < len(keep) and keep[n + 1].startswith(w))]


def guide_document(s: Scenario, location: str, page_text: str, separator: str) -> dict:
    """The one search document of a guide; `page_text` is every section of its page but NOT_IN_BODY."""
    m = s.meta
    keywords = "; ".join(m.keywords)
    shown = words(f"{m.title} {m.question} {keywords} {m.summary} {' '.join(m.tags)}", separator)
    return {
        "location": location,
        "title": html.escape(m.title, quote=False),
        "text": html.escape(" ".join(m.question.split()), quote=False),
        "tags": list(m.tags),
        "keywords": keywords,
        "summary": " ".join(m.summary.split()),
        "body": " ".join(without_prefixes(words(page_text, separator), set(shown))),
    }


def page_of(location: str) -> str:
    return location.split("#", 1)[0]


def anchor_of(location: str) -> str:
    return location.partition("#")[2]


def rewrite(index: dict, guides: dict[str, Scenario]) -> dict:
    """Material's index with each guide's section entries (keyed by page location) replaced by one document."""
    separator = query_separator(index["config"]["separator"])
    texts: dict[str, list[str]] = {location: [] for location in guides}
    others = []
    for entry in index["docs"]:
        location = page_of(entry["location"])
        if location not in guides:
            others.append({"boost": OTHER_PAGES_BOOST, **entry})
        elif anchor_of(entry["location"]) not in NOT_IN_BODY:
            texts[location] += [entry.get("title", ""), entry.get("text", "")]
    documents = [guide_document(s, location, " ".join(texts[location]), separator) for location, s in guides.items()]
    return {**index, "config": {**index["config"], "separator": separator}, "docs": documents + others}


def guide_locations(library: Library, config: MkDocsConfig) -> dict[str, Scenario]:
    """Each guide's page URL as the search index writes it (`scenarios/<id>/`, or `.html` offline)."""
    url = lambda s: File(scenario_path(s.meta.id), None, config.site_dir, config.use_directory_urls).url  # noqa: E731
    return {url(s): s for s in library.in_order()}


def on_post_build(config: MkDocsConfig, library: Library) -> None:
    """Rewrite the index the search plugin has just written, if it wrote one."""
    path = Path(config.site_dir) / INDEX
    if not path.is_file():
        return
    index = rewrite(json.loads(path.read_text(encoding="utf-8")), guide_locations(library, config))
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
