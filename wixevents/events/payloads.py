"""Validate a payload for an event and build the event object a handler receives.

``validate(name, payload)`` accepts a dict, or JSON text (``str``/``bytes``). It
returns an :class:`~wixevents.events.event.EventObject` or raises
:class:`~wixevents.errors.InvalidPayload` listing every problem as a JSON path,
what was expected, what was got and a hint; nothing else escapes, however
broken the input. Events documented by two modules accept either module's shape:
the main shape is tried first, and the error report speaks of the main shape.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from pydantic import ValidationError

from ..errors import InvalidPayload, Problem
from .catalog import catalog, schema
from .event import EventObject, wrap
from .models import adapter

_EXPECTED = {
    "missing": "a value (this field is required)",
    "string_type": "text (a JSON string)",
    "bool_type": "true or false", "int_type": "a number", "float_type": "a number",
    "dict_type": "an object", "typed_dict_type": "an object", "model_type": "an object",
    "list_type": "a list", "datetime_type": "a date-time", "datetime_parsing": "an ISO 8601 date-time",
    "datetime_from_date_parsing": "an ISO 8601 date-time", "value_error": "a number or numeric text",
}
_HINTS = {
    "missing": "add the field; wixevents.sample(name) shows a complete payload",
    "datetime_parsing": "write dates like 2024-01-10T11:28:27.000Z",
    "datetime_from_date_parsing": "write dates like 2024-01-10T11:28:27.000Z",
}


def validate(name: str, payload: Any, *, source: str | None = None) -> EventObject:
    """Check ``payload`` against event ``name`` and return the event object."""
    event = catalog[name]
    data = _parse(event.name, payload, source)
    first_error: ValidationError | None = None
    fallback: EventObject | None = None
    for index, shape in enumerate(event.shapes):
        try:
            checked = adapter(event.name, index).validate_python(data)
        except ValidationError as exc:
            first_error = first_error or exc
            continue
        except RecursionError:
            raise InvalidPayload(event.name, [Problem("$", "a payload nested less deeply", "too deep a nesting",
                                                      "flatten the payload")], source) from None
        result = EventObject(wrap(checked), event.name, partial(unknown_fields, shape.payload, checked), shape.module)
        if len(event.shapes) == 1 or not result.unknown_fields:
            return result
        fallback = fallback or result  # valid, but another shape may know every field
    if fallback is not None:
        return fallback
    assert first_error is not None
    raise InvalidPayload(event.name, problems(first_error, data), source) from None


def _parse(name: str, payload: Any, source: str | None) -> Any:
    if isinstance(payload, (bytes, bytearray)):
        payload = payload.decode("utf-8", errors="replace")
    if isinstance(payload, str):
        try:
            payload = json.loads(payload)
        except json.JSONDecodeError as exc:
            where = f"line {exc.lineno}, column {exc.colno}"
            raise InvalidPayload(name, [Problem("$", "valid JSON", f"malformed JSON at {where}: {exc.msg}",
                                                "check the quotes and commas near that spot")], source) from None
        except RecursionError:
            raise InvalidPayload(name, [Problem("$", "JSON nested less deeply", "too deep a nesting",
                                                "flatten the payload")], source) from None
    if not isinstance(payload, dict):
        raise InvalidPayload(name, [Problem("$", "a JSON object ({...})", _got(payload),
                                            "a Wix event payload is always an object")], source)
    return payload


def json_path(loc: tuple[Any, ...], data: Any) -> str:
    """A JSON path for a pydantic error location, without pydantic's union-branch tags."""
    path, node = "$", data
    for i, key in enumerate(loc):
        if isinstance(node, dict) and isinstance(key, str) and (key in node or i == len(loc) - 1):
            path += f".{key}" if key.isidentifier() else f"[{json.dumps(key)}]"
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int):
            path += f"[{key}]"
            node = node[key] if 0 <= key < len(node) else None
    return path


def problems(exc: ValidationError, data: Any) -> list[Problem]:
    """One :class:`Problem` per JSON path, alternatives of a union merged."""
    merged: dict[str, Problem] = {}
    for err in exc.errors(include_url=False):
        path = json_path(tuple(err["loc"]), data)
        expected = _EXPECTED.get(err["type"]) or err["msg"].replace("Input should be ", "")
        got = "nothing" if err["type"] == "missing" else _got(err.get("input"))
        previous = merged.get(path)
        if previous:  # alternatives of a union, each named once
            alternatives = previous.expected.split(" or ")
            alternatives += [alt for alt in expected.split(" or ") if alt not in alternatives]
            expected = " or ".join(alternatives)
        merged[path] = Problem(path, expected, got, _hint(err))
    return list(merged.values())


def _hint(err: Any) -> str:
    """The hint for one pydantic error; the case hint only when the value matches a member in another case."""
    if err["type"] == "literal_error":
        value, members = err.get("input"), str((err.get("ctx") or {}).get("expected", ""))
        if isinstance(value, str) and value and f"'{value.lower()}'" in members.lower():
            return "enum values are case-sensitive"
        return "use one of the listed values"
    return _HINTS.get(err["type"], "")


def _got(value: Any) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False) if not isinstance(value, (dict, list)) else (
        f"{type(value).__name__} of {len(value)} item(s)")
    kind = {dict: "object", list: "list", str: "text", bool: "boolean", type(None): "null"}.get(
        type(value), type(value).__name__)
    return f"{kind} {text[:60]}{'...' if len(text) > 60 else ''}"


def unknown_fields(t: Any, data: Any, path: str = "$") -> list[str]:
    """JSON paths of keys in ``data`` that the type ``t`` does not declare."""
    if isinstance(data, list):
        inner = schema.child(t, 0)
        return [p for i, v in enumerate(data) if inner is not None for p in unknown_fields(inner, v, f"{path}[{i}]")]
    if not isinstance(data, dict) or schema.fields_of(t) is None:
        if isinstance(t, dict) and "union" in t:
            refs = [a for a in t["union"] if schema.fields_of(a) is not None]
            return unknown_fields(refs[0], data, path) if refs and isinstance(data, dict) else []
        return []
    found = []
    for key, value in data.items():
        sub = schema.child(t, key)
        if sub is None:
            found.append(f"{path}.{key}")
        else:
            found.extend(unknown_fields(sub, value, f"{path}.{key}"))
    return found
