"""Scenarios: a lifecycle of one or more entities as a list of events, written as plain data.

A scenario is a name, a description and steps; each step is an event of the
catalog, a sample variant, ``set`` overrides (dotted paths, as in ``site.fire``),
an optional name (``as``) later steps refer to, and ``after``: seconds since the
previous step (60 by default), so event times increase. In Python or JSON::

    {"name": "refund", "steps": [
        {"event": "wixEcom_onOrderCreated", "as": "order",
         "set": {"entity._id": "{{new.order}}", "metadata.entityId": "{{new.order}}"}},
        {"event": "wixEcom_onOrderPaymentStatusUpdated", "after": 3600,
         "set": {"data.order._id": "{{order.id}}", "metadata.entityId": "{{order.id}}"}}]}

References, inside ``{{ }}``: ``new.X`` is an ID made once per play for the name X
(by the site's ID generator, so a fixed seed repeats it); ``S.id`` is the entity ID
of earlier step S (its ``metadata.entityId``, else its entity's ``_id``/``id``);
``S.eventId`` its ``metadata.id``; ``S.<dotted path>`` any value of its payload. A
value that is one reference keeps the referenced value's type; references inside
longer text are written into it. Playing a scenario is the site's job
(``site.play``, :mod:`wixevents.runtime.play`); this module only holds the data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InvalidScenario, UnknownEventType
from .catalog import catalog
from .samples import samples

__all__ = ["Scenario", "Step", "entity_id", "resolve"]

REF = re.compile(r"\{\{\s*([A-Za-z_][\w-]*)\.([\w.\[\]-]+)\s*\}\}")
_STEP_KEYS = {"event", "variant", "set", "as", "after"}


@dataclass(frozen=True)
class Step:
    """One event of a scenario."""

    event: str
    variant: str = "default"
    set: Mapping[str, Any] = field(default_factory=dict)
    name: str | None = None
    after: float = 60.0

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"event": self.event, "variant": self.variant, "set": dict(self.set)}
        return {**data, "as": self.name, "after": self.after} if self.name else {**data, "after": self.after}


@dataclass(frozen=True)
class Scenario:
    """A named list of steps; build one with :meth:`from_data` (checks every step and reference)."""

    name: str
    steps: tuple[Step, ...]
    description: str = ""
    source: str = ""

    @classmethod
    def from_data(cls, data: Any, *, name: str = "custom") -> Scenario:
        """A scenario from a dict (``name``, ``description``, ``steps``), a list of steps, or JSON text or a path."""
        if isinstance(data, Scenario):
            return data
        if isinstance(data, Path) or (isinstance(data, str) and data.strip().endswith(".json")
                                      and not data.lstrip().startswith(("{", "["))):
            try:
                data = json.loads(Path(data).read_text(encoding="utf-8"))
            except OSError as exc:
                raise InvalidScenario(f"cannot read scenario file {data}: {exc.strerror or exc}") from None
            except json.JSONDecodeError as exc:
                raise InvalidScenario(f"scenario file {data} is not JSON: {exc}") from None
        elif isinstance(data, str):
            try:
                data = json.loads(data)
            except json.JSONDecodeError as exc:
                raise InvalidScenario(f"scenario text is not JSON: {exc}") from None
        if isinstance(data, list):
            data = {"name": name, "steps": data}
        if not isinstance(data, dict) or not isinstance(data.get("steps"), list) or not data["steps"]:
            raise InvalidScenario("a scenario is a dict with a non-empty 'steps' list (or that list itself), got "
                                  f"{type(data).__name__}")
        steps: list[Step] = []
        for i, raw in enumerate(data["steps"]):
            steps.append(_step(raw, i, {s.name for s in steps if s.name}))
        return cls(str(data.get("name", name)), tuple(steps), str(data.get("description", "")))

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "description": self.description, "steps": [s.to_dict() for s in self.steps]}

    def __repr__(self) -> str:
        return f"<Scenario {self.name}: {' → '.join(s.event for s in self.steps)}>"


def _step(raw: Any, i: int, earlier: set[str]) -> Step:
    where = f"steps[{i}]"
    if not isinstance(raw, dict) or "event" not in raw:
        raise InvalidScenario(f"{where}: a step is a dict with at least 'event', got {raw!r}")
    unknown = set(raw) - _STEP_KEYS
    if unknown:
        raise InvalidScenario(f"{where}: unknown key(s) {sorted(unknown)}; a step has {sorted(_STEP_KEYS)}")
    try:
        event = catalog[raw["event"]]
    except UnknownEventType as exc:
        raise InvalidScenario(f"{where}.event: {exc}") from None
    variant = raw.get("variant", "default")
    if variant not in samples(event.name):
        raise InvalidScenario(f"{where}.variant: {event.name} has no sample {variant!r}; it has "
                              f"{', '.join(samples(event.name))}")
    overrides = raw.get("set", {})
    if not isinstance(overrides, dict):
        raise InvalidScenario(f"{where}.set: expected a dict of dotted path → value, got {overrides!r}")
    for path, value in overrides.items():
        for ref, _ in REF.findall(json.dumps(value)):
            if ref != "new" and ref not in earlier:
                known = ", ".join(sorted(earlier)) or "none yet"
                raise InvalidScenario(f"{where}.set[{path!r}]: {{{{{ref}...}}}} names no earlier step (earlier "
                                      f"steps named with 'as': {known}; 'new.X' makes a fresh ID)")
    after = raw.get("after", 60.0)
    if isinstance(after, bool) or not isinstance(after, (int, float)) or after < 0:
        raise InvalidScenario(f"{where}.after: expected seconds (0 or more) since the previous step, got {after!r}")
    name = raw.get("as")
    if name is not None and (not isinstance(name, str) or not re.fullmatch(r"[A-Za-z_][\w-]*", name)):
        raise InvalidScenario(f"{where}.as: expected a name like 'order', got {name!r}")
    return Step(event.name, variant, dict(overrides), name, float(after))


def entity_id(payload: Any) -> Any:
    """The ID of the entity an event is about: ``metadata.entityId``, else the entity's ``_id`` or ``id``."""
    if not isinstance(payload, dict):
        return None
    meta = payload.get("metadata")
    if isinstance(meta, dict) and meta.get("entityId"):
        return meta["entityId"]
    for body in (payload.get("entity"), *(payload.get("data", {}) or {}).values(), payload):
        if isinstance(body, dict):
            found = body.get("_id", body.get("id"))
            found = found.get("id") if isinstance(found, dict) else found
            if isinstance(found, str):
                return found
    return None


def resolve(value: Any, steps: Mapping[str, Any], new: Callable[[str], str]) -> Any:
    """``value`` with every ``{{...}}`` reference replaced (``steps``: payloads of earlier named steps)."""
    if isinstance(value, dict):
        return {k: resolve(v, steps, new) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v, steps, new) for v in value]
    if not isinstance(value, str) or "{{" not in value:
        return value
    whole = REF.fullmatch(value.strip())
    if whole:
        return _lookup(whole.group(1), whole.group(2), steps, new)
    return REF.sub(lambda m: str(_lookup(m.group(1), m.group(2), steps, new)), value)


def _lookup(ref: str, path: str, steps: Mapping[str, Any], new: Callable[[str], str]) -> Any:
    if ref == "new":
        return new(path)
    payload = steps[ref]
    if path == "id":
        return entity_id(payload)
    if path == "eventId":
        meta = payload.get("metadata") if isinstance(payload, dict) else None
        return meta.get("id") if isinstance(meta, dict) else None
    node: Any = payload
    for part in re.sub(r"\[(\d+)\]", r".\1", path).split("."):
        try:
            node = node[int(part)] if isinstance(node, list) else node[part]
        except (KeyError, IndexError, ValueError, TypeError):
            raise InvalidScenario(f"{{{{{ref}.{path}}}}}: step {ref!r} has no value at {path!r}") from None
    return node
