"""How evaluation requests reach the isolate: a fast direct path, and mini-racer's public one.

The isolate runs on its own thread (mini-racer's message pump). Each step of a
call is a script evaluation queued there; the transports queue all steps of a
batch at once, so V8 runs them back to back with the promise callbacks
(microtasks) in between, then collect the results in order.

* :class:`PublicTransport` uses only mini-racer's public API
  (``eval_cancelable`` on the engine's event loop thread): four thread
  hand-offs per batch, 250-320 us for a trivial script on a busy 2-core box.
* :class:`DirectTransport` queues the scripts from the calling thread and
  waits on the context's result queue: two hand-offs, 65-90 us. It relies on
  attributes of mini-racer's ``Context`` that are not public (checked by
  :func:`make_transport`, which falls back to the public path when they are
  missing), because a handler call should cost well under a millisecond.

Both raise :class:`TimeoutError` when a batch is not done in time, after
asking V8 to terminate the running script (which a script spinning inside a
promise callback ignores; the engine then frees the isolate).
"""

from __future__ import annotations

import asyncio
import queue
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from py_mini_racer import MiniRacer

__all__ = ["DirectTransport", "PublicTransport", "Transport", "make_transport"]


class Transport(Protocol):
    def run(self, codes: Sequence[str], timeout: float | None) -> list[Any]: ...


class PublicTransport:
    """Batches through ``MiniRacer.eval_cancelable`` on the engine's event loop."""

    def __init__(self, racer: MiniRacer, loop: asyncio.AbstractEventLoop) -> None:
        self.racer, self.loop = racer, loop

    async def _batch(self, codes: Sequence[str], timeout: float | None) -> list[Any]:
        return list(await asyncio.wait_for(asyncio.gather(*(self.racer.eval_cancelable(c) for c in codes)), timeout))

    def run(self, codes: Sequence[str], timeout: float | None) -> list[Any]:
        future = asyncio.run_coroutine_threadsafe(self._batch(codes, timeout), self.loop)
        try:
            return future.result()
        except asyncio.TimeoutError:
            raise TimeoutError from None
        except BaseException:
            future.cancel()
            raise


class DirectTransport:
    """Batches straight into the isolate's task queue; results come back through the context's queue."""

    def __init__(self, racer: MiniRacer) -> None:
        ctx: Any = racer._ctx
        self.ctx, self.dll, self.handle = ctx, ctx._dll, ctx._ctx
        self.results: queue.Queue[Any] = ctx._non_cancelable_mr_task_results_queue

    def run(self, codes: Sequence[str], timeout: float | None) -> list[Any]:
        handles = [self.ctx._python_to_value_handle(code) for code in codes]
        tasks = [self.dll.mr_eval(self.handle, h.raw, 0) for h in handles]
        deadline = None if timeout is None else time.monotonic() + timeout
        raw = []
        for _ in tasks:
            left = None if deadline is None else max(deadline - time.monotonic(), 0.0)
            try:
                raw.append(self.results.get(timeout=left))
            except queue.Empty:
                for task in tasks:
                    self.dll.mr_cancel_task(self.handle, task)
                raise TimeoutError from None
        del handles
        return [self.ctx._value_handle_to_python(value) for value in raw]


def make_transport(racer: MiniRacer, loop: asyncio.AbstractEventLoop) -> Transport:
    """The direct transport when this mini-racer version has what it needs, else the public one."""
    ctx = getattr(racer, "_ctx", None)
    needed = ("_dll", "_ctx", "_non_cancelable_mr_task_results_queue", "_python_to_value_handle",
              "_value_handle_to_python")
    if ctx is not None and all(hasattr(ctx, name) for name in needed):
        return DirectTransport(racer)
    return PublicTransport(racer, loop)
