"""A checklist (sjekkliste) or a stikkprøve form: points to tick, with header fields for print."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Markdown, Metadata, Model, Text
from .routine import Seksjon, all_items


class Felt(Model):
    """A header field left blank on paper, e.g. Saksnummer. Never stored by the browser."""

    id: Id
    etikett: Text
    valg: list[Text] | None = None


class Kolonne(Model):
    id: Id
    tittel: Text


class Sjekkliste(Metadata):
    type: Literal["sjekkliste", "stikkprove"] = "sjekkliste"
    rutine: Id | None = None
    formaal: Markdown | None = None
    bruk: Markdown | None = None
    felter: list[Felt] = Field(default_factory=list)
    kolonner: list[Kolonne] = Field(default_factory=list)
    seksjoner: list[Seksjon] = Field(min_length=1)

    def items(self):
        return all_items(self.seksjoner)
