"""Fire many events with one thread hand-off per batch instead of one per run.

A single fire hands its handler to a pooled worker thread and waits: that
hand-off (about 0.1 ms) is most of the cost of a small fire. ``fire_many`` and
``fire_all`` (and anything else that fires in bulk through :func:`fire_batch`)
instead hand the whole batch to one worker, which fires one event after another
and calls each handler directly. The calling thread supervises: it sleeps until
the deadline of the run in progress, so per-run timeouts hold exactly as for
single fires. When a run is still going at its timeout, the supervisor records
its ``timeout`` row, runs the fire's remaining handlers itself, and hands the
rest of the batch to a fresh worker; the stuck worker is abandoned (like any
timed-out Python handler it finishes in the background, its output and effects
dropped, and it records nothing more).

Everything else is as if each event were fired alone: the same history rows,
sequence numbers, logs, effects, cascades and statuses. A batch started from
inside a running handler fires one by one (its runs nest, as single fires do).
Items are taken from the iterable in the calling thread, a chunk at a time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from .context import current_run
from .result import Result
from .runner import _POOL, Abandoned, set_watch
from .watch import Watch

if TYPE_CHECKING:
    from .core import SiteCore

__all__ = ["CHUNK", "fire_batch"]

T = TypeVar("T")
#: Items handed to one worker at a time (the supervisor wakes once per chunk at most, besides timeouts).
CHUNK = 1000
#: Longest sleep of the supervisor while the worker is between runs.
_POLL = 0.5


def fire_batch(site: SiteCore, items: Iterable[T], fire: Callable[[T], Result]) -> list[Result]:
    """``[fire(item) for item in items]``, each ``fire`` one site fire, run on one worker per chunk."""
    if current_run() is not None:  # inside a handler: nested runs hand off one by one, as single fires do
        return [fire(item) for item in items]
    results: list[Result] = []
    source = iter(items)
    while True:
        chunk: list[T] = []
        try:
            chunk.extend(islice(source, CHUNK))
        except Exception:  # the iterable failed: fire what it gave first, as one by one would
            _chunk(site, iter(chunk), fire, results)
            raise
        if chunk:
            _chunk(site, iter(chunk), fire, results)
        if len(chunk) < CHUNK:
            return results


class _Worker:
    """One worker's share of a chunk: fires items until they run out, one of its runs is abandoned, or it fails."""

    def __init__(self, items: Iterator[T], fire: Callable[[T], Result], results: list[Result]) -> None:
        self.items, self.fire, self.results = items, fire, results
        self.watch = Watch()
        self.error: BaseException | None = None
        self.stop = False
        from threading import Event

        self.done = Event()

    def loop(self) -> None:
        set_watch(self.watch)
        try:
            for item in self.items:
                if self.stop:
                    break
                self.watch.progress = None
                result = self.fire(item)
                if self.stop:  # the supervisor gave up on us meanwhile (an interrupt): record nothing more
                    break
                self.results.append(result)
        except Abandoned:
            return  # the supervisor took over; the items iterator belongs to the next worker
        except BaseException as exc:
            self.error = exc
        finally:
            set_watch(None)
            self.done.set()


def _chunk(site: SiteCore, items: Iterator[T], fire: Callable[[T], Result], results: list[Result]) -> None:
    while True:
        worker = _Worker(items, fire, results)
        _POOL.submit(worker.loop)
        try:
            took_over = _supervise(site, worker)
        except BaseException:  # KeyboardInterrupt while waiting: stop the worker after its run
            worker.stop = True
            slot = worker.watch.current
            if slot is not None:
                slot.abandon(site.durations)
            raise
        if not took_over:
            if worker.error is not None:
                raise worker.error
            return


def _supervise(site: SiteCore, worker: _Worker) -> bool:
    """Wait for ``worker``; True when a run timed out and the rest of the chunk needs a new worker."""
    watch = worker.watch
    while True:
        slot = watch.current
        due = slot.due() if slot is not None else None
        if slot is None:
            wait: float | None = _POLL if site.timeout is not None else None
        elif due is None:
            wait = None if site.timeout is None else _POLL
        else:
            wait = max(0.0, due - time.monotonic())
        if worker.done.wait(wait):
            return False
        if slot is None or due is None or time.monotonic() < due or watch.current is not slot:
            continue
        outcome = slot.abandon(site.durations)
        if outcome is None:  # it finished just now
            continue
        progress: Any = watch.progress
        worker.results.append(progress.take_over(outcome))
        return True
