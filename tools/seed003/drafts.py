"""Write the draft records: one YAML file per spreadsheet row, plus an index.

Drafts hold raw OCR text and contact e-mail addresses, so they are written to
build/drafts/ (git-ignored) and never published.  A person curates them into
the real tiltak catalogue.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from .extract import Cell, Extraction, Row, repaired

HEADER = ("# Utkast fra seed 003 (OCR). Ikke til publisering: inneholder rå OCR-tekst og\n"
          "# e-postadresser. Kontroller feltene merket «usikker» mot kildelinjene før bruk.\n")

SAMARBEID_KEYS = {"samarbeid_interesse": "interesse", "samarbeid_proves_ut": "proves_ut",
                  "samarbeid_aktorer": "aktorer"}


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _lines(cell: Cell) -> str | None:
    if cell.lines is None:
        return None
    a, b = cell.lines
    return str(a) if a == b else f"{a}–{b}"


def _text_cell(cell: Cell, *, with_repair: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if with_repair:
        out["tekst"] = repaired(cell)
    out["ocr"] = cell.ocr
    out["linjer"] = _lines(cell)
    out["sikkerhet"] = cell.sikkerhet
    return out


def draft_record(row: Row, seed_name: str) -> dict[str, Any]:
    """The draft as a plain mapping (key order is the order in the file)."""
    return {
        "rad": row.rad,
        "navn": row.navn,
        "navn_ocr": row.navn_ocr,
        "kontor": row.kontor,
        "kontor_ocr": row.kontor_ocr,
        "kommuner": row.kommuner,
        "fylke": row.fylke,
        "epost": row.epost,
        "duplikat_av": row.duplikat_av,
        "rapporttype": row.rapporttype,
        "oppstart": row.oppstart,
        "malgruppe": _text_cell(row.malgruppe, with_repair=True),
        "paragrafer": row.paragrafer,
        "paragrafer_andre": row.paragrafer_andre,
        "paragrafer_ocr": row.paragrafer_ocr,
        "videreforing": {
            "ja_gjennom": _text_cell(row.videre_ja, with_repair=True),
            "nei_fordi": _text_cell(row.videre_nei, with_repair=True),
        },
        "samarbeid": {SAMARBEID_KEYS[k]: _text_cell(c, with_repair=True) for k, c in row.samarbeid.items()},
        "fritekst": {k: _text_cell(c, with_repair=False) for k, c in row.fritekst.items()},
        "kilde": seed_name,
    }


def write_drafts(extraction: Extraction, out_dir: str | Path, seed_name: str) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("rad-*.yaml"):  # a re-run must not leave stale rows behind
        old.unlink()
    written = []
    for row in extraction.rows:
        path = out / f"rad-{row.rad:03d}.yaml"
        body = yaml.dump(draft_record(row, seed_name), Dumper=_Dumper, allow_unicode=True,
                         sort_keys=False, width=100)
        path.write_text(HEADER + body, encoding="utf-8")
        written.append(path)
    with (out / "index.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["rad", "navn", "kontor", "fylke"])
        for row in extraction.rows:
            w.writerow([row.rad, row.navn, row.kontor, row.fylke])
    with (out / "oppstart-uplassert.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["verdi", "linje", "mulige_rader"])
        for value, line, rows in extraction.unplaced_dates:
            w.writerow([value, line, f"{rows[0]}–{rows[-1]}" if rows else ""])
    return written


def summary(extraction: Extraction) -> str:
    rows = extraction.rows
    fylker = Counter(r.fylke for r in rows)
    types = Counter(r.rapporttype for r in rows)
    paras = Counter(p for r in rows for p in r.paragrafer)
    uncertain = sum(1 for r in rows for c in [r.videre_ja, *r.samarbeid.values()] if c.doubts)
    out = [
        f"rader: {len(rows)}",
        "fylke: " + ", ".join(f"{k} {v}" for k, v in fylker.most_common()),
        "rapporttype: " + ", ".join(f"{k} {v}" for k, v in sorted(types.items())),
        "paragrafer: " + ", ".join(f"{k} ({v})" for k, v in sorted(paras.items(), key=lambda kv: (int(kv[0].split()[0].split('–')[0]), kv[0]))),
        f"oppstart plassert: {sum(1 for r in rows if r.oppstart)}; uplassert: {len(extraction.unplaced_dates)}",
        f"usikre korte celler (ja-gjennom, samarbeid): {uncertain}",
        "duplikater: " + (", ".join(f"rad {r.rad} = rad {r.duplikat_av}" for r in rows if r.duplikat_av) or "ingen"),
    ]
    return "\n".join(out)
