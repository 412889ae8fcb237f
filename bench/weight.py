"""Page weight: the bytes a browser fetches on a first visit to a page, measured in Debian's chromium."""

from __future__ import annotations

import re
from dataclasses import dataclass

SEARCH_INDEX = "search/search_index.json"


@dataclass(frozen=True)
class Weight:
    html: int  # the page's HTML, uncompressed
    total: int  # every response except the search index, uncompressed
    transferred: int  # the same responses as sent over the wire (gzip where the server compresses)
    search_index: int  # the search index, uncompressed
    requests: int
    files: dict[str, tuple[int, int]]  # every response but the index: path -> (uncompressed, as sent)


def first_visit(browser, url: str) -> Weight:
    """Load `url` in a fresh context (empty cache), wait until the network is idle, and add up every response."""
    context = browser.new_context()
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    try:
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1000)  # late fetches such as the search worker's index
        sizes = {}
        for request in finished:
            response = request.response()
            if response is not None and request.url.startswith("http"):
                sizes[request.url] = (len(response.body()), request.sizes()["responseBodySize"])
    finally:
        context.close()
    index = {u: s for u, s in sizes.items() if u.endswith(SEARCH_INDEX)}
    rest = {u: s for u, s in sizes.items() if u not in index}
    return Weight(
        html=sizes[url][0],
        total=sum(s[0] for s in rest.values()),
        transferred=sum(s[1] for s in rest.values()),
        search_index=sum(s[0] for s in index.values()),
        requests=len(rest),
        files={re.sub(r"^https?://[^/]+/", "", u) or "/": s for u, s in rest.items()},
    )
