"""Office profiles: pick the office of this build (RUTINEPORTALEN_KONTOR), load kontor/*.yaml,
check every local addition against the shared documents, and hand the templates what belongs where."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .loader import Content, Loader
from .models.kontor import Kontor, Tillegg

KONTOR_DIR = "kontor"
DOCS_DIR = "docs"
KONTOR_ENV = "RUTINEPORTALEN_KONTOR"
"""The one switch between the shared core and an office's edition: `RUTINEPORTALEN_KONTOR=hamar
mkdocs build` builds mkdocs.yml with kontor/hamar.yaml. An environment variable rather than a
kontor/<id>.yml with INHERIT, because MkDocs resolves every relative path of an inherited file
(docs_dir, custom_dir, hooks, watch, the macros module) against the folder of the file given
with -f, so such a file would have to repeat them all (README, «Kontorutgaver»)."""


class OfficeSettingError(ValueError):
    """RUTINEPORTALEN_KONTOR names no profile, or a configuration still selects the office the
    old way; the message is one line."""


def selected_office(root: Path, config) -> str | None:
    """The office whose edition this build makes (RUTINEPORTALEN_KONTOR), or None for the core."""
    if config.extra.get("kontor"):
        raise OfficeSettingError(
            f"{_shown(config.config_file_path, root)} setter extra.kontor, som ikke brukes lenger: slett "
            f"kontorets byggeoppsett og bygg med {KONTOR_ENV}={config.extra['kontor']} .venv/bin/mkdocs build")
    kontor_id = os.environ.get(KONTOR_ENV, "").strip()
    if not kontor_id:
        return None
    known = _known(root)
    if kontor_id not in known:
        raise OfficeSettingError(_unknown(kontor_id, known))
    return kontor_id


def _known(root: Path) -> list[str]:
    folder = root / KONTOR_DIR
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def _unknown(kontor_id: str, known) -> str:
    return (f"{KONTOR_ENV} er '{kontor_id}', men {KONTOR_DIR}/{kontor_id}.yaml finnes ikke; "
            f"kjente kontor: {', '.join(sorted(known)) or '(ingen)'}")


def _shown(path: str | None, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root).as_posix() if path else "mkdocs.yml"
    except ValueError:
        return str(path)


def load_kontor(loader: Loader, content: Content, kontor_id: str | None) -> None:
    """Validate every profile in kontor/ (so a change to the shared routines that strands an
    office's addition fails every build), and make `kontor_id`'s profile the active one. An
    unknown office is a setting, not a content error: a build has refused it in selected_office
    already, so only a direct caller gets OfficeSettingError here."""
    profiles: dict[str, Kontor] = {}
    folder = loader.root / KONTOR_DIR
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        kontor, doc = loader.model(path, Kontor)
        if kontor is None or doc is None:
            loader.failed.add(path.stem)
            continue
        stem = Path(doc.path).stem
        if kontor.id != stem:
            loader.error(doc, ("id",), f"'id' må være lik filnavnet uten .yaml, altså '{stem}' (fikk '{kontor.id}')")
            continue
        if kontor.logo and not (loader.root / DOCS_DIR / kontor.logo).is_file():
            loader.error(doc, ("logo",), f"'logo' viser til '{kontor.logo}', som ikke finnes i {DOCS_DIR}/")
        seen: set[str] = set()
        for i, tillegg in enumerate(kontor.tillegg):
            if tillegg.id in seen:
                loader.error(doc, ("tillegg", i, "id"), f"id '{tillegg.id}' er brukt av mer enn ett tillegg; hvert tillegg trenger sin egen id")
            seen.add(tillegg.id)
            _check_target(loader, content, doc, i, tillegg)
        profiles[kontor.id] = kontor
        content.sources[f"kontor:{kontor.id}"] = doc

    if kontor_id is None:
        return
    if kontor_id in profiles:
        content.kontor = profiles[kontor_id]
    elif kontor_id not in loader.failed:
        raise OfficeSettingError(_unknown(kontor_id, profiles))


def _check_target(loader: Loader, content: Content, doc, i: int, tillegg: Tillegg) -> None:
    docs = {d.id: d for d in content.documents()}
    target = docs.get(tillegg.dokument)
    if target is None:
        if tillegg.dokument not in loader.failed:
            loader.error(doc, ("tillegg", i, "dokument"),
                         f"tillegget '{tillegg.id}' viser til dokumentet '{tillegg.dokument}', som ikke finnes; "
                         f"kjente dokumenter: {', '.join(sorted(docs))}")
        return
    if tillegg.etter is None:
        return
    if getattr(target, "type", "") == "stikkprove":
        loader.error(doc, ("tillegg", i, "etter"),
                     f"tillegget '{tillegg.id}' kan bare stå til slutt i stikkprøveskjemaet '{target.id}'; fjern 'etter'")
        return
    known = [x for s in target.seksjoner for x in (s.id, *(p.id for p in s.punkter))]
    if tillegg.etter not in known:
        loader.error(doc, ("tillegg", i, "etter"),
                     f"tillegget '{tillegg.id}' viser til '{tillegg.etter}' i '{target.id}', som ikke finnes; "
                     f"kjente seksjoner og punkter: {', '.join(known)}")


@dataclass(frozen=True)
class LokaleTillegg:
    """What the templates receive for one document: the active office and its additions,
    by the section or item id they follow (None: at the end of the document)."""

    kontor: Kontor
    plassering: dict[str | None, list[Tillegg]] = field(default_factory=dict)

    def etter(self, target_id: str | None) -> list[Tillegg]:
        return self.plassering.get(target_id, [])


def local_additions(content: Content, doc_id: str) -> LokaleTillegg | None:
    kontor = content.kontor
    if kontor is None:
        return None
    plassering: dict[str | None, list[Tillegg]] = {}
    for tillegg in kontor.tillegg:
        if tillegg.dokument == doc_id:
            plassering.setdefault(tillegg.etter, []).append(tillegg)
    return LokaleTillegg(kontor, plassering)


def publish_profile(config, content: Content) -> None:
    """What differs in an office's build: its folder site-<id> next to mkdocs.yml (unless -d chose
    one), and its id, name, contact point and logo for the theme's templates as
    config.extra.kontor_profil (main.html puts the name in every title, partials/header.html and
    nav.html in the header and the menu).
    site_name stays the core's: Material writes it unescaped and turns the logo link's title into a
    tooltip with innerHTML, so the office's name, text from YAML, must not go there.
    The shared core gets none of it."""
    kontor = content.kontor
    if kontor is not None and config.config_file_path:
        folder = Path(config.config_file_path).resolve().parent
        if Path(config.site_dir) == folder / "site":  # MkDocs' default: no -d, no site_dir
            config.site_dir = str(folder / f"site-{kontor.id}")
    config.extra["kontor_profil"] = None if kontor is None else {
        "id": kontor.id,
        "navn": kontor.navn,
        "eksempel": kontor.eksempel,
        "logo": kontor.logo,
        "kontaktpunkt": kontor.kontaktpunkt.navn,
        "kontaktbeskrivelse": kontor.kontaktpunkt.beskrivelse,
    }
