"""Turn pydantic's errors into messages an author understands, with the line they concern."""
from __future__ import annotations

import types
import typing
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import ContentError
from .yamlsource import Located

M = TypeVar("M", bound=BaseModel)


def validate(doc: Located, model: type[M], context: dict[str, Any] | None = None) -> tuple[M | None, list[ContentError]]:
    """`context` reaches validators that need other content, e.g. the registry of external hosts."""
    try:
        return model.model_validate(doc.data, context=context), []
    except ValidationError as exc:
        return None, [ContentError(doc.path, doc.line_of(err["loc"]), message(err, model)) for err in exc.errors()]


def message(err: dict[str, Any], root: type[BaseModel]) -> str:
    loc = err["loc"]
    field = _field_name(loc)
    kind = err["type"]
    value = err.get("input")
    if kind == "missing":
        return f"mangler det påkrevde feltet '{field}'"
    if kind == "extra_forbidden":
        allowed = ", ".join(_allowed_keys(root, loc[:-1]))
        return f"ukjent felt '{field}'; tillatte felt her er: {allowed}"
    if kind in ("literal_error", "enum"):
        choices = ", ".join(str(c) for c in _literal_choices(root, loc))
        return f"'{field}' må være en av: {choices} (fikk '{value}')"
    if kind.startswith("date_"):
        return f"'{field}' må være en gyldig dato på formen ÅÅÅÅ-MM-DD (fikk '{value}')"
    if kind in ("bool_parsing", "bool_type"):
        return f"'{field}' må være true eller false (fikk '{value}')"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{field}' må være et heltall (fikk '{value}')"
    if kind in ("greater_than_equal", "less_than_equal"):
        limit = err["ctx"].get("ge", err["ctx"].get("le"))
        word = "minst" if kind == "greater_than_equal" else "høyst"
        return f"'{field}' må være {word} {limit} (fikk '{value}')"
    if kind == "too_short":
        return f"'{field}' må ha minst {err['ctx']['min_length']} element"
    if kind in ("string_type",):
        return f"'{field}' må være tekst"
    if kind in ("list_type",):
        return f"'{field}' må være en liste (linjer som begynner med '- ')"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"'{field}' må være en gruppe med felt (nøkkel: verdi)"
    if kind.startswith("url"):
        return f"'{field}' må være en fullstendig nettadresse som begynner med https:// (fikk '{value}')"
    if kind == "rp_markdown":
        return f"'{field}': {err['msg']}"
    if kind.startswith("rp_"):
        return f"'{field}' {err['msg']}"
    return f"'{field}': {err['msg']}"  # pragma: no cover - a message we have not translated yet


def _field_name(loc: tuple) -> str:
    for part in reversed(loc):
        if isinstance(part, str) and not part.startswith(("function-", "literal[")):
            return part
    return "dokumentet"


def _unwrap(tp: Any) -> list[Any]:
    """The concrete types inside Optional/Union/list/dict/Annotated."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(tp) for t in _unwrap(arg)]
    return [tp]


def _step(tp: Any, part: Any) -> list[Any]:
    out = []
    for t in _unwrap(tp):
        origin = typing.get_origin(t)
        if isinstance(part, int) and origin is list:
            out.extend(_unwrap(typing.get_args(t)[0]))
        elif isinstance(part, str) and origin is dict:
            out.extend(_unwrap(typing.get_args(t)[1]))
        elif isinstance(part, str) and isinstance(t, type) and issubclass(t, BaseModel) and part in t.model_fields:
            out.extend(_unwrap(t.model_fields[part].annotation))
    return out


def _types_at(root: type[BaseModel], loc: tuple) -> list[Any]:
    current: list[Any] = [root]
    for part in loc:
        nxt = [t for tp in current for t in _step(tp, part)]
        if not nxt:  # pydantic adds tags such as 'literal[...]'; skip them
            continue
        current = nxt
    return current


def _allowed_keys(root: type[BaseModel], loc: tuple) -> list[str]:
    for tp in _types_at(root, loc):
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return list(tp.model_fields)
    return []


def _literal_choices(root: type[BaseModel], loc: tuple) -> list[Any]:
    for tp in _types_at(root, loc):
        if typing.get_origin(tp) is Literal:
            return list(typing.get_args(tp))
    return []
