"""How a site delivers events: exactly once (the default), or as Wix's webhooks may.

``site.delivery = Delivery(duplicates=..., reorder=..., retries=..., seed=...)``:

* ``duplicates`` -- the chance (0 to 1; ``True`` is 1) that a delivery is made again
  with the same payload, so the same ``metadata.id``: right after the first one or,
  in a sequence (``site.play``, ``site.fire_many``), later, after other events;
* ``reorder`` -- a window: in a sequence each event may arrive up to ``reorder - 1``
  places away from where it was fired (0 or 1: in order);
* ``retries`` -- after a handler fails (``error``, ``timeout``, ``out_of_memory``) the
  event is delivered to that handler again on a schedule: ``True`` is Wix's webhook
  resend schedule (:data:`WIX_RETRY_SCHEDULE`, 12 resends over about 47 hours), a
  number takes that many of its first steps, a list gives your own delays in seconds.
  Handlers that succeeded are not run again. A resend carries the payload as it was
  first fired, never the entity's current state;
* ``seed`` -- makes every random choice repeatable: the same seed, the same history.

``site.fire`` still returns one :class:`~wixevents.runtime.result.Result`, holding the rows
of every delivery; its ``ok`` is False when any attempt failed, even one a retry made good
(the failure happened). ``site.play`` and ``site.fire_many`` return one result per delivery.

Time is virtual: each delivery has a ``delivered_at`` on a timeline that starts at the
event's time, and a retry 8 hours later is 8 hours later on that timeline, at once
(nothing sleeps). Handlers still read the site's own clock.

What Wix documents (its webhook resend policy, dev.wix.com/docs/rest/articles/
getting-started/webhook-resend-policy): a webhook delivery fails on a timeout
(1,250 ms) or a status other than 200 and is resent up to 12 times, after 1 minute,
10 minutes, 1 hour, 2 hours three times, 4 hours three times, 8 hours twice and
12 hours; resends do not hold back later events, so they can arrive out of order;
events may be duplicated, and their ``metadata.id`` lets receivers drop repeats. Wix
documents no delivery, retry or ordering rule for Velo ``events.js`` handlers: these
modes apply the webhook rules to them as a way to test handlers against the worst
case, not as a claim about what Velo does.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["EXACTLY_ONCE", "MODES", "RETRY_STATUSES", "WIX_RETRY_SCHEDULE", "Delivery"]

#: Seconds between resends in Wix's webhook resend policy: 1 min, 10 min, 1 h, 2 h x3, 4 h x3, 8 h x2, 12 h.
WIX_RETRY_SCHEDULE: tuple[float, ...] = (60.0, 600.0, 3600.0, 7200.0, 7200.0, 7200.0, 14400.0, 14400.0, 14400.0,
                                         28800.0, 28800.0, 43200.0)
#: Run statuses that count as a failed delivery and are retried.
RETRY_STATUSES = frozenset({"error", "timeout", "out_of_memory"})


@dataclass(frozen=True)
class Delivery:
    """A delivery mode; ``Delivery()`` is exactly once, in order (the default of every site)."""

    duplicates: float = 0.0
    reorder: int = 0
    retries: bool | int | Sequence[float] = False
    seed: int = 0
    schedule: tuple[float, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        chance = float(self.duplicates)
        if not 0.0 <= chance <= 1.0:
            raise ValueError(f"duplicates must be a chance from 0 to 1 (or True/False), got {self.duplicates!r}")
        object.__setattr__(self, "duplicates", chance)
        if isinstance(self.reorder, bool) or not isinstance(self.reorder, int) or self.reorder < 0:
            raise ValueError(f"reorder must be a window of 0 or more events, got {self.reorder!r}")
        object.__setattr__(self, "schedule", _schedule(self.retries))

    @classmethod
    def named(cls, name: str, *, seed: int = 0) -> Delivery:
        """A mode by name: ``exactly_once``, ``duplicates``, ``reorder`` or ``retries`` (as in the CLI)."""
        if name not in MODES:
            raise ValueError(f"unknown delivery mode {name!r}; expected one of {', '.join(MODES)}")
        return cls(**MODES[name], seed=seed)  # type: ignore[arg-type]  # each entry holds one known keyword

    @property
    def exactly_once(self) -> bool:
        """True when nothing is duplicated, reordered or retried (today's one-fire-one-delivery)."""
        return not (self.duplicates or self.reorder > 1 or self.schedule)

    def rng(self) -> random.Random:
        """A fresh random source for one delivery plan (so one seed always gives one plan)."""
        return random.Random(self.seed)

    def plan(self, count: int, rng: random.Random) -> list[tuple[int, bool]]:
        """The order in which ``count`` fired events arrive, as (index, is_duplicate) pairs."""
        slots: list[tuple[float, int, bool]] = [(i + (rng.uniform(0, self.reorder) if self.reorder > 1 else 0),
                                                 i, False) for i in range(count)]
        for position, index, _ in list(slots):
            if self.duplicates and rng.random() < self.duplicates:
                later = rng.random() < 0.5 and count > 1
                slots.append((position + (rng.uniform(1, count) if later else 1e-6), index, True))
        return [(index, dup) for _, index, dup in sorted(slots)]

    def __repr__(self) -> str:
        if self.exactly_once:
            return f"Delivery(exactly_once, seed={self.seed})"
        parts = [f"duplicates={self.duplicates:g}"] if self.duplicates else []
        parts += [f"reorder={self.reorder}"] if self.reorder > 1 else []
        parts += [f"retries={len(self.schedule)}"] if self.schedule else []
        return f"Delivery({', '.join(parts)}, seed={self.seed})"


def _schedule(retries: bool | int | Sequence[float]) -> tuple[float, ...]:
    if retries is True:
        return WIX_RETRY_SCHEDULE
    if retries is False or retries is None:
        return ()
    if isinstance(retries, int):
        if retries < 0:
            raise ValueError(f"retries must be True, False, a count or a list of delays, got {retries!r}")
        return WIX_RETRY_SCHEDULE[:retries]
    delays = tuple(float(d) for d in retries)
    if any(not d >= 0 for d in delays):
        raise ValueError(f"retry delays must be seconds of 0 or more, got {list(retries)!r}")
    return delays


#: The named modes of the CLI's ``--delivery`` (and :meth:`Delivery.named`).
MODES: dict[str, dict[str, object]] = {
    "exactly_once": {},
    "duplicates": {"duplicates": 1.0},
    "reorder": {"reorder": 3},
    "retries": {"retries": True},
}

EXACTLY_ONCE = Delivery()
