"""Shared building blocks for the content models."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo
from pydantic_core import PydanticCustomError

from .. import markdown_policy


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


def not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("rp_blank", "kan ikke være tom", {})
    return value


# Contact data in every form people write it. Phone numbers: eight digits together, or grouped
# 2-2-2-2 or 3-2-3 with one kind of separator (space, non-breaking space, dot or hyphen), with or
# without +47 / 0047. Dates («13.10.2022») and amounts («10 000 000») have other groupings.
_SEP = "[ \u00a0\u202f.\\-]"
_PHONE = re.compile(
    r"(?<![\d\w+])(?:(?:\+|00)47[ \u00a0\u202f]?)?"
    r"(?:\d{8}|\d{2}(?P<a>" + _SEP + r")\d{2}(?P=a)\d{2}(?P=a)\d{2}|\d{3}(?P<b>" + _SEP + r")\d{2}(?P=b)\d{3})"
    r"(?![\d])")
# Fødselsnummer: eleven digits with any spacing, or six and five digits joined by a dot or hyphen.
_FODSELSNUMMER = re.compile(r"(?<![\d])(?:(?:\d[ \u00a0\u202f]?){10}\d|\d{6}[.\-]\d{5})(?![\d])")
_EMAIL = re.compile(
    r"[\w.+-]+\s*(?:@|\uff20|\ufe6b|\(\s*at\s*\)|\[\s*at\s*\]|\{\s*at\s*\})\s*[\w-]+"
    r"(?:\s*(?:\.|\(\s*dot\s*\)|\[\s*dot\s*\])\s*[\w-]+)+",
    re.IGNORECASE)


def contact_data(value: str) -> str | None:
    """What kind of personal contact data `value` holds ('e-postadresse', 'telefonnummer',
    'fødselsnummer'), or None."""
    if _EMAIL.search(value):
        return "e-postadresse"
    if _FODSELSNUMMER.search(value):
        return "fødselsnummer"
    if _PHONE.search(value):
        return "telefonnummer"
    return None


def _no_contact_data(value: str) -> str:
    kind = contact_data(value)
    if kind:
        raise PydanticCustomError(
            "rp_personopplysning",
            "ser ut til å inneholde et {kind}; innholdet skal ikke ha e-postadresser, telefonnumre eller "
            "fødselsnumre – vis til en funksjon eller et kontor i ord",
            {"kind": kind},
        )
    return value


def safe_markdown(value: str, info: ValidationInfo) -> str:
    context = info.context or {}
    found = markdown_policy.problems(value, context.get("eksterne_verter", frozenset()), context.get("sidefiler"))
    if found:
        raise PydanticCustomError("rp_markdown", "{problem}", {"problem": "; ".join(found)})
    return value


EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


def _plausible_date(value: dt.date) -> dt.date:
    # A date such as 9999-12-31 would overflow the calendar arithmetic long after loading.
    if not EARLIEST <= value <= LATEST:
        raise PydanticCustomError(
            "rp_dato", "må være en dato mellom {first} og {last} (fikk '{value}')",
            {"first": EARLIEST.isoformat(), "last": LATEST.isoformat(), "value": value.isoformat()})
    return value


Dato = Annotated[dt.date, AfterValidator(_plausible_date)]
Id = Annotated[str, AfterValidator(_id)]
Version = Annotated[str, AfterValidator(_version)]
Text = Annotated[str, AfterValidator(not_blank), AfterValidator(_no_contact_data)]
Markdown = Annotated[str, AfterValidator(not_blank), AfterValidator(_no_contact_data), AfterValidator(safe_markdown)]
"""Markdown from an author: the safe subset in macros.markdown_policy, rendered by MkDocs (so
internal links are checked), never trusted as HTML. The registry of external hosts reaches the
check through the validation context (macros.validation.validate)."""


class Metadata(Model):
    """What every routine, checklist and form carries: who owns it, which version, when reviewed."""

    id: Id
    tittel: Text
    kortnavn: Text | None = None
    hjemmel: list[str] = Field(default_factory=list)
    versjon: Version
    eier: Text
    sist_revidert: Dato
    neste_revisjon: Dato
    kilde: Markdown
    forslag: bool = False
    """The whole document is our own proposal, not the source's: marked «Forslag fra Rutineportalen»."""
