"""The loaded content as one typed value (Content, with its knowledge layer and årshjul) and the
Loader that fills it from files, collecting every error instead of stopping at the first."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from .errors import ContentError
from .models.arshjul import Arshjul, Avviksliste
from .models.base import Metadata
from .models.checklist import Sjekkliste
from .models.kilder import Kilde
from .models.kontor import Kontor
from .models.law import LawLookup
from .models.ordliste import Begrep
from .models.routine import Rutine
from .models.tiltak import Tiltak, Vokabular
from .validation import validate
from .yamlsource import Located, read_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class ArshjulData:
    """What data/arshjul.yaml and data/avvik.yaml hold, checked against the routines and forms."""

    hjul: Arshjul
    avvik: Avviksliste | None


@dataclass
class Knowledge:
    """The register of sources (data/kilder.yaml) and the glossary (data/ordliste.yaml)."""

    kilder: dict[str, Kilde] = field(default_factory=dict)
    begreper: list[Begrep] = field(default_factory=list)

    @property
    def forkortelser(self) -> list[Begrep]:
        return [b for b in self.begreper if b.type == "forkortelse"]


@dataclass
class Content:
    """Everything the site shows, validated: one value read by the views and the outputs."""

    root: Path
    laws: LawLookup
    routines: dict[str, Rutine] = field(default_factory=dict)
    checklists: dict[str, Sjekkliste] = field(default_factory=dict)
    tiltak: dict[str, Tiltak] = field(default_factory=dict)
    vokabular: Vokabular | None = None
    arshjul: ArshjulData | None = None
    kontor: Kontor | None = None
    """The office profile of this build (kontor/<id>.yaml), or None for the shared core."""
    hosts: frozenset[str] = frozenset()
    """External hosts Markdown in content may link to (data/eksterne-verter.yaml)."""
    knowledge: Knowledge = field(default_factory=Knowledge)
    """Sources and glossary."""
    sources: dict[str, Located] = field(default_factory=dict)
    """The located YAML of each document id, for messages that point at a line later on."""

    def document(self, doc_id: str) -> Metadata:
        return self.routines.get(doc_id) or self.checklists[doc_id]

    def documents(self) -> list[Metadata]:
        return [*self.routines.values(), *self.checklists.values()]


class Loader:
    """Reads files relative to `root`, remembering every error instead of stopping at the first."""

    def __init__(self, root: Path):
        self.root = root
        self.errors: list[ContentError] = []
        self.failed: set[str] = set()
        """File names (without .yaml) that did not validate: references to them are not reported again."""
        self.laws_known = True
        """False when the law registry did not load: law references are then not judged."""
        self.context: dict[str, Any] = {"eksterne_verter": frozenset()}
        """What validators need from other files (macros.models.base reads the external hosts)."""

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def read(self, path: Path) -> Located | None:
        doc, errors = read_yaml(path, self.rel(path))
        self.errors.extend(errors)
        return doc

    def model(self, path: Path, model: type[M]) -> tuple[M | None, Located | None]:
        doc = self.read(path)
        if doc is None:
            return None, None
        obj, errors = validate(doc, model, self.context)
        self.errors.extend(errors)
        return obj, doc

    def error(self, doc: Located, loc: tuple, message: str) -> None:
        self.errors.append(ContentError(doc.path, doc.line_of(loc), message))

    def directory(self, name: str, model: type[M]) -> list[tuple[M, Located]]:
        folder = self.root / name
        if not folder.is_dir():
            return []
        loaded = []
        for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
            obj, doc = self.model(path, model)
            if obj is not None and doc is not None:
                loaded.append((obj, doc))
            else:
                self.failed.add(path.stem)
        return loaded
