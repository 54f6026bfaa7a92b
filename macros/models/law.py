"""The registry of laws and paragraphs: every `hjemmel` is resolved here into a Lovdata link."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import Field, HttpUrl

from .base import Id, Model, Text


class Paragraf(Model):
    tittel: Text


class Lov(Model):
    id: Id
    navn: Text
    kortnavn: Text
    forkortelse: Text
    lovdata: HttpUrl
    paragrafer: dict[str, Paragraf] = Field(min_length=1)


class Lovregister(Model):
    lover: list[Lov] = Field(min_length=1)


_REF = re.compile(r"^\s*(?P<lov>[a-zæøå.]+)\s*§\s*(?P<nr>\d+)\s*(?P<ledd>[a-z])?\s*$", re.IGNORECASE)


def normalise_paragraph(nr: str) -> str:
    """'20a', '20 a' and '20  a' are the same paragraph: '20 a'."""
    m = re.match(r"^\s*(\d+)\s*([a-z])?\s*$", nr, re.IGNORECASE)
    if not m:
        return nr.strip()
    return m.group(1) + (f" {m.group(2).lower()}" if m.group(2) else "")


@dataclass(frozen=True)
class Lovhenvisning:
    """A resolved reference such as 'sotjl § 20 a'."""

    lov: Lov
    nr: str

    @property
    def tittel(self) -> str:
        return self.lov.paragrafer[self.nr].tittel

    @property
    def kort(self) -> str:
        return f"{self.lov.kortnavn} § {self.nr}"

    @property
    def url(self) -> str:
        return f"{str(self.lov.lovdata).rstrip('/')}/§{self.nr.replace(' ', '')}"


class LawLookup:
    def __init__(self, register: Lovregister):
        self._by_key = {}
        for lov in register.lover:
            for key in {lov.id, lov.forkortelse.rstrip("."), lov.kortnavn}:
                self._by_key[key.lower()] = lov
        self.register = register

    def known(self) -> list[str]:
        return [f"{lov.id} § {nr}" for lov in self.register.lover for nr in lov.paragrafer]

    def resolve(self, ref: str) -> Lovhenvisning | None:
        m = _REF.match(ref)
        if not m:
            return None
        lov = self._by_key.get(m.group("lov").rstrip(".").lower())
        if lov is None:
            return None
        nr = normalise_paragraph(m.group("nr") + (m.group("ledd") or ""))
        return Lovhenvisning(lov, nr) if nr in lov.paragrafer else None

    def sotjl(self, nr: str) -> Lovhenvisning | None:
        return self.resolve(f"sotjl § {nr}")
