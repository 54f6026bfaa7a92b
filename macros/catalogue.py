"""The tiltak catalogue: what a tiltak page, the catalogue page and the overview charts receive,
and the Markdown of each generated tiltak page.

Views, facets, the normalised search text and "Lignende tiltak" live here; the markup lives in
overrides/partials/_tiltak*.html and _katalog*.html. Nothing here builds HTML.
"""
from __future__ import annotations

import heapq
import itertools
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Iterable, Mapping

from markupsafe import escape

from . import norsk
from .loader import Content
from .models.law import Lovhenvisning, normalise_paragraph
from .models.tiltak import FylkeIDag, Tiltak
from .pages import PageIndex
from .render import render

PAGE_DIR = "tiltak"
CATALOGUE_PAGE = "tiltak/index.md"
SIMILAR_LIMIT = 5

ROUTINE_DOCUMENTS: Mapping[str, str] = MappingProxyType({"17": "paragraf-17", "20 a": "paragraf-20a"})
"""Our routine for a sosialtjenesteloven paragraph, where we have one."""

SECTIONS = (
    ("beskrivelse", "Beskrivelse"),
    ("utvikler", "Hva tiltaket utvikler"),
    ("resultater", "Resultater"),
    ("maaloppnaaelse", "Hvordan måloppnåelse er undersøkt"),
    ("utfordringer", "Utfordringer"),
    ("suksessfaktorer", "Suksessfaktorer"),
)
RAPPORTTYPER = MappingProxyType({"status": "Statusrapport", "slutt": "Sluttrapport", "ukjent": "Ukjent"})
VIDEREFORING = MappingProxyType({"ja": "Ja", "nei": "Nei", "uavklart": "Uavklart"})
SORTS = (("navn", "Navn"), ("fylke", "Fylke"), ("kontor", "Kontor"))

FYLKER: tuple[str, ...] = FylkeIDag.__args__  # type: ignore[attr-defined]
"""Today's fylker: what the filter, the sorting and the overview chart use (data/kommuner.yaml)."""


def page_src(tiltak_id: str) -> str:
    """The generated Markdown page of one tiltak (not in the nav)."""
    return f"{PAGE_DIR}/t-{tiltak_id}.md"


# ---------- text ----------

_FOLD = (("æ", "ae"), ("ø", "o"), ("å", "a"), ("ä", "ae"), ("ö", "o"), ("aa", "a"))
_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """Lower case, æ→ae, ø→o, å→a, aa→a, punctuation to spaces: "Økonomi" and "okonomi" meet.

    overrides/assets/js/katalog.js applies the same folding to what is typed.
    """
    folded = text.lower()
    for src, dest in _FOLD:
        folded = folded.replace(src, dest)
    return _NON_WORD.sub(" ", folded).strip()


_NORWEGIAN_LAST = MappingProxyType({"æ": "z\u0001", "ø": "z\u0002", "å": "z\u0003"})


def sort_key(text: str) -> tuple:
    """Norwegian alphabetical order: æ, ø, å after z."""
    return ("".join(_NORWEGIAN_LAST.get(ch, ch) for ch in text.lower()), text)


def paragraphs(text: str | None) -> list[str]:
    """A curator's text as paragraphs (blank lines separate them)."""
    if not text:
        return []
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def search_text(t: Tiltak) -> str:
    """Every distinct search term of the text (folded, stemmed: macros/norsk.py), once, in order of appearance.

    overrides/assets/js/katalog.js reads what is typed with the same rules as the site search
    (stems, compounds, æøå, abbreviations, paragraphs) and matches it against these terms.
    """
    parts = [t.navn, t.kontor, *t.kommuner, t.fylke, *t.fylker_i_dag, t.maalgruppe, *t.maalgrupper, *t.tema,
             *(f"§ {p}" for p in t.paragrafer), t.videreforing.begrunnelse, t.samarbeidspartnere or "",
             t.oppstart or ""]
    parts += [getattr(t, key) or "" for key, _ in SECTIONS]
    return " ".join(dict.fromkeys(norsk.terms(" ".join(parts))))


KILDE_RAPPORT = MappingProxyType({"status": "statusrapporten", "slutt": "sluttrapporten", "ukjent": "rapporten"})
GRANT = "tilskudd til utvikling av sosiale tjenester"


def kilde_text(t: Tiltak) -> str:
    """The source as a reader knows it: the office's report on the grant for the year. The row numbers
    (kilde.rader) point into a spreadsheet no reader has and stay in the YAML."""
    return f"Kilde: {KILDE_RAPPORT[t.rapporttype]} fra {t.kontor} for {t.rapportaar} om {GRANT}"


# ---------- facets ----------

@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    """How many tiltak have this value when no filter is active."""


@dataclass(frozen=True)
class Facet:
    key: str
    legend: str
    options: list[Option]
    long: bool = False
    """Many options: shown in a scrolling box."""


def facet_values(t: Tiltak) -> dict[str, list[str]]:
    """The values of each filter for one tiltak (what the URL and the data-* attributes hold)."""
    return {
        "fylke": t.fylker_i_dag,  # today's fylke; the report's is shown on the tiltak page
        "kontor": [t.kontor],
        "maalgruppe": list(dict.fromkeys(t.maalgrupper)),
        "tema": list(dict.fromkeys(t.tema)),
        "paragraf": list(dict.fromkeys(normalise_paragraph(p) for p in t.paragrafer)),
        "rapporttype": [t.rapporttype],
        "rapportaar": [str(t.rapportaar)],
        "viderefort": [t.videreforing.status],
    }


FACET_LEGENDS = (
    ("fylke", "Fylke"), ("kontor", "Kontor"), ("maalgruppe", "Målgruppe"), ("tema", "Tema"),
    ("paragraf", "Paragraf i sosialtjenesteloven"), ("rapporttype", "Rapporttype"), ("rapportaar", "Rapportår"),
    ("viderefort", "Videreført"),
)


def _paragraph_order(nr: str) -> tuple:
    m = re.match(r"(\d+)\s*([a-z]?)", nr)
    return (int(m.group(1)), m.group(2)) if m else (10**6, nr)


def facets(content: Content) -> list[Facet]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for t in content.tiltak.values():
        for key, values in facet_values(t).items():
            counts[key].update(values)
    vok = content.vokabular
    order: dict[str, list[str]] = {
        "fylke": [f for f in FYLKER if f in counts["fylke"]],
        "kontor": sorted(counts["kontor"], key=sort_key),
        "maalgruppe": [v for v in (vok.maalgrupper if vok else []) if v in counts["maalgruppe"]],
        "tema": [v for v in (vok.tema if vok else []) if v in counts["tema"]],
        "paragraf": sorted(counts["paragraf"], key=_paragraph_order),
        "rapporttype": [v for v in RAPPORTTYPER if v in counts["rapporttype"]],
        "rapportaar": sorted(counts["rapportaar"], reverse=True),  # newest first
        "viderefort": [v for v in VIDEREFORING if v in counts["viderefort"]],
    }
    labels: dict[str, Callable[[str], str]] = {
        "paragraf": lambda v: f"§ {v}",
        "rapporttype": RAPPORTTYPER.__getitem__,
        "viderefort": VIDEREFORING.__getitem__,
    }
    return [
        Facet(key, legend, [Option(v, labels.get(key, str)(v), counts[key][v]) for v in order[key]],
              long=len(order[key]) > 12)
        for key, legend in FACET_LEGENDS
    ]


# ---------- similarity ----------

def similar_all(content: Content, limit: int = SIMILAR_LIMIT) -> dict[str, list[str]]:
    """For every tiltak, up to `limit` others sharing a theme AND a target group, ranked by how many
    themes and target groups they share (then by name).

    Tiltak with the same themes and target groups form one group; the sets are bit masks. For each group
    the candidates are visited level by level, from the highest possible number of shared tags down,
    and the search stops as soon as enough tiltak are found, so it stays fast at 10,000 tiltak.
    """
    tiltak = list(content.tiltak.values())
    tema_bit = {tag: 1 << i for i, tag in enumerate(sorted({tag for t in tiltak for tag in t.tema}))}
    maal_bit = {tag: 1 << i for i, tag in enumerate(sorted({tag for t in tiltak for tag in t.maalgrupper}))}

    def signature(t: Tiltak) -> tuple[int, int]:
        return sum(tema_bit[tag] for tag in set(t.tema)), sum(maal_bit[tag] for tag in set(t.maalgrupper))

    groups: dict[tuple[int, int], list[tuple]] = defaultdict(list)
    for t in tiltak:
        groups[signature(t)].append((sort_key(t.navn), t.id))
    for members in groups.values():
        members.sort()

    def by_overlap(masks: set[int]) -> dict[int, dict[int, list[int]]]:
        """mask -> number of shared bits -> the masks sharing that many (at least one)."""
        index: dict[int, dict[int, list[int]]] = {}
        for a in masks:
            levels: dict[int, list[int]] = defaultdict(list)
            for b in masks:
                shared = (a & b).bit_count()
                if shared:
                    levels[shared].append(b)
            index[a] = levels
        return index

    tema_overlap = by_overlap({sig[0] for sig in groups})
    maal_overlap = by_overlap({sig[1] for sig in groups})
    best: dict[tuple[int, int], list[tuple]] = {}
    for sig in groups:
        tema, maal = sig
        found: list[tuple] = []
        for level in range(tema.bit_count() + maal.bit_count(), 1, -1):
            candidates = []
            for shared_tema in range(1, level):
                temas = tema_overlap[tema].get(shared_tema)
                maals = maal_overlap[maal].get(level - shared_tema)
                if not temas or not maals:
                    continue
                if len(temas) * len(maals) <= len(groups):
                    candidates += [groups[(t, m)] for t in temas for m in maals if (t, m) in groups]
                else:
                    tema_set, maal_set = set(temas), set(maals)
                    candidates += [g for (t, m), g in groups.items() if t in tema_set and m in maal_set]
            if candidates:
                # One more than needed: the tiltak itself is among them.
                found.extend(itertools.islice(heapq.merge(*candidates), limit + 1 - len(found)))
                if len(found) > limit:
                    break
        best[sig] = found
    return {t.id: [tid for _, tid in best[signature(t)] if tid != t.id][:limit] for t in tiltak}


# ---------- views ----------

@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    paragraphs: list[str]


@dataclass(frozen=True)
class ParagrafLink:
    ref: Lovhenvisning
    routine_url: str | None


@dataclass(frozen=True)
class Link:
    tiltak: Tiltak
    url: str


@dataclass(frozen=True)
class TiltakView:
    t: Tiltak
    paragrafer: list[ParagrafLink]
    sections: list[Section]
    samarbeid: list[str]
    videreforing: str
    rapporttype: str
    kilde: str
    similar: list[Link]
    catalogue_url: str


def tiltak_view(content: Content, t: Tiltak, pages: PageIndex, similar: list[str]) -> TiltakView:
    """The view of a tiltak for its page; `pages` gives every address, `similar` the ids of the
    similar tiltak (similar_all)."""
    own = page_src(t.id)

    def link(target_src: str) -> str | None:
        return pages.link(target_src, own)

    paragrafer = []
    for nr in t.paragrafer:
        ref = content.laws.sotjl(nr)
        if ref is None:  # refused when the content was loaded
            raise KeyError(f"sosialtjenesteloven § {nr} finnes ikke i lovregisteret")
        routine = pages.document_page(ROUTINE_DOCUMENTS.get(ref.nr, ""))
        paragrafer.append(ParagrafLink(ref, link(routine.src) if routine else None))
    sections = [Section(key, heading, paragraphs(getattr(t, key))) for key, heading in SECTIONS]
    return TiltakView(
        t=t,
        paragrafer=paragrafer,
        sections=[s for s in sections if s.paragraphs],
        samarbeid=paragraphs(t.samarbeidspartnere),
        videreforing=VIDEREFORING[t.videreforing.status],
        rapporttype=RAPPORTTYPER[t.rapporttype],
        kilde=kilde_text(t),
        similar=[Link(content.tiltak[other], link(page_src(other)) or "") for other in similar],
        catalogue_url=link(CATALOGUE_PAGE) or "",
    )


@dataclass(frozen=True)
class Item:
    """One tiltak in the catalogue list."""

    t: Tiltak
    url: str
    values: dict[str, str]
    """Facet key -> values joined by '|', for data-* attributes."""
    search: str
    rapporttype: str
    videreforing: str


@dataclass(frozen=True)
class CatalogueView:
    items: list[Item]
    facets: list[Facet]
    sorts: tuple[tuple[str, str], ...]

    @property
    def total(self) -> int:
        return len(self.items)


def catalogue_view(content: Content, link: Callable[[str], str]) -> CatalogueView:
    ordered = sorted(content.tiltak.values(), key=lambda t: (sort_key(t.navn), t.id))
    items = [
        Item(t=t, url=link(page_src(t.id)),
             values={k: "|".join(v) for k, v in facet_values(t).items()},
             search=search_text(t),
             rapporttype=RAPPORTTYPER[t.rapporttype],
             videreforing=VIDEREFORING[t.videreforing.status])
        for t in ordered
    ]
    return CatalogueView(items=items, facets=facets(content), sorts=SORTS)


# ---------- overview charts ----------

@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    y: int
    width: float


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    desc: str
    bars: list[Bar]
    height: int
    label_width: int = 190
    bar_area: int = 380
    row: int = 28


def chart(chart_id: str, title: str, counts: Iterable[tuple[str, int]], noun: str) -> Chart:
    rows = list(counts)
    top = max((c for _, c in rows), default=0) or 1
    bars = [Bar(label, count, 10 + i * 28, round(380 * count / top, 1)) for i, (label, count) in enumerate(rows)]
    total = sum(c for _, c in rows)
    if rows:
        most = max(rows, key=lambda r: r[1])
        desc = f"Stolpediagram over {len(rows)} {noun}. Flest tiltak: {most[0]} med {most[1]}."
    else:
        desc = "Ingen tiltak ennå."
    return Chart(chart_id, title, desc + f" Til sammen {total} registreringer.", bars, height=20 + 28 * len(rows))


def overview_charts(content: Content) -> list[Chart]:
    by_fylke = Counter(f for t in content.tiltak.values() for f in t.fylker_i_dag)
    by_tema = Counter(tag for t in content.tiltak.values() for tag in dict.fromkeys(t.tema))
    vok_tema = content.vokabular.tema if content.vokabular else []
    return [
        chart("rp-diagram-fylke", "Tiltak per fylke", [(f, by_fylke[f]) for f in FYLKER if by_fylke[f]], "fylker"),
        chart("rp-diagram-tema", "Tiltak per tema", [(v, by_tema[v]) for v in vok_tema if by_tema[v]], "temaer"),
    ]


# ---------- the generated pages ----------

_BLANK_LINES = re.compile(r"\n\s*\n")


def tiltak_page(content: Content, t: Tiltak, pages: PageIndex, similar: list[str]) -> str:
    """The Markdown of a tiltak's generated page: front matter with its title, and the body
    rendered from overrides/partials/_tiltak.html."""
    body = render("_tiltak.html", v=tiltak_view(content, t, pages, similar))
    # A blank line would end the raw HTML block in Markdown; the partial has none but user text might.
    body = _BLANK_LINES.sub("\n", str(body))
    # Material prints page.meta.title without escaping (<title>, header), so the title is
    # HTML-escaped here; JSON is YAML, so it is quoted safely whatever characters it holds.
    title = json.dumps(str(escape(t.navn)), ensure_ascii=False)
    return f"---\ntitle: {title}\n---\n\n{body}\n"
