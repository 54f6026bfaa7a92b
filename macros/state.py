"""The build under way: content loaded once by the hook, read by the macros, and the pages
whose documents are printed to PDF after the build."""
from __future__ import annotations

import os
from pathlib import Path

from .content import Content, load_content

_current: dict[Path, Content] = {}
_pdfs: dict[str, str] = {}
_settings = {"pdf": True}


def load(root: Path, kontor_id: str | None = None, config_ref: tuple[str, int] = ("mkdocs.yml", 1)) -> Content:
    """Load (again) for a new build, for the office `kontor_id` or the shared core;
    raises ContentErrors when anything is wrong."""
    _current.pop(root, None)
    _pdfs.clear()
    content = load_content(root, kontor_id, config_ref)
    _current[root] = content
    return content


def get(root: Path) -> Content:
    if root not in _current:
        return load(root)
    return _current[root]


def set_pdf(enabled: bool) -> None:
    _settings["pdf"] = enabled


def pdf_enabled() -> bool:
    """PDFs are made by `mkdocs build`; `mkdocs serve` and RUTINEPORTALEN_PDF=0 skip them."""
    return _settings["pdf"] and os.environ.get("RUTINEPORTALEN_PDF", "1") != "0"


def request_pdf(doc_id: str, page_dest: str) -> None:
    _pdfs[doc_id] = page_dest


def requested_pdfs() -> dict[str, str]:
    return dict(_pdfs)
