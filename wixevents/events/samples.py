"""Sample payloads: read the shipped variants and edit them with dotted paths.

Every event has ``default`` (a full payload) and ``minimal`` (required fields
only) generated from its schema; events of the six seed categories add
hand-curated variants (a member and an anonymous visitor, a GDPR erase, non-ASCII
names, a zero amount, ...). ``sample`` returns a fresh copy each call, so editing
it never changes the next one.

``sample(name, seed=N)`` generates instead of reading: a different realistic
payload for each seed (another person, address, currency, goods, dates), still
keeping every rule the shipped samples keep (money adds up, time runs forward,
IDs agree, the event's state shows). Seed 0 is the shipped sample. Seeds apply to
the generated variants (``default``, ``minimal`` and a second module's shape);
curated variants are fixed stories and exist only as shipped.

Override paths are dotted (``entity.priceSummary.total.amount``); list items are
addressed by index, as ``lineItems.0.price`` or ``lineItems[0].price``. A path
the schema does not have is an error that names the nearest path it does have.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from typing import Any

from .._paths import sample_variants, samples_dir
from ..errors import InvalidOverride, UnknownSample
from .catalog import catalog, schema
from .generate import generate, generated_variants

__all__ = ["apply_overrides", "sample", "samples"]


def samples(name: str) -> list[str]:
    """Names of the sample variants of an event (``default`` first)."""
    return sample_variants(catalog[name].name)


def sample(name: str, variant: str = "default", overrides: Mapping[str, Any] | None = None, *,
           seed: int | None = None) -> dict[str, Any]:
    """A fresh, JSON-ready copy of one sample payload, with ``overrides`` applied.

    With ``seed``, the payload is generated for that seed (see the module docstring).
    """
    event = catalog[name]
    if seed is not None:
        if variant not in generated_variants(event.name):
            raise UnknownSample(event.name, f"{variant} (seeded)", generated_variants(event.name))
        made = generate(event.name, variant, int(seed))
        return apply_overrides(event.name, made, overrides) if overrides else made
    path = samples_dir() / event.name / f"{variant}.json"
    if not path.is_file():
        raise UnknownSample(event.name, variant, sample_variants(event.name))
    payload: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return apply_overrides(event.name, payload, overrides) if overrides else payload


def _steps(path: str) -> list[str | int]:
    """``a.b[0].c`` or ``a.b.0.c`` as keys and indexes; only ASCII digits make an index."""
    parts = re.sub(r"\[([0-9]+)\]", r".\1", path).strip(".").split(".")
    return [int(p) if p.isascii() and p.isdigit() else p for p in parts]


def _dotted(steps: list[str | int]) -> str:
    return ".".join(map(str, steps)) or "the payload"


def _kind(node: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "a boolean", type(None): "null"}.get(
        type(node), "a number" if isinstance(node, (int, float)) else type(node).__name__)


def apply_overrides(name: str, payload: dict[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Set each dotted path of ``overrides`` in ``payload`` (in place) and return it.

    Missing intermediate objects are created; a list index must already exist.
    Each path is checked against every shape of the event's schema first; every
    bad path raises :class:`~wixevents.errors.InvalidOverride` saying why (not in
    the schema, an index past the end of a list of N items, a step into text or a
    number).
    """
    event = catalog[name]
    for dotted, value in overrides.items():
        if not isinstance(dotted, str) or not dotted.strip("."):
            raise InvalidOverride(event.name, str(dotted), None, "a path is dotted text such as 'entity.title'")
        steps = _steps(dotted)
        if any(isinstance(s, str) and "[" in s for s in steps):
            raise InvalidOverride(event.name, dotted, None, "a list index is written [0], [1], ... with digits 0-9")
        if not any(_in_schema(shape.payload, steps) for shape in event.shapes):
            raise InvalidOverride(event.name, dotted, _nearest(event.shapes[0].payload, dotted))
        node: Any = payload
        for i, step in enumerate(steps):
            last, here = i == len(steps) - 1, _dotted(steps[:i])
            if isinstance(step, int):
                if not isinstance(node, list):
                    raise InvalidOverride(event.name, dotted, None, f"{here} is {_kind(node)}, not a list")
                if step >= len(node):
                    raise InvalidOverride(event.name, dotted, None, f"index {step} is out of range: {here} has "
                                          f"{len(node)} item(s) (indexes 0 to {len(node) - 1})" if node else
                                          f"index {step} is out of range: {here} is an empty list")
            elif not isinstance(node, dict):
                raise InvalidOverride(event.name, dotted, None,
                                      f"{here} is {_kind(node)}, which has no field {step!r}")
            if last:
                node[step] = value
            elif isinstance(step, int):
                node = node[step]
            else:
                node = node.setdefault(step, [] if isinstance(steps[i + 1], int) else {})
    return payload


def _in_schema(t: Any, steps: list[str | int]) -> bool:
    for step in steps:
        if t == "any":
            return True
        t = schema.child(t, step)
        if t is None:
            return False
    return True


def _nearest(t: Any, dotted: str) -> str | None:
    known = [p.replace("[]", "") for p, _, _ in schema.walk(t)]
    flat = re.sub(r"\[?\d+\]?", "", dotted).replace("..", ".").strip(".")
    close = difflib.get_close_matches(flat, known, n=1, cutoff=0.5)
    return close[0] if close else None
