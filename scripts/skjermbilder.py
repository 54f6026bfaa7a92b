"""Developer tool: a fixed set of screenshots of the built site, and before/after comparisons.

The set: the front page, a routine, a checklist, the catalogue and the årshjul at 390 px and
1366 px wide, light and dark, plus the first page of a printed form (Chromium's PDF, turned into
a PNG with pdftoppm). Pictures are PNG cut at a fixed height, the wide ones at half scale, so a
set stays around a megabyte. They are not part of the site, so they live outside docs/.

    .venv/bin/python scripts/skjermbilder.py ta SITE_DIR skjermbilder/etter
    .venv/bin/python scripts/skjermbilder.py sammenlign skjermbilder/for skjermbilder/etter skjermbilder/sammenligning
"""
from __future__ import annotations

import base64
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser_support import launch, serve  # noqa: E402

PAGES = {
    "forside": "index.html",
    "rutine": "rutiner/kartlegging.html",
    "sjekkliste": "sjekklister/etter-hver-samtale.html",
    "katalog": "tiltak/index.html",
    "arshjul": "arshjul.html",
}
# (label, width, height of the viewport, greatest height of the picture, pixels per CSS pixel)
WIDTHS = (("390", 390, 844, 1400, 1), ("1366", 1366, 900, 1100, 0.5))
SCHEMES = ("lys", "mork")
FORM = "skjema/stikkprove-17.html"


def take(site: str, out: str) -> None:
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    with serve(Path(site)) as base, sync_playwright() as p:
        browser = launch(p)
        for scheme in SCHEMES:
            for label, width, height, max_height, scale in WIDTHS:
                ctx = browser.new_context(
                    viewport={"width": width, "height": height}, locale="nb-NO", device_scale_factor=scale,
                    color_scheme="dark" if scheme == "mork" else "light",
                )
                page = ctx.new_page()
                for name, rel in PAGES.items():
                    page.goto(base + rel)
                    page.wait_for_load_state("load")
                    page.wait_for_timeout(600)
                    full = page.evaluate("document.documentElement.scrollHeight")
                    wide = page.evaluate("document.documentElement.scrollWidth")
                    path = out_dir / f"{name}-{label}-{scheme}.png"
                    page.screenshot(
                        path=str(path), full_page=True,
                        clip={"x": 0, "y": 0, "width": max(width, wide), "height": min(full, max_height)},
                    )
                    print(path, f"scrollWidth={wide}")
                ctx.close()
        # A printed form: Chromium's own PDF of the page, first page as PNG.
        ctx = browser.new_context(locale="nb-NO")
        page = ctx.new_page()
        page.goto(base + FORM)
        page.wait_for_load_state("load")
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "skjema.pdf"
            page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                 str(out_dir / "utskrift-stikkprove-17")],
                check=True,
            )
        print(out_dir / "utskrift-stikkprove-17.png")
        ctx.close()
        browser.close()


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode()


def compare(before: str, after: str, out: str) -> None:
    """Before and after side by side, one PNG per picture, composed by Chromium itself."""
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 800, "height": 600})
        for old in sorted(Path(before).glob("*.*")):
            new = Path(after) / old.name
            if not new.exists():
                continue
            width = 390 if "-390-" in old.name or old.name.startswith("utskrift") else 683
            html = (
                "<body style='margin:0;font:14px sans-serif;background:#888'>"
                "<div style='display:flex;gap:8px;align-items:flex-start'>"
                f"<figure style='margin:0'><figcaption>Før</figcaption><img width='{width}' src='{_data_uri(old)}'></figure>"
                f"<figure style='margin:0'><figcaption>Etter</figcaption><img width='{width}' src='{_data_uri(new)}'></figure>"
                "</div></body>"
            )
            page.set_viewport_size({"width": 2 * width + 8, "height": 600})
            page.set_content(html)
            page.wait_for_load_state("load")
            path = out_dir / (old.stem + ".png")
            page.screenshot(path=str(path), full_page=True)
            print(path)
        browser.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["ta"] and len(sys.argv) == 4:
        take(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["sammenlign"] and len(sys.argv) == 5:
        compare(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
