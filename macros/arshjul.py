"""The årshjul, the typical avvik and the review status of every document: loading and
cross-checking, what the templates receive (the wheel's geometry included), the calendar
export and the list of overdue reviews."""
from __future__ import annotations

import datetime as dt
import math
import posixpath
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .dates import MONTH_ABBR, MONTHS
from .loader import ArshjulData, Content, Loader
from .models.arshjul import Aktivitet, Arshjul, Avvik, Avviksliste
from .models.base import Metadata
from .models.kontor import Kontor
from .pages import PageIndex
from .review import ReviewStatus, review_status

ARSHJUL_FILE = "data/arshjul.yaml"
AVVIK_FILE = "data/avvik.yaml"
ICS_NAME = "arshjul.ics"

# ---------------------------------------------------------------- loading

def load_arshjul(loader: Loader, content: Content) -> None:
    """Read the årshjul and the avvik list; every id they name must exist in `content`."""
    if not (loader.root / ARSHJUL_FILE).exists():
        return
    hjul, doc = loader.model(loader.root / ARSHJUL_FILE, Arshjul)
    if hjul is None or doc is None:
        return
    known = {**content.routines, **content.checklists}
    seen: set[str] = set()
    for ai, aktivitet in enumerate(hjul.aktiviteter):
        if aktivitet.id in seen:
            loader.error(doc, ("aktiviteter", ai, "id"), f"id '{aktivitet.id}' er brukt av mer enn én aktivitet")
        seen.add(aktivitet.id)
        for bi, ref in enumerate(aktivitet.bruker):
            if ref not in known and ref not in loader.failed:
                loader.error(doc, ("aktiviteter", ai, "bruker", bi),
                             f"'bruker' viser til '{ref}', som verken er en rutine eller en sjekkliste; "
                             f"kjente er: {', '.join(sorted(known))}")
    avvik = None
    if (loader.root / AVVIK_FILE).exists():
        avvik, adoc = loader.model(loader.root / AVVIK_FILE, Avviksliste)
        if avvik is not None and adoc is not None:
            check_avvik(loader, content, avvik, adoc)
    content.arshjul = ArshjulData(hjul=hjul, avvik=avvik)


def check_avvik(loader: Loader, content: Content, liste: Avviksliste, doc) -> None:
    forms = sorted(k for k, c in content.checklists.items() if c.type == "stikkprove")
    for ai, avvik in enumerate(liste.avvik):
        for ki, kontroll in enumerate(avvik.kontroll):
            form = content.checklists.get(kontroll.skjema)
            if form is None or form.type != "stikkprove":
                if kontroll.skjema not in loader.failed:
                    loader.error(doc, ("avvik", ai, "kontroll", ki, "skjema"),
                                 f"'skjema' viser til '{kontroll.skjema}', som ikke er et stikkprøveskjema; "
                                 f"kjente er: {', '.join(forms)}")
                continue
            items = [p.id for p in form.items()]
            for pi, punkt in enumerate(kontroll.punkter):
                if punkt not in items:
                    loader.error(doc, ("avvik", ai, "kontroll", ki, "punkter", pi),
                                 f"'{punkt}' er ikke et punkt i {kontroll.skjema}; punktene er {items[0]} til {items[-1]}")


# ---------------------------------------------------------------- links

def document_page(content: Content, pages: PageIndex | None, doc_id: str) -> str:
    """The docs/ page (relative to docs/) that shows a routine or checklist: the page index's
    answer, or where such a page is kept by convention when there is no index (a bare load)."""
    found = pages.document_page(doc_id) if pages is not None else None
    if found is not None:
        return found.src
    if doc_id in content.routines:
        return f"rutiner/{doc_id}.md"
    if content.checklists[doc_id].type == "stikkprove":
        return f"skjema/{doc_id}.md"
    return f"sjekklister/{doc_id}.md"


def relative(target: str, page_src: str) -> str:
    """`target` (relative to docs/) as a link from the page whose source is `page_src`."""
    return posixpath.relpath(target, posixpath.dirname(page_src) or ".")


@dataclass(frozen=True)
class Lenke:
    tekst: str
    href: str


def _links(content: Content, pages: PageIndex | None, aktivitet: Aktivitet, page_src: str) -> list[Lenke]:
    return [Lenke(content.document(ref).kortnavn or content.document(ref).tittel,
                  relative(document_page(content, pages, ref), page_src)) for ref in aktivitet.bruker]


# ---------------------------------------------------------------- the wheel

CENTRE = 330.0
RING_INNER = 88.0
RING_OUTER = 284.0
RING_GAP = 4.0
MONTH_GAP_DEG = 1.2
LABEL_RADIUS = 316.0


def assign_rings(aktiviteter: list[Aktivitet]) -> list[int]:
    """The ring of each activity: the innermost ring where none of its months is taken yet,
    so activities in different months share a ring and the rings stay wide enough to read."""
    taken: list[set[int]] = []
    rings = []
    for a in aktiviteter:
        for i, months in enumerate(taken):
            if not months & set(a.maaneder):
                months.update(a.maaneder)
                rings.append(i)
                break
        else:
            taken.append(set(a.maaneder))
            rings.append(len(taken) - 1)
    return rings


def _point(r: float, deg: float) -> tuple[float, float]:
    rad = math.radians(deg)
    return round(CENTRE + r * math.sin(rad), 2), round(CENTRE - r * math.cos(rad), 2)


def sector_path(r_inner: float, r_outer: float, deg0: float, deg1: float) -> str:
    """An annular sector from deg0 to deg1 (clockwise from 12 o'clock), as SVG path data."""
    x0, y0 = _point(r_outer, deg0)
    x1, y1 = _point(r_outer, deg1)
    x2, y2 = _point(r_inner, deg1)
    x3, y3 = _point(r_inner, deg0)
    return (f"M{x0} {y0}A{r_outer} {r_outer} 0 0 1 {x1} {y1}"
            f"L{x2} {y2}A{r_inner} {r_inner} 0 0 0 {x3} {y3}Z")


@dataclass(frozen=True)
class Bue:
    """One month of one activity in the wheel."""
    maaned: int
    path: str
    x: float
    y: float


@dataclass(frozen=True)
class AktivitetView:
    nr: int
    a: Aktivitet
    maaneder_tekst: str
    buer: list[Bue]
    lenker: list[Lenke]


@dataclass(frozen=True)
class MaanedView:
    nr: int
    navn: str
    kort: str
    naa: bool
    sektor: str
    label_x: float
    label_y: float
    aktiviteter: list[AktivitetView]

    @property
    def merke_y(self) -> float:
        """Where "(nå)" stands: above the label in the upper half, below it in the lower, away from the rings."""
        return round(self.label_y - 26 if self.label_y < CENTRE else self.label_y + 26, 2)


@dataclass(frozen=True)
class ArshjulView:
    hjul: Arshjul
    aktiviteter: list[AktivitetView]
    maaneder: list[MaanedView]
    denne: MaanedView
    ics_href: str
    rings_outer: float
    kontor: Kontor | None = None
    """The office of this build, whose own goals (kontor.maal) the page shows; None in the core."""
    ta_i_bruk_href: str = "ta-i-bruk.md"

    @property
    def beskrivelse(self) -> str:
        """The wheel in words, for the SVG's <desc>."""
        parts = [f"{m.navn.capitalize()}: {', '.join(a.a.tittel for a in m.aktiviteter) or 'ingen aktiviteter'}"
                 for m in self.maaneder]
        return (f"Årshjulet viser årets tolv måneder som en sirkel, med januar øverst og månedene med klokka. "
                f"Hver aktivitet er merket med sitt nummer i de månedene den gjelder. Denne måneden er {self.denne.navn}. "
                + ". ".join(parts) + ".")


def month_list(months: list[int]) -> str:
    names = [MONTHS[m - 1] for m in months]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]


def arshjul_view(content: Content, today: dt.date, page_src: str, pages: PageIndex | None = None) -> ArshjulView:
    if content.arshjul is None:
        raise KeyError(f"årshjulet mangler: {ARSHJUL_FILE} finnes ikke")
    hjul = content.arshjul.hjul
    rings = assign_rings(hjul.aktiviteter)
    width = (RING_OUTER - RING_INNER) / max(1, max(rings) + 1)
    views = []
    for i, a in enumerate(hjul.aktiviteter):
        r0 = RING_INNER + rings[i] * width
        r1 = r0 + width - RING_GAP
        buer = []
        for m in a.maaneder:
            d0, d1 = (m - 1) * 30 + MONTH_GAP_DEG, m * 30 - MONTH_GAP_DEG
            x, y = _point((r0 + r1) / 2, (d0 + d1) / 2)
            buer.append(Bue(m, sector_path(r0, r1, d0, d1), x, y))
        views.append(AktivitetView(i + 1, a, month_list(a.maaneder), buer, _links(content, pages, a, page_src)))
    outer = RING_OUTER
    months = []
    for m in range(1, 13):
        lx, ly = _point(LABEL_RADIUS, (m - 0.5) * 30)
        months.append(MaanedView(
            nr=m, navn=MONTHS[m - 1], kort=MONTH_ABBR[m - 1], naa=(m == today.month),
            sektor=sector_path(RING_INNER - 8, outer + 6, (m - 1) * 30, m * 30),
            label_x=lx, label_y=ly,
            aktiviteter=[v for v in views if m in v.a.maaneder],
        ))
    return ArshjulView(hjul=hjul, aktiviteter=views, maaneder=months, denne=months[today.month - 1],
                       ics_href=relative(ICS_NAME, page_src), rings_outer=outer + 6,
                       kontor=content.kontor, ta_i_bruk_href=relative("ta-i-bruk.md", page_src))


# ---------------------------------------------------------------- avvik

@dataclass(frozen=True)
class AvvikView:
    a: Avvik
    punkter: list[tuple[str, list[Lenke]]]
    """(form title, links to its points)"""


def avvik_view(content: Content, page_src: str, pages: PageIndex | None = None) -> list[AvvikView]:
    if content.arshjul is None or content.arshjul.avvik is None:
        raise KeyError(f"avvikslisten mangler: {AVVIK_FILE} finnes ikke")
    out = []
    for a in content.arshjul.avvik.avvik:
        groups = []
        for k in a.kontroll:
            form = content.checklists[k.skjema]
            numbers = {p.id: n for n, p in enumerate(form.items(), start=1)}
            page = relative(document_page(content, pages, k.skjema), page_src)
            groups.append((form.kortnavn or form.tittel,
                           [Lenke(f"punkt {numbers[p]}", f"{page}#{p}") for p in k.punkter]))
        out.append(AvvikView(a, groups))
    return out


# ---------------------------------------------------------------- review status

KIND = MappingProxyType({"rutine": "Rutine", "mal": "Mal", "sjekkliste": "Sjekkliste", "stikkprove": "Skjema"})
ORDER = MappingProxyType({"forfalt": 0, "forfaller": 1, "gyldig": 2})


@dataclass(frozen=True)
class StatusRad:
    doc: Metadata
    kind: str
    href: str
    review: ReviewStatus
    path: str
    line: int

    @property
    def sist_revidert(self) -> str:
        return f"{self.doc.sist_revidert:%d.%m.%Y}"

    @property
    def neste_revisjon(self) -> str:
        return f"{self.doc.neste_revisjon:%d.%m.%Y}"

    @property
    def overdue_message(self) -> str:
        return (f"Revisjon forfalt: {self.path} ({self.doc.tittel}), "
                f"neste revisjon var {self.doc.neste_revisjon.isoformat()}")

    @property
    def strict_message(self) -> str:
        return (f"{self.path}:{self.line}: revisjonen forfalt {self.doc.neste_revisjon.isoformat()} "
                f"({self.doc.tittel}); revider dokumentet og sett ny 'neste_revisjon'")


def status_rows(content: Content, today: dt.date, page_src: str = "internkontroll/rutinestatus.md",
                pages: PageIndex | None = None) -> list[StatusRad]:
    """Every routine, checklist and form; overdue first, then due soon, then valid; earliest date first."""
    rows = []
    for doc in content.documents():
        source = content.sources[doc.id]
        rows.append(StatusRad(
            doc=doc, kind=KIND.get(getattr(doc, "type", ""), "Dokument"),
            href=relative(document_page(content, pages, doc.id), page_src),
            review=review_status(doc.neste_revisjon, today),
            path=source.path, line=source.line_of(("neste_revisjon",)),
        ))
    return sorted(rows, key=lambda r: (ORDER[r.review.status], r.doc.neste_revisjon, r.doc.tittel))


def overdue(content: Content, today: dt.date) -> list[StatusRad]:
    return [r for r in status_rows(content, today) if r.review.status == "forfalt"]


# ---------------------------------------------------------------- calendar

def calendar(content: Content, today: dt.date) -> bytes:
    """The årshjul as yearly all-day events, plus one event per document on its next review date."""
    from icalendar import Calendar, Event, vRecur

    stamp = dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.timezone.utc)
    cal = Calendar()
    cal.add("prodid", "-//Rutineportalen//Arshjul for internkontroll//NB")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Årshjul for internkontroll")
    if content.arshjul is not None:
        for a in content.arshjul.hjul.aktiviteter:
            for m in a.maaneder:
                start = dt.date(today.year, m, 1)
                ev = Event()
                ev.add("uid", f"arshjul-{a.id}-{m:02d}@rutineportalen")
                ev.add("dtstamp", stamp)
                ev.add("summary", a.tittel)
                ev.add("dtstart", start)
                ev.add("dtend", start + dt.timedelta(days=1))
                ev.add("rrule", vRecur({"FREQ": "YEARLY"}))
                ev.add("transp", "TRANSPARENT")
                forslag = "Forslag fra Rutineportalen: " if a.forslag else ""
                ev.add("description", f"{forslag}I løpet av {MONTHS[m - 1]}. Ansvarlig (forslag fra Rutineportalen): "
                                      f"{a.ansvarlig}. {' '.join(a.beskrivelse.split())}")
                ev.add("categories", ["Internkontroll"])
                cal.add_component(ev)
    for doc in content.documents():
        ev = Event()
        ev.add("uid", f"revisjon-{doc.id}@rutineportalen")
        ev.add("dtstamp", stamp)
        ev.add("summary", f"Revisjon: {doc.tittel}")
        ev.add("dtstart", doc.neste_revisjon)
        ev.add("dtend", doc.neste_revisjon + dt.timedelta(days=1))
        ev.add("transp", "TRANSPARENT")
        ev.add("description", f"Neste revisjon av «{doc.tittel}» (versjon {doc.versjon}). Eier: {doc.eier}.")
        ev.add("categories", ["Revisjon"])
        cal.add_component(ev)
    return cal.to_ical()


def write_calendar(content: Content, today: dt.date, site_dir: Path) -> Path:
    path = site_dir / ICS_NAME
    path.write_bytes(calendar(content, today))
    return path
