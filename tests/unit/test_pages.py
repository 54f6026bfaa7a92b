"""The page index (macros/pages.py): addresses as MkDocs computes them, and the page that shows
each document, found from the pages' macro calls; the Build's PDF jobs come from it."""
from __future__ import annotations

import datetime as dt

import pytest
from mkdocs.utils import get_relative_url

from macros.build import Build
from macros.content import load_content
from macros.pages import Page, PageIndex, relative_url
from tests.sitebuild import ROOT

PAIRS = [
    ("pdf/kartlegging.pdf", "rutiner/kartlegging.html"),
    ("pdf/rutineperm.pdf", "skjema/rutineperm.html"),
    ("tiltak/t-a.html", "tiltak/t-b.html"),
    ("rutiner/paragraf-17.html", "tiltak/t-b.html"),
    ("index.html", "a/b/c.html"),
    ("a/b/", "a/c/"),
    ("a/b/c.html", "index.html"),
    ("x.html", ""),
    ("a/../b.html", "c/d.html"),
]


@pytest.mark.parametrize("url, other", PAIRS)
def test_relative_url_is_mkdocs_own(url, other):
    assert relative_url(url, other) == get_relative_url(url, other)


def index() -> PageIndex:
    pages = [Page("rutiner/a.md", "rutiner/a.html", "rutiner/a.html"),
             Page("rutiner/b.md", "rutiner/b.html", "rutiner/b.html"),
             Page("skjema/perm.md", "skjema/perm.html", "skjema/perm.html"),
             Page("plain.md", "plain.html", "plain.html"),
             Page("assets/x.svg", "assets/x.svg", "assets/x.svg")]
    templated = {
        "rutiner/b.md": '---\nrender_macros: true\n---\n{{ rutine("doc-b") }}\n{{ sjekkliste( \'doc-c\' ) }}\n',
        "rutiner/a.md": '{{rutine("doc-a")}} and again {{ rutine("doc-b") }}',
        "skjema/perm.md": "{{ rutineperm() }}",
    }
    return PageIndex.build(pages, templated)


def test_the_index_finds_the_page_of_each_document():
    idx = index()
    assert {d: p.src for d, p in idx.documents.items()} == {
        "doc-a": "rutiner/a.md", "doc-b": "rutiner/a.md", "doc-c": "rutiner/b.md"}  # the first page by path wins
    assert idx.document_page("unknown") is None
    assert idx.page_calling("rutineperm").dest == "skjema/perm.html"
    assert idx.page_calling("ordliste") is None


def test_the_index_links_between_known_pages_only():
    idx = index()
    assert idx.link("rutiner/b.md", "skjema/perm.md") == "../rutiner/b.html"
    assert idx.link("assets/x.svg", "rutiner/a.md") == "../assets/x.svg"
    assert idx.link("missing.md", "rutiner/a.md") is None
    assert idx.files() == frozenset({"rutiner/a.md", "rutiner/b.md", "skjema/perm.md", "plain.md", "assets/x.svg"})


def test_pdf_jobs_come_from_the_index_and_only_when_pdfs_are_made():
    content = load_content(ROOT)
    build = Build(content=content, today=dt.date(2026, 11, 23), pdf=True)
    with pytest.raises(RuntimeError):
        build.pdf_jobs()  # no index before the files are listed
    build.pages = index()
    assert build.pdf_jobs() == {"pdf/doc-a.pdf": "rutiner/a.html", "pdf/doc-b.pdf": "rutiner/a.html",
                                "pdf/doc-c.pdf": "rutiner/b.html"}
    assert Build(content=content, today=dt.date(2026, 11, 23), pdf=False, pages=index()).pdf_jobs() == {}
