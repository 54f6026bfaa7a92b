"""The macros that thin Markdown pages call, e.g. {{ rutine("paragraf-17") }}."""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from . import state
from .arshjul import ORDER, arshjul_view, avvik_view, status_rows
from .catalogue import catalogue_view, overview_charts
from .content import today
from .dates import norsk_dato
from .knowledge import glossary_letters
from .kontor import local_additions
from .render import render
from .rutineperm import PAGE as BINDER_PAGE
from .rutineperm import PDF as BINDER_PDF
from .rutineperm import render_binder
from .views import document_view

ROOT = Path(__file__).resolve().parent.parent


def pdf_path(doc_id: str) -> str:
    return f"pdf/{doc_id}.pdf"


def _document(env, doc_id: str, kind: dict) -> Markup:
    content = state.get(ROOT)
    if doc_id not in kind:
        raise KeyError(f"'{doc_id}' finnes ikke; kjente: {', '.join(sorted(kind))}")
    doc = kind[doc_id]
    view = document_view(content, doc, today())
    page_url = env.page.file.url if env.page else ""
    pdf_url = None
    if state.pdf_enabled():
        state.request_pdf(doc_id, env.page.file.dest_uri)
        pdf_url = get_relative_url(pdf_path(doc_id), page_url)
    mal_tekst = render("_mal_tekst.txt", d=view) if getattr(doc, "kopier_mal", False) else None
    return render("_dokument.html", d=view, pdf_url=pdf_url, mal_tekst=mal_tekst,
                  lokalt=local_additions(content, doc_id))


def register(env) -> None:
    def page_src() -> str:
        return env.page.file.src_uri if env.page else "index.md"

    def relative(src_uri: str) -> str:
        target = src_uri[:-3] + ".html" if src_uri.endswith(".md") else src_uri
        return get_relative_url(target, env.page.file.url)

    @env.macro
    def rutine(doc_id: str) -> Markup:
        """A routine or template page body."""
        return _document(env, doc_id, state.get(ROOT).routines)

    @env.macro
    def sjekkliste(doc_id: str) -> Markup:
        """A checklist or stikkprøve form page body."""
        return _document(env, doc_id, state.get(ROOT).checklists)

    @env.macro
    def ordliste() -> Markup:
        """The glossary page body: every term, alphabetical, with letter headings."""
        return render("_ordliste.html", bokstaver=glossary_letters(state.get(ROOT).knowledge.begreper))

    @env.macro
    def rutineperm() -> Markup:
        """The whole routine set on one page; printed to pdf/rutineperm.pdf after the build."""
        page_url = env.page.file.url if env.page else BINDER_PAGE
        pdf_url = get_relative_url(BINDER_PDF, page_url) if state.pdf_enabled() else None
        return render_binder(state.get(ROOT), pdf_url)

    @env.macro
    def tiltak_katalog():
        """The whole catalogue, every tiltak listed, with filters (docs/tiltak/index.md)."""
        return render("_katalog.html", k=catalogue_view(state.get(ROOT), relative))

    @env.macro
    def tiltak_oversikt():
        """Bar charts of tiltak per fylke and per theme, with the numbers as tables."""
        return render("_katalog_oversikt.html", charts=overview_charts(state.get(ROOT)))

    @env.macro
    def arshjul():
        """The årshjul: wheel, month table, this month, calendar link, activities."""
        return render("_arshjul.html", v=arshjul_view(state.get(ROOT), today(), page_src()))

    @env.macro
    def avvikstabell():
        """Typical avvik and risk from the second internkontroll of 2019, linked to stikkprøve points."""
        content = state.get(ROOT)
        return render("_avvik.html", rows=avvik_view(content, page_src()), kilde=content.arshjul.avvik.kilde)

    @env.macro
    def rutinestatus():
        """Every routine, checklist and form with its review status, overdue first."""
        now = today()
        rows = status_rows(state.get(ROOT), now, page_src())
        counts = {k: sum(1 for r in rows if r.review.status == k) for k in ORDER}
        return render("_rutinestatus.html", s={"rows": rows, "antall": len(rows), "dato": norsk_dato(now), **counts})
