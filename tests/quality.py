"""The quality gates run on a built site: accessibility (axe-core, WCAG 2.0/2.1 A and AA), no
page wider than a phone's screen, privacy (no request to any host but the site's own), and links
(internal resolve, external on an allow-list). Each returns what it found, so a test can also
prove it catches a planted fault."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Every rule switched off needs a reason here.
DISABLED_RULES: dict[str, str] = {}

ALLOWED_HOSTS = {
    "lovdata.no", "www.regjeringen.no", "regjeringen.no", "www.nav.no", "nav.no", "www.helsetilsynet.no",
    "helsetilsynet.no", "www.statsforvalteren.no", "statsforvalteren.no", "www.udir.no", "udir.no", "www.uio.no",
    "uio.no",
}

_axe = Axe()


def all_pages(site: Path) -> list[str]:
    """Every page of a built site, 404.html included."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def pages_of(site: Path) -> list[str]:
    """Every page a reader reaches by a link: all but 404.html."""
    return [rel for rel in all_pages(site) if rel != "404.html"]


def axe_options() -> dict:
    return {"runOnly": {"type": "tag", "values": WCAG_TAGS},
            "rules": {rule: {"enabled": False} for rule in DISABLED_RULES}}


def describe(violations: list[dict]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} – {', '.join(str(n['target']) for n in v['nodes'][:3])}"
            for v in violations]


def axe_violations(page) -> list[str]:
    result = _axe.run(page, options=axe_options())
    return describe(result.response["violations"])


# axe.run with the same options as axe_violations; resultTypes only spares axe from collecting
# every node of the rules that pass (violations are reported in full either way), and only the
# violations travel back to Python.
_RUN_AXE = """async options => (await axe.run(document, {...options, resultTypes: ["violations"]})).violations"""


TOUR_SHARDS = 2
"""The tour of every page (tests/conftest.py site_tour) is split in two parts, one per xdist
worker; the tests that read a part are grouped on one worker, so each part is toured once."""


def tour_pages(site: Path, part: int) -> list[str]:
    """The pages in part `part` of the tour: every page of the site, 404.html included."""
    return all_pages(site)[part::TOUR_SHARDS]


def tour_part(part: int):
    """The parameter `part` of a test that reads site_tour(part), grouped with the others reading it."""
    return pytest.param(part, marks=pytest.mark.xdist_group(f"sidetur-{part}"), id=str(part))


SCREEN_WIDTHS = (320, 390, 768)
"""A phone held upright (the narrowest in use, a common one) and a tablet: no page may be wider."""


@dataclass
class Audit:
    """What a tour of pages found: the pages visited; axe violations and pages wider than the
    screen, one line each prefixed with the page; every foreign request of any page."""
    visited: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    too_wide: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)


def audit_pages(browser, base_url: str, pages: list[str], *, color_scheme: str = "light",
                widths: tuple[int, ...] = ()) -> Audit:
    """Every page in `pages` loaded once in `color_scheme`, audited with axe (the rules of
    axe_violations), then laid out at each of `widths` and its scroll width read.

    One browser context visits the pages in turn. (Measured on two cores with one tour per xdist
    worker, spreading the pages over parallel contexts costs more CPU, not less: Chromium then
    starts a new renderer process for each page instead of keeping one.)"""
    context = browser.new_context(color_scheme=color_scheme)
    tab = context.new_page()
    audit = Audit(foreign=record_foreign_requests(tab, base_url))
    label = "" if color_scheme == "light" else f" ({color_scheme})"
    try:
        for rel in pages:
            tab.goto(base_url + rel, wait_until="load")
            tab.evaluate(_axe.axe_script)
            audit.problems.extend(f"{rel}{label}: {v}" for v in describe(tab.evaluate(_RUN_AXE, axe_options())))
            if widths:
                # Resizing lays the page out again (media queries, Material's resize handlers)
                # without loading it again: one load serves axe and every width.
                size = tab.viewport_size
                for width in widths:
                    tab.set_viewport_size({"width": width, "height": 800})
                    scroll_width = tab.evaluate("document.documentElement.scrollWidth")
                    if scroll_width > width:
                        audit.too_wide.append(f"{rel} er {scroll_width} px bred ved {width} px")
                tab.set_viewport_size(size)
            audit.visited.append(rel)
    finally:
        context.close()
    return audit


def record_foreign_requests(page, base_url: str) -> list[str]:
    """Start recording every request that does not go to the site's own origin, and every
    load the Content-Security-Policy refused (the policy stops such a request before it is sent)."""
    own = urlparse(base_url).netloc
    foreign: list[str] = []
    page.on("console", lambda m: foreign.append(m.text) if "Content Security Policy" in m.text else None)

    def check(request):
        parsed = urlparse(request.url)
        if parsed.scheme in ("data", "blob", "about"):
            return
        if parsed.netloc != own:
            foreign.append(request.url)

    page.on("request", check)
    return foreign


def link_problems(site: Path) -> list[str]:
    """Internal links and anchors that do not resolve, and external links off the allow-list."""
    problems = []
    ids: dict[Path, set[str]] = {}

    def parse(path: Path) -> BeautifulSoup:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        ids[path] = {el["id"] for el in soup.select("[id]")} | {el["name"] for el in soup.select("a[name]")}
        return soup

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            parse(path)
        return ids[path]

    for rel in pages_of(site):
        soup = parse(site / rel)  # its anchors are kept for the links to it
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr)
                if not url or url.startswith(("mailto:", "tel:", "data:", "javascript:")):
                    continue
                parsed = urlparse(url)
                if parsed.scheme in ("http", "https"):
                    if tag != "a" or (el.get("rel") and "canonical" in el.get("rel")):
                        if tag == "link" and "canonical" in (el.get("rel") or []):
                            continue
                        problems.append(f"{rel}: ekstern ressurs {url}")
                    elif parsed.hostname not in ALLOWED_HOSTS:
                        problems.append(f"{rel}: lenke til vert utenfor listen: {url}")
                    continue
                target = urljoin("http://site/" + rel, url)
                tparsed = urlparse(target)
                file = site / unquote(tparsed.path.lstrip("/"))
                if file.is_dir():
                    file = file / "index.html"
                if not file.exists():
                    problems.append(f"{rel}: lenken {url} peker til en fil som ikke finnes")
                elif tparsed.fragment and file.suffix == ".html" and unquote(tparsed.fragment) not in anchors(file):
                    problems.append(f"{rel}: ankeret #{tparsed.fragment} finnes ikke i {file.relative_to(site)}")
    return problems
