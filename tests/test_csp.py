"""The CSP hashes are exactly those of the page's executable inline scripts."""
from __future__ import annotations

import base64
import hashlib

from macros.csp import PLACEHOLDER, apply, inline_script_hashes


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_hashes_only_executable_inline_scripts_once_each():
    html = ('<head><meta content="script-src \'self\' ' + PLACEHOLDER + '"><script>a=1</script>'
            '<script src="x.js"></script><script type="application/json">{"b":2}</script>'
            '<script type="module">c()</script><SCRIPT>a=1</SCRIPT></head>')
    assert inline_script_hashes(html) == [sha("a=1"), sha("c()")]
    assert apply(html).startswith(f'<head><meta content="script-src \'self\' {sha("a=1")} {sha("c()")}">')


def test_page_without_inline_scripts_allows_none():
    assert apply(f"<meta content=\"script-src 'self' {PLACEHOLDER}\">") == "<meta content=\"script-src 'self' 'none'\">"
