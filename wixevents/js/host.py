"""Host calls: how JavaScript calls Python (the path simulated Wix APIs take).

A Python function is *exposed* under a name (``engine.expose("wix-data:insert",
fn)``). JavaScript calls it through the built-in module ``wixevents:host``::

    import { call } from "wixevents:host";
    export async function insert(collection, item) { return call("wix-data:insert", collection, item); }

``call`` returns a Promise at once and queues the request. The engine's call
driver (:mod:`.bridge`) picks requests up after each step, runs each function
**in the thread that called the handler** (so the runtime's context variables,
``current_run()`` and per-run log capture, are those of the run) and settles the
promise with the return value or, for an exception, rejects it with an
``Error`` whose ``message`` is ``str(exc)``, ``pythonType`` the exception class
and ``code`` the exception's ``code`` attribute if it has one.

Why not mini-racer's ``wrap_py_function``: it runs Python on mini-racer's
event-loop thread (outside the run's context variables), only takes ``async``
functions, and a script spinning in a microtask can block that thread for good.

Decisions: arguments and results are JSON values with dates (:mod:`.codec`);
a function returning an awaitable is awaited (on a private loop); only
``wixevents:``-internal shims may import ``wixevents:host`` (the loader refuses
it in user files).
"""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Callable, Coroutine, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from .codec import dumps, js_literal

__all__ = ["HostFunctions", "module_code"]

HostFunction = Callable[..., Any]


class HostFunctions:
    """The Python functions exposed to one engine, by name."""

    def __init__(self) -> None:
        self._functions: dict[str, HostFunction] = {}

    def expose(self, name: str, fn: HostFunction) -> None:
        if not callable(fn):
            raise TypeError(f"expose({name!r}, ...) needs a function, got {type(fn).__name__}")
        self._functions[name] = fn

    def __contains__(self, name: object) -> bool:
        return name in self._functions

    def answer(self, request: Mapping[str, Any]) -> list[Any]:
        """``[id, ok, value or error]`` for one request ``{id, name, args}`` queued by JavaScript."""
        ident, name, args = request["id"], request["name"], request.get("args") or []
        fn = self._functions.get(name)
        if fn is None:
            return [ident, False, {"message": f"no Python function named {name!r} is exposed to JavaScript"}]
        try:
            value = fn(*args)
            if inspect.isawaitable(value):
                value = _wait(value)
            return [ident, True, value]
        except Exception as exc:
            return [ident, False, error_payload(exc)]


def error_payload(exc: BaseException) -> dict[str, Any]:
    props: dict[str, Any] = {"pythonType": type(exc).__name__}
    code = getattr(exc, "code", None)
    if code is not None:
        try:
            json.dumps(code)
            props["code"] = code
        except (TypeError, ValueError):
            props["code"] = str(code)
    return {"message": str(exc) or type(exc).__name__, "props": props}


def _wait(awaitable: Any) -> Any:
    async def main() -> Any:
        return await awaitable

    coro: Coroutine[Any, Any, Any] = main()
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with ThreadPoolExecutor(1) as pool:  # a loop already runs here (a notebook cell): use a helper thread
        return pool.submit(asyncio.run, coro).result()


def module_code(name: str, members: Mapping[str, Any], host: HostFunctions) -> str:
    """Define-code for a module built from Python values: functions become async JS functions calling Python.

    Nested mappings become nested objects (``{"items": {"insert": fn}}`` for
    ``import { items } from "@wix/data"``); other values are copied as JSON.
    The default export is ``members["default"]`` if given, else the whole object.
    """

    def build(value: Any, path: str) -> str:
        if callable(value):
            exposed = f"{name}:{path}"
            host.expose(exposed, value)
            return f"(...args) => call({json.dumps(exposed)}, ...args)"
        if isinstance(value, Mapping):
            inner = ", ".join(f"{json.dumps(str(k))}: {build(v, f'{path}.{k}' if path else str(k))}"
                              for k, v in value.items())
            return "{" + inner + "}"
        return f"__wixevents.decode({js_literal(dumps(value))})"

    getters = [f"{json.dumps(str(k))}: () => m[{json.dumps(str(k))}]" for k in members]
    if "default" not in members:
        getters.append('"default": () => m')
    return (f'__wixevents.define({json.dumps(name)}, function (__wx_import, __wx_ns, __wixevents) {{"use strict"; '
            f'const call = __wx_import("wixevents:host").call; const m = {build(members, "")}; '
            f'__wixevents.exported(__wx_ns, {{{", ".join(getters)}}}); }});\n//# sourceURL=wixevents:shim/{name}\n')
