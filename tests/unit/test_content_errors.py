"""Every authoring mistake is refused with `path:line: what is wrong and what is allowed`."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.content import load_content
from macros.errors import ContentErrors
from tests.sitebuild import ROOT

VALID = """\
id: proeve
tittel: "Prøverutine"
hjemmel: ["sotjl § 17"]
versjon: "1.0"
eier: "Nav-leder"
sist_revidert: "2019-12-01"
neste_revisjon: "2020-12-01"
kilde: "Laget for test."
seksjoner:
  - id: del-1
    tittel: "Første del"
    punkter:
      - {id: p1, type: sporsmal, tekst: "Bosituasjon?", linjer: 2}
      - {id: p2, type: sjekk, tekst: "Gi informasjon om tjenesten."}
"""


def project(tmp_path: Path, routine: str, name: str = "proeve.yaml") -> Path:
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "lover.yaml", tmp_path / "data" / "lover.yaml")
    (tmp_path / "routines").mkdir()
    (tmp_path / "routines" / name).write_text(routine, encoding="utf-8")
    return tmp_path


def errors_for(tmp_path: Path, routine: str, name: str = "proeve.yaml") -> list[str]:
    with pytest.raises(ContentErrors) as info:
        load_content(project(tmp_path, routine, name))
    return [str(e) for e in info.value.errors]


def test_valid_routine_loads(tmp_path):
    content = load_content(project(tmp_path, VALID))
    rutine = content.routines["proeve"]
    assert [p.id for p in rutine.items()] == ["p1", "p2"]
    assert rutine.items()[0].lines == 2
    assert content.laws.resolve(rutine.hjemmel[0]).url == "https://lovdata.no/dokument/NL/lov/2009-12-18-131/§17"


def test_yaml_1_1_traps_stay_text(tmp_path):
    text = VALID.replace('versjon: "1.0"', "versjon: 1.10").replace('tittel: "Prøverutine"', "tittel: no")
    rutine = load_content(project(tmp_path, text)).routines["proeve"]
    assert rutine.versjon == "1.10"
    assert rutine.tittel == "no"


CASES = {
    "malformed yaml": (
        VALID.replace('kilde: "Laget for test."', "kilde: Merk: laget for test"),
        ["routines/proeve.yaml:8: ugyldig YAML: kolon midt i en verdi må stå i anførselstegn "
         "(tips: sett teksten i anførselstegn hvis den inneholder kolon)"],
    ),
    "bad indentation": (
        VALID.replace('    tittel: "Første del"', '     tittel: "Første del"'),
        ["routines/proeve.yaml:11: ugyldig YAML: innrykket stemmer ikke; felt på samme nivå må ha like mange mellomrom foran"],
    ),
    "duplicate key": (
        VALID.replace('eier: "Nav-leder"\n', 'eier: "Nav-leder"\neier: "Fagleder"\n'),
        ["routines/proeve.yaml:6: 'eier' står to ganger (første gang på linje 5); hver nøkkel kan bare stå én gang"],
    ),
    "unknown key": (
        VALID.replace('eier: "Nav-leder"\n', 'eier: "Nav-leder"\nansvarlig: "Fagleder"\n'),
        ["routines/proeve.yaml:6: ukjent felt 'ansvarlig'; tillatte felt her er: id, tittel, kortnavn, hjemmel, "
         "versjon, eier, sist_revidert, neste_revisjon, kilde, forslag, type, formaal, bruk, kopier_mal, seksjoner"],
    ),
    "unknown key in an item": (
        VALID.replace('tekst: "Gi informasjon om tjenesten."}', 'tekst: "Gi informasjon.", farge: rod}'),
        ["routines/proeve.yaml:14: ukjent felt 'farge'; tillatte felt her er: id, type, tekst, linjer, eksempel, lenke, "
         "lenketekst, forslag, historikk, underpunkter"],
    ),
    "missing required field": (
        VALID.replace('eier: "Nav-leder"\n', ""),
        ["routines/proeve.yaml:1: mangler det påkrevde feltet 'eier'"],
    ),
    "wrong enum value": (
        VALID.replace("type: sjekk", "type: sjek"),
        ["routines/proeve.yaml:14: 'type' må være en av: sporsmal, sjekk, veiledning (fikk 'sjek')"],
    ),
    "impossible date": (
        VALID.replace('sist_revidert: "2019-12-01"', 'sist_revidert: "2019-02-30"'),
        ["routines/proeve.yaml:6: 'sist_revidert' må være en gyldig dato på formen ÅÅÅÅ-MM-DD (fikk '2019-02-30')"],
    ),
    "next review before last review": (
        VALID.replace('neste_revisjon: "2020-12-01"', 'neste_revisjon: "2019-01-01"'),
        ["routines/proeve.yaml:7: 'neste_revisjon' (2019-01-01) må komme etter 'sist_revidert' (2019-12-01)"],
    ),
    "hjemmel not in the registry": (
        VALID.replace('hjemmel: ["sotjl § 17"]', 'hjemmel: ["sotjl § 17", "sotjl § 99"]'),
        ["routines/proeve.yaml:3: hjemmelen 'sotjl § 99' finnes ikke i lovregisteret (data/lover.yaml); kjente er: "
         "sotjl § 1, sotjl § 4, sotjl § 5, sotjl § 12, sotjl § 14, sotjl § 15, sotjl § 17, sotjl § 18, sotjl § 19, sotjl § 20, "
         "sotjl § 20 a, sotjl § 27, sotjl § 28, sotjl § 29, sotjl § 33, sotjl § 42, fvl § 6, fvl § 11 a, fvl § 16, fvl § 17, fvl § 24, fvl § 25, fvl § 27, fvl § 28"],
    ),
    "two items with the same id": (
        VALID.replace("{id: p2,", "{id: p1,"),
        ["routines/proeve.yaml:14: id 'p1' er brukt mer enn én gang i dokumentet; seksjoner og punkter trenger hver sin id"],
    ),
    "lines on a check item": (
        VALID.replace('tekst: "Gi informasjon om tjenesten."}', 'tekst: "Gi informasjon.", linjer: 2}'),
        ["routines/proeve.yaml:14: 'linjer' gjelder bare punkter med type 'sporsmal' (utfyllingsspørsmål)"],
    ),
    "bad id": (
        VALID.replace("{id: p2,", "{id: Punkt 2,"),
        ["routines/proeve.yaml:14: 'id' må bestå av små bokstaver a-z, tall og bindestrek, for eksempel "
         "'bosituasjon-2' (fikk 'Punkt 2')"],
    ),
    "lines not a number": (
        VALID.replace("linjer: 2", "linjer: to"),
        ["routines/proeve.yaml:13: 'linjer' må være et heltall (fikk 'to')"],
    ),
    "empty text": (
        VALID.replace('tekst: "Bosituasjon?"', 'tekst: "  "'),
        ["routines/proeve.yaml:13: 'tekst' kan ikke være tom"],
    ),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_invalid_routine_is_refused_with_exact_message(tmp_path, text, expected):
    assert errors_for(tmp_path, text) == expected


def test_every_error_is_reported_at_once(tmp_path):
    text = (VALID.replace("type: sjekk", "type: sjek")
            .replace('sist_revidert: "2019-12-01"', 'sist_revidert: "2019-13-01"')
            .replace('eier: "Nav-leder"\n', 'eier: "Nav-leder"\nfarge: rod\n'))
    errors = errors_for(tmp_path, text)
    assert [e.split(": ", 1)[0] for e in errors] == [
        "routines/proeve.yaml:6", "routines/proeve.yaml:7", "routines/proeve.yaml:15"]
    assert "ukjent felt 'farge'" in errors[0]
    assert "'sist_revidert' må være en gyldig dato" in errors[1]
    assert "'type' må være en av" in errors[2]


def test_id_must_match_file_name(tmp_path):
    assert errors_for(tmp_path, VALID, name="annen.yaml") == [
        "routines/annen.yaml:1: 'id' må være lik filnavnet uten .yaml, altså 'annen' (fikk 'proeve')"]


def test_checklist_must_point_at_an_existing_routine(tmp_path):
    root = project(tmp_path, VALID)
    (root / "checklists").mkdir()
    (root / "checklists" / "liste.yaml").write_text(
        VALID.replace("id: proeve", "id: liste").replace("seksjoner:", "rutine: finnes-ikke\nseksjoner:"), encoding="utf-8")
    with pytest.raises(ContentErrors) as info:
        load_content(root)
    assert [str(e) for e in info.value.errors] == [
        "checklists/liste.yaml:9: 'rutine' viser til 'finnes-ikke', som ikke finnes; kjente rutiner: proeve"]


def test_report_lists_count_and_every_error(tmp_path):
    root = project(tmp_path, VALID.replace("type: sjekk", "type: sjek"))
    (root / "routines" / "andre.yaml").write_text(VALID.replace("id: proeve", "id: andre").replace("{id: p2,", "{id: p1,"))
    with pytest.raises(ContentErrors) as info:
        load_content(root)
    assert info.value.report().splitlines() == [
        "Innholdet har 2 feil:",
        "routines/andre.yaml:14: id 'p1' er brukt mer enn én gang i dokumentet; seksjoner og punkter trenger hver sin id",
        "routines/proeve.yaml:14: 'type' må være en av: sporsmal, sjekk, veiledning (fikk 'sjek')",
    ]


# A routine with the source's two levels (underpunkter) and a heading that continues its numbering.
NESTED = """\
id: proeve
tittel: "Prøverutine"
hjemmel: ["sotjl § 17"]
versjon: "1.0"
eier: "Nav-leder"
sist_revidert: "2019-12-01"
neste_revisjon: "2020-12-01"
kilde: "Laget for test."
seksjoner:
  - id: del-1
    tittel: "Første del"
    nummerert: true
    punkter:
      - id: p1
        type: sjekk
        tekst: "Gjør dette."
        historikk: "I PROFH (2019) ble dette gjort slik."
        underpunkter:
          - {id: u1, type: veiledning, tekst: "Slik."}
          - {id: u2, type: sporsmal, tekst: "Hvordan?", linjer: 2}
  - id: del-2
    tittel: "Videre"
    nummer: 2
    forslag: true
"""


def test_nested_routine_loads_with_sub_items_in_order(tmp_path):
    rutine = load_content(project(tmp_path, NESTED)).routines["proeve"]
    assert [p.id for p in rutine.items()] == ["p1", "u1", "u2"]
    assert rutine.seksjoner[1].nummer == 2 and rutine.seksjoner[1].forslag


NESTED_CASES = {
    "sub-item with its own sub-items": (
        NESTED.replace('          - {id: u1, type: veiledning, tekst: "Slik."}',
                       '          - id: u1\n            type: veiledning\n            tekst: "Slik."\n'
                       '            underpunkter: [{id: u3, type: veiledning, tekst: "Dypere."}]'),
        ["routines/proeve.yaml:22: underpunkter kan ikke ha egne underpunkter; kilden har høyst to nivåer"],
    ),
    "history note that does not say PROFH (2019)": (
        NESTED.replace('historikk: "I PROFH (2019) ble dette gjort slik."', 'historikk: "I 2019 ble dette gjort slik."'),
        ["routines/proeve.yaml:17: 'historikk' må begynne med «I PROFH (2019)», så leseren ser at det gjelder "
         "prosjektet i 2019 (fikk 'I 2019 ble dette gjort slik.')"],
    ),
    "numbered heading that skips a number": (
        NESTED.replace("nummer: 2", "nummer: 14"),
        ["routines/proeve.yaml:23: 'nummer' må fortsette nummereringen i seksjonen 'del-1', som har 1 punkter: "
         "altså 2 (fikk 14)"],
    ),
    "numbered heading with no numbered list before it": (
        NESTED.replace("    nummerert: true\n", ""),
        ["routines/proeve.yaml:22: 'nummer' fortsetter en nummerert liste, men ingen seksjon foran har 'nummerert: true'"],
    ),
    "sub-item with an id used elsewhere": (
        NESTED.replace("{id: u2,", "{id: p1,"),
        ["routines/proeve.yaml:20: id 'p1' er brukt mer enn én gang i dokumentet; seksjoner og punkter trenger hver sin id"],
    ),
    "lines on a sub-item that is guidance": (
        NESTED.replace('tekst: "Slik."}', 'tekst: "Slik.", linjer: 3}'),
        ["routines/proeve.yaml:19: 'linjer' gjelder bare punkter med type 'sporsmal' (utfyllingsspørsmål)"],
    ),
    "forslag that is not yes or no": (
        NESTED.replace("forslag: true", "forslag: kanskje"),
        ["routines/proeve.yaml:24: 'forslag' må være true eller false (fikk 'kanskje')"],
    ),
}


@pytest.mark.parametrize("text, expected", NESTED_CASES.values(), ids=NESTED_CASES.keys())
def test_invalid_nested_routine_is_refused_with_exact_message(tmp_path, text, expected):
    assert errors_for(tmp_path, text) == expected


def test_stikkprove_form_cannot_have_sub_items(tmp_path):
    root = project(tmp_path, VALID)
    (root / "checklists").mkdir()
    form = (NESTED.replace("id: proeve", "id: skjema").replace("seksjoner:", "type: stikkprove\nseksjoner:")
            .replace('        historikk: "I PROFH (2019) ble dette gjort slik."\n', ""))
    form = form[:form.index("  - id: del-2")]
    (root / "checklists" / "skjema.yaml").write_text(form, encoding="utf-8")
    with pytest.raises(ContentErrors) as info:
        load_content(root)
    assert [str(e) for e in info.value.errors] == [
        "checklists/skjema.yaml:18: et stikkprøveskjema har ett punkt per rad; 'underpunkter' kan ikke brukes her"]
