"""The quality gates run on a built site: accessibility (axe-core, WCAG 2.0/2.1 A and AA),
privacy (no request to any host but the site's own), and links (internal resolve, external on
an allow-list). Each returns what it found, so a test can also prove it catches a planted fault."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

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


def pages_of(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")


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
_START_AXE = """options => { window.__rpAxe = axe.run(document, {...options, resultTypes: ["violations"]})
    .then(result => result.violations); }"""
_AXE_RESULT = "() => window.__rpAxe"


def axe_audit(browser, base_url: str, pages: list[str], *, color_scheme: str | None = None,
              parallel: int = 3) -> tuple[list[str], list[str]]:
    """Every page in `pages` audited with axe (the rules of axe_violations), `parallel` at a time,
    each in its own browser context: a page is loaded, axe is started in it without waiting, and
    its result is collected once the other contexts have been started. Returns (one line per
    violation, prefixed with the page; every foreign request of any page)."""
    contexts = [browser.new_context(**({"color_scheme": color_scheme} if color_scheme else {}))
                for _ in range(min(parallel, len(pages)))]
    tabs = [ctx.new_page() for ctx in contexts]
    recorders = [record_foreign_requests(tab, base_url) for tab in tabs]
    problems: list[str] = []
    foreign: list[str] = []
    try:
        running: dict[int, str] = {}

        def start(slot: int, rel: str) -> None:
            tab = tabs[slot]
            tab.goto(base_url + rel, wait_until="load")
            tab.evaluate(_axe.axe_script)
            tab.evaluate(_START_AXE, axe_options())
            running[slot] = rel

        def finish(slot: int) -> None:
            rel = running.pop(slot)
            label = f"{rel} ({color_scheme})" if color_scheme else rel
            problems.extend(f"{label}: {v}" for v in describe(tabs[slot].evaluate(_AXE_RESULT)))

        queue = list(pages)
        for slot in range(len(tabs)):
            start(slot, queue.pop(0))
        slot = 0
        while running:
            finish(slot)
            if queue:
                start(slot, queue.pop(0))
            slot = (slot + 1) % len(tabs)
            while running and slot not in running:
                slot = (slot + 1) % len(tabs)
        for found in recorders:
            foreign.extend(found)
    finally:
        for ctx in contexts:
            ctx.close()
    return problems, foreign


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

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            ids[path] = {el["id"] for el in soup.select("[id]")} | {el["name"] for el in soup.select("a[name]")}
        return ids[path]

    for rel in pages_of(site):
        path = site / rel
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
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
