from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.sitebuild import ROOT, build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once per test worker with --strict into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, result.output
    return out


@pytest.fixture(scope="session")
def page(site):
    cache: dict[str, BeautifulSoup] = {}

    def load(rel: str) -> BeautifulSoup:
        if rel not in cache:
            cache[rel] = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
        return cache[rel]

    return load


@pytest.fixture(scope="session")
def base_url(site):
    """The built site served on loopback for browser tests."""
    from tests.browser_support import serve

    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.browser_support import launch

    with sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(locale="nb-NO", viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()
