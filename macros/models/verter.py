"""The registry of external hosts (data/eksterne-verter.yaml) that Markdown in content may link to."""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from .base import Model, Text

_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")


def _host(value: str) -> str:
    if not _HOST.match(value):
        raise PydanticCustomError(
            "rp_vert", "må være et vertsnavn med små bokstaver, som 'lovdata.no' (uten https:// og uten sti; fikk '{value}')",
            {"value": value})
    return value


class Vert(Model):
    vert: Annotated[str, AfterValidator(_host)]
    """The host and every subdomain of it (lovdata.no also allows www.lovdata.no)."""
    navn: Text


class EksterneVerter(Model):
    verter: list[Vert] = Field(min_length=1)

    def hosts(self) -> frozenset[str]:
        return frozenset(v.vert for v in self.verter)
