"""The prose under a scenario's front matter, checked before Markdown sees it: markers, size and nesting.

Every check is one pass over the lines, so its time grows with the file, never faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .limits import BRACKETS, NESTING, PARAGRAPH_CHARS, PROSE_CHARS

MARKER = re.compile(r"^<!--\s*runway:([a-z-]+)\s*-->[ \t]*$", re.M)
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
QUOTES = re.compile(r"^[ \t]*(?:>[ \t]?)+")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, within the prose
    text: str
    fenced: bool  # inside a fenced code block, or its opening or closing fence


def lines(prose: str) -> Iterator[Line]:
    """Each line of the prose, marked when it belongs to a fenced code block."""
    fence = ""
    for number, text in enumerate(prose.split("\n"), 1):
        match = FENCE.match(text)
        if fence:
            yield Line(number, text, True)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
        elif match:
            fence = match.group(1)
            yield Line(number, text, True)
        else:
            yield Line(number, text, False)


def blocks(prose: str) -> Iterator[list[Line]]:
    """Runs of lines between blank lines: paragraphs, lists, code blocks."""
    block: list[Line] = []
    for line in lines(prose):
        if line.text.strip() or (line.fenced and block and block[-1].fenced):
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def depth(text: str) -> int:
    """How deeply a line nests: one level per '>' and per four columns of indentation."""
    quotes = QUOTES.match(text)
    rest = text[quotes.end() :] if quotes else text
    indent = len(rest.expandtabs(4)) - len(rest.expandtabs(4).lstrip(" "))
    return (quotes.group(0).count(">") if quotes else 0) + indent // 4


def markers(prose: str) -> Iterator[tuple[str, int, bool]]:
    """Each section marker line: its key, line number and whether it sits inside fenced code."""
    for line in lines(prose):
        match = MARKER.match(line.text)
        if match:
            yield match.group(1), line.number, line.fenced


def problems(prose: str, known: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    """Each problem with the prose, as (line within the prose, message)."""
    if len(prose) > PROSE_CHARS:
        yield 1, f"the prose is {len(prose):,} characters; the limit is {PROSE_CHARS:,}: move detail into sections"
        return
    seen: set[str] = set()
    for key, number, fenced in markers(prose):
        if fenced:
            yield number, f"section marker '{key}' is inside a fenced code block: put it on a line of its own outside"
        elif key not in known:
            yield number, f"unknown section marker '{key}' (known: {', '.join(known)})"
        elif key in seen:
            yield number, f"section marker '{key}' is placed twice"
        seen.add(key)
    for block in blocks(prose):  # one problem per paragraph at most: the most specific
        size = sum(len(line.text) + 1 for line in block)
        deep = next((line for line in block if not line.fenced and depth(line.text) > NESTING), None)
        if deep:
            yield deep.number, f"lists or quotes nested more than {NESTING} levels deep"
        elif sum(line.text.count("[") for line in block if not line.fenced) > BRACKETS:
            yield block[0].number, f"more than {BRACKETS} '[' in one paragraph: split it"
        elif size > PARAGRAPH_CHARS:
            limit = f"the limit is {PARAGRAPH_CHARS:,}"
            yield block[0].number, f"a paragraph or code block of {size:,} characters; {limit}: split it"
