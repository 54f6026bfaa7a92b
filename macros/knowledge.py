"""The knowledge layer: the register of sources (data/kilder.yaml) that knowledge pages cite in
their front matter, and the glossary (data/ordliste.yaml) shown on its own page and as
explanations of abbreviations wherever they occur."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from types import MappingProxyType

from .errors import ContentErrors
from .loader import Knowledge, Loader
from .models.kilder import Kilde, Kilderegister
from .models.ordliste import Begrep, Ordliste
from .render import render

KILDER_FILE = "data/kilder.yaml"
ORDLISTE_FILE = "data/ordliste.yaml"
KNOWLEDGE_DIR = "kunnskap/"
"""Pages under docs/kunnskap/ must name their sources."""


def load_knowledge(root: Path) -> Knowledge:
    """Sources and glossary alone, validated; raises ContentErrors listing every problem."""
    loader = Loader(root)
    knowledge = read_knowledge(loader)
    if loader.errors:
        raise ContentErrors(loader.errors)
    return knowledge


def read_knowledge(loader: Loader) -> Knowledge:
    """Sources and glossary, with their errors added to the loader's (see content.load_content)."""
    root = loader.root
    knowledge = Knowledge()
    if not (root / KILDER_FILE).exists() or not (root / ORDLISTE_FILE).exists():
        return knowledge  # a project without a knowledge layer (e.g. the loader's unit tests)
    register, doc = loader.model(root / KILDER_FILE, Kilderegister)
    if register is not None and doc is not None:
        for i, kilde in enumerate(register.kilder):
            if kilde.id in knowledge.kilder:
                loader.error(doc, ("kilder", i, "id"), f"id '{kilde.id}' er allerede brukt; hver kilde trenger sin egen id")
                continue
            knowledge.kilder[kilde.id] = kilde
    ordliste, doc = loader.model(root / ORDLISTE_FILE, Ordliste)
    if ordliste is not None and doc is not None:
        seen: set[str] = set()
        for i, begrep in enumerate(ordliste.begreper):
            if begrep.term in seen:
                loader.error(doc, ("begreper", i, "term"), f"'{begrep.term}' står to ganger i ordlisten")
            seen.add(begrep.term)
            if begrep.type == "forkortelse" and not begrep.betydning:
                loader.error(doc, ("begreper", i, "type"),
                             f"forkortelsen '{begrep.term}' mangler 'betydning' (hva forkortelsen står for)")
            if begrep.type == "begrep" and begrep.betydning:
                loader.error(doc, ("begreper", i, "betydning"),
                             f"'betydning' gjelder bare type 'forkortelse'; '{begrep.term}' har type 'begrep'")
        knowledge.begreper = list(ordliste.begreper)
    return knowledge


# --- sources -------------------------------------------------------------------------------

class PageSourceError(ValueError):
    """A page's `kilder:` front matter is missing or names a source that does not exist."""


def page_sources(knowledge: Knowledge, src_uri: str, meta: dict) -> list[Kilde]:
    """The sources a page names in its front matter, in the order given."""
    shown = f"docs/{src_uri}"
    ids = meta.get("kilder")
    if ids is None:
        if src_uri.startswith(KNOWLEDGE_DIR):
            raise PageSourceError(f"{shown}: en kunnskapsside må ha 'kilder:' i front matter "
                                  f"(en liste med id-er fra {KILDER_FILE})")
        return []
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        raise PageSourceError(f"{shown}: 'kilder' i front matter må være en liste med id-er fra {KILDER_FILE}")
    unknown = [i for i in ids if i not in knowledge.kilder]
    if unknown:
        known = ", ".join(sorted(knowledge.kilder))
        names = ", ".join(f"'{i}'" for i in unknown)
        raise PageSourceError(f"{shown}: 'kilder' viser til {names}, som ikke finnes i {KILDER_FILE}; kjente kilder er: {known}")
    return [knowledge.kilder[i] for i in ids]


def sources_box(sources: list[Kilde]) -> Markup:
    return render("_kilder.html", kilder=sources)


# --- glossary ------------------------------------------------------------------------------

_NORWEGIAN_LAST = MappingProxyType({"æ": "z\u0001", "ø": "z\u0002", "å": "z\u0003"})
_ASCII = MappingProxyType({"æ": "ae", "ø": "o", "å": "aa"})


def sort_key(term: str) -> str:
    """Norwegian alphabetical order: a-z, then æ, ø, å; case and punctuation ignored."""
    return "".join(_NORWEGIAN_LAST.get(ch, ch) for ch in term.casefold() if ch.isalnum() or ch == " ")


def slug(text: str) -> str:
    out = []
    for ch in text.casefold():
        ch = _ASCII.get(ch, ch)
        ch = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
        out.append(ch if ch.isalnum() else "-")
    return "-".join(part for part in "".join(out).split("-") if part)


@dataclass(frozen=True)
class Bokstav:
    bokstav: str
    anker: str
    begreper: list[tuple[str, Begrep]]
    """(anchor, term) in alphabetical order."""


def glossary_letters(begreper: list[Begrep]) -> list[Bokstav]:
    groups: dict[str, list[Begrep]] = {}
    for b in sorted(begreper, key=lambda b: sort_key(b.term)):
        groups.setdefault(b.term[0].upper(), []).append(b)
    return [Bokstav(letter, f"bokstav-{slug(letter)}", [(f"begrep-{slug(b.term)}", b) for b in items])
            for letter, items in groups.items()]


def abbreviation_title(begrep: Begrep) -> str:
    return f"{begrep.betydning} – {begrep.forklaring}"


def abbreviation_definitions(knowledge: Knowledge) -> str:
    """Python-Markdown `abbr` definitions for every abbreviation in the glossary.

    The abbr extension matches whole words (\\b...\\b), so a trailing full stop ("fvl.") would
    never match before a space: the word is defined without it and the stop stays outside.
    """
    lines = []
    for b in knowledge.forkortelser:
        word = b.term.rstrip(".")
        title = " ".join(abbreviation_title(b).split())
        lines.append(f"*[{word}]: {title}")
    return "\n".join(lines)
