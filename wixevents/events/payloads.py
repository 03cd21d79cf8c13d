"""Validate a payload for an event and build the event object a handler receives.

``validate(name, payload)`` accepts a dict, or JSON text (``str``/``bytes``). It
returns an :class:`~wixevents.events.event.EventObject` or raises
:class:`~wixevents.errors.InvalidPayload` listing every problem as a JSON path,
what was expected, what was got and a hint; nothing else escapes, however
broken the input. Events documented by two modules accept either module's shape:
the main shape is tried first, and the error report speaks of the main shape.

Problems come in two levels:

* **errors** — the handler would break: not JSON, not an object, an envelope key
  (``entity``/``data``/``metadata``) missing, a JSON type the code relies on
  wrong (text where a number is typed, a list where an object is). The payload
  is rejected.
* **warnings** — a departure from the typings that Wix's own payloads show: an
  enum value the typings do not list (a line item's availability ``AVAILABLE``),
  a required field left out (metadata without ``entityId``, a legacy field
  absent), a link sent as text where the typings describe an object. The
  payload is accepted and ``event.warnings`` lists each (path, expected, got).

``validate(name, payload, strict=True)`` turns warnings into errors, for those
who want the typings exactly.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import partial
from typing import Any

from pydantic import ValidationError

from .._safe import safe_str, unprintable
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
_WARNING_HINTS = {
    "a value (thi": "Wix's own payloads sometimes leave this out; read it with .get()",
    "an object": "Wix's own payloads sometimes send a link as text here; handle both",
}
_HINTS = {
    "missing": "add the field; wixevents.sample(name) shows a complete payload",
    "datetime_parsing": "write dates like 2024-01-10T11:28:27.000Z",
    "datetime_from_date_parsing": "write dates like 2024-01-10T11:28:27.000Z",
}


def validate(name: str, payload: Any, *, source: str | None = None, strict: bool = False) -> EventObject:
    """Check ``payload`` against event ``name`` and return the event object (see the module docstring).

    Whatever the payload holds, only :class:`~wixevents.errors.InvalidPayload` leaves
    (besides ``UnknownEventType`` for a bad ``name``, and ``KeyboardInterrupt``):
    nesting too deep for Python, numbers longer than Python converts
    (4,300 digits), values whose ``repr`` raises are all reported as problems.
    """
    event = catalog[name]
    try:
        return _validate(event.name, payload, source, strict)
    except (InvalidPayload, KeyboardInterrupt):
        raise
    except RecursionError:
        raise InvalidPayload(event.name, [Problem("$", "a payload nested less deeply", "too deep a nesting",
                                                  "flatten the payload")], source) from None
    except BaseException as exc:  # (a value's own code may raise anything, sys.exit included)
        got = f"a value that cannot be checked ({type(exc).__name__}: {safe_str(exc)[:120]})"
        raise InvalidPayload(event.name, [Problem("$", "plain JSON data", got,
                                                  "pass JSON values: dicts, lists, text, numbers, booleans, null")],
                             source) from None


def _validate(name: str, payload: Any, source: str | None, strict: bool) -> EventObject:
    event = catalog[name]
    data = _parse(event.name, payload, source)
    first_error: list[Problem] | None = None
    fallback: EventObject | None = None
    for index, shape in enumerate(event.shapes):
        try:
            checked, warned = _check(event.name, index, data)
        except _Rejected as exc:
            first_error = first_error or exc.problems
            continue
        except RecursionError:
            raise InvalidPayload(event.name, [Problem("$", "a payload nested less deeply", "too deep a nesting",
                                                      "flatten the payload")], source) from None
        if strict and warned:
            first_error = first_error or warned
            continue
        result = EventObject(wrap(checked), event.name, partial(unknown_fields, shape.payload, checked), shape.module,
                             warned)
        if len(event.shapes) == 1 or (not warned and not result.unknown_fields):
            return result
        if fallback is None or len(warned) < len(fallback.warnings):
            fallback = result  # valid, but another shape may fit better
    if fallback is not None:
        return fallback
    assert first_error is not None
    raise InvalidPayload(event.name, first_error, source) from None


class _Rejected(Exception):
    def __init__(self, found: list[Problem]) -> None:
        self.problems = found


def _check(name: str, index: int, data: Any) -> tuple[Any, list[Problem]]:
    """Validate by the typings; failing that, leniently, with the typed problems as warnings.

    When even the lenient validator fails, the errors are its problems, each told
    with the typings' expectation where they have one (``'Draft', 'Sent' or 'Paid'``
    rather than just "text").
    """
    try:
        return adapter(name, index).validate_python(data), []
    except ValidationError as typed:
        told = problems(typed, data)
        try:
            checked = adapter(name, index, lenient=True).validate_python(data)
        except ValidationError as exc:
            expected = {p.path: p for p in told}
            raise _Rejected([replace(p, expected=expected[p.path].expected, hint=expected[p.path].hint or p.hint)
                             if p.path in expected else p for p in problems(exc, data)]) from None
        return checked, [replace(p, hint=_WARNING_HINTS.get(p.expected[:12], p.hint)) for p in told]


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
        except ValueError as exc:  # a number longer than Python converts (int_max_str_digits)
            raise InvalidPayload(name, [Problem("$", "valid JSON numbers", f"{safe_str(exc)[:80]}",
                                                "write long numbers as text")], source) from None
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
        return "use one of the listed values (Wix also sends values the typings do not list: a warning)"
    return _HINTS.get(err["type"], "")


def _got(value: Any) -> str:
    try:
        text = json.dumps(value, default=safe_str, ensure_ascii=False) if not isinstance(value, (dict, list)) else (
            f"{type(value).__name__} of {len(value)} item(s)")
    except KeyboardInterrupt:
        raise
    except BaseException:  # (an int too long to convert, a value whose str exits...)
        text = unprintable(value)
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
