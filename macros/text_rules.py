"""What a text value may hold once YAML has decoded it: checked on the value, never on the file's raw text.

Plain text has no business holding markup: MkDocs and Material put titles and summaries in <title>, meta
tags, the nav and the tags index as they are, so markup characters are refused there. Inline Markdown is
bounded here and HTML-escaped by the renderers; the page allowlist (`sanitize.py`) checks what it becomes.
URLs are parsed, not pattern-matched.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from pydantic_core import PydanticCustomError

from .limits import BRACKETS

# Characters that start HTML tags, Markdown links and images, and code spans.
MARKUP = frozenset("<>[]`")
# Characters that end or break a Markdown link target or an HTML attribute; percent-encode them in a URL.
URL_BREAKERS = frozenset("\"'()<>[]{}\\`|^")


def refuse(code: str, message: str, **context) -> PydanticCustomError:
    return PydanticCustomError(code, message, context)


def control_character(value: str) -> str | None:
    """The first control character other than tab and newline, shown as U+XXXX, or None."""
    found = next((c for c in value if c not in "\t\n" and unicodedata.category(c) == "Cc"), None)
    return f"U+{ord(found):04X}" if found else None


def inline_markdown(value: str) -> str:
    """Inline Markdown of bounded cost: no control characters, at most BRACKETS '[' (links are quadratic)."""
    if code := control_character(value):
        raise refuse("control_character", "control character {char} is not allowed in text", char=code)
    if value.count("[") > BRACKETS:
        raise refuse("too_many_links", "more than {limit} '[' in one value", limit=BRACKETS)
    return value


def plain_text(value: str) -> str:
    """Plain text: no markup characters at all, since the theme shows it unescaped in several places."""
    inline_markdown(value)
    found = next((c for c in value if c in MARKUP), None)
    if found:
        raise refuse(
            "markup",
            "plain text only: {char} is markup (this text goes into the page title, meta tags or the nav)",
            char=repr(found),
        )
    return value


def https_url(value: str) -> str:
    """An https URL with a host, no credentials, nothing that could end a Markdown link or an attribute."""
    bad = next((c for c in value if c.isspace() or unicodedata.category(c) == "Cc" or c in URL_BREAKERS), None)
    if bad:
        raise refuse(
            "url_character",
            "URL holds {char}: percent-encode spaces, quotes, brackets and parentheses (for example %28)",
            char=repr(bad),
        )
    parts = urlsplit(value)
    if parts.scheme != "https":
        raise refuse("url_scheme", "URL must start with https://")
    if not parts.hostname or parts.hostname.startswith(".") or "." not in parts.hostname:
        raise refuse("url_host", "URL must name a host such as example.org")
    if "@" in parts.netloc:
        raise refuse("url_credentials", "URL must not carry a user name or password")
    try:
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        raise refuse("url_port", "URL has an invalid port") from None
    return value
