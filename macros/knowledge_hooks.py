"""MkDocs hooks for the knowledge layer: sources and glossary validated up front, a Kilder box on
every page that names sources, and glossary abbreviations explained on every page. (The
Rutineperm PDF is printed by macros/hooks.py with the other outputs.)"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from macros import knowledge  # noqa: E402
from macros.build import build_of  # noqa: E402

log = logging.getLogger("mkdocs.plugins.rutineportalen.kunnskap")


# Sources and glossary are loaded and validated with the rest of the content (macros/hooks.py).


def on_page_markdown(markdown, page, config, files, **kwargs):
    k = build_of(config).content.knowledge
    try:
        knowledge.page_sources(k, page.file.src_uri, page.meta)
    except knowledge.PageSourceError as exc:
        raise PluginError(str(exc)) from None
    # Hover/focus explanations for every abbreviation in the glossary (the abbr extension).
    return markdown.rstrip() + "\n\n" + knowledge.abbreviation_definitions(k) + "\n"


def on_page_content(html, page, config, files, **kwargs):
    sources = knowledge.page_sources(build_of(config).content.knowledge, page.file.src_uri, page.meta)
    if not sources:
        return html
    return html + str(knowledge.sources_box(sources))  # str: Markup would escape the page
