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
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from macros.build import build_of  # noqa: E402
from macros.catalogue import CATALOGUE_PAGE, ROUTINE_PAGES, page_src, tiltak_view  # noqa: E402
from macros.pages import Page  # noqa: E402
from macros.render import render  # noqa: E402

_BLANK_LINES = re.compile(r"\n\s*\n")


def on_files(files: Files, config, **kwargs) -> Files:
    build = build_of(config)
    content = build.content
    needed = [*ROUTINE_PAGES.values(), CATALOGUE_PAGE]
    missing = [src for src in needed if files.get_file_from_path(src) is None]
    if missing:
        raise PluginError(f"Tiltakskatalogen lenker til sider som ikke finnes: {', '.join(missing)}")
    for tiltak_id in content.tiltak:
        src = page_src(tiltak_id)
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"{Path(config['docs_dir']).name}/{src} finnes som fil, men tiltakssidene lages fra "
                              f"catalogue/tiltak/{tiltak_id}.yaml; slett filen")
    # The pages whose macros are rendered, read once: the page index finds the documents they show.
    templated = {}
    for file in files.documentation_pages():
        text = file.content_string
        if get_data(text)[1].get("render_macros"):
            templated[file.src_uri] = text
    generated = {tiltak_id: File.generated(config, page_src(tiltak_id), content="") for tiltak_id in content.tiltak}
    for file in generated.values():
        files.append(file)
    build.index_pages([Page(f.src_uri, f.url, f.dest_uri) for f in files], templated)
    for tiltak_id, file in generated.items():
        tiltak = content.tiltak[tiltak_id]
        body = render("_tiltak.html", v=tiltak_view(content, tiltak, build.linker(file.src_uri), build.similar(tiltak_id)))
        # A blank line would end the raw HTML block in Markdown; the partial has none but user text might.
        body = _BLANK_LINES.sub("\n", str(body))
        # Material prints page.meta.title without escaping (<title>, header), so the title is
        # HTML-escaped here; JSON is YAML, so it is quoted safely whatever characters it holds.
        title = json.dumps(str(escape(tiltak.navn)), ensure_ascii=False)
        file.content_string = f"---\ntitle: {title}\n---\n\n{body}\n"
    return files
