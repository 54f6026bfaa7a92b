"""The page index: every page and file of the site with its address, and which page shows which
document, built once per build from the site generator's own file list."""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterable, Mapping

_MACRO_CALL = re.compile(r"""\{\{\s*([a-z_]+)\(\s*(?:["']([a-z0-9-]+)["']\s*)?\)\s*\}\}""")
DOCUMENT_MACROS = frozenset({"rutine", "sjekkliste"})
"""The macros that show one routine or checklist: {{ rutine("paragraf-17") }}."""


@dataclass(frozen=True)
class Page:
    """One file of the site: its path under docs/, its address and the file it is written to."""

    src: str
    url: str
    dest: str


def relative_url(url: str, other: str) -> str:
    """`url` as a link from the page at `other` (both site-relative), as MkDocs' get_relative_url
    computes it: the last part of `other` is dropped when it is a file name."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname

    def parts(path: str) -> list[str]:
        path = posixpath.normpath("/" + path)[1:]
        return path.split("/") if path else []

    other_parts, dest_parts = parts(other), parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return rel + "/" if url.endswith("/") else rel


def macro_calls(markdown: str) -> list[tuple[str, str]]:
    """(macro, argument) of every {{ macro("argument") }} or {{ macro() }} in a page ("" without argument)."""
    return _MACRO_CALL.findall(markdown)


@dataclass(frozen=True)
class PageIndex:
    """Answers «which page shows document X, at what address» for one build."""

    pages: Mapping[str, Page]
    """src (relative to docs/) -> the page or file."""
    documents: Mapping[str, Page]
    """doc id -> the page that shows it."""
    calls: Mapping[tuple[str, str], Page]
    """(macro, argument) -> the page that calls it, e.g. ("rutineperm", "") -> the Rutineperm's page."""

    @classmethod
    def build(cls, pages: Iterable[Page], templated: Mapping[str, str]) -> "PageIndex":
        """`templated`: the Markdown of each page whose macros are rendered (src -> text), in which
        the document macros are looked for; the first page (by src) that shows a document is its page."""
        by_src = {p.src: p for p in pages}
        calls: dict[tuple[str, str], Page] = {}
        for src in sorted(templated):
            for call in macro_calls(templated[src]):
                calls.setdefault(call, by_src[src])
        documents = {arg: page for (macro, arg), page in calls.items() if macro in DOCUMENT_MACROS and arg}
        return cls(MappingProxyType(by_src), MappingProxyType(documents), MappingProxyType(calls))

    def files(self) -> frozenset[str]:
        return frozenset(self.pages)

    def page(self, src: str) -> Page | None:
        return self.pages.get(src)

    def document_page(self, doc_id: str) -> Page | None:
        return self.documents.get(doc_id)

    def page_calling(self, macro: str, argument: str = "") -> Page | None:
        return self.calls.get((macro, argument))

    def url(self, src: str) -> str | None:
        page = self.pages.get(src)
        return page.url if page else None

    def link(self, target_src: str, from_src: str) -> str | None:
        """The relative address of `target_src` from the page `from_src`, or None if either is unknown."""
        target, here = self.pages.get(target_src), self.pages.get(from_src)
        if target is None or here is None:
            return None
        return relative_url(target.url, here.url)
