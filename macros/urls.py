"""The site's URL scheme, one function per kind of page: every part builds its links from these."""

from __future__ import annotations


def scenario_path(scenario_id: str) -> str:
    """The source path of a scenario page; MkDocs turns it into `scenarios/<id>/` (or `.html` offline)."""
    return f"scenarios/{scenario_id}.md"


def area_path(area_key: str) -> str:
    return f"areas/{area_key}.md"


def scorecard_path(scenario_id: str) -> str:
    """A coach's printable scorecard for one scenario."""
    return f"scorecards/{scenario_id}.md"


def from_nested(target: str) -> str:
    """A link to a site path from a page one folder deep (a scenario, area or scorecard page)."""
    return f"../{target}"


def web_url(site_url: str, path: str) -> str:
    """The address of a page on the published web site (directory URLs), for the deck and the e-book."""
    return site_url.rstrip("/") + "/" + path.removesuffix(".md") + "/"
