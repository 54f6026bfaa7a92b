"""Benchmark of the whole site (a script, not a timed test). Run:

    .venv/bin/python scripts/bench_site.py

Measures, in one run on this machine: clean build time and peak memory of the real site (without
and with the PDF step) against a plain Material build of the same Markdown without our macros and
hooks; the time from saving one routine YAML to the rebuilt page under `mkdocs serve`; and the
size of the heaviest page and of the search index. Prints a Markdown table.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.sitebuild import copy_project  # noqa: E402

RUNS = 3
MEASURE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
           "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode; "
           "print(rc, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def timed_build(project: Path, env: dict[str, str]) -> tuple[float, int]:
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    cmd = [sys.executable, "-c", MEASURE, sys.executable, "-m", "mkdocs", "build", "-q", "-f",
           str(project / "mkdocs.yml"), "-d", str(site)]
    out = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                         cwd=project, check=True).stdout.split()
    shutil.rmtree(site, ignore_errors=True)
    if out[0] != "0":
        raise SystemExit(f"bygget feilet i {project}")
    return float(out[1]), int(out[2]) // 1024


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def plain_project(dest: Path, built: Path) -> Path:
    """The same pages with a mkdocs.yml that has neither the macros plugin nor our hooks: each
    page's Markdown is replaced by the article our build made of it (raw HTML passes through
    Markdown), and the pages our hooks generate are written out as files."""
    project = copy_project(dest)
    for html in built.rglob("*.html"):
        rel = html.relative_to(built).with_suffix(".md")
        if rel.name == "404.md":
            continue
        text = html.read_text(encoding="utf-8")
        start, end = text.find("<article"), text.rfind("</article>")
        body = text[text.index(">", start) + 1:end] if start != -1 else ""
        target = project / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("---\ntitle: side\n---\n\n" + body, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n  - macros:\n(?:      .*\n)+", "\n", config)
    config = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", config)
    config = config.replace("custom_dir: overrides", "custom_dir: overrides_plain")
    config = config.replace("strict: true", "strict: false")  # rewritten pages keep built links
    (project / "overrides_plain").mkdir()
    shutil.copytree(project / "overrides" / "assets", project / "overrides_plain" / "assets")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def preview_seconds(project: Path) -> float:
    """Save a routine YAML under `mkdocs serve` and wait for the changed text in the served page."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-q", "-a", f"127.0.0.1:{port}",
                             "-f", str(project / "mkdocs.yml")], cwd=project,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/rutiner/paragraf-17.html"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        time.sleep(1.0)  # let the watcher settle
        path = project / "routines" / "paragraf-17.yaml"
        marker = f"Endret {time.time_ns()}"
        text = path.read_text(encoding="utf-8").replace('tekst: "Rusproblematikk?"', f'tekst: "{marker}"', 1)
        start = time.perf_counter()
        path.write_text(text, encoding="utf-8")
        while time.perf_counter() - start < 60:
            try:
                if marker in urllib.request.urlopen(url, timeout=2).read().decode("utf-8"):
                    return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.05)
        return float("inf")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    ours = copy_project(work / "ours")
    reference = work / "reference-site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ours / "mkdocs.yml"), "-d", str(reference)],
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUTINEPORTALEN_PDF": "0"}, check=True,
                   capture_output=True)
    plain = plain_project(work / "plain", reference)
    rows = []
    ours_t, ours_m, plain_t, plain_m, pdf_t, pdf_m = [], [], [], [], [], []
    for _ in range(RUNS):  # interleaved, so both see the same machine
        t, m = timed_build(plain, {})
        plain_t.append(t), plain_m.append(m)
        t, m = timed_build(ours, {"RUTINEPORTALEN_PDF": "0"})
        ours_t.append(t), ours_m.append(m)
        t, m = timed_build(ours, {})
        pdf_t.append(t), pdf_m.append(m)
    rows.append(("Ren Material-bygging (de samme sidene, uten makroer og hooks)", f"{median(plain_t):.2f} s", f"{max(plain_m)} MiB", "1.00"))
    rows.append(("Rutineportalen uten PDF (RUTINEPORTALEN_PDF=0)", f"{median(ours_t):.2f} s", f"{max(ours_m)} MiB",
                 f"{median(ours_t) / median(plain_t):.2f}"))
    rows.append(("Rutineportalen med PDF-er (mkdocs build)", f"{median(pdf_t):.2f} s", f"{max(pdf_m)} MiB",
                 f"{median(pdf_t) / median(plain_t):.2f}"))

    site = work / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ours / "mkdocs.yml"), "-d", str(site)],
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUTINEPORTALEN_PDF": "0"}, check=True,
                   capture_output=True)
    pages = sorted(((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")), reverse=True)
    index = site / "assets" / "js" / "sokeindeks.js"
    from macros.search_index import load_script

    docs = len(load_script(index.read_text(encoding="utf-8"), "sokeindeks")["dokumenter"])
    preview = preview_seconds(copy_project(work / "serve"))

    print(f"Kommando: .venv/bin/python scripts/bench_site.py  ({RUNS} kjøringer, median; {os.cpu_count()} kjerner)\n")
    print("| bygging | tid | maks minne | forhold til ren |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print("| måling | verdi | mål |")
    print("|---|---|---|")
    print(f"| forhåndsvisning etter lagring av routines/paragraf-17.yaml (mkdocs serve) | {preview:.2f} s | under 3 s |")
    print(f"| tyngste side | {pages[0][1]}: {pages[0][0] / 1024:.0f} KB | under 500 KB |")
    print(f"| søkeindeks | {index.stat().st_size / 1024:.0f} KB ({docs} oppføringer) | |")
    print(f"| antall sider | {len(pages)} | |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
