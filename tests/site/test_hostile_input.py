"""Hostile and broken input, planted one case at a time in a copy of the project: each is refused
with `path:line` (or a one-line message for the environment), never with a traceback or a
signal, and the site folder from the previous build is left exactly as it was."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sitebuild import FIXED_TODAY, ROOT, build, copy_project, copy_small_project

OLD_SITE = {"index.html": "<p>Forrige bygg</p>", "rutiner/kartlegging.html": "<p>Forrige rutine</p>"}


def old_site(path: Path) -> Path:
    for rel, text in OLD_SITE.items():
        (path / rel).parent.mkdir(parents=True, exist_ok=True)
        (path / rel).write_text(text, encoding="utf-8")
    return path


def snapshot(path: Path) -> dict[str, str]:
    return {p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file()}


def plant(project: Path, rel: str, old: str | None, new: str) -> None:
    path = project / rel
    if old is None:
        path.write_text(new, encoding="utf-8")
        return
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} finnes ikke i {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_refused(result, site: Path, before: dict[str, str], *expected: str) -> None:
    assert result.returncode > 0, result.output  # a failure, not a signal
    for line in expected:
        assert line in result.output, result.output
    assert "Traceback" not in result.output, result.output
    assert snapshot(site) == before
    assert not list(site.parent.glob(".rp-bygg-*")), "a staging folder was left behind"


LAUGHS = ('lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
          + "".join(f'l{i}: &{chr(98 + i)} [{", ".join(["*" + chr(97 + i)] * 9)}]\n' for i in range(8)))

CONTENT_CASES = {
    "glossary-script": (
        "data/ordliste.yaml", '  - term: "AAP"', '  - term: "AAP\\n\\n<script>alert(1)</script>"',
        "data/ordliste.yaml:5: 'term' må være vanlige ord på én linje"),
    "glossary-iframe": (
        "data/ordliste.yaml", '  - term: "AAP"', '  - term: "AAP <iframe src=\'file:///etc/passwd\'>"',
        "data/ordliste.yaml:5: 'term' må være vanlige ord på én linje"),
    "billion-laughs": (
        "routines/kartlegging.yaml", None, LAUGHS,
        "routines/kartlegging.yaml:1: ankere og alias (&navn og *navn) er ikke tillatt"),
    "nested-100000": (
        "routines/kartlegging.yaml", None, "x: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "routines/kartlegging.yaml:1: strukturen er nøstet for dypt (mer enn 20 nivåer)"),
    "nested-500-block": (
        "routines/kartlegging.yaml", None, "".join(" " * i + "-\n" for i in range(500)),
        "routines/kartlegging.yaml:21: strukturen er nøstet for dypt"),
    "control-bytes": (
        "routines/paragraf-17.yaml", "\neier: ", "\neier: \x07\x1b[31m",
        "routines/paragraf-17.yaml:", "teksten har et usynlig kontrolltegn (U+0007)"),
    "date-out-of-range": (
        "routines/paragraf-17.yaml", 'neste_revisjon: "', 'neste_revisjon: "9999-12-31"\n#"',
        "'neste_revisjon' må være en dato mellom 2000-01-01 og 2100-12-31 (fikk '9999-12-31')"),
    "title-null": (
        "routines/paragraf-17.yaml", "\ntittel: ", "\ntittel: ~\n#",
        "routines/paragraf-17.yaml:", "'tittel' må være tekst"),
    "broken-link-in-yaml": (
        "routines/kartlegging.yaml", "(/rutiner/samtalenotat.md)", "(/rutiner/finnes-ikke.md)",
        "routines/kartlegging.yaml:18: 'bruk': ", "lenken «/rutiner/finnes-ikke.md» viser til docs/rutiner/finnes-ikke.md, som ikke finnes"),
    "attr-list-style": (
        "routines/kartlegging.yaml", "(/rutiner/samtalenotat.md)",
        '(/rutiner/samtalenotat.md){: style="position:fixed;top:0;left:0;width:100%;height:100%" }',
        "routines/kartlegging.yaml:18: 'bruk': ", "attributtet «style» er ikke tillatt"),
    "javascript-link": (
        "routines/kartlegging.yaml", "(/rutiner/samtalenotat.md)", "(javascript:alert(3))",
        "routines/kartlegging.yaml:18: 'bruk': ", "bruker «javascript:», som ikke er tillatt"),
    "foreign-image": (
        "routines/kartlegging.yaml", "[samtalenotat PROFH](/rutiner/samtalenotat.md)",
        "![x](https://evil.example/x.png) [samtalenotat PROFH](/rutiner/samtalenotat.md)",
        "routines/kartlegging.yaml:18: 'bruk': ", "bildet «https://evil.example/x.png» ligger utenfor nettstedet"),
    "macro-error": (
        "docs/rutiner/kartlegging.md", '{{ rutine("kartlegging") }}', '{{ rutine("kartleging") }}',
        "'kartleging' finnes ikke"),
    "tiltak-page-clash": (
        "docs/tiltak/t-aktivitets-og-samhandlingskoordinator-st-hanshaugen.md", None, "# Egen side\n",
        "docs/tiltak/t-aktivitets-og-samhandlingskoordinator-st-hanshaugen.md finnes som fil"),
    "office-fodselsnummer": (
        "kontor/hamar.yaml", "  beskrivelse: Ring", "  beskrivelse: Fnr " + " ".join(("010190", "12345")) + ". Ring",
        "kontor/hamar.yaml:8: 'beskrivelse' kan ikke inneholde et fødselsnummer"),
}


# The cases planted outside the catalogue are built from the small project (the three fixture
# records); the one that clashes with a real record's page, from the whole project.
SMALL_PROJECT_HOLDS = ("data/", "routines/", "docs/rutiner/", "kontor/")


@pytest.mark.parametrize("case", sorted(CONTENT_CASES))
def test_planted_content_is_refused_and_the_old_site_stays(tmp_path, case):
    rel, old, new, *expected = CONTENT_CASES[case]
    copy = copy_small_project if rel.startswith(SMALL_PROJECT_HOLDS) else copy_project
    project = copy(tmp_path / "p")
    plant(project, rel, old, new)
    site = old_site(tmp_path / "site")
    before = snapshot(site)
    result = build(project, site, env={"RUTINEPORTALEN_PDF": "0"})
    assert_refused(result, site, before, *expected)


def test_a_broken_law_registry_does_not_hide_other_errors(tmp_path):
    project = copy_project(tmp_path / "p")
    plant(project, "data/lover.yaml", "lover:", "lover: [")
    plant(project, "routines/kartlegging.yaml", "\neier: ", '\nansvarlig: "x"\neier: ')
    site = old_site(tmp_path / "site")
    before = snapshot(site)
    result = build(project, site, env={"RUTINEPORTALEN_PDF": "0"})
    assert_refused(result, site, before, "Innholdet har 2 feil:", "data/lover.yaml:",
                   "routines/kartlegging.yaml:", "ukjent felt 'ansvarlig'")


@pytest.mark.parametrize("value", ["garbage", "2026-13-01", "9999-12-31"])
def test_a_bad_today_is_one_line(tmp_path, value):
    site = old_site(tmp_path / "site")
    before = snapshot(site)
    result = build(ROOT, site, env={"RUTINEPORTALEN_PDF": "0", "RUTINEPORTALEN_IDAG": value})
    assert_refused(result, site, before,
                   f"RUTINEPORTALEN_IDAG må være en dato på formen ÅÅÅÅ-MM-DD mellom 2000 og 2100 (fikk '{value}')")


def _fake_chromium(tmp_path: Path, kind: str) -> str:
    path = tmp_path / f"chromium-{kind}"
    if kind == "missing":
        return str(path)
    path.write_text("#!/bin/sh\necho 'krasjet' >&2\nexit 1\n", encoding="utf-8")
    path.chmod(0o755 if kind == "crashing" else 0o644)
    return str(path)


@pytest.mark.parametrize("kind, message", [
    ("missing", "Chromium mangler ("),
    ("not-executable", "er ikke et program som kan kjøres, så PDF-ene kan ikke lages"),
    ("crashing", "feilet under utskrift til PDF"),
])
def test_a_broken_chromium_is_one_line_and_publishes_nothing(tmp_path, kind, message):
    site = old_site(tmp_path / "site")
    before = snapshot(site)
    project = copy_small_project(tmp_path / "p")
    result = build(project, site, env={"RUTINEPORTALEN_CHROMIUM": _fake_chromium(tmp_path, kind)})
    assert_refused(result, site, before, message)
    assert "arshjul.ics" not in snapshot(site)


def test_a_strict_mode_warning_publishes_nothing(tmp_path):
    # A broken link in a hand-written page is a warning; strict mode fails after every page is
    # written, and the previous site must still be what is there.
    project = copy_small_project(tmp_path / "p")
    plant(project, "docs/ordliste.md", "\n", "\n[brutt](finnes-ikke.md)\n")
    site = old_site(tmp_path / "site")
    before = snapshot(site)
    result = build(project, site, env={"RUTINEPORTALEN_PDF": "0"})
    assert_refused(result, site, before, "finnes-ikke.md", "Aborted with 1 warnings in strict mode!")


def test_a_killed_build_leaves_the_old_site(tmp_path):
    site = old_site(tmp_path / "site")
    before = snapshot(site)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUTINEPORTALEN_IDAG": FIXED_TODAY, "RUTINEPORTALEN_PDF": "0"}
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                             "-d", str(site)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not any(p.is_dir() and any(p.rglob("*.html")) for p in tmp_path.glob(".rp-bygg-*")):
        assert proc.poll() is None and time.monotonic() < deadline, "the build ended before it wrote a page"
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    assert snapshot(site) == before
    # the next build clears what the killed one left, and publishes
    result = build(copy_small_project(tmp_path / "p"), site, env={"RUTINEPORTALEN_PDF": "0"})
    assert result.returncode == 0, result.output
    assert not list(tmp_path.glob(".rp-bygg-*"))
    assert "Forrige bygg" not in (site / "index.html").read_text(encoding="utf-8")


def test_pdfs_cannot_read_files_of_the_build_machine(tmp_path):
    """A page that is printed holds an iframe, an image, an object and a link to local files
    (hand-written pages may hold HTML); no PDF contains a line of them."""
    project = copy_small_project(tmp_path / "p")
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("HEMMELIG-LINJE-fra-byggemaskinen\n", encoding="utf-8")
    url = secret.as_uri()
    plant(project, "docs/rutiner/kartlegging.md", '{{ rutine("kartlegging") }}',
          f'<iframe src="{url}"></iframe><iframe src="file:///etc/passwd"></iframe>'
          f'<object data="{url}"></object><img src="{url}" alt="x"><a href="{url}">fil</a>\n\n'
          '{{ rutine("kartlegging") }}')
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.output
    pdf = site / "pdf" / "kartlegging.pdf"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Kartlegging" in text
    for path in sorted((site / "pdf").glob("*.pdf")):
        raw = path.read_bytes()
        body = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert "HEMMELIG-LINJE" not in body and "root:x" not in body, path.name
        assert b"HEMMELIG-LINJE" not in raw and b"root:x" not in raw, path.name


def test_serve_keeps_the_last_good_build_while_content_has_errors(tmp_path):
    import socket
    import urllib.request

    project = copy_small_project(tmp_path / "p")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUTINEPORTALEN_IDAG": FIXED_TODAY}
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
                                 "-f", str(project / "mkdocs.yml")], cwd=project, env=env, stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}/rutiner/paragraf-17.html"

    def wait_for(condition, what):
        deadline = time.monotonic() + 90
        while not condition():
            assert proc.poll() is None, log.read_text(encoding="utf-8")
            assert time.monotonic() < deadline, f"{what}:\n{log.read_text(encoding='utf-8')}"
            time.sleep(0.2)

    def title() -> str | None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                html = response.read().decode("utf-8")
        except OSError:
            return None
        return html.split("<title>", 1)[1].split("</title>", 1)[0]

    try:
        wait_for(lambda: title() is not None, "the first build")
        first = title()
        plant(project, "routines/paragraf-17.yaml", "\neier: ", '\nansvarlig: "x"\neier: ')
        wait_for(lambda: "forrige vellykkede bygg vises" in log.read_text(encoding="utf-8"), "the failed rebuild")
        line = next(i for i, text in enumerate((ROOT / "routines/paragraf-17.yaml").read_text(encoding="utf-8")
                                               .splitlines(), 1) if text.startswith("eier:"))
        assert f"routines/paragraf-17.yaml:{line}: ukjent felt 'ansvarlig'" in log.read_text(encoding="utf-8")
        assert title() == first  # served at once, not held until the errors are fixed
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert "Traceback" not in log.read_text(encoding="utf-8")
