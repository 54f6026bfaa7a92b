"""The curated tiltak catalogue: complete, consistent with the source rows, no personal data,
no OCR debris. Source facts come from the extraction tool run on the committed scrubbed copy."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pytest
import yaml

from macros.content import load_content
from tests.sitebuild import ROOT
from tools.seed003.extract import extract

FILES = sorted((ROOT / "catalogue" / "tiltak").glob("*.yaml"))
FIXTURE = ROOT / "tests" / "fixtures" / "seed003" / "seed003-scrubbed.txt"

FYLKE_ROWS = {"Viken": 30, "Vestland": 17, "Vestfold og Telemark": 17, "Oslo": 17, "Rogaland": 15, "Trøndelag": 11,
              "Innlandet": 11, "Troms og Finnmark": 8, "Nordland": 6, "Møre og Romsdal": 6, "Agder": 5}

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\d.,/-])(?:\+47 ?)?[2-9]\d(?: ?\d{2}){3}(?![\d.,/-])")
# Telltale OCR damage: æ/ø/å read as g, 8, &, @, ee ...
OCR_DEBRIS = re.compile(
    r"gkonomi|oppfglging|Trgndelag|fglg|stgnad|p&|(?<=[a-zæøå] )8 (?=[a-zæøå]{2,}e\b)|&\s|@\w|\w@|\bogsa\b|\bnar\b|\bpa\b|\bfa\b|\bra\b|"
    r"seerlig|veere|Lgten|Tromsg|Mgre|Bergenhus\s+sosialtjeneste|\bmalgruppe|\bradgiv"
)


# Text about the spreadsheet instead of the tiltak: the reader has no spreadsheet, no OCR and no row numbers.
META = re.compile(
    r"\bOCR\b|\bregneark\w*|\b(?:i|fra|etter|ifølge) kilden\b|\bkildenotat\w*|\b(?:av)?kuttet\b|"
    r"\brad(?:ene)? \d+|\brader\b|\bradgrense\w*|\bcellen\b|\bcellene\b|\bkolonne\w*|\bblanklinje\w*|"
    r"\bfritekstfelt\w*|\bresten av svaret\b|\bsvaret (?:er|om|på)\b",
    re.IGNORECASE,
)
# Talk about what the report says or leaves out. Allowed only in kilde.merknad, the one field whose job is
# to tell the reader something about the report ("tiltaket hadde ikke noe navn i rapporten").
REPORT_TALK = re.compile(
    r"\brapporten\b|\brapportene\b|\brapporteringen\b|\bfjorårets rapport\b|"
    r"\b(?:sier|oppgir|utdyper|navngir) ikke\b",
    re.IGNORECASE,
)
HIDDEN = {("kilde", "rader"), ("kilde", "kuratornotat")}
"""Fields that are never rendered; everything else in a record is read by someone."""


def reader_texts(rec: dict):
    """(field path, text) for every text a reader sees on the tiltak page or in the catalogue."""
    def walk(value, path):
        if path in HIDDEN or path == ("id",):
            return
        if isinstance(value, str):
            yield ".".join(path), value
        elif isinstance(value, dict):
            for k, v in value.items():
                yield from walk(v, path + (k,))
        elif isinstance(value, list):
            for v in value:
                yield from walk(v, path)
    yield from walk(rec, ())


def meta_commentary(rec: dict) -> list[str]:
    found = []
    for field, text in reader_texts(rec):
        found += [f"{field}: {m.group(0)!r}" for m in META.finditer(text)]
        if field != "kilde.merknad":
            found += [f"{field}: {m.group(0)!r}" for m in REPORT_TALK.finditer(text)]
    return found


@lru_cache(maxsize=1)
def records() -> dict[str, dict]:
    return {f.stem: yaml.safe_load(f.read_text(encoding="utf-8")) for f in FILES}


@lru_cache(maxsize=1)
def source_rows():
    return {row.rad: row for row in extract(FIXTURE).rows}


def texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from texts(v)


def test_catalogue_holds_142_valid_records_covering_all_143_rows():
    content = load_content(ROOT)
    assert len(content.tiltak) == len(FILES) == 142
    rows = sorted(r for t in content.tiltak.values() for r in t.kilde.rader)
    assert rows == list(range(1, 144))
    assert [t.kilde.rader for t in content.tiltak.values() if len(t.kilde.rader) > 1] == [[10, 15]]


def test_fylke_counts_per_source_row():
    counts = Counter()
    for rec in records().values():
        counts[rec["fylke"]] += len(rec["kilde"]["rader"])
    assert counts == Counter(FYLKE_ROWS)


def test_each_record_matches_its_source_row():
    rows = source_rows()
    problems = []
    for rid, rec in records().items():
        row = rows[rec["kilde"]["rader"][0]]
        if rec["fylke"] != row.fylke:
            problems.append(f"{rid}: fylke {rec['fylke']} != {row.fylke}")
        if rec["rapporttype"] != row.rapporttype:
            problems.append(f"{rid}: rapporttype {rec['rapporttype']} != {row.rapporttype}")
        expected = sorted({("29" if p.startswith("29") else p) for r in rec["kilde"]["rader"] for p in rows[r].paragrafer})
        if sorted(rec["paragrafer"]) != expected:
            problems.append(f"{rid}: paragrafer {rec['paragrafer']} != {expected}")
        place_words = {w for w in re.findall(r"[A-Za-zÆØÅæøå]{2,}", row.kontor) if w.lower() not in ("nav", "og")}
        if not any(w.lower() in rec["kontor"].lower() for w in place_words):
            problems.append(f"{rid}: kontor {rec['kontor']!r} ligner ikke kildens {row.kontor!r}")
        if not rec["kontor"].startswith("Nav "):
            problems.append(f"{rid}: kontor {rec['kontor']!r} er ikke normalisert («Nav …»)")
    assert problems == []


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_no_personal_data_and_no_ocr_debris(path):
    raw = path.read_text(encoding="utf-8")
    assert EMAIL.findall(raw) == []
    assert PHONE.findall(raw) == []
    rec = yaml.safe_load(raw)
    debris = [m.group(0) for text in texts({k: v for k, v in rec.items() if k != "id"}) for m in OCR_DEBRIS.finditer(text)]
    assert debris == []


def test_the_scanners_catch_what_they_look_for():
    assert EMAIL.findall("kontakt: ola.nordmann@nav.no") == ["ola.nordmann@nav.no"]
    mobil, fast = " ".join(("91", "23", "45", "67")), "+47 " + "".join(("2233", "4455"))  # invented, built here
    assert PHONE.findall(f"ring {mobil} eller {fast}") == [mobil, fast]
    assert PHONE.findall("startet 01.11.22, 2021-2022, 3067 Sandefjord") == []
    assert [m.group(0) for m in OCR_DEBRIS.finditer("gkonomisk radgivning pa Trgndelag, for 8 lage")] == [
        "gkonomi", "radgiv", "pa", "Trgndelag", "8 "]
    assert list(OCR_DEBRIS.finditer("ned med 8 prosent, 8–10 familier, 8. august")) == []
    assert list(OCR_DEBRIS.finditer("Økonomisk rådgivning på Trøndelag, også når det passer")) == []


# ---------- prose for readers ----------

@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_reader_text_speaks_about_the_tiltak_not_the_spreadsheet(path):
    assert meta_commentary(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_the_meta_scanner_catches_a_planted_case():
    clean = records()["back-on-track-klepp-time"]
    assert meta_commentary(clean) == []
    planted = {**clean, "maaloppnaaelse": "Gjennom dialog og oppfølging; resten av svaret er kuttet i kilden.",
               "videreforing": {"status": "ja", "begrunnelse": "Videreføres; rapporten sier ikke mer."},
               "kilde": {**clean["kilde"], "merknad": "Se rad 139 i regnearket."}}
    assert meta_commentary(planted) == [
        "maaloppnaaelse: 'resten av svaret'", "maaloppnaaelse: 'kuttet'", "maaloppnaaelse: 'i kilden'",
        "videreforing.begrunnelse: 'rapporten'", "videreforing.begrunnelse: 'sier ikke'",
        "kilde.merknad: 'rad 139'", "kilde.merknad: 'regnearket'",
    ]
    # The hidden curator note may say anything; a reader's note may mention the report, not OCR or rows.
    assert meta_commentary({**clean, "kilde": {"rader": [139], "kuratornotat": "Cellen er kuttet i OCR-teksten.",
                                               "merknad": "Tiltaket hadde ikke noe navn i rapporten."}}) == []
    # Ordinary words that only look alike are not meta-commentary.
    assert meta_commentary({"resultater": "Tilbakemeldinger er den viktigste kilden. Prosjektrapporten viser "
                                          "gode resultater, og elevene svarer på et skjema; svarene brukes."}) == []


def test_every_record_states_the_reporting_year_of_seed_003():
    """One reporting round: the reports on 2022 (the spreadsheet has no year column; see README)."""
    assert Counter(rec["rapportaar"] for rec in records().values()) == Counter({2022: 142})


def test_curator_notes_are_kept_apart_from_notes_for_readers():
    recs = records()
    notes = {rid: rec["kilde"]["merknad"] for rid, rec in recs.items() if "merknad" in rec["kilde"]}
    assert sorted(notes) == ["interkommunal-jobbspesialist-luster-sogndal", "nye-monstre-trygg-oppvekst-grimstad"]
    assert sum("kuratornotat" in rec["kilde"] for rec in recs.values()) == 47


# ---------- the data slips of issue 12, checked against the source text ----------

def test_fin_karmoy_bokn_does_not_carry_the_neighbouring_rows_language_challenge():
    fin = records()["fin-karmoy-bokn"]
    assert "språk" not in fin["utfordringer"].lower()
    assert fin["utfordringer"].startswith("I starten var det vanskelig å få familiene til samtaler")
    # Row 123 is where «Språkutfordring og motivasjonen til brukere» belongs.
    assert records()["jobbspesialist-globale-sandefjord-prosjekt-3067-sandefjord"]["utfordringer"] == (
        "Språk og brukernes motivasjon.")


def test_kommuner_are_kommune_names_not_regions():
    regions = {"Fensfjorden", "Indre Namdal", "Numedal", "Valdres", "Vest-Telemark", "Hallingdal", "Dalane",
               "Midt-Agder", "Indre Salten", "Midt-Buskerud", "Nord-Fosen", "Sør-Troms"}
    assert [(rid, k) for rid, rec in records().items() for k in rec["kommuner"] if k in regions] == []
    recs = records()
    assert recs["familien-i-sentrum-indre-namdal"]["kommuner"] == ["Grong", "Høylandet", "Lierne", "Namsskogan", "Røyrvik"]
    fensfjorden = ["Austrheim", "Fedje", "Gulen", "Masfjorden", "Modalen"]
    assert recs["ansvarlig-ungdom-fensfjorden"]["kommuner"] == fensfjorden  # «alle fem kommunar»
    assert recs["marknadskontakt-i-nav-fensfjorden"]["kommuner"] == fensfjorden


def test_target_groups_about_prison_carry_the_innsatte_tag():
    prison = re.compile(r"fengsel|soning|løslat|innsatt|kriminalomsorg", re.IGNORECASE)
    untagged = [rid for rid, rec in records().items()
                if prison.search(rec["maalgruppe"]) and "innsatte" not in rec["maalgrupper"]]
    assert untagged == []
    assert "innsatte" in records()["med-brukeren-i-sentrum-samhandling-paa-tvers-av-styringslinjene-numedal"]["maalgrupper"]
    assert "innsatte" in records()["marknadskontakt-i-nav-fensfjorden"]["maalgrupper"]


def test_a_start_the_text_states_is_in_oppstart():
    """The rule flags exactly one record of the catalogue as it was before issue 12: Jobblyst in Midtre Gauldal,
    whose text says «gruppene startet i mars 2022» and whose source says «Tiltaket startet høsten 2021»."""
    started = re.compile(r"\b(?:tiltaket|prosjektet|gruppene) startet (?:opp )?(?:i |høsten |våren )?[^.;,]*?\b20\d\d\b",
                         re.IGNORECASE)
    missing = [rid for rid, rec in records().items() if not rec.get("oppstart")
               and any(started.search(text) for _, text in reader_texts(rec))]
    assert missing == []
    assert records()["jobblyst-midtre-gauldal"]["oppstart"] == "høsten 2021"
