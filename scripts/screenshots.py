"""Developer tool: screenshots of built pages in Chromium (light, dark, phone width, print media).

    .venv/bin/python scripts/screenshots.py SITE_DIR OUT_DIR rutiner/kartlegging.html [more pages]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser_support import launch, serve  # noqa: E402

VIEWS = (
    ("lys", {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"}, "screen", True),
    ("mork", {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"}, "screen", False),
    ("mobil", {"viewport": {"width": 375, "height": 800}, "color_scheme": "light"}, "screen", False),
    ("utskrift", {"viewport": {"width": 794, "height": 1123}, "color_scheme": "light"}, "print", True),
)


def main(site: str, out: str, pages: list[str]) -> None:
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    with serve(Path(site)) as base, sync_playwright() as p:
        browser = launch(p)
        for rel in pages:
            name = rel.replace("/", "_").replace(".html", "")
            for label, kwargs, media, full in VIEWS:
                ctx = browser.new_context(**kwargs)
                page = ctx.new_page()
                page.emulate_media(media=media)
                page.goto(base + rel)
                page.wait_for_timeout(300)
                path = out_dir / f"{name}-{label}.png"
                page.screenshot(path=str(path), full_page=full)
                print(path)
                ctx.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
