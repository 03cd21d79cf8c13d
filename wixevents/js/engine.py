"""The JavaScript engine of one site: an isolate, its modules, its Wix shims and its host functions.

``JsEngine`` extends :class:`~.isolate.Isolate` with what survives a restart:
the prelude (:file:`prelude.js`), a placeholder or registered shim for every
Wix module, every module the loader defined (in order) and the entry modules
it ran. ``call`` runs one exported function to completion (:mod:`.bridge`).

The Wix module registry: ``register_module(name, source_or_mapping)`` provides
``name`` (``"wix-data"``, ``"@wix/data"``...) to site code, either as
JavaScript (an ES module that reaches Python through ``wixevents:host``) or as
a mapping of Python functions (each becomes an async JavaScript function);
``expose(name, fn)`` makes one Python function callable from such shims.

The bridge: the prelude's internals live in a script-scope constant with a
random name (:attr:`JsEngine.bridge`), never a property of ``globalThis``, so
handler code can neither see nor name it. Every define-code runs inside
``(function (__wixevents) {...})(bridge)``: trusted code (shims, boot scripts)
gets the whole bridge, site code (``define(..., trusted=False)``, the default)
a one-shot ``define`` for its own module, whose functions then see only the
helpers of their rewritten imports and exports; site code cannot import
``wixevents:host`` or replace another module.

One world of built-ins per source. Wix runs a site's whole backend in one
runtime, and so does this engine (one isolate per site), but what site code
changes in the built-ins stays with its *source* (module ids are
``<source>/<path>``): the prelude records the built-ins once booted (``seal``),
and before code of another source runs it puts the last source's changes
aside and puts the other's back. The alternatives were a context per source
(mini-racer offers one context per isolate: an isolate, prelude and shims per
source, several times the memory and start-up) or only protecting wixevents
itself with captured built-ins (which it also does), leaving one source able to
break another's runs. Costs: a walk over about 140 built-in objects and 1,000
properties per switch between sources (a few tenths of a millisecond; none
while one source fires); an object frozen by one source stays frozen for all;
objects below the first level (``Intl.DateTimeFormat.prototype``) are not recorded.

Extending the engine (new globals, new host functions):

* ``engine.expose(name, fn)`` makes a Python function callable as
  ``call(name, ...args)`` from a shim (``import { call } from "wixevents:host"``)
  or as ``__wixevents.host(name, ...args)`` from a boot script; both return a Promise.
* ``JsEngine.BOOT_SCRIPTS.append(code)`` (every engine made afterwards) or
  ``engine.add_boot_script(code)`` (one engine) adds a script run in every new isolate right after the prelude,
  before any site code, with ``__wixevents`` (the whole bridge) in scope. It
  defines globals with ``Object.defineProperty(globalThis, name, {value,
  writable: true, configurable: true})`` (non-enumerable, as Node's are),
  captures any built-in it uses while it runs (site code may replace them
  later), and is replayed after a restart. A new global must also be listed
  in :data:`GLOBALS` (the test of what handler code sees reads it).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Mapping, Sequence
from importlib.resources import files
from typing import Any, ClassVar

from . import shims
from .bridge import ConsoleSink, drive, emit
from .codec import js_literal, loads
from .errors import JsError, js_error
from .gate import Gate
from .host import HostFunctions, module_code
from .isolate import DEFAULT_MEMORY_LIMIT, DEFAULT_TIMEOUT, Isolate
from .node import GLOBAL_FETCH

__all__ = ["DEFAULT_MEMORY_LIMIT", "DEFAULT_TIMEOUT", "JsEngine"]

PRELUDE = files("wixevents.js").joinpath("prelude.js").read_text(encoding="utf-8")
#: The globals wixevents adds to a bare V8 global object (Node-like; documented in the README).
GLOBALS = ("console", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate",
           "queueMicrotask", "fetch", "crypto")


class JsEngine(Isolate):
    """A JavaScript engine for one site (one V8 isolate); ``call`` runs an export of a loaded module.

    ``console``, when given, receives ``(level, text)`` for each console line
    (levels ``DEBUG``/``INFO``/``WARNING``/``ERROR``) instead of logger
    ``wixevents.js``.
    """

    #: Scripts every engine made afterwards runs after the prelude (see :meth:`add_boot_script`).
    BOOT_SCRIPTS: ClassVar[list[str]] = [GLOBAL_FETCH]  # Node's global fetch and crypto (see .node)

    def __init__(self, *, timeout: float | None = DEFAULT_TIMEOUT, memory_limit: int = DEFAULT_MEMORY_LIMIT,
                 console: ConsoleSink | None = None) -> None:
        super().__init__(timeout=timeout, memory_limit=memory_limit)
        self.console = console
        self.host = HostFunctions()
        self.gate = Gate()
        #: The name of the prelude's script-scope constant: random, so site code cannot name it.
        self.bridge = f"__wixevents_{secrets.token_hex(12)}"
        self.boot_scripts = list(self.BOOT_SCRIPTS)
        self._modules: dict[str, tuple[str, bool]] = {}
        self._entries: dict[str, None] = {}
        self.start()

    def __enter__(self) -> JsEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add_boot_script(self, code: str) -> None:
        """Run ``code`` in every new isolate of this engine after the prelude, before site code.

        The engine restarts at once (module state starts over, loaded modules
        are run again), so call it before loading site code.
        ``__wixevents`` (the whole bridge) is in scope. For every engine, append
        to the class attribute ``JsEngine.BOOT_SCRIPTS`` before engines are made.
        See the module docstring for how a global is added.
        """
        self.boot_scripts.append(code)
        if self._transport is not None:  # the built-ins are recorded before site code runs: start over with it
            self.restart()

    def wrap(self, code: str, trusted: bool) -> str:
        """``code`` as a script that sees the whole bridge (trusted) or site code's share as ``__wixevents``."""
        given = self.bridge if trusted else f"{self.bridge}.definer()"
        return f"(function (__wixevents) {{{code}\n}})({given});"

    def boot_code(self) -> list[str]:
        placeholders = "".join(shims.placeholder_code(n) for n in shims.WIX_MODULES if n not in self._modules)
        return [f"const {self.bridge} = {PRELUDE}", f"{self.bridge}.limitMemory({int(self.memory_limit)})",
                *(self.wrap(code, True) for code in self.boot_scripts), self.wrap(placeholders, True),
                f"{self.bridge}.seal()", *(self.wrap(code, trusted) for code, trusted in self._modules.values())]

    def after_boot(self) -> None:
        for module_id in list(self._entries):
            try:
                self.instantiate(module_id)
            except JsError as exc:  # the user meets it again on the next call
                emit(self, [["warn", f"reloading {module_id} after a restart failed: {exc}"]])

    def call(self, module_id: str, name: str, args: Sequence[Any], *, timeout: float | None = None) -> Any:
        """Run export ``name`` of ``module_id`` with ``args``; promises are awaited; JSON values (and datetimes)."""
        return drive(self, module_id, name, args, self.timeout if timeout is None else timeout)

    def evaluate(self, expression: str, *, timeout: float | None = None) -> Any:
        """The JSON value of a JavaScript expression (for tests and exploration); JS errors raise JsError."""
        code = f"{self.bridge}.evaluate(() => (0, eval)({js_literal(expression)}))"
        with self.lock:
            state = loads(self.run([code], self.timeout if timeout is None else timeout)[0])
        if not state["ok"]:
            raise js_error(state["value"])
        return state.get("value")

    def define(self, module_id: str, code: str, *, trusted: bool = False) -> None:
        """Define (or redefine) a module from rewritten code; a SyntaxError raises :class:`JsError`.

        Site code is defined untrusted (the default); ``trusted`` is for
        wixevents' own shims, which may import ``wixevents:host``.
        """
        with self.lock:
            self.run([self.wrap(code, trusted)], self.timeout)
            self._modules[module_id] = (code, trusted)

    def instantiate(self, module_id: str) -> dict[str, dict[str, Any]]:
        """Run a module (and its imports) once; its exports as ``{name: {type, async}}``."""
        with self.lock:
            step = f"{self.bridge}.instantiate({json.dumps(module_id)})\n//# sourceURL=wixevents:load"
            out, drained = self.run([step, f"{self.bridge}.drain()"], self.timeout)
            state, console = loads(out), loads(drained)
            emit(self, console["console"], console["dropped"])
            if not state["ok"]:
                raise js_error(state["error"])
            self._entries[module_id] = None
            exports: dict[str, dict[str, Any]] = state["exports"]
            return exports

    def provides(self, name: str) -> bool:
        """Is ``name`` a module site code may import by name (a Wix module, shim or placeholder)?"""
        return name in self._modules or name in shims.WIX_MODULES

    def has_module(self, module_id: str) -> bool:
        return module_id in self._modules

    def register_module(self, name: str, module: str | Mapping[str, Any]) -> None:
        """Provide module ``name`` to site code; modules loaded before are run again to import it.

        ``module`` is ES-module JavaScript source (it may ``import { call } from
        "wixevents:host"`` to reach Python) or a mapping of Python values whose
        functions become async JavaScript functions calling Python.
        """
        from .loader import compile_internal

        code = module_code(name, module, self.host) if isinstance(module, Mapping) else compile_internal(
            self, name, module)
        self.register_code({name: code})

    def register_code(self, codes: Mapping[str, str]) -> None:
        """Provide modules given as define-code (what :meth:`register_module` compiles), reloading once."""
        with self.lock:
            for name, code in codes.items():
                self.define(name, code, trusted=True)
            self.run([f"{self.bridge}.unload()"], self.timeout)
            for entry in list(self._entries):
                self.instantiate(entry)

    def expose(self, name: str, fn: Callable[..., Any]) -> None:
        """Let JavaScript call ``fn`` as ``call(name, ...args)`` from ``wixevents:host`` (returns a Promise)."""
        self.host.expose(name, fn)
