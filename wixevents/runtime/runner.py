"""Run one handler once: in a worker thread, under a timeout, with its logs captured.

Every run gets a fresh daemon thread, so the caller's thread is never blocked by
an event loop of ours and never needs one: this works the same in a script, in
pytest and in a Jupyter cell whose event loop is already running. A handler that
returns an awaitable (an ``async def`` handler) is awaited on a new event loop in
that worker thread (``asyncio.get_event_loop()`` inside the handler gives it).

Decisions, since Wix documents no limit for ``events.js`` handlers:

* The timeout (seconds) defaults to 14, the limit Wix documents for backend web
  modules and HTTP functions. ``None`` waits forever.
* Python cannot kill a thread. At the timeout the run is recorded as ``timeout``
  and the caller moves on; an async handler's task is cancelled, a sync handler
  keeps running in the background until it returns, its output and effects
  dropped. The kernel stays usable.
* ``KeyboardInterrupt`` (Ctrl-C while waiting, or raised by the handler)
  propagates to the caller: an interrupt is the user stopping work, not data.
* Every other exception, ``SystemExit`` included, becomes status ``error`` with a
  traceback that starts at the handler (wixevents' and asyncio's frames cut), and
  an ERROR log line, as Wix Logs show uncaught errors. JavaScript handlers'
  errors keep their JavaScript stack, and their timeouts and memory limit map to
  ``timeout`` and ``out_of_memory`` (:mod:`wixevents.runtime.failures`).
* JavaScript handlers *can* be stopped: their engine terminates the script at
  the run's ``deadline``. A handler that says so (``fn.stops_at_deadline``, as
  :class:`~wixevents.js.handler.JsHandler` does) runs in the caller's thread,
  in a fresh context, saving the thread hand-off (the largest part of a small
  fire); code that stops itself from inside another function (a JavaScript data
  hook) sets ``RunContext.bounded`` and gets up to :data:`BOUNDED_GRACE` more
  to report, instead of being left to finish in the background (a nested run it
  waits for may delay that).
"""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import capture
from .clock import Clock
from .context import RunContext, activate
from .failures import ending
from .records import ErrorInfo, LogLine

__all__ = ["DEFAULT_TIMEOUT", "Abandoned", "Outcome", "run", "set_watch", "timed_out", "watching"]

DEFAULT_TIMEOUT = 14.0
#: Seconds a run that stops itself at its deadline (``RunContext.bounded``) gets to report after it.
BOUNDED_GRACE = 5.0


@dataclass(frozen=True)
class Outcome:
    """What one run produced."""

    status: str
    value: Any
    error: ErrorInfo | None
    logs: tuple[LogLine, ...]
    duration_ms: float


class _Box:
    """What the worker hands back to the waiting caller."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: Any = None
        self.exc: BaseException | None = None
        self.cancel: Callable[[], object] = lambda: None


def run(fn: Callable[[Any], Any], event: Any, context: RunContext, *, clock: Clock,
        timeout: float | None = DEFAULT_TIMEOUT, measure: bool = True) -> Outcome:
    """Call ``fn(event)`` with ``context`` current and return its :class:`Outcome`."""
    watch = watching()
    if watch is not None and watch.current is None:  # a batch's own worker: no hand-off, it is watched
        outcome: Outcome = watch.run(fn, event, context, clock=clock, timeout=timeout, measure=measure)
        return outcome
    sink, box = capture.Sink(clock), _Box()
    capture.acquire()  # released by the worker when it really ends
    start = time.perf_counter()
    context.deadline = None if timeout is None else time.monotonic() + timeout
    inline = getattr(fn, "stops_at_deadline", False) is True
    try:
        if inline:  # it enforces the deadline itself (a JavaScript handler): no thread hand-off needed
            contextvars.Context().run(_work, fn, event, context, sink, box)
        else:
            _POOL.submit(lambda: contextvars.Context().run(_work, fn, event, context, sink, box))
    except BaseException:
        if not inline:
            capture.release()
        raise
    try:
        finished = box.done.wait(timeout)
        if not finished and context.bounded:  # it stops itself at the deadline: let it say how it ended
            finished = box.done.wait(BOUNDED_GRACE)
    except BaseException:  # KeyboardInterrupt while waiting
        box.cancel()
        sink.close()
        context.close()
        raise
    elapsed = (time.perf_counter() - start) * 1000 if measure else 0.0
    if not finished:
        box.cancel()
        return timed_out(timeout, sink.close(), elapsed)
    return outcome_of(box, sink, timeout, elapsed)


def outcome_of(box: _Box, sink: capture.Sink, timeout: float | None, elapsed: float) -> Outcome:
    """The outcome of a finished run from its box: its value, or its error (logged as ``uncaught``)."""
    if isinstance(box.exc, KeyboardInterrupt):
        sink.close()
        raise box.exc
    if box.exc is not None:
        status, error = ending(box.exc, timeout)
        if status == "error":
            sink.emit("ERROR", error.traceback or str(error), "uncaught")
        return Outcome(status, None, error, sink.close(), elapsed)
    return Outcome("ok", box.value, None, sink.close(), elapsed)


def timed_out(timeout: float | None, logs: tuple[LogLine, ...], elapsed: float) -> Outcome:
    """The outcome of a Python run still going at its timeout (left to finish in the background)."""
    limit = f"the {timeout:g} s timeout" if timeout is not None else "its timeout"
    return Outcome("timeout", None, ErrorInfo("Timeout", f"still running after {limit}; left to finish in the "
                                                         "background"), logs, elapsed)


class Abandoned(BaseException):
    """Raised in a batch worker whose run was given up at its timeout: the worker stops, recording nothing."""


_WATCH = threading.local()


def watching() -> Any:
    """The :class:`~wixevents.runtime.watch.Watch` of this thread when it is a batch worker, else None."""
    return getattr(_WATCH, "watch", None)


def set_watch(watch: Any) -> None:
    _WATCH.watch = watch


class _Pool:
    """Daemon worker threads kept between runs (starting a thread costs more than a small fire).

    A job goes to an idle worker, or to a new one when all are busy (a timed-out
    handler still running keeps its worker). Workers idle for ``IDLE`` seconds
    end; a worker decides to leave and a job is queued under the same lock, so no
    job is ever queued for a worker that has just left. Each job runs in a fresh,
    empty ``contextvars.Context``, as it would on a new thread.
    """

    IDLE = 30.0

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], object]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle = 0

    def submit(self, job: Callable[[], object]) -> None:
        # The job is queued under the lock that an idle worker takes before it decides to leave:
        # queued after that check, the worker would be gone with the idle count already spent on
        # it, stranding this job and every later one (the count going negative).
        with self._lock:
            spawn = self._idle <= 0
            if not spawn:
                self._idle -= 1
                self._jobs.put(job)
        if spawn:
            threading.Thread(target=self._loop, args=(job,), daemon=True, name="wixevents-worker").start()

    def _loop(self, job: Callable[[], object] | None) -> None:
        while job is not None:
            job()
            with self._lock:
                self._idle += 1
            try:
                job = self._jobs.get(timeout=self.IDLE)
            except queue.Empty:
                with self._lock:  # leave, unless a job was handed to us meanwhile
                    if self._jobs.empty():
                        self._idle -= 1
                        return
                job = self._jobs.get()


_POOL = _Pool()


def _work(fn: Callable[[Any], Any], event: Any, context: RunContext, sink: capture.Sink, box: _Box) -> None:
    capture.SINK.set(sink)
    try:
        with activate(context):
            value = fn(event)
            box.value = _resolve(value, box) if inspect.isawaitable(value) else value
    except BaseException as exc:
        box.exc = exc
    finally:
        box.done.set()
        capture.release()


def _resolve(awaitable: Any, box: _Box) -> Any:
    """Await on a private event loop; ``box.cancel`` cancels the task from another thread."""

    async def main() -> Any:
        return await awaitable

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        task = loop.create_task(main())
        box.cancel = lambda: loop.call_soon_threadsafe(task.cancel)
        return loop.run_until_complete(task)
    finally:
        box.cancel = lambda: None
        try:
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            asyncio.set_event_loop(None)
            loop.close()
