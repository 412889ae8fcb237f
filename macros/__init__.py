"""mkdocs-macros module: wires the pure renderers into hand-written pages that set `render_macros: true`."""

from . import render

LIBRARY_KEY = "runway_library"  # where the hook leaves the loaded library in the MkDocs config


def define_env(env) -> None:
    """Register the macros; the library comes from the hook, loaded once a build."""
    library = env.conf[LIBRARY_KEY]
    env.macro(lambda: render.area_cards(library), "area_cards")
    env.macro(lambda: render.reading_list(library), "reading_list")
    env.macro(lambda: render.progress_table(library), "progress_table")
    env.macro(lambda: render.linking_examples(library), "linking_examples")
    env.macro(lambda: len(library.scenarios), "scenario_count")
