"""A tiltak in the catalogue: a development measure a Nav office ran with the grant for
developing social services, curated from the grant reports (seed 003)."""
from __future__ import annotations

from typing import Literal, Mapping

from pydantic import Field, PrivateAttr
from types import MappingProxyType

from .base import Id, Model, Text

Fylke = Literal[
    "Agder", "Innlandet", "Møre og Romsdal", "Nordland", "Oslo", "Rogaland",
    "Troms og Finnmark", "Trøndelag", "Vestfold og Telemark", "Vestland", "Viken",
]
"""The fylke in the report (the county division of 2020–2023)."""

FylkeIDag = Literal[
    "Agder", "Akershus", "Buskerud", "Finnmark", "Innlandet", "Møre og Romsdal", "Nordland", "Oslo",
    "Rogaland", "Telemark", "Troms", "Trøndelag", "Vestfold", "Vestland", "Østfold",
]
"""Today's fylke (the county division from 1 January 2024)."""

FYLKESREFORM_2024: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "Viken": ("Østfold", "Akershus", "Buskerud"),
    "Vestfold og Telemark": ("Vestfold", "Telemark"),
    "Troms og Finnmark": ("Troms", "Finnmark"),
})
"""The fylker split in 2024 and what they became; every other fylke kept its name."""


class Kommuneregister(Model):
    """data/kommuner.yaml: today's fylke of every kommune the catalogue names."""

    kommuner: dict[Text, FylkeIDag] = Field(min_length=1)


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
    _fylker_i_dag: list[str] = PrivateAttr(default_factory=list)

    @property
    def fylker_i_dag(self) -> list[str]:
        """Today's fylke of each of its kommuner, once each, in order; set from data/kommuner.yaml when loaded."""
        return self._fylker_i_dag


class Vokabular(Model):
    """The controlled vocabularies; a tag outside them is refused."""

    maalgrupper: list[Text] = Field(min_length=1)
    tema: list[Text] = Field(min_length=1)
