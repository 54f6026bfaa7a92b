"""Strict, bounded YAML reading that remembers where every value stands.

Every scalar is read as a string (no YAML 1.1 surprises: `no` stays "no", `1.10` stays
"1.10", dates stay text until the typed model parses them). Duplicate keys are errors,
where PyYAML would silently keep the last one. The data is built from the parser's events
with an explicit stack, never by PyYAML's recursive composer: a hostile file (nested a hundred
thousand deep, a billion laughs of aliases, control bytes, megabytes) gets one `path:line`
message instead of a crash, a segfault or a machine out of memory.
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

MAX_BYTES = 512 * 1024
"""The largest content file today is about 10 KB; half a megabyte is room for any honest one."""
MAX_DEPTH = 20
"""Content nests at most six levels (document, sections, items, fields); twenty is ample."""
_NULLS = ("", "~", "null", "Null", "NULL")
# Control characters other than tab, line feed and carriage return; also DEL, the C1 range and the
# Unicode line/paragraph separators, which PyYAML reads as line breaks.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


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


class _Refused(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message


_COMPLEX = object()
"""Stands as the pending key after a list or mapping was used as a key: its value is dropped."""


@dataclass
class _Open:
    """A mapping or list being filled; for a mapping, the key waiting for its value."""

    loc: Loc
    value: dict | list
    key: Any = None
    key_line: int = 0
    skip_depth: int = 0
    """>0 while skipping a list or mapping used as a key."""


def _scalar_value(event: yaml.ScalarEvent) -> str | None:
    # Only a plain, untagged null is None; the C parser marks plain scalars with style ''.
    if event.tag is None and not event.style and event.value in _NULLS:
        return None
    return event.value


def _build(text: str, shown: str, out: Located, errors: list[ContentError]) -> Any:
    """The document's data from parser events; raises _Refused for what no content file needs."""
    stack: list[_Open] = []
    documents: list[Any] = []

    def place(value: Any, line: int) -> Loc:
        """Put `value` where it belongs in the innermost open container; returns its location."""
        if not stack:
            documents.append(value)
            out.lines.setdefault((), line)
            return ()
        top = stack[-1]
        if isinstance(top.value, list):
            loc = top.loc + (len(top.value),)
            top.value.append(value)
            out.lines.setdefault(loc, line)
            return loc
        key, top.key = top.key, None
        if key is _COMPLEX:
            return ("\0dropped",)
        loc = top.loc + (key,)
        if key in top.value:
            errors.append(ContentError(
                shown, top.key_line,
                f"'{key}' står to ganger (første gang på linje {out.lines[loc]}); hver nøkkel kan bare stå én gang"))
            return ("\0dropped",)
        out.lines[loc] = top.key_line
        top.value[key] = value
        return loc

    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1 if event.start_mark else 1
        top = stack[-1] if stack else None
        starts = isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
        ends = isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent))
        if top is not None and top.skip_depth:
            top.skip_depth += 1 if starts else -1 if ends else 0
            if not top.skip_depth:
                top.key = _COMPLEX
            continue
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(line, "ankere og alias (&navn og *navn) er ikke tillatt i innholdsfiler; "
                                 "skriv verdien ut der den trengs")
        if isinstance(event, yaml.DocumentStartEvent) and documents:
            raise _Refused(line, "filen har mer enn ett YAML-dokument (skilt med ---); en innholdsfil har ett")
        awaiting_key = top is not None and isinstance(top.value, dict) and top.key is None
        if isinstance(event, yaml.ScalarEvent):
            if awaiting_key:
                top.key, top.key_line = event.value, line
            else:
                place(_scalar_value(event), line)
        elif starts:
            if len(stack) >= MAX_DEPTH:
                raise _Refused(line, f"strukturen er nøstet for dypt (mer enn {MAX_DEPTH} nivåer); "
                                     "innholdsfiler trenger bare noen få")
            if awaiting_key:
                errors.append(ContentError(shown, line, "en nøkkel må være enkel tekst"))
                top.skip_depth = 1
                continue
            value: dict | list = {} if isinstance(event, yaml.MappingStartEvent) else []
            stack.append(_Open(place(value, line), value))
        elif ends:
            stack.pop()
    return documents[0] if documents else None


def read_yaml(path: Path, display: str | None = None) -> tuple[Located | None, list[ContentError]]:
    """Read one YAML file; return the located data, or None and the errors."""
    shown = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [ContentError(shown, 1, f"filen er {size // 1024} KB; en innholdsfil kan være høyst {MAX_BYTES // 1024} KB")]
        text = path.read_text(encoding="utf-8-sig")  # a byte-order mark from a Windows editor is fine
    except UnicodeDecodeError:
        return None, [ContentError(shown, 1, "filen er ikke lagret som UTF-8")]
    except OSError as exc:
        return None, [ContentError(shown, 1, f"filen kan ikke leses ({exc.strerror or exc})")]
    return parse_yaml(text, shown)


def parse_yaml(text: str, shown: str) -> tuple[Located | None, list[ContentError]]:
    if len(text.encode("utf-8")) > MAX_BYTES:
        return None, [ContentError(shown, 1, f"filen er for stor; en innholdsfil kan være høyst {MAX_BYTES // 1024} KB")]
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        return None, [ContentError(shown, line, f"teksten har et usynlig kontrolltegn (U+{ord(control.group()):04X}); "
                                                "slett det – bare vanlige tegn, mellomrom, tabulator og linjeskift er tillatt")]
    out = Located(shown, None)
    errors: list[ContentError] = []
    try:
        out.data = _build(text, shown, out, errors)
    except _Refused as exc:
        return None, [ContentError(shown, exc.line, exc.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        lines = text.splitlines()
        source_line = lines[mark.line] if mark and mark.line < len(lines) else ""
        column = mark.column if mark else 0
        return None, [ContentError(shown, line, _explain(exc.problem or "", exc.context or "", source_line, column))]
    except yaml.YAMLError as exc:  # a reader error without a position
        return None, [ContentError(shown, 1, f"ugyldig YAML ({exc})")]
    if out.data is None:
        return None, [ContentError(shown, 1, "filen er tom")]
    return (None if errors else out), errors


_INDENT = "innrykket stemmer ikke; felt på samme nivå må ha like mange mellomrom foran"

_PROBLEMS = (
    ("mapping values are not allowed",
     "kolon midt i en verdi må stå i anførselstegn (tips: sett teksten i anførselstegn hvis den inneholder kolon)"),
    ("found character '\\t'", "tabulator kan ikke brukes til innrykk; bruk mellomrom"),
    ("could not find expected ':'", "fant ikke kolon der det skulle stå; hver linje må være «nøkkel: verdi» eller «- punkt»"),
    ("found unexpected end of stream", "anførselstegn eller klamme er ikke lukket"),
    ("did not find expected key", _INDENT),
    ("did not find expected '-' indicator", "innrykket stemmer ikke i en liste; punkter på samme nivå må starte med «- » i samme kolonne"),
    ("expected <block end>", _INDENT),
    ("found duplicate anchor", "samme anker (&navn) er brukt to ganger"),
)


def _explain(problem: str, context: str, line: str = "", column: int = 0) -> str:
    """PyYAML's English, told in words an author understands."""
    if "mapping values are not allowed" in problem and re.fullmatch(r"\s*(- )?[\w-]+\s*", line[:column]):
        # a plain key the parser did not expect here: the line is indented wrongly
        return f"ugyldig YAML: {_INDENT}"
    for needle, text in _PROBLEMS:
        if needle in problem or needle in context:
            return f"ugyldig YAML: {text}"
    return f"ugyldig YAML ({problem or context})"
