"""The embedded JavaScript engine: a sandbox with limits, console capture and calls into Python.

Handler code cannot reach the file system, the network or the process; a
runaway or memory-hungry handler stops at its limit and the engine keeps
working; console output reaches Python logging; JavaScript reaches Python only
through functions the engine exposes.
"""

from __future__ import annotations

import _thread
import contextvars
import importlib
import logging
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from typing import Any

import pytest

pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')

from wixevents.js import (
    JsEngine,
    JsError,
    JsLoadError,
    JsOutOfMemory,
    JsTimeout,
    MissingJsEngine,
    load_source,
)

ECMASCRIPT = {
    "Object", "Function", "Array", "Number", "parseFloat", "parseInt", "Infinity", "NaN", "undefined", "Boolean",
    "String", "Symbol", "Date", "Promise", "RegExp", "Error", "AggregateError", "EvalError", "RangeError",
    "ReferenceError", "SyntaxError", "TypeError", "URIError", "globalThis", "JSON", "Math", "Intl", "ArrayBuffer",
    "Atomics", "Uint8Array", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array",
    "BigUint64Array", "BigInt64Array", "Uint8ClampedArray", "Float32Array", "Float64Array", "Float16Array",
    "DataView", "Map", "BigInt", "Set", "Iterator", "WeakMap", "WeakSet", "Proxy", "Reflect", "FinalizationRegistry",
    "WeakRef", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape", "unescape", "eval",
    "isFinite", "isNaN", "SharedArrayBuffer", "WebAssembly", "Temporal", "SuppressedError", "DisposableStack",
    "AsyncDisposableStack",
}
ADDED = {"console", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate",
         "queueMicrotask", "fetch", "crypto",  # Node's global fetch (wix-fetch's) and Web Crypto's random parts
         "__timer_manager"}  # mini-racer's own, emptied by the prelude


@pytest.fixture(scope="module")
def engine() -> Iterator[JsEngine]:
    with JsEngine() as shared:
        yield shared


def one(engine: JsEngine, text: str, **kwargs: Any) -> Any:
    """Load ``text`` as the notebook's events.js and return its first handler."""
    return load_source(engine, text, **kwargs).handlers[0]


# -- sandbox -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["require", "process", "module", "exports", "XMLHttpRequest", "WebSocket",
                                  "Deno", "Bun", "importScripts", "Buffer", "global"])
def test_handler_code_has_no_node_or_browser_api(engine: JsEngine, name: str) -> None:
    assert engine.evaluate(f"typeof {name}") == "undefined"


def test_the_only_globals_are_ecmascript_console_timers_fetch_and_crypto(engine: JsEngine) -> None:
    found = set(engine.evaluate("Object.getOwnPropertyNames(globalThis)"))
    assert found - ECMASCRIPT == ADDED


def test_eval_and_function_work_but_reach_nothing_more(engine: JsEngine) -> None:
    assert engine.evaluate("eval('typeof require') + ' ' + Function('return typeof process')()") == \
        "undefined undefined"
    assert engine.evaluate("Function('return this')() === globalThis") is True


def test_dynamic_import_of_a_node_module_is_rejected(engine: JsEngine) -> None:
    engine.evaluate("globalThis.got = 'pending'; import('fs').then(() => got = 'loaded', e => got = String(e)); 0")
    assert engine.evaluate("got") == "Error: Not supported"
    engine.evaluate("delete globalThis.got")


def test_the_js_extra_missing_raises_an_import_error_that_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "py_mini_racer", None)
    for name in ("wixevents.js.engine", "wixevents.js.isolate"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    with pytest.raises(MissingJsEngine) as caught:
        importlib.import_module("wixevents.js.engine")
    assert isinstance(caught.value, ImportError)
    assert 'pip install "wixevents[js]"' in str(caught.value) and "mini-racer" in str(caught.value)


# -- limits ------------------------------------------------------------------------------------------------------
RUNAWAY = """
let calls = 0;
export function wixBilling_onInvoicePaid(event) { calls += 1; return calls; }
export function wixBilling_onInvoiceSent(event) { while (true) {} }
export async function wixBilling_onInvoiceCreated(event) { await null; while (true) {} }
export async function wixBilling_onInvoiceOverdue(event) { await new Promise(() => {}); }
export function wixBilling_onPriceQuoteCreated(event) { const a = []; while (true) a.push(new Array(1e4).fill(1)); }
export async function wixBilling_onPriceQuoteSent(event) {
  await null; const a = []; while (true) a.push(new Array(1e4).fill(1));
}
"""


@pytest.fixture()
def limited() -> Iterator[dict[str, Any]]:
    with JsEngine(timeout=0.3, memory_limit=24 * 2**20) as small:
        yield {h.__name__: h for h in load_source(small, RUNAWAY).handlers}


@pytest.mark.parametrize(("name", "error"), [
    ("wixBilling_onInvoiceSent", JsTimeout),          # a synchronous endless loop
    ("wixBilling_onInvoiceCreated", JsTimeout),       # an endless loop inside a promise callback
    ("wixBilling_onPriceQuoteCreated", JsOutOfMemory),
    ("wixBilling_onPriceQuoteSent", JsOutOfMemory),   # out of memory inside a promise callback
])
def test_timeout_and_out_of_memory_stop_the_handler_and_the_engine_keeps_working(
        limited: dict[str, Any], name: str, error: type[Exception]) -> None:
    count = limited["wixBilling_onInvoicePaid"]
    assert count({}) == 1
    with pytest.raises(error) as caught:
        limited[name]({})
    assert "the engine was restarted" in str(caught.value)
    assert count({}) == 1  # the same handler object works; module state started over


def test_a_promise_that_never_settles_times_out_without_restarting_the_engine() -> None:
    with JsEngine(timeout=1.0) as engine:
        handlers = {h.__name__: h for h in load_source(engine, RUNAWAY).handlers}
        count = handlers["wixBilling_onInvoicePaid"]
        assert count({}) == 1
        with pytest.raises(JsTimeout, match=r"1 s timeout \(waiting on a promise"):
            handlers["wixBilling_onInvoiceOverdue"]({})
        assert count({}) == 2  # JavaScript was idle: nothing to stop, module state kept


def test_a_timeout_is_also_a_timeout_error_and_names_the_limit(limited: dict[str, Any]) -> None:
    with pytest.raises(TimeoutError, match=r"0\.3 s timeout"):
        limited["wixBilling_onInvoiceSent"]({})


def test_a_handler_timeout_can_be_set_per_handler(engine: JsEngine) -> None:
    handler = one(engine, "export function wixBilling_onInvoiceSent(event) { while (true) {} }")
    handler.timeout = 0.1
    with pytest.raises(JsTimeout, match=r"0\.1 s"):
        handler({})
    assert engine.evaluate("1 + 1") == 2


def test_the_engine_also_runs_on_mini_racers_public_api(monkeypatch: pytest.MonkeyPatch) -> None:
    from wixevents.js import isolate, transport

    monkeypatch.setattr(isolate, "make_transport", lambda racer, loop: transport.PublicTransport(racer, loop))
    with JsEngine(timeout=0.3) as public:
        handlers = {h.__name__: h for h in load_source(public, RUNAWAY).handlers}
        assert isinstance(public._transport, transport.PublicTransport)
        assert handlers["wixBilling_onInvoicePaid"]({}) == 1
        with pytest.raises(JsTimeout):
            handlers["wixBilling_onInvoiceCreated"]({})
        assert handlers["wixBilling_onInvoicePaid"]({}) == 1


def test_calls_from_several_threads_are_serialised_and_each_gets_its_own_result(engine: JsEngine) -> None:
    handler = one(engine, "export async function wixBilling_onInvoicePaid(event) {\n"
                          "  await new Promise((r) => setTimeout(r, 1));\n  return event.n * 2;\n}", source="threads")
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(lambda n: handler({"n": n}), range(40))) == [n * 2 for n in range(40)]


def test_an_interrupted_call_leaves_the_engine_clean_for_the_next_one() -> None:
    with JsEngine() as own:
        handlers = {h.__name__: h for h in load_source(own, "let calls = 0;\n"
            "export function wixBilling_onInvoicePaid(event) { calls += 1; return calls; }\n"
            "export function wixBilling_onInvoiceSent(event) {\n"
            "  const end = Date.now() + 300; while (Date.now() < end) {} return 'late';\n}").handlers}
        assert handlers["wixBilling_onInvoicePaid"]({}) == 1
        threading.Timer(0.05, _thread.interrupt_main).start()  # Ctrl-C while Python waits for the isolate
        with pytest.raises(KeyboardInterrupt):
            handlers["wixBilling_onInvoiceSent"]({})
        assert [handlers["wixBilling_onInvoicePaid"]({}) for _ in range(2)] == [1, 2]  # restarted, nothing stale


# -- console -----------------------------------------------------------------------------------------------------
CONSOLE = """
console.log("loading");
export function wixBilling_onInvoicePaid(event) {
  console.log("log", 1, { a: [1] });
  console.info("info");
  console.warn("warn");
  console.error(new TypeError("bad"));
  console.debug("debug", new Date(Date.UTC(2024, 0, 2)));
}
"""


def test_console_goes_to_logging_with_matching_levels(engine: JsEngine, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="wixevents.js"):
        one(engine, CONSOLE)({})
    got = [(r.name, r.levelname, r.getMessage().splitlines()[0]) for r in caplog.records]
    assert got == [("wixevents.js", "INFO", "loading"), ("wixevents.js", "INFO", 'log 1 {"a":[1]}'),
                   ("wixevents.js", "INFO", "info"), ("wixevents.js", "WARNING", "warn"),
                   ("wixevents.js", "ERROR", "TypeError: bad"),
                   ("wixevents.js", "DEBUG", "debug 2024-01-02T00:00:00.000Z")]


def test_console_goes_to_a_callback_when_the_engine_has_one() -> None:
    lines: list[tuple[str, str]] = []
    with JsEngine(console=lambda level, text: lines.append((level, text))) as own:
        one(own, CONSOLE)({})
    assert [level for level, _ in lines] == ["INFO", "INFO", "INFO", "WARNING", "ERROR", "DEBUG"]
    assert lines[4][1].startswith("TypeError: bad\n    at wixBilling_onInvoicePaid (events.js:7:")


# -- JavaScript calls Python ---------------------------------------------------------------------------------------
SECRETS_SHIM = """
import { call } from "wixevents:host";
export function getSecret(name) { return call("test:getSecret", name); }
export const elevate = (fn) => fn;
export default { getSecret };
"""
RUN: contextvars.ContextVar[str] = contextvars.ContextVar("RUN", default="none")


def test_a_shim_written_in_javascript_calls_python_in_the_callers_context() -> None:
    seen: list[tuple[Any, ...]] = []

    def get_secret(name: str) -> str:
        seen.append((name, RUN.get()))
        return f"value-of-{name}"

    with JsEngine() as own:
        own.expose("test:getSecret", get_secret)
        own.register_module("wix-secrets-backend", SECRETS_SHIM)
        handler = one(own, "import { getSecret } from 'wix-secrets-backend';\n"
                           "export async function wixBilling_onInvoicePaid(event) {\n"
                           "  return [await getSecret('a'), await getSecret('b')];\n}")
        RUN.set("run-7")
        assert handler({}) == ["value-of-a", "value-of-b"]
    assert seen == [("a", "run-7"), ("b", "run-7")]


def test_a_shim_made_of_python_functions_becomes_async_javascript_functions() -> None:
    inserted: list[Any] = []

    def insert(collection: str, item: dict[str, Any]) -> dict[str, Any]:
        inserted.append((collection, item))
        return {**item, "_id": "id-1", "_createdDate": datetime(2024, 5, 1, tzinfo=timezone.utc)}

    def fail(*args: Any) -> None:
        raise KeyError("no such collection")

    with JsEngine() as own:
        own.register_module("@wix/data", {"items": {"insert": insert, "remove": fail}, "VERSION": 2})
        handler = one(own, "import { items, VERSION } from '@wix/data';\n"
                           "export async function wixBilling_onInvoicePaid(event) {\n"
                           "  const saved = await items.insert('Orders', { when: new Date(Date.UTC(2024, 0, 1)) });\n"
                           "  let error; try { await items.remove('x'); } catch (e) { error = e.message; }\n"
                           "  return { saved, created: saved._createdDate instanceof Date, VERSION, error };\n}")
        result = handler({})
    assert inserted == [("Orders", {"when": datetime(2024, 1, 1, tzinfo=timezone.utc)})]
    assert result["saved"]["_id"] == "id-1" and result["created"] is True and result["VERSION"] == 2
    assert result["error"] == "'no such collection'"


def test_registering_a_module_reloads_the_modules_that_import_it() -> None:
    with JsEngine() as own:
        handler = one(own, "import { getSecret } from 'wix-secrets-backend';\n"
                           "export function wixBilling_onInvoicePaid(event) { return getSecret('k'); }")
        with pytest.raises(JsError, match=r"wix-secrets-backend.getSecret\(\) is not available yet"):
            handler({})
        own.register_module("wix-secrets-backend", {"getSecret": lambda name: name.upper()})
        assert handler({}) == "K"


def test_site_code_cannot_import_the_host_bridge(engine: JsEngine) -> None:
    with pytest.raises(JsLoadError, match="internal to wixevents"):
        load_source(engine, "import { call } from 'wixevents:host';\nexport function wixBilling_onInvoicePaid() {}")


# -- extending the engine ----------------------------------------------------------------------------------------
def test_a_boot_script_adds_a_global_that_calls_python_and_survives_a_restart() -> None:
    """The seam for new Node-like globals: a boot script, run before site code, with the whole bridge in scope."""
    with JsEngine() as engine:
        engine.expose("greet", lambda name: f"hello {name}")
        engine.add_boot_script('Object.defineProperty(globalThis, "greet", { value: (name) => __wixevents.host('
                               '"greet", name), writable: true, configurable: true });')
        handler = one(engine, "export async function wixBilling_onInvoicePaid(e) { return await greet(e.who); }")
        assert handler({"who": "Ada"}) == "hello Ada"
        engine.restart()
        assert handler({"who": "Bob"}) == "hello Bob"
        assert engine.evaluate("Object.keys(globalThis).includes('greet')") is False  # non-enumerable, as Node's


def test_a_boot_scripts_global_is_not_mistaken_for_a_sources_tampering(tmp_path: Any) -> None:
    """Globals added at boot belong to every source's world: switching sources never puts them aside."""
    with JsEngine() as engine:
        engine.add_boot_script('globalThis.booted = "yes";')
        a = one(engine, "export function wixBilling_onInvoicePaid(e) { return globalThis.booted; }", source="a")
        b = one(engine, "export function wixBilling_onInvoicePaid(e) { return globalThis.booted; }", source="b")
        assert [a({}), b({}), a({})] == ["yes", "yes", "yes"]
