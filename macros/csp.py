"""Fill the hashes of a page's inline scripts into its Content-Security-Policy meta tag.

overrides/main.html writes the policy with the placeholder 'rp-inline-script-hashes'; the
scripts Material inlines differ per page depth, so the hashes are computed per page.
"""
from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

PLACEHOLDER = "'rp-inline-script-hashes'"
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            attrs = dict(attrs)
            executable = "src" not in attrs and (attrs.get("type") or "").lower() in _EXECUTABLE
            self._current = [] if executable else None

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_script_hashes(html: str) -> list[str]:
    parser = _InlineScripts()
    parser.feed(html)
    hashes = []
    for script in parser.scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        token = f"'sha256-{digest}'"
        if token not in hashes:
            hashes.append(token)
    return hashes


def apply(html: str) -> str:
    if PLACEHOLDER not in html:
        return html
    return html.replace(PLACEHOLDER, " ".join(inline_script_hashes(html)) or "'none'", 1)
