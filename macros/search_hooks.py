"""MkDocs hooks for the site search: collect each page's content, write the index after the build.

Thin on purpose: everything else is in macros/search_index.py and macros/norsk.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from macros import search_index  # noqa: E402
from macros.build import build_of  # noqa: E402
from macros.catalogue import page_src  # noqa: E402

INDEX_FILE = "assets/js/sokeindeks.js"
RULES_FILE = "assets/js/sokeregler.js"


def on_page_content(html, page, config, files, **kwargs):
    # Tiltak pages are indexed from their records (name, office, kommuner, sections).
    if not page.file.src_uri.startswith("tiltak/t-") and page.file.src_uri != "404.md":
        build_of(config).search_pages[page.url] = (page.url, page.title or "", html)
    return html


def on_post_build(config, **kwargs):
    build = build_of(config)
    content = build.content
    glossary = [(b.term, b.betydning) for b in content.knowledge.begreper if b.type == "forkortelse"]
    tiltak = [search_index.tiltak_record(t, build.index.url(page_src(t.id)) or "") for t in content.tiltak.values()]
    docs, vocab = search_index.build(build.search_pages.values(), tiltak, glossary)
    site = Path(config["site_dir"])
    (site / INDEX_FILE).parent.mkdir(parents=True, exist_ok=True)
    (site / INDEX_FILE).write_text(search_index.script("sokeindeks", search_index.payload(docs, vocab)), encoding="utf-8")
    (site / RULES_FILE).write_text(search_index.script("norskRegler", search_index.rules_payload(vocab)), encoding="utf-8")
