"""The macros that thin Markdown pages call, e.g. {{ rutine("paragraf-17") }}."""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from . import state
from .content import today
from .render import render
from .views import document_view

ROOT = Path(__file__).resolve().parent.parent


def rutine(doc_id: str) -> Markup:
    content = state.get(ROOT)
    if doc_id not in content.routines:
        raise KeyError(f"rutine '{doc_id}' finnes ikke; kjente: {', '.join(sorted(content.routines))}")
    view = document_view(content, content.routines[doc_id], today())
    return render("_rutine.html", d=view, pdf_url=None)


def register(env) -> None:
    env.macro(rutine)
