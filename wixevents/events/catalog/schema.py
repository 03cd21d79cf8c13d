"""The catalog's type language, and the field table built from it.

Types are JSON values (see ``tools/reference.py``): a native name (``"string"``,
``"number"``, ``"boolean"``, ``"Date"``, ``"object"``, ``"any"``) or one of
``{"enum": [...]}``, ``{"ref": fq}``, ``{"array": T}``, ``{"map": T}``,
``{"union": [T, ...]}``. ``types.json`` maps each ``fq`` name to its fields.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any

from ..._paths import CATALOG_DATA

Type = Any
#: Field tables stop descending here; recursive types (rich text, comments) end early.
MAX_DEPTH = 8


@cache
def types() -> dict[str, dict[str, Any]]:
    """Every object type reachable from a payload, loaded on first use."""
    data = json.loads((CATALOG_DATA / "types.json").read_text(encoding="utf-8"))
    return data["types"]  # type: ignore[no-any-return]


def fields_of(t: Type) -> list[dict[str, Any]] | None:
    """The fields of an object type, or None when ``t`` is not a named object."""
    if isinstance(t, dict) and "ref" in t:
        return types()[t["ref"]]["fields"]  # type: ignore[no-any-return]
    return None


def display(t: Type) -> str:
    """A short, readable name of a type: ``array<LineItem>``, ``string | number``."""
    if isinstance(t, str):
        return t
    if "ref" in t:
        return str(types()[t["ref"]]["name"])
    if "enum" in t:
        return "enum"
    if "union" in t:
        return " | ".join(display(x) for x in t["union"])
    key = next(iter(t))
    return f"{key}<{display(t[key])}>"


def walk(t: Type, prefix: str = "", seen: tuple[str, ...] = ()) -> Iterator[tuple[str, Type, bool]]:
    """Yield ``(dotted path, type, optional)`` for every field below ``t``.

    Arrays add ``[]`` to the path (``lineItems[].price``); a type already on the
    path is not entered again, and nothing deeper than ``MAX_DEPTH`` is listed.
    """
    while isinstance(t, dict) and "array" in t:
        t, prefix = t["array"], prefix + "[]"
    fields = fields_of(t)
    if fields is None or t["ref"] in seen or len(seen) >= MAX_DEPTH:
        return
    for f in fields:
        path = f"{prefix}.{f['name']}" if prefix else f["name"]
        yield path, f["type"], bool(f.get("optional"))
        yield from walk(f["type"], path, (*seen, t["ref"]))


def child(t: Type, key: str | int) -> Type | None:
    """The type one step below ``t`` (a field name or a list index), or None."""
    if isinstance(t, dict) and "union" in t:
        for alt in t["union"]:
            found = child(alt, key)
            if found is not None:
                return found
        return None
    if isinstance(key, int):
        return t["array"] if isinstance(t, dict) and "array" in t else None
    if isinstance(t, dict) and "map" in t:
        return t["map"]
    if t in ("object", "any"):
        return "any"
    for f in fields_of(t) or []:
        if f["name"] == key:
            return f["type"]
    return None
