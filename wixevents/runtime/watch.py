"""The run a batch worker is in, as the supervising thread sees it (:mod:`wixevents.runtime.batch`).

A batch worker calls each handler directly (:meth:`Watch.run`) instead of handing
it to another thread; the thread that started the batch watches the
:class:`Slot` of the run in progress and, past its deadline, claims it as a
timeout. Worker and supervisor each claim the run under its lock, so exactly one
of them records how it ended.
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import Callable
from typing import Any

from . import capture
from .clock import Clock
from .context import RunContext
from .runner import BOUNDED_GRACE, Abandoned, Outcome, _Box, _work, outcome_of, timed_out

__all__ = ["Slot", "Watch"]


class Slot:
    """The run a batch worker is in, as its supervisor sees it (see :mod:`wixevents.runtime.batch`)."""

    def __init__(self, context: RunContext, sink: capture.Sink, box: _Box, timeout: float | None,
                 inline: bool, start: float) -> None:
        self.context, self.sink, self.box, self.timeout, self.inline = context, sink, box, timeout, inline
        self.start, self.lock = start, threading.Lock()
        self.finished = self.abandoned = False

    def due(self) -> float | None:
        """When the supervisor gives up on this run (monotonic seconds), None for never."""
        deadline = self.context.deadline
        if deadline is None:
            return None
        return deadline + (BOUNDED_GRACE if self.inline or self.context.bounded else 0.0)

    def finish(self) -> bool:
        """The worker's claim that the run ended in time; False when the supervisor gave up on it first."""
        with self.lock:
            if not self.abandoned:
                self.finished = True
            return self.finished

    def abandon(self, measure: bool) -> Outcome | None:
        """The supervisor's claim: the timeout outcome, or None when the run finished meanwhile."""
        with self.lock:
            if self.finished:
                return None
            self.abandoned = True
        self.box.cancel()
        elapsed = (time.perf_counter() - self.start) * 1000 if measure else 0.0
        return timed_out(self.timeout, self.sink.close(), elapsed)


class Watch:
    """What a batch worker is doing, for its supervisor: the current run and the fire it belongs to."""

    def __init__(self) -> None:
        self.current: Slot | None = None
        self.progress: Any = None  # the dispatch.Progress of the fire in progress

    def run(self, fn: Callable[[Any], Any], event: Any, context: RunContext, *, clock: Clock,
            timeout: float | None, measure: bool) -> Outcome:
        """Run in this (batch worker) thread; the supervisor enforces the timeout (:mod:`.batch`)."""
        sink, box = capture.Sink(clock), _Box()
        capture.acquire()  # released by _work
        start = time.perf_counter()
        context.deadline = None if timeout is None else time.monotonic() + timeout
        inline = getattr(fn, "stops_at_deadline", False) is True
        slot = Slot(context, sink, box, timeout, inline, start)
        self.current = slot
        try:
            contextvars.Context().run(_work, fn, event, context, sink, box)
        finally:
            if not slot.finish():
                raise Abandoned()
            self.current = None
        elapsed = (time.perf_counter() - start) * 1000 if measure else 0.0
        return outcome_of(box, sink, timeout, elapsed)
