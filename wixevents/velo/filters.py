"""Matching and sorting items the way ``WixDataQuery`` filters do.

A filter is JSON data, so JavaScript shims can build it too: ``["eq", field,
value]`` for a condition, ``["and", [filter, ...]]``, ``["or", [filter, ...]]``,
``["not", filter]``. Field names may be dotted paths into nested objects.

Wix's rules (reference ``WixDataFilter``):

* ``eq``/``ne``/``hasSome``/``hasAll`` match values of the same type only (the
  number 5 never equals the text "5"; True is not 1) and compare text case
  sensitively; on an array field ``eq`` matches when one element matches, ``ne``
  when none does;
* ``gt``/``ge``/``lt``/``le``/``between`` compare numbers numerically and text
  lexicographically (so ``"abc" > "ABC"``), dates by time (stored dates are ISO
  text, which sorts by time); items without a value never match;
* ``contains``/``startsWith``/``endsWith`` match text case-insensitively;
* ``isEmpty`` matches a missing or null value, ``isNotEmpty`` any other value;
* sorting ranks items without a value lowest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["OPERATORS", "matches", "sort_items", "value_at"]

_MISSING = object()


def value_at(item: Mapping[str, Any], path: str) -> Any:
    """The value at ``path`` (dotted), or a private marker when missing."""
    node: Any = item
    for step in [path] if path in item else path.split("."):
        if not isinstance(node, Mapping) or step not in node:
            return _MISSING
        node = node[step]
    return node


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__


def _same(a: Any, b: Any) -> bool:
    return _kind(a) == _kind(b) and a == b


def _elements(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


def _ordered(test: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    def compare(value: Any, arg: Any) -> bool:
        return _kind(value) == _kind(arg) and _kind(arg) in ("number", "str") and test(value, arg)
    return compare


def _text(test: Callable[[str, str], bool]) -> Callable[[Any, Any], bool]:
    def compare(value: Any, arg: Any) -> bool:
        return isinstance(value, str) and isinstance(arg, str) and test(value.casefold(), arg.casefold())
    return compare


OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": lambda v, a: any(_same(e, a) for e in _elements(v)),
    "ne": lambda v, a: not any(_same(e, a) for e in _elements(v)),
    "gt": _ordered(lambda v, a: v > a),
    "ge": _ordered(lambda v, a: v >= a),
    "lt": _ordered(lambda v, a: v < a),
    "le": _ordered(lambda v, a: v <= a),
    "between": lambda v, a: OPERATORS["ge"](v, a[0]) and OPERATORS["lt"](v, a[1]),
    "contains": _text(lambda v, a: a in v),
    "startsWith": _text(lambda v, a: v.startswith(a)),
    "endsWith": _text(lambda v, a: v.endswith(a)),
    "hasSome": lambda v, a: any(_same(e, x) for e in _elements(v) for x in a),
    "hasAll": lambda v, a: all(any(_same(e, x) for e in _elements(v)) for x in a),
}


def matches(item: Mapping[str, Any], condition: Sequence[Any]) -> bool:
    """True when ``item`` passes ``condition`` (one filter in the JSON form above)."""
    op: str = condition[0]
    if op == "and":
        return all(matches(item, c) for c in condition[1])
    if op == "or":
        return any(matches(item, c) for c in condition[1])
    if op == "not":
        return not matches(item, condition[1])
    value = value_at(item, condition[1])
    if op == "isEmpty":
        return value is _MISSING or value is None
    if op == "isNotEmpty":
        return value is not _MISSING and value is not None
    if value is _MISSING or value is None:
        return op == "ne"
    return bool(OPERATORS[op](value, condition[2]))


def _key(value: Any) -> tuple[int, Any]:
    """Sort key: missing and null lowest, then booleans, numbers, text, anything else by its text."""
    if value is _MISSING or value is None:
        return (0, 0)
    kind = _kind(value)
    rank = {"boolean": 1, "number": 2, "str": 3}.get(kind, 4)
    return (rank, value if rank < 4 else str(value))


def sort_items(items: list[dict[str, Any]], order: Sequence[Sequence[str]]) -> list[dict[str, Any]]:
    """``items`` sorted by ``order`` (``[field, "asc" | "desc"]`` pairs, the first the most significant)."""
    found = list(items)
    for field, direction in reversed(order):
        def key(item: dict[str, Any], field: str = field) -> tuple[int, Any]:
            return _key(value_at(item, field))
        found.sort(key=key, reverse=direction == "desc")
    return found
