"""MkDocs hook: load the scenario library once a build; mount its pages, nav, redirects and catalog.json."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from macros import LIBRARY_KEY, catalog, render
from macros.model import Area, Library, LibraryError, Scenario, load_library

NAV_MARKER = "scenarios/_areas.yml"
# Every page carries its area's part of the navigation (navigation.prune keeps only that part), so an
# area with more scenarios than this shows only its overview in the sidebar; its table lists them all.
NAV_SCENARIOS_PER_AREA = 30


def library_of(config: MkDocsConfig) -> Library:
    return config[LIBRARY_KEY]


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent / "scenarios"
    try:
        library = load_library(root)
    except LibraryError as error:
        raise PluginError(str(error)) from None
    config[LIBRARY_KEY] = library
    config.nav = [expand_nav_marker(item, library) for item in config.nav or []]
    return config


def expand_nav_marker(item, library: Library):
    """Replace the nav entry whose target is scenarios/_areas.yml with one section per area."""
    if not (isinstance(item, dict) and list(item.values()) == [NAV_MARKER]):
        return item
    return {
        title: [
            {f"{area.letter}. {area.title}": [{"Overview": render.area_url(area)}, *map(render.scenario_url, nav_scenarios(library, area))]}
            for area in library.areas
        ]
        for title in item
    }


def nav_scenarios(library: Library, area: Area) -> list[Scenario]:
    """The area's scenarios as the sidebar lists them: all of them, or none past the limit."""
    scenarios = library.in_area(area.key)
    return scenarios if len(scenarios) <= NAV_SCENARIOS_PER_AREA else []


@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    library = library_of(config)
    in_nav = {s.meta.id for area in library.areas for s in nav_scenarios(library, area)}
    for s in library.scenarios:
        meta = {"title": s.meta.title, "description": s.meta.summary, "tags": s.meta.tags}
        inclusion = InclusionLevel.UNDEFINED if s.meta.id in in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, render.scenario_url(s), inclusion=inclusion,
                              content=render.with_front_matter(meta, render.scenario_page(s, library)))
        file.edit_uri = f"../scenarios/{s.path.name}"
        files.append(file)
    for area in library.areas:
        files.append(File.generated(config, render.area_url(area), content=render.area_page(area, library)))
    urls = {s.meta.id: files.get_file_from_path(render.scenario_url(s)).url for s in library.scenarios}
    files.append(File.generated(config, "catalog.json", content=catalog.build(library, urls).model_dump_json(indent=2)))
    add_redirects(library, config)
    return files


def add_redirects(library: Library, config: MkDocsConfig) -> None:
    """Each `aliases` entry becomes a mkdocs-redirects page from the former URL to the scenario."""
    aliases = {f"scenarios/{alias}.md": render.scenario_url(s) for s in library.scenarios for alias in s.meta.aliases}
    redirects = config.plugins.get("redirects")
    if redirects is None:
        if aliases:
            raise PluginError("scenario aliases need the 'redirects' plugin under plugins: in mkdocs.yml")
        return
    redirects.config["redirect_maps"] = {**(redirects.config.get("redirect_maps") or {}), **aliases}
