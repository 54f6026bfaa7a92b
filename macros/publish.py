"""Atomic output: a build writes into a staging folder next to the target, and the target is
replaced only when everything (pages, PDFs, calendar) has succeeded; a failed, interrupted or
killed build leaves the previous site exactly as it was."""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

_PREFIX = ".rp-bygg-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class Staging:
    target: Path
    folder: Path

    @classmethod
    def begin(cls, target: Path) -> "Staging":
        """A new, empty staging folder beside `target`; leftovers of killed builds are removed."""
        target = target.resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        stem = f"{_PREFIX}{target.name}-"
        for old in target.parent.glob(f"{stem}*"):
            pid = old.name[len(stem):].split("-")[0]
            if pid.isdigit() and not _alive(int(pid)):
                shutil.rmtree(old, ignore_errors=True)
        folder = Path(tempfile.mkdtemp(prefix=f"{stem}{os.getpid()}-", dir=target.parent))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(folder, 0o777 & ~umask)  # mkdtemp makes 0700; a published site must be readable
        return cls(target, folder)

    def publish(self) -> None:
        """Put the staged site in the target's place; the old one is removed after the swap."""
        if self.target.exists() and not self.target.is_dir():
            raise NotADirectoryError(f"{self.target} finnes og er ikke en mappe")
        old = None
        if self.target.exists():
            old = self.folder.with_name(self.folder.name + "-gammel")
            os.rename(self.target, old)
        os.rename(self.folder, self.target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
