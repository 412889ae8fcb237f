"""The allowlist for the HTML of every page's content: exactly what our Markdown, pymdown and Material output needs.

`nh3` (Ammonia) cleans the HTML with the tables below; `clean` returns its output and a description of every
change it made. The build publishes the cleaned HTML and treats any change as a problem, so nothing is ever
stripped silently. Links may be relative, `#`, `https:` or `mailto:`; images come from the site itself.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from pygments.token import STANDARD_TYPES

# Material's admonition types and their aliases: `!!! tip`, `??? danger`...
ADMONITIONS = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check", "done",
    "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing", "danger", "error",
    "bug", "example", "quote", "cite",
})  # fmt: skip
PYGMENTS = frozenset(STANDARD_TYPES.values()) - {""} | {"hll", "filename", "linenos"}
PLAIN_ELEMENTS = (
    "blockquote", "br", "code", "dd", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "label", "li", "pre",
    "span", "strong", "summary", "table", "tbody", "thead", "tr", "ul",
)  # fmt: skip
# Attributes each element may carry besides `id` and `class`.
ATTRIBUTES: dict[str, frozenset[str]] = {
    tag: frozenset(attrs)
    for tag, attrs in {
        "a": {"href", "title", "data-scenario", "data-items", "data-area", "data-levels", "data-minutes"},
        "abbr": {"title"},
        "button": {"type"},
        "details": {"open"},
        "div": {
            "data-scenario",
            "data-minutes",
            "data-cards",
            "data-new-per-day",
            "data-json",
            "hidden",
            "role",
            "aria-label",
        },
        "select": (),
        "option": {"value", "data-area"},
        "kbd": (),
        "img": {"src", "alt", "title", "width", "height"},
        "input": {"type", "accept", "checked", "disabled", "readonly", "aria-label"},
        "ol": {"start"},
        "p": {"role", "aria-live", "hidden"},
        "th": {"style"},
        "td": {"style"},
        "svg": {"xmlns", "viewBox"},
        "path": {"d"},
        **dict.fromkeys(PLAIN_ELEMENTS, ()),
    }.items()
}
CLASSES: dict[str, frozenset[str]] = {
    "a": frozenset({"headerlink", "md-button", "md-button--primary"}),
    "button": frozenset({"md-button", "md-button--primary"}),
    "details": ADMONITIONS,
    "div": ADMONITIONS | {"admonition", "grid", "cards", "highlight"},
    "label": frozenset({"md-button", "task-list-control"}),
    "li": frozenset({"task-list-item"}),
    "ol": frozenset({"task-list"}),
    "p": frozenset({"admonition-title"}),
    "span": PYGMENTS | {"task-list-indicator", "twemoji", "md-tag", "keys"},
    "ul": frozenset({"task-list"}),
}
LANGUAGE = re.compile(r"language-[a-z0-9_+#.-]{1,40}")  # superfences: <div class="language-python highlight">
KEY = re.compile(r"key-[a-z0-9-]{1,40}")  # pymdownx.keys: <kbd class="key-slash">
# Practice mode's own hooks for its scripts and styles (runway-practice, runway-review-card...); style only.
RUNWAY = re.compile(r"runway-[a-z]{1,20}(-[a-z]{1,20}){0,3}")
RUNWAY_ELEMENTS = frozenset({"a", "button", "div", "input", "label", "p", "select", "span"})
SCHEMES = frozenset({"https", "mailto"})
SVG = "http://www.w3.org/2000/svg"
# The value each attribute may hold (class, href and src have their own checks below).
VALUES: dict[str, re.Pattern] = {
    name: re.compile(pattern)
    for name, pattern in {
        "id": r"(?!_)[\w.:/-]{1,200}",  # never Material's own ids (__search, __config...)
        "type": r"checkbox|file|button|text",
        "readonly": r"",
        "aria-label": r"[^<>\x00-\x1f]{1,120}",
        "data-cards": r"[0-9]{1,6}",
        "data-new-per-day": r"[0-9]{1,4}",
        # Data for the page's scripts, read with JSON.parse: the review page carries every card (about 9 KB a
        # guide), so the cap allows a 2,000-guide library with room to spare.
        "data-json": r"[^\x00-\x08\x0b-\x1f]{2,64000000}",
        "value": r"[a-z0-9-]{0,100}",
        "accept": r"[a-z/.,+-]{1,100}",
        "role": r"status|group",
        "aria-live": r"polite",
        "data-scenario": r"[a-z0-9]+(-[a-z0-9]+)*",
        "data-items": r"[a-z0-9]+(-[a-z0-9]+)*( [a-z0-9]+(-[a-z0-9]+)*){0,99}",
        "data-area": r"[a-z0-9]+(-[a-z0-9]+)*",
        "data-levels": r"[a-z]{1,20}( [a-z]{1,20}){0,9}",
        "hidden": r"|hidden",
        "data-minutes": r"[0-9]{1,4}",
        "start": r"[0-9]{1,6}",
        "width": r"[0-9]{1,5}(px|%)?",
        "height": r"[0-9]{1,5}(px|%)?",
        "open": r"",
        "checked": r"",
        "disabled": r"",
        "style": r"text-align: (left|right|center);?",
        "xmlns": re.escape(SVG),
        "viewBox": r"[0-9 .-]{1,60}",
        "d": r"[0-9a-zA-Z .,-]{1,20000}",
        "title": r"[^\x00-\x08\x0b-\x1f]{0,1000}",
        "alt": r"[^\x00-\x08\x0b-\x1f]{0,1000}",
    }.items()
}
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


def unsafe_url(value: str) -> bool:
    return any(c.isspace() or unicodedata.category(c) in {"Cc", "Cf"} for c in value)


def link_allowed(value: str) -> bool:
    """A link: relative or `#` (no `//host`), or an https link with a host and no credentials, or mailto."""
    parts = urlsplit(value)
    if unsafe_url(value):
        return False
    if not parts.scheme:
        return not parts.netloc and not value.startswith("//")
    if parts.scheme == "https":
        return bool(parts.hostname) and "@" not in parts.netloc
    return parts.scheme in SCHEMES


def local_source(value: str) -> bool:
    """An image source on this site: a relative path, never a scheme or another host."""
    parts = urlsplit(value)
    return bool(value) and not unsafe_url(value) and not parts.scheme and not parts.netloc and not value.startswith("/")


def class_allowed(tag: str, name: str) -> bool:
    pattern = {"div": LANGUAGE, "kbd": KEY}.get(tag)
    if tag in RUNWAY_ELEMENTS and RUNWAY.fullmatch(name):
        return True
    return name in CLASSES.get(tag, ()) or (pattern is not None and pattern.fullmatch(name) is not None)


def attribute_problem(tag: str, name: str, value: str) -> str | None:
    """Why an attribute value is not allowed on `tag`, or None when it is."""
    if name == "class":
        bad = [c for c in value.split() if not class_allowed(tag, c)]
        return f"class {', '.join(repr(c) for c in bad)} on <{tag}> is not allowed" if bad else None
    if name == "href":
        ok = link_allowed(value)
    elif name == "src":
        ok = local_source(value)
    else:
        ok = name in VALUES and VALUES[name].fullmatch(value) is not None
    return None if ok else f"{name}={shorten(value)!r} on <{tag}> is not allowed"


def shorten(text: str, size: int = 80) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


class Events(HTMLParser):
    """HTML as a list of events (tags with sorted attributes, text, comments), for comparing two serialisations."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.events.append(("<", tag, tuple(sorted((k, v or "") for k, v in attrs))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.events.append(("/", tag))

    def handle_data(self, data):
        if self.events and self.events[-1][0] == "text":
            self.events[-1] = ("text", self.events[-1][1] + data)
        else:
            self.events.append(("text", data))

    def handle_comment(self, data):
        self.events.append(("!", data))


def first_difference(before: list[tuple], after: list[tuple]) -> str | None:
    """The first change between two event lists, in words, or None when they are equal."""
    index = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), None)
    if index is None:
        if len(before) == len(after):
            return None
        index = min(len(before), len(after))
    event = before[index] if index < len(before) else after[index]
    kind, *rest = event
    if kind == "<":
        return f"markup at <{rest[0]}> would change"
    if kind == "/":
        return f"markup around </{rest[0]}> would be restructured"
    return f"{'comment' if kind == '!' else 'text'} {shorten(rest[0].strip())!r} would change"


def refusals(events: list[tuple]) -> list[str]:
    """Every element and attribute in the events that the allowlist refuses, in words, each once."""
    found: dict[str, None] = {}
    for event in events:
        if event[0] != "<":
            continue
        tag, attrs = event[1], event[2]
        if tag not in ATTRIBUTES:
            found[f"element <{tag}> is not allowed"] = None
            continue
        for name, value in attrs:
            name = "viewBox" if name == "viewbox" else name  # html.parser lowers attribute names
            if name not in ATTRIBUTES[tag] | {"id", "class"}:
                found[f"attribute {name}={shorten(value)!r} on <{tag}> is not allowed"] = None
            elif problem := attribute_problem(tag, name, value):
                found[problem] = None
    return list(found)


def keep(tag: str, name: str, value: str) -> str | None:
    """nh3's attribute filter: the value when allowed; for a class, the allowed classes; otherwise None (dropped)."""
    if tag not in ATTRIBUTES or attribute_problem(tag, name, value) is None:
        return value if tag in ATTRIBUTES else None
    if name == "class":
        kept = [c for c in value.split() if class_allowed(tag, c)]
        return " ".join(kept) or None
    return None


def clean(html: str) -> tuple[str, list[str]]:
    """The allowlisted HTML and every change made to get it (an empty list: the input was already allowed).

    nh3 decides; the changes are described from the allowlist tables, plus nh3's first other change if any.
    """
    cleaned = nh3.clean(
        html,
        tags=set(ATTRIBUTES),
        attributes={tag: {*attrs, "id", "class"} for tag, attrs in ATTRIBUTES.items()},
        attribute_filter=keep,
        strip_comments=False,
        link_rel=None,
        url_schemes=set(SCHEMES),
    )
    before = Events(html).events
    changed = first_difference(before, Events(cleaned).events)
    if changed is None:
        return cleaned, []
    return cleaned, refusals(before) or [changed]
