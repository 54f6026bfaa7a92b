"""Markup planted in every text field of every content kind (office profile included) shows as
text and never runs; the Content-Security-Policy is one fixed policy that content cannot widen."""
from __future__ import annotations

import types
import typing
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pydantic import BaseModel

from macros.models.arshjul import Arshjul, Avviksliste
from macros.models.checklist import Sjekkliste
from macros.models.kilder import Kilderegister
from macros.models.kontor import Kontor
from macros.models.ordliste import Ordliste
from macros.models.routine import Rutine
from macros.models.tiltak import Tiltak

from tests.browser_support import serve
from tests.sitebuild import ROOT, build_office, copy_project

PAYLOAD = "<script>window.rpAngrep=1</script><img src=x onerror=window.rpAngrep=2>"
EXPECTED_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-src 'self' blob:; "
                "object-src 'none'; base-uri 'self'; form-action 'self'")

FILES = {
    "routines/*.yaml": Rutine, "checklists/*.yaml": Sjekkliste,
    "catalogue/tiltak/aktivitets-og-samhandlingskoordinator-st-hanshaugen.yaml": Tiltak,
    "data/arshjul.yaml": Arshjul, "data/avvik.yaml": Avviksliste, "data/kilder.yaml": Kilderegister,
    "data/ordliste.yaml": Ordliste, "kontor/hamar.yaml": Kontor,
}
# A free-text field is a string whose only checks are "not blank" and "no contact data"; ids,
# dates, vocabularies and glossary terms are checked stricter, Markdown refuses markup
# (test_hostile_input.py), so they are not planted here.
_TEXT_CHECKS = {"not_blank", "_no_contact_data", "_no_personal_data"}
# Lists of text that the loader checks against a vocabulary or the law registry.
_VOCABULARY = {(Tiltak, "maalgrupper"), (Tiltak, "tema"), (Tiltak, "paragrafer")}


def _checks(annotation) -> set[str] | None:
    if typing.get_origin(annotation) is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        inner = _checks(base)
        return None if inner is None else inner | {getattr(m, "func", m).__name__ for m in meta}
    return set() if annotation is str else None


def _field_types(annotation) -> list:
    """The concrete types inside Optional / list[...]."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated and _checks(annotation) is None:  # e.g. a list with a minimum length
        return _field_types(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _field_types(arg)]
    if origin is list:
        return _field_types(typing.get_args(annotation)[0])
    return [annotation]


def _annotation(field):
    """pydantic keeps a field's outer Annotated[...] checks apart from its type; put them back."""
    return typing.Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation


def _poison(value, annotation, where: str, planted: list[str]):
    for tp in _field_types(annotation):
        if isinstance(value, dict) and isinstance(tp, type) and issubclass(tp, BaseModel):
            return {k: _poison(v, _annotation(tp.model_fields[k]), f"{where}:{k}", planted)
                    if k in tp.model_fields and (tp, k) not in _VOCABULARY else v for k, v in value.items()}
        if isinstance(value, list):
            return [_poison(v, annotation, where, planted) for v in value]
        checks = _checks(tp)
        if isinstance(value, str) and checks is not None and "not_blank" in checks and checks <= _TEXT_CHECKS:
            planted.append(where)
            return value + " " + PAYLOAD
    return value


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory) -> tuple[Path, list[str]]:
    tmp = tmp_path_factory.mktemp("plantet")
    project = copy_project(tmp / "p")
    planted: list[str] = []
    for pattern, model in FILES.items():
        for path in sorted(project.glob(pattern)):
            rel = path.relative_to(project).as_posix()
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # every scalar a string
            path.write_text(yaml.safe_dump(_poison(data, model, rel, planted), allow_unicode=True, sort_keys=False),
                            encoding="utf-8")
    # The kommune register must know every kommune a tiltak names: the planted names go in with the
    # fylke of the name they were planted on.
    register_path = project / "data" / "kommuner.yaml"
    register = yaml.safe_load(register_path.read_text(encoding="utf-8"))
    tiltak = yaml.safe_load((project / next(p for p, m in FILES.items() if m is Tiltak)).read_text(encoding="utf-8"))
    for name in tiltak["kommuner"]:
        if name.endswith(" " + PAYLOAD):
            register["kommuner"][name] = register["kommuner"][name.removesuffix(" " + PAYLOAD)]
    register_path.write_text(yaml.safe_dump(register, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp / "site"
    result = build_office(project, "hamar", site)
    assert result.returncode == 0, result.output
    return site, planted


def test_every_kind_and_the_office_profile_were_planted(poisoned):
    _, planted = poisoned
    kinds = {p.split(":")[0] if p.startswith("data/") else p.split("/")[0] + "/" for p in planted}
    assert kinds == {"routines/", "checklists/", "catalogue/", "data/arshjul.yaml", "data/avvik.yaml", "data/kilder.yaml",
                     "data/ordliste.yaml", "kontor/"}
    assert {"kontor/hamar.yaml:navn", "catalogue/tiltak/aktivitets-og-samhandlingskoordinator-st-hanshaugen.yaml:navn",
            "routines/kartlegging.yaml:tittel", "routines/kartlegging.yaml:seksjoner:punkter:tekst",
            "kontor/hamar.yaml:kontaktpunkt:navn", "data/ordliste.yaml:begreper:forklaring"} <= set(planted)


def test_planted_markup_is_text_on_every_page(poisoned):
    site, _ = poisoned
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 150
    shown = 0
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        rel = path.relative_to(site).as_posix()
        assert not soup.find(attrs={"onerror": True}), rel
        assert not [s for s in soup.find_all("script") if "rpAngrep" in s.get_text()], rel
        assert not soup.find("img", src="x"), rel
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp is not None and csp["content"] == EXPECTED_CSP, rel
        shown += PAYLOAD in soup.get_text()
    # the office name is in every page's footer
    assert shown == len(pages)
    tiltak = BeautifulSoup((site / "tiltak/t-aktivitets-og-samhandlingskoordinator-st-hanshaugen.html")
                           .read_text(encoding="utf-8"), "html.parser")
    assert tiltak.title.get_text().startswith("Aktivitets- og samhandlingskoordinator " + PAYLOAD)


@pytest.mark.browser
def test_planted_markup_never_runs_in_chromium(poisoned, browser):
    site, _ = poisoned
    pages = ["index.html", "rutiner/kartlegging.html", "rutiner/samtalenotat.html", "sjekklister/vedtak-17.html",
             "skjema/stikkprove-17.html", "skjema/rutineperm.html", "tiltak/index.html",
             "tiltak/t-aktivitets-og-samhandlingskoordinator-st-hanshaugen.html", "arshjul.html",
             "internkontroll/index.html", "internkontroll/rutinestatus.html", "ordliste.html", "kunnskap/om-profh.html"]
    with serve(site) as url:
        ctx = browser.new_context()
        page = ctx.new_page()
        refused: list[str] = []
        page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
        for rel in pages:
            page.goto(url + rel)
            page.wait_for_load_state("load")
            assert page.evaluate("() => window.rpAngrep") is None, rel
            assert PAYLOAD in page.inner_text("body"), rel
        # The search index holds the planted text too: results and snippets show it as text.
        page.goto(url + "index.html")
        box = page.locator("#rp-sok-felt")
        box.click()
        page.keyboard.type("rpAngrep onerror")
        page.wait_for_function("() => document.querySelectorAll('[data-rp-sok-liste] [role=option]').length > 0")
        assert "window.rpAngrep=1" in page.inner_text("[data-rp-sok-liste]")
        assert page.evaluate("() => window.rpAngrep") is None
        assert page.locator("[data-rp-sok-liste] script, [data-rp-sok-liste] img").count() == 0
        ctx.close()
    assert refused == []  # nothing even tried to run: the markup never became elements


def test_the_site_has_no_inline_script_and_one_policy(site):
    policies = set()
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        rel = path.relative_to(site).as_posix()
        inline = [s for s in soup.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
        assert inline == [], rel
        assert not [el for el in soup.find_all(True) if any(a.startswith("on") for a in el.attrs)], rel
        policies.add(soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"])
    assert policies == {EXPECTED_CSP}  # 404.html included


def test_every_inline_script_of_the_theme_is_replaced():
    """Material inlines scripts in these partials; ours load the same code from files. A theme
    upgrade that adds an inline script fails here rather than being blocked by the policy."""
    import material

    templates = Path(material.__file__).parent / "templates"
    inline = sorted(p.relative_to(templates).as_posix() for p in templates.rglob("*.html")
                    if "<script>" in p.read_text(encoding="utf-8"))
    unused = {"partials/integrations/analytics.html", "redirect.html"}  # no analytics, no redirects configured
    assert set(inline) - unused == {
        f"partials/javascripts/{name}.html" for name in ("announce", "base", "consent", "content", "outdated", "palette")}
    for rel in set(inline) - unused:
        ours = (ROOT / "overrides" / rel).read_text(encoding="utf-8")
        assert "<script>" not in ours
