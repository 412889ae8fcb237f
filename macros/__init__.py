"""mkdocs-macros module: wires the pure renderers into hand-written pages that set `render_macros: true`."""

from . import cards, downloads, render
from .site import library_of


def define_env(env) -> None:
    """Register the macros; the library comes from the hook, loaded once a build."""
    library = library_of(env.conf)
    env.macro(lambda: render.area_cards(library), "area_cards")
    env.macro(lambda: render.reading_list(library), "reading_list")
    env.macro(lambda: render.progress_table(library), "progress_table")
    env.macro(lambda: render.linking_examples(library), "linking_examples")
    env.macro(lambda: render.scorecard_list(library), "scorecard_list")
    env.macro(lambda: render.mock_picker(library), "mock_picker")
    env.macro(render.section_anchors, "section_anchors")
    env.macro(render.levels_table, "levels_table")
    env.macro(lambda: len(library.scenarios), "scenario_count")
    env.macro(lambda: downloads.download_links(env.conf), "download_links")
    env.macro(lambda: downloads.review_cards(env.conf), "review_cards")
    env.macro(lambda: downloads.card_ids(env.conf), "review_card_ids")
    env.macro(lambda: len(env.conf[downloads.CARDS_KEY].cards), "card_count")
    env.macro(lambda: cards.NEW_PER_DAY, "new_cards_per_day")
    env.macro(lambda: downloads.review_filters(library), "review_filters")
