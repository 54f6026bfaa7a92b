"""The glossary (data/ordliste.yaml): terms and abbreviations explained in plain words."""
from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from .base import Model, Text

_TERM = re.compile(r"^[0-9A-Za-zÆØÅæøåÉéÈèÖöÜüÄä§]+(?:[ .,'’/-]{1,2}[0-9A-Za-zÆØÅæøåÉéÈèÖöÜüÄä§]+)*\.?$")


def _plain_term(value: str) -> str:
    # A term is written into every page as an abbreviation definition (the abbr extension):
    # a line break, bracket or tag in it would become Markdown or HTML there.
    if not _TERM.match(value):
        raise PydanticCustomError(
            "rp_term", "må være vanlige ord på én linje: bokstaver, tall, mellomrom, bindestrek, punktum, komma "
            "og skråstrek (ingen klammer, tegn som < > eller linjeskift; fikk '{value}')", {"value": value})
    return value


class Begrep(Model):
    term: Annotated[Text, AfterValidator(_plain_term)]
    """Written exactly as in running text; abbreviations are matched case-sensitively."""
    type: Literal["forkortelse", "begrep"]
    betydning: Text | None = None
    """What an abbreviation stands for: required for type forkortelse, not allowed otherwise
    (checked by macros.knowledge, so the message can name the line)."""
    forklaring: Text


class Ordliste(Model):
    begreper: list[Begrep] = Field(min_length=1)
