"""Where the site is generated: the library loaded once a build, its pages, navigation, redirects and catalog.

The MkDocs hook `overrides/hooks/scenarios.py` calls these for its events; everything here is plain Python
that reads the library and returns or adds MkDocs files.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from . import catalog, downloads, render
from .loader import load_library
from .markdown import theme_text, with_front_matter
from .models import Area, Library, Scenario
from .page_safety import check_pages, renderer
from .problems import LibraryError, Problems
from .urls import area_path, scenario_path, scorecard_path
from .yaml_text import check_tree

LIBRARY_KEY = "runway_library"  # where on_config leaves the loaded library in the MkDocs config, for the macros
NAV_MARKER = "scenarios/_areas.yml"
# Every page carries its area's part of the navigation (navigation.prune keeps only that part), so an
# area with more scenarios than this shows only its overview in the sidebar; its table lists them all.
NAV_SCENARIOS_PER_AREA = 30
NOT_IN_NAV = InclusionLevel.NOT_IN_NAV


def library_of(config: MkDocsConfig) -> Library:
    return config[LIBRARY_KEY]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check the library once a build; replace the nav marker with the areas and their scenarios.

    The docs folder is checked first, before MkDocs walks it (following links) to publish what it holds.
    """
    root = Path(config.config_file_path).parent / "scenarios"
    docs = Problems(root)
    check_tree(Path(config.docs_dir), docs)
    try:
        docs.raise_any()
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
    sections = [
        {
            theme_text(f"{area.letter}. {area.title}"): [
                {"Overview": area_path(area.key)},
                *(scenario_path(s.meta.id) for s in nav_scenarios(library, area)),
            ]
        }
        for area in library.areas
    ]
    return {title: sections for title in item}


def nav_scenarios(library: Library, area: Area) -> list[Scenario]:
    """The area's scenarios as the sidebar lists them: all of them, or none past the limit."""
    scenarios = library.in_area(area.key)
    return scenarios if len(scenarios) <= NAV_SCENARIOS_PER_AREA else []


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Mount every scenario and area page, then catalog.json and the downloads, and register the alias redirects."""
    library = library_of(config)
    in_nav = {s.meta.id for area in library.areas for s in nav_scenarios(library, area)}
    for s in library.scenarios:
        inclusion = InclusionLevel.UNDEFINED if s.meta.id in in_nav else NOT_IN_NAV
        content = with_front_matter(render.scenario_front_matter(s), render.scenario_page(s, library))
        files.append(File.generated(config, scenario_path(s.meta.id), inclusion=inclusion, content=content))
        scorecard = render.scorecard_page(s, library)
        files.append(File.generated(config, scorecard_path(s.meta.id), inclusion=NOT_IN_NAV, content=scorecard))
    for area in library.areas:
        files.append(File.generated(config, area_path(area.key), content=render.area_page(area, library)))
    url_of = lambda path: files.get_file_from_path(path).url  # noqa: E731
    entries = catalog.build(library, url_of)
    files.append(File.generated(config, "catalog.json", content=entries.model_dump_json(indent=2)))
    downloads.add_files(files, config, library, url_of)
    add_redirects(library, config)
    return files


def on_env(env, config: MkDocsConfig, files: Files):
    """Every page's content through the allowlist, once all are rendered; every refusal reported at once."""
    library = library_of(config)
    out = Problems(Path(config.config_file_path).parent / "scenarios")
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    check_pages(pages, library, renderer(config.markdown_extensions, config.mdx_configs), out)
    try:
        out.raise_any()
    except LibraryError as error:
        raise PluginError(str(error).replace("in the scenario library", "in the pages' HTML")) from None
    return env


def add_redirects(library: Library, config: MkDocsConfig) -> None:
    """Each `aliases` entry becomes a mkdocs-redirects page from the former URL to the scenario."""
    aliases = {scenario_path(alias): scenario_path(s.meta.id) for s in library.scenarios for alias in s.meta.aliases}
    redirects = config.plugins.get("redirects")
    if redirects is None:
        if aliases:
            raise PluginError("scenario aliases need the 'redirects' plugin under plugins: in mkdocs.yml")
        return
    redirects.config["redirect_maps"] = {**(redirects.config.get("redirect_maps") or {}), **aliases}


def on_post_build(config: MkDocsConfig) -> None:
    """Print the PDF of the whole library, when enabled, from the built site."""
    downloads.on_post_build(config)
