"""Test cases of an event for ``@pytest.mark.wix_samples``: every sample variant, then scenarios, then yours.

A :class:`Case` is one thing to fire. ``cases(event)`` lists the event's sample
variants (id = the variant name), then the built-in scenarios that contain the
event, where this installation has them (``wixevents.scenarios``; id = the
scenario's name, fired with ``site.play``), then the cases of each provider
registered with :func:`register_cases` -- a function ``(event name) -> list[Case]``
-- in registration order.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..events.catalog import catalog
from ..events.samples import sample, samples
from ..runtime.result import Result, Results
from ..site import Site

__all__ = ["Case", "cases", "register_cases", "scenario_cases"]


@dataclass(frozen=True)
class Case:
    """One case of an event: ``id`` names it in the test report (a variant name for a sample)."""

    event: str
    id: str
    kind: str = "sample"
    variant: str | None = None
    #: How a case of another kind fires (given the site); samples fire ``site.fire(event, variant)``.
    runner: Callable[[Site], Result | Results] | None = field(default=None, compare=False, repr=False)

    @property
    def payload(self) -> dict[str, Any]:
        """The sample's payload (as ``wixevents.sample`` gives it); only for sample cases."""
        if self.variant is None:
            raise ValueError(f"case {self.id!r} is a {self.kind}, not a sample: it has no single payload")
        return sample(self.event, self.variant)

    def fire(self, site: Site, *, set: Mapping[str, Any] | None = None) -> Result | Results:
        """Fire this case on ``site`` and return its rows."""
        if self.runner is not None:
            return self.runner(site)
        return site.fire(self.event, self.variant, set=set)


Provider = Callable[[str], list[Case]]
_providers: list[Provider] = []


def register_cases(provider: Provider) -> Provider:
    """Add a source of cases (``event name -> list[Case]``) after the samples; returns it (a decorator)."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def scenario_cases(event: str) -> list[Case]:
    """The built-in scenarios with a step of ``event``, as cases that play the whole scenario.

    Empty where this installation has no scenarios (they come with the delivery
    part of wixevents: ``wixevents.events.lifecycles`` and ``site.play``).
    """
    try:
        lifecycles = importlib.import_module("wixevents.events.lifecycles")
    except ImportError:
        return []
    found = []
    for name, scenario in getattr(lifecycles, "BUILT_IN", {}).items():
        if any(getattr(step, "event", None) == event for step in getattr(scenario, "steps", ())):
            found.append(Case(event, str(name), kind="scenario", runner=_player(str(name))))
    return found


def _player(name: str) -> Callable[[Site], Result | Results]:
    def play(site: Site) -> Result | Results:
        result: Result | Results = getattr(site, "play")(name)  # noqa: B009 - play comes with scenarios
        return result
    return play


def cases(event: str) -> list[Case]:
    """Every case of ``event``: its sample variants, the scenarios containing it, then registered providers' cases."""
    name = catalog[event].name
    found = [Case(name, variant, variant=variant) for variant in samples(name)]
    found += scenario_cases(name)
    for provider in _providers:
        found.extend(provider(name))
    return found
