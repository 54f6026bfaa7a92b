"""An office profile (kontor/<id>.yaml): the office's name, a functional contact point and its
local additions to the shared routines and checklists. No personal data: no e-mail addresses,
no phone numbers."""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from .base import Id, Model, contact_data, not_blank, safe_markdown

_AT = re.compile(r"@|\uff20|\ufe6b|\(\s*at\s*\)|\[\s*at\s*\]", re.IGNORECASE)
_LOGO = re.compile(r"^[A-Za-z0-9._/-]+\.(?:svg|png|jpg|jpeg|webp)$")


def _no_personal_data(value: str) -> str:
    """Stricter than every other text (macros.models.base.contact_data): a profile is where a
    person's address would go, so any '@' or «(at)» is refused."""
    kind = contact_data(value)
    if _AT.search(value) or kind == "e-postadresse":
        raise PydanticCustomError(
            "rp_personopplysning",
            "kan ikke inneholde '@': profilen skal ikke ha e-postadresser; "
            "skriv en funksjonell kontaktvei i ord, for eksempel «Mottaket, Nav Hamar»",
            {},
        )
    if kind == "telefonnummer":
        raise PydanticCustomError(
            "rp_personopplysning",
            "kan ikke inneholde et telefonnummer (8 sifre): profilen skal ikke ha telefonnumre; "
            "vis til sentralbordet eller mottaket i ord",
            {},
        )
    if kind == "fødselsnummer":
        raise PydanticCustomError(
            "rp_personopplysning", "kan ikke inneholde et fødselsnummer (11 sifre): profilen skal ikke ha personopplysninger", {})
    return value


def _logo(value: str) -> str:
    if not _LOGO.match(value) or value.startswith("/") or ".." in value.split("/"):
        raise PydanticCustomError(
            "rp_logo", "må være en relativ sti til et bilde i docs/, som 'assets/images/hamar.svg' (fikk '{value}')",
            {"value": value},
        )
    return value


SafeText = Annotated[str, AfterValidator(not_blank), AfterValidator(_no_personal_data)]
SafeMarkdown = Annotated[str, AfterValidator(not_blank), AfterValidator(_no_personal_data), AfterValidator(safe_markdown)]


class Kontaktpunkt(Model):
    """A functional contact, never a person: e.g. "Mottaket, Nav Hamar"."""

    navn: SafeText
    beskrivelse: SafeText | None = None
    """How to reach it, in words: "Ring Navs sentralbord og be om Nav Hamar, eller møt opp i mottaket."."""


class Tillegg(Model):
    """A local addition, shown in the shared document right after `etter` (or at its end)."""

    id: Id
    dokument: Id
    etter: Id | None = None
    tittel: SafeText
    tekst: SafeMarkdown


class Kontor(Model):
    """One office's profile, kontor/<id>.yaml: its edition is built with RUTINEPORTALEN_KONTOR=<id>."""

    id: Id
    navn: SafeText
    logo: Annotated[str, AfterValidator(_logo)] | None = None
    kontaktpunkt: Kontaktpunkt
    eksempel: bool = False
    """An example profile (the PROFH offices' samples): shown as "Eksempel" on every addition."""
    tillegg: list[Tillegg] = Field(default_factory=list)
    maal: list[SafeText] = Field(default_factory=list)
    """The office's own goals for internkontroll, shown in the årshjul of its build instead of
    the prompt to set them (the PROFH goals from 2019 are shown as history in every build)."""
