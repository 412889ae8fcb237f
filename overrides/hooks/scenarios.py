"""MkDocs hook: hands each build event to `macros.site`, where the scenario pages are generated.

MkDocs imports a hook file once per process, so this file only forwards: on each build's on_config it drops
the project's `macros` modules from the import cache and imports them again, which is how `mkdocs serve`
picks up an edit to any of them. Each event runs at priority 100, before every plugin, so that the tags,
search, redirects and macros plugins all see the generated scenario pages, navigation and library; on_env
runs last (-100), so the allowlist checks each page's content after every plugin has changed it.
"""

from __future__ import annotations

import importlib
import sys

from mkdocs.plugins import event_priority

site = None  # macros.site as imported for the current build


@event_priority(100)
def on_config(config):
    global site
    for name in [n for n in sys.modules if n == "macros" or n.startswith("macros.")]:
        del sys.modules[name]
    site = importlib.import_module("macros.site")
    return site.on_config(config)


@event_priority(100)
def on_files(files, config):
    return site.on_files(files, config)


@event_priority(-100)
def on_env(env, config, files):
    return site.on_env(env, config, files)


@event_priority(100)
def on_post_build(config):
    return site.on_post_build(config)
