"""Cut the OCR'd spreadsheet export (seed 003) into its 18 column blocks.

The export is laid out column by column: every column is written once, top to
bottom, under its question text.  Blocks 4 (start date) and 5 (report type) have
no header in the OCR, so they are found by content instead.  A header can recur
inside a cell (a respondent pasted the question text), so each header is looked
for only after the previous one, and only its first occurrence counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
REPORT_RE = re.compile(r"^\s*(Statusrapportering|Sluttrapportering)")


@dataclass(frozen=True)
class BlockSpec:
    number: int
    key: str
    header: tuple[str, ...]  # header lines as they appear in the OCR (stripped); () = no header


# Header text is the OCR text, damage included ("pa" for "på", "prgves" for "prøves").
SPECS: tuple[BlockSpec, ...] = (
    BlockSpec(1, "navn", ("Navn pa tiltaket.",)),
    BlockSpec(2, "kontor", ("Navn pa NAV-kontoret.",)),
    BlockSpec(3, "epost_fylke", ("E-post til kontaktperson (kopi av besvarelsen blir",
                                 "sendt til denne). Velg fylke.")),
    BlockSpec(4, "oppstart", ()),
    BlockSpec(5, "rapporttype", ()),
    BlockSpec(6, "malgruppe", ("Beskriv malgruppen",)),
    BlockSpec(7, "beskrivelse", ("Beskriv tiltaket.",)),
    BlockSpec(8, "utvikler", ("Beskriv hva tiltaket utvikler.",)),
    BlockSpec(9, "paragrafer", ("Hvilke paragrafer i sosialtjenesteloven er seerlig",
                                "aktuelle for utviklingsarbeidet? (Flere valg mulig)")),
    BlockSpec(10, "samarbeid_interesse", ("Samarbeid - Har tiltaket skapt interesse hos andre",
                                          "aktgrer? Evnt hvilke?")),
    BlockSpec(11, "samarbeid_proves_ut", ("Samarbeid - Skal tiltaket prgves ut andre steder? Evnt",
                                          "hvor?")),
    BlockSpec(12, "samarbeid_aktorer", ("Samarbeid - Er det samarbeid med andre aktgrer?",
                                        "Evnt hvilke?")),
    BlockSpec(13, "oppnadd", ("Beskriv hva dere har oppnddd med tiltaket.",)),
    BlockSpec(14, "maloppnaelse", ("Beskriv hvordan dere har undersgkt mdloppndelse for",
                                   "tiltaket.")),
    BlockSpec(15, "utfordringer", ("Beskriv de viktigste utfordringene knyttet til tiltaket.",)),
    BlockSpec(16, "suksessfaktorer", ("Beskriv de viktigste suksessfaktorene til tiltaket.",)),
    # The OCR glued the headers of blocks 17 and 18 together: the question, then
    # " Nei, fordi", then the full "... - Ja gjennom" header of block 17.
    BlockSpec(17, "videre_ja", ("Skal deler eller hele tiltaket viderefgres?",
                                "Nei, fordi",
                                "Skal deler eller hele tiltaket viderefgres? - Ja gjennom")),
    BlockSpec(18, "videre_nei", ("Skal deler eller hele tiltaket viderefgres? - Nei, fordi",)),
)


@dataclass
class Block:
    """One column block: its content lines, numbered as in the file (1-based)."""

    number: int
    key: str
    header_start: int | None  # line number of the first header line, None if headerless
    start: int  # first content line
    end: int  # last content line (inclusive)
    lines: list[str]  # the whole file, so line numbers index it directly

    def content(self) -> list[tuple[int, str]]:
        return [(n, self.lines[n - 1]) for n in range(self.start, self.end + 1)]


class BlockError(ValueError):
    pass


def read_lines(path: str | Path) -> list[str]:
    text = Path(path).read_text(encoding="utf-8")
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


def _find_header(lines: list[str], header: tuple[str, ...], after: int) -> tuple[int, int]:
    """First (start, end) line numbers of a header whose lines follow each other,
    allowing blank lines between them (the OCR sometimes puts one there)."""
    for i in range(after, len(lines)):
        if lines[i].strip() != header[0]:
            continue
        j, ok = i, True
        for part in header[1:]:
            j += 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j >= len(lines) or lines[j].strip() != part:
                ok = False
                break
        if ok:
            return i + 1, j + 1
    raise BlockError(f"header not found after line {after}: {header[0]!r}")


def cut_blocks(lines: list[str]) -> dict[str, Block]:
    """Return the 18 blocks keyed by BlockSpec.key."""
    spans: dict[int, tuple[int | None, int]] = {}  # number -> (header_start, first content line)
    pos = 0
    for spec in SPECS:
        if spec.header:
            hs, he = _find_header(lines, spec.header, pos)
            spans[spec.number] = (hs, he + 1)
            pos = he
    # Block 4 starts right after the last e-mail line of block 3 (the first date is
    # glued to it); block 5 at the first report-type line after that.
    e_start = spans[3][1]
    last_mail = max(n for n in range(e_start, spans[6][0]) if EMAIL_RE.search(lines[n - 1]))
    first_report = next(n for n in range(last_mail + 1, spans[6][0]) if REPORT_RE.match(lines[n - 1]))
    spans[4] = (None, last_mail + 1)
    spans[5] = (None, first_report)

    order = sorted(spans.items(), key=lambda kv: kv[1][1])
    blocks: dict[str, Block] = {}
    for idx, (number, (hs, start)) in enumerate(order):
        if idx + 1 < len(order):
            nxt_number, (nxt_hs, nxt_start) = order[idx + 1]
            end = (nxt_hs if nxt_hs is not None else nxt_start) - 1
        else:
            end = len(lines)
        spec = SPECS[number - 1]
        blocks[spec.key] = Block(number, spec.key, hs, start, end, lines)
    if len(blocks) != 18:
        raise BlockError(f"expected 18 blocks, found {len(blocks)}")
    return blocks
