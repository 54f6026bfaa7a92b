"""A tiltak in the catalogue: a development measure a Nav office ran with the grant for
developing social services, curated from the grant reports (seed 003)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Model, Text

Fylke = Literal[
    "Agder", "Innlandet", "Møre og Romsdal", "Nordland", "Oslo", "Rogaland",
    "Troms og Finnmark", "Trøndelag", "Vestfold og Telemark", "Vestland", "Viken",
]


class Videreforing(Model):
    status: Literal["ja", "nei", "uavklart"]
    begrunnelse: Text


class Kilde(Model):
    rader: list[int] = Field(min_length=1)
    """Row numbers (1-143) in the source spreadsheet; two when a tiltak was reported twice. Never shown:
    no reader has the spreadsheet."""
    merknad: Text | None = None
    """A note for readers, shown on the tiltak page: only what a reader needs to read the page right
    (for example that the name is descriptive). Written about the tiltak, not about the spreadsheet."""
    kuratornotat: Text | None = None
    """The curator's working note (OCR, row boundaries, what was moved where). Validated, never rendered."""


class Tiltak(Model):
    id: Id
    navn: Text
    navn_rekonstruert: bool = False
    """True where the source name is missing or cut off and `navn` is descriptive."""
    kontor: Text
    kommuner: list[Text] = Field(min_length=1)
    fylke: Fylke
    maalgruppe: Text
    maalgrupper: list[Text] = Field(min_length=1)
    tema: list[Text] = Field(min_length=1)
    paragrafer: list[Text] = Field(default_factory=list)
    """Sosialtjenesteloven paragraphs the report ticks, e.g. "17", "20 a"."""
    rapporttype: Literal["status", "slutt", "ukjent"]
    rapportaar: int = Field(ge=2000, le=2100)
    """The year the report covers. Seed 003 is one reporting round: the reports on 2022, written around
    the turn of the year 2022/2023 (see README, «Kilder og verktøy for katalogen»)."""
    oppstart: Text | None = None
    beskrivelse: Text
    utvikler: Text | None = None
    resultater: Text | None = None
    maaloppnaaelse: Text | None = None
    utfordringer: Text | None = None
    suksessfaktorer: Text | None = None
    videreforing: Videreforing
    samarbeidspartnere: Text | None = None
    kilde: Kilde


class Vokabular(Model):
    """The controlled vocabularies; a tag outside them is refused."""

    maalgrupper: list[Text] = Field(min_length=1)
    tema: list[Text] = Field(min_length=1)
