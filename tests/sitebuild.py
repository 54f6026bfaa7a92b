"""Build the site (or a changed copy of it) into a temporary folder, as the real command does."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest
