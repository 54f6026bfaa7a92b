"""The tiltak catalogue in Chromium: filters, counts, the address, reset, search without æøå, keyboard use,
and the site search finding a generated tiltak page. Runs on a copy of the project whose catalogue
holds exactly the three fixtures (tests/fixtures/catalogue/)."""
from __future__ import annotations

import re

import pytest

from tests.browser_support import assert_our_focus_ring
from tests.site.test_catalogue_site import records

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def fixture_site(catalogue_site):
    return catalogue_site


@pytest.fixture(scope="module")
def katalog_url(fixture_site):
    from tests.browser_support import serve

    with serve(fixture_site[1]) as url:
        yield url + "tiltak/index.html"


def status(page) -> str:
    return page.locator("[data-rp-katalog-status]").inner_text().strip()


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "ol[data-rp-katalog-liste] > li", "els => els.filter(e => !e.hidden).map(e => e.dataset.id)")


def count_of(page, facet: str, value: str) -> int:
    return int(page.locator(f'fieldset[data-rp-fasett="{facet}"] input[value="{value}"] + span [data-rp-antall]')
               .inner_text())


def test_filter_by_fylke_and_theme_is_kept_in_the_address(context, katalog_url):
    page = context.new_page()
    page.goto(katalog_url)
    assert status(page) == "Viser 3 av 3 tiltak"
    page.get_by_role("checkbox", name=re.compile(r"^Innlandet")).check()
    assert status(page) == "Viser 2 av 3 tiltak"
    # Counts follow the other active filters: within Fylke the options stay alternatives.
    assert count_of(page, "fylke", "Vestland") == 1
    assert count_of(page, "tema", "familie og barn") == 0
    assert count_of(page, "tema", "bolig") == 1
    page.locator('fieldset[data-rp-fasett="tema"]').get_by_role("checkbox", name=re.compile(r"^bolig")).check()
    assert status(page) == "Viser 1 av 3 tiltak"
    assert visible_ids(page) == ["fiktiv-boligskolen"]
    assert page.url.endswith("tiltak/index.html?fylke=Innlandet&tema=bolig")

    page.reload()
    assert status(page) == "Viser 1 av 3 tiltak"
    assert visible_ids(page) == ["fiktiv-boligskolen"]
    assert page.locator('fieldset[data-rp-fasett="fylke"] input[value="Innlandet"]').is_checked()
    assert page.locator('fieldset[data-rp-fasett="tema"] input[value="bolig"]').is_checked()

    page.get_by_role("button", name="Nullstill filtre").click()
    assert status(page) == "Viser 3 av 3 tiltak"
    assert page.url.endswith("tiltak/index.html")
    assert page.locator("[data-rp-katalog-filtre] input:checked").count() == 0


def test_filter_by_reporting_year(context, katalog_url):
    page = context.new_page()
    page.goto(katalog_url)
    year = page.locator('fieldset[data-rp-fasett="rapportaar"]')
    assert year.locator("legend").inner_text().strip() == "Rapportår"
    year.get_by_role("checkbox", name=re.compile(r"^2021")).check()
    assert status(page) == "Viser 1 av 3 tiltak"
    assert visible_ids(page) == ["fiktiv-familieveileder"]
    assert page.url.endswith("tiltak/index.html?rapportaar=2021")
    assert count_of(page, "fylke", "Vestland") == 1 and count_of(page, "fylke", "Innlandet") == 0
    assert count_of(page, "rapportaar", "2022") == 2  # alternatives within the same filter keep their count
    page.goto(katalog_url + "?rapportaar=2022&fylke=Innlandet")
    assert visible_ids(page) == ["fiktiv-boligskolen", "fiktiv-jobbsmak"]


def test_shared_address_restores_the_view(context, katalog_url):
    page = context.new_page()
    page.goto(katalog_url + "?tema=arbeid&fylke=Innlandet&q=unge&sorter=kontor")
    assert page.locator("#rp-katalog-q").input_value() == "unge"
    assert page.locator("#rp-katalog-sorter").input_value() == "kontor"
    assert status(page) == "Viser 2 av 3 tiltak"
    assert visible_ids(page) == ["fiktiv-boligskolen", "fiktiv-jobbsmak"]  # Nav Prøvestad before Nav Testby


def test_search_forgives_missing_ae_oe_aa(context, katalog_url, fixture_site):
    recs = records(fixture_site[0])
    with_okonomi = sorted(tid for tid, rec in recs.items() if "økonomi" in repr(rec).lower())
    assert with_okonomi == ["fiktiv-boligskolen", "fiktiv-jobbsmak"]
    page = context.new_page()
    page.goto(katalog_url)
    page.locator("#rp-katalog-q").fill("okonomi")
    assert sorted(visible_ids(page)) == with_okonomi
    assert status(page) == f"Viser {len(with_okonomi)} av 3 tiltak"
    assert "q=okonomi" in page.url
    page.locator("#rp-katalog-q").fill("Prøvestad boligskole")
    assert visible_ids(page) == ["fiktiv-boligskolen"]
    page.locator("#rp-katalog-q").fill("finnes-ikke")
    assert status(page) == "Viser 0 av 3 tiltak"
    assert page.locator("[data-rp-katalog-tom]").is_visible()


def test_filters_work_by_keyboard_with_visible_focus(context, katalog_url):
    page = context.new_page()
    page.goto(katalog_url)
    page.locator("#rp-katalog-q").focus()
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type === 'checkbox'"):
            break
    assert page.evaluate("[document.activeElement.name, document.activeElement.value]") == ["fylke", "Innlandet"]
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    assert_our_focus_ring(page, "fylkesfilteret")
    page.keyboard.press("Space")
    assert page.locator('input[value="Innlandet"]').is_checked()
    assert status(page) == "Viser 2 av 3 tiltak"
    assert page.evaluate("document.activeElement.value") == "Innlandet"


def test_site_search_finds_a_generated_tiltak_page(context, katalog_url):
    page = context.new_page()
    page.goto(katalog_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("familieveileder")  # the site search runs as keys are typed
    result = page.locator(".md-search-result__item a[href*='t-fiktiv-familieveileder.html']").first
    result.wait_for(timeout=15000)
    assert "Fiktiv familieveileder" in result.inner_text()
    page.locator("input.md-search__input").fill("")
    page.keyboard.type("Eksempelvik")
    page.locator(".md-search-result__item a[href*='t-fiktiv-familieveileder.html']").first.wait_for(timeout=15000)


def test_typed_text_is_folded_like_the_build_does(context, katalog_url):
    from macros.catalogue import normalise

    page = context.new_page()
    page.goto(katalog_url)
    samples = ["Økonomisk rådgivning – Ærlig talt, Aasgård!", "  GJELD og ØKONOMI ", "Bo-veileder § 20 a", "Ääkkönen"]
    folded = page.evaluate("samples => samples.map(window.Rutineportalen.katalog.normalise)", samples)
    assert folded == [normalise(s) for s in samples]
