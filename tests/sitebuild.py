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


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path


def build(project: Path, site: Path, *args: str, env: dict[str, str] | None = None) -> BuildResult:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUTINEPORTALEN_IDAG": FIXED_TODAY}
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site), *args],
        cwd=project, env=full_env, capture_output=True, text=True, timeout=600,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest
