"""Carry out a :class:`~wixevents.runtime.delivery.Delivery`: duplicates, reordering and retries on a virtual timeline.

:func:`deliver` takes events already prepared (stamped and validated, one per fire
of the caller) with their event times, asks the delivery mode for the order they
arrive in, and works through a queue ordered by virtual time: each delivery is one
:func:`~wixevents.runtime.dispatch.dispatch` (one fire in the history, its rows
carrying ``attempt`` and ``delivered_at``); a handler that fails and has retries
left is queued again at ``delivered_at`` plus the next delay of the schedule, so
later events can overtake a retry, as Wix's resend policy warns. Nothing sleeps.

Every redelivery (duplicate or retry) is made from the payload as it was first
fired -- a snapshot, so neither a handler nor a later event can change it -- and
keeps its ``metadata.id`` and ``metadata.entityEventSequence``.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .clock import iso
from .delivery import RETRY_STATUSES, Delivery
from .dispatch import dispatch
from .firing import Prepared, prepare, snapshot
from .handlers import Handler
from .result import Result

if TYPE_CHECKING:
    from .core import SiteCore

__all__ = ["deliver", "merge"]

#: A queued delivery: (virtual time, order, index of the event, attempt, trigger, handlers or None for all).
_Job = tuple[datetime, int, int, int, str, "tuple[Handler, ...] | None"]


def deliver(site: SiteCore, events: Sequence[Prepared], times: Sequence[datetime], mode: Delivery, *,
            order: Sequence[tuple[int, bool]] | None = None) -> list[Result]:
    """Deliver ``events`` (fired at ``times``) as ``mode`` says; one :class:`Result` per delivery, in time order.

    ``order`` overrides the mode's plan: (index, is_duplicate) pairs, as :meth:`Delivery.plan` makes.
    """
    originals = [snapshot(p.payload) for p in events]
    plan = list(order) if order is not None else mode.plan(len(events), mode.rng())
    queue: list[_Job] = []
    clock: datetime | None = None
    for n, (index, duplicate) in enumerate(plan):
        clock = times[index] if clock is None else max(clock, times[index])
        queue.append((clock, n, index, 1, "duplicate" if duplicate else "fire", None))
    heapq.heapify(queue)
    fresh = [True] * len(events)
    count, results = len(queue), []
    while queue:
        at, _, index, attempt, trigger, only = heapq.heappop(queue)
        prepared = events[index] if fresh[index] and trigger == "fire" else _again(site, events[index],
                                                                                    originals[index], at)
        fresh[index] = fresh[index] and trigger != "fire"
        handlers = list(only) if only is not None else site.registry.for_event(prepared.event)
        result = dispatch(site, prepared, handlers, trigger, attempt=attempt, delivered_at=iso(at))
        results.append(result)
        if attempt <= len(mode.schedule):
            for run in result.runs:
                failed = [h for h in handlers if (h.name, h.source) == (run.handler, run.source)]
                if run.status in RETRY_STATUSES and failed:
                    later = at + timedelta(seconds=mode.schedule[attempt - 1])
                    heapq.heappush(queue, (later, count, index, attempt + 1, "retry", (failed[0],)))
                    count += 1
    return results


def merge(results: Sequence[Result]) -> Result:
    """One :class:`Result` holding the rows of several deliveries of one fire (what ``site.fire`` returns)."""
    first = results[0]
    return Result(first.fire, [run for r in results for run in r.runs], first.event, history=first._history)


def _again(site: SiteCore, original: Prepared, payload: object, at: datetime) -> Prepared:
    """A redelivery of ``original``: its first payload as given (same IDs), validated afresh."""
    again = prepare(original.event, None, snapshot(payload), None, now=at, new_id=site.ids)
    again.variant = original.variant
    return again
