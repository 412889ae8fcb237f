"""MkDocs hook: every page leaves without its indentation and our scripts and styles leave minified
(`macros.page_weight`), so a first visit to a guide stays under the 350 KB in BENCHMARKS.md."""

from __future__ import annotations

import importlib

from mkdocs.plugins import event_priority


def weight():
    return importlib.import_module("macros.page_weight")  # the copy the scenarios hook re-imported


@event_priority(-100)  # after every plugin has written its part of the page
def on_post_page(output, page, config):
    return weight().strip_indentation(output)


def on_post_template(output_content, template_name, config):
    return weight().strip_indentation(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    weight().minify_assets(config.docs_dir, config.site_dir)
