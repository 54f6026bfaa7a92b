"""Interactive checklists, the stikkprøve summary, copying a template and printing, in real Chromium."""
from __future__ import annotations

import json
import shutil

import pytest
import yaml

from tests.browser_support import assert_our_focus_ring, serve
from tests.sitebuild import ROOT, build, copy_small_project
from tests.site.test_site_documents import SAMTALENOTAT_TEKST

pytestmark = pytest.mark.browser

ROUTINE_20A = "rutiner/paragraf-20a.html"
VERSION_20A = yaml.safe_load((ROOT / "routines/paragraf-20a.yaml").read_text(encoding="utf-8"))["versjon"]


def all_storage(page) -> dict:
    return page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")


def storage(page) -> dict:
    """Our keys only; Material keeps the reader's colour scheme under '<path>.__palette'."""
    return {k: v for k, v in all_storage(page).items() if not k.endswith(".__palette")}


def check_ids(page):
    return page.eval_on_selector_all("input[data-rp-sjekk]", "els => els.map(e => e.dataset.rpSjekk)")


def stored_key(page, doc_version: str, item_id: str) -> str:
    """The key a tick is stored under: document, version, item id and the fingerprint of its text."""
    fingerprint = page.get_attribute(f'input[data-rp-sjekk="{item_id}"]', "data-rp-tekst")
    assert fingerprint and len(fingerprint) == 10
    return f"rutineportalen:{doc_version}:{item_id}:{fingerprint}"


def test_tick_survives_reload_and_navigation(context, base_url):
    page = context.new_page()
    page.goto(base_url + ROUTINE_20A)
    ids = check_ids(page)
    total = len(ids)
    assert total == len([p for s in yaml.safe_load((ROOT / "routines/paragraf-20a.yaml").read_text())["seksjoner"]
                         for p in s["punkter"] if p["type"] == "sjekk"])
    page.check(f'input[data-rp-sjekk="{ids[0]}"]')
    page.check(f'input[data-rp-sjekk="{ids[2]}"]')
    assert page.inner_text("[data-rp-fremdrift]") == f"2 av {total} punkter er krysset av"
    assert storage(page) == {stored_key(page, f"paragraf-20a:{VERSION_20A}", ids[0]): "1", stored_key(page, f"paragraf-20a:{VERSION_20A}", ids[2]): "1"}
    page.reload()
    assert page.is_checked(f'input[data-rp-sjekk="{ids[0]}"]') and page.is_checked(f'input[data-rp-sjekk="{ids[2]}"]')
    assert not page.is_checked(f'input[data-rp-sjekk="{ids[1]}"]')
    assert page.inner_text("[data-rp-fremdrift]") == f"2 av {total} punkter er krysset av"
    # follow a nav link (the section tab; the left menu is hidden on wide screens) and come back
    page.locator("nav.md-tabs").get_by_role("link", name="Rutiner", exact=True).click()
    page.wait_for_url("**/rutiner/index.html")
    page.go_back()
    page.wait_for_url("**/paragraf-20a.html")
    page.wait_for_selector("[data-rp-fremdrift]")
    assert page.is_checked(f'input[data-rp-sjekk="{ids[0]}"]')
    assert page.inner_text("[data-rp-fremdrift]") == f"2 av {total} punkter er krysset av"


def test_reset_asks_first_and_then_clears(context, base_url):
    page = context.new_page()
    page.goto(base_url + ROUTINE_20A)
    ids = check_ids(page)
    page.check(f'input[data-rp-sjekk="{ids[0]}"]')
    page.once("dialog", lambda d: d.dismiss())
    page.click("[data-rp-nullstill]")
    assert page.is_checked(f'input[data-rp-sjekk="{ids[0]}"]')
    page.once("dialog", lambda d: (d.message.startswith("Vil du fjerne alle avkrysninger") and d.accept()))
    page.click("[data-rp-nullstill]")
    assert not page.is_checked(f'input[data-rp-sjekk="{ids[0]}"]')
    assert storage(page) == {}
    assert page.inner_text("[data-rp-fremdrift]").startswith("0 av ")


def test_checklist_works_by_keyboard_and_announces_progress(context, base_url):
    page = context.new_page()
    page.goto(base_url + "sjekklister/vedtak-17.html")
    first = page.locator("input[data-rp-sjekk]").first
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    outline = first.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"
    assert_our_focus_ring(page, "avkrysningsboksen")
    status = page.locator("[data-rp-fremdrift]")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert status.inner_text().startswith("1 av ")


def test_new_version_starts_clean(browser, tmp_path, site_without_pdf):
    """Two builds served from one origin: the current version (the session's build, copied) and a
    copy with a newer one."""
    root = tmp_path / "www"
    shutil.copytree(site_without_pdf.site, root / "v1")
    project = copy_small_project(tmp_path / "p")
    path = project / "routines" / "paragraf-20a.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(f'versjon: "{VERSION_20A}"') == 1
    path.write_text(text.replace(f'versjon: "{VERSION_20A}"', 'versjon: "9.9"'), encoding="utf-8")
    new = build(project, root / "v2", env={"RUTINEPORTALEN_PDF": "0"})
    assert new.returncode == 0, new.output
    with serve(root) as url:
        ctx = browser.new_context()
        page = ctx.new_page()
        page.goto(url + "v1/" + ROUTINE_20A)
        first = check_ids(page)[0]
        page.check(f'input[data-rp-sjekk="{first}"]')
        assert storage(page) == {stored_key(page, f"paragraf-20a:{VERSION_20A}", first): "1"}
        page.goto(url + "v2/" + ROUTINE_20A)
        assert not page.is_checked(f'input[data-rp-sjekk="{first}"]')
        assert storage(page) == {}  # the old version's ticks are forgotten
        ctx.close()


SECRET = "Ola Testesen 12345678 saksnr 2026/991"


@pytest.mark.parametrize("rel", ["rutiner/kartlegging.html", "rutiner/samtalenotat.html", "skjema/stikkprove-17.html"])
def test_typed_text_is_never_stored(context, base_url, rel):
    page = context.new_page()
    page.goto(base_url + rel)
    fields = page.locator(".md-content textarea, .md-content input[type=text]")
    count = fields.count()
    assert count > 5
    for i in range(count):
        fields.nth(i).fill(f"{SECRET} {i}")
    for box in page.locator("input[data-rp-sjekk]").all()[:3]:
        box.check()
    page.fill(".md-search__input", SECRET)  # the site search box too
    page.keyboard.press("Escape")
    page.reload()
    assert all(key.startswith("rutineportalen:") or key.endswith(".__palette") for key in all_storage(page))
    dump = json.dumps([all_storage(page), page.evaluate("() => Object.entries(sessionStorage)"), context.cookies()])
    assert "Testesen" not in dump and "12345678" not in dump and "2026/991" not in dump
    assert all(value == "1" for key, value in storage(page).items() if key.startswith("rutineportalen:"))
    assert page.locator("textarea").first.input_value() == ""


def test_print_media_hides_navigation_search_and_buttons(context, base_url):
    page = context.new_page()
    page.goto(base_url + "skjema/stikkprove-17.html")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", "[data-rp-skriv-ut]",
                     "[data-rp-ny-sak]", ".rp-oppsummering"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("table.rp-stikkprove").is_visible()
    assert page.locator("h1").is_visible()
    page.emulate_media(media="screen")
    assert page.locator("[data-rp-skriv-ut]").is_visible()


def mark(page, case: int, point: int, value: str):
    page.select_option(f'select[aria-label="Sak {case}, punkt {point}"]', value)


def test_summary_arithmetic_for_eight_cases(context, base_url):
    page = context.new_page()
    page.goto(base_url + "skjema/stikkprove-17.html")
    for _ in range(8):
        page.click("[data-rp-ny-sak]")
    headers = page.eval_on_selector_all("[data-rp-oppsummering] thead th", "els => els.map(e => e.textContent)")
    assert headers == ["Punkt", *[f"Sak {n}" for n in range(1, 9)], "Oppfylt"]
    for case in range(1, 9):
        mark(page, case, 1, "ja")
        mark(page, case, 2, "nei" if case in (3, 7) else "ja")
    mark(page, 1, 3, "ja")
    mark(page, 2, 3, "nei")
    rows = page.locator("[data-rp-oppsummering] tbody tr")
    assert rows.nth(0).locator("[data-rp-andel]").inner_text() == "8 av 8 (100 %)"
    assert rows.nth(1).locator("[data-rp-andel]").inner_text() == "6 av 8 (75 %) – avvik"
    assert rows.nth(2).locator("[data-rp-andel]").inner_text() == "1 av 2 (50 %) – avvik"
    assert rows.nth(3).locator("[data-rp-andel]").inner_text() == "–"
    assert "rp-avvik" in rows.nth(1).get_attribute("class") and "rp-avvik" not in (rows.nth(0).get_attribute("class") or "")
    assert page.inner_text("[data-rp-oppsummering-status]") == "8 saker lagt inn. 2 punkter med avvik."
    assert storage(page) == {}  # nothing of the summary is stored
    # printing the summary shows only the summary
    page.evaluate("() => document.body.classList.add('rp-skriv-oppsummering')")
    page.emulate_media(media="print")
    assert page.locator(".rp-oppsummering").is_visible()
    assert not page.locator("section.rp-skjema").is_visible()
    assert not page.locator("h1").is_visible()


def test_leaving_with_unsaved_marks_asks_first(context, base_url):
    page = context.new_page()
    page.goto(base_url + "skjema/stikkprove-20a.html")
    page.click("[data-rp-ny-sak]")
    mark(page, 1, 1, "nei")
    messages = []
    page.once("dialog", lambda d: (messages.append(d.message), d.dismiss()))
    page.locator("nav.md-tabs").get_by_role("link", name="Forside", exact=True).click()
    page.wait_for_timeout(300)
    assert messages == ["Du har markeringer som ikke lagres. Vil du forlate siden?"]
    assert page.url.endswith("stikkprove-20a.html")


def test_copy_button_puts_the_template_on_the_clipboard(browser, base_url):
    ctx = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = ctx.new_page()
    page.goto(base_url + "rutiner/samtalenotat.html")
    page.click("[data-rp-kopier]")
    page.wait_for_function("() => document.querySelector('[data-rp-kopier-status]').textContent.length > 0")
    text = page.evaluate("() => navigator.clipboard.readText()")
    assert text.strip("\n") == SAMTALENOTAT_TEKST  # vedlegg 10 as it stands, brackets and numbering included
    assert "<" not in text and "&amp;" not in text
    assert page.inner_text("[data-rp-kopier-status]") == "Malen er kopiert. Lim den inn i fagsystemet."
    ctx.close()


def test_printed_summary_of_eight_cases_fits_one_a4_page(context, base_url, tmp_path):
    import subprocess

    page = context.new_page()
    page.goto(base_url + "skjema/stikkprove-20a.html")
    for _ in range(8):
        page.click("[data-rp-ny-sak]")
    for case in range(1, 9):
        for point in range(1, 17):
            mark(page, case, point, "nei" if (case + point) % 5 == 0 else "ja")
    page.evaluate("() => document.body.classList.add('rp-skriv-oppsummering')")
    page.emulate_media(media="print")
    pdf = tmp_path / "oppsummering.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "8 saker lagt inn." in text and "Sak 8" in text
    assert "16. Behovet for tjenesten råd og veiledning" in text
    assert "Legg til sak" not in text and "Skjema for stikkprøvekontroll § 20 a" in text


def tab_to(page, selector: str, limit: int = 300) -> None:
    """Press Tab from the top of the page until `selector` has focus, as a keyboard user would."""
    page.keyboard.press("Tab")
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"{selector} har ingen synlig fokusmarkering"
            assert_our_focus_ring(page, selector)
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"nådde aldri {selector} med Tab")


def test_summary_works_by_keyboard_only(context, base_url):
    page = context.new_page()
    page.goto(base_url + "skjema/stikkprove-17.html")
    tab_to(page, "[data-rp-ny-sak]")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Sak 1, punkt 1"
    page.keyboard.press("ArrowDown")  # "–" -> "Ja"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Sak 1, punkt 2"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # "Nei"
    rows = page.locator("[data-rp-oppsummering] tbody tr")
    assert rows.nth(0).locator("[data-rp-andel]").inner_text() == "1 av 1 (100 %)"
    assert rows.nth(1).locator("[data-rp-andel]").inner_text() == "0 av 1 (0 %) – avvik"
    assert page.inner_text("[data-rp-oppsummering-status]") == "1 sak lagt inn. 1 punkt med avvik."


def test_copy_button_works_by_keyboard_only(browser, base_url):
    ctx = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = ctx.new_page()
    page.goto(base_url + "rutiner/kartlegging.html")
    tab_to(page, "[data-rp-kopier]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('[data-rp-kopier-status]').textContent.length > 0")
    text = page.evaluate("() => navigator.clipboard.readText()")
    assert text.splitlines()[0] == "Rutine for kartleggingssamtale"
    assert "Tilfredsstillende bolig?" in text and "Rettighet for deltakelse i KVP?" in text
    ctx.close()


def test_the_focus_check_fails_without_our_stylesheet(context, base_url):
    """With rutineportalen.css blocked, Chromium still draws its own ring (so «outline is not
    none» passes), but the focus check of these tests does not: it looks for our ring."""
    page = context.new_page()
    page.route("**/assets/css/rutineportalen.css", lambda route: route.abort())
    page.goto(base_url + "skjema/stikkprove-17.html")
    page.keyboard.press("Tab")
    for _ in range(300):
        if page.evaluate("() => document.activeElement.matches('[data-rp-ny-sak]')"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    with pytest.raises(AssertionError, match="fokusmarkering|--rp-focus"):
        assert_our_focus_ring(page, "[data-rp-ny-sak]")
