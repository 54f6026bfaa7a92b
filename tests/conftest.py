from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.sitebuild import ROOT, BuildResult, build, build_catalogue_fixture_site, build_office, shared_build

# Each distinct site is built once per test session and shared by the xdist workers
# (tests/sitebuild.py shared_build). Tests that plant content or change the build's
# environment build a copy of their own.


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site with its PDFs, built once per test session with --strict into a temporary folder."""
    result = shared_build(tmp_path_factory, "nettsted", lambda folder: build(ROOT, folder / "site"))
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="session")
def site_without_pdf(tmp_path_factory) -> BuildResult:
    """The real site built like `RUTINEPORTALEN_PDF=0 mkdocs build --strict`, with the build's output."""
    result = shared_build(tmp_path_factory, "nettsted-uten-pdf",
                          lambda folder: build(ROOT, folder / "site", env={"RUTINEPORTALEN_PDF": "0"}))
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def office_sites(tmp_path_factory, site_without_pdf) -> dict[str, Path]:
    """The shared core (mkdocs.yml) and two office editions (RUTINEPORTALEN_KONTOR=<id>), built without PDFs."""
    out = {"core": site_without_pdf.site}
    for name in ("hamar", "ringsaker"):
        result = shared_build(tmp_path_factory, f"kontor-{name}", lambda folder, name=name: build_office(
            ROOT, name, folder / "site"))
        assert result.returncode == 0, result.output
        out[name] = result.site
    return out


@pytest.fixture(scope="session")
def catalogue_site(tmp_path_factory) -> tuple[Path, Path]:
    """(project, site): a copy of the project whose catalogue holds exactly tests/fixtures/catalogue/."""
    result = shared_build(tmp_path_factory, "katalog", build_catalogue_fixture_site)
    assert result.returncode == 0, result.output
    return result.site.parent / "prosjekt", result.site


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


@pytest.fixture(scope="session")
def site_tour(site, base_url, browser):
    """site_tour(part) -> Audit: every page of the real site in part `part` of the tour
    (tests/quality.py tour_pages), loaded once in Chromium, audited with axe and measured at each of
    SCREEN_WIDTHS; each part is toured once per session, however many tests read it."""
    from tests.quality import SCREEN_WIDTHS, audit_pages, tour_pages

    done: dict[int, object] = {}

    def tour(part: int):
        if part not in done:
            done[part] = audit_pages(browser, base_url, tour_pages(site, part), widths=SCREEN_WIDTHS)
        return done[part]

    return tour


@pytest.fixture
def context(browser):
    ctx = browser.new_context(locale="nb-NO", viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


# The longest tests (minutes each on two cores) start first, so no worker is left with one of
# them at the end while the other waits; the rest keep their order.
SLOW_FIRST = ("test_every_page_passes_axe_and_requests_nothing_foreign", "test_no_page_is_wider_than_the_screen",
              "test_attribution_and_office_on_every_page")


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.originalname not in SLOW_FIRST)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden files in tests/golden/data/ instead of comparing with them")


@pytest.fixture
def golden(request):
    """golden(name, text): text must equal tests/golden/data/<name> exactly; with --update-golden
    the file is rewritten instead (review the change with `git diff tests/golden/data/`)."""
    update = request.config.getoption("--update-golden")
    folder = ROOT / "tests" / "golden" / "data"

    def check(name: str, text: str) -> None:
        path = folder / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
            return
        assert path.is_file(), f"{path.relative_to(ROOT)} finnes ikke; lag den med --update-golden og se over den"
        expected = path.read_bytes().decode("utf-8")
        if text != expected:
            diff = "".join(difflib.unified_diff(expected.splitlines(keepends=True), text.splitlines(keepends=True),
                                                f"{name} (fasit)", f"{name} (nå)", n=2))
            pytest.fail(f"{name} er ikke lik fasiten (kjør med --update-golden hvis endringen er riktig):\n{diff}",
                        pytrace=False)

    return check
