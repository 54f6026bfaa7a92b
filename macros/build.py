"""One build of the site as one object: the content, the page index, the settings, and the outputs
(PDF jobs, similar tiltak) derived from them; created per build, never kept at module level."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .arshjul import overdue
from .catalogue import similar_all
from .content import load_content, today
from .loader import Content
from .pages import Page, PageIndex

CONFIG_KEY = "rutineportalen_bygg"
"""Where the adapter keeps the Build in the site generator's configuration for this build."""

PDF_ENV = "RUTINEPORTALEN_PDF"
STRICT_REVIEW_ENV = "RUTINEPORTALEN_STRENG_REVISJON"


def pdf_path(doc_id: str) -> str:
    """The PDF of a routine or checklist, inside the site."""
    return f"pdf/{doc_id}.pdf"


def pdf_wanted(live_preview: bool) -> bool:
    """PDFs are made by a full build; a live preview and RUTINEPORTALEN_PDF=0 skip them."""
    return not live_preview and os.environ.get(PDF_ENV, "1") != "0"


def strict_review() -> bool:
    """RUTINEPORTALEN_STRENG_REVISJON=1: an overdue review fails the build instead of being reported."""
    return os.environ.get(STRICT_REVIEW_ENV, "") not in ("", "0")


@dataclass
class Build:
    """The build under way; the adapter creates it when the configuration is read."""

    content: Content
    today: dt.date
    pdf: bool
    """Whether PDFs are made (and linked from the pages)."""
    pages: PageIndex | None = None
    """Set when the generator has listed the site's files (before any page is rendered)."""
    search_pages: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    """url -> (url, title, content HTML) of every rendered page the search indexes."""
    _similar: dict[str, list[str]] | None = None

    @classmethod
    def start(cls, root: Path, kontor_id: str | None, site_files: frozenset[str] | None,
              live_preview: bool) -> "Build":
        """Load and check all content for a new build; raises ContentErrors, SettingError or
        OfficeSettingError."""
        when = today()
        content = load_content(root, kontor_id, site_files)
        return cls(content=content, today=when, pdf=pdf_wanted(live_preview))

    @property
    def index(self) -> PageIndex:
        if self.pages is None:
            raise RuntimeError("sideindeksen er ikke laget ennå (den lages når filene er listet)")
        return self.pages

    def index_pages(self, pages: list[Page], templated: Mapping[str, str]) -> PageIndex:
        self.pages = PageIndex.build(pages, templated)
        return self.pages

    def pdf_jobs(self) -> dict[str, str]:
        """PDF inside the site -> the page printed to it: every page that shows a routine or checklist."""
        if not self.pdf:
            return {}
        return {pdf_path(doc_id): page.dest for doc_id, page in self.index.documents.items()}

    def overdue_reviews(self) -> tuple[str | None, list[str]]:
        """(the error that fails the build in strict review mode, or None; the report lines).

        The report is for INFO level: mkdocs.yml has `strict: true`, so a WARNING would abort
        every build, and today every routine from 2019 is overdue; that is the truth, and the
        normal build must still pass. In strict review mode each overdue document is listed as
        `path:line:` (the line of its neste_revisjon)."""
        rows = overdue(self.content, self.today)
        if rows and strict_review():
            head = f"{len(rows)} dokument har forfalt revisjon ({STRICT_REVIEW_ENV}=1):"
            return "\n".join([head, *(r.strict_message for r in rows)]), []
        return None, [r.overdue_message for r in rows]

    def similar(self, tiltak_id: str) -> list[str]:
        if self._similar is None:
            self._similar = similar_all(self.content)
        return self._similar[tiltak_id]


def build_of(config: Mapping[str, Any]) -> Build:
    """The Build the adapter stored in the generator's configuration."""
    return config[CONFIG_KEY]
