"""Load and check every content file once, up front; collect all errors before failing."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .arshjul import load_arshjul
from .catalogue import page_src
from .errors import ContentErrors
from .knowledge import read_knowledge
from .kontor import load_kontor
from .loader import Content, Loader
from .models.base import EARLIEST, LATEST, Metadata
from .models.checklist import Sjekkliste
from .models.law import LawLookup, Lovregister
from .models.routine import Rutine, Seksjon
from .models.tiltak import FYLKESREFORM_2024, Kommuneregister, Tiltak, Vokabular
from .models.verter import EksterneVerter
from .yamlsource import Located

ROUTINES_DIR = "routines"
CHECKLISTS_DIR = "checklists"
LAW_FILE = "data/lover.yaml"
HOSTS_FILE = "data/eksterne-verter.yaml"
CATALOGUE_DIR = "catalogue/tiltak"
VOCABULARY_FILE = "catalogue/vokabular.yaml"
KOMMUNE_FILE = "data/kommuner.yaml"


def load_content(root: Path, kontor_id: str | None = None,
                 site_files: frozenset[str] | None = None) -> Content:
    """Everything the site shows, validated; raises ContentErrors listing every problem.
    `kontor_id`: the office whose edition is built (OfficeSettingError if it has no profile).
    `site_files`: the paths under docs/ as the site generator lists them, which internal links in
    content must name (the tiltak pages made from catalogue/tiltak/*.yaml are added here); None
    leaves that check to the generator."""
    loader = Loader(root)
    loader.context["sidefiler"] = None if site_files is None else site_files | generated_pages(root)
    # Without the registry (a project of the loader's unit tests), no external link is allowed.
    verter = loader.model(root / HOSTS_FILE, EksterneVerter)[0] if (root / HOSTS_FILE).exists() else None
    if verter is not None:
        loader.context["eksterne_verter"] = verter.hosts()
    register, _ = loader.model(root / LAW_FILE, Lovregister)
    # A broken law registry must not hide the other errors: check everything else against an
    # empty one, and leave out the law references, which cannot be judged without it.
    content = Content(root=root, laws=LawLookup(register or Lovregister.model_construct(lover=[])),
                      hosts=loader.context["eksterne_verter"])
    loader.laws_known = register is not None

    seen: dict[str, str] = {}
    for kind, folder, model, target in (
        ("rutine", ROUTINES_DIR, Rutine, content.routines),
        ("sjekkliste", CHECKLISTS_DIR, Sjekkliste, content.checklists),
    ):
        for obj, doc in loader.directory(folder, model):
            check_document(loader, content, obj, doc)
            if obj.id in seen:
                loader.error(doc, ("id",), f"id '{obj.id}' er allerede brukt i {seen[obj.id]}; hvert dokument trenger sin egen id")
                continue
            seen[obj.id] = doc.path
            target[obj.id] = obj
            content.sources[obj.id] = doc

    for obj in content.checklists.values():
        if obj.rutine and obj.rutine not in content.routines and obj.rutine not in loader.failed:
            known = ", ".join(sorted(content.routines)) or "(ingen)"
            loader.error(content.sources[obj.id], ("rutine",), f"'rutine' viser til '{obj.rutine}', som ikke finnes; kjente rutiner: {known}")

    load_catalogue(loader, content)
    load_kontor(loader, content, kontor_id)
    load_arshjul(loader, content)
    content.knowledge = read_knowledge(loader)

    if loader.errors:
        raise ContentErrors(loader.errors)
    return content


def generated_pages(root: Path) -> frozenset[str]:
    """The pages made from content rather than written in docs/: one per catalogue/tiltak/*.yaml."""
    catalogue = root / CATALOGUE_DIR
    return frozenset(page_src(p.stem) for p in catalogue.glob("*.yaml")) if catalogue.is_dir() else frozenset()


def load_catalogue(loader: Loader, content: Content) -> None:
    """The tiltak catalogue: every tag from the vocabularies, every paragraph in the law registry."""
    if not (loader.root / VOCABULARY_FILE).exists():
        return
    vokabular, _ = loader.model(loader.root / VOCABULARY_FILE, Vokabular)
    if vokabular is None:
        return
    content.vokabular = vokabular
    register, _ = loader.model(loader.root / KOMMUNE_FILE, Kommuneregister)
    for tiltak, doc in loader.directory(CATALOGUE_DIR, Tiltak):
        stem = Path(doc.path).stem
        if tiltak.id != stem:
            loader.error(doc, ("id",), f"'id' må være lik filnavnet uten .yaml, altså '{stem}' (fikk '{tiltak.id}')")
        for key, allowed in (("maalgrupper", vokabular.maalgrupper), ("tema", vokabular.tema)):
            for i, tag in enumerate(getattr(tiltak, key)):
                if tag not in allowed:
                    loader.error(doc, (key, i), f"'{tag}' står ikke i vokabularet for '{key}' ({VOCABULARY_FILE}); "
                                                f"tillatt er: {', '.join(allowed)}")
        for i, nr in enumerate(tiltak.paragrafer):
            if loader.laws_known and content.laws.sotjl(nr) is None:
                loader.error(doc, ("paragrafer", i), f"sosialtjenesteloven § {nr} finnes ikke i lovregisteret ({LAW_FILE})")
        if register is not None:
            check_fylker(loader, register, tiltak, doc)
        if tiltak.id in content.tiltak:
            loader.error(doc, ("id",), f"id '{tiltak.id}' er allerede brukt av et annet tiltak")
            continue
        content.tiltak[tiltak.id] = tiltak
        content.sources[f"tiltak:{tiltak.id}"] = doc


def check_fylker(loader: Loader, register: Kommuneregister, tiltak: Tiltak, doc: Located) -> None:
    """Today's fylke from the tiltak's kommuner; at least one must come from the fylke in its report."""
    found: list[str] = []
    for i, kommune in enumerate(tiltak.kommuner):
        fylke = register.kommuner.get(kommune)
        if fylke is None:
            loader.error(doc, ("kommuner", i), f"kommunen '{kommune}' står ikke i {KOMMUNE_FILE}; "
                                               f"legg den til der med dagens fylke (fylkesinndelingen fra 2024)")
        elif fylke not in found:
            found.append(fylke)
    successors = FYLKESREFORM_2024.get(tiltak.fylke, (tiltak.fylke,))
    all_known = all(k in register.kommuner for k in tiltak.kommuner)
    if all_known and not set(found) & set(successors):
        loader.error(doc, ("fylke",), f"fylket i rapporten er '{tiltak.fylke}', som i dag er {' eller '.join(successors)}, "
                                      f"men kommunene ({', '.join(tiltak.kommuner)}) ligger i dag i {', '.join(found)} "
                                      f"ifølge {KOMMUNE_FILE}; rett fylket eller kommunen")
    tiltak._fylker_i_dag = found


def check_document(loader: Loader, content: Content, obj: Metadata, doc: Located) -> None:
    """Rules a single model cannot express alone: file name, dates, law references, unique ids."""
    stem = Path(doc.path).stem
    if obj.id != stem:
        loader.error(doc, ("id",), f"'id' må være lik filnavnet uten .yaml, altså '{stem}' (fikk '{obj.id}')")
    if obj.neste_revisjon <= obj.sist_revidert:
        loader.error(
            doc, ("neste_revisjon",),
            f"'neste_revisjon' ({obj.neste_revisjon}) må komme etter 'sist_revidert' ({obj.sist_revidert})",
        )
    check_hjemmel(loader, content, obj.hjemmel, doc, ("hjemmel",))
    seksjoner: list[Seksjon] = getattr(obj, "seksjoner", [])
    check_unique_ids(loader, seksjoner, doc)
    stikkprove = getattr(obj, "type", "") == "stikkprove"
    for si, seksjon in enumerate(seksjoner):
        check_nummer(loader, seksjoner, si, doc)
        for pi, punkt in enumerate(seksjon.punkter):
            loc = ("seksjoner", si, "punkter", pi)
            if stikkprove and punkt.underpunkter:
                loader.error(doc, loc + ("underpunkter",),
                             "et stikkprøveskjema har ett punkt per rad; 'underpunkter' kan ikke brukes her")
            for p, ploc in [(punkt, loc)] + [(u, loc + ("underpunkter", ui)) for ui, u in enumerate(punkt.underpunkter)]:
                if p.linjer is not None and p.type != "sporsmal":
                    loader.error(doc, ploc + ("linjer",),
                                 "'linjer' gjelder bare punkter med type 'sporsmal' (utfyllingsspørsmål)")
            for ui, under in enumerate(punkt.underpunkter):
                if under.underpunkter:
                    loader.error(doc, loc + ("underpunkter", ui, "underpunkter"),
                                 "underpunkter kan ikke ha egne underpunkter; kilden har høyst to nivåer")


def check_nummer(loader: Loader, seksjoner: list[Seksjon], si: int, doc: Located) -> None:
    """A numbered heading continues the numbered list of the nearest section before it."""
    nummer = seksjoner[si].nummer
    if nummer is None:
        return
    before = [s for s in seksjoner[:si] if s.nummerert]
    if not before:
        loader.error(doc, ("seksjoner", si, "nummer"),
                     "'nummer' fortsetter en nummerert liste, men ingen seksjon foran har 'nummerert: true'")
        return
    expected = len(before[-1].punkter) + 1
    if nummer != expected:
        loader.error(doc, ("seksjoner", si, "nummer"),
                     f"'nummer' må fortsette nummereringen i seksjonen '{before[-1].id}', "
                     f"som har {len(before[-1].punkter)} punkter: altså {expected} (fikk {nummer})")


def check_hjemmel(loader: Loader, content: Content, refs: list[str], doc: Located, loc: tuple) -> None:
    if not loader.laws_known:
        return
    for i, ref in enumerate(refs):
        if content.laws.resolve(ref) is None:
            known = ", ".join(content.laws.known())
            loader.error(doc, loc + (i,), f"hjemmelen '{ref}' finnes ikke i lovregisteret ({LAW_FILE}); kjente er: {known}")


def check_unique_ids(loader: Loader, seksjoner: list[Seksjon], doc: Located) -> None:
    seen: set[str] = set()
    for si, seksjon in enumerate(seksjoner):
        for loc, item_id in [(("seksjoner", si, "id"), seksjon.id)] + [
            (("seksjoner", si, "punkter", pi, *sub, "id"), q.id)
            for pi, p in enumerate(seksjon.punkter)
            for sub, q in [((), p)] + [(("underpunkter", ui), u) for ui, u in enumerate(p.underpunkter)]
        ]:
            if item_id in seen:
                loader.error(doc, loc, f"id '{item_id}' er brukt mer enn én gang i dokumentet; seksjoner og punkter trenger hver sin id")
            seen.add(item_id)


TODAY_ENV = "RUTINEPORTALEN_IDAG"


class SettingError(ValueError):
    """A switch in the environment has a value the build cannot use; the message is one line."""


def today() -> dt.date:
    """The date reviews are measured against; RUTINEPORTALEN_IDAG fixes it for tests."""
    fixed = os.environ.get(TODAY_ENV)
    if not fixed:
        return dt.date.today()
    try:
        value = dt.date.fromisoformat(fixed)
    except ValueError:
        value = None
    if value is None or not EARLIEST <= value <= LATEST:
        raise SettingError(f"{TODAY_ENV} må være en dato på formen ÅÅÅÅ-MM-DD mellom {EARLIEST.year} og "
                           f"{LATEST.year} (fikk '{fixed}')")
    return value
