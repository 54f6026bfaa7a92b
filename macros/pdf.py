"""Print pages to A4 PDF with Debian's Chromium, so offices need no browser print dialog."""
from __future__ import annotations

from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
]


def launch(playwright):
    """Debian's Chromium with the flags this closed network needs; never a downloaded browser."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


class PdfError(RuntimeError):
    pass


def print_pages(site_dir: Path, jobs: dict[str, str]) -> list[Path]:
    """jobs: output path inside the site -> page path inside the site. Returns the PDFs written."""
    if not jobs:
        return []
    if not Path(CHROMIUM).exists():
        raise PdfError(
            f"Chromium mangler ({CHROMIUM}), så PDF-ene kan ikke lages. Kjør 'bash scripts/setup.sh', "
            "eller bygg uten PDF med RUTINEPORTALEN_PDF=0."
        )
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page()
            page.emulate_media(media="print", color_scheme="light")
            for out, source in sorted(jobs.items()):
                target = site_dir / out
                target.parent.mkdir(parents=True, exist_ok=True)
                page.goto((site_dir / source).resolve().as_uri(), wait_until="load")
                page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True)
                written.append(target)
        finally:
            browser.close()
    return written
