"""The curated tiltak catalogue: complete, consistent with the source rows, no personal data,
no OCR debris. Source facts come from the extraction tool run on the committed scrubbed copy."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

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
    assert PHONE.findall("ring 91 23 45 67 eller +47 22334455") == ["91 23 45 67", "+47 22334455"]
    assert PHONE.findall("startet 01.11.22, 2021-2022, 3067 Sandefjord") == []
    assert [m.group(0) for m in OCR_DEBRIS.finditer("gkonomisk radgivning pa Trgndelag, for 8 lage")] == [
        "gkonomi", "radgiv", "pa", "Trgndelag", "8 "]
    assert list(OCR_DEBRIS.finditer("ned med 8 prosent, 8–10 familier, 8. august")) == []
    assert list(OCR_DEBRIS.finditer("Økonomisk rådgivning på Trøndelag, også når det passer")) == []
