"""Today's fylker and the report's: the catalogue filters by today's fylke (from the kommuner, through
data/kommuner.yaml), each tiltak page shows both, and a kommune missing from the registry stops the build."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros import norsk
from macros.content import load_content
from macros.errors import ContentErrors
from tests.sitebuild import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def text(el) -> str:
    return " ".join(el.get_text(" ").split())


# ---------- the real catalogue ----------

def test_fylke_filter_offers_todays_fylker_with_exact_counts(site):
    fieldset = soup(site, "tiltak/index.html").select_one('fieldset[data-rp-fasett="fylke"]')
    shown = [(box["value"], int(text(box.parent.select_one("[data-rp-antall]"))))
             for box in fieldset.select('input[type="checkbox"]')]
    # 142 tiltak; the one in Vindafjord and Etne counts in Rogaland and in Vestland.
    assert shown == [
        ("Agder", 5), ("Akershus", 12), ("Buskerud", 7), ("Finnmark", 2), ("Innlandet", 11),
        ("Møre og Romsdal", 6), ("Nordland", 6), ("Oslo", 17), ("Rogaland", 15), ("Telemark", 9),
        ("Troms", 7), ("Trøndelag", 11), ("Vestfold", 8), ("Vestland", 18), ("Østfold", 10),
    ]
    old = {"Viken", "Troms og Finnmark", "Vestfold og Telemark"}
    items = soup(site, "tiltak/index.html").select("ol[data-rp-katalog-liste] > li")
    assert not old & {v for li in items for v in li["data-fylke"].split("|")}
    lillestrom = [li for li in items if li["data-id"] == "drommen-om-fagbrev-lillestrom"][0]
    assert lillestrom["data-fylke"] == "Akershus"
    assert text(lillestrom.select_one(".rp-katalog__sted")) == "Nav Lillestrøm, Akershus"
    # the filter box matches search terms (folded and stemmed, macros/norsk.py): today's fylke and the report's
    assert set(norsk.terms("Akershus Viken")) == {"akershus", "vik"}
    assert {"akershus", "vik"} <= set(lillestrom["data-sok"].split())


def test_tiltak_page_shows_todays_fylke_and_the_reports(site):
    body = soup(site, "tiltak/t-drommen-om-fagbrev-lillestrom.html").select_one(".rp-tiltak")
    facts = {text(dt): text(dt.find_next_sibling("dd")) for dt in body.select("dl.rp-tiltak__fakta > dt")}
    assert facts["Fylke i dag"] == "Akershus (i rapportåret: Viken)"
    assert "Fylke" not in facts
    note = text(body.select_one('[data-rp-felt="rapportaar-merknad"]'))
    assert note.startswith("Kilden oppgir ikke hvilket år hver rapport er fra.")
    both = soup(site, "tiltak/t-opp-og-ut-vindafjord-etne.html").select_one('[data-rp-felt="fylke"]')
    assert text(both) == "Rogaland og Vestland (i rapportåret: Rogaland)"
    same = soup(site, "tiltak/t-optimist-en-metode-for-tette-oppfolging-av-brukere-som-staar-langt-unna-arbeidslivet-trysil.html")
    assert text(same.select_one('[data-rp-felt="fylke"]')) == "Innlandet (i rapportåret: Innlandet)"


def test_every_kommune_in_the_catalogue_is_in_the_registry_and_nothing_else():
    register = yaml.safe_load((ROOT / "data" / "kommuner.yaml").read_text(encoding="utf-8"))["kommuner"]
    used = {k for p in (ROOT / "catalogue" / "tiltak").glob("*.yaml")
            for k in yaml.safe_load(p.read_text(encoding="utf-8"))["kommuner"]}
    assert used == set(register)


@pytest.mark.browser
def test_a_reader_in_elverum_finds_innlandet_and_akershus_by_todays_names(browser, base_url, site):
    items = soup(site, "tiltak/index.html").select("ol[data-rp-katalog-liste] > li")
    innlandet = sorted(li["data-id"] for li in items if "Innlandet" in li["data-fylke"].split("|"))
    akershus = sorted(li["data-id"] for li in items if "Akershus" in li["data-fylke"].split("|"))
    assert (len(innlandet), len(akershus)) == (11, 12)
    page = browser.new_page()
    page.goto(base_url + "tiltak/index.html")
    fylke = page.locator('fieldset[data-rp-fasett="fylke"]')
    fylke.get_by_role("checkbox", name=re.compile(r"^Innlandet")).check()
    fylke.get_by_role("checkbox", name=re.compile(r"^Akershus")).check()
    visible = page.locator("ol[data-rp-katalog-liste] > li:not([hidden])")
    assert sorted(visible.evaluate_all("els => els.map(e => e.dataset.id)")) == sorted(innlandet + akershus)
    assert page.inner_text("[data-rp-katalog-status]") == "Viser 23 av 142 tiltak"
    # Typing today's name finds them too, also where the report says Viken.
    page.get_by_role("button", name="Nullstill filtre").click()
    page.locator("#rp-katalog-q").fill("Akershus")
    found = set(visible.evaluate_all("els => els.map(e => e.dataset.id)"))
    assert set(akershus) <= found
    page.close()


# ---------- the registry's errors ----------

def catalogue_project(tmp_path: Path, kommuner: str) -> Path:
    """A project with the law registry, the vocabularies, the three fixture tiltak and the given registry."""
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "lover.yaml", tmp_path / "data" / "lover.yaml")
    (tmp_path / "data" / "kommuner.yaml").write_text(kommuner, encoding="utf-8")
    (tmp_path / "catalogue" / "tiltak").mkdir(parents=True)
    shutil.copy(ROOT / "catalogue" / "vokabular.yaml", tmp_path / "catalogue" / "vokabular.yaml")
    for path in (FIXTURES / "catalogue").glob("*.yaml"):
        shutil.copy(path, tmp_path / "catalogue" / "tiltak" / path.name)
    return tmp_path


def errors(project: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        load_content(project)
    return [str(e) for e in info.value.errors]


def test_fixture_registry_loads(tmp_path):
    kommuner = (FIXTURES / "kommuner.yaml").read_text(encoding="utf-8")
    content = load_content(catalogue_project(tmp_path, kommuner))
    assert content.tiltak["fiktiv-boligskolen"].fylker_i_dag == ["Innlandet"]
    assert content.tiltak["fiktiv-familieveileder"].fylker_i_dag == ["Vestland"]


def test_unknown_kommune_is_refused_with_path_and_line(tmp_path):
    kommuner = (FIXTURES / "kommuner.yaml").read_text(encoding="utf-8").replace('  "Testby": "Innlandet"\n', "")
    assert errors(catalogue_project(tmp_path, kommuner)) == [
        "catalogue/tiltak/fiktiv-jobbsmak.yaml:5: kommunen 'Testby' står ikke i data/kommuner.yaml; "
        "legg den til der med dagens fylke (fylkesinndelingen fra 2024)",
    ]


def test_kommune_in_a_fylke_the_report_cannot_have_become_is_refused(tmp_path):
    kommuner = (FIXTURES / "kommuner.yaml").read_text(encoding="utf-8").replace('"Testby": "Innlandet"', '"Testby": "Akershus"')
    assert errors(catalogue_project(tmp_path, kommuner)) == [
        "catalogue/tiltak/fiktiv-jobbsmak.yaml:6: fylket i rapporten er 'Innlandet', som i dag er Innlandet, "
        "men kommunene (Testby) ligger i dag i Akershus ifølge data/kommuner.yaml; rett fylket eller kommunen",
    ]


def test_registry_refuses_a_fylke_that_no_longer_exists(tmp_path):
    kommuner = (FIXTURES / "kommuner.yaml").read_text(encoding="utf-8").replace('"Eksempelvik": "Vestland"', '"Eksempelvik": "Viken"')
    assert errors(catalogue_project(tmp_path, kommuner)) == [
        "data/kommuner.yaml:6: 'Eksempelvik' må være en av: Agder, Akershus, Buskerud, Finnmark, Innlandet, "
        "Møre og Romsdal, Nordland, Oslo, Rogaland, Telemark, Troms, Trøndelag, Vestfold, Vestland, Østfold (fikk 'Viken')",
    ]
