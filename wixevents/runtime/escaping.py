"""Reversible escaping of what JSON cannot hold, for history files.

A history must load back equal to what the site recorded. JSON writes a dict key
``1`` as ``"1"``, has no tuples and Python cannot write an int of more than 4,300
digits as text. So, in a history file, a dict with a key that is not text (or
that starts with ``$wixevents:``) is written as ``{"$wixevents:dict": [[key,
value], ...]}``, a tuple as ``{"$wixevents:tuple": [...]}`` and such an int as
``{"$wixevents:int": "<hex>"}``. (Lone surrogates need no tag: JSON's ``\\u``
escapes carry them.)
"""

from __future__ import annotations

from typing import Any

from .._safe import int_digits

__all__ = ["MARK", "escape", "plain", "unescape"]

MARK = "$wixevents:"
_MARK = MARK
_MAX_DIGITS = 4300


def escape(value: Any) -> Any:
    """``value`` with the non-JSON shapes above tagged; the same object when nothing needs it."""
    kind = type(value)
    if kind is str or kind is float or kind is bool or value is None:
        return value
    if kind is int:
        return value if int_digits(value) <= _MAX_DIGITS else {_MARK + "int": format(value, "x")}
    if kind is list:
        items = [escape(v) for v in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if kind is tuple:
        return {_MARK + "tuple": [escape(v) for v in value]}
    if kind is dict:
        if all(type(k) is str and not k.startswith(_MARK) for k in value):
            escaped = {k: escape(v) for k, v in value.items()}
            return value if all(escaped[k] is v for k, v in value.items()) else escaped
        return {_MARK + "dict": [[escape(k), escape(v)] for k, v in value.items()]}
    return value  # json_default writes it as text


def plain(value: Any) -> bool:
    """True when JSON writes ``value`` and reads it back equal: no escaping needed (walked without recursion)."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
            for key, inner in item.items():
                if type(key) is not str or key.startswith(_MARK):
                    return False
                stack.append(inner)
        elif kind is list:
            stack.extend(item)
        elif kind is int:
            if int_digits(item) > _MAX_DIGITS:
                return False
        elif kind is tuple:
            return False
    return True


def unescape(value: Any) -> Any:
    if isinstance(value, list):
        return [unescape(v) for v in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        (key, inner), = value.items()
        if key == _MARK + "dict":
            return {_key(unescape(k)): unescape(v) for k, v in inner}
        if key == _MARK + "tuple":
            return tuple(unescape(v) for v in inner)
        if key == _MARK + "int":
            return int(inner, 16)
    return {k: unescape(v) for k, v in value.items()}


def _key(key: Any) -> Any:
    return tuple(_key(k) for k in key) if isinstance(key, list) else key
