"""Play a scenario on a site: build each step's payload, then deliver them all (``site.play``).

Building (:func:`build`): the first step's event time is the site clock's "now",
each next one ``after`` seconds later; every envelope payload gets a fresh
``metadata.id``; references are resolved against the payloads built so far; and
where an event's metadata declares ``entityEventSequence`` (the catalog has it for
data items) it is set to the entity's next number on this site, as text, as Wix
sends it -- 1, 2, 3 for one item across created, updated, deleted. Delivering is
:func:`wixevents.runtime.deliver.deliver` with the site's delivery mode (or the one
given), so a duplicate or a retry carries the same sequence as its original.

``overrides`` of a play are ``{key: {path: value}}``: the key is a step's ``as``
name, its index, or an event name (every step of that event); the values may hold
references too.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..errors import InvalidPayload, InvalidScenario
from ..events.catalog import catalog
from ..events.lifecycles import builtin
from ..events.payloads import validate
from ..events.scenario import Scenario, entity_id, resolve
from .deliver import deliver
from .delivery import Delivery
from .firing import Prepared, prepare
from .result import Results

if TYPE_CHECKING:
    from .core import SiteCore

__all__ = ["as_scenario", "build", "play"]

SEQUENCE = "metadata.entityEventSequence"


def as_scenario(target: Any) -> Scenario:
    """A built-in scenario by name, or one written as data (dict, list of steps, JSON text or file)."""
    if isinstance(target, str) and not target.lstrip().startswith(("{", "[")) and not target.endswith(".json"):
        return builtin(target)
    return Scenario.from_data(target)


def build(site: SiteCore, scenario: Scenario,
          overrides: Mapping[str | int, Mapping[str, Any]] | None = None) -> tuple[list[Prepared], list[datetime]]:
    """The payloads of one play of ``scenario`` (stamped, sequenced, validated) and their event times."""
    extra = _check_overrides(scenario, overrides or {})
    fresh: dict[str, str] = {}

    def new(name: str) -> str:
        return fresh.setdefault(name, site.ids())

    named: dict[str, Any] = {}
    events: list[Prepared] = []
    times: list[datetime] = []
    moment = site.clock.now()
    for i, step in enumerate(scenario.steps):
        moment += timedelta(seconds=step.after if i else 0)
        sets = {**step.set, **extra.get(i, {})}
        try:
            resolved = resolve(sets, named, new)
            prepared = prepare(step.event, step.variant, None, resolved, now=moment, new_id=site.ids, check=False)
        except (KeyError, ValueError) as exc:
            raise InvalidScenario(f"{scenario.name} steps[{i}] ({step.event}): {exc}") from exc
        _sequence(site, prepared)
        try:
            prepared.checked = validate(prepared.event, prepared.payload)
        except InvalidPayload as exc:
            prepared.error, prepared.problems = exc, list(exc.problems)
        if step.name:
            named[step.name] = prepared.payload
        events.append(prepared)
        times.append(moment)
    return events, times


def play(site: SiteCore, target: Any, overrides: Mapping[str | int, Mapping[str, Any]] | None = None,
         delivery: Delivery | None = None) -> Results:
    """Build ``target``'s payloads and deliver them; one result per delivery, in delivery order."""
    events, times = build(site, as_scenario(target), overrides)
    return Results(deliver(site, events, times, delivery or site.delivery))


def _sequence(site: SiteCore, prepared: Prepared) -> None:
    meta = prepared.payload.get("metadata") if isinstance(prepared.payload, dict) else None
    if isinstance(meta, dict) and _has_sequence(prepared.event):
        key = f"{catalog[prepared.event].module}:{entity_id(prepared.payload)}"
        site.sequences[key] = site.sequences.get(key, 0) + 1
        meta["entityEventSequence"] = str(site.sequences[key])


_SEQUENCED: dict[str, bool] = {}


def _has_sequence(name: str) -> bool:
    """Whether the metadata of event ``name`` declares ``entityEventSequence``."""
    if name not in _SEQUENCED:
        _SEQUENCED[name] = SEQUENCE in set(catalog[name].fields()["path"])
    return _SEQUENCED[name]


def _check_overrides(scenario: Scenario, overrides: Mapping[str | int, Mapping[str, Any]]) -> dict[int, dict[str,
                                                                                                             Any]]:
    by_step: dict[int, dict[str, Any]] = {}
    for key, sets in overrides.items():
        hits = [i for i, s in enumerate(scenario.steps) if key in (i, s.name, s.event)]
        if not hits:
            names = ", ".join(f"{i}/{s.name or s.event}" for i, s in enumerate(scenario.steps))
            raise InvalidScenario(f"overrides key {key!r} matches no step of {scenario.name} (steps: {names}); use "
                                  "a step index, its 'as' name or its event name")
        if not isinstance(sets, Mapping):
            raise InvalidScenario(f"overrides[{key!r}]: expected a dict of dotted path → value, got {sets!r}")
        for i in hits:
            by_step.setdefault(i, {}).update(sets)
    return by_step
