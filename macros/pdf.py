"""Print pages of a built site to tagged A4 PDFs with Debian's Chromium, so offices need no
browser print dialog.

The site is served on loopback while it is printed, never opened from file://: from a file://
page, `frame-src 'self'` would let a planted iframe read any file of the build machine into the
PDF. Every request that does not go to that one origin is refused as well.
"""
from __future__ import annotations

import functools
import http.server
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM_ENV = "RUTINEPORTALEN_CHROMIUM"
CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
)


class PdfError(RuntimeError):
    """A problem with the browser or the printing, told in one line."""


def chromium() -> str:
    """Debian's Chromium, or the one RUTINEPORTALEN_CHROMIUM names."""
    return os.environ.get(CHROMIUM_ENV) or "/usr/bin/chromium"


def launch(playwright):
    """Debian's Chromium with the flags this closed network needs; never a downloaded browser."""
    return playwright.chromium.launch(executable_path=chromium(), args=list(CHROMIUM_ARGS), headless=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """`directory` served on a free loopback port, as http://127.0.0.1:<port>/."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


_UNLINK_OTHER_PAGES = """() => {
  for (const a of document.querySelectorAll("a[href]")) {
    const url = new URL(a.href, location.href);
    const samePage = url.origin === location.origin && url.pathname === location.pathname && url.hash;
    if (url.origin === location.origin && !samePage) a.removeAttribute("href");
  }
}"""


class Printer:
    """One browser page that prints pages of the site being served."""

    def __init__(self, page, origin: str):
        self.page = page
        self.origin = origin

    def open(self, rel: str) -> None:
        self.page.goto(self.origin + rel, wait_until="load")

    def pdf(self, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Links to other pages would point at this throwaway loopback server: paper and a PDF
        # read offline have nowhere to go, so they stay as text. Links within the page stay.
        self.page.evaluate(_UNLINK_OTHER_PAGES)
        # tagged: a structure tree and /Lang from <html lang>; outline: bookmarks from headings
        self.page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True,
                      tagged=True, outline=True)


def _check_browser() -> None:
    path = Path(chromium())
    if not path.exists():
        raise PdfError(f"Chromium mangler ({path}), så PDF-ene kan ikke lages. Kjør 'bash scripts/setup.sh', "
                       "eller bygg uten PDF med RUTINEPORTALEN_PDF=0.")
    if not path.is_file() or not os.access(path, os.X_OK):
        raise PdfError(f"{path} er ikke et program som kan kjøres, så PDF-ene kan ikke lages. "
                       "Installer Chromium med 'bash scripts/setup.sh', eller bygg uten PDF med RUTINEPORTALEN_PDF=0.")


@contextmanager
def printer(site_dir: Path) -> Iterator[Printer]:
    """A Printer for `site_dir`; every browser failure becomes a PdfError with one line."""
    _check_browser()
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    try:
        with serve(site_dir) as origin, sync_playwright() as p:
            browser = launch(p)
            try:
                context = browser.new_context()
                context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin)
                              else route.abort("blockedbyclient"))
                page = context.new_page()
                page.emulate_media(media="print", color_scheme="light")
                yield Printer(page, origin)
            finally:
                browser.close()
    except PlaywrightError as exc:
        first = (str(exc).strip().splitlines() or ["ukjent feil"])[0]
        raise PdfError(f"Chromium ({chromium()}) feilet under utskrift til PDF: {first}. "
                       "Bygg uten PDF med RUTINEPORTALEN_PDF=0 for å se nettstedet likevel.") from None


def print_pages(site_dir: Path, jobs: dict[str, str]) -> list[Path]:
    """jobs: output path inside the site -> page path inside the site. Returns the PDFs written."""
    if not jobs:
        return []
    written = []
    with printer(site_dir) as p:
        for out, source in sorted(jobs.items()):
            p.open(source)
            target = site_dir / out
            p.pdf(target)
            written.append(target)
    return written
