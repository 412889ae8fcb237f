"""The site's URL scheme, one function per kind of page: every part builds its links from these."""

from __future__ import annotations


def scenario_path(scenario_id: str) -> str:
    """The source path of a scenario page; MkDocs turns it into `scenarios/<id>/` (or `.html` offline)."""
    return f"scenarios/{scenario_id}.md"


def area_path(area_key: str) -> str:
    return f"areas/{area_key}.md"


def from_scenario(target: str) -> str:
    """A link from a scenario page to another site path."""
    return f"../{target}"
