"""Benchmark of the tiltak catalogue: build time and memory against a plain Material build, the weight of the
catalogue page, and the time from a keystroke in the filter box to the updated list in Chromium.

    /tmp/probe-venv/bin/python scripts/bench_catalogue.py                  # real site + 142, 2000, 10000
    /tmp/probe-venv/bin/python scripts/bench_catalogue.py --sizes 142 2000 # what fits in the time you have

For the real site and for each size N (N synthetic tiltak written as YAML files into a temporary copy of
the project, made from the real records or the test fixtures with new ids, names, offices and tags):
  1. "ours": `mkdocs build --strict` of the project as it is (macros plugin and our hooks), plus one extra
     hook that writes every page's Markdown, as it goes into Markdown (macros rendered, tiltak pages
     generated), to a folder. That hook's cost is counted against us;
  2. "plain": a plain Material build of the same pages: those Markdown files as static .md files, with a
     mkdocs.yml without the macros plugin and without hooks.
Wall time, CPU time (user + system) and peak memory (max RSS) of the build process come from os.wait4.
CPU time is the fairer figure on a shared machine, where wall time includes waiting for a core.
RUTINEPORTALEN_PDF=0 for every build: PDF printing is measured elsewhere.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.sitebuild import copy_project  # noqa: E402

FYLKER = ["Agder", "Innlandet", "Møre og Romsdal", "Nordland", "Oslo", "Rogaland", "Troms og Finnmark",
          "Trøndelag", "Vestfold og Telemark", "Vestland", "Viken"]
OFFICES = 250  # about the number of Nav offices in Norway
ENV = {"RUTINEPORTALEN_PDF": "0", "NO_MKDOCS_2_WARNING": "1", "RUTINEPORTALEN_IDAG": "2026-11-23"}

DUMP_HOOK = '''"""Benchmark only: write every page's Markdown, as it goes into Markdown, to a folder."""
import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

OUT = Path(os.environ["RP_BENCH_DUMP"])


@event_priority(-1000)  # after the macros plugin and every other hook
def on_page_markdown(markdown, page, config, files, **kwargs):
    meta = {k: v for k, v in page.meta.items() if k != "render_macros"}
    path = OUT / page.file.src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    head = "---\\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\\n\\n" if meta else ""
    path.write_text(head + markdown, encoding="utf-8")
    return markdown
'''


@dataclass
class Build:
    wall: float
    cpu: float
    rss_mib: float
    output: str


def run_build(project: Path, site: Path, config: Path | None = None, extra_env: dict | None = None) -> Build:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config or project / "mkdocs.yml"), "-d", str(site)]
    env = {**os.environ, **ENV, **(extra_env or {})}
    out = tempfile.TemporaryFile()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    text = out.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({' '.join(cmd)}):\n{text[-3000:]}")
    return Build(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text)


def templates() -> list[dict]:
    paths = sorted((ROOT / "catalogue" / "tiltak").glob("*.yaml")) or sorted((ROOT / "tests" / "fixtures" / "catalogue").glob("*.yaml"))
    return [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for p in paths]


def write_synthetic(folder: Path, n: int, seed: int = 17) -> None:
    vok = yaml.safe_load((ROOT / "catalogue" / "vokabular.yaml").read_text(encoding="utf-8"))
    rng = random.Random(seed)
    base = templates()
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(n):
        rec = dict(base[i % len(base)])
        office = i % OFFICES
        rec.update(
            id=f"syn-{i:05d}",
            navn=f"{rec['navn']} {i}",
            navn_rekonstruert=False,
            kontor=f"Nav Syntetisk {office}",
            kommuner=[f"Syntetisk {office}"],
            fylke=FYLKER[office % len(FYLKER)],
            maalgrupper=rng.sample(vok["maalgrupper"], rng.randint(1, 3)),
            tema=rng.sample(vok["tema"], rng.randint(1, 3)),
            kilde={"rader": [i % 143 + 1]},
        )
        (folder / f"syn-{i:05d}.yaml").write_text(yaml.safe_dump(rec, allow_unicode=True, sort_keys=False), encoding="utf-8")


def plain_project(project: Path, dump: Path, work: Path) -> Path:
    """The same pages as static Markdown, and a mkdocs.yml without the macros plugin and hooks."""
    plain = work / "plain"
    shutil.rmtree(plain, ignore_errors=True)
    plain.mkdir()
    shutil.copytree(dump, plain / "docs")
    for src in (project / "docs").rglob("*"):  # images, CSS and other non-Markdown files
        dest = plain / "docs" / src.relative_to(project / "docs")
        if src.is_file() and src.suffix != ".md" and not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest)
    shutil.copytree(project / "overrides", plain / "overrides")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "macros" in p) and p != "macros"]
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return plain


def measure_filter(site: Path, query: str = "okonomi", runs: int = 3) -> dict[str, float]:
    """ms from dispatching an input event (one key) to the updated list, layout included."""
    from playwright.sync_api import sync_playwright

    from tests.browser_support import launch, serve

    script = """(query) => {
      const input = document.querySelector('#rp-katalog-q');
      const list = document.querySelector('[data-rp-katalog-liste]');
      const times = [];
      input.value = '';
      input.dispatchEvent(new Event('input', {bubbles: true}));
      for (const ch of query) {
        input.value += ch;
        const t0 = performance.now();
        input.dispatchEvent(new Event('input', {bubbles: true}));
        void list.offsetHeight;  // the updated list laid out
        times.push(performance.now() - t0);
      }
      const box = document.querySelector('input[name="fylke"]');
      const t1 = performance.now();
      box.click();
      void list.offsetHeight;
      const click = performance.now() - t1;
      box.click();
      return {times, click, status: document.querySelector('[data-rp-katalog-status]').textContent};
    }"""
    keys: list[float] = []
    clicks: list[float] = []
    with serve(site) as base, sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(base + "tiltak/index.html", wait_until="load")
        page.wait_for_selector("[data-rp-katalog-filtre]:not([hidden])")
        ready = (time.perf_counter() - start) * 1000
        for _ in range(runs):
            result = page.evaluate(script, query)
            keys += result["times"]
            clicks.append(result["click"])
        browser.close()
    return {"key_median": statistics.median(keys), "key_max": max(keys), "click_median": statistics.median(clicks),
            "ready": ready}


def bench(label: str, n_records: int | None, work: Path, browser: bool) -> dict:
    project = copy_project(work / "project")
    if n_records is not None:
        write_synthetic(project / "catalogue" / "tiltak", n_records)
    count = len(list((project / "catalogue" / "tiltak").glob("*.yaml")))
    print(f"[{label}] {count} tiltak: building ours ...", flush=True)
    (project / "macros" / "bench_dump_hook.py").write_text(DUMP_HOOK, encoding="utf-8")
    bench_config = project / "mkdocs-bench.yml"
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = list(config.get("hooks", [])) + ["macros/bench_dump_hook.py"]
    bench_config.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    ours = run_build(project, work / "site-ours", config=bench_config, extra_env={"RP_BENCH_DUMP": str(work / "dump")})
    print(f"[{label}] ours {ours.wall:.1f} s wall, {ours.cpu:.1f} s CPU", flush=True)
    plain = plain_project(project, work / "dump", work)
    print(f"[{label}] building plain ...", flush=True)
    base = run_build(plain, work / "site-plain")
    print(f"[{label}] plain {base.wall:.1f} s wall, {base.cpu:.1f} s CPU", flush=True)
    page_bytes = (work / "site-ours" / "tiltak" / "index.html").stat().st_size
    row = {"label": label, "n": count, "ours": ours, "plain": base, "page_bytes": page_bytes}
    if browser:
        row["filter"] = measure_filter(work / "site-ours")
    return row


def table(rows: list[dict]) -> str:
    lines = [
        "| tiltak | ours: CPU | plain: CPU | ratio (CPU) | ours: wall | plain: wall | ratio (wall) | ours: peak RSS "
        "| plain: peak RSS | ours CPU per tiltak (marginal) | catalogue page | keystroke → list (median / max) "
        "| tick a checkbox | page ready |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    first = rows[0]
    for r in rows:
        marginal = ""
        if r is not first and r["n"] != first["n"]:
            marginal = f"{(r['ours'].cpu - first['ours'].cpu) / (r['n'] - first['n']) * 1000:.1f} ms"
        f = r.get("filter")
        filt = f"{f['key_median']:.1f} / {f['key_max']:.1f} ms" if f else "not measured"
        click = f"{f['click_median']:.1f} ms" if f else ""
        ready = f"{f['ready']:.0f} ms" if f else ""
        lines.append(
            f"| {r['n']} ({r['label']}) | {r['ours'].cpu:.1f} s | {r['plain'].cpu:.1f} s | {r['ours'].cpu / r['plain'].cpu:.2f} "
            f"| {r['ours'].wall:.1f} s | {r['plain'].wall:.1f} s | {r['ours'].wall / r['plain'].wall:.2f} "
            f"| {r['ours'].rss_mib:.0f} MiB | {r['plain'].rss_mib:.0f} MiB | {marginal} | {r['page_bytes'] / 1024:.0f} KiB "
            f"| {filt} | {click} | {ready} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[142, 2000, 10000], help="synthetic catalogue sizes")
    parser.add_argument("--no-real", action="store_true", help="skip the real site")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium filter timing")
    parser.add_argument("--browser-max", type=int, default=10**9, help="time the filter only up to this size")
    args = parser.parse_args()
    print("Note: every build runs with RUTINEPORTALEN_PDF=0 (PDF printing is measured elsewhere).", flush=True)
    rows = []
    jobs = ([] if args.no_real else [("real", None)]) + [("synthetic", n) for n in args.sizes]
    for label, n in jobs:
        with tempfile.TemporaryDirectory(prefix="rp-bench-") as tmp:
            rows.append(bench(label, n, Path(tmp), browser=not args.no_browser and (n or 0) <= args.browser_max))
    print()
    print(f"Command: {Path(sys.executable).name} scripts/bench_catalogue.py " + " ".join(sys.argv[1:]))
    print(f"Machine: {os.cpu_count()} cores; builds with RUTINEPORTALEN_PDF=0; Chromium headless, files served on loopback.")
    print()
    print(table(rows))


if __name__ == "__main__":
    main()
