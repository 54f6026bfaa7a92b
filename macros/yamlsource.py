"""Strict YAML reading that remembers where every value stands.

Every scalar is read as a string (no YAML 1.1 surprises: `no` stays "no", `1.10` stays
"1.10", dates stay text until the typed model parses them). Duplicate keys are errors,
where PyYAML would silently keep the last one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # the C parser is ~20x faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from .errors import ContentError

Loc = tuple[Any, ...]


@dataclass
class Located:
    """Plain data from one YAML file plus the line of every key and list item."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """The line of the deepest known part of `loc` (a pydantic error location)."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


def _convert(node: yaml.Node, loc: Loc, out: Located, errors: list[ContentError]) -> Any:
    out.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:null" and node.style is None and node.value in ("", "~", "null"):
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, loc + (i,), out, errors) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if key is None:
                errors.append(ContentError(out.path, line, "en nøkkel må være enkel tekst"))
                continue
            if key in result:
                first = out.lines[loc + (key,)]
                errors.append(ContentError(
                    out.path, line,
                    f"'{key}' står to ganger (første gang på linje {first}); hver nøkkel kan bare stå én gang",
                ))
                continue
            out.lines[loc + (key,)] = line
            result[key] = _convert(value_node, loc + (key,), out, errors)
        return result
    raise AssertionError(f"unknown YAML node {node!r}")  # pragma: no cover


def read_yaml(path: Path, display: str | None = None) -> tuple[Located | None, list[ContentError]]:
    """Read one YAML file; return the located data, or None and the errors."""
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [ContentError(shown, 1, "filen er ikke lagret som UTF-8")]
    return parse_yaml(text, shown)


def parse_yaml(text: str, shown: str) -> tuple[Located | None, list[ContentError]]:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        source_line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
        column = mark.column if mark else 0
        return None, [ContentError(shown, line, _explain(exc.problem or "", exc.context or "", source_line, column))]
    out = Located(shown, None)
    if node is None:
        return None, [ContentError(shown, 1, "filen er tom")]
    errors: list[ContentError] = []
    out.data = _convert(node, (), out, errors)
    return (None if errors else out), errors


_INDENT = "innrykket stemmer ikke; felt på samme nivå må ha like mange mellomrom foran"

_PROBLEMS = [
    ("mapping values are not allowed",
     "kolon midt i en verdi må stå i anførselstegn (tips: sett teksten i anførselstegn hvis den inneholder kolon)"),
    ("found character '\\t'", "tabulator kan ikke brukes til innrykk; bruk mellomrom"),
    ("could not find expected ':'", "fant ikke kolon der det skulle stå; hver linje må være «nøkkel: verdi» eller «- punkt»"),
    ("found unexpected end of stream", "anførselstegn eller klamme er ikke lukket"),
    ("did not find expected key", _INDENT),
    ("did not find expected '-' indicator", "innrykket stemmer ikke i en liste; punkter på samme nivå må starte med «- » i samme kolonne"),
    ("expected <block end>", _INDENT),
    ("found duplicate anchor", "samme anker (&navn) er brukt to ganger"),
]


def _explain(problem: str, context: str, line: str = "", column: int = 0) -> str:
    """PyYAML's English, told in words an author understands."""
    if "mapping values are not allowed" in problem and re.fullmatch(r"\s*(- )?[\w-]+\s*", line[:column]):
        # a plain key the parser did not expect here: the line is indented wrongly
        return f"ugyldig YAML: {_INDENT}"
    for needle, text in _PROBLEMS:
        if needle in problem or needle in context:
            return f"ugyldig YAML: {text}"
    return f"ugyldig YAML ({problem or context})"
