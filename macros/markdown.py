"""Small helpers that turn untrusted front-matter text into safe Markdown."""

from __future__ import annotations

import html
import json
import textwrap


def inline(text: str) -> str:
    """Front-matter text made safe for one Markdown line: HTML escaped, whitespace folded."""
    return html.escape(" ".join(text.split()), quote=False)


def theme_text(text: str) -> str:
    """Plain text for what the theme prints unescaped (<title>, meta content="...", the nav): & < > " escaped."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def paragraphs(text: str) -> str:
    """Front-matter text that may hold blank-line-separated paragraphs, each made safe with `inline`."""
    return "\n\n".join(inline(p) for p in text.split("\n\n") if p.strip()) + "\n"


def cell(text: str) -> str:
    """Front-matter text safe inside a Markdown table cell."""
    return inline(text).replace("|", "\\|")


def indent(markdown: str, spaces: int = 4) -> str:
    return textwrap.indent(markdown, " " * spaces)


def reveal(kind: str, title: str, content: str) -> str:
    """A collapsed pymdownx details block: practice mode hides the answer until the reader asks."""
    return f'??? {kind} "{title}"\n\n{indent(content)}\n'


def with_front_matter(meta: dict, markdown: str) -> str:
    """A generated page: JSON values as front matter (valid YAML, so no value is read as a tag), then Markdown."""
    lines = "".join(f"{key}: {json.dumps(value)}\n" for key, value in meta.items())
    return f"---\n{lines}---\n\n{markdown}"
