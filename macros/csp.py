"""Fill the hashes of a page's inline scripts into its Content-Security-Policy meta tag.

overrides/main.html writes the policy with the placeholder 'rp-inline-script-hashes'; the
scripts Material inlines differ per page depth, so the hashes are computed per page.
"""
from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "'rp-inline-script-hashes'"
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}


# Material's inline scripts are plain <script>…</script> elements; a full HTML parse of every
# page cost about a fifth of the build, a regular expression over the script tags nothing.
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def _inline_scripts(html: str) -> list[str]:
    scripts = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") in _EXECUTABLE:
            scripts.append(match.group("body"))
    return scripts


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for script in _inline_scripts(html):
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        token = f"'sha256-{digest}'"
        if token not in hashes:
            hashes.append(token)
    return hashes


def apply(html: str) -> str:
    if PLACEHOLDER not in html:
        return html
    return html.replace(PLACEHOLDER, " ".join(inline_script_hashes(html)) or "'none'", 1)
