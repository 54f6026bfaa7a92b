"""The built routine, checklist and form pages: structure, counts, review box, law links, PDFs."""
from __future__ import annotations

import subprocess

import pytest
import yaml

from tests.sitebuild import ROOT

# Items per source appendix of the PROFH report (vedlegg 9-13, 15, 16), counted by hand.
ROUTINES = {
    "kartlegging": ("rutiner/kartlegging.html", 53),
    "samtalenotat": ("rutiner/samtalenotat.html", 20),
    "paragraf-17": ("rutiner/paragraf-17.html", 54),
    "paragraf-20a": ("rutiner/paragraf-20a.html", 33),
    "internkontroll": ("rutiner/internkontroll.html", 23),
}
STIKKPROVER = {"stikkprove-17": ("skjema/stikkprove-17.html", 12), "stikkprove-20a": ("skjema/stikkprove-20a.html", 16)}


def source(folder: str, doc_id: str) -> dict:
    return yaml.safe_load((ROOT / folder / f"{doc_id}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("doc_id", ROUTINES)
def test_routine_page_has_every_section_and_item_of_its_appendix(page, doc_id):
    rel, count = ROUTINES[doc_id]
    soup = page(rel)
    doc = soup.select_one(f'[data-rp-dokument="{doc_id}"]')
    data = source("routines", doc_id)
    sections = doc.select("section.rp-seksjon")
    assert [s.find(["h2", "h3"]).get_text(strip=True).rstrip("¶") for s in sections] == [s["tittel"] for s in data["seksjoner"]]
    items = doc.select("li.rp-punkt")
    assert len(items) == count
    assert [li["data-rp-punkt"] for li in items] == [p["id"] for s in data["seksjoner"] for p in s.get("punkter", [])]
    assert [li.select_one(".rp-punkt__tekst").get_text() for li in items] == [
        p["tekst"] for s in data["seksjoner"] for p in s.get("punkter", [])]


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


def test_copy_template_text_holds_every_heading_and_question(page):
    pre = page("rutiner/samtalenotat.html").select_one("pre[data-rp-mal-tekst]")
    text = pre.get_text()
    data = source("routines", "samtalenotat")
    assert text.startswith(data["tittel"] + "\n")
    for s in data["seksjoner"]:
        assert f"\n{s['tittel']}\n" in text
        for p in s.get("punkter", []):
            assert p["tekst"] in text
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
