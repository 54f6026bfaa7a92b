"""The site on a phone: no page is wider than the screen, and what a thumb must hit is big enough.

Every page of the built site is measured at 320, 390 and 768 px on the same visit that audits it
with axe (tests/conftest.py site_tour): the viewport is resized, so each page is loaded once.
"""
from __future__ import annotations

import pytest

from tests.quality import SCREEN_WIDTHS, TOUR_SHARDS, all_pages, axe_violations, tour_pages, tour_part

pytestmark = pytest.mark.browser

TARGET = 44  # px, WCAG 2.5.5


def test_the_site_has_the_pages_we_expect_to_measure(site):
    pages = all_pages(site)
    assert len(pages) > 150  # every hand-written page plus one per tiltak
    assert "rutiner/kartlegging.html" in pages and "skjema/stikkprove-17.html" in pages


@pytest.mark.parametrize("part", [tour_part(part) for part in range(TOUR_SHARDS)])
def test_no_page_is_wider_than_the_screen(site, site_tour, part):
    assert SCREEN_WIDTHS == (320, 390, 768)
    tour = site_tour(part)
    assert tour.visited == tour_pages(site, part)
    assert tour.too_wide == []


def box_heights(page, selector: str) -> list[float]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getBoundingClientRect().height)")


def test_checklist_items_and_buttons_are_big_enough_for_a_thumb(browser, base_url):
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="nb-NO")
    page.goto(base_url + "sjekklister/etter-hver-samtale.html")
    labels = box_heights(page, "li.rp-punkt--sjekk label.rp-punkt__tekst")
    assert labels and min(labels) >= TARGET
    buttons = box_heights(page, "[data-rp-verktoy] button")
    assert buttons and min(buttons) >= TARGET
    # Ticking by the label works: the label is the thumb's target.
    first = page.locator("li.rp-punkt--sjekk").first
    first.locator("label.rp-punkt__tekst").click()
    assert first.locator("input.rp-sjekk").is_checked()

    page.goto(base_url + "skjema/stikkprove-17.html")
    # (The forms have no radio choices since their header fields follow the source as text fields.)
    for selector in (".rp-janei label", "input.rp-utfylling"):
        heights = box_heights(page, selector)
        assert heights and min(heights) >= TARGET, selector
    # The table of points is one card per point on a phone: nothing to scroll sideways.
    assert page.evaluate("getComputedStyle(document.querySelector('table.rp-stikkprove tbody tr')).display") == "block"
    page.close()


def test_copy_text_is_shown_only_on_demand(browser, base_url):
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="nb-NO")
    page.goto(base_url + "rutiner/samtalenotat.html")
    text = page.locator("pre[data-rp-mal-tekst]")
    assert not text.is_visible()
    summary = page.locator("details.rp-mal > summary")
    assert summary.inner_text() == "Vis teksten som kopieres"
    # The form comes right after the tools, not after the template text.
    summary.click()
    assert text.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page) == []  # the quality gate sees the page with the text closed
    page.close()
