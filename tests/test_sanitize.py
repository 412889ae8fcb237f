"""The page allowlist against the browser: whatever the build accepts, Chromium runs no script from it and fetches
nothing off the machine. Random markup goes into text fields and prose; the sanitizer's verdict is compared with
what Chromium does with the HTML Markdown made of it (not with the cleaned HTML: the verdict alone must hold)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from playwright.sync_api import Page
from pydantic_core import PydanticCustomError

from macros.markdown import inline, theme_text
from macros.page_safety import renderer
from macros.sanitize import clean
from macros.text_rules import plain_text
from tests.browser import launch, local_only
from tests.project import ROOT

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
render = renderer(CONFIG.markdown_extensions, CONFIG.mdx_configs)
PWNED = "window.__pwned=1"
# Pieces of markup that run script, fetch from outside, or only look like they might, and the glue between them.
TOKENS = [
    f"<img src=x onerror={PWNED}>",
    f"<svg onload={PWNED}>",
    f"<script>{PWNED}</script>",
    f"<details open ontoggle={PWNED}>",
    "<iframe srcdoc='<script>parent.__pwned=1</script>'></iframe>",
    f"<math><mtext><table><mglyph><style><img src=x onerror={PWNED}>",
    f"[a](javascript:{PWNED})",
    "[a](https://example.org/)",
    "![a](https://evil.invalid/p.png)",
    "![a](chart.png)",
    f"{{: onclick={PWNED} }}",
    f"{{ onerror={PWNED} }}",
    "{: .md-button }",
    f"[r]: javascript:{PWNED}",
    "[r]",
    "<base href=https://evil.invalid/>",
    "<style>@import url(https://evil.invalid/x.css)</style>",
    "&#106;avascript:",
    ":material-check:",
    ":smile:",
    "<!--",
    "-->",
    "alert(1)",
    "javascript:",
    *list("\"'<>`*_[](){}:!&#|\\/="),
    " ",
    "\n",
    "\n\n",
    "    ",
    "x",
]
markup = st.lists(st.sampled_from(TOKENS) | st.text(max_size=4), max_size=14).map("".join)
PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# The scheme of every URL the page ended up with (links, sources, styles, frames, forms), relative ones as https.
SCHEMES = """[...document.querySelectorAll('*')]
  .flatMap(e => ['href', 'src', 'action', 'formAction'].map(k => e[k]))
  .filter(u => typeof u === 'string' && u)
  .map(u => { try { return new URL(u, 'https://runway.test/').protocol; } catch (e) { return 'unparsable:'; } })"""


@pytest.fixture(scope="module")
def page() -> Page:
    with launch() as browser:
        page = browser.new_page()
        page.on("dialog", lambda dialog: dialog.dismiss())
        yield page


def runs_anything(page: Page, html: str) -> list[str]:
    """What Chromium did with `html` that it must not: script run, dialogs, requests, script URLs. Empty: inert."""
    dialogs: list[str] = []
    page.once("dialog", lambda dialog: dialogs.append(dialog.message))
    page.evaluate("delete window.__pwned")
    with local_only(page) as watched:
        watched.set_content(f"<!doctype html><title>t</title><body>{html}</body>", wait_until="load", timeout=5000)
        watched.wait_for_timeout(30)
        found = ["script ran"] if watched.evaluate("window.__pwned === 1") else []
        schemes = watched.evaluate(SCHEMES)
    found += [f"dialog {d}" for d in dialogs]
    return found + [f"a {s} URL" for s in schemes if s not in {"https:", "mailto:", "about:"}]


def test_the_detector_sees_script_requests_and_script_urls(page):
    """Each thing the property below relies on does show up, and the allowlist refuses it."""
    for html in [
        f"<img src=x onerror={PWNED}>",
        f'<a href="javascript:{PWNED}">x</a>',
        "<details open ontoggle=alert(1)>",
    ]:
        assert runs_anything(page, html), html
        assert clean(html)[1], html
    with pytest.raises(AssertionError, match="requests that left the machine"):
        runs_anything(page, '<img src="https://evil.invalid/p.png">')


@pytest.mark.parametrize("as_markdown", [inline, str], ids=["text field", "prose"])
@PROPERTY
@given(value=markup)
def test_markup_the_build_accepts_runs_nothing(page, as_markdown, value):
    """A front-matter text field reaches Markdown through `inline`; prose reaches it as written."""
    html = render(as_markdown(value))
    event("refused" if clean(html)[1] else "accepted")
    if not clean(html)[1]:
        assert not runs_anything(page, html), (value, html)


@PROPERTY
@given(value=markup)
def test_plain_text_the_loader_accepts_is_inert_where_the_theme_prints_it(page, value):
    """Where Material prints a title or summary unescaped: in <title>, in an attribute and as nav link text."""
    try:
        plain_text(value)
    except PydanticCustomError:
        return
    text = theme_text(value)
    html = f'<meta name="description" content="{text}"><nav><a href="x/">{text}</a></nav><h1>{text}</h1>'
    assert not runs_anything(page, html), value
    page.set_content(f"<!doctype html><title>{text} - Runway</title>")
    assert page.evaluate("document.title") == " ".join(f"{value} - Runway".split()), "shown as the text it is"
