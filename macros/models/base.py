"""Shared building blocks for the content models."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError


class Model(BaseModel):
    """Every content model: unknown keys are errors, values are immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_VERSION = re.compile(r"^\d+(?:\.\d+){0,2}$")


def _id(value: str) -> str:
    if not _ID.match(value):
        raise PydanticCustomError(
            "rp_id", "må bestå av små bokstaver a-z, tall og bindestrek, for eksempel 'bosituasjon-2' (fikk '{value}')",
            {"value": value},
        )
    return value


def _version(value: str) -> str:
    if not _VERSION.match(value):
        raise PydanticCustomError(
            "rp_version", "må være et versjonsnummer som '1.0' eller '2.1.3' (fikk '{value}')", {"value": value}
        )
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("rp_blank", "kan ikke være tom", {})
    return value


Id = Annotated[str, AfterValidator(_id)]
Version = Annotated[str, AfterValidator(_version)]
Text = Annotated[str, AfterValidator(_not_blank)]
Markdown = Annotated[str, AfterValidator(_not_blank)]
"""Markdown from an author: rendered by MkDocs (so links are checked), never trusted as HTML."""


class Metadata(Model):
    """What every routine, checklist and form carries: who owns it, which version, when reviewed."""

    id: Id
    tittel: Text
    kortnavn: Text | None = None
    hjemmel: list[str] = Field(default_factory=list)
    versjon: Version
    eier: Text
    sist_revidert: dt.date
    neste_revisjon: dt.date
    kilde: Markdown
    forslag: bool = False
    """The whole document is our own proposal, not the source's: marked «Forslag fra Rutineportalen»."""
