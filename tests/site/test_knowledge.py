"""The knowledge layer in the built site: front page, Kilder boxes, glossary and abbreviations,
the onboarding path with its links, and the Rutineperm (HTML and PDF)."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.browser_support import assert_our_focus_ring
from tests.sitebuild import ROOT, build, copy_project, copy_small_project

KNOWLEDGE_PAGES = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs" / "kunnskap").glob("*.md"))


def front_matter(rel: str) -> dict:
    text = (ROOT / "docs" / rel).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


def kilder() -> dict[str, dict]:
    return {k["id"]: k for k in yaml.safe_load((ROOT / "data" / "kilder.yaml").read_text(encoding="utf-8"))["kilder"]}


def begreper() -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "ordliste.yaml").read_text(encoding="utf-8"))["begreper"]


def html_name(rel: str) -> str:
    return rel[:-3] + ".html"


def text(el) -> str:
    return " ".join(el.get_text(" ").replace("¶", "").split())


# Every internal link and anchor on the site: tests/browser/test_quality_gates.py (link_problems).


# --- front page and routine index -------------------------------------------------------------

FRONT_TASKS = {
    "Jeg skal ha en kartleggingssamtale": ["rutiner/kartlegging.html", "rutiner/samtalenotat.html", "sjekklister/brukermedvirkning.html"],
    "Jeg skal vurdere eller fatte vedtak etter § 17": ["rutiner/paragraf-17.html", "sjekklister/avdekke-behov-17.html",
                                                        "sjekklister/vedtak-17.html", "kunnskap/paragraf-17.html"],
    "Jeg skal sette vilkår etter § 20 a": ["rutiner/paragraf-20a.html", "kunnskap/paragraf-20a.html"],
    "Jeg skal gjennomføre internkontroll": ["internkontroll/index.html", "skjema/stikkprove-17.html",
                                            "skjema/stikkprove-20a.html", "arshjul.html"],
    "Jeg er ny veileder": ["ny-veileder.html"],
    "Jeg vil se hva andre kontor har gjort": ["tiltak/index.html"],
}


def test_front_page_has_one_card_per_task_with_its_links(page):
    soup = page("index.html")
    cards = soup.select(".grid.cards > ul > li")
    assert [text(li.find("h3")) for li in cards] == list(FRONT_TASKS)
    for li, (task, links) in zip(cards, FRONT_TASKS.items()):
        assert li.find("p") is not None and text(li.find("p")), task  # the one-line lead text
        assert [a["href"] for a in li.find("ul").select("a")] == links, task
    om = soup.find("h2", id="om-rutineportalen")
    assert om is not None
    assert om.find_next("p").select_one('a[href="kunnskap/om-profh.html"]') is not None


def test_routine_index_lists_the_five_routines_with_when_to_use_them(page):
    rows = page("rutiner/index.html").select("table tbody tr")
    assert [r.select_one("a")["href"] for r in rows] == [
        "kartlegging.html", "samtalenotat.html", "paragraf-17.html", "paragraf-20a.html", "internkontroll.html"]
    assert all(len(text(r.find_all("td")[1])) > 30 for r in rows)


# --- Kilder box ------------------------------------------------------------------------------

@pytest.mark.parametrize("rel", KNOWLEDGE_PAGES)
def test_each_knowledge_page_shows_its_sources(page, rel):
    ids = front_matter(rel)["kilder"]
    box = page(html_name(rel)).select_one("aside.rp-kilder")
    assert box is not None
    assert text(box.find("h2")) == "Kilder"
    register = kilder()
    assert [li["data-rp-kilde"] for li in box.select("li.rp-kilde")] == ids
    assert [text(c) for c in box.select("cite.rp-kilde__tittel")] == [register[i]["tittel"] for i in ids]
    assert [text(c) for c in box.select(".rp-kilde__utgiver")] == [register[i]["utgiver"] for i in ids]


def test_pages_without_sources_have_no_kilder_box(page):
    assert page("rutiner/kartlegging.html").select_one("aside.rp-kilder") is None


# --- glossary --------------------------------------------------------------------------------

def test_glossary_lists_every_term_alphabetically_under_letter_headings(page):
    soup = page("ordliste.html")
    terms = [begrep["term"] for begrep in begreper()]
    shown = [text(dt).replace(" (forkortelse)", "") for dt in soup.select("dt.rp-begrep__term")]
    assert sorted(shown) == sorted(terms)
    order = "abcdefghijklmnopqrstuvwxyzæøå"
    firsts = [order.index(t[0].lower()) for t in shown]
    assert firsts == sorted(firsts)
    letters = [text(h) for h in soup.select("section.rp-ordliste__gruppe > h2")]
    assert letters == sorted(set(letters), key=lambda c: order.index(c.lower()))
    assert "Æ" not in letters and "Ø" in letters and "Å" in letters
    index = [a["href"] for a in soup.select("nav.rp-ordliste__bokstaver a")]
    assert index == [f"#{h['id']}" for h in soup.select("section.rp-ordliste__gruppe > h2")]
    aap = soup.select_one("#begrep-aap")
    assert text(aap.select_one(".rp-begrep__betydning")) == "Arbeidsavklaringspenger."


ABBREVIATIONS = {
    "rutiner/kartlegging.html": ["AAP", "KVP", "SFO", "NAV"],
    "rutiner/paragraf-17.html": ["BUP"],
    "index.html": ["PROFH"],
}


@pytest.mark.parametrize("rel", ABBREVIATIONS)
def test_abbreviations_are_explained_where_they_are_used(page, rel):
    by_term = {b["term"].rstrip("."): b for b in begreper() if b["type"] == "forkortelse"}
    abbrs = page(rel).select("article abbr[title]")
    found = {a.get_text(): a["title"] for a in abbrs}
    for term in ABBREVIATIONS[rel]:
        assert found[term] == f"{by_term[term]['betydning']} – {by_term[term]['forklaring']}"
    # only abbreviations: plain terms such as "Nav" and "vilkår" are never marked
    assert set(found) <= set(by_term)


def test_abbreviation_in_a_checklist_item_keeps_the_item_text(page):
    li = page("rutiner/kartlegging.html").select_one("li#kvp")
    assert li.select_one(".rp-punkt__tekst abbr").get_text() == "KVP"
    assert li.select_one(".rp-punkt__tekst").get_text() == "Rettighet for deltakelse i KVP?"


@pytest.mark.browser
def test_abbreviation_explanation_shows_on_keyboard_focus(context, base_url):
    tab = context.new_page()
    tab.goto(base_url + "rutiner/paragraf-17.html")
    abbr = tab.locator("li#hjelpebehov-familien abbr", has_text="BUP")
    abbr.wait_for()
    assert abbr.get_attribute("tabindex") == "0"
    abbr.focus()
    assert_our_focus_ring(tab, "forkortelsen")
    tooltip = tab.locator(".md-tooltip2--active, .md-tooltip--active").first
    tooltip.wait_for(state="visible", timeout=3000)
    assert "Barne- og ungdomspsykiatrisk poliklinikk" in tooltip.inner_text()


# --- onboarding path -------------------------------------------------------------------------

def test_onboarding_path_is_a_checklist_with_a_link_per_step(page):
    soup = page("ny-veileder.html")
    doc = soup.select_one('[data-rp-dokument="ny-veileder"]')
    data = yaml.safe_load((ROOT / "checklists" / "ny-veileder.yaml").read_text(encoding="utf-8"))
    items = [p for s in data["seksjoner"] for p in s["punkter"]]
    assert [li["data-rp-punkt"] for li in doc.select("li.rp-punkt")] == [p["id"] for p in items]
    assert len(doc.select("input.rp-sjekk")) == sum(p["type"] == "sjekk" for p in items)
    for p in items:
        link = doc.select_one(f'li#{p["id"]} .rp-punkt__lenke a')
        if "lenke" in p:
            assert link["href"] == p["lenke"][:-3] + ".html"
            assert text(link) == p["lenketekst"]
        else:
            assert link is None
    assert "vårt eget" in text(doc.select_one(".rp-revisjon__kilde"))


# --- Rutineperm ------------------------------------------------------------------------------

def documents() -> list[tuple[str, str]]:
    out = []
    for folder in ("routines", "checklists"):
        for path in sorted((ROOT / folder).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if data["id"] != "ny-veileder":
                out.append((data["id"], data["tittel"]))
    return out


def test_rutineperm_html_holds_every_routine_checklist_and_form(page):
    soup = page("skjema/rutineperm.html")
    toc = [a["href"] for a in soup.select("nav.rp-perm__innhold a")]
    docs = documents()
    assert sorted(toc) == sorted(f"#dok-{doc_id}" for doc_id, _ in docs)
    for doc_id, title in docs:
        assert text(soup.find("h2", id=f"dok-{doc_id}")) == title
        assert soup.select_one(f'[data-rp-dokument="{doc_id}"]') is not None
    assert [h["id"] for h in soup.select("h2.rp-perm__dokumenttittel")] == [h[1:] for h in toc]
    assert soup.select_one('a[href="../pdf/rutineperm.pdf"]') is not None


def pdf_page_texts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = out.split("\f")
    return [" ".join(p.split()) for p in pages if p.strip()]


def test_rutineperm_pdf_has_every_title_with_true_page_numbers(site, page):
    pdf = site / "pdf" / "rutineperm.pdf"
    pages = pdf_page_texts(pdf)
    docs = documents()
    assert len(docs) < len(pages) < 120  # every document starts on a new page
    assert f"Side 1 av {len(pages)}" in pages[0]
    toc_text = pages[0]
    soup = page("skjema/rutineperm.html")
    titles = dict(docs)
    previous = 0
    for doc_id in [h["id"][4:] for h in soup.select("h2.rp-perm__dokumenttittel")]:
        title = titles[doc_id]
        m = re.search(re.escape(title) + r" (\d+)", toc_text)
        assert m, f"{title} mangler sidetall i innholdsfortegnelsen"
        number = int(m.group(1))
        assert number > previous
        body = pages[number - 1].replace("Rutineperm", "", 2)
        body = re.sub(r"Skrevet ut \d+\. \w+ \d{4}", "", body).strip()
        assert body.startswith(title), f"{title}: side {number} begynner med {body[:60]!r}"
        previous = number
    assert previous > 1


# --- negative builds -------------------------------------------------------------------------

def test_unknown_source_id_fails_the_build_naming_the_page(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "kunnskap" / "paragraf-20a.md"
    page.write_text(page.read_text(encoding="utf-8").replace("  - profh-evaluering-2019\n", "  - finnes-ikke\n", 1), encoding="utf-8")
    result = build(project, tmp_path / "site", env={"RUTINEPORTALEN_PDF": "0"})
    assert result.returncode != 0
    assert ("docs/kunnskap/paragraf-20a.md: 'kilder' viser til 'finnes-ikke', som ikke finnes i data/kilder.yaml; "
            "kjente kilder er: profh-evaluering-2019, profh-presentasjon, statsforvalteren-tilgjengelighet-overforing") in result.output


def test_broken_lenke_fails_the_strict_build(tmp_path):
    project = copy_small_project(tmp_path / "p")
    path = project / "checklists" / "ny-veileder.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('lenke: "kunnskap/om-profh.md"', 'lenke: "kunnskap/finnes-ikke.md"'),
                    encoding="utf-8")
    result = build(project, tmp_path / "site", env={"RUTINEPORTALEN_PDF": "0"})
    assert result.returncode != 0
    assert "Doc file 'ny-veileder.md' contains a link 'kunnskap/finnes-ikke.md', but the target is not found among documentation files." in result.output


def test_glossary_and_source_register_errors_name_file_and_line(tmp_path):
    from macros.errors import ContentErrors
    from macros.knowledge import load_knowledge

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "kilder.yaml").write_text(
        'kilder:\n  - id: "a"\n    tittel: "T"\n    utgiver: "U"\n    aar: "2019"\n'
        '  - id: "a"\n    tittel: "T2"\n    utgiver: "U"\n    aar: "2019"\n', encoding="utf-8")
    (tmp_path / "data" / "ordliste.yaml").write_text(
        'begreper:\n  - term: "AAP"\n    type: "forkortelse"\n    forklaring: "Ytelse."\n'
        '  - term: "vilkår"\n    type: "begrep"\n    betydning: "X"\n    forklaring: "Krav."\n', encoding="utf-8")
    with pytest.raises(ContentErrors) as exc:
        load_knowledge(tmp_path)
    assert [str(e) for e in exc.value.errors] == [
        "data/kilder.yaml:6: id 'a' er allerede brukt; hver kilde trenger sin egen id",
        "data/ordliste.yaml:3: forkortelsen 'AAP' mangler 'betydning' (hva forkortelsen står for)",
        "data/ordliste.yaml:7: 'betydning' gjelder bare type 'forkortelse'; 'vilkår' har type 'begrep'",
    ]
