"""Office editions: RUTINEPORTALEN_KONTOR=<id> builds mkdocs.yml, the shared core, with the profile
kontor/<id>.yaml and its local additions; without it the core is built as it is. An office has
no configuration of its own to keep equal to the core's."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, SoupStrainer
from mkdocs.config import load_config

from macros.content import load_content
from macros.kontor import KONTOR_ENV, publish_profile, selected_office
from tests.sitebuild import ROOT, BuildResult, build, build_office, copy_project, copy_small_project


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring !!python/name tags (pymdownx settings)."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


CORE_VERSION = read_config(ROOT / "mkdocs.yml")["extra"]["kjerne_versjon"]
ATTRIBUTION = (f"Bygger på PROFH-materialet (Nav Ringsaker, Hamar, Stange og Løten). Kjerneversjon {CORE_VERSION}.")


def build_core(project: Path, site: Path) -> BuildResult:
    return build(project, site, env={"RUTINEPORTALEN_PDF": "0"})


@pytest.fixture(scope="module")
def sites(office_sites) -> dict[str, Path]:
    """the core and the Hamar and Ringsaker editions built (the session's shared builds, tests/conftest.py)."""
    return office_sites


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def additions(site: Path) -> dict[str, list[str]]:
    """Every local addition in a built site: page -> ids."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        # A page whose text lacks the attribute's name (in any case) has no element with it: only
        # the others need parsing.
        if "data-rp-lokal" not in path.read_text(encoding="utf-8").lower():
            continue
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


_ATTRIBUTION_PARTS = SoupStrainer(class_=lambda c: c in {"rp-tilskrivning__kjerne", "rp-tilskrivning__kontor",
                                                          "md-header__topic"})


def test_attribution_and_office_on_every_page(sites):
    for name, site in sites.items():
        pages = sorted(site.rglob("*.html"))
        assert len(pages) > 20
        for path in pages:
            if path.name == "404.html":
                continue
            # Only the elements read here are built (the first of each class, as in the whole page).
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser", parse_only=_ATTRIBUTION_PARTS)
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


def _summary(config) -> dict:
    """A loaded MkDocs configuration as comparable values: hooks by file, plugins by class, the
    theme by its folders and settings."""
    out = {}
    for key, value in config.items():
        if key == "hooks":
            value = {name: Path(module.__file__).resolve() for name, module in value.items()}
        elif key == "plugins":
            value = [(name, f"{type(p).__module__}.{type(p).__qualname__}", dict(getattr(p, "config", {}) or {}))
                     for name, p in value.items() if name not in config["hooks"]]
        elif key == "theme":
            value = (value.name, value.dirs, dict(value))
        elif key == "extra":
            value = dict(value)
        out[key] = value
    return out


def test_an_office_build_is_the_core_configuration_with_its_name_folder_and_profile(monkeypatch):
    """What MkDocs loads for an office is mkdocs.yml itself, and the office's on_config step
    (publish_profile) changes only its folder and the profile for the templates:
    the same hooks, plugins, theme, nav and Markdown settings as the core."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    assert sorted(p.name for p in (ROOT / "kontor").iterdir()) == [
        "hamar.yaml", "loten.yaml", "ringsaker.yaml", "stange.yaml"]  # profiles only, no configurations
    core = load_config(str(ROOT / "mkdocs.yml"))
    office = load_config(str(ROOT / "mkdocs.yml"))
    publish_profile(core, load_content(ROOT))
    publish_profile(office, load_content(ROOT, "hamar"))
    core_values, office_values = _summary(core), _summary(office)
    assert core_values["hooks"] and core_values["plugins"]  # the comparison compares something
    assert {k for k in core_values if core_values[k] != office_values[k]} == {"site_dir", "extra"}
    # the office's name is not in site_name, which Material writes unescaped (macros/kontor.py)
    assert office.site_name == "Rutineportalen"
    assert (Path(core.site_dir), Path(office.site_dir)) == (ROOT / "site", ROOT / "site-hamar")
    changed = {k for k in {*core.extra, *office.extra} if core.extra.get(k) != office.extra.get(k)}
    assert changed == {"kontor_profil"}
    assert core.extra["kontor_profil"] is None
    assert office.extra["kontor_profil"] == {
        "id": "hamar", "navn": "Nav Hamar", "eksempel": True, "logo": None, "kontaktpunkt": "Mottaket, Nav Hamar",
        "kontaktbeskrivelse": "Ring Navs sentralbord og be om Nav Hamar, eller møt opp i mottaket i åpningstiden."}
    # -d (or a site_dir in the configuration) wins over site-<kontor>
    chosen = load_config(str(ROOT / "mkdocs.yml"), site_dir="/tmp/et-annet-sted")
    publish_profile(chosen, load_content(ROOT, "hamar"))
    assert chosen.site_dir == "/tmp/et-annet-sted"


@pytest.mark.parametrize("value, expected", [(None, None), ("", None), ("  ", None), ("hamar", "hamar"), (" stange ", "stange")])
def test_the_switch_selects_an_office_or_the_core(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv(KONTOR_ENV, raising=False)
    else:
        monkeypatch.setenv(KONTOR_ENV, value)
    assert selected_office(ROOT, load_config(str(ROOT / "mkdocs.yml"))) == expected


def test_core_and_office_build_the_same_site_with_the_same_theme_and_scripts(sites):
    """Every file of the core is in the office's edition and nothing else (the hooks' outputs too:
    calendar, search index), and every page loads the same stylesheets and scripts and has the
    same navigation."""
    core, office = sites["core"], sites["hamar"]
    files = sorted(p.relative_to(core).as_posix() for p in core.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(office).as_posix() for p in office.rglob("*") if p.is_file())
    assert {"arshjul.ics", "assets/js/sokeindeks.js", "assets/js/sokeregler.js"} <= set(files)

    def shape(site: Path, rel: str):
        page = soup(site, rel)
        return ([link["href"] for link in page.select('link[rel="stylesheet"]')],
                [script.get("src") for script in page.select("script")],
                [a["href"] for a in page.select("nav.md-nav--primary a[href]")]), page.title.get_text()

    pages = [f for f in files if f.endswith(".html")]
    assert len(pages) > 20
    for rel in pages:
        (core_shape, core_title), (office_shape, office_title) = shape(core, rel), shape(office, rel)
        assert core_shape == office_shape, rel
        # every page's title names the office after the site
        assert office_title == core_title + " – Nav Hamar", rel
    assert soup(office, "index.html").title.get_text() == "Forside - Rutineportalen – Nav Hamar"


ELVERUM = """\
id: elverum
navn: Nav Elverum
logo: assets/images/elverum.svg
kontaktpunkt:
  navn: Mottaket, Nav Elverum
"""
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40"/></svg>'


def test_a_new_office_is_one_short_profile(tmp_path):
    """The whole cost of a new office: five lines of profile (and its logo). Built as the README
    says, without -d, it writes site-elverum/ next to mkdocs.yml and shows its name and logo."""
    project = copy_small_project(tmp_path / "p")
    (project / "kontor" / "elverum.yaml").write_text(ELVERUM, encoding="utf-8")
    (project / "docs" / "assets" / "images").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "assets" / "images" / "elverum.svg").write_text(LOGO, encoding="utf-8")
    result = build_office(project, "elverum", None)
    assert result.returncode == 0, result.output
    assert result.site == project / "site-elverum" and (result.site / "index.html").is_file()
    assert not (project / "site").exists()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site-elverum"]
    for rel in ("index.html", "rutiner/paragraf-17.html"):
        page = soup(result.site, rel)
        assert page.select_one(".md-header__topic").get_text(" ", strip=True) == "Rutineportalen – Nav Elverum"
        assert page.select_one(".md-header a.md-logo")["aria-label"] == "Rutineportalen – Nav Elverum"
        drawer = page.select_one("label.md-nav__title")  # the menu on narrow screens
        assert "".join(drawer.find_all(string=True, recursive=False)).strip() == "Rutineportalen – Nav Elverum"
        assert drawer.select_one("a.md-logo")["aria-label"] == "Rutineportalen – Nav Elverum"
        assert page.title.get_text().endswith(" - Rutineportalen – Nav Elverum")
        office = page.select_one(".rp-tilskrivning__kontor")
        assert office["data-rp-kontor"] == "elverum"
        assert office.get_text(" ", strip=True) == "Lokal utgave for Nav Elverum. Kontakt: Mottaket, Nav Elverum"
        logo = office.select_one("img.rp-tilskrivning__logo")
        assert logo["alt"] == ""
        assert (result.site / Path(rel).parent / logo["src"]).resolve() == (result.site / "assets/images/elverum.svg").resolve()
    assert (result.site / "assets/images/elverum.svg").read_text(encoding="utf-8") == LOGO
    assert additions(result.site) == {}


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
    result = build_office(project, "hamar", tmp_path / "site")
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
    result = build_office(project, "hamar", tmp_path / "site")
    assert result.returncode != 0
    assert [line for line in result.output.splitlines() if line.startswith("kontor/")] == [message]


def test_unknown_office_is_named(tmp_path):
    result = build_office(ROOT, "hamr", tmp_path / "site")
    assert result.returncode != 0
    assert ("RUTINEPORTALEN_KONTOR er 'hamr', men kontor/hamr.yaml finnes ikke; "
            "kjente kontor: hamar, loten, ringsaker, stange") in result.output
    assert not (tmp_path / "site").exists()


def test_an_office_configuration_of_the_old_kind_is_refused(tmp_path):
    """Before RUTINEPORTALEN_KONTOR an office had a configuration setting extra.kontor; one left
    over must not quietly build the shared core under the office's name."""
    project = copy_project(tmp_path / "p")
    (project / "mkdocs-hamar.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  kontor: hamar\n", encoding="utf-8")
    result = build(project, tmp_path / "site", "-f", str(project / "mkdocs-hamar.yml"), env={"RUTINEPORTALEN_PDF": "0"})
    assert result.returncode != 0
    assert ("mkdocs-hamar.yml setter extra.kontor, som ikke brukes lenger: slett kontorets byggeoppsett og bygg med "
            "RUTINEPORTALEN_KONTOR=hamar .venv/bin/mkdocs build") in result.output
    assert not (tmp_path / "site").exists()


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
