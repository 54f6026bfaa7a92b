"""The built routine, checklist and form pages: structure, counts, review box, law links, PDFs."""
from __future__ import annotations

import subprocess

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.sitebuild import ROOT, build, copy_small_project

# Items per source appendix of the PROFH report (vedlegg 9-13, 15, 16), counted by hand.
ROUTINES = {
    "kartlegging": ("rutiner/kartlegging.html", 53),
    "samtalenotat": ("rutiner/samtalenotat.html", 20),
    "paragraf-17": ("rutiner/paragraf-17.html", 54),
    "paragraf-20a": ("rutiner/paragraf-20a.html", 33),
    # vedlegg 13: ten bullets and twelve indented under five of them; the closing «OSV …» is a paragraph
    "internkontroll": ("rutiner/internkontroll.html", 22),
}
STIKKPROVER = {"stikkprove-17": ("skjema/stikkprove-17.html", 12), "stikkprove-20a": ("skjema/stikkprove-20a.html", 16)}


def source(folder: str, doc_id: str) -> dict:
    return yaml.safe_load((ROOT / folder / f"{doc_id}.yaml").read_text(encoding="utf-8"))


def heading(el) -> str:
    """A heading's text as a reader sees it, without the permalink."""
    return " ".join(s.strip() for s in el.find_all(string=True) if s.parent.get("class") != ["headerlink"] and s.strip())


def flat(data: dict) -> list[dict]:
    """Every item of a document in page order, sub-items right after their item."""
    return [q for s in data["seksjoner"] for p in s.get("punkter", []) for q in (p, *p.get("underpunkter", []))]


@pytest.mark.parametrize("doc_id", ROUTINES)
def test_routine_page_has_every_section_and_item_of_its_appendix(page, doc_id):
    rel, count = ROUTINES[doc_id]
    soup = page(rel)
    doc = soup.select_one(f'[data-rp-dokument="{doc_id}"]')
    data = source("routines", doc_id)
    sections = doc.select("section.rp-seksjon")
    assert [heading(s.find(["h2", "h3", "h4"])) for s in sections] == [
        (f"{s['nummer']}. " if "nummer" in s else "") + s["tittel"] for s in data["seksjoner"]]
    assert [s.find(["h2", "h3", "h4"]).name for s in sections] == [f"h{s.get('nivaa', 2)}" for s in data["seksjoner"]]
    items = doc.select("li.rp-punkt")
    assert len(items) == count
    assert [li["data-rp-punkt"] for li in items] == [p["id"] for p in flat(data)]
    assert [li.select_one(".rp-punkt__tekst").get_text() for li in items] == [p["tekst"] for p in flat(data)]
    for li, p in zip(items, flat(data)):  # sub-items sit in a list inside their own item, nowhere else
        nested = li.select(":scope > ul.rp-punkter--under > li.rp-punkt")
        assert [n["data-rp-punkt"] for n in nested] == [u["id"] for u in p.get("underpunkter", [])]


def test_samtalenotat_is_numbered_1_to_14_as_in_vedlegg_10(page):
    doc = page("rutiner/samtalenotat.html").select_one('[data-rp-dokument="samtalenotat"]')
    first = doc.select("section.rp-seksjon")[0]
    assert heading(first.h2) == "Samtalenotat – PROFH"
    assert [li.label.get_text() for li in first.select("ol.rp-punkter > li.rp-punkt")] == [
        "Bosituasjon:", "Familie og nettverk:", "Sosiale forhold:", "Fritid og nettverk:", "Arbeid:", "Utdanning:",
        "Økonomi og rettigheter:", "Helse:", "Hjelpebehov:", "Råd og veiledning, økonomisk rådgivning:",
        "Brukermedvirkning:", "Motivasjon og endring:", "Vilkår og sanksjon:"]
    punkt14 = doc.find("h3", id="videre-oppfolging")
    assert heading(punkt14) == "14. Videre oppfølging, mål og delmål"
    assert punkt14.select_one("span.rp-nr").get_text() == "14."
    steps = [(heading(s.h4), s.select_one("p.rp-seksjon__eksempel").get_text(), [li.label.get_text() for li in s.select("li.rp-punkt")])
             for s in doc.select("section.rp-seksjon--niva4")]
    assert steps == [
        ("a. Dagens situasjon – hvordan er det nå?", "Eksempel: Står uten sted å bo / Arbeidsledig", ["Nåværende situasjon:"]),
        ("b. Mål – hvordan vil du ha det?", "(Eksempel: Skaffe bolig / komme ut i jobb)", ["Mål og eventuelle delmål:"]),
        ("c. Metode – tiltak for å nå målet?", "(Eksempel: Søke om kommunal bolig. Søke om stønad til etablering fra NAV / "
         "Delta på arbeidssentralen samtidig med jobbsøk)", ["Tiltak:", "Ansvarlig:", "Frist:"]),
        ("d. Evaluering og veien videre – er målet nådd?", "(Eksempel: Har metoden fungert? Er du etablering egen bolig? / "
         "Er du nærmere ditt mål om arbeid? Skal du fortsette å delta på arbeidssentralen? Er det andre tiltak som kan "
         "føre deg nærmere arbeid?)", ["Evaluering:", "Nytt mål (eventuelt):"]),
    ]
    assert doc.find(string="Notat") is None  # no heading the source does not have


def test_internkontroll_has_the_two_levels_and_the_closing_paragraph_of_vedlegg_13(page):
    doc = page("rutiner/internkontroll.html").select_one('[data-rp-dokument="internkontroll"]')
    sections = doc.select("section.rp-seksjon")
    assert len(sections) == 1 and heading(sections[0].h2) == "«Planlegg – Utfør – Kontroller – Korriger»"
    top = sections[0].select(":scope > ul.rp-punkter > li.rp-punkt")
    assert [len(li.select(":scope > ul.rp-punkter--under > li")) for li in top] == [5, 1, 2, 2, 0, 2, 0, 0, 0, 0]
    assert [li.select_one(".rp-punkt__tekst").get_text()[:24] for li in top] == [
        "Gjennomfør aktivitetene ", "Sørg for tilstrekkelig o", "Det må til enhver tid væ", "Sikre tilgang til aktuel",
        "Evaluer internkontrollen", "Tiltak for å få læringsu", "Opprette «arbeidsgrupper", "Trekke frem medarbeidere",
        "Bruke funn fra internkon", "Ha funn fra internkontro"]
    assert sections[0].select_one(":scope > div.rp-seksjon__avslutning").get_text(strip=True) == \
        "OSV – her er det åpent for flere gode forslag."
    assert doc.select_one(".rp-formaal") is None  # the motto is the heading above the bullets, as in the source
    # a sub-item is inside its item, under the item's own checkbox row
    first = top[0]
    assert first.select_one(":scope > .rp-punkt__rad > input.rp-sjekk")["data-rp-sjekk"] == "aktiviteter-aarshjulet"
    assert doc.select_one(".rp-fremdrift").get_text() == "0 av 6 punkter er krysset av"


def test_statements_tied_to_2019_are_marked_as_history(page):
    doc = page("rutiner/internkontroll.html").select_one('[data-rp-dokument="internkontroll"]')
    notes = {n.find_parent("li")["data-rp-punkt"]: n.get_text() for n in doc.select(".rp-punkt__historikk")}
    assert set(notes) == {"aktiviteter-aarshjulet", "stikkproveskjema-teams", "prosjektmedarbeider", "rutiner-teams"}
    assert all(text.startswith("I PROFH (2019) ") for text in notes.values())
    # the item that says «For 2019 …» points to where an office sets its own goals
    link = doc.select_one("#aktiviteter-aarshjulet .rp-punkt__lenke a")
    assert link["href"] == "../arshjul.html#maal" and link.get_text() == "Mål i årshjulet"


def test_paragraf_20a_goals_are_fill_in_questions(page):
    doc = page("rutiner/paragraf-20a.html").select_one('[data-rp-dokument="paragraf-20a"]')
    maal = doc.select("section#maal-og-delmaal li.rp-punkt, section[aria-labelledby='maal-og-delmaal'] li.rp-punkt")
    assert [(li["data-rp-punkt"], li["class"][1]) for li in maal] == [
        ("maal-arbeid", "rp-punkt--sporsmal"), ("maal-bolig", "rp-punkt--sporsmal"),
        ("maal-inntektssikring", "rp-punkt--sporsmal"), ("fylle-ut-samtalenotat", "rp-punkt--sjekk")]
    area = maal[0].select_one("textarea.rp-utfylling")
    assert maal[0].select_one(f'label[for="{area["id"]}"]').get_text() == "Er målet arbeid – fulltid/deltid?"


@pytest.mark.parametrize("doc_id", ROUTINES)
def test_items_are_visibly_fill_in_check_or_guidance(page, doc_id):
    doc = page(ROUTINES[doc_id][0]).select_one(f'[data-rp-dokument="{doc_id}"]')
    for li in doc.select("li.rp-punkt--sporsmal"):
        area = li.select_one("textarea.rp-utfylling")
        assert area is not None and li.select_one(f'label[for="{area["id"]}"]') is not None
        assert int(area["rows"]) >= 1
    for li in doc.select("li.rp-punkt--sjekk"):
        box = li.select_one('input[type="checkbox"].rp-sjekk')
        assert box is not None and li.select_one(f'label[for="{box["id"]}"]') is not None
        assert box["data-rp-sjekk"] == li["data-rp-punkt"]
    for li in doc.select("li.rp-punkt--veiledning"):
        assert li.select_one("input, textarea") is None


@pytest.mark.parametrize("doc_id", [*ROUTINES, *STIKKPROVER])
def test_review_box_shows_owner_version_dates_and_overdue_status(page, doc_id):
    rel = {**ROUTINES, **STIKKPROVER}[doc_id][0]
    folder = "routines" if doc_id in ROUTINES else "checklists"
    data = source(folder, doc_id)
    box = page(rel).select_one("aside.rp-revisjon")
    values = {div.dt.get_text(strip=True): div.dd for div in box.select("dl > div")}
    assert values["Eier"].get_text(strip=True) == data["eier"]
    assert values["Versjon"].get_text(strip=True) == data["versjon"]
    assert values["Sist revidert"].time["datetime"] == data["sist_revidert"]
    assert values["Neste revisjon"].time["datetime"] == data["neste_revisjon"]
    # the build's "today" is fixed at 2026-11-23; the PROFH material was last revised in 2019
    assert values["Status"].get_text(strip=True) == "Revisjon forfalt"
    assert "rp-revisjon--forfalt" in box["class"]
    assert box.select_one(".rp-revisjon__varsel").get_text(strip=True).startswith("Revisjonen er forfalt.")


def test_law_references_link_to_the_paragraph_on_lovdata(page):
    links = page("rutiner/paragraf-17.html").select("p.rp-hjemmel a.rp-lov")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("sosialtjenesteloven § 17", "https://lovdata.no/dokument/NL/lov/2009-12-18-131/§17"),
        ("forvaltningsloven § 11 a", "https://lovdata.no/dokument/NL/lov/1967-02-10/§11a"),
    ]
    assert page("rutiner/paragraf-20a.html").select_one("a.rp-lov")["href"].endswith("/§20a")


@pytest.mark.parametrize("doc_id", STIKKPROVER)
def test_stikkprove_form_has_header_fields_columns_and_every_point(page, doc_id):
    rel, count = STIKKPROVER[doc_id]
    data = source("checklists", doc_id)
    form = page(rel).select_one("section.rp-skjema")
    labels = [el.get_text(strip=True).rstrip(":") for el in form.select(".rp-felt > label:not(.rp-valg), .rp-felt > legend")]
    assert labels == [f["etikett"] for f in data["felter"]]
    # every header field is a text field with the source's own label, as on paper (vedlegg 15/16)
    fields = form.select(".rp-felter .rp-felt")
    assert [f.select_one("input")["type"] for f in fields] == ["text"] * len(data["felter"])
    assert form.select(".rp-felter input[type=radio], .rp-felter fieldset") == []
    table = form.select_one("table.rp-stikkprove")
    assert [th.get_text(strip=True) for th in table.select("thead th")][1:] == [k["tittel"] for k in data["kolonner"]]
    rows = table.select("tbody tr")
    assert len(rows) == count
    assert [r.th.get_text(" ", strip=True) for r in rows] == [f"{i}. {p['tekst']}" for i, p in enumerate(data["seksjoner"][0]["punkter"], 1)]
    for row in rows:
        assert [i["value"] for i in row.select('input[type="radio"]')] == ["ja", "nei"]
    summary = page(rel).select("[data-rp-oppsummering] tbody tr")
    assert len(summary) == count


def test_header_fields_match_the_issue_for_both_forms(page):
    expected = ["Saksnummer", "Dato", "Internkontrollen er gjennomført av"]
    for rel, _ in STIKKPROVER.values():
        labels = [el.get_text(strip=True).rstrip(":") for el in page(rel).select(".rp-felt > label:not(.rp-valg), .rp-felt > legend")]
        assert all(label in labels for label in expected)
        assert any(label.lower().startswith("bruker/") for label in labels)
        assert any(label.lower().startswith("ny bruker") for label in labels)
        assert any(label.lower().startswith("ny sak") for label in labels)


# The title, then vedlegg 10 from its heading to item 14, as transcribed by hand from the source (OCR
# repaired as the kilde says: letters a-d, spaces at slashes); the examples keep exactly the source's brackets.
SAMTALENOTAT_TEKST = """Mal for samtalenotat

Samtalenotat – PROFH
1. Bosituasjon:
2. Familie og nettverk:
3. Sosiale forhold:
4. Fritid og nettverk:
5. Arbeid:
6. Utdanning:
7. Økonomi og rettigheter:
8. Helse:
9. Hjelpebehov:
10. Råd og veiledning, økonomisk rådgivning:
11. Brukermedvirkning:
12. Motivasjon og endring:
13. Vilkår og sanksjon:

14. Videre oppfølging, mål og delmål

a. Dagens situasjon – hvordan er det nå?
Eksempel: Står uten sted å bo / Arbeidsledig
Nåværende situasjon:

b. Mål – hvordan vil du ha det?
(Eksempel: Skaffe bolig / komme ut i jobb)
Mål og eventuelle delmål:

c. Metode – tiltak for å nå målet?
(Eksempel: Søke om kommunal bolig. Søke om stønad til etablering fra NAV / Delta på arbeidssentralen samtidig med jobbsøk)
Tiltak:
Ansvarlig:
Frist:

d. Evaluering og veien videre – er målet nådd?
(Eksempel: Har metoden fungert? Er du etablering egen bolig? / Er du nærmere ditt mål om arbeid? Skal du fortsette å delta på arbeidssentralen? Er det andre tiltak som kan føre deg nærmere arbeid?)
Evaluering:
Nytt mål (eventuelt):"""


def test_copy_template_text_is_the_source_template(page):
    pre = page("rutiner/samtalenotat.html").select_one("pre[data-rp-mal-tekst]")
    assert pre.get_text().strip("\n") == SAMTALENOTAT_TEKST
    assert "((" not in pre.get_text() and "))" not in pre.get_text()
    assert page("rutiner/paragraf-17.html").select_one("pre[data-rp-mal-tekst]") is None


PDF_DOCS = {**{k: v[0] for k, v in ROUTINES.items()}, **{k: v[0] for k, v in STIKKPROVER.items()}}


@pytest.mark.parametrize("doc_id", PDF_DOCS)
def test_every_form_has_an_a4_pdf_with_its_title_on_every_page(site, page, doc_id, tmp_path):
    pdf = site / "pdf" / f"{doc_id}.pdf"
    link = page(PDF_DOCS[doc_id]).select_one(".rp-pdf a")
    assert link["href"] == f"../pdf/{doc_id}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert "A4" in next(line for line in info.splitlines() if line.startswith("Page size:"))
    assert 1 <= pages <= 12
    folder = "routines" if doc_id in ROUTINES else "checklists"
    title = source(folder, doc_id)["tittel"]
    for n in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert title in " ".join(text.split()), f"side {n} mangler tittelen"
        assert f"Side {n} av {pages}" in text
        assert "Utskrift kan være utdatert" in text
    assert "Skriv ut" not in text and "Nullstill" not in text  # no buttons on paper
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png")).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert abs(height / width - 297 / 210) < 0.01  # portrait A4


def test_every_pdf_is_tagged_in_norwegian_with_title_and_outline(site):
    """Screen readers get a structure tree, the document language and a title (Playwright's
    tagged=True and outline=True; /Lang comes from <html lang="nb">)."""
    import re
    import subprocess

    pdfs = sorted((site / "pdf").glob("*.pdf"))
    assert len(pdfs) == 14
    for pdf in pdfs:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
        assert fields["Tagged"].strip() == "yes", pdf.name
        assert fields["Title"].strip().endswith(" - Rutineportalen") and len(fields["Title"].strip()) > 20, pdf.name
        raw = pdf.read_bytes()
        assert re.search(rb"/Lang\s*\(nb\)", raw), pdf.name
        assert b"/StructTreeRoot" in raw and b"/Outlines" in raw, pdf.name
        structure = subprocess.run(["pdfinfo", "-struct", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "H1" in structure.split() or "H1 (block)" in structure, pdf.name
        # Links go to registered external hosts only: none to the loopback server the pages were
        # printed from, none to a local file.
        urls = [line.split()[-1] for line in subprocess.run(["pdfinfo", "-url", str(pdf)], capture_output=True,
                                                               text=True, check=True).stdout.splitlines()[1:]]
        assert all(u.startswith("https://lovdata.no/") for u in urls), (pdf.name, urls)


FORSLAG = "Forslag fra Rutineportalen"


def test_our_own_proposals_are_marked_and_the_sources_are_not(page):
    ny = page("ny-veileder.html").select_one('[data-rp-dokument="ny-veileder"]')
    assert [m.get_text() for m in ny.select(".rp-forslag")] == [FORSLAG]
    assert ny.select_one(":scope > p.rp-dokument__forslag .rp-forslag") is not None
    for rel in [v[0] for v in ROUTINES.values()] + [v[0] for v in STIKKPROVER.values()]:
        assert page(rel).select(".rp-forslag") == [], rel  # transcribed from the source: nothing of ours to mark


def test_forslag_on_a_section_and_an_item_is_shown_in_words(tmp_path):
    project = copy_small_project(tmp_path / "p")
    path = project / "routines" / "kartlegging.yaml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    section, item = data["seksjoner"][0], data["seksjoner"][0]["punkter"][0]
    old_section = f"  - id: {section['id']}\n"
    old_item = f"{{id: {item['id']}, "
    assert text.count(old_section) == 1 and text.count(old_item) == 1
    text = text.replace(old_section, old_section + "    forslag: true\n").replace(old_item, old_item + "forslag: true, ")
    path.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site, env={"RUTINEPORTALEN_PDF": "0"})
    assert result.returncode == 0, result.output
    doc = BeautifulSoup((site / "rutiner" / "kartlegging.html").read_text(encoding="utf-8"), "html.parser")
    sec = doc.select_one(f'section[aria-labelledby="{section["id"]}"]')
    assert "rp-seksjon--forslag" in sec["class"]
    assert sec.select_one(":scope > p.rp-seksjon__forslag").get_text(strip=True) == FORSLAG
    li = doc.find("li", id=item["id"])
    assert [m.get_text() for m in li.select(".rp-forslag")] == [FORSLAG]
    assert len(doc.select(".rp-forslag")) == 2
