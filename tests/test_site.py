"""The real site, built strictly: pages, sections, anchors, indexes and search; and what bad input does to a build."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from html import unescape
from pathlib import Path

import pytest
import yaml

from macros.catalog import Catalog
from macros.loader import MARKER, load_library, scenario_files
from macros.sections import SECTIONS, present_keys
from tests.browser import free_port
from tests.project import BUILD_ENV, ROOT, build, make_project
from tests.scenario_factory import scenario_text, small_library

LIBRARY = load_library(ROOT / "scenarios")
FIXTURES = Path(__file__).parent / "fixtures"
ids = pytest.mark.parametrize("sid", sorted(LIBRARY.by_id))


def page(site: Path, src_uri: str) -> str:
    return (site / src_uri.removesuffix(".md") / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_every_scenario_file_is_a_page(site):
    built = {p.parent.name for p in (site / "scenarios").glob("*/index.html")}
    assert built == {p.stem for p in scenario_files(ROOT / "scenarios")}


@ids
def test_scenario_page_has_every_section_in_order(site, sid):
    s = LIBRARY.by_id[sid]
    html = page(site, f"scenarios/{sid}.md")
    placed = set(MARKER.findall(s.body))
    anchors = [a for a in present_keys(s, LIBRARY) if a not in placed]
    positions = [html.find(f'<h2 id="{anchor}">') for anchor in anchors]
    assert -1 not in positions, [a for a, p in zip(anchors, positions, strict=True) if p == -1]
    assert positions == sorted(positions), "sections not placed by a marker follow the table's order"
    assert html.find('<h2 id="question">') == min(positions), "the question comes first"
    for item in s.meta.checklist:
        assert f'id="checklist-{item.id}"' in html
    for use in s.meta.sources:
        assert f'id="source-{use.id}"' in html and LIBRARY.sources[use.id].url in html
    assert f'<meta name="description" content="{s.meta.summary}"' in unescape(html)
    assert f"<title>{s.meta.title} - Runway</title>" in unescape(html)


@ids
def test_every_hidden_section_starts_collapsed(site, sid):
    html = page(site, f"scenarios/{sid}.md")
    hidden = [x.key for x in SECTIONS if x.hidden and f'<h2 id="{x.key}">' in html]
    assert {"answer-outline", "checklist", "signals"} <= set(hidden)
    for anchor in hidden:
        after = html[html.find(f'<h2 id="{anchor}">') :]
        assert re.match(r'<h2 id="[a-z-]+">.*?</h2>\s*<details class="[a-z]+">', after, re.S), anchor


def test_area_pages_list_their_scenarios(site):
    for area in LIBRARY.areas:
        html = page(site, f"areas/{area.key}.md")
        for s in LIBRARY.in_area(area.key):
            assert f'href="../../scenarios/{s.meta.id}/"' in html
            assert f"{s.meta.code} · {s.meta.title}" in unescape(html)


def test_home_has_a_card_per_area_with_counts(site):
    text = text_of((site / "index.html").read_text(encoding="utf-8"))
    for area in LIBRARY.areas:
        count = len(LIBRARY.in_area(area.key))
        assert f"{area.letter}. {area.title} · {count} scenario" in " ".join(text.split())
    assert f"Runway has {len(LIBRARY.scenarios)} scenario guides" in " ".join(text.split())


def test_tags_index_lists_every_tag_in_use(site):
    text = text_of(page(site, "tags.md"))
    for tag in {t for s in LIBRARY.scenarios for t in s.meta.tags}:
        assert tag in text


def test_reading_list_has_every_source_and_who_cites_it(site):
    html = page(site, "reading-list.md")
    for src in LIBRARY.sources.values():
        assert f'href="{src.url}"' in html
        for s in LIBRARY.citing()[src.id]:
            assert f'href="../scenarios/{s.meta.id}/#source-{src.id}"' in html


def primary_nav(html: str) -> str:
    """The sidebar's site navigation, without the page's table of contents."""
    start = html.index('<nav class="md-nav md-nav--primary"')
    return html[start : html.index('<div class="md-sidebar md-sidebar--secondary"')]


def test_nav_holds_each_area_section_with_its_scenarios_in_code_order(site):
    home = unescape((site / "index.html").read_text(encoding="utf-8"))
    for area in LIBRARY.areas:
        assert f"{area.letter}. {area.title}" in home
        nav = primary_nav(page(site, f"areas/{area.key}.md"))
        linked = re.findall(r'href="\.\./\.\./scenarios/([a-z0-9-]+)/"', nav)
        assert linked == [s.meta.id for s in LIBRARY.in_area(area.key)], area.key


def test_catalog_lists_every_scenario(site):
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert {e["id"] for e in catalog["scenarios"]} == set(LIBRARY.by_id)


SKIPPED_DIRS = {".venv", "node_modules", ".git", "__pycache__", ".pytest_cache", ".hypothesis", "test-artifacts"}


def source_tree() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*") if not SKIPPED_DIRS & set(p.relative_to(ROOT).parts))


def test_build_writes_nothing_into_the_source_tree(tmp_path):
    before = source_tree()
    assert build(ROOT, tmp_path / "site").returncode == 0
    assert source_tree() == before


# Bad input: one message that names every broken file and field; no traceback; nothing silently dropped.
def variant(sid: str, code: str, **lines: str) -> str:
    """A valid scenario made from the template, with whole front-matter lines swapped by key."""
    return scenario_text(sid, code, ["alpha-scenario", "beta-scenario"], lines=lines)


PAYLOAD = "/tmp/runway-pwned"  # what python-tag.md's YAML tag would create if it were ever constructed
# Each broken file, made from the template where it differs in a line or two, with the message it must produce.
BROKEN: dict[str, tuple[str | bytes, str]] = {
    "malformed-yaml.md": (variant("malformed-yaml", "A11", title="title: [unclosed"), "front matter: invalid YAML"),
    "missing-field.md": (
        variant("missing-field", "A12", minutes=""),
        "scenarios/missing-field.md: minutes: required field is missing",
    ),
    "wrong-type.md": (
        variant("wrong-type", "A13", minutes="minutes: lots"),
        "minutes: Input should be a valid integer",
    ),
    "id-mismatch.md": (
        variant("id-mismatch", "A14", id="id: not-the-file-name"),
        "id: 'not-the-file-name' must equal the file name 'id-mismatch'",
    ),
    "duplicate-code.md": (variant("duplicate-code", "A1"), "code: 'A1' is already used by scenarios/"),
    "unknown-area.md": (variant("unknown-area", "A16", area="area: nowhere"), "area: unknown area 'nowhere'"),
    "unknown-tag.md": (
        variant("unknown-tag", "A17", tags="tags: [release, made-up-tag]"),
        "tags[1]: unknown tag 'made-up-tag'",
    ),
    "unknown-source.md": (
        variant("unknown-source", "A18").replace("  - id: aws-bl-rollback-safety", "  - id: invented-source"),
        "sources[2].id: unknown source 'invented-source'",
    ),
    "unknown-related.md": (
        variant("unknown-related", "A19", related="related: [alpha-scenario, ghost-scenario]"),
        "related[1]: unknown scenario 'ghost-scenario'",
    ),
    "python-tag.md": (
        variant("python-tag", "A23", title=f"title: !!python/object/apply:os.system ['touch {PAYLOAD}']"),
        "front matter: invalid YAML: could not determine a constructor for the tag",
    ),
    "empty.md": ("", "scenarios/empty.md: file is empty"),
    "latin1.md": ("---\ntitle: Café\n---\n".encode("latin-1"), "scenarios/latin1.md: not UTF-8"),
}


def broken_files(*names: str) -> dict[str, str | bytes]:
    return {name: BROKEN[name][0] for name in names}


def test_all_broken_fixtures_fail_one_build_with_every_message(tmp_path):
    Path(PAYLOAD).unlink(missing_ok=True)
    result = build(make_project(tmp_path, {**small_library(), **broken_files(*BROKEN)}))
    assert result.returncode != 0
    assert "Traceback" not in result.output
    missing = [name for name, (_, message) in BROKEN.items() if message not in result.output]
    assert not missing, result.output
    assert all(f"scenarios/{name}" in result.output for name in BROKEN), "every broken file is named"
    assert "  - scenarios/alpha-scenario.md" not in result.output, "valid files are not reported"
    assert not Path(PAYLOAD).exists()


@pytest.mark.parametrize("name", ["malformed-yaml.md", "unknown-related.md", "latin1.md"])
def test_one_bad_file_stops_the_build_with_its_own_message(tmp_path, name):
    result = build(make_project(tmp_path, {**small_library(), **broken_files(name)}))
    assert result.returncode == 1
    assert "1 problem(s) in the scenario library" in result.output and BROKEN[name][1] in result.output
    assert "Traceback" not in result.output


def test_hostile_scenario_runs_nothing_and_shows_templates_literally(tmp_path):
    for sentinel in ("/tmp/runway-pwned-title", "/tmp/runway-pwned-body"):
        Path(sentinel).unlink(missing_ok=True)
    hostile = (FIXTURES / "hostile" / "hostile-scenario.md").read_text(encoding="utf-8")
    result = build(make_project(tmp_path, {**small_library(), "hostile-scenario.md": hostile}))
    assert result.returncode == 0, result.output
    html = unescape(page(result.site, "scenarios/hostile-scenario.md"))
    assert "Seven times seven is {{ 7*7 }}." in html
    assert "{% include 'main.html' %}" in html
    assert "<title>Title {{ 7*7 }}" in html
    assert "49" not in text_of(html.split('<h2 id="why-interviewers-ask">')[1].split("</p>")[0])
    assert not Path("/tmp/runway-pwned-title").exists() and not Path("/tmp/runway-pwned-body").exists()


def test_crlf_and_bom_scenario_builds(tmp_path):
    files = small_library()
    files["alpha-scenario.md"] = "\ufeff".encode() + files["alpha-scenario.md"].replace("\n", "\r\n").encode()
    result = build(make_project(tmp_path, files))
    assert result.returncode == 0, result.output
    assert '<h2 id="checklist">' in page(result.site, "scenarios/alpha-scenario.md")


@contextmanager
def serving(project: Path):
    """`mkdocs serve` of `project` on a free port, as `make serve` runs it; yields a function that fetches a path."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*command, "-f", str(project / "mkdocs.yml")],
        cwd=project,
        env=BUILD_ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )

    def fetch(path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=2) as r:
            return r.read().decode("utf-8")

    try:
        yield fetch
    finally:
        server.terminate()
        server.wait(timeout=20)


def wait_for(fetch, path: str, text: str, seconds: float = 60) -> str:
    """The page at `path` once it contains `text`; fails with the last body after `seconds`."""
    body, deadline = "", time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            body = fetch(path)
        except OSError:
            body = ""
        if text in body:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{path} never contained {text!r}; last body: {body[:500]}")


def test_serve_serves_a_scenario_page(tmp_path):
    """`make serve` runs `mkdocs serve`: start it on a free port, fetch a scenario page, stop it."""
    with serving(make_project(tmp_path, small_library())) as fetch:
        body = wait_for(fetch, "scenarios/alpha-scenario/", '<h2 id="question">')
        assert 'id="checklist-first-item"' in body


def test_serve_picks_up_an_edit_to_the_python_code(tmp_path):
    """An edit to a module under macros/ shows on the next rebuild: the hook re-imports the package each build."""
    project = make_project(tmp_path, small_library())
    with serving(project) as fetch:
        wait_for(fetch, "scenarios/alpha-scenario/", "Answer outline")
        sections = project / "macros" / "sections.py"
        text = sections.read_text(encoding="utf-8")
        sections.write_text(text.replace('"Answer outline"', '"Outline of an answer"'), encoding="utf-8")
        wait_for(fetch, "scenarios/alpha-scenario/", "Outline of an answer")


def test_makefile_serve_uses_the_same_command_as_the_smoke_test():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^serve: \$\(SETUP\)\n\t\$\(PY\) -m mkdocs serve --strict -a 127\.0\.0\.1:8000$", makefile, re.M)
    assert shutil.which("make"), "make is needed for the README's commands"


def test_an_area_past_the_nav_limit_lists_only_its_overview(tmp_path):
    """Past NAV_SCENARIOS_PER_AREA an area's scenarios leave the sidebar (page size stays flat) but still build."""
    ids = [f"scenario-{n:02d}" for n in range(1, 32)]
    files = {f"{sid}.md": scenario_text(sid, f"A{n}", [ids[n % 31], ids[(n + 1) % 31]]) for n, sid in enumerate(ids, 1)}
    result = build(make_project(tmp_path, files))
    assert result.returncode == 0, result.output
    html = page(result.site, "scenarios/scenario-01.md")
    assert '<h2 id="checklist">' in html
    assert 'href="../scenario-02/"' in html, "related links still reach the other scenarios"
    assert '<a href="../scenario-02/" class="md-nav__link">' not in html
    assert '<a href="../../areas/safe-change/" class="md-nav__link' in html
    assert f'href="../../scenarios/{ids[-1]}/"' in page(result.site, "areas/safe-change.md")


@pytest.mark.parametrize("path", sorted((ROOT / "docs").glob("*.md")), ids=lambda p: p.name)
def test_hand_written_front_matter_parses(path):
    """MkDocs silently drops front matter that is not valid YAML (a title or render_macros would be lost)."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    assert yaml.safe_load(text.split("---\n", 2)[1]), f"{path.name}: front matter is not valid YAML"


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
