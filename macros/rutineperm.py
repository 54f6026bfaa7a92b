"""The Rutineperm: every routine, checklist and form as one printable document with a table of
contents, for an office that wants a binder. The page is rendered by the macro `rutineperm()`;
after the build the page is printed to pdf/rutineperm.pdf in two (or more) passes, so the table
of contents carries the page number where each document starts."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from markupsafe import Markup

from .loader import Content
from .dates import norsk_dato
from .models.base import Metadata
from .pdf import PdfError, printer
from .render import render
from .views import DocumentView, document_view

PAGE = "skjema/rutineperm.html"
PDF = "pdf/rutineperm.pdf"
HEADER = "Rutineperm"

ROUTINE_ORDER = ("kartlegging", "samtalenotat", "paragraf-17", "paragraf-20a", "internkontroll")
CHECKLIST_ORDER = ("avdekke-behov-17", "vedtak-17", "videre-oppfolging-17", "etter-hver-samtale", "brukermedvirkning")
EXCLUDED = frozenset({"ny-veileder"})
"""The onboarding path is a checklist, but no part of the routine set (and its links are
relative to its own page)."""

KINDS = MappingProxyType({"rutine": "Rutine", "mal": "Mal", "sjekkliste": "Sjekkliste", "stikkprove": "Skjema"})
GROUPS = (("rutine", "Rutiner og maler"), ("sjekkliste", "Sjekklister"), ("stikkprove", "Skjema for internkontroll"))


@dataclass(frozen=True)
class Entry:
    anker: str
    kind: str
    view: DocumentView

    @property
    def tittel(self) -> str:
        return self.view.doc.tittel

    @property
    def art(self) -> str:
        return KINDS.get(self.kind, "Dokument")


def _ordered(docs: dict[str, Metadata], order: tuple[str, ...]) -> list[Metadata]:
    rank = {doc_id: i for i, doc_id in enumerate(order)}
    return sorted((d for d in docs.values() if d.id not in EXCLUDED), key=lambda d: (rank.get(d.id, len(rank)), d.id))


def binder_documents(content: Content) -> list[Metadata]:
    """Routines and templates, then checklists, then the stikkprøve forms."""
    checklists = _ordered(content.checklists, CHECKLIST_ORDER)
    return [
        *_ordered(content.routines, ROUTINE_ORDER),
        *[c for c in checklists if c.type != "stikkprove"],
        *[c for c in checklists if c.type == "stikkprove"],
    ]


def entries(content: Content, when: dt.date) -> list[Entry]:
    return [Entry(f"dok-{doc.id}", getattr(doc, "type", "rutine"), document_view(content, doc, when))
            for doc in binder_documents(content)]


def group_of(entry: Entry) -> str:
    return "rutine" if entry.kind in ("rutine", "mal") else entry.kind


def render_binder(content: Content, when: dt.date, pdf_url: str | None) -> Markup:
    """The Rutineperm page body, printed on `when`; `pdf_url` links its PDF (None when no PDFs are made)."""
    items = entries(content, when)
    groups = [(title, [e for e in items if group_of(e) == key]) for key, title in GROUPS]
    return render(
        "_rutineperm.html",
        grupper=[(title, members) for title, members in groups if members],
        dokumenter=items,
        pdf_url=pdf_url,
        header=HEADER,
        dato=norsk_dato(when),
    )


# --- the PDF ---------------------------------------------------------------------------------

def _normal(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def pdf_pages(path: Path) -> list[str]:
    """The text of each page (pdftotext, poppler-utils), whitespace normalised."""
    try:
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise PdfError(f"pdftotext (poppler-utils) trengs for sidetallene i rutinepermen: {exc}") from None
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [_normal(p) for p in pages]


_MARGINS = re.compile(r"^(?:%s|Skrevet ut [^A-ZÆØÅ§]*?\d{4})\s*" % re.escape(HEADER))


def _starts_with(page_text: str, title: str) -> bool:
    """A document starts on a page whose body begins with its title (after the header text)."""
    text = page_text
    for _ in range(3):
        text = _MARGINS.sub("", text)
    return text.startswith(title)


def first_pages(pages: list[str], titles: list[str]) -> list[int]:
    """1-based page where each document (in order, each on a new page) begins."""
    found, start = [], 0
    for title in titles:
        want = _normal(title)
        for i in range(start, len(pages)):
            if _starts_with(pages[i], want):
                found.append(i + 1)
                start = i + 1
                break
        else:
            raise PdfError(f"Fant ikke starten på «{title}» i rutineperm-PDF-en (etter side {start})")
    return found


_FILL = """(numbers) => {
  Object.keys(numbers).forEach(function (id) {
    var el = document.querySelector('[data-rp-side="' + id + '"]');
    if (el) { el.textContent = String(numbers[id]); }
  });
}"""


def print_binder(site_dir: Path, page: str = PAGE, max_passes: int = 4) -> tuple[Path, int]:
    """Print the Rutineperm page (`page`, inside the site) to PDF until the page numbers in its
    table of contents hold."""
    target = site_dir / PDF
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, printer(site_dir) as p:
        draft = Path(tmp) / "rutineperm.pdf"
        p.open(page)
        toc = p.page.evaluate("""() => Array.from(document.querySelectorAll('[data-rp-side]')).map(
            function (el) { return [el.getAttribute('data-rp-side'), el.getAttribute('data-rp-tittel')]; })""")
        ids, titles = [t[0] for t in toc], [t[1] for t in toc]
        filled: dict[str, int] = {}
        for _ in range(max_passes):
            p.pdf(draft)
            pages = pdf_pages(draft)
            numbers = dict(zip(ids, first_pages(pages, titles)))
            if numbers == filled:
                shutil.copyfile(draft, target)
                return target, len(pages)
            p.page.evaluate(_FILL, numbers)
            filled = numbers
    raise PdfError(f"Sidetallene i innholdsfortegnelsen i rutinepermen stabiliserte seg ikke etter {max_passes} utskrifter")
