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


def axe_violations(page) -> list[str]:
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS},
               "rules": {rule: {"enabled": False} for rule in DISABLED_RULES}}
    result = _axe.run(page, options=options)
    return [f"{v['id']} ({v['impact']}): {v['help']} – {', '.join(str(n['target']) for n in v['nodes'][:3])}"
            for v in result.response["violations"]]


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
