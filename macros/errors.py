"""Content errors: every problem an author can make, reported as `path:line: message`."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentErrors(Exception):
    """Raised once, with every error found, so an author can fix them all in one go."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"Innholdet har {count} feil:" if count != 1 else "Innholdet har 1 feil:"
        return "\n".join([head, *(str(e) for e in self.errors)])
