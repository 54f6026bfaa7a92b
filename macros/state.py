"""The content of the build under way: loaded once by the hook, read by the macros."""
from __future__ import annotations

from pathlib import Path

from .content import Content, load_content

_current: dict[Path, Content] = {}


def load(root: Path) -> Content:
    """Load (again) for a new build; raises ContentErrors when anything is wrong."""
    _current.pop(root, None)
    content = load_content(root)
    _current[root] = content
    return content


def get(root: Path) -> Content:
    if root not in _current:
        return load(root)
    return _current[root]
