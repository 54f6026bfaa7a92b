"""MkDocs hooks for the tiltak catalogue: one page per tiltak, generated from catalogue/tiltak/*.yaml.

No Markdown file is written per tiltak: `on_files` adds a virtual page `tiltak/t-<id>.md` for each
record, whose body is rendered from overrides/partials/_tiltak.html. The pages stay out of the nav
(mkdocs.yml `not_in_nav`), because the sidebar grows with the square of the pages in it.
Runs after macros/hooks.py, which loads and validates the content in on_config.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from macros import state  # noqa: E402
from macros.catalogue import CATALOGUE_PAGE, ROUTINE_PAGES, page_src, tiltak_view  # noqa: E402
from macros.render import render  # noqa: E402

_BLANK_LINES = re.compile(r"\n\s*\n")


def on_files(files: Files, config, **kwargs) -> Files:
    content = state.get(ROOT)
    needed = [*ROUTINE_PAGES.values(), CATALOGUE_PAGE]
    missing = [src for src in needed if files.get_file_from_path(src) is None]
    if missing:
        raise PluginError(f"Tiltakskatalogen lenker til sider som ikke finnes: {', '.join(missing)}")
    urls = {src: files.get_file_from_path(src).url for src in needed}
    for tiltak_id in content.tiltak:
        src = page_src(tiltak_id)
        urls[src] = src[:-3] + ".html" if not config["use_directory_urls"] else src[:-3] + "/"
    for tiltak_id, tiltak in content.tiltak.items():
        src = page_src(tiltak_id)
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"{Path(config['docs_dir']).name}/{src} finnes som fil, men tiltakssidene lages fra "
                              f"catalogue/tiltak/{tiltak_id}.yaml; slett filen")
        own_url = urls[src]

        def link(target: str, _from: str = own_url) -> str | None:
            return get_relative_url(urls[target], _from) if target in urls else None

        body = render("_tiltak.html", v=tiltak_view(content, tiltak, link))
        # A blank line would end the raw HTML block in Markdown; the partial has none but user text might.
        body = _BLANK_LINES.sub("\n", str(body))
        # Material prints page.meta.title without escaping (<title>, header), so the title is
        # HTML-escaped here; JSON is YAML, so it is quoted safely whatever characters it holds.
        title = json.dumps(str(escape(tiltak.navn)), ensure_ascii=False)
        markdown = f"---\ntitle: {title}\n---\n\n{body}\n"
        files.append(File.generated(config, src, content=markdown))
    return files
