"""The call driver: run one JavaScript function to completion from Python.

A call is a short conversation with the prelude, always in the caller's thread:

1. ``invoke`` runs the function; if it finished synchronously, it reports the
   final state at once. If it returned a promise, ``follow``, queued in the
   same batch, reports the state after V8 ran the promise callbacks
   (microtasks run between the scripts of a batch), so an ``async`` handler
   that only awaited resolved promises is done by then, and one that awaits a
   Wix API call has queued it: one round trip either way.
2. If JavaScript is waiting on host calls, each Python function runs here (see
   :mod:`.host`), then ``settle`` + ``take`` are queued together, and so on.
3. If JavaScript waits on a timer (``setTimeout``...; :file:`prelude.js` keeps
   the queue), the driver sleeps until the next one is due and queues a few
   ``tick`` steps (each runs one due timer, then V8 runs its promise
   callbacks, as Node runs microtasks between timers) + ``take``. Timers run
   in real time, so ``Date.now()`` agrees with them, up to the run's deadline.
   (The alternative, a virtual clock jumping to the next timer, would make a
   long backoff instant, but ``Date.now()`` would lag the timers and code that
   measures elapsed time would see none; a delay past the timeout is a
   ``timeout`` row either way.) A run's timers end with it: the prelude cancels
   those still pending when the handler finished, with a warning line.
   If it waits on something else, ``take`` is polled with a growing pause
   (0.5 ms to 20 ms) until the deadline.
4. At the deadline a call still waiting is given up (its timers cancelled,
   :class:`JsTimeout`) without restarting the engine: JavaScript is idle
   then. Only a script that keeps running (a loop) needs the restart.

Console lines arrive with every ``take`` and are emitted right away, in the
caller's thread, as log records of logger ``wixevents.js`` (``console.log`` and
``info`` at INFO, ``warn`` WARNING, ``error`` ERROR, ``debug`` DEBUG) or, when
the engine has a ``console`` callback, as ``console(level, text)``. That logger
is set to DEBUG when nobody configured it, because its records are the site's
own output, which the runtime's log capture must see whatever the root level.

A handler costs one round trip to the isolate, plus one per host call it
waits for (each batch of host calls made together costs one).

Admission: a call holds the engine's :class:`~.gate.Gate` from start to end,
and its ``lock`` only while a step runs; host functions run without the lock,
so a data hook or cascaded handler they start (on another thread, nested in
this call's run) can use the isolate meanwhile.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..runtime.context import current_run
from .codec import dumps, js_literal, loads
from .errors import JsError, JsTimeout, js_error

if TYPE_CHECKING:
    from .engine import JsEngine

__all__ = ["LEVELS", "ConsoleSink", "drive", "emit"]

ConsoleSink = Callable[[str, str], None]

LEVELS = {"log": logging.INFO, "info": logging.INFO, "dir": logging.INFO, "table": logging.INFO,
          "trace": logging.INFO, "debug": logging.DEBUG, "warn": logging.WARNING, "error": logging.ERROR}
logger = logging.getLogger("wixevents.js")
if logger.level == logging.NOTSET:
    logger.setLevel(logging.DEBUG)
_ids = itertools.count(1)
TICKS = 4  # timers run per batch: a burst of setTimeout(..., 0) costs one round trip per 4


def emit(engine: JsEngine, lines: Sequence[Sequence[str]], dropped: int = 0) -> None:
    """Send console lines to the engine's ``console`` callback, else to logger ``wixevents.js``."""
    if dropped:
        lines = [*lines, ["warn", f"... {dropped} more console line(s) dropped (10000 per step at most)"]]
    for method, text in lines:
        level = LEVELS.get(method, logging.INFO)
        if engine.console is not None:
            engine.console(logging.getLevelName(level), text)
        else:
            logger.log(level, "%s", text)


def drive(engine: JsEngine, module_id: str, name: str, args: Sequence[Any], timeout: float | None) -> Any:
    """Call export ``name`` of ``module_id``; the value, or JsError / JsTimeout / JsOutOfMemory."""
    with engine.gate.enter(current_run()):
        call = next(_ids)
        deadline = None if timeout is None else time.monotonic() + timeout
        bridge = engine.bridge
        take, ticks = f"{bridge}.take({call})", [f"{bridge}.tick({call})"] * TICKS
        steps = [f"{bridge}.invoke({call}, {js_literal(module_id)}, {js_literal(name)}, "
                 f"{js_literal(dumps(list(args)))})\n//# sourceURL=wixevents:call", f"{bridge}.follow({call})"]
        pause = 0.0005
        with engine.lock:
            generation = engine.generation
        while True:
            with engine.lock:
                out = next((o for o in engine.run(steps, _left(engine, call, deadline, timeout), timeout) if o), "")
                if not out:  # still waiting for a promise, with nothing asked of Python: look again
                    steps = [take]
                    continue
                state = loads(out)
                emit(engine, state["console"], state["dropped"])
                if state["done"]:
                    if state["ok"]:
                        return state.get("result")
                    raise js_error(state["result"])
                if not state["requests"] and engine.out_of_memory():
                    engine.fail_out_of_memory()
            if state["requests"]:  # Python runs without the lock: it may run nested JavaScript (see .gate)
                answers = [engine.host.answer(request) for request in state["requests"]]
                if engine.generation != generation:
                    raise JsError(f"the JavaScript engine restarted while {name} waited for Python "
                                  "(another run hit its timeout or memory limit); this run's state is lost")
                steps, pause = [f"{bridge}.settle({js_literal(dumps(answers))}, {call})", take], 0.0005
                continue
            wait = state.get("wait")
            if wait is not None and wait <= 0:  # a timer is due: run it (and its promise callbacks)
                steps, pause = [*ticks, take], 0.0005
                continue
            left = _left(engine, call, deadline, timeout)
            nap = pause if wait is None else wait / 1000
            time.sleep(nap if left is None else min(nap, left))
            if wait is None:
                steps, pause = [take], min(pause * 2, 0.02)
            else:
                steps = [*ticks, take]


def _left(engine: JsEngine, call: int, deadline: float | None, timeout: float | None) -> float | None:
    """Seconds left before the deadline; at the deadline, give the call up and raise JsTimeout.

    JavaScript is idle here (it waits on a promise or a timer), so nothing has
    to be stopped: the call's timers are cancelled and its console lines
    emitted, and the engine (with every source's module state) is kept.
    """
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        with engine.lock:
            state = loads(engine.run([f"{engine.bridge}.abandon({call})"], None)[0])
        emit(engine, state["console"], state["dropped"])
        raise JsTimeout(f"JavaScript still running after the {timeout:g} s timeout (waiting on a promise or a "
                        "timer); its timers were cancelled")
    return left
