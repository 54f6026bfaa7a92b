"""Golden files: what our templates and outputs produce from a fixed small content fixture
(tests/golden/prosjekt/: a frozen copy of the routines, checklists and data, the three fixture
tiltak and the Hamar profile; its docs/ pages hold only their macro calls), compared exactly with
tests/golden/data/. `pytest tests/golden --update-golden` rewrites them; review with
`git diff tests/golden/data/` (README, «Tester»)."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from jinja2 import meta

from macros import search_index
from macros.arshjul import ORDER, arshjul_view, avvik_view, calendar, status_rows
from macros.catalogue import CATALOGUE_PAGE, catalogue_view, overview_charts, page_src, similar_all, tiltak_view
from macros.content import load_content
from macros.dates import norsk_dato
from macros.knowledge import glossary_letters, load_knowledge, page_sources
from macros.kontor import local_additions
from macros.render import PARTIALS, environment, render
from macros.rutineperm import render_binder
from macros.pages import Page, PageIndex, relative_url
from macros.views import document_view
from tests.sitebuild import FIXED_TODAY, ROOT, build, copy_project

PROJECT = ROOT / "tests" / "golden" / "prosjekt"
TODAY = dt.date.fromisoformat(FIXED_TODAY)

# The top-level partials each macro or hook renders; every other partial is reached from them.
DOCUMENTS = {"paragraf-17": "rutiner/paragraf-17.md", "samtalenotat": "rutiner/samtalenotat.md",
             "etter-hver-samtale": "sjekklister/etter-hver-samtale.md", "stikkprove-17": "skjema/stikkprove-17.md"}
RENDERED = {"_dokument.html", "_mal_tekst.txt", "_arshjul.html", "_avvik.html", "_rutinestatus.html", "_katalog.html",
            "_katalog_oversikt.html", "_tiltak.html", "_kilder.html", "_ordliste.html", "_rutineperm.html"}


@pytest.fixture(scope="module")
def content():
    return load_content(PROJECT, "hamar")


@pytest.fixture(scope="module")
def pages(content) -> PageIndex:
    """The page index of the fixture project as the build makes it: every file under docs/ and the
    generated tiltak pages, addresses without directory URLs, document pages from the macro calls."""
    docs = PROJECT / "docs"
    srcs = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    srcs |= {page_src(tid) for tid in content.tiltak}
    html = {src: src[:-3] + ".html" if src.endswith(".md") else src for src in srcs}
    templated = {src: (docs / src).read_text(encoding="utf-8") for src in srcs if src.endswith(".md") and (docs / src).exists()}
    return PageIndex.build([Page(src, html[src], html[src]) for src in sorted(srcs)], templated)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("RUTINEPORTALEN_IDAG", FIXED_TODAY)


def test_every_partial_is_rendered_here_or_included_by_one_that_is():
    env = environment()
    reached, todo = set(), list(RENDERED)
    while todo:
        name = todo.pop()
        if name in reached:
            continue
        reached.add(name)
        source = env.loader.get_source(env, name)[0]
        todo += [t for t in meta.find_referenced_templates(env.parse(source)) if t]
    partials = {p.name for p in PARTIALS.glob("_*") if p.is_file()}
    assert partials - reached == set(), "partials uten fasit: legg dem til i RENDERED og kjør --update-golden"


@pytest.mark.parametrize("doc_id", sorted(DOCUMENTS))
def test_document(content, pages, golden, doc_id):
    doc = content.document(doc_id)
    view = document_view(content, doc, TODAY)
    pdf_url = relative_url(f"pdf/{doc_id}.pdf", pages.url(DOCUMENTS[doc_id]))
    mal_tekst = render("_mal_tekst.txt", d=view) if getattr(doc, "kopier_mal", False) else None
    html = render("_dokument.html", d=view, pdf_url=pdf_url, mal_tekst=mal_tekst, lokalt=local_additions(content, doc_id))
    golden(f"partials/dokument-{doc_id}.html", str(html))
    if mal_tekst is not None:
        golden(f"partials/mal-tekst-{doc_id}.txt", str(mal_tekst))


def test_arshjul_avvik_and_rutinestatus(content, pages, golden):
    golden("partials/arshjul.html", str(render("_arshjul.html", v=arshjul_view(content, TODAY, "arshjul.md", pages))))
    golden("partials/avvik.html", str(render("_avvik.html", rows=avvik_view(content, "internkontroll/index.md", pages),
                                             kilde=content.arshjul.avvik.kilde)))
    rows = status_rows(content, TODAY, "internkontroll/rutinestatus.md", pages)
    counts = {k: sum(1 for r in rows if r.review.status == k) for k in ORDER}
    golden("partials/rutinestatus.html", str(render("_rutinestatus.html", s={
        "rows": rows, "antall": len(rows), "dato": norsk_dato(TODAY), **counts})))


def test_catalogue_overview_and_tiltak_pages(content, pages, golden):
    golden("partials/katalog.html", str(render("_katalog.html", k=catalogue_view(content, lambda src: pages.link(src, CATALOGUE_PAGE)))))
    golden("partials/katalog-oversikt.html", str(render("_katalog_oversikt.html", charts=overview_charts(content))))
    similar = similar_all(content)
    for tid, tiltak in sorted(content.tiltak.items()):
        html = render("_tiltak.html", v=tiltak_view(content, tiltak, pages, similar[tid]))
        golden(f"partials/tiltak-{tid}.html", str(html))


def test_sources_glossary_and_binder(content, golden):
    knowledge = load_knowledge(PROJECT)
    sources = page_sources(knowledge, "kunnskap/fixture.md", {"kilder": sorted(knowledge.kilder)})
    golden("partials/kilder.html", str(render("_kilder.html", kilder=sources)))
    golden("partials/ordliste.html", str(render("_ordliste.html", bokstaver=glossary_letters(knowledge.begreper))))
    golden("partials/rutineperm.html", str(render_binder(content, TODAY, "../pdf/rutineperm.pdf")))


def test_calendar(content, golden):
    """arshjul.ics as the build writes it on FIXED_TODAY."""
    golden("arshjul.ics", calendar(content, TODAY).decode("utf-8"))


def test_search_index(content, pages, golden):
    """The search index and rules from two small pages, the fixture tiltak and the glossary's abbreviations."""
    html_pages = [(url, title, (ROOT / "tests" / "golden" / "sok" / name).read_text(encoding="utf-8"))
             for url, title, name in (("rutiner/paragraf-17.html", "Rutine for § 17", "paragraf-17.html"),
                                      ("ordliste.html", "Ordliste", "ordliste.html"))]
    glossary = [(b.term, b.betydning) for b in content.knowledge.begreper if b.type == "forkortelse"]
    tiltak = [search_index.tiltak_record(t, pages.url(page_src(t.id))) for t in content.tiltak.values()]
    docs, vocab = search_index.build(html_pages, tiltak, glossary)
    golden("sokeindeks.js", search_index.script("sokeindeks", search_index.payload(docs, vocab)))
    golden("sokeregler.js", search_index.script("norskRegler", search_index.rules_payload(vocab)))


def plant(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_error_report_of_a_broken_project(tmp_path, golden):
    """The whole message of `mkdocs build --strict` on a copy whose content is the fixture with
    errors planted in a routine, a form and a tiltak."""
    project = copy_project(tmp_path / "p")
    for part in ("routines", "checklists", "data", "catalogue"):
        shutil.rmtree(project / part)
        shutil.copytree(PROJECT / part, project / part)
    plant(project / "routines" / "paragraf-17.yaml", "type: sjekk", "type: sjek")
    plant(project / "checklists" / "stikkprove-17.yaml", "rutine: paragraf-17", "rutine: paragraf-71")
    plant(project / "catalogue" / "tiltak" / "fiktiv-jobbsmak.yaml", 'fylke: "Innlandet"', 'fylke: "Atlantis"')
    plant(project / "catalogue" / "tiltak" / "fiktiv-jobbsmak.yaml", '"arbeid", ', '"arbied", ')
    result = build(project, tmp_path / "site", env={"RUTINEPORTALEN_PDF": "0"})
    assert result.returncode != 0
    golden("feilrapport.txt", result.output)
