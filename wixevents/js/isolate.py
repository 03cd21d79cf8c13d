"""One embedded V8 isolate (mini-racer) with a timeout, a hard memory limit, restart and replay.

Decisions:

* **Sandbox.** The isolate is bare V8: ECMAScript built-ins, no ``require``,
  ``process``, ``module``, ``fetch``, file or socket API, and ``import()`` is
  rejected. ``eval`` and ``Function`` work but reach only the same globals.
  :class:`~.engine.JsEngine` adds its prelude; the only way out is a host call
  to a Python function the engine exposed.
* **Limits.** Every batch runs under a timeout, and the isolate under a hard
  heap limit (default 128 MB: Wix's smallest backend container has 400 MB for
  everything), checked by V8 after each garbage collection. ArrayBuffer
  contents live outside the V8 heap: the prelude caps them separately at the
  same size (see :file:`prelude.js`), so a run stays within twice the limit.
* **After a timeout or out-of-memory the isolate is recreated** and everything
  defined in it replayed (subclasses say what: :meth:`boot_code`,
  :meth:`after_boot`), so module-level state starts over as in a fresh Wix
  container; then :class:`JsTimeout`/:class:`JsOutOfMemory` is raised. A
  script spinning inside a promise callback ignores V8's task cancellation;
  only freeing the isolate stops it, and freeing never waits on a busy thread
  (see :mod:`.transport`).
* Calls from several threads are serialised by ``lock``, re-entrant so that a
  host function may run other JavaScript (a data hook, say).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from .errors import JsOutOfMemory, JsTimeout, MissingJsEngine, js_error
from .transport import Transport, make_transport

try:
    from py_mini_racer import JSEvalException, JSOOMException, JSTimeoutException, MiniRacer, mini_racer
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise MissingJsEngine("mini-racer") from exc

__all__ = ["DEFAULT_MEMORY_LIMIT", "DEFAULT_TIMEOUT", "Isolate"]

DEFAULT_TIMEOUT = 14.0
DEFAULT_MEMORY_LIMIT = 128 * 2**20
BOOT_TIMEOUT = 30.0


class Isolate:
    """A V8 isolate that can be restarted; ``run`` evaluates batches of scripts."""

    def __init__(self, *, timeout: float | None = DEFAULT_TIMEOUT, memory_limit: int = DEFAULT_MEMORY_LIMIT) -> None:
        self.timeout, self.memory_limit = timeout, memory_limit
        self.lock = threading.RLock()
        self.generation = 0
        self._loop = asyncio.new_event_loop()  # mini-racer needs one for its own bookkeeping
        self._thread = threading.Thread(target=self._loop.run_forever, name="wixevents-js", daemon=True)
        self._thread.start()
        self._context: AbstractContextManager[MiniRacer] | None = None
        self._racer: MiniRacer | None = None
        self._transport: Transport | None = None

    def boot_code(self) -> list[str]:
        """Scripts to evaluate in every new isolate, in order."""
        return []

    def after_boot(self) -> None:
        """Called after :meth:`boot_code` ran in a new isolate."""

    def start(self) -> None:
        with self.lock:
            self._context = mini_racer(self._loop)
            self._racer = self._context.__enter__()
            self._racer.set_hard_memory_limit(self.memory_limit)
            self._transport = make_transport(self._racer, self._loop)
            self._transport.run(self.boot_code(), BOOT_TIMEOUT)
            self.generation += 1
            self.after_boot()

    def _stop(self) -> None:
        context, self._context, self._racer, self._transport = self._context, None, None, None
        if context is not None:
            context.__exit__(None, None, None)  # frees the isolate; terminates any running script first

    def restart(self) -> None:
        """Recreate the isolate and replay what was defined in it."""
        with self.lock:
            self._stop()
            self.start()

    def close(self) -> None:
        """Free the isolate and stop the helper thread; the engine cannot be used afterwards."""
        with self.lock:
            self._stop()
            if self._loop.is_running():
                self._loop.call_soon_threadsafe(self._loop.stop)
                self._thread.join()
                self._loop.close()

    def run(self, codes: Sequence[str], timeout: float | None, budget: float | None = None) -> list[Any]:
        """Evaluate ``codes`` in order and return their values.

        ``timeout`` is what is left of the call's ``budget`` (named in the error
        message). A timeout or the memory limit restarts the isolate and raises
        :class:`JsTimeout` / :class:`JsOutOfMemory`; an error thrown by a script
        itself (a SyntaxError in a module being defined) raises :class:`JsError`.
        """
        if self._transport is None:
            raise RuntimeError("this JavaScript engine is closed")
        try:
            return self._transport.run(codes, timeout)
        except (TimeoutError, JSTimeoutException):
            self.restart()
            raise JsTimeout(f"JavaScript still running after the {budget or timeout or 0:g} s timeout; "
                            "the engine was restarted (module state starts over)") from None
        except JSEvalException as exc:
            if isinstance(exc, JSOOMException) or self.out_of_memory():
                self.fail_out_of_memory()
            raise js_error(str(exc)) from None
        except BaseException:  # Ctrl-C while waiting: the script may still run; start clean for the next call
            self.restart()
            raise

    def out_of_memory(self) -> bool:
        """Has the hard memory limit stopped a script (possibly one running in a promise callback)?"""
        return self._racer is not None and self._racer.was_hard_memory_limit_reached()

    def fail_out_of_memory(self) -> None:
        """Restart, then raise :class:`JsOutOfMemory`."""
        self.restart()
        raise JsOutOfMemory(f"JavaScript went past the {self.memory_limit / 2**20:g} MB memory limit; "
                            "the engine was restarted (module state starts over)")
