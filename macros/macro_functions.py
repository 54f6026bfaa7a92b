"""The macros that thin Markdown pages call, e.g. {{ rutine("paragraf-17") }}."""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from . import state
from .arshjul import register as register_arshjul
from .content import today
from .kontor import local_additions
from .render import render
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
    @env.macro
    def rutine(doc_id: str) -> Markup:
        """A routine or template page body."""
        return _document(env, doc_id, state.get(ROOT).routines)

    @env.macro
    def sjekkliste(doc_id: str) -> Markup:
        """A checklist or stikkprøve form page body."""
        return _document(env, doc_id, state.get(ROOT).checklists)

    from . import knowledge, rutineperm  # the glossary page and the Rutineperm
    knowledge.register(env)
    rutineperm.register(env)
    from .catalogue import register_macros as catalogue_macros  # the tiltak catalogue
    catalogue_macros(env)

    register_arshjul(env)
