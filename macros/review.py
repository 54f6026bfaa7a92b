"""Review status of a document: gyldig, forfaller (within 60 days) or forfalt."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, Mapping
from types import MappingProxyType

DUE_SOON_DAYS = 60

Status = Literal["gyldig", "forfaller", "forfalt"]

LABELS: Mapping[Status, str] = MappingProxyType({
    "gyldig": "Gyldig",
    "forfaller": f"Forfaller innen {DUE_SOON_DAYS} dager",
    "forfalt": "Revisjon forfalt",
})


@dataclass(frozen=True)
class ReviewStatus:
    status: Status
    days_left: int

    @property
    def label(self) -> str:
        return LABELS[self.status]


def review_status(neste_revisjon: dt.date, today: dt.date) -> ReviewStatus:
    """Due today still counts as valid; the day after, it is overdue."""
    days = (neste_revisjon - today).days
    if days < 0:
        return ReviewStatus("forfalt", days)
    if days <= DUE_SOON_DAYS:
        return ReviewStatus("forfaller", days)
    return ReviewStatus("gyldig", days)
