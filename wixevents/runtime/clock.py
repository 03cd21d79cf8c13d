"""Clocks and ID generators: where a site's event times, run times and IDs come from.

A :class:`Site` asks its clock for "now" whenever it stamps an event time, starts
a handler run or captures a log line. :class:`SystemClock` is the wall clock (UTC);
:class:`FixedClock` starts at a given instant and moves forward by a fixed step on
every reading, so a notebook re-run prints the same times. The same reasoning
gives :class:`IdGenerator`: IDs are ``uuid5`` values of a seed and a counter, so a
fixed seed repeats the same IDs run after run and a random seed never does.

Wix sends times as ISO 8601 text in UTC with milliseconds and a ``Z``
(``2026-01-15T10:30:00.000Z``); :func:`iso` writes that form.
"""

from __future__ import annotations

import threading
import uuid
from datetime import datetime, timedelta, timezone
from typing import Protocol, runtime_checkable

__all__ = ["Clock", "FixedClock", "IdGenerator", "SystemClock", "iso", "parse_time"]

#: Namespace of every uuid5 wixevents makes (a constant: the same seed gives the same IDs everywhere).
ID_NAMESPACE = uuid.UUID("6f1d3c2e-5b7a-5e8f-9a0b-1c2d3e4f5a6b")


@runtime_checkable
class Clock(Protocol):
    """Anything with ``now()`` (an aware UTC datetime) and ``fixed`` (True when readings repeat run after run)."""

    fixed: bool

    def now(self) -> datetime: ...


class SystemClock:
    """The wall clock, in UTC."""

    fixed = False

    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def __repr__(self) -> str:
        return "SystemClock()"


class FixedClock:
    """A clock that starts at ``start`` and moves ``step`` forward each time it is read.

    ``start`` is a datetime (naive values are taken as UTC) or ISO 8601 text;
    ``step`` is a timedelta or a number of seconds. Thread-safe: each reading is
    handed out exactly once, so the sequence depends only on the order of reads.
    """

    fixed = True

    def __init__(self, start: datetime | str = "2026-01-15T10:30:00.000Z", step: timedelta | float = 1.0) -> None:
        self.start = parse_time(start) if isinstance(start, str) else _utc(start)
        self.step = step if isinstance(step, timedelta) else timedelta(seconds=step)
        self._next = self.start
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            current, self._next = self._next, self._next + self.step
        return current

    def __repr__(self) -> str:
        return f"FixedClock(start={iso(self.start)!r}, step={self.step.total_seconds()})"


class IdGenerator:
    """Makes IDs ``uuid5(namespace, f"{seed}/{n}")`` for n = 1, 2, ...; thread-safe.

    ``seed=None`` picks a random seed, so two sites never share IDs.
    """

    def __init__(self, seed: str | None = None) -> None:
        self.seed = seed if seed is not None else uuid.uuid4().hex
        self._count = 0
        self._lock = threading.Lock()

    def __call__(self) -> str:
        with self._lock:
            self._count += 1
            n = self._count
        return str(uuid.uuid5(ID_NAMESPACE, f"{self.seed}/{n}"))

    def __repr__(self) -> str:
        return f"IdGenerator(seed={self.seed!r})"


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def iso(moment: datetime) -> str:
    """Wix's time text: UTC, milliseconds, ``Z`` (``2026-01-15T10:30:00.000Z``)."""
    moment = _utc(moment)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_time(text: str) -> datetime:
    """Read ISO 8601 text (``Z`` or an offset; more than six fractional digits are cut)."""
    head, dot, rest = text.strip().replace("Z", "+00:00").partition(".")
    if dot:
        digits = len(rest) - len(rest.lstrip("0123456789"))
        rest = rest[:digits][:6].ljust(6, "0") + rest[digits:]
    return _utc(datetime.fromisoformat(head + dot + rest))
