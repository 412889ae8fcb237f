"""Every bound on what the build reads, in one table: each keeps the build fast and small whatever a file holds.

The real guides sit far below each number (a guide is about 20 KB, its prose about 3 KB, its longest
paragraph about 1,100 characters); a file past one is refused with a message that names the limit.
"""

from __future__ import annotations

KIB = 1024

# Bytes read from one file, by kind; anything larger is refused before it is decoded.
SCENARIO_BYTES = 128 * KIB
REGISTRY_BYTES = 2 * 1024 * KIB

# Front-matter text: a value of one line or a few sentences, and the longer stories and answers.
TEXT_CHARS = 1_500
LONG_TEXT_CHARS = 6_000

# Lists in the front matter and the registries, sized for what an interview answer or a site can use.
ITEMS = 40  # checklist items, sources, numbers, signals per level...
REGISTRY_ENTRIES = 5_000

# The prose under the front matter, before Markdown sees it. Python-Markdown's link parser is quadratic in
# the '[' of one paragraph (20,000 of them take 41 s) and recursive in list and quote nesting.
PROSE_CHARS = 40_000
PARAGRAPH_CHARS = 4_000
BRACKETS = 60  # '[' in one paragraph or one front-matter value: links, images, footnotes
NESTING = 8  # list or quote levels
