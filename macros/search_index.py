"""The site search index, built at build time, and a reference implementation of the search.

Generator-independent: it takes pages as (url, title, content HTML) and tiltak as plain records,
and writes static scripts (`window.RutineportalenSok.sokeindeks = {...}`) that the browser loads
with <script src>, so search works from disk (file://) and under `script-src 'self'`.

One document per section of a page (the text under a h1/h2/h3), and one per tiltak with its name,
office, kommuner and sections. The browser indexes the documents with MiniSearch
(overrides/assets/js/vendor/minisearch.js) and reads queries with overrides/assets/js/norsk.js;
`Index` below is the same search in Python (MiniSearch's BM25+ scoring, the same fields and
boosts, the same query reading from macros/norsk.py), used by the tests and the benchmark.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable
from types import MappingProxyType

from . import norsk
from .catalogue import SECTIONS

FIELDS = ("tittel", "overskrift", "kontor", "kommuner", "tekst")
BOOST = MappingProxyType({"tittel": 4.0, "overskrift": 2.0, "kontor": 2.0, "kommuner": 2.0, "tekst": 1.0})
"""A match in the page title counts four times one in the text, a heading or a tiltak's office twice."""

KINDS = MappingProxyType({
    "rutine": "Rutiner",
    "skjema": "Sjekklister og skjema",
    "kunnskap": "Kunnskap",
    "tiltak": "Tiltak",
})
"""The kinds results are filtered by, and their labels."""

# MiniSearch 7.2.0 defaults (src/MiniSearch.ts: defaultSearchOptions, defaultBM25params)
BM25_K, BM25_B, BM25_D = 1.2, 0.7, 0.5
PREFIX_WEIGHT, FUZZY_WEIGHT = 0.375, 0.45


def kind_of(url: str) -> str:
    """Which filter a page belongs to, from where it lives."""
    if url.startswith("tiltak/"):
        return "tiltak"
    if url.startswith(("sjekklister/", "skjema/")):
        return "skjema"
    if url.startswith(("rutiner/", "internkontroll/", "arshjul")):
        return "rutine"
    return "kunnskap"


# ---------- documents ----------

_SKIP_TAGS = frozenset({"script", "style", "template", "button", "svg", "select", "textarea", "input", "nav"})
_HEADINGS = frozenset({"h1", "h2", "h3"})
_BLOCKS = frozenset({"p", "li", "dt", "dd", "td", "th", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6",
           "br", "tr", "blockquote", "pre", "figcaption", "summary", "details", "ul", "ol", "dl", "table", "label"})
_ITEM_PARTS = "rp-punkt__"
"""An item's label, example and link are spans shown on lines of their own: word boundaries too."""
_VOID = frozenset({"br", "img", "input", "hr", "meta", "link", "wbr", "col", "area", "source"})
_SPACE = re.compile(r"\s+")

SKIP_ATTRIBUTES = ("data-rp-katalog-liste", "data-rp-sok-utelat")
"""Elements whose text is not indexed: the catalogue's list repeats every tiltak page."""


@dataclass
class Section:
    heading: str
    anchor: str
    text: str


class _Sections(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = [Section("", "", "")]
        self._buf: list[str] = []
        self._heading: list[str] | None = None
        self._anchor = ""
        self._skip: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            if tag == "br":
                self._text(" ")
            return
        a = dict(attrs)
        if self._skip:
            self._skip.append(tag)
            return
        if (tag in _SKIP_TAGS or "headerlink" in (a.get("class") or "").split()
                or any(k in a for k in SKIP_ATTRIBUTES) or "hidden" in a):
            self._skip.append(tag)
            return
        if tag in _HEADINGS:
            self._flush()
            self._heading, self._anchor = [], a.get("id") or ""
        elif tag in _BLOCKS or any(c.startswith(_ITEM_PARTS) for c in (a.get("class") or "").split()):
            self._text(" ")

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if self._skip:
            self._skip.pop()
            return
        if tag in _HEADINGS and self._heading is not None:
            heading = _SPACE.sub(" ", "".join(self._heading)).strip()
            self.sections.append(Section(heading, self._anchor, ""))
            self._heading = None
        elif tag in _BLOCKS:
            self._text(" ")

    def handle_data(self, data):
        if not self._skip:
            self._text(data)

    def _text(self, data: str):
        (self._heading if self._heading is not None else self._buf).append(data)

    def _flush(self):
        self.sections[-1].text = _SPACE.sub(" ", "".join(self._buf)).strip()
        self._buf = []

    def result(self) -> list[Section]:
        self._flush()
        return [s for s in self.sections if s.text or s.heading]


def sections(html: str) -> list[Section]:
    """The sections of a page's content: the text under each h1, h2 and h3."""
    parser = _Sections()
    parser.feed(html)
    parser.close()
    return parser.result()


@dataclass
class TiltakRecord:
    """What the index needs of a tiltak: its page, name, office, kommuner and sections."""

    url: str
    navn: str
    kontor: str
    kommuner: list[str]
    deler: list[Section]
    """Facts first (heading ""), then beskrivelse, resultater, ... with their anchors on the page."""


def page_documents(url: str, title: str, html: str) -> list[dict]:
    docs = []
    for n, s in enumerate(sections(html)):
        # The h1 repeats the title: its text belongs to the page's opening section.
        heading = "" if s.heading == title else s.heading
        docs.append({"id": f"{url}#{n}", "u": url, "a": s.anchor if heading else "", "t": title,
                     "h": heading, "x": s.text, "k": kind_of(url)})
    return docs


def tiltak_document(t: TiltakRecord) -> dict:
    return {"id": t.url, "u": t.url, "a": "", "t": t.navn, "h": "", "x": "", "k": "tiltak",
            "ko": t.kontor, "km": " ".join(t.kommuner), "d": [[s.heading, s.anchor, s.text] for s in t.deler]}


def field_value(doc: dict, name: str) -> str:
    """The text of one field of a document (overrides/assets/js/sok.js extractField does the same)."""
    if name == "tittel":
        return doc["t"]
    if name == "overskrift":
        return doc["h"]
    if name == "kontor":
        return doc.get("ko", "")
    if name == "kommuner":
        return doc.get("km", "")
    if "d" in doc:
        return " ".join(f"{h} {x}" for h, _, x in doc["d"])
    return doc["x"]


def vocabulary(docs: Iterable[dict], abbreviations: list[norsk.Abbreviation]) -> norsk.Vocabulary:
    seen = set()
    for doc in docs:
        for name in FIELDS:
            seen.update(norsk.words(field_value(doc, name)))
    return norsk.Vocabulary(seen, abbreviations)


def payload(docs: list[dict], vocab: norsk.Vocabulary) -> dict:
    """The index the browser loads when search opens: documents and the stems of the site's words."""
    return {
        "felt": list(FIELDS),
        "vekt": dict(BOOST),
        "typer": dict(KINDS),
        "stammer": {w: s for w, s in sorted(vocab.stems.items()) if w != s},
        "dokumenter": docs,
    }


def rules_payload(vocab: norsk.Vocabulary) -> dict:
    """The language rules every page loads (norsk.js; the catalogue's filter uses them too)."""
    return {**norsk.rules(), "forkortelser": [[a.short, list(a.full)] for a in vocab.abbreviations]}


def script(name: str, data: dict) -> str:
    """A static script that sets window.RutineportalenSok[name]: loadable from disk and under the CSP."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return ("/* Rutineportalen: written by macros/search_index.py at build time. */\n"
            f"(window.RutineportalenSok = window.RutineportalenSok || {{}}).{name} = {body};\n")


# ---------- the reference search (what the browser does, in Python) ----------

@dataclass
class Hit:
    url: str
    doc: dict
    score: float
    terms: set[str] = field(default_factory=set)


class Index:
    """MiniSearch's scoring over the same documents, fields and query reading as the browser."""

    def __init__(self, docs: list[dict], vocab: norsk.Vocabulary):
        self.docs = docs
        self.vocab = vocab
        self.postings: dict[str, dict[str, dict[int, int]]] = {}
        self.lengths: list[dict[str, int]] = []
        self.avg = {name: 0.0 for name in FIELDS}
        for n, doc in enumerate(docs):
            lengths = {}
            for name in FIELDS:
                ws = norsk.words(field_value(doc, name))
                lengths[name] = len(set(ws))
                self.avg[name] = (self.avg[name] * n + lengths[name]) / (n + 1)
                for w in ws:
                    t = norsk.term(w)
                    if t:
                        per_doc = self.postings.setdefault(t, {}).setdefault(name, {})
                        per_doc[n] = per_doc.get(n, 0) + 1
            self.lengths.append(lengths)
        self.sorted_terms = sorted(self.postings)

    def _term_results(self, source: str, derived: str, weight: float, results: dict):
        data = self.postings.get(derived)
        if not data:
            return
        for name in FIELDS:
            per_doc = data.get(name)
            if not per_doc:
                continue
            matching = len(per_doc)
            idf = math.log(1 + (len(self.docs) - matching + 0.5) / (matching + 0.5))
            for n, tf in per_doc.items():
                length = self.lengths[n][name]
                raw = idf * (BM25_D + tf * (BM25_K + 1) / (tf + BM25_K * (1 - BM25_B + BM25_B * length / self.avg[name])))
                score = weight * BOOST[name] * raw
                if n in results:
                    results[n][0] += score
                    results[n][1].add(source)
                    results[n][2].add(derived)
                else:
                    results[n] = [score, {source}, {derived}]

    def _prefixed(self, t: str) -> list[str]:
        import bisect

        i = bisect.bisect_left(self.sorted_terms, t)
        out = []
        while i < len(self.sorted_terms) and self.sorted_terms[i].startswith(t):
            out.append(self.sorted_terms[i])
            i += 1
        return out

    def _term(self, t: str, prefix: bool, fuzzy: int) -> dict:
        results: dict = {}
        self._term_results(t, t, 1.0, results)
        prefixed = self._prefixed(t) if prefix else []
        for p in prefixed:
            if p != t:
                self._term_results(t, p, PREFIX_WEIGHT * len(p) / (len(p) + 0.3 * (len(p) - len(t))), results)
        if fuzzy:
            seen = set(prefixed)
            for other in self.sorted_terms:
                if other != t and other not in seen and abs(len(other) - len(t)) <= 1 and norsk.within_one_edit(t, other):
                    self._term_results(t, other, FUZZY_WEIGHT * len(other) / (len(other) + 1), results)
        return results

    @staticmethod
    def _or(results: list[dict]) -> dict:
        out: dict = {}
        for r in results:
            for n, (score, sources, derived) in r.items():
                if n in out:
                    out[n][0] += score
                    out[n][1] |= sources
                    out[n][2] |= derived
                else:
                    out[n] = [score, set(sources), set(derived)]
        return out

    @staticmethod
    def _and(results: list[dict]) -> dict:
        out = {n: [v[0], set(v[1]), set(v[2])] for n, v in results[0].items()}
        for r in results[1:]:
            out = {n: [v[0] + r[n][0], v[1] | r[n][1], v[2] | r[n][2]] for n, v in out.items() if n in r}
        return out

    def search(self, query: str, kind: str | None = None) -> list[Hit]:
        """Hits by page, best first: each page once, with its best-scoring section."""
        groups = norsk.parse_query(query, self.vocab)
        group_results = []
        for g in groups:
            alts = []
            for alt in g.alternatives:
                parts = [self._term(t, alt.prefix, alt.fuzzy) for t in alt.terms]
                alts.append(parts[0] if len(parts) == 1 else self._and(parts))
            group_results.append(self._or(alts))
        if not group_results:
            return []
        combined = self._or(group_results)
        ranked = sorted(((score * max(len(sources), 1), n, derived) for n, (score, sources, derived) in combined.items()),
                        key=lambda r: -r[0])
        hits: list[Hit] = []
        seen = set()
        for score, n, derived in ranked:
            doc = self.docs[n]
            if kind and doc["k"] != kind or doc["u"] in seen:
                continue
            seen.add(doc["u"])
            hits.append(Hit(doc["u"], doc, score, derived))
        return hits


# ---------- the whole site ----------

def tiltak_record(t, url: str) -> TiltakRecord:
    """A tiltak (macros.models.tiltak.Tiltak) as the index sees it, with the address of its page
    (from the page index); anchors as on its page."""
    facts = [t.fylke, t.maalgruppe, *t.maalgrupper, *t.tema, *(f"§ {p}" for p in t.paragrafer), t.oppstart or ""]
    deler = [Section("", "", " ".join(f for f in facts if f))]
    deler += [Section(label, key, getattr(t, key)) for key, label in SECTIONS if getattr(t, key)]
    deler.append(Section("Videreføring", "videreforing", t.videreforing.begrunnelse))
    if t.samarbeidspartnere:
        deler.append(Section("Samarbeidspartnere", "samarbeidspartnere", t.samarbeidspartnere))
    return TiltakRecord(url, t.navn, t.kontor, list(t.kommuner), deler)


def build(pages: Iterable[tuple[str, str, str]], tiltak: Iterable[TiltakRecord],
          glossary: Iterable[tuple[str, str]]) -> tuple[list[dict], norsk.Vocabulary]:
    """Documents and vocabulary from pages (url, title, content HTML), tiltak and (abbreviation, full form)."""
    docs = [d for url, title, html in pages for d in page_documents(url, title, html)]
    docs += [tiltak_document(t) for t in tiltak]
    return docs, vocabulary(docs, norsk.abbreviations(glossary))


def load_script(text: str, name: str) -> dict:
    """The data of a script written by `script()` (for tests and benchmarks)."""
    marker = f"}}).{name} = "
    start = text.index(marker) + len(marker)
    return json.loads(text[start:].rstrip().rstrip(";"))


def load_site(site_dir) -> Index:
    """The reference search over a built site's index files."""
    js = Path(site_dir) / "assets" / "js"
    data = load_script((js / "sokeindeks.js").read_text(encoding="utf-8"), "sokeindeks")
    rules = load_script((js / "sokeregler.js").read_text(encoding="utf-8"), "norskRegler")
    abbreviations = [norsk.Abbreviation(short, tuple(full)) for short, full in rules["forkortelser"]]
    return Index(data["dokumenter"], vocabulary(data["dokumenter"], abbreviations))
