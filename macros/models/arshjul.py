"""The årshjul for internkontroll (data/arshjul.yaml) and the typical avvik (data/avvik.yaml)."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from .base import Id, Markdown, Model, Text

Month = Annotated[int, Field(ge=1, le=12)]


class Aktivitet(Model):
    """One activity in the year: in which months, who is responsible, which routines/forms it uses."""

    id: Id
    tittel: Text
    maaneder: list[Month] = Field(min_length=1)
    """Months 1-12 in which the activity takes place (1 = januar)."""
    ansvarlig: Text
    """A role, never a person's name. The source appoints no responsible role for any activity,
    so every ansvarlig is our proposal and the page marks it «Forslag fra Rutineportalen»."""
    beskrivelse: Markdown
    bruker: list[Id] = Field(default_factory=list)
    """Ids of routines and checklists/forms the activity uses; checked against the content."""
    kilde: Markdown | None = None
    """Where the activity and its months come from, or that the month is our own choice."""
    forslag: bool = False
    """The activity itself is our proposal, not the source's: marked «Forslag fra Rutineportalen»."""

    @field_validator("maaneder")
    @classmethod
    def _sorted_unique(cls, value: list[int]) -> list[int]:
        if len(set(value)) != len(value):
            raise PydanticCustomError("rp_maaned", "kan ikke nevne samme måned to ganger (fikk {value})",
                                      {"value": value})
        return sorted(value)


class Arshjul(Model):
    tittel: Text
    maal: list[Text] = Field(min_length=1)
    """The goals of the årshjul in PROFH (2019), verbatim from the source. The page shows them
    as history («I PROFH (2019) …»); an office sets its own goals in its profile (Kontor.maal)."""
    kilde: Markdown
    aktiviteter: list[Aktivitet] = Field(min_length=1)


class Kontrollpunkter(Model):
    skjema: Id
    """A stikkprøve form (checklist id)."""
    punkter: list[Id] = Field(min_length=1)
    """Item ids in that form, e.g. punkt-13."""


class Avvik(Model):
    """A typical deviation found in internkontroll, its risk, and the stikkprøve points that catch it."""

    id: Id
    avvik: Text
    risiko: Text
    omfang: Text | None = None
    """How widespread it was, e.g. 'to av fire kontorer'."""
    kontroll: list[Kontrollpunkter] = Field(min_length=1)
    """The stikkprøve points that catch it."""


class Avviksliste(Model):
    kilde: Markdown
    avvik: list[Avvik] = Field(min_length=1)
