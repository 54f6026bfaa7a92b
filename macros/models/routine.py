"""A routine (rutine) or template (mal): sections of items a veileder works through."""
from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from .base import Id, Markdown, Metadata, Model, Text

ItemType = Literal["sporsmal", "sjekk", "veiledning"]


_LINK = re.compile(r"^[A-Za-z0-9._/-]+(?:#[A-Za-z0-9_-]+)?$")


def _relative_md_path(value: str) -> str:
    path = value.partition("#")[0]
    if not _LINK.match(value) or value.startswith("/") or not path.endswith(".md"):
        raise PydanticCustomError(
            "rp_lenke", "må være en relativ sti til en side, som '../kunnskap/om-profh.md' eller 'rutiner/kartlegging.md#maal' (fikk '{value}')",
            {"value": value},
        )
    return value


RelativeMdPath = Annotated[str, AfterValidator(_relative_md_path)]


HISTORIKK_START = "I PROFH (2019)"


def _historikk(value: str) -> str:
    if not value.startswith(HISTORIKK_START):
        raise PydanticCustomError(
            "rp_historikk", "må begynne med «{start}», så leseren ser at det gjelder prosjektet i 2019 (fikk '{value}')",
            {"start": HISTORIKK_START, "value": value[:60]},
        )
    return value


Historikk = Annotated[Text, AfterValidator(_historikk)]
"""A note that ties a statement to the 2019 project, so a new office can tell history from
what it should do. Always begins «I PROFH (2019)»."""


class Punkt(Model):
    """One item: a fill-in question (sporsmal), a check item (sjekk) or guidance (veiledning)."""

    id: Id
    type: ItemType
    tekst: Text
    linjer: int | None = Field(default=None, ge=1, le=12)
    eksempel: Text | None = None
    lenke: RelativeMdPath | None = None
    """A page this item needs, as a relative .md path from the page that renders the document
    (MkDocs checks it like any other link)."""
    lenketekst: Text | None = None
    """The link text; without it the link reads "Gå til siden"."""
    forslag: bool = False
    """The item is our own proposal, not from the source: the page marks it «Forslag fra Rutineportalen»."""
    historikk: Historikk | None = None
    """Shown under the item when its text is tied to the 2019 project (see Historikk)."""
    underpunkter: list[Punkt] = Field(default_factory=list)
    """Items indented under this one in the source (one level only; the build refuses deeper)."""

    @property
    def lines(self) -> int:
        return self.linjer or 1


class Seksjon(Model):
    id: Id
    tittel: Text
    nivaa: int = Field(default=2, ge=2, le=4)
    nummer: int | None = Field(default=None, ge=1)
    """The number the source gives this heading when it continues the numbered list of the
    section before it (e.g. 14 after items 1-13); shown before the title."""
    innledning: Markdown | None = None
    eksempel: Text | None = None
    """An example the source gives under the heading, before the items; shown as written."""
    nummerert: bool = False
    forslag: bool = False
    """The whole section is our own proposal: the page marks it «Forslag fra Rutineportalen»."""
    punkter: list[Punkt] = Field(default_factory=list)
    avslutning: Markdown | None = None
    """A paragraph after the items, where the source has one."""


class Rutine(Metadata):
    type: Literal["rutine", "mal"] = "rutine"
    formaal: Markdown | None = None
    bruk: Markdown | None = None
    kopier_mal: bool = False
    """Show a "Kopier mal" button that copies headings and questions as plain text."""
    seksjoner: list[Seksjon] = Field(min_length=1)

    def items(self) -> list[Punkt]:
        return all_items(self.seksjoner)


def all_items(seksjoner: list[Seksjon]) -> list[Punkt]:
    """Every item in document order, sub-items right after the item they belong to."""
    return [q for s in seksjoner for p in s.punkter for q in (p, *p.underpunkter)]
