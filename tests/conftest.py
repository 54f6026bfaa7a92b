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
