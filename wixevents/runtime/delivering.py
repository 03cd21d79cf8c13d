"""The site methods of delivery, kept out of :mod:`wixevents.runtime.core`: fire with a mode, play, check.

``SiteCore.fire``/``fire_many`` ask :func:`plain` first: exactly-once delivery, or a
fire made from inside one of the site's own runs (a cascade is never duplicated or
retried on its own), takes the old direct path. Otherwise the prepared events go
through :func:`wixevents.runtime.deliver.deliver` with ``site.delivery``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .clock import parse_time
from .context import current_run
from .deliver import deliver, merge
from .delivery import Delivery
from .firing import Prepared
from .idempotency import check_idempotent as _check
from .play import play as _play
from .result import Result, Results

if TYPE_CHECKING:
    import pandas as pd

    from .core import SiteCore

__all__ = ["check_idempotent", "many", "one", "plain", "play"]


def plain(site: SiteCore) -> bool:
    """True when a fire is delivered exactly once, right away (the default mode, or a fire inside a run)."""
    run = current_run()
    return site.delivery.exactly_once or (run is not None and run.site is site)


def one(site: SiteCore, prepared: Prepared) -> Result:
    """One fire under ``site.delivery``: every delivery's rows in one result (first fire's number)."""
    return merge(deliver(site, [prepared], [parse_time(prepared.time)], site.delivery))


def many(site: SiteCore, events: list[Prepared]) -> Results:
    """A sequence of fires under ``site.delivery`` (duplicates may come later, reordering applies)."""
    times = [parse_time(p.time) for p in events]
    return Results(deliver(site, events, times, site.delivery)) if events else Results()


def play(site: SiteCore, target: Any, overrides: Mapping[str | int, Mapping[str, Any]] | None,
         delivery: Delivery | None) -> Results:
    return _play(site, target, overrides, delivery)


def check_idempotent(site: SiteCore, target: Any, variant: str) -> pd.DataFrame:
    return _check(site, target, variant)
