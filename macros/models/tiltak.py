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
    """Row numbers (1-143) in the source spreadsheet; two when a tiltak was reported twice."""
    merknad: Text | None = None
    """Anything the curator could not settle from the source."""


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
