"""JSON Schemas generated from the content models, for completion and red squiggles in editors.

    python -m macros.schema          # write schema/*.schema.json
    python -m macros.schema --check  # exit 1 if a committed schema is stale
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from pydantic import BaseModel

from .models.arshjul import Arshjul, Avviksliste
from .models.checklist import Sjekkliste
from .models.kilder import Kilderegister
from .models.kontor import Kontor
from .models.law import Lovregister
from .models.ordliste import Ordliste
from .models.routine import Rutine
from .models.tiltak import Kommuneregister, Tiltak, Vokabular

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"

# file name -> (model, the content files it describes, relative to the repository root)
SCHEMAS: Mapping[str, tuple[type[BaseModel], str]] = MappingProxyType({
    "rutine.schema.json": (Rutine, "routines/*.yaml"),
    "sjekkliste.schema.json": (Sjekkliste, "checklists/*.yaml"),
    "lover.schema.json": (Lovregister, "data/lover.yaml"),
    "tiltak.schema.json": (Tiltak, "catalogue/tiltak/*.yaml"),
    "vokabular.schema.json": (Vokabular, "catalogue/vokabular.yaml"),
    "kilder.schema.json": (Kilderegister, "data/kilder.yaml"),
    "ordliste.schema.json": (Ordliste, "data/ordliste.yaml"),
    "arshjul.schema.json": (Arshjul, "data/arshjul.yaml"),
    "avvik.schema.json": (Avviksliste, "data/avvik.yaml"),
    "kommuner.schema.json": (Kommuneregister, "data/kommuner.yaml"),
    "kontor.schema.json": (Kontor, "kontor/*.yaml"),
})


def render(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def editor_mapping() -> str:
    """VS Code (Red Hat YAML extension) settings that bind each schema to its files."""
    mapping = {f"./schema/{name}": pattern for name, (_, pattern) in sorted(SCHEMAS.items())}
    return json.dumps({"yaml.schemas": mapping, "yaml.validate": True, "yaml.completion": True},
                      ensure_ascii=False, indent=2) + "\n"


def expected_files(root: Path) -> dict[Path, str]:
    files = {root / "schema" / name: render(model) for name, (model, _) in SCHEMAS.items()}
    files[root / ".vscode" / "settings.json"] = editor_mapping()
    return files


def main(argv: list[str]) -> int:
    root = SCHEMA_DIR.parent
    stale = []
    for path, text in expected_files(root).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(path.relative_to(root).as_posix())
            if "--check" not in argv:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    if "--check" in argv and stale:
        print("Utdaterte skjema (kjør python -m macros.schema): " + ", ".join(stale))
        return 1
    for name in stale:
        print(f"skrev {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
