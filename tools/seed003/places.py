"""Offices, municipalities and counties of seed 003: OCR repair and normalisation.

Office cells are free text ("NAV HALDEN AREMARK", "Lurgy", "NAV Karmgy- Bokn").
They are normalised to "Nav <place>" with the place names spelt right, and the
municipalities (2022) are read off the place names with a small gazetteer.
Regional offices whose name is not a municipality (Nav Hallingdal, Nav Dalane,
...) get no municipalities rather than a guess.
"""

from __future__ import annotations

import re

# The 2022 counties (before the 2024 split), as the form offered them.
FYLKER: tuple[str, ...] = (
    "Agder", "Innlandet", "Møre og Romsdal", "Nordland", "Oslo", "Rogaland",
    "Troms og Finnmark", "Trøndelag", "Vestfold og Telemark", "Vestland", "Viken",
)

# OCR form of a county -> county.  "Vestfold og Telemar" is cut off by the cell width.
FYLKE_OCR: dict[str, str] = {
    "Vestfold og Telemar": "Vestfold og Telemark",
    "Trgndelag": "Trøndelag",
    "Trendelag": "Trøndelag",
    "Mgre og Romsdal": "Møre og Romsdal",
}

# OCR form of a place name -> true spelling (ø → g/@, å → 3/&/a/R, æ → ae/ee).
PLACE_OCR: dict[str, str] = {
    "Lurgy": "Lurøy", "Bjgrnafjorden": "Bjørnafjorden", "Sgr": "Sør",
    "Bgmlo": "Bømlo", "Hgland": "Høland", "Lillestrgm": "Lillestrøm",
    "H3": "Hå", "Faerder": "Færder", "Kvaenangen": "Kvænangen", "Lgten": "Løten",
    "Tromsg": "Tromsø", "Tgnsberg": "Tønsberg", "@rland": "Ørland", "Karmgy": "Karmøy",
    "Neergysund": "Nærøysund", "Hundv&g": "Hundvåg", "@vre": "Øvre", "Sgndre": "Søndre",
    "MElhus": "Melhus", "Baerum": "Bærum", "Sgrreisa": "Sørreisa",
    "Rade": "Råde", "@stre": "Østre", "@stfold": "Østfold", "@ygarden": "Øygarden",
    "@rsta": "Ørsta", "@stensjg": "Østensjø", "Rlesund": "Ålesund",
    "Bodg": "Bodø", "Lgrenskog": "Lørenskog", "Kragerg": "Kragerø", "sgr": "sør",
    "HALDEN": "Halden", "AREMARK": "Aremark",
}

# Whole office cells that need more than spelling: multi-office cells and cells
# with a comment.  Key: the raw cell with whitespace collapsed.
OFFICE_OVERRIDES: dict[str, tuple[str, list[str]]] = {
    # Two Stavanger district offices in one cell, neither with "NAV".
    "Hundv&g og Storhaug, Eiganes og Tasta": ("Nav Hundvåg og Storhaug, Nav Eiganes og Tasta", ["Stavanger"]),
    # "Luster og Sogndal (Luster som prosjekteigar). ... har NAV Luster overteke
    # heile prosjektet f.o.m 13.10.2022": the project covers both municipalities.
    "Luster og Sogndal ( Luster som prosjekteigar). Etter avtale med Statsforvaltaren og NAV Sogndal "
    "har NAV Luster overteke heile prosjektet f.o.m 13.10.2022.": ("Nav Luster", ["Luster", "Sogndal"]),
    # The office's name for its social services unit: same office as row 42.
    "Nav Bergenhus sosialtjeneste": ("Nav Bergenhus", ["Bergen"]),
    # Same office as row 124, written without the hyphen.
    "NAV Karmgy Bokn": ("Nav Karmøy-Bokn", ["Karmøy", "Bokn"]),
}

# 2022 municipalities named by the offices of this seed.
KOMMUNER: frozenset[str] = frozenset({
    "Alta", "Aremark", "Asker", "Aurskog-Høland", "Balsfjord", "Bamble", "Bergen", "Bjørnafjorden",
    "Bodø", "Bokn", "Bømlo", "Bærum", "Eidskog", "Enebakk", "Etne", "Fitjar", "Fredrikstad",
    "Færder", "Giske", "Gjesdal", "Grimstad", "Hadsel", "Halden", "Hamar", "Harstad", "Haugesund",
    "Heim", "Hole", "Horten", "Hustadvika", "Hå", "Indre Østfold", "Karmøy", "Kautokeino", "Kinn",
    "Klepp", "Kragerø", "Kristiansand", "Kvam", "Kvænangen", "Larvik", "Levanger", "Lier",
    "Lillestrøm", "Loppa", "Luster", "Lurøy", "Løten", "Lørenskog", "Melhus", "Midt-Telemark",
    "Midtre Gauldal", "Molde", "Moss", "Nittedal", "Nome", "Nordre Follo", "Notodden",
    "Nærøysund", "Porsgrunn", "Rauma", "Ringerike", "Ringsaker", "Råde", "Sandefjord", "Sandnes",
    "Sarpsborg", "Sel", "Senja", "Skaun", "Skien", "Sogndal", "Sola", "Sortland", "Stange",
    "Stord", "Storfjord", "Strand", "Sørreisa", "Time", "Tromsø", "Trysil", "Tysnes", "Tønsberg",
    "Ullensaker", "Ullensvang", "Utsira", "Vestre Toten", "Vindafjord", "Volda", "Ørland",
    "Ørsta", "Østre Toten", "Øvre Eiker", "Øygarden", "Ålesund",
})

# District offices (bydeler) -> their municipality.
BYDELER: dict[str, str] = {
    "Alna": "Oslo", "Bjerke": "Oslo", "Frogner": "Oslo", "Grorud": "Oslo", "Nordre Aker": "Oslo",
    "Nordstrand": "Oslo", "Søndre Nordstrand": "Oslo", "St. Hanshaugen": "Oslo",
    "Vestre Aker": "Oslo", "Østensjø": "Oslo", "Bergenhus": "Bergen", "Lerkendal": "Trondheim",
}


def repair_fylke(raw: str) -> str:
    fylke = FYLKE_OCR.get(raw.strip(), raw.strip())
    if fylke not in FYLKER:
        raise ValueError(f"unknown fylke: {raw!r}")
    return fylke


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def normalise_office(raw: str) -> str:
    """"NAV Karmgy- Bokn" -> "Nav Karmøy-Bokn"; "Lurgy" -> "Nav Lurøy"."""
    cell = _collapse(raw)
    if cell in OFFICE_OVERRIDES:
        return OFFICE_OVERRIDES[cell][0]
    cell = re.sub(r"\s*\([^)]*\)\s*$", "", cell)  # trailing remark: "(fra 1.april 2022)"
    cell = re.sub(r"\s*-\s*", "-", cell)  # "Haugesund - Utsira", "Vindafjord- Etne"
    parts = re.split(r"([\s/,-]+)", cell)  # words and their separators
    parts = ["Nav" if p.upper() == "NAV" else PLACE_OCR.get(p, p) for p in parts]
    cell = "".join(parts)
    if not cell.startswith("Nav "):
        cell = "Nav " + cell
    return cell


def kommuner(raw_office: str, office: str) -> list[str]:
    """Municipalities named in the office name, in order, without repeats."""
    cell = _collapse(raw_office)
    if cell in OFFICE_OVERRIDES:
        return list(OFFICE_OVERRIDES[cell][1])
    names = sorted(KOMMUNER | set(BYDELER), key=len, reverse=True)
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for name in names:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?![\w])", office):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), BYDELER.get(name, name)))
    out: list[str] = []
    for _, name in sorted(found):
        if name not in out:
            out.append(name)
    return out
