"""Benchmark of the site search (a measurement, not a test). Prints Markdown tables for BENCHMARKS.md.

  .venv/bin/python scripts/bench_search.py [--material-rev REV]

1. Index size (raw and gzip) for the real site and with 2,000 and 10,000 synthetic tiltak (real tiltak
   repeated under new names and addresses, pages as they are).
2. In Chromium from file://: time from the start of page load to search ready when search is opened
   as soon as the page has loaded; keystroke to results (the input event to the results in the page,
   measured in the page) for every prefix of the query collection, median and 95th percentile.
3. The query collection (tests/data/sokesporsmal.yaml): top-1 and top-3 rates for our search, in
   Python and in Chromium from http:// and file://, and for Material's own search (lunr) on the site as
   it was at --material-rev (default: the commit before the search was replaced), driven through its
   search box in Chromium.
"""
from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from macros import search_index  # noqa: E402
from macros.pdf import launch  # noqa: E402
from tests.browser_support import serve  # noqa: E402

QUERIES = yaml.safe_load((ROOT / "tests" / "data" / "sokesporsmal.yaml").read_text(encoding="utf-8"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUTINEPORTALEN_PDF": "0"}


def build(project: Path, out: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
                   env=ENV, check=True, capture_output=True, cwd=project)


def sizes(path: Path) -> tuple[int, int]:
    raw = path.read_bytes()
    return len(raw), len(gzip.compress(raw, 9))


def synthetic_site(site: Path, out: Path, count: int) -> Path:
    """A copy of the built site whose index holds `count` tiltak: the real ones repeated under new names."""
    shutil.copytree(site, out)
    js = out / "assets" / "js"
    data = search_index.load_script((js / "sokeindeks.js").read_text(encoding="utf-8"), "sokeindeks")
    rules = search_index.load_script((js / "sokeregler.js").read_text(encoding="utf-8"), "norskRegler")
    pages = [d for d in data["dokumenter"] if "d" not in d]
    real = [d for d in data["dokumenter"] if "d" in d]
    docs = list(pages)
    for n in range(count):
        d = dict(real[n % len(real)])
        d["id"] = d["u"] = f"tiltak/t-syntetisk-{n}.html"
        d["t"] = f"{d['t']} {n}"
        docs.append(d)
    from macros import norsk

    abbreviations = [norsk.Abbreviation(s, tuple(f)) for s, f in rules["forkortelser"]]
    vocab = search_index.vocabulary(docs, abbreviations)
    (js / "sokeindeks.js").write_text(search_index.script("sokeindeks", search_index.payload(docs, vocab)),
                                      encoding="utf-8")
    return out


def ready_ms(browser, url: str, runs: int = 5) -> tuple[float, float]:
    """Median (page load start -> search ready, opening search at load) and (open -> ready), in ms."""
    totals, opens = [], []
    for _ in range(runs):
        ctx = browser.new_context()
        page = ctx.new_page()
        page.goto(url)
        page.keyboard.press("/")
        page.wait_for_selector("html[data-rp-sok-klar]", timeout=120_000)
        t = page.evaluate("() => [performance.now(), window.RutineportalenSok.sok.lastStart]")
        totals.append(t[0])
        opens.append(t[0] - t[1])
        ctx.close()
    return statistics.median(totals), statistics.median(opens)


KEYSTROKES = """qs => {
  const input = document.getElementById("rp-sok-felt");
  const times = [];
  for (const q of qs) {
    for (let i = 1; i <= q.length; i++) {
      input.value = q.slice(0, i);
      const t0 = performance.now();
      input.dispatchEvent(new Event("input"));
      times.push(performance.now() - t0);
    }
  }
  return times;
}"""


def keystroke_ms(browser, url: str) -> tuple[float, float]:
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(url)
    page.keyboard.press("/")
    page.wait_for_selector("html[data-rp-sok-klar]", timeout=120_000)
    times = sorted(page.evaluate(KEYSTROKES, [q["sok"] for q in QUERIES]))
    ctx.close()
    return statistics.median(times), times[int(len(times) * 0.95)]


def rates(results: list[list[str]]) -> tuple[float, float]:
    top1 = sum(bool(r) and r[0] in q["treff"] for q, r in zip(QUERIES, results))
    top3 = sum(any(u in q["treff"] for u in r[:3]) for q, r in zip(QUERIES, results))
    return top1 / len(QUERIES), top3 / len(QUERIES)


def ours_in_browser(browser, url: str) -> list[list[str]]:
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(url)
    page.evaluate("() => new Promise(done => window.RutineportalenSok.sok.ready(done))")
    out = page.evaluate("qs => qs.map(q => window.RutineportalenSok.sok.search(q).slice(0, 3).map(h => h.doc.u))",
                        [q["sok"] for q in QUERIES])
    ctx.close()
    return out


def material_results(browser, base_url: str) -> list[list[str]]:
    """Type each query into Material's search box and read the pages of the first results."""
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(base_url + "index.html")
    page.locator("input.md-search__input").click()
    out = []
    for q in QUERIES:
        # typed key by key, as a person does (Material ignores a value set all at once before its index is ready)
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.keyboard.type(q["sok"])
        # Material searches in a worker and debounces; wait until its count («17 treff», «Ingen treff»)
        # has settled. Polled from Python: the site's CSP forbids the eval a waiting function would need.
        last, stable, deadline = None, 0, time.time() + 8
        while time.time() < deadline and stable < 3:
            meta = page.locator(".md-search-result__meta").inner_text()
            stable = stable + 1 if meta == last and "treff" in meta.lower() else 0
            last = meta
            time.sleep(0.15)
        hrefs = page.locator(".md-search-result__list > .md-search-result__item > a.md-search-result__link").evaluate_all(
            "els => els.map(a => a.getAttribute('href'))")
        urls = []
        for h in hrefs:
            u = h.split("#")[0].split("?")[0]
            u = u[len(base_url):] if u.startswith(base_url) else u.lstrip("./")
            if u not in urls:
                urls.append(u)
        out.append(urls[:3])
    ctx.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--material-rev", default="7b902b6", help="a commit with Material's search plugin")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        site = work / "site"
        build(ROOT, site)
        sites = {"ekte": site}
        for n in (2000, 10000):
            sites[n] = synthetic_site(site, work / f"site-{n}", n)

        material_project = work / "material"
        material_project.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.material_rev], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(material_project)], input=archive.stdout, check=True)
        (material_project / ".venv").symlink_to(ROOT / ".venv")
        material_site = work / "material-site"
        build(material_project, material_site)

        index = search_index.load_site(site)
        py = [[h.url for h in index.search(q["sok"])[:3]] for q in QUERIES]

        with sync_playwright() as p:
            browser = launch(p)
            rows = []
            for name, s in sites.items():
                raw, gz = sizes(s / "assets" / "js" / "sokeindeks.js")
                url = (s / "index.html").as_uri()
                total, opened = ready_ms(browser, url, runs=5 if name == "ekte" else 2)
                median, p95 = keystroke_ms(browser, url)
                label = "Det ekte nettstedet (142 tiltak)" if name == "ekte" else f"{name:,} syntetiske tiltak".replace(",", " ")
                rows.append((label, raw, gz, total, opened, median, p95))
            with serve(site) as url:
                ours_http = ours_in_browser(browser, url + "index.html")
            ours_file = ours_in_browser(browser, (site / "index.html").as_uri())
            with serve(material_site) as url:
                material = material_results(browser, url)
            browser.close()

        minisearch = sizes(ROOT / "overrides" / "assets" / "js" / "vendor" / "minisearch.js")
        print(f"Kommando: .venv/bin/python scripts/bench_search.py  ({os.cpu_count()} kjerner, Chromium fra file://)\n")
        print("| indeks | størrelse | gzip | sidelasting → søket klart | åpnet → klart | tast → treff, median | tast → treff, 95 % |")
        print("|---|---|---|---|---|---|---|")
        for label, raw, gz, total, opened, median, p95 in rows:
            print(f"| {label} | {raw / 1024:.0f} KB | {gz / 1024:.0f} KB | {total:.0f} ms | {opened:.0f} ms | "
                  f"{median:.1f} ms | {p95:.1f} ms |")
        print(f"\nMiniSearch 7.2.0 (lastes når søket åpnes): {minisearch[0] / 1024:.0f} KB, {minisearch[1] / 1024:.0f} KB gzip.\n")
        print(f"Spørresamlingen: {len(QUERIES)} søk (tests/data/sokesporsmal.yaml)\n")
        print("| søk | topp 1 | topp 3 |")
        print("|---|---|---|")
        for label, res in [("Materials søk (lunr, `lang: ['no']`), i søkeboksen i Chromium", material),
                           ("Vårt søk, Python-referansen (macros/search_index.py)", py),
                           ("Vårt søk i Chromium, http://", ours_http),
                           ("Vårt søk i Chromium, file://", ours_file)]:
            t1, t3 = rates(res)
            print(f"| {label} | {t1:.0%} | {t3:.0%} |")
        missed = [q["sok"] for q, r in zip(QUERIES, material) if not any(u in q["treff"] for u in r[:3])]
        print(f"\nMaterials søk bommer på (ikke blant de tre første): {', '.join(missed)}")
        ours_missed = [q["sok"] for q, r in zip(QUERIES, ours_file) if not any(u in q["treff"] for u in r[:3])]
        print(f"\nVårt søk bommer på: {', '.join(ours_missed)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
