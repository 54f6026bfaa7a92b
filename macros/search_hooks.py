"""MkDocs hooks for the site search: collect each page's content, write the index after the build.

Thin on purpose: everything else is in macros/search_index.py and macros/norsk.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from macros import search_index, state  # noqa: E402

INDEX_FILE = "assets/js/sokeindeks.js"
RULES_FILE = "assets/js/sokeregler.js"
_pages: dict[str, tuple[str, str, str]] = {}


def on_pre_build(config, **kwargs):
    _pages.clear()


def on_page_content(html, page, config, files, **kwargs):
    # Tiltak pages are indexed from their records (name, office, kommuner, sections).
    if not page.file.src_uri.startswith("tiltak/t-") and page.file.src_uri != "404.md":
        _pages[page.url] = (page.url, page.title or "", html)
    return html


def on_post_build(config, **kwargs):
    content = state.get(ROOT)
    glossary = [(b.term, b.betydning) for b in content.knowledge.begreper if b.type == "forkortelse"]
    tiltak = [search_index.tiltak_record(t) for t in content.tiltak.values()]
    docs, vocab = search_index.build(_pages.values(), tiltak, glossary)
    site = Path(config["site_dir"])
    (site / INDEX_FILE).parent.mkdir(parents=True, exist_ok=True)
    (site / INDEX_FILE).write_text(search_index.script("sokeindeks", search_index.payload(docs, vocab)), encoding="utf-8")
    (site / RULES_FILE).write_text(search_index.script("norskRegler", search_index.rules_payload(vocab)), encoding="utf-8")
