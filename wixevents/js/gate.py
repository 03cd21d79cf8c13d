"""Who may use the isolate now: one call at a time, except calls nested in a call waiting for Python.

A JavaScript handler that calls a simulated Wix API waits while Python runs
it, and that Python may start other JavaScript on the same engine: a
``data.js`` hook of the collection it writes, or a data event handler the
write fires (a cascade). The runner runs those on worker threads of their own,
so a plain lock held for the whole outer call would deadlock until a timeout.

Decisions:

* A call **enters** the gate when no call is inside it, when the call inside
  is its own thread's (re-entry), or when the call inside belongs to a run
  that encloses the new call's run (``RunContext.outer``, followed up the
  chain): the outer call is parked in a host call, waiting for exactly this
  nested run, so the two never run JavaScript at the same time.
* Any other call (another notebook fire on another thread, a thread pool)
  waits until the gate is empty: unrelated calls never interleave, so console
  lines and host calls cannot be attributed to the wrong run.
* The gate only admits; each step still takes the engine's ``lock``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["Gate"]


def _encloses(outer: object, run: object | None) -> bool:
    """Is ``outer`` ``run`` itself or one of the runs that started it?"""
    while run is not None:
        if run is outer:
            return True
        run = getattr(run, "outer", None)
    return False


class Gate:
    """Admission to one engine's isolate, as described in the module docstring."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._inside: list[tuple[int, object | None]] = []

    def _may_enter(self, thread: int, run: object | None) -> bool:
        if not self._inside:
            return True
        last_thread, last_run = self._inside[-1]
        return last_thread == thread or (last_run is not None and _encloses(last_run, run))

    @contextmanager
    def enter(self, run: object | None) -> Iterator[None]:
        """Hold the gate for one call made on behalf of ``run`` (a RunContext, or None outside runs)."""
        entry = (threading.get_ident(), run)
        with self._changed:
            self._changed.wait_for(lambda: self._may_enter(*entry))
            self._inside.append(entry)
        try:
            yield
        finally:
            with self._changed:
                for i in range(len(self._inside) - 1, -1, -1):
                    if self._inside[i][0] == entry[0] and self._inside[i][1] is run:
                        del self._inside[i]
                        break
                self._changed.notify_all()

    @property
    def busy(self) -> bool:
        with self._changed:
            return bool(self._inside)
