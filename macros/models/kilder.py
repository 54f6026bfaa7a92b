"""The register of sources (data/kilder.yaml): knowledge pages name theirs with `kilder:` ids."""
from __future__ import annotations

from pydantic import Field

from .base import Id, Model, Text


class Kilde(Model):
    id: Id
    tittel: Text
    utgiver: Text
    aar: Text
    """Free text: the sources are partly undated ("Udatert (tidligst 2021)")."""
    beskrivelse: Text | None = None


class Kilderegister(Model):
    kilder: list[Kilde] = Field(min_length=1)
