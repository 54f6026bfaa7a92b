"""Content models -> the plain values a template receives."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import MappingProxyType

from .loader import Content
from .dates import norsk_dato
from .models.base import Metadata
from .models.law import Lovhenvisning
from .review import ReviewStatus, review_status

NOUNS = MappingProxyType({"rutine": "rutinen", "mal": "malen", "sjekkliste": "sjekklisten", "stikkprove": "skjemaet"})


@dataclass(frozen=True)
class DocumentView:
    doc: Metadata
    laws: list[Lovhenvisning]
    review: ReviewStatus
    storage_prefix: str
    """localStorage keys are `<prefix><item id>`: a new version starts with a clean list."""

    @property
    def noun(self) -> str:
        """'Om bruk av …' in the document's own word."""
        return NOUNS.get(getattr(self.doc, "type", ""), "dokumentet")

    @property
    def sist_revidert(self) -> str:
        return norsk_dato(self.doc.sist_revidert)

    @property
    def neste_revisjon(self) -> str:
        return norsk_dato(self.doc.neste_revisjon)


def document_view(content: Content, doc: Metadata, today: dt.date) -> DocumentView:
    laws = [ref for ref in (content.laws.resolve(h) for h in doc.hjemmel) if ref is not None]
    return DocumentView(
        doc=doc,
        laws=laws,
        review=review_status(doc.neste_revisjon, today),
        storage_prefix=f"rutineportalen:{doc.id}:{doc.versjon}:",
    )
