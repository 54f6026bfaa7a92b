"""MkDocs hook: no left-hand menu on wide screens.

Every page gets "navigation" added to its `hide` list (front matter may already hide other parts,
such as the table of contents). Material then hides the primary sidebar from 76.25em up, where the
section tabs (navigation.tabs) lead to each section's index page; on phones and tablets the same
menu stays in the drawer behind the menu button.
"""
from __future__ import annotations


def on_page_markdown(markdown, page, config, files):
    hide = list(page.meta.get("hide") or [])
    if "navigation" not in hide:
        hide.append("navigation")
    page.meta["hide"] = hide
    return markdown
