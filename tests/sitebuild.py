"""Build the site (or a changed copy of it) into a temporary folder, as the real command does."""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a build reads. Copied for negative builds, so a test can break one file safely.
PROJECT_PARTS = ["mkdocs.yml", "docs", "routines", "checklists", "catalogue", "data", "macros", "overrides", "kontor"]
FIXED_TODAY = "2026-11-23"
KONTOR_ENV = "RUTINEPORTALEN_KONTOR"  # the office whose edition is built (macros/kontor.py)


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path


def build(project: Path, site: Path | None, *args: str, env: dict[str, str] | None = None) -> BuildResult:
    """`site` None: where the configuration puts it (no -d). The shared core unless `env` names an
    office in RUTINEPORTALEN_KONTOR; one set in the shell running the tests is not passed on."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUTINEPORTALEN_IDAG": FIXED_TODAY}
    full_env.pop(KONTOR_ENV, None)
    full_env.update(env or {})
    target = [] if site is None else ["-d", str(site)]
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), *target, *args],
        cwd=project, env=full_env, capture_output=True, text=True, timeout=600,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site or project / "site")


def build_office(project: Path, kontor: str, site: Path | None, **env: str) -> BuildResult:
    """The edition of office `kontor` (RUTINEPORTALEN_KONTOR), without PDFs; `site` None: its own
    folder site-<kontor> next to mkdocs.yml."""
    result = build(project, site, env={"RUTINEPORTALEN_PDF": "0", KONTOR_ENV: kontor, **env})
    return BuildResult(result.returncode, result.output, site or project / f"site-{kontor}")


def copy_project(dest: Path, *, records: bool = True) -> Path:
    """A copy of what a build reads; without the catalogue's records (catalogue/tiltak/) if not `records`."""
    def ignore(folder: str, names: list[str]) -> list[str]:
        skip_records = not records and Path(folder) == ROOT / "catalogue"
        return [n for n in names if n == "__pycache__" or (skip_records and n == "tiltak")]

    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=ignore)
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def shared_build(tmp_path_factory, name: str, make: Callable[[Path], BuildResult]) -> BuildResult:
    """One build per test session, shared by every xdist worker: the first worker that asks
    builds `name` into the session's common temporary folder (`make(folder)`) while holding a
    file lock; the others wait for the lock and reuse the result, output included."""
    base = tmp_path_factory.getbasetemp()
    common = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = common / f"delt-{name}"
    record = common / f"delt-{name}.json"
    with open(common / f"delt-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not record.exists():
                folder.mkdir(parents=True, exist_ok=True)
                result = make(folder)
                record.write_text(json.dumps({"returncode": result.returncode, "output": result.output,
                                              "site": str(result.site)}), encoding="utf-8")
            saved = json.loads(record.read_text(encoding="utf-8"))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return BuildResult(saved["returncode"], saved["output"], Path(saved["site"]))


CATALOGUE_FIXTURES = ROOT / "tests" / "fixtures" / "catalogue"


def copy_small_project(dest: Path) -> Path:
    """A copy of the project whose catalogue holds exactly the three fixture records
    (tests/fixtures/catalogue/) and whose kommune register is tests/fixtures/kommuner.yaml: every
    routine, checklist, page and office profile as they are, but 40 pages instead of 180, so it
    builds in a third of the time. For tests whose promise does not depend on the real catalogue."""
    copy_project(dest, records=False)
    (dest / "catalogue" / "tiltak").mkdir()
    for path in CATALOGUE_FIXTURES.glob("*.yaml"):
        shutil.copy(path, dest / "catalogue" / "tiltak" / path.name)
    shutil.copy(CATALOGUE_FIXTURES.parent / "kommuner.yaml", dest / "data" / "kommuner.yaml")
    return dest


def build_catalogue_fixture_site(tmp: Path) -> BuildResult:
    """The small project (copy_small_project) in tmp/prosjekt, built with --strict into tmp/site."""
    project = copy_small_project(tmp / "prosjekt")
    return build(project, tmp / "site", env={"RUTINEPORTALEN_PDF": "0"})
