"""MkDocs hooks for the review discipline and the årshjul's calendar file.

- on_config: report every document whose review is overdue. The report is logged at INFO level:
  mkdocs.yml has `strict: true`, so a WARNING would abort every build, and today every routine
  from 2019 is overdue; that is the truth, and the normal build must still pass.
  With RUTINEPORTALEN_STRENG_REVISJON=1 (strict review mode) overdue documents fail the build,
  each listed as `path:line:` (the line of its neste_revisjon).
(arshjul.ics is written by macros/hooks.py with the other outputs, before the site is published.)
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from macros.arshjul import overdue  # noqa: E402
from macros.build import build_of  # noqa: E402

log = logging.getLogger("mkdocs.plugins.rutineportalen.revisjon")

STRICT_ENV = "RUTINEPORTALEN_STRENG_REVISJON"


def strict_review() -> bool:
    return os.environ.get(STRICT_ENV, "") not in ("", "0")


@event_priority(90)  # after macros/hooks.py (100) has loaded and validated the content
def on_config(config, **kwargs):
    build = build_of(config)
    rows = overdue(build.content, build.today)
    if rows and strict_review():
        head = f"{len(rows)} dokument har forfalt revisjon ({STRICT_ENV}=1):"
        raise PluginError("\n".join([head, *(r.strict_message for r in rows)]))
    for row in rows:
        # INFO, not WARNING: strict: true turns every warning into a failed build.
        log.info(row.overdue_message)
    return config
