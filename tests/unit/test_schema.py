"""The committed JSON Schemas and editor mapping match the models."""
from __future__ import annotations

import json

import yaml

from macros.schema import SCHEMAS, expected_files
from tests.sitebuild import ROOT


def test_committed_schemas_are_current():
    for path, text in expected_files(ROOT).items():
        assert path.exists(), f"{path} mangler: kjør python -m macros.schema"
        assert path.read_text(encoding="utf-8") == text, f"{path} er utdatert: kjør python -m macros.schema"


def test_routine_schema_describes_item_types_and_forbids_unknown_keys():
    schema = json.loads((ROOT / "schema" / "rutine.schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    punkt = schema["$defs"]["Punkt"]
    assert punkt["properties"]["type"]["enum"] == ["sporsmal", "sjekk", "veiledning"]
    assert punkt["additionalProperties"] is False
    assert set(schema["required"]) >= {"id", "tittel", "versjon", "eier", "sist_revidert", "neste_revisjon", "kilde"}


def test_editor_mapping_covers_every_content_folder():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./schema/rutine.schema.json"] == "routines/*.yaml"
    assert set(settings["yaml.schemas"]) == {f"./schema/{name}" for name in SCHEMAS}


def test_office_profile_schema_covers_every_profile():
    schema = json.loads((ROOT / "schema" / "kontor.schema.json").read_text(encoding="utf-8"))
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./schema/kontor.schema.json"] == "kontor/*.yaml"
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"id", "navn", "kontaktpunkt"}
    assert schema["$defs"]["Tillegg"]["additionalProperties"] is False
    assert set(schema["$defs"]["Tillegg"]["required"]) == {"id", "dokument", "tittel", "tekst"}
    profiles = sorted((ROOT / "kontor").glob("*.yaml"))
    assert [p.stem for p in profiles] == ["hamar", "loten", "ringsaker", "stange"]
    for path in profiles:
        profile = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(schema["required"]) <= set(profile) <= set(schema["properties"]), path.name
        for tillegg in profile.get("tillegg", []):
            assert set(tillegg) <= set(schema["$defs"]["Tillegg"]["properties"]), path.name
