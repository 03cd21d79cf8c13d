"""Test cases of an event for ``@pytest.mark.wix_samples``: every sample variant, and whatever providers add.

A :class:`Case` is one thing to fire: a sample variant today. Other kinds of
case (scenarios: several events in a row) plug in with :func:`register_cases`,
a function ``(event name) -> list[Case]``; ``cases(event)`` lists the samples
first, then each provider's cases, in registration order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..events.catalog import catalog
from ..events.samples import sample, samples
from ..runtime.result import Result, Results
from ..site import Site

__all__ = ["Case", "cases", "register_cases"]


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


def cases(event: str) -> list[Case]:
    """Every case of ``event``: its sample variants (ids = variant names), then the registered providers' cases."""
    name = catalog[event].name
    found = [Case(name, variant, variant=variant) for variant in samples(name)]
    for provider in _providers:
        found.extend(provider(name))
    return found
