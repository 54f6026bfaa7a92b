"""Rebuild the 143 spreadsheet rows of seed 003 (procedure of the structure note, §6).

1. Cut the file into its 18 column blocks (``blocks``).
2. The office block (143 groups, none split) gives the row signature; names,
   e-mail+fylke, målgruppe and §§ are aligned to it and must reproduce it.
3. Report type: the 55 values of block 5 are rows 89–143, in order.
4. Nei-fordi and the start dates are placed by the empty-cell rule; Ja-gjennom
   is aligned with the Nei-fordi rows forced empty.
5. The three Samarbeid columns and the six long free-text columns are aligned
   by the DP (the long ones helped by name anchors) and carry a certainty note.
6. OCR repair runs after alignment, on the aligned text; raw text is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import align as al
from .anchors import make_bonus, row_anchors
from .blocks import EMAIL_RE, Block, cut_blocks, read_lines
from .paragraphs import parse_paragraphs
from .places import kommuner, normalise_office, repair_fylke
from .repair import repair_name, repair_text

N_ROWS = 143
STATUS_FIRST_ROW = 89  # block 5 covers rows 89-143 only

# Start dates placed by content, not by blank lines (the structure note, §3.3):
# row 16 "01.11.22" (its description says "ikke før 01.11.22") and row 61
# "24.10.22 ..." (the Stange text says "startet 24.10.22").  The rest follow
# from these by the empty-cell rule.
DATE_ANCHORS: dict[str, int] = {"01.11.22": 16, "24.10.22": 61}

SHORT_TEXT_KEYS = ("samarbeid_interesse", "samarbeid_proves_ut", "samarbeid_aktorer")
LONG_TEXT_KEYS = ("beskrivelse", "utvikler", "oppnadd", "maloppnaelse", "utfordringer", "suksessfaktorer")


@dataclass
class Cell:
    """One aligned cell: raw OCR text, its seed lines and why it may be wrong."""

    ocr: str | None
    lines: tuple[int, int] | None
    doubts: list[str] = field(default_factory=list)

    @property
    def sikkerhet(self) -> str:
        if self.ocr is None and not self.doubts:
            return "sikker: tom celle"
        return "sikker" if not self.doubts else "usikker: " + "; ".join(dict.fromkeys(self.doubts))


@dataclass
class Row:
    rad: int
    navn_ocr: str
    navn: str
    kontor_ocr: str
    kontor: str
    kommuner: list[str]
    fylke: str
    epost: str
    malgruppe: Cell
    paragrafer: list[str]
    paragrafer_andre: bool
    paragrafer_ocr: str
    rapporttype: str  # status / slutt / ukjent
    oppstart: str | None
    videre_ja: Cell
    videre_nei: Cell
    samarbeid: dict[str, Cell]
    fritekst: dict[str, Cell]
    duplikat_av: int | None = None  # an earlier row with the same name and office


@dataclass
class Extraction:
    rows: list[Row]
    signatures: dict[str, str]  # block key -> row signature of its aligned cells
    unplaced_dates: list[tuple[str, int, list[int]]]  # (value, seed line, candidate rows)


def _join(cell: list[al.Group]) -> str:
    # groups were separated by blank lines: keep one as a paragraph break
    return "\n\n".join(g.text for g in cell)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _cell(cells: list[al.Group], doubts: list[str]) -> Cell:
    if not cells:
        return Cell(None, None, doubts)
    return Cell(_join(cells), (cells[0].first, cells[-1].last), doubts)


def _full_column(block: Block, sig: str, groups: list[al.Group] | None = None) -> list[list[al.Group]]:
    """A column with a value in every row: no empty cells allowed."""
    alignment = al.align(groups if groups is not None else al.split_groups(block), sig, may_be_empty=set())
    return alignment.cells


def _report_type(block: Block, sig: str) -> list[str]:
    groups = al.split_groups(block)
    values = [_one_line(g.text) for g in groups]
    if len(values) != N_ROWS - STATUS_FIRST_ROW + 1:
        raise ValueError(f"expected {N_ROWS - STATUS_FIRST_ROW + 1} report types, found {len(values)}")
    out = ["ukjent"] * (STATUS_FIRST_ROW - 1)
    for v in values:
        if v.startswith("Statusrapportering"):
            out.append("status")
        elif v.startswith("Sluttrapportering"):
            out.append("slutt")
        else:
            raise ValueError(f"unknown report type: {v!r}")
    return out


def _dates(block: Block, sig: str) -> tuple[dict[int, str], list[tuple[str, int, list[int]]]]:
    groups = al.split_glued(al.split_groups(block))
    anchors = {i: row for i, g in enumerate(groups) for prefix, row in DATE_ANCHORS.items()
               if _one_line(g.text).startswith(prefix)}
    placed: dict[int, str] = {}
    unplaced: list[tuple[str, int, list[int]]] = []
    for g, rows in al.place_sparse(groups, sig, anchors):
        value = _one_line(g.text)
        if len(rows) == 1:
            placed[rows[0]] = value
        else:
            unplaced.append((value, g.first, rows))
    return placed, unplaced


def _doubts_by_row(alignment: al.Alignment, sig: str, forced_empty: set[int] = frozenset()) -> dict[int, list[str]]:
    doubts = al.segment_certainty(alignment, sig)
    # Where a segment of "s" rows has an empty cell, which row is empty is a guess.
    starts = [k for k in range(1, len(sig) + 1) if k == 1 or sig[k - 1] == "L"]
    for idx, s in enumerate(starts):
        e = starts[idx + 1] - 1 if idx + 1 < len(starts) else len(sig)
        rows = [k for k in range(s, e + 1) if k not in forced_empty]
        empty = [k for k in rows if not alignment.cells[k - 1]]
        if empty and len(rows) > 1:
            for k in rows:
                doubts[k].append(f"radene {s}–{e} har en tom celle; hvilken rad som er tom er gjettet")
    return doubts


def extract(seed_path: str | Path) -> Extraction:
    lines = read_lines(seed_path)
    blocks = cut_blocks(lines)

    offices = al.split_groups(blocks["kontor"])
    if len(offices) != N_ROWS:
        raise ValueError(f"expected {N_ROWS} offices, found {len(offices)}")
    sig = al.signature([[g] for g in offices])

    names = _full_column(blocks["navn"], sig)
    mails = _full_column(blocks["epost_fylke"], sig, al.email_groups(blocks["epost_fylke"]))
    target = _full_column(blocks["malgruppe"], sig)
    paras = _full_column(blocks["paragrafer"], sig)
    signatures = {
        "kontor": sig,
        "navn": al.signature(names),
        "epost_fylke": al.signature(mails),
        "malgruppe": al.signature(target),
        "paragrafer": al.signature(paras),
    }

    report = _report_type(blocks["rapporttype"], sig)
    signatures["rapporttype"] = al.signature([[g] for g in al.split_groups(blocks["rapporttype"])])
    dates, unplaced = _dates(blocks["oppstart"], sig)

    nei_groups = al.split_groups(blocks["videre_nei"])
    nei_rows = {}
    for g, rows in al.place_sparse(nei_groups, sig):
        if len(rows) != 1:
            raise ValueError(f"Nei-fordi value at line {g.first} cannot be placed")
        nei_rows[rows[0]] = g
    ja = al.align(al.split_groups(blocks["videre_ja"]), sig, may_be_empty=set(nei_rows), must_be_empty=set(nei_rows))
    ja_doubts = _doubts_by_row(ja, sig, set(nei_rows))

    raw_names = [_join(c) for c in names]
    anchors = {r: row_anchors(raw_names[r - 1], offices[r - 1].text) for r in range(1, N_ROWS + 1)}
    short: dict[str, tuple[al.Alignment, dict[int, list[str]]]] = {}
    for key in SHORT_TEXT_KEYS:
        groups = al.split_groups(blocks[key])
        a = al.align(groups, sig, bonus=make_bonus(groups, anchors)[0])
        short[key] = (a, _doubts_by_row(a, sig))

    long: dict[str, tuple[al.Alignment, dict[int, list[str]], dict[int, set[int]]]] = {}
    for key in LONG_TEXT_KEYS:
        groups = al.split_glued(al.split_groups(blocks[key]))
        bonus, hits = make_bonus(groups, anchors)
        a = al.align(groups, sig, bonus=bonus)
        long[key] = (a, _doubts_by_row(a, sig), {r: {groups[i].first for i in idx} for r, idx in hits.items()})

    rows: list[Row] = []
    for r in range(1, N_ROWS + 1):
        mail_line = _one_line(mails[r - 1][0].text)
        m = EMAIL_RE.search(mail_line)
        assert m is not None
        fylke = repair_fylke(mail_line[m.end():])
        office_raw = _one_line(offices[r - 1].text)
        office = normalise_office(office_raw)
        para_raw = _join(paras[r - 1])
        para_list, para_other = parse_paragraphs(para_raw)
        target_raw = _join(target[r - 1])

        samarbeid = {}
        for key in SHORT_TEXT_KEYS:
            a, doubts = short[key]
            samarbeid[key] = _cell(a.cells[r - 1], doubts[r])
        fritekst = {}
        for key, (a, doubts, hits) in long.items():
            cell = _cell(a.cells[r - 1], doubts[r])
            if cell.doubts and r in hits:
                inside = sorted(n for n in hits[r] if cell.lines and cell.lines[0] <= n <= cell.lines[1])
                if inside:
                    cell.doubts.append("radens navn eller kontor er nevnt i teksten (linje "
                                       + ", ".join(map(str, inside)) + ")")
                else:
                    cell.doubts.append("radens navn eller kontor er nevnt på linje "
                                       + ", ".join(map(str, sorted(hits[r]))) + ", utenfor denne cellen")
            fritekst[key] = cell

        nei = nei_rows.get(r)
        rows.append(Row(
            rad=r,
            navn_ocr=_one_line(raw_names[r - 1]),
            navn=repair_name(raw_names[r - 1]),
            kontor_ocr=office_raw,
            kontor=office,
            kommuner=kommuner(office_raw, office),
            fylke=fylke,
            epost=m.group(),
            malgruppe=Cell(target_raw, (target[r - 1][0].first, target[r - 1][-1].last)),
            paragrafer=para_list,
            paragrafer_andre=para_other,
            paragrafer_ocr=_one_line(para_raw),
            rapporttype=report[r - 1],
            oppstart=dates.get(r),
            videre_ja=_cell(ja.cells[r - 1], ja_doubts[r]),
            videre_nei=Cell(nei.text, (nei.first, nei.last)) if nei else Cell(None, None),
            samarbeid=samarbeid,
            fritekst=fritekst,
        ))
    first_seen: dict[tuple[str, str], int] = {}
    for row in rows:
        key = (row.navn.casefold(), row.kontor)
        row.duplikat_av = first_seen.get(key)
        first_seen.setdefault(key, row.rad)
    return Extraction(rows, signatures, unplaced)


def repaired(cell: Cell) -> str | None:
    """The OCR-repaired text of a short cell, lines joined into one paragraph
    per blank-line group."""
    if cell.ocr is None:
        return None
    paragraphs = [_one_line(p) for p in cell.ocr.split("\n\n")]
    return "\n\n".join(repair_text(p) for p in paragraphs if p)
