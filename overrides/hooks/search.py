"""MkDocs hook: once Material's search plugin has written its index, `macros.search_index` makes it Runway's.

It runs after the search plugin (priority 0) and before the offline plugin (-100), which copies the index
into `search/search_index.js` for reading from disk, so both builds get the same index.
"""

from __future__ import annotations

import importlib

from mkdocs.plugins import event_priority


@event_priority(-50)
def on_post_build(config):
    search_index = importlib.import_module("macros.search_index")  # the copy the scenarios hook re-imported
    site = importlib.import_module("macros.site")
    search_index.on_post_build(config, site.library_of(config))
