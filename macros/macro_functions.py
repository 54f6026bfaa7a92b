"""The macros that thin Markdown pages call, e.g. {{ rutine("paragraf-17") }}, each reading the
build under way (macros.build.Build) from the configuration mkdocs-macros hands them."""
from __future__ import annotations

from markupsafe import Markup

from .arshjul import ORDER, arshjul_view, avvik_view, status_rows
from .build import Build, build_of, pdf_path
from .catalogue import catalogue_view, overview_charts
from .dates import norsk_dato
from .knowledge import glossary_letters
from .kontor import local_additions
from .pages import relative_url
from .render import render
from .rutineperm import PAGE as BINDER_PAGE
from .rutineperm import PDF as BINDER_PDF
from .rutineperm import render_binder
from .views import document_view


def register(env) -> None:
    def build() -> Build:
        return build_of(env.conf)

    def page_src() -> str:
        return env.page.file.src_uri if env.page else "index.md"

    def page_url(default: str = "") -> str:
        return env.page.file.url if env.page else default

    def document(doc_id: str, kind: dict) -> Markup:
        b = build()
        if doc_id not in kind:
            raise KeyError(f"'{doc_id}' finnes ikke; kjente: {', '.join(sorted(kind))}")
        doc = kind[doc_id]
        view = document_view(b.content, doc, b.today)
        # The PDF itself is printed after the build, for every page the page index says shows a document.
        pdf_url = relative_url(pdf_path(doc_id), page_url()) if b.pdf else None
        mal_tekst = render("_mal_tekst.txt", d=view) if getattr(doc, "kopier_mal", False) else None
        return render("_dokument.html", d=view, pdf_url=pdf_url, mal_tekst=mal_tekst,
                      lokalt=local_additions(b.content, doc_id))

    def link(target_src: str) -> str:
        found = build().index.link(target_src, page_src())
        if found is None:
            raise KeyError(f"siden {target_src} finnes ikke i nettstedet")
        return found

    @env.macro
    def rutine(doc_id: str) -> Markup:
        """A routine or template page body."""
        return document(doc_id, build().content.routines)

    @env.macro
    def sjekkliste(doc_id: str) -> Markup:
        """A checklist or stikkprøve form page body."""
        return document(doc_id, build().content.checklists)

    @env.macro
    def ordliste() -> Markup:
        """The glossary page body: every term, alphabetical, with letter headings."""
        return render("_ordliste.html", bokstaver=glossary_letters(build().content.knowledge.begreper))

    @env.macro
    def rutineperm() -> Markup:
        """The whole routine set on one page; printed to pdf/rutineperm.pdf after the build."""
        b = build()
        pdf_url = relative_url(BINDER_PDF, page_url(BINDER_PAGE)) if b.pdf else None
        return render_binder(b.content, b.today, pdf_url)

    @env.macro
    def tiltak_katalog():
        """The whole catalogue, every tiltak listed, with filters (docs/tiltak/index.md)."""
        return render("_katalog.html", k=catalogue_view(build().content, link))

    @env.macro
    def tiltak_oversikt():
        """Bar charts of tiltak per fylke and per theme, with the numbers as tables."""
        return render("_katalog_oversikt.html", charts=overview_charts(build().content))

    @env.macro
    def arshjul():
        """The årshjul: wheel, month table, this month, calendar link, activities."""
        b = build()
        return render("_arshjul.html", v=arshjul_view(b.content, b.today, page_src(), b.index))

    @env.macro
    def avvikstabell():
        """Typical avvik and risk from the second internkontroll of 2019, linked to stikkprøve points."""
        b = build()
        return render("_avvik.html", rows=avvik_view(b.content, page_src(), b.index), kilde=b.content.arshjul.avvik.kilde)

    @env.macro
    def rutinestatus():
        """Every routine, checklist and form with its review status, overdue first."""
        b = build()
        rows = status_rows(b.content, b.today, page_src(), b.index)
        counts = {k: sum(1 for r in rows if r.review.status == k) for k in ORDER}
        return render("_rutinestatus.html", s={"rows": rows, "antall": len(rows), "dato": norsk_dato(b.today), **counts})
