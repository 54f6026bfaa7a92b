"""Serve a built site on loopback and drive Debian's Chromium with Playwright (no browser download)."""
from __future__ import annotations

from macros.pdf import launch, serve  # noqa: F401  one place for the browser, its flags and the loopback server


