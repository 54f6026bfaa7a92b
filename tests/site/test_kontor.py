"""Office variants: kontor/<id>.yml builds the shared core with that office's profile and local
additions; the core build stays as it is."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.sitebuild import FIXED_TODAY, ROOT, BuildResult, copy_project



class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring !!python/name tags (pymdownx settings)."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


CORE_VERSION = read_config(ROOT / "mkdocs.yml")["extra"]["kjerne_versjon"]
ATTRIBUTION = (f"Bygger på PROFH-materialet (Nav Ringsaker, Hamar, Stange og Løten). Kjerneversjon {CORE_VERSION}.")


def build_config(project: Path, config: str, site: Path) -> BuildResult:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUTINEPORTALEN_IDAG": FIXED_TODAY, "RUTINEPORTALEN_PDF": "0"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config), "-d", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


@pytest.fixture(scope="module")
def sites(office_sites) -> dict[str, Path]:
    """mkdocs.yml, kontor/hamar.yml and kontor/ringsaker.yml built (the session's shared builds, tests/conftest.py)."""
    return office_sites


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def additions(site: Path) -> dict[str, list[str]]:
    """Every local addition in a built site: page -> ids."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        ids = [el["data-rp-lokal"] for el in soup(site, str(path.relative_to(site))).select("[data-rp-lokal]")]
        if ids:
            found[path.relative_to(site).as_posix()] = ids
    return found


def test_each_addition_only_in_its_own_variant(sites):
    assert additions(sites["hamar"]) == {"rutiner/paragraf-17.html": ["okonomisk-raadgiving-hamar"]}
    assert additions(sites["ringsaker"]) == {"rutiner/paragraf-17.html": ["telefonrutine-ringsaker"]}
    assert additions(sites["core"]) == {}


def test_core_has_no_local_adaptation_anywhere(sites):
    for path in sites["core"].rglob("*.html"):
        if path.name == "ta-i-bruk.html":  # the how-to page describes the marking
            continue
        text = path.read_text(encoding="utf-8")
        assert "Lokal tilpasning" not in text, path
        assert "rp-lokal" not in text.replace("rp-lokal-", ""), path
    header = soup(sites["core"], "index.html").select_one(".md-header__topic").get_text(" ", strip=True)
    assert header == "Rutineportalen"


def test_addition_after_its_section_is_a_labelled_box(sites):
    page = soup(sites["hamar"], "rutiner/paragraf-17.html")
    box = page.select_one('[data-rp-lokal="okonomisk-raadgiving-hamar"]')
    before = box.find_previous_sibling()
    assert before.name == "section" and before["aria-labelledby"] == "okonomisk-raadgiving"
    assert box.find_next_sibling("section")["aria-labelledby"] == "motivasjon-og-endring"
    assert box["role"] == "note"
    label_ids = box["aria-labelledby"].split()
    assert [page.find(id=i).get_text(" ", strip=True) for i in label_ids] == [
        "Lokal tilpasning – Nav Hamar Eksempel", "Hvem gir økonomisk rådgiving hos oss"]
    # the author's Markdown is rendered
    assert box.select_one(".rp-lokal__tekst strong").get_text() == "økonomisk rådgiver"


def test_addition_after_an_item_sits_in_the_list(sites):
    page = soup(sites["ringsaker"], "rutiner/paragraf-17.html")
    box = page.select_one('[data-rp-lokal="telefonrutine-ringsaker"]')
    item = box.parent
    assert item.name == "li" and item["class"] == ["rp-lokal-punkt"]
    assert item.find_previous_sibling("li")["id"] == "ikke-mott"
    assert item.find_next_sibling("li")["id"] == "vedtak-avbrytes"
    assert box.select_one(".rp-lokal__etikett").get_text() == "Lokal tilpasning – Nav Ringsaker"
    assert box.select_one(".rp-lokal__eksempel").get_text() == "Eksempel"


def test_attribution_and_office_on_every_page(sites):
    for name, site in sites.items():
        pages = sorted(site.rglob("*.html"))
        assert len(pages) > 20
        for path in pages:
            if path.name == "404.html":
                continue
            page = soup(site, str(path.relative_to(site)))
            assert page.select_one(".rp-tilskrivning__kjerne").get_text(" ", strip=True) == ATTRIBUTION, path
            office = page.select_one(".rp-tilskrivning__kontor")
            if name == "core":
                assert office is None, path
            else:
                navn = "Nav Hamar" if name == "hamar" else "Nav Ringsaker"
                assert office.get_text(" ", strip=True) == (
                    f"Lokal utgave for {navn} (eksempel). Kontakt: Mottaket, {navn} – "
                    f"Ring Navs sentralbord og be om {navn}, eller møt opp i mottaket i åpningstiden."), path
                assert page.select_one(".md-header__topic").get_text(" ", strip=True) == f"Rutineportalen – {navn}"


def test_office_configs_repeat_the_cores_hooks_and_plugins():
    """INHERIT replaces lists: an office config must list every watched folder, hook and plugin of mkdocs.yml."""
    core = read_config(ROOT / "mkdocs.yml")
    configs = sorted((ROOT / "kontor").glob("*.yml"))
    assert [c.stem for c in configs] == ["hamar", "loten", "ringsaker", "stange"]
    for config in configs:
        office = read_config(config)
        assert office["INHERIT"] == "../mkdocs.yml"
        assert office["watch"] == ["../" + w for w in core["watch"]], (
            f"{config.name}: 'watch' must repeat mkdocs.yml's watch list with '../' in front")
        assert office["hooks"] == ["../" + h for h in core["hooks"]], (
            f"{config.name}: 'hooks' must repeat mkdocs.yml's hooks with '../' in front")
        expected_plugins = [
            {**p, "macros": {**p["macros"], "module_name": "../macros"}} if isinstance(p, dict) and "macros" in p else p
            for p in core["plugins"]
        ]
        assert office["plugins"] == expected_plugins, config
        assert office["extra"] == {"kontor": config.stem}
        assert (ROOT / "kontor" / f"{config.stem}.yaml").is_file()


HAMAR_DANGLING = """\
id: hamar
navn: Nav Hamar
eksempel: true
kontaktpunkt:
  navn: Mottaket, Nav Hamar
tillegg:
  - id: gammel-seksjon
    dokument: paragraf-17
    tittel: Et tillegg
    tekst: Tekst.
  - id: x
    dokument: paragraf-17
    etter: okonomisk-radgivning
    tittel: Et tillegg til
    tekst: Tekst.
"""


def test_dangling_addition_fails_the_build_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "kontor" / "hamar.yaml").write_text(HAMAR_DANGLING, encoding="utf-8")
    result = build_config(project, "kontor/hamar.yml", tmp_path / "site")
    assert result.returncode != 0
    lines = [line for line in result.output.splitlines() if line.startswith("kontor/")]
    assert len(lines) == 1
    assert lines[0].startswith(
        "kontor/hamar.yaml:13: tillegget 'x' viser til 'okonomisk-radgivning' i 'paragraf-17', som ikke finnes; "
        "kjente seksjoner og punkter: familie-og-bosituasjon, ")
    assert ", okonomisk-raadgiving, informasjon-okonomisk-raadgiving, " in lines[0]
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize("text, message", [
    ("  beskrivelse: Skriv til postmottak@nav.example",
     "kontor/hamar.yaml:6: 'beskrivelse' kan ikke inneholde '@': profilen skal ikke ha e-postadresser; "
     "skriv en funksjonell kontaktvei i ord, for eksempel «Mottaket, Nav Hamar»"),
    ("  beskrivelse: Ring " + " ".join(("62", "55", "12", "34")),  # an invented number, built here
     "kontor/hamar.yaml:6: 'beskrivelse' kan ikke inneholde et telefonnummer (8 sifre): profilen skal ikke ha "
     "telefonnumre; vis til sentralbordet eller mottaket i ord"),
])
def test_profile_with_personal_contact_data_is_refused(tmp_path, text, message):
    project = copy_project(tmp_path / "p")
    profile = HAMAR_DANGLING.split("tillegg:")[0].replace("  navn: Mottaket, Nav Hamar\n", "  navn: Mottaket, Nav Hamar\n" + text + "\n")
    (project / "kontor" / "hamar.yaml").write_text(profile, encoding="utf-8")
    result = build_config(project, "kontor/hamar.yml", tmp_path / "site")
    assert result.returncode != 0
    assert [line for line in result.output.splitlines() if line.startswith("kontor/")] == [message]


def test_unknown_office_is_named(tmp_path):
    project = copy_project(tmp_path / "p")
    config = project / "kontor" / "hamar.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("kontor: hamar", "kontor: hamr"), encoding="utf-8")
    result = build_config(project, "kontor/hamar.yml", tmp_path / "site")
    assert result.returncode != 0
    # blamed on the office's own configuration and the line that names the office
    line = config.read_text(encoding="utf-8").splitlines().index("  kontor: hamr") + 1
    assert (f"kontor/hamar.yml:{line}: extra.kontor er 'hamr', men kontor/hamr.yaml finnes ikke; "
            "kjente kontor: hamar, loten, ringsaker, stange") in result.output


@pytest.mark.browser
def test_office_site_works_from_disk(sites, browser):
    site = sites["hamar"]
    ctx = browser.new_context(locale="nb-NO")
    try:
        page = ctx.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto((site / "index.html").as_uri())
        assert page.locator(".md-header__topic").first.inner_text().strip() == "Rutineportalen – Nav Hamar"
        page.locator('.md-content a[href$="rutiner/paragraf-17.html"]').first.click()
        page.wait_for_url("**/rutiner/paragraf-17.html")
        box = page.get_by_role("note", name="Lokal tilpasning – Nav Hamar Eksempel Hvem gir økonomisk rådgiving hos oss")
        assert box.is_visible()
        assert page.locator(".rp-tilskrivning__kjerne").inner_text().strip() == ATTRIBUTION
        # checklists work from disk too
        box_id = page.locator("input[data-rp-sjekk]").first.get_attribute("data-rp-sjekk")
        page.check(f'input[data-rp-sjekk="{box_id}"]')
        assert page.inner_text("[data-rp-fremdrift]").startswith("1 av ")
        # and search: its index is a script loaded from disk (assets/js/sokeindeks.js)
        page.click(".md-search__input")
        page.keyboard.type("stikkprøve")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        titles = page.locator(".md-search-result__item .rp-sok__tittel").all_inner_texts()
        assert titles[0].startswith("Stikkprøve §"), titles
        assert [u for u in requests if not u.startswith("file://")] == []
    finally:
        ctx.close()
