"""Read the ticked sosialtjenesteloven paragraphs out of a block-9 cell.

The cell lists the ticked options of a multiple-choice question, separated by
" / ".  The OCR damaged the numbers (``§1`` → ``81``, ``§14`` → ``8§14``,
``§40`` → ``840``) far more than the option titles, so the options are
recognised by a keyword of their title (a closed vocabulary), not by number.
"""

from __future__ import annotations

import re

# (keyword in the OCR'd option title, paragraph numbers as the law writes them)
# "§28, 33 - Individuell plan" names two paragraphs; "§29 - §40 -
# Kvalifiseringsprogram med tilhørende stønader" names a range (chapter 5).
OPTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sparagra", ("1",)),  # Formålsparagrafen: "Edrmalsparagrafen", "kormalsparagraten"
    ("Informasjon og generell", ("12",)),
    ("frivillige organisasjoner", ("14",)),
    ("Boliger til vanskeligstilte", ("15",)),
    ("Opplysning", ("17",)),
    ("til livsopphold", ("18",)),
    ("tilfeller", ("19",)),
    ("utbetaling av", ("20",)),
    ("aktivitet for personer", ("20 a",)),
    ("Midlertidig botilbud", ("27",)),
    ("Individuell plan", ("28", "33")),
    ("Kvalifiseringsprogram", ("29–40",)),
    ("Plikt til", ("42",)),
)
OTHER = "Andre"  # the "other" box; not a paragraph


def _sort_key(p: str) -> tuple[int, str]:
    m = re.match(r"\d+", p)
    return (int(m.group()) if m else 0, p)


def parse_paragraphs(cell: str) -> tuple[list[str], bool]:
    """(paragraph numbers, whether "Andre" was ticked) for one cell."""
    text = re.sub(r"\s+", " ", cell)
    found: set[str] = set()
    for keyword, numbers in OPTIONS:
        if keyword in text:
            found.update(numbers)
    other = re.search(r"(^|/ )\s*Andre\b", text) is not None
    return sorted(found, key=_sort_key), other


def unmatched_options(cell: str) -> list[str]:
    """Options of a cell that match no keyword (for checking the vocabulary)."""
    parts = [p.strip() for p in re.split(r"\s/\s", re.sub(r"\s+", " ", cell)) if p.strip()]
    return [p for p in parts if p != OTHER and not any(k in p for k, _ in OPTIONS)]
