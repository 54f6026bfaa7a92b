"""One Jinja environment, autoescape on, that renders the partials in overrides/partials."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

PARTIALS = Path(__file__).resolve().parent.parent / "overrides" / "partials"


def markdown_source(text: str | None) -> Markup:
    """An author's Markdown, made safe to hand to MkDocs: HTML in it shows as text.

    MkDocs renders it (inside a `markdown="block"` element), so links in it are
    rewritten and checked like any other link on the site.
    """
    if not text:
        return Markup("")
    safe = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Markup("\n\n" + safe.strip() + "\n\n")


def css_string(text: str) -> Markup:
    """Text for a CSS "..." string inside a <style> element: no quote, backslash or tag can escape it."""
    out = []
    for ch in str(text):
        if ch in '"\\<>&' or ord(ch) < 32:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return Markup("".join(out))


def fingerprint(text: str) -> str:
    """A short hash of an item's text: a tick is stored under it, so an id that comes to mean
    another text (ids swapped or reused at the same version) does not inherit the tick."""
    return hashlib.sha256(str(text).encode("utf-8")).hexdigest()[:10]


@lru_cache(maxsize=4)
def environment(partials: Path = PARTIALS) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(partials)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["md"] = markdown_source
    env.filters["css_string"] = css_string
    env.filters["fingerprint"] = fingerprint
    return env


def render(template: str, **context: Any) -> Markup:
    html = environment().get_template(template).render(**context)
    # MkDocs treats a blank line as the end of a raw HTML block; templates keep
    # blank lines only where Markdown bodies sit inside markdown="block" elements.
    return Markup(html)


__all__ = ["render", "environment", "markdown_source", "escape"]
