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
