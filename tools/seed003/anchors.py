"""Anchors for the long free-text columns: words that tie a paragraph to a row.

In the long columns many row boundaries are lost (57 of the 68 three-blank
gaps survive in "Beskriv tiltaket", fewer elsewhere), but row order is kept.
A paragraph that names a row's office place or its tiltak name is probably in
that row, so the alignment gets a small reward for putting it there.  Only
rare words count: a word that occurs many times in the column (a big city, a
common tiltak name like "Jobbspesialist") would pull paragraphs the wrong way.
"""

from __future__ import annotations

import re
from typing import Sequence

from .align import Group

ANCHOR_BONUS = 0.5
MAX_OCCURRENCES = 4  # an anchor occurring more often in the column is ignored
_GENERIC = frozenset({"nav", "kommune", "prosjekt", "tiltak", "ung", "jobb", "arbeid", "familie",
                      "indre", "midt", "nord", "sør", "vest", "øst", "søndre", "nordre", "vestre",
                      "østre", "øvre", "bergen", "oslo"})


def row_anchors(raw_name: str, raw_office: str) -> list[str]:
    """Candidate anchors (raw OCR spelling) for one row."""
    out: list[str] = []
    name = re.sub(r"\s+", " ", raw_name).strip()
    if len(name) >= 5 and len(name.split()) <= 3:
        out.append(name)
    office = re.sub(r"\s+", " ", raw_office).strip()
    office = re.sub(r"\([^)]*\).*", "", office)
    for part in re.split(r"[/,]| og |\bNAV\b| - |-", office, flags=re.IGNORECASE):
        part = part.strip(" .")
        if part.isupper():  # "HALDEN AREMARK": the text writes "Halden og Aremark"
            part = part.title()
        # short parts count too when they are the whole place name ("H3" = Hå)
        if len(part) >= 2 and part.lower() not in _GENERIC:
            out.append(part)
        words = part.split()
        if len(words) > 1:  # "Halden Aremark" -> also "Halden", "Aremark"
            out.extend(w for w in words if len(w) >= 5 and w.lower() not in _GENERIC)
    return list(dict.fromkeys(out))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def make_bonus(groups: Sequence[Group], anchors: dict[int, list[str]]) -> tuple[dict[tuple[int, int], float], dict[int, set[int]]]:
    """Rewards for ``align`` ((group index, row) -> bonus) and, per row, the
    indices of the groups that name it."""
    texts = [_flat(g.text) for g in groups]
    rows_of: dict[str, set[int]] = {}
    for row, words in anchors.items():
        for w in words:
            rows_of.setdefault(w, set()).add(row)
    # one scan with all anchors (longest first, so "Midtre Gauldal" wins over a prefix)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in sorted(rows_of, key=len, reverse=True))
                         + r")(?!\w)")
    found = [pattern.findall(t) for t in texts]
    counts: dict[str, int] = {}
    for words in found:
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    hits: dict[int, set[int]] = {}
    for i, words in enumerate(found):
        for w in set(words):
            if counts[w] <= MAX_OCCURRENCES:
                for row in rows_of[w]:
                    hits.setdefault(row, set()).add(i)
    bonus = {(i, row): ANCHOR_BONUS for row, idx in hits.items() for i in idx}
    return bonus, hits
