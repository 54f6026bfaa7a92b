"""A routine (rutine) or template (mal): sections of items a veileder works through."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Markdown, Metadata, Model, Text

ItemType = Literal["sporsmal", "sjekk", "veiledning"]


class Punkt(Model):
    """One item: a fill-in question (sporsmal), a check item (sjekk) or guidance (veiledning)."""

    id: Id
    type: ItemType
    tekst: Text
    linjer: int | None = Field(default=None, ge=1, le=12)
    eksempel: Text | None = None

    @property
    def lines(self) -> int:
        return self.linjer or 1


class Seksjon(Model):
    id: Id
    tittel: Text
    nivaa: int = Field(default=2, ge=2, le=3)
    innledning: Markdown | None = None
    nummerert: bool = False
    punkter: list[Punkt] = Field(default_factory=list)


class Rutine(Metadata):
    type: Literal["rutine", "mal"] = "rutine"
    formaal: Markdown | None = None
    bruk: Markdown | None = None
    kopier_mal: bool = False
    """Show a "Kopier mal" button that copies headings and questions as plain text."""
    seksjoner: list[Seksjon] = Field(min_length=1)

    def items(self) -> list[Punkt]:
        return [p for s in self.seksjoner for p in s.punkter]
