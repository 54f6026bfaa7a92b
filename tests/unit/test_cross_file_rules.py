"""The rules that tie one content file to another (vocabularies, the law registry, office logos,
ids that must be unique across files), each planted in a copy of the real content and loaded
without MkDocs: every message names the file and line, and all are reported at once."""
from __future__ import annotations

import shutil

import pytest

from macros.content import load_content
from macros.errors import ContentErrors
from macros.kontor import OfficeSettingError
from tests.sitebuild import ROOT

PARTS = ["routines", "checklists", "catalogue", "data", "kontor", "docs"]
TILTAK = "catalogue/tiltak/aktivitets-og-samhandlingskoordinator-st-hanshaugen.yaml"


@pytest.fixture
def project(tmp_path):
    for part in PARTS:
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path


def plant(project, rel: str, old: str, new: str) -> int:
    """Replace `old` once; returns the line where it stood."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} finnes ikke i {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def errors_of(project, kontor: str | None = None) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(project, kontor)
    return [str(e) for e in caught.value.errors]


def test_the_real_content_loads():
    content = load_content(ROOT)
    assert len(content.tiltak) == 142 and len(content.routines) == 5


def test_a_tag_outside_the_vocabularies(project):
    line = plant(project, TILTAK, '"rus og psykisk helse"', '"rus"')
    errors = errors_of(project)
    assert errors == [f"{TILTAK}:{line}: 'rus' står ikke i vokabularet for 'maalgrupper' (catalogue/vokabular.yaml); "
                      "tillatt er: ungdom, barnefamilier, lavinntekt, flyktninger og innvandrere, langtidsmottakere, "
                      "gjeld og økonomi, bolig, rus og psykisk helse, innsatte, alle"]


def test_a_theme_outside_the_vocabularies(project):
    line = plant(project, TILTAK, 'tema: ["samarbeid og samordning"', 'tema: ["samarbeid"')
    assert errors_of(project) == [
        f"{TILTAK}:{line}: 'samarbeid' står ikke i vokabularet for 'tema' (catalogue/vokabular.yaml); tillatt er: "
        "arbeid, utdanning, økonomisk rådgivning, bolig, familie og barn, helse, integrering, samarbeid og samordning, "
        "digitalisering, metode og kompetanse"]


def test_a_paragraph_the_law_registry_does_not_have(project):
    line = plant(project, TILTAK, 'paragrafer: ["1"', 'paragrafer: ["99"')
    assert errors_of(project) == [f"{TILTAK}:{line}: sosialtjenesteloven § 99 finnes ikke i lovregisteret (data/lover.yaml)"]


def test_a_tiltak_id_that_is_not_its_file_name(project):
    line = plant(project, TILTAK, 'id: "aktivitets-og-samhandlingskoordinator-st-hanshaugen"', 'id: "annet-navn"')
    assert errors_of(project) == [
        f"{TILTAK}:{line}: 'id' må være lik filnavnet uten .yaml, altså "
        "'aktivitets-og-samhandlingskoordinator-st-hanshaugen' (fikk 'annet-navn')"]


def test_a_document_id_used_by_a_routine_and_a_checklist(project):
    source = project / "checklists" / "vedtak-17.yaml"
    text = source.read_text(encoding="utf-8").replace("\nid: vedtak-17\n", "\nid: paragraf-17\n", 1)
    (project / "checklists" / "paragraf-17.yaml").write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("id:"))
    assert errors_of(project) == [
        f"checklists/paragraf-17.yaml:{line}: id 'paragraf-17' er allerede brukt i routines/paragraf-17.yaml; "
        "hvert dokument trenger sin egen id"]


def test_an_office_logo_that_does_not_exist(project):
    line = plant(project, "kontor/hamar.yaml", "eksempel: true\n", "eksempel: true\nlogo: assets/images/hamar.svg\n") + 1
    assert errors_of(project) == [f"kontor/hamar.yaml:{line}: 'logo' viser til 'assets/images/hamar.svg', som ikke finnes i docs/"]


def test_an_office_logo_outside_docs_is_refused(project):
    line = plant(project, "kontor/hamar.yaml", "eksempel: true\n", "eksempel: true\nlogo: ../../etc/passwd.svg\n") + 1
    assert errors_of(project) == [
        f"kontor/hamar.yaml:{line}: 'logo' må være en relativ sti til et bilde i docs/, som 'assets/images/hamar.svg' "
        "(fikk '../../etc/passwd.svg')"]


def test_two_additions_with_one_id(project):
    path = project / "kontor/hamar.yaml"
    text = path.read_text(encoding="utf-8")
    first = text[text.index("  - id: "):]
    path.write_text(text.rstrip("\n") + "\n" + first, encoding="utf-8")
    line = len(text.rstrip("\n").splitlines()) + 1
    assert errors_of(project) == [
        f"kontor/hamar.yaml:{line}: id '{first.split(chr(10))[0].split(': ', 1)[1]}' er brukt av mer enn ett tillegg; "
        "hvert tillegg trenger sin egen id"]


def test_a_source_id_used_twice(project):
    line = plant(project, "data/kilder.yaml", '  - id: "profh-presentasjon"', '  - id: "profh-evaluering-2019"')
    assert errors_of(project) == [
        f"data/kilder.yaml:{line}: id 'profh-evaluering-2019' er allerede brukt; hver kilde trenger sin egen id"]


def test_glossary_rules_across_entries(project):
    twice = plant(project, "data/ordliste.yaml", '  - term: "aktivitetsplan"', '  - term: "AAP"')
    errors = errors_of(project)
    assert errors == [f"data/ordliste.yaml:{twice}: 'AAP' står to ganger i ordlisten"]


def test_every_cross_file_error_at_once(project):
    plant(project, TILTAK, '"rus og psykisk helse"', '"rus"')
    plant(project, "kontor/hamar.yaml", "eksempel: true\n", "eksempel: true\nlogo: assets/images/hamar.svg\n")
    plant(project, "routines/paragraf-17.yaml", 'hjemmel: ["sotjl § 17"', 'hjemmel: ["sotjl § 99"')
    errors = errors_of(project)
    assert len(errors) == 3
    assert [e.split(":", 1)[0] for e in errors] == [TILTAK, "kontor/hamar.yaml", "routines/paragraf-17.yaml"]


def test_an_office_without_a_profile_is_a_setting_error_not_a_content_error():
    with pytest.raises(OfficeSettingError) as caught:
        load_content(ROOT, "elverum")
    assert str(caught.value) == ("RUTINEPORTALEN_KONTOR er 'elverum', men kontor/elverum.yaml finnes ikke; "
                                 "kjente kontor: hamar, loten, ringsaker, stange")
