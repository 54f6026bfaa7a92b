"""Quality gates on the whole built site: WCAG 2.1 AA with axe-core, no foreign requests, links.
The last tests plant one fault of each kind and prove the gates catch it."""
from __future__ import annotations

import pytest

from tests.browser_support import serve
from tests.quality import (SCREEN_WIDTHS, TOUR_SHARDS, audit_pages, axe_violations, link_problems, pages_of,
                           record_foreign_requests, tour_pages, tour_part)
from tests.sitebuild import build, copy_small_project

DARK_ON = 6
"""The first pages are audited again in the dark colour scheme (the tour is in the light one)."""


@pytest.mark.browser
@pytest.mark.parametrize("part", [tour_part(part) for part in range(TOUR_SHARDS)])
def test_every_page_passes_axe_and_requests_nothing_foreign(site, site_tour, base_url, browser, part):
    audit = site_tour(part)  # every page of this part in the light scheme, loaded once (tests/conftest.py)
    assert audit.visited == tour_pages(site, part) and len(audit.visited) > 80
    assert audit.problems == []
    assert audit.foreign == []
    dark = audit_pages(browser, base_url, pages_of(site)[:DARK_ON][part::TOUR_SHARDS], color_scheme="dark")
    assert len(dark.visited) == 3
    assert dark.problems == []
    assert dark.foreign == []


def test_every_page_carries_the_content_security_policy(site):
    for rel in pages_of(site):
        html = (site / rel).read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\';' in head, rel
        assert "rp-inline-script-hashes" not in head, rel
        assert head.index("Content-Security-Policy") < head.index("<script"), rel


def test_internal_links_resolve_and_external_links_are_allowed(site):
    assert link_problems(site) == []


SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40"/></svg>'


def planted_site(tmp_path, page_text: str, extra_css: str | None = None):
    project = copy_small_project(tmp_path / "p")
    (project / "docs" / "plantet.md").write_text(page_text, encoding="utf-8")
    (project / "docs" / "plantet.svg").write_text(SVG, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - Ordliste: ordliste.md", "  - Ordliste: ordliste.md\n  - Plantet: plantet.md")
    if extra_css:
        text = text.replace("extra_css:\n", f"extra_css:\n  - {extra_css}\n")
    config.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site, env={"RUTINEPORTALEN_PDF": "0"})
    return result, site


@pytest.mark.browser
def test_gates_catch_a_missing_alt_text_a_page_too_wide_and_an_external_font(tmp_path, browser):
    result, site = planted_site(
        tmp_path,
        "# Plantet\n\n<p><img src=\"plantet.svg\"></p>\n\n"
        f"<p><span style=\"white-space: nowrap\">{'ord ' * 200}</span></p>\n",
        extra_css="https://fonts.googleapis.com/css?family=Roboto",
    )
    assert result.returncode == 0, result.output
    with serve(site) as url:
        ctx = browser.new_context()
        page = ctx.new_page()
        foreign = record_foreign_requests(page, url)
        page.goto(url + "plantet.html", wait_until="load")
        violations = axe_violations(page)
        ctx.close()
        # the tour of every page catches the same faults, and the line too long for any screen
        audited = audit_pages(browser, url, ["index.html", "plantet.html"], widths=SCREEN_WIDTHS)
    assert any(v.startswith("plantet.html: image-alt") for v in audited.problems), audited.problems
    assert [line.split(" er ")[0] + " ved " + line.split(" ved ")[1] for line in audited.too_wide] == [
        "plantet.html ved 320 px", "plantet.html ved 390 px", "plantet.html ved 768 px"], audited.too_wide
    assert any("https://fonts.googleapis.com/" in u for u in audited.foreign), audited.foreign
    assert any(v.startswith("image-alt") for v in violations), violations
    assert any("https://fonts.googleapis.com/" in u for u in foreign), foreign
    assert any("ekstern ressurs https://fonts.googleapis.com/" in p for p in link_problems(site))


def test_gates_catch_a_broken_link(tmp_path):
    result, site = planted_site(tmp_path, "# Plantet\n\n[Ødelagt](finnes-ikke.md)\n")
    assert result.returncode != 0
    assert "Doc file 'plantet.md' contains a link 'finnes-ikke.md', but the target is not found" in result.output
    # a link MkDocs cannot see (raw HTML) is still caught by our own check of the built HTML
    result, site = planted_site(tmp_path / "b", '# Plantet\n\n<p><a href="finnes-ikke.html">Ødelagt</a></p>\n')
    assert result.returncode == 0, result.output
    planted = [p for p in link_problems(site) if p.startswith("plantet.html")]
    assert planted == ["plantet.html: lenken finnes-ikke.html peker til en fil som ikke finnes"]
