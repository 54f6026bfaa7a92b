"""MkDocs hooks: validate all content before anything is rendered, so no half-built site is written."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from macros import state  # noqa: E402
from macros.errors import ContentErrors  # noqa: E402
from macros.kontor import publish_profile  # noqa: E402

log = logging.getLogger("mkdocs.plugins.rutineportalen")


@event_priority(100)  # before the macros plugin renders any page
def on_config(config, **kwargs):
    try:
        content = state.load(ROOT, config.extra.get("kontor"))  # set by kontor/<id>.yml
    except ContentErrors as exc:
        raise PluginError(exc.report()) from None
    publish_profile(config, content)
    return config


def on_startup(command, **kwargs):
    # A live preview must be quick; PDFs are made by `mkdocs build`.
    state.set_pdf(command != "serve")


def on_post_build(config, **kwargs):
    from macros.macro_functions import pdf_path
    from macros.pdf import PdfError, print_pages

    jobs = {pdf_path(doc_id): page for doc_id, page in state.requested_pdfs().items()}
    try:
        written = print_pages(Path(config["site_dir"]), jobs)
    except PdfError as exc:
        raise PluginError(str(exc)) from None
    if written:
        log.info("Laget %d PDF-er i pdf/", len(written))
