"""Subset matching of JSON-like values, with the path of the first difference."""

from __future__ import annotations

from typing import Any

__all__ = ["mismatch"]


def mismatch(expected: Any, actual: Any, path: str = "") -> str | None:
    """None when ``actual`` contains ``expected``; else where and how they differ.

    Dicts match when every expected key matches (extra actual keys are fine);
    lists match item by item and must be the same length; other values must be
    equal (``1 == 1.0``; a ``datetime`` or ``date`` also matches its ISO text).
    """
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path or '$'}: expected an object, got {actual!r}"
        for key, value in expected.items():
            sub = f"{path}.{key}" if path else str(key)
            if key not in actual:
                return f"{sub}: missing (expected {value!r})"
            found = mismatch(value, actual[key], sub)
            if found:
                return found
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{path or '$'}: expected {len(expected)} item(s) {expected!r}, got {actual!r}"
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            found = mismatch(e, a, f"{path}[{i}]")
            if found:
                return found
        return None
    if expected == actual or (hasattr(actual, "isoformat") and expected in (actual.isoformat(), str(actual))):
        return None
    return f"{path or '$'}: expected {expected!r}, got {actual!r}"
