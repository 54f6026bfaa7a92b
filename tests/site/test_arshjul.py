"""Årshjul, calendar export, internkontroll avvik table and the review discipline (rutinestatus)."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from macros.arshjul import status_rows
from macros.content import load_content
from macros.errors import ContentErrors
from macros.review import review_status
from tests.sitebuild import FIXED_TODAY, ROOT, build, build_office, copy_project, copy_small_project

TODAY = dt.date.fromisoformat(FIXED_TODAY)  # the date every test build runs at (2026-11-23)
STRICT = "RUTINEPORTALEN_STRENG_REVISJON"


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT)


@pytest.fixture(scope="module")
def built(site_without_pdf):
    """The real site, built like `mkdocs build --strict` (no PDFs), keeping the build's output
    (the session's shared build, tests/conftest.py)."""
    return site_without_pdf


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


# ---------------------------------------------------------------- calendar

def test_ics_parses_with_a_yearly_event_per_activity_and_month_and_the_review_events(built, content):
    raw = (built.site / "arshjul.ics").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines must be folded at 75 octets"
    cal = Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == "-//Rutineportalen//Arshjul for internkontroll//NB"
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}

    aktiviteter = content.arshjul.hjul.aktiviteter
    expected_yearly = {f"arshjul-{a.id}-{m:02d}@rutineportalen": (a, m) for a in aktiviteter for m in a.maaneder}
    expected_review = {f"revisjon-{d.id}@rutineportalen": d for d in content.documents()}
    assert set(events) == set(expected_yearly) | set(expected_review)
    assert len(events) == len(cal.walk("VEVENT")), "UIDs must be unique"

    for uid, (aktivitet, month) in expected_yearly.items():
        ev = events[uid]
        assert str(ev["SUMMARY"]) == aktivitet.tittel
        assert ev["RRULE"]["FREQ"] == ["YEARLY"]
        start, end = ev["DTSTART"].dt, ev["DTEND"].dt
        assert type(start) is dt.date and start == dt.date(TODAY.year, month, 1)  # all-day, not a datetime
        assert end == start + dt.timedelta(days=1)
        assert ev["DTSTAMP"].dt == dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc)
    for uid, doc in expected_review.items():
        ev = events[uid]
        assert str(ev["SUMMARY"]) == f"Revisjon: {doc.tittel}"
        assert type(ev["DTSTART"].dt) is dt.date and ev["DTSTART"].dt == doc.neste_revisjon
        assert "RRULE" not in ev

    juni = events["arshjul-stikkprove-1-06@rutineportalen"]
    assert str(juni["SUMMARY"]) == "Stikkprøvekontroll 1"
    assert b"RRULE:FREQ=YEARLY\r\n" in raw and b"DTSTART;VALUE=DATE:20260601\r\n" in raw
    assert "minst to saker per\nveileder" not in str(juni["DESCRIPTION"])  # one paragraph, no Markdown breaks
    assert "Kontaktperson for internkontroll" in str(juni["DESCRIPTION"])
    # our proposals are marked in the calendar as on the page
    assert str(juni["DESCRIPTION"]).startswith("I løpet av juni. Ansvarlig (forslag fra Rutineportalen): "
                                                "Kontaktperson for internkontroll. ")
    refleksjon = events["arshjul-refleksjonsnotat-01@rutineportalen"]
    assert str(refleksjon["DESCRIPTION"]).startswith("Forslag fra Rutineportalen: I løpet av januar. ")


def test_the_arshjul_page_links_the_calendar_file(built):
    page = soup(built.site, "arshjul.html")
    link = page.find("a", attrs={"data-rp-kalender": True})
    assert link.get_text(strip=True) == "Legg i kalenderen (.ics)"
    assert link["href"] == "arshjul.ics" and (built.site / link["href"]).is_file()


# ---------------------------------------------------------------- the wheel

def test_the_wheel_is_an_accessible_image_with_one_element_per_activity(built, content):
    page = soup(built.site, "arshjul.html")
    svgs = page.select("svg.rp-arshjul__hjul")
    assert len(svgs) == 1
    svg = svgs[0]
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    title, desc = svg.find(id=title_id), svg.find(id=desc_id)
    assert title.name == "title" and title.parent is svg
    assert title.get_text() == "Årshjul for internkontroll, med november markert som denne måneden"
    assert desc.name == "desc" and "Denne måneden er november." in desc.get_text()

    aktiviteter = content.arshjul.hjul.aktiviteter
    groups = svg.select("[data-rp-aktivitet]")
    assert [g["data-rp-aktivitet"] for g in groups] == [a.id for a in aktiviteter]
    for n, (g, a) in enumerate(zip(groups, aktiviteter), start=1):
        assert g.name == "g"
        assert len(g.find_all("path")) == len(a.maaneder)  # one arc per month
        assert [t.get_text() for t in g.find_all("text")] == [str(n)] * len(a.maaneder)
        assert g.find("title").get_text().startswith(f"{n}. {a.tittel}: ")

    sectors = svg.select("path.rp-arshjul__sektor")
    assert [s["data-rp-maaned"] for s in sectors] == [str(m) for m in range(1, 13)]
    current = svg.select("[data-rp-naa]")
    assert len(current) == 1 and current[0]["data-rp-maaned"] == "11"
    labels = [t.get_text() for t in svg.select("text.rp-arshjul__mnd")]
    assert labels[:10] == ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt"]
    assert labels[10:] == ["nov", "(nå)", "des"]  # the current month is marked in text, not only colour


def test_the_month_table_and_this_month_follow_the_build_date(built, content):
    page = soup(built.site, "arshjul.html")
    rows = page.select("table.rp-arshjul__tabell tbody tr")
    assert [r.th.get_text(" ", strip=True) for r in rows][10] == "November denne måneden"
    assert [r.get("aria-current") for r in rows] == [None] * 10 + ["date", None]
    for row in rows:
        month = int(row["data-rp-maaned"])
        expected = [a.tittel for a in content.arshjul.hjul.aktiviteter if month in a.maaneder]
        assert [a.get_text() for a in row.select("td a")] == expected

    denne = page.select_one("section.rp-arshjul__denne")
    assert denne.h2.get_text(" ", strip=True).startswith("Dette skjer denne måneden (november)")
    assert [li["data-rp-aktivitet-denne"] for li in denne.select("li")] == \
        ["fagsamling", "stikkprove-2", "gjennomgang-med-veileder"]
    stikk = denne.select_one('li[data-rp-aktivitet-denne="stikkprove-2"]')
    assert [a["href"] for a in stikk.select("a")] == [
        "rutiner/internkontroll.html", "skjema/stikkprove-17.html", "skjema/stikkprove-20a.html", "#aktivitet-stikkprove-2"]
    assert page.find(id="aktivitet-stikkprove-2").name == "h3"


def test_the_wheel_marks_another_month_when_built_on_another_date(tmp_path):
    site = tmp_path / "site"
    project = copy_small_project(tmp_path / "p")
    result = build(project, site, env={"RUTINEPORTALEN_PDF": "0", "RUTINEPORTALEN_IDAG": "2027-03-05"})
    assert result.returncode == 0, result.output
    page = soup(site, "arshjul.html")
    assert page.select_one("svg [data-rp-naa]")["data-rp-maaned"] == "3"
    assert page.select_one('tr[aria-current="date"]')["data-rp-maaned"] == "3"
    assert page.select_one("section.rp-arshjul__denne p").get_text() == "Årshjulet har ingen aktiviteter i mars."
    cal = Calendar.from_ical((site / "arshjul.ics").read_bytes())
    starts = {e["DTSTART"].dt.year for e in cal.walk("VEVENT") if "RRULE" in e}
    assert starts == {2027}


# ---------------------------------------------------------------- review status

@pytest.mark.parametrize("days, status", [
    (0, "forfaller"),    # due today: still valid, not overdue (review.py counts it as due soon)
    (60, "forfaller"),
    (61, "gyldig"),
    (-1, "forfalt"),     # yesterday
])
def test_review_status_at_the_boundaries(days, status):
    fixed_today = dt.date(2026, 3, 1)
    result = review_status(fixed_today + dt.timedelta(days=days), fixed_today)
    assert result.status == status
    assert result.status != "forfalt" or days < 0


def test_status_rows_put_overdue_first_then_due_soon_then_valid(content):
    today = dt.date(2026, 3, 1)
    dates = {"kartlegging": today + dt.timedelta(days=61), "paragraf-17": today,
             "stikkprove-17": today - dt.timedelta(days=1), "vedtak-17": today + dt.timedelta(days=60)}
    changed = dict(content.routines), dict(content.checklists)
    for target in changed:
        for doc_id, when in dates.items():
            if doc_id in target:
                target[doc_id] = target[doc_id].model_copy(update={"neste_revisjon": when})
    fake = type(content)(root=content.root, laws=content.laws, routines=changed[0], checklists=changed[1],
                         arshjul=content.arshjul, sources=content.sources)
    rows = [(r.doc.id, r.review.status) for r in status_rows(fake, today) if r.doc.id in dates]
    others = [r for r in status_rows(fake, today) if r.doc.id not in dates]
    assert rows == [("stikkprove-17", "forfalt"), ("paragraf-17", "forfaller"),
                    ("vedtak-17", "forfaller"), ("kartlegging", "gyldig")]
    statuses = [r.review.status for r in status_rows(fake, today)]
    assert statuses == sorted(statuses, key=["forfalt", "forfaller", "gyldig"].index)
    assert all(r.review == review_status(r.doc.neste_revisjon, today) for r in others)


def test_rutinestatus_page_lists_every_document_in_words(built, content):
    page = soup(built.site, "internkontroll/rutinestatus.html")
    rows = page.select("table.rp-rutinestatus__tabell tbody tr")
    assert sorted(r["data-rp-dokument"] for r in rows) == sorted(d.id for d in content.documents())
    for row in rows:
        doc = content.document(row["data-rp-dokument"])
        cells = [c.get_text(" ", strip=True) for c in row.find_all(["th", "td"])]
        assert cells[0] == doc.tittel and cells[2] == doc.eier and cells[3] == doc.versjon
        assert row.select("time")[1]["datetime"] == doc.neste_revisjon.isoformat()
        status = review_status(doc.neste_revisjon, TODAY)
        assert row["data-rp-status"] == status.status
        days = (doc.neste_revisjon - TODAY).days
        assert cells[6] == {"forfalt": f"Revisjon forfalt ({-days} dager siden)",
                            "forfaller": f"Forfaller innen 60 dager (om {days} dager)",
                            "gyldig": "Gyldig"}[status.status]
        href = row.th.a["href"]
        assert (built.site / "internkontroll" / href).resolve().is_file()
    order = [r["data-rp-status"] for r in rows]
    assert order == sorted(order, key=["forfalt", "forfaller", "gyldig"].index)
    assert "forfalt" in order  # the routines from 2019 are overdue, and the page says so
    counts = {k: order.count(k) for k in ("forfalt", "forfaller", "gyldig")}
    summary = " ".join(page.select_one(".rp-rutinestatus__oppsummering").get_text().split())
    n = len(rows)
    assert summary == (f"Målt mot 23. november 2026: {n} dokumenter, {counts['forfalt']} med forfalt revisjon, "
                       f"{counts['forfaller']} forfaller innen 60 dager og {counts['gyldig']} er gyldige.")


def test_normal_build_passes_and_reports_each_overdue_review_at_info_level(built, content):
    lines = [line for line in built.output.splitlines() if "Revisjon forfalt" in line]
    expected = sorted(
        f"INFO    -  Revisjon forfalt: {content.sources[d.id].path} ({d.tittel}), "
        f"neste revisjon var {d.neste_revisjon.isoformat()}"
        for d in content.documents() if d.neste_revisjon < TODAY)
    assert len(expected) >= 12  # the routines, checklists and forms from 2019
    assert sorted(lines) == expected
    assert "WARNING" not in built.output


def overdue_project(tmp_path: Path) -> tuple[Path, int]:
    """A copy in which only paragraf-17 is overdue on 2020-11-30 (the rest are due 2020-12-01)."""
    project = copy_small_project(tmp_path / "p")
    path = project / "routines" / "paragraf-17.yaml"
    replace_once(path, 'neste_revisjon: "2020-12-01"', 'neste_revisjon: "2020-06-01"')
    return project, line_of(path, "neste_revisjon:")


def test_strict_review_mode_fails_on_an_overdue_document_with_path_and_line(tmp_path):
    project, line = overdue_project(tmp_path)
    site = tmp_path / "site"
    result = build(project, site, env={"RUTINEPORTALEN_PDF": "0", "RUTINEPORTALEN_IDAG": "2020-11-30", STRICT: "1"})
    assert result.returncode != 0
    assert (f"1 dokument har forfalt revisjon (RUTINEPORTALEN_STRENG_REVISJON=1):\n"
            f"routines/paragraf-17.yaml:{line}: revisjonen forfalt 2020-06-01 "
            f"(Rutine for behov og gjennomføring av råd og veiledning – § 17); "
            f"revider dokumentet og sett ny 'neste_revisjon'\n") in result.output
    assert "Traceback" not in result.output
    assert not site.exists() or not any(site.rglob("*.html"))


def test_without_strict_review_mode_the_same_project_builds_and_says_so(tmp_path):
    project, _ = overdue_project(tmp_path)
    result = build(project, tmp_path / "site", env={"RUTINEPORTALEN_PDF": "0", "RUTINEPORTALEN_IDAG": "2020-11-30"})
    assert result.returncode == 0, result.output
    lines = [line for line in result.output.splitlines() if "Revisjon forfalt" in line]
    assert lines == ["INFO    -  Revisjon forfalt: routines/paragraf-17.yaml (Rutine for behov og gjennomføring "
                     "av råd og veiledning – § 17), neste revisjon var 2020-06-01"]


# ---------------------------------------------------------------- avvik

def test_avvik_table_links_each_avvik_to_existing_stikkprove_rows(built, content):
    page_rel = "internkontroll/index.html"
    page = soup(built.site, page_rel)
    rows = page.select("table[data-rp-avvik-tabell] tbody tr")
    avvik = content.arshjul.avvik.avvik
    assert [r["data-rp-avvik"] for r in rows] == [a.id for a in avvik]
    # the order of the risk assessments in chapter 3.5.2, each with the count the report gives or none
    assert [(r.th.get_text(strip=True), r.find_all("td")[1].get_text(strip=True)) for r in rows] == [
        ("Få spor av PROFH i sakene.", "To av fire kontorer"),
        ("Det finnes ikke endringsvedtak.", "To av fire kontorer"),
        ("Det er uklart hva som er vilkår om utbetaling, og hva som er vilkår om aktivitet etter § 20 a.", "Tre av fire kontorer"),
        ("Det stilles mange og generelle vilkår i hvert vedtak.", "To av fire kontorer"),
        ("Vedtaket har lite informasjon om at vilkårene er satt i samarbeid med brukeren.", "Tre av fire kontorer"),
        ("Det mangler avslutning av tjenesten etter § 17.", "Ikke oppgitt"),
        ("Brukere følger ikke opp tjenesten etter § 17.", "Ikke oppgitt"),
        ("Vedtak har lite individuelle vilkår.", "Ikke oppgitt"),
        ("Kartleggingsskjemaet brukes ulikt.", "Særlig ett kontor"),
    ]
    risiko = {r["data-rp-avvik"]: r.find_all("td")[0].get_text(strip=True) for r in rows}
    assert risiko["faa-spor-av-rutinene"].startswith("Det kan tyde på at prosjektet ikke er godt nok kjent")
    assert "sanksjon" not in risiko["mange-generelle-vilkaar"]  # that risk belongs to lite-individuelle-vilkaar
    assert "sanksjon" in risiko["lite-individuelle-vilkaar"]
    assert [th.get_text(strip=True) for th in page.select("table[data-rp-avvik-tabell] thead th")] == [
        "Avvik", "Risiko", "Omfang i PROFH (2019)", "Fanges av"]
    for row, a in zip(rows, avvik):
        links = row.find_all("td")[-1].find_all("a")
        expected = [(k.skjema, p) for k in a.kontroll for p in k.punkter]
        assert len(links) == len(expected)
        for link, (form, punkt) in zip(links, expected):
            target, _, fragment = link["href"].partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), target))
            assert resolved == f"skjema/{form}.html" and fragment == punkt
            target_row = soup(built.site, resolved).find(id=fragment)
            assert target_row is not None and target_row.name == "tr" and target_row["data-rp-punkt"] == punkt
            assert link.get_text() == f"punkt {punkt.removeprefix('punkt-')}"


def test_avvik_pointing_at_a_missing_point_is_refused(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "data" / "avvik.yaml"
    replace_once(path, 'punkter: ["punkt-8"]', 'punkter: ["punkt-80"]')
    with pytest.raises(ContentErrors) as info:
        load_content(project)
    line = line_of(path, '"punkt-80"')
    assert [str(e) for e in info.value.errors] == [
        f"data/avvik.yaml:{line}: 'punkt-80' er ikke et punkt i stikkprove-20a; punktene er punkt-1 til punkt-16"]


# ---------------------------------------------------------------- our proposals and history

FORSLAG = "Forslag fra Rutineportalen"


def test_our_proposals_and_every_ansvarlig_are_marked_on_the_arshjul(built, content):
    page = soup(built.site, "arshjul.html")
    marked = {a["data-rp-aktivitet-tekst"] for a in page.select("article[data-rp-aktivitet-tekst]")
              if a.select_one(":scope > p.rp-arshjul__forslag .rp-forslag")}
    assert marked == {"refleksjonsnotat", "fagsamling"} == {a.id for a in content.arshjul.hjul.aktiviteter if a.forslag}
    for article in page.select("article[data-rp-aktivitet-tekst]"):
        facts = {d.dt.get_text(strip=True): d.dd for d in article.select("dl > div")}
        assert facts["Ansvarlig"].select_one(".rp-forslag").get_text() == FORSLAG
    for li in page.select("li[data-rp-aktivitet-denne]"):
        marks = [m.get_text() for m in li.select(".rp-forslag")]
        assert marks == [FORSLAG] * (2 if li["data-rp-aktivitet-denne"] == "fagsamling" else 1)
    table = {a.get_text(): a.find_parent("li") for a in page.select("table.rp-arshjul__tabell td a")}
    assert table["Refleksjonsnotater"].select_one(".rp-forslag").get_text() == FORSLAG
    assert table["Stikkprøvekontroll 1"].select_one(".rp-forslag") is None
    # no activity cites chapter 2, which says nothing about them
    assert not [a.id for a in content.arshjul.hjul.aktiviteter if a.kilde and "apittel 2" in a.kilde]
    refleksjon = page.select_one('article[data-rp-aktivitet-tekst="refleksjonsnotat"] .rp-arshjul__kilde').get_text(" ", strip=True)
    assert refleksjon.startswith("Kilde: Vårt forslag;") and "kapittel 1.4" in refleksjon


def test_the_2019_goals_are_history_and_the_core_asks_for_goals_of_its_own(built, content):
    section = soup(built.site, "arshjul.html").select_one("section.rp-arshjul__maal")
    prompt = section.select_one("[data-rp-maal-mangler]")
    assert prompt.get_text(" ", strip=True).startswith("Kontoret trenger egne mål for internkontrollen i dag")
    assert prompt.a["href"] == "ta-i-bruk.html#kontorprofilen"
    assert section.select_one("[data-rp-kontormaal]") is None
    history = section.select_one("[data-rp-profh-maal]")
    assert history.p.get_text() == "I PROFH (2019) var målene i årshjulet for internkontroll:"
    assert [li.get_text() for li in history.select("li")] == content.arshjul.hjul.maal
    assert "Utføre internkontroll på området to ganger i løpet av 2019." in content.arshjul.hjul.maal
    # every goal is inside the history block, none reads as today's goal
    assert [li.get_text() for li in section.select("li")] == [li.get_text() for li in history.select("li")]


def test_an_office_profile_sets_its_own_goals(tmp_path):
    project = copy_small_project(tmp_path / "p")
    replace_once(project / "kontor" / "hamar.yaml", "eksempel: true\n",
                 "eksempel: true\nmaal:\n  - Ta stikkprøver etter § 17 og § 20 a tre ganger i året.\n"
                 "  - Alle veiledere kjenner <tjenesten> etter § 17.\n")
    site = tmp_path / "site"
    office = build_office(project, "hamar", site)
    assert office.returncode == 0, office.output
    section = soup(site, "arshjul.html").select_one("section.rp-arshjul__maal")
    assert section.select_one("[data-rp-maal-mangler]") is None
    assert section.select_one(".rp-arshjul__kontormaal-tittel").get_text(" ", strip=True) == \
        "Mål for internkontrollen ved Nav Hamar Eksempel :"
    assert [li.get_text() for li in section.select("[data-rp-kontormaal] li")] == [
        "Ta stikkprøver etter § 17 og § 20 a tre ganger i året.", "Alle veiledere kjenner <tjenesten> etter § 17."]
    assert section.select_one("[data-rp-profh-maal]") is not None  # the PROFH goals stay, as history
    # the same profile does not leak into the shared core
    core = tmp_path / "core"
    result = build(project, core, env={"RUTINEPORTALEN_PDF": "0"})
    assert result.returncode == 0, result.output
    assert soup(core, "arshjul.html").select_one("[data-rp-kontormaal]") is None


def test_office_goals_are_checked_for_personal_data(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "kontor" / "hamar.yaml"
    number = " ".join(("62", "00", "00", "00"))  # invented, put together here (tests/unit/test_no_personal_data.py)
    replace_once(path, "eksempel: true\n", f"eksempel: true\nmaal:\n  - Spør mottaket på {number}.\n")
    with pytest.raises(ContentErrors) as info:
        load_content(project)
    line = line_of(path, number)
    assert [str(e) for e in info.value.errors] == [
        f"kontor/hamar.yaml:{line}: 'maal' kan ikke inneholde et telefonnummer (8 sifre): profilen skal ikke ha "
        "telefonnumre; vis til sentralbordet eller mottaket i ord"]


# ---------------------------------------------------------------- bad content in the årshjul

def test_unknown_bruker_id_in_the_arshjul_stops_the_build_with_path_and_line(tmp_path, content):
    project = copy_project(tmp_path / "p")
    path = project / "data" / "arshjul.yaml"
    replace_once(path, '    bruker: ["internkontroll"]\n    kilde: "Vedlegg 13 («Evaluer',
                 '    bruker: ["intern-kontroll"]\n    kilde: "Vedlegg 13 («Evaluer')
    line = line_of(path, '"intern-kontroll"')
    known = ", ".join(sorted(d.id for d in content.documents()))
    site = tmp_path / "site"
    result = build(project, site, env={"RUTINEPORTALEN_PDF": "0"})
    assert result.returncode != 0
    assert (f"Innholdet har 1 feil:\ndata/arshjul.yaml:{line}: 'bruker' viser til 'intern-kontroll', "
            f"som verken er en rutine eller en sjekkliste; kjente er: {known}\n") in result.output
    assert not site.exists() or not any(site.rglob("*.html"))


def test_arshjul_months_must_be_1_to_12(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "data" / "arshjul.yaml"
    replace_once(path, 'maaneder: ["2"]', 'maaneder: ["13"]')
    with pytest.raises(ContentErrors) as info:
        load_content(project)
    line = line_of(path, '"13"')
    assert [str(e) for e in info.value.errors] == [f"data/arshjul.yaml:{line}: 'maaneder' må være høyst 12 (fikk '13')"]


def test_no_person_names_or_contact_details_in_the_data(content):
    text = (ROOT / "data" / "arshjul.yaml").read_text(encoding="utf-8") + (ROOT / "data" / "avvik.yaml").read_text(encoding="utf-8")
    assert not re.search(r"[\w.-]+@[\w-]+\.\w+", text)
    assert not re.search(r"\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b", text)
    # The report names its project staff, researchers and speakers; we name roles. A personal name is
    # two or more capitalised words in a row of which at least two are never written in lower case
    # in our content ("Fornavn Etternavn", "Fornavn E. Etternavn"), or an author citation.
    lower = {w.lower() for d in ("data", "routines", "checklists", "docs") for p in (ROOT / d).rglob("*")
             if p.suffix in (".yaml", ".md") for w in re.findall(r"(?<![\w-])[a-zæøå][\w-]*", p.read_text(encoding="utf-8"))}

    def personal_names(s: str) -> list[str]:
        runs = re.finditer(r"(?<![\w.-])[A-ZÆØÅ][\w-]*(?:\.?[ \t]+[A-ZÆØÅ][\w-]*)+", s)
        cites = re.finditer(r"\b[A-ZÆØÅ][a-zæøå]+(?: og [A-ZÆØÅ][a-zæøå]+)?,? \(?(?:19|20)\d\d\)?", s)
        # An acronym in capitals ("PROFH") is not a name part; it may end a sentence before "I PROFH".
        def name_part(w: str) -> bool:
            w = w.rstrip(".")
            return w.lower() not in lower and not (len(w) > 1 and w.isupper())
        return ([m.group() for m in runs if sum(name_part(w) for w in m.group().split()) >= 2]
                + [m.group() for m in cites])

    assert personal_names(text) == []
    assert personal_names("Innlegg ved prosjektmedarbeider Kari N. Nordmann.") == ["Kari N. Nordmann"]
    assert personal_names("Hele Nav-kontoret deltar, jf. Nordmann og Testesen (2019).") == [
        "Nordmann og Testesen (2019)"]


@pytest.mark.browser
def test_the_arshjul_page_prints_on_landscape_a4_and_other_pages_on_portrait(built, browser):
    from tests.browser_support import serve

    def media_box(page, url: str) -> tuple[float, float]:
        page.goto(url, wait_until="load")
        page.emulate_media(media="print")
        pdf = page.pdf(prefer_css_page_size=True)
        box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
        return round(float(box.group(1))), round(float(box.group(2)))

    with serve(built.site) as base:
        page = browser.new_page()
        assert media_box(page, base + "arshjul.html") == (842, 595)  # A4 landscape, in points
        assert media_box(page, base + "internkontroll/index.html") == (595, 842)
        page.close()
