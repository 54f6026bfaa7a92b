"""mkdocs-macros entry point: registers the macros, nothing more."""
from __future__ import annotations

from .macro_functions import register


def define_env(env):
    register(env)
