"""A JavaScript handler that Python calls exactly like a Python handler.

``JsHandler`` is what the loader returns for each ``export function
wixBilling_onInvoicePaid(event)`` it finds: a callable named after the export,
so the runtime's registry accepts it as it accepts a ``def``. Calling it runs
the JavaScript function in the engine's isolate:

* the payload is sent as Wix delivers it to JavaScript: dicts keep their keys
  (``_id`` included), datetimes become ``Date`` objects (:mod:`.codec`);
* a returned promise (``async`` handlers) is awaited within the timeout;
* the return value comes back as JSON values, ``Date``s as aware datetimes;
* ``console.*`` output goes to logging (or the engine's console callback);
* inside a site's run (:func:`~wixevents.runtime.context.current_run`) the call stops at
  the run's deadline, and tells the runner so (``RunContext.bounded``): the
  script is terminated there, and the run's row says ``timeout``;
* a thrown error raises :class:`~.errors.JsError` (JavaScript message, ``.stack``
  naming the user's file and line, ``.js_name``); a timeout raises
  :class:`~.errors.JsTimeout` and the memory limit
  :class:`~.errors.JsOutOfMemory`, after which the engine has been restarted.

The call itself is synchronous even for ``async`` JavaScript functions
(``is_async`` tells which it is): ``inspect.iscoroutinefunction(handler)`` is
False, so a runner calls it like a plain ``def``.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from ..runtime.context import current_run

if TYPE_CHECKING:
    from .engine import JsEngine
    from .loader import JsModule

__all__ = ["JsHandler"]


class JsHandler:
    """One exported JavaScript function of a loaded module."""

    #: The engine stops the script at the run's deadline, so the runner may call it in its own thread.
    stops_at_deadline = True

    def __init__(self, engine: JsEngine, module: JsModule, name: str, *, line: int, is_async: bool) -> None:
        self.__name__ = self.__qualname__ = name
        self.engine, self.module, self.line, self.is_async = engine, module, line, is_async
        self.timeout: float | None = None
        self.__doc__ = f"JavaScript {'async ' if is_async else ''}function {name} ({module.file}:{line})"

    @property
    def source(self) -> str:
        """The source it was loaded for (``"notebook"``, a site or package name)."""
        return self.module.source

    @property
    def file(self) -> str:
        """The file name stack traces use (``events.js``, ``lib/util.js``...)."""
        return self.module.file

    @property
    def kind(self) -> str:
        """``events`` for an event handler, ``data`` for a data hook."""
        return self.module.kind

    def __call__(self, event: Any, *more: Any) -> Any:
        """Run the function with ``event`` (and, for a data hook, its ``context``)."""
        timeout = self.timeout
        run = current_run()
        if run is not None and run.deadline is not None:  # inside a site's run: stop at the run's deadline
            run.bounded = True
            left = max(run.deadline - time.monotonic(), 0.001)
            timeout = left if timeout is None else min(timeout, left)
        return self.engine.call(self.module.id, self.__name__, [event, *more], timeout=timeout)

    def __repr__(self) -> str:
        kind = "async " if self.is_async else ""
        return f"<JsHandler {kind}{self.__name__} from {self.file}:{self.line} (source {self.source!r})>"
