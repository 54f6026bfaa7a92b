"""The tiltak catalogue in the built site: one generated page per record, the catalogue page, its facet
counts and the overview charts, each checked against the YAML files themselves.

Most tests build a copy of the project whose catalogue holds exactly the fixtures in
tests/fixtures/catalogue/ (the real catalogue is being written while this runs); the last tests check
the real site with whatever records exist, against the number of YAML files.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.sitebuild import ROOT, build, copy_small_project

LOVDATA = "https://lovdata.no/dokument/NL/lov/2009-12-18-131/§"
ROUTINES = {"17": "../rutiner/paragraf-17.html", "20 a": "../rutiner/paragraf-20a.html"}
SECTIONS = [
    ("beskrivelse", "Beskrivelse"), ("utvikler", "Hva tiltaket utvikler"), ("resultater", "Resultater"),
    ("maaloppnaaelse", "Hvordan måloppnåelse er undersøkt"), ("utfordringer", "Utfordringer"),
    ("suksessfaktorer", "Suksessfaktorer"),
]
JA_NEI = {"ja": "Ja", "nei": "Nei", "uavklart": "Uavklart"}
RAPPORT = {"status": "Statusrapport", "slutt": "Sluttrapport", "ukjent": "Ukjent"}
KILDE = {"status": "statusrapporten", "slutt": "sluttrapporten", "ukjent": "rapporten"}


# ---------- helpers: what the YAML says ----------

def records(project: Path) -> dict[str, dict]:
    """The YAML of each tiltak, plus "_fylker_i_dag": today's fylke of its kommuner from data/kommuner.yaml."""
    register = yaml.safe_load((project / "data" / "kommuner.yaml").read_text(encoding="utf-8"))["kommuner"]
    recs = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((project / "catalogue" / "tiltak").glob("*.yaml"))}
    for rec in recs.values():
        rec["_fylker_i_dag"] = list(dict.fromkeys(register[k] for k in rec["kommuner"]))
    return recs


def paragraph(nr) -> str:
    m = re.match(r"^\s*(\d+)\s*([a-z])?\s*$", str(nr))
    return m.group(1) + (f" {m.group(2)}" if m.group(2) else "")


def paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def text(el) -> str:
    return " ".join(el.get_text(" ").split())


def label_text(el) -> str:
    """A label as read: inline elements joined without extra spaces, «2022 (142)»."""
    return " ".join(el.get_text().split())


@lru_cache(maxsize=4)
def catalogue_order(site: Path) -> dict[str, int]:
    """Each tiltak's place in the catalogue's list (alphabetical by name; its order is pinned by an
    explicit expectation in test_catalogue_lists_in_norwegian_alphabetical_order and
    test_real_catalogue_is_in_norwegian_alphabetical_order)."""
    items = soup(site, "tiltak/index.html").select("ol[data-rp-katalog-liste] > li")
    return {li["data-id"]: i for i, li in enumerate(items)}


def expected_similar(recs: dict[str, dict], tid: str, order: dict[str, int]) -> list[str]:
    """Brute force: others sharing a theme and a target group, most shared first, then in the
    catalogue's alphabetical order."""
    me = recs[tid]
    scored = []
    for other_id, other in recs.items():
        if other_id == tid:
            continue
        tema = len(set(me["tema"]) & set(other["tema"]))
        maal = len(set(me["maalgrupper"]) & set(other["maalgrupper"]))
        if tema and maal:
            scored.append((-(tema + maal), order[other_id], other_id))
    return [other_id for *_, other_id in sorted(scored)[:5]]


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


# ---------- the fixture site ----------

@pytest.fixture(scope="module")
def fixture_site(catalogue_site) -> tuple[Path, Path]:
    """A copy of the project whose catalogue holds exactly the fixtures, built with --strict
    (the session's shared build, tests/conftest.py and tests/sitebuild.py)."""
    return catalogue_site


def check_tiltak_page(site: Path, tid: str, rec: dict, recs: dict[str, dict]) -> None:
    page = soup(site, f"tiltak/t-{tid}.html")
    body = page.select_one(f'.rp-tiltak[data-rp-tiltak="{tid}"]')
    assert body is not None, tid
    assert text(body.h1) == " ".join(rec["navn"].split())
    note = body.select_one('[data-rp-felt="navn_rekonstruert"]')
    assert (note is not None) == bool(rec.get("navn_rekonstruert")), tid

    def field(name: str) -> str:
        return text(body.select_one(f'[data-rp-felt="{name}"]'))

    assert field("kontor") == rec["kontor"]
    assert field("kommuner") == ", ".join(rec["kommuner"])
    assert field("fylke") == f"{' og '.join(rec['_fylker_i_dag'])} (i rapportåret: {rec['fylke']})"
    assert field("rapportfylke") == f"(i rapportåret: {rec['fylke']})"
    assert field("rapportaar-merknad") == (
        "Kilden oppgir ikke hvilket år hver rapport er fra. Fylkesnavnene i rapportene er fra fylkesinndelingen "
        "2020–2023, og rapportene omtaler mest arbeidet i 2022 og planer for 2023.")
    assert field("maalgruppe") == " ".join(rec["maalgruppe"].split())
    assert [text(li) for li in body.select('[data-rp-felt="maalgrupper"] li')] == rec["maalgrupper"]
    assert [text(li) for li in body.select('[data-rp-felt="tema"] li')] == rec["tema"]
    assert field("rapporttype") == RAPPORT[rec["rapporttype"]]
    assert field("rapportaar") == str(rec["rapportaar"])
    assert text(body.select_one('[data-rp-felt="rapportaar"]').find_previous_sibling("dt")) == "Rapportår"
    assert field("videreforing") == JA_NEI[rec["videreforing"]["status"]]

    links = body.select('[data-rp-felt="paragrafer"] li')
    assert len(links) == len(rec.get("paragrafer", []))
    for li, nr in zip(links, rec.get("paragrafer", [])):
        nr = paragraph(nr)
        assert li.select_one("a.rp-lov")["href"] == LOVDATA + nr.replace(" ", "")
        assert text(li.select_one("a.rp-lov")).startswith(f"§ {nr} ")
        routine = li.select_one("a.rp-tiltak__rutine")
        if nr in ROUTINES:
            assert routine["href"] == ROUTINES[nr]
            assert text(routine) == f"vår rutine for § {nr}"
        else:
            assert routine is None

    for key, heading in SECTIONS:
        section = body.select_one(f'section[data-rp-seksjon="{key}"]')
        if paragraphs(rec.get(key)):
            assert text(section.h2) == heading
            assert [text(p) for p in section.find_all("p")] == [" ".join(p.split()) for p in paragraphs(rec[key])]
        else:
            assert section is None, (tid, key)
    videre = body.select_one('section[data-rp-seksjon="videreforing"]')
    assert text(videre.h2) == "Videreføring"
    assert [text(p) for p in videre.find_all("p")] == [
        f"Videreføres tiltaket? {JA_NEI[rec['videreforing']['status']]}.", " ".join(rec["videreforing"]["begrunnelse"].split())]
    samarbeid = body.select_one('section[data-rp-seksjon="samarbeidspartnere"]')
    if rec.get("samarbeidspartnere"):
        assert text(samarbeid.h2) == "Samarbeidspartnere"
    else:
        assert samarbeid is None

    kilde = (f"Kilde: {KILDE[rec['rapporttype']]} fra {rec['kontor']} for {rec['rapportaar']} "
             "om tilskudd til utvikling av sosiale tjenester.")
    if rec["kilde"].get("merknad"):
        kilde += f" Merknad: {rec['kilde']['merknad']}"
    assert field("kilde") == kilde
    # The curator's working data stays in the YAML: no row number, no curator note on the page.
    if rec["kilde"].get("kuratornotat"):
        assert " ".join(rec["kilde"]["kuratornotat"].split()) not in text(page), tid
    assert re.search(r"\brad(?:ene)? \d", text(body)) is None, tid

    similar = body.select('section[data-rp-seksjon="lignende"] li a')
    want = expected_similar(recs, tid, catalogue_order(site))
    assert [a["href"] for a in similar] == [f"t-{other}.html" for other in want], tid
    assert [text(a) for a in similar] == [recs[other]["navn"] for other in want]


def check_catalogue(site: Path, recs: dict[str, dict]) -> None:
    page = soup(site, "tiltak/index.html")
    items = page.select("ol[data-rp-katalog-liste] > li")
    assert sorted(li["data-id"] for li in items) == sorted(recs)
    for li in items:
        assert li.a["href"] == f"t-{li['data-id']}.html"
        assert text(li.a) == " ".join(recs[li["data-id"]]["navn"].split())
    assert text(page.select_one("[data-rp-katalog-status]")) == f"Viser {len(recs)} av {len(recs)} tiltak"
    assert page.select_one("[data-rp-katalog-status]")["role"] == "status"

    values = {
        "fylke": lambda r: r["_fylker_i_dag"], "kontor": lambda r: [r["kontor"]],
        "maalgruppe": lambda r: set(r["maalgrupper"]), "tema": lambda r: set(r["tema"]),
        "paragraf": lambda r: {paragraph(p) for p in r.get("paragrafer", [])},
        "rapporttype": lambda r: [r["rapporttype"]], "rapportaar": lambda r: [str(r["rapportaar"])],
        "viderefort": lambda r: [r["videreforing"]["status"]],
    }
    legends = {"fylke": "Fylke", "kontor": "Kontor", "maalgruppe": "Målgruppe", "tema": "Tema",
               "paragraf": "Paragraf i sosialtjenesteloven", "rapporttype": "Rapporttype", "rapportaar": "Rapportår",
               "viderefort": "Videreført"}
    fieldsets = page.select("fieldset[data-rp-fasett]")
    assert [f["data-rp-fasett"] for f in fieldsets] == list(values)
    for fieldset in fieldsets:
        key = fieldset["data-rp-fasett"]
        assert text(fieldset.legend) == legends[key]
        expected = Counter(v for r in recs.values() for v in values[key](r))
        shown = {box["value"]: int(text(box.parent.select_one("[data-rp-antall]")))
                 for box in fieldset.select('input[type="checkbox"]')}
        assert shown == dict(expected), key
        for box in fieldset.select('input[type="checkbox"]'):
            assert box["name"] == key and box.find_parent("label") is not None


def check_charts(site: Path, recs: dict[str, dict]) -> None:
    page = soup(site, "tiltak/oversikt.html")
    for chart_id, counts in (
        ("rp-diagram-fylke", Counter(f for r in recs.values() for f in r["_fylker_i_dag"])),
        ("rp-diagram-tema", Counter(t for r in recs.values() for t in set(r["tema"]))),
    ):
        section = page.select_one(f'[data-rp-diagram="{chart_id}"]')
        svg = section.find("svg")
        assert svg["role"] == "img"
        assert svg["aria-labelledby"] == f"{chart_id}-tittel {chart_id}-beskrivelse"
        assert svg.find("title")["id"] == f"{chart_id}-tittel"
        bars = {g["data-etikett"]: int(g["data-verdi"]) for g in svg.select("g.rp-stolpe")}
        assert bars == dict(counts)
        assert len(svg.select("g.rp-stolpe rect")) == len(counts)
        for g in svg.select("g.rp-stolpe"):
            assert text(g.select_one(".rp-stolpe__verdi")) == g["data-verdi"]
            assert text(g.select_one(".rp-stolpe__etikett")) == g["data-etikett"]
        widths = {g["data-etikett"]: float(g.rect["width"]) for g in svg.select("g.rp-stolpe")}
        if counts:
            top = max(counts.values())
            assert all(abs(widths[k] - 380 * v / top) < 0.1 for k, v in counts.items())
        rows = {text(tr.th): int(text(tr.td)) for tr in section.select("table tbody tr")}
        assert rows == dict(counts)


# ---------- tests on the fixture site ----------

def test_one_page_per_record(fixture_site):
    project, site = fixture_site
    pages = sorted(p.name for p in (site / "tiltak").glob("t-*.html"))
    assert pages == sorted(f"t-{tid}.html" for tid in records(project))
    assert len(pages) == 3


def test_each_page_shows_its_record(fixture_site):
    project, site = fixture_site
    recs = records(project)
    for tid, rec in recs.items():
        check_tiltak_page(site, tid, rec, recs)


def test_page_details_for_one_fixture(fixture_site):
    _, site = fixture_site
    body = soup(site, "tiltak/t-fiktiv-jobbsmak.html").select_one(".rp-tiltak")
    assert text(body.select_one('[data-rp-felt="kilde"]')) == (
        "Kilde: statusrapporten fra Nav Testby for 2022 om tilskudd til utvikling av sosiale tjenester.")
    assert [(text(dt), text(dt.find_next_sibling("dd"))) for dt in body.select("dl.rp-tiltak__fakta > dt")][-4:] == [
        ("Rapporttype", "Statusrapport"), ("Rapportår", "2022"), ("Oppstart", "januar 2022"), ("Videreført", "Ja")]
    assert [text(s.h2) for s in body.select("section")] == [
        "Beskrivelse", "Hva tiltaket utvikler", "Resultater", "Hvordan måloppnåelse er undersøkt", "Utfordringer",
        "Suksessfaktorer", "Videreføring", "Samarbeidspartnere", "Lignende tiltak"]
    assert [text(a) for a in body.select('section[data-rp-seksjon="lignende"] a')] == [
        "Boligskole for unge", "Fiktiv familieveileder"]
    assert [a["href"] for a in body.select("a.rp-tiltak__rutine")] == [
        "../rutiner/paragraf-17.html", "../rutiner/paragraf-20a.html"]
    other = soup(site, "tiltak/t-fiktiv-boligskolen.html").select_one(".rp-tiltak")
    assert text(other.select_one('[data-rp-felt="navn_rekonstruert"]')) == (
        "Merk: Kontorets rapport gir ikke tiltaket et fullstendig navn. Navnet over beskriver tiltaket og er laget "
        "av redaksjonen.")
    assert text(other.select_one('[data-rp-felt="kilde"]')) == (
        "Kilde: sluttrapporten fra Nav Prøvestad for 2022 om tilskudd til utvikling av sosiale tjenester. "
        "Merknad: Navnet er beskrivende; tiltaket hadde ikke noe fullstendig navn i rapporten.")
    # The generated pages are outside the nav, so the sidebar does not grow with the catalogue.
    nav = soup(site, "tiltak/index.html").select_one("nav.md-nav--primary")
    assert nav.select('a[href*="t-fiktiv"]') == []


def test_catalogue_lists_in_norwegian_alphabetical_order(fixture_site):
    _, site = fixture_site
    assert list(catalogue_order(site)) == ["fiktiv-boligskolen", "fiktiv-familieveileder", "fiktiv-jobbsmak"]


def test_similar_tiltak_of_the_fixtures(fixture_site):
    """Worked out by hand from the fixtures' tema and maalgrupper: Jobbsmak shares «arbeid» and a target
    group with each of the others (two each, so alphabetical); those two share no target group."""
    _, site = fixture_site
    expected = {"fiktiv-boligskolen": ["fiktiv-jobbsmak"], "fiktiv-familieveileder": ["fiktiv-jobbsmak"],
                "fiktiv-jobbsmak": ["fiktiv-boligskolen", "fiktiv-familieveileder"]}
    for tid, want in expected.items():
        links = soup(site, f"tiltak/t-{tid}.html").select('section[data-rp-seksjon="lignende"] li a')
        assert [a["href"] for a in links] == [f"t-{other}.html" for other in want], tid


def test_catalogue_lists_every_record_with_facet_counts(fixture_site):
    project, site = fixture_site
    check_catalogue(site, records(project))
    page = soup(site, "tiltak/index.html")
    item = page.select_one('li[data-id="fiktiv-jobbsmak"]')
    assert item["data-fylke"] == "Innlandet"
    assert item["data-tema"] == "arbeid|økonomisk rådgivning"
    assert item["data-paragraf"] == "17|20 a"
    assert "okonomisk" in item["data-sok"].split() and "privatokonomi" in item["data-sok"].split()
    assert page.select_one("form[data-rp-katalog-filtre]").has_attr("hidden")  # shown by the script


def test_reporting_year_facet_lists_each_year_newest_first_with_counts(fixture_site):
    _, site = fixture_site
    page = soup(site, "tiltak/index.html")
    names = [f["data-rp-fasett"] for f in page.select("fieldset[data-rp-fasett]")]
    assert names[names.index("rapporttype") + 1] == "rapportaar"  # next to the report type, nothing reordered
    fieldset = page.select_one('fieldset[data-rp-fasett="rapportaar"]')
    assert text(fieldset.legend) == "Rapportår"
    assert [(box["value"], label_text(box.find_parent("label"))) for box in fieldset.select('input[type="checkbox"]')] == [
        ("2022", "2022 (2)"), ("2021", "2021 (1)")]
    assert {li["data-id"]: li["data-rapportaar"] for li in page.select("ol[data-rp-katalog-liste] > li")} == {
        "fiktiv-jobbsmak": "2022", "fiktiv-boligskolen": "2022", "fiktiv-familieveileder": "2021"}


def test_curator_note_is_nowhere_in_the_built_site(fixture_site):
    """kilde.kuratornotat is validated but never rendered: not on the page, not in the search index, not anywhere."""
    project, site = fixture_site
    note = records(project)["fiktiv-boligskolen"]["kilde"]["kuratornotat"]
    assert "planted curator note" in note
    built = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".js", ".xml", ".txt")]
    assert any(p.name == "sokeindeks.js" for p in built)  # the search index is scanned too
    assert [p for p in built if "planted curator note" in p.read_text(encoding="utf-8", errors="replace")] == []


def test_overview_charts(fixture_site):
    project, site = fixture_site
    check_charts(site, records(project))
    svg = soup(site, "tiltak/oversikt.html").select_one('[data-rp-diagram="rp-diagram-fylke"] svg')
    assert [(g["data-etikett"], g["data-verdi"]) for g in svg.select("g.rp-stolpe")] == [("Innlandet", "2"), ("Vestland", "1")]


def test_generated_pages_are_in_the_search_index(fixture_site):
    from macros.search_index import load_script

    _, site = fixture_site
    data = load_script((site / "assets" / "js" / "sokeindeks.js").read_text(encoding="utf-8"), "sokeindeks")
    docs = [d for d in data["dokumenter"] if d["u"] == "tiltak/t-fiktiv-familieveileder.html"]
    assert len(docs) == 1 and docs[0]["t"] == "Fiktiv familieveileder" and docs[0]["k"] == "tiltak"
    assert docs[0]["ko"] == "Nav Eksempelvik"
    indexed = " ".join(text for _, _, text in docs[0]["d"])
    assert "samordner tjenestene" in indexed


def test_hand_written_tiltak_page_is_refused(tmp_path):
    project = copy_small_project(tmp_path / "prosjekt")
    (project / "docs" / "tiltak" / "t-fiktiv-jobbsmak.md").write_text("# Skrevet for hånd\n", encoding="utf-8")
    result = build(project, tmp_path / "site", env={"RUTINEPORTALEN_PDF": "0"})
    assert result.returncode == 1
    assert ("docs/tiltak/t-fiktiv-jobbsmak.md finnes som fil, men tiltakssidene lages fra "
            "catalogue/tiltak/fiktiv-jobbsmak.yaml; slett filen") in result.output


def test_normalise_folds_norwegian_letters():
    from macros.catalogue import normalise

    assert normalise("Økonomisk rådgivning – Ærlig talt, Aasgård!") == "okonomisk radgivning aerlig talt asgard"
    assert normalise("okonomi") == "okonomi"


# ---------- the real site, whatever number of records exists now ----------

NORWEGIAN_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"


def test_real_catalogue_is_in_norwegian_alphabetical_order(site):
    """By first letter, from the alphabet written out: Æ, Ø and Å come after Z (names that begin with
    a sign such as # or « are left out here)."""
    names = [text(li.a) for li in soup(site, "tiltak/index.html").select("ol[data-rp-katalog-liste] > li")]
    names = [name for name in names if name[0].upper() in NORWEGIAN_ALPHABET]
    firsts = [NORWEGIAN_ALPHABET.index(name[0].upper()) for name in names]
    assert firsts == sorted(firsts), names
    assert any(name[0].upper() in "ÆØÅ" for name in names)  # the rule is really tried


def test_real_site_catalogue_matches_yaml(site):
    recs = records(ROOT)
    assert sorted(p.name for p in (site / "tiltak").glob("t-*.html")) == sorted(f"t-{tid}.html" for tid in recs)
    check_catalogue(site, recs)
    check_charts(site, recs)
    for tid, rec in recs.items():
        check_tiltak_page(site, tid, rec, recs)
    # Every real tiltak comes from the reports on 2022, so the facet has exactly one option.
    facet = soup(site, "tiltak/index.html").select_one('fieldset[data-rp-fasett="rapportaar"]')
    assert [label_text(label) for label in facet.select("label")] == [f"2022 ({len(recs)})"]
