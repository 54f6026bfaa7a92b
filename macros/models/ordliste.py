"""The glossary (data/ordliste.yaml): terms and abbreviations explained in plain words."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model, Text


class Begrep(Model):
    term: Text
    """Written exactly as in running text; abbreviations are matched case-sensitively."""
    type: Literal["forkortelse", "begrep"]
    betydning: Text | None = None
    """What an abbreviation stands for: required for type forkortelse, not allowed otherwise
    (checked by macros.knowledge, so the message can name the line)."""
    forklaring: Text


class Ordliste(Model):
    begreper: list[Begrep] = Field(min_length=1)
