"""Office profiles: load kontor/*.yaml, check every local addition against the shared
documents, and hand the templates what belongs where."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError
from .loader import Content, Loader
from .models.kontor import Kontor, Tillegg

KONTOR_DIR = "kontor"
DOCS_DIR = "docs"


def load_kontor(loader: Loader, content: Content, kontor_id: str | None,
                config_ref: tuple[str, int] = ("mkdocs.yml", 1)) -> None:
    """Validate every profile in kontor/ (so a change to the shared routines that strands an
    office's addition fails every build), and make `kontor_id`'s profile the active one;
    `config_ref` is the file and line that set extra.kontor, for the message when it is unknown."""
    profiles: dict[str, Kontor] = {}
    folder = loader.root / KONTOR_DIR
    # only *.yaml: kontor/<id>.yml next to it is that office's MkDocs configuration
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
        known = ", ".join(sorted(profiles)) or "(ingen)"
        loader.errors.append(ContentError(
            *config_ref, f"extra.kontor er '{kontor_id}', men {KONTOR_DIR}/{kontor_id}.yaml finnes ikke; kjente kontor: {known}"))


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
    """The active office's name, contact point and logo for the theme's templates (main.html),
    as config.extra.kontor_profil; the shared core gets none."""
    kontor = content.kontor
    config.extra["kontor_profil"] = None if kontor is None else {
        "navn": kontor.navn,
        "eksempel": kontor.eksempel,
        "logo": kontor.logo,
        "kontaktpunkt": kontor.kontaktpunkt.navn,
        "kontaktbeskrivelse": kontor.kontaktpunkt.beskrivelse,
    }
