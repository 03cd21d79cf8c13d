"""Adversarial: what hostile or careless JavaScript handler code does to the engine and to other sources.

Each case states its contract in its docstring or parametrisation id. The
contracts: timers work as in Node and end with the run; handler code sees only
ECMAScript, mini-racer's own global and the documented Node-like globals, never
wixevents' bridge; one source's tampering with built-ins reaches neither another
source's runs nor wixevents itself; ArrayBuffers and typed arrays cannot take the
process past the engine's memory limit; any thrown value ends as an immediate
``error`` row, and the engine (every source's module state) survives it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')

from wixevents import Site
from wixevents.js.engine import GLOBALS as ENGINE_GLOBALS
from wixevents.runtime.clock import FixedClock

AREA = "JavaScript engine"
#: The Node-like globals the README documents for handler code (a global added by a boot script joins the list).
GLOBALS = set(ENGINE_GLOBALS)
EVENT = "wixBilling_onInvoicePaid"
OTHER = "wixBilling_onInvoiceSent"
COUNTER = f"""import wixData from "wix-data";
let n = 0;
export async function {OTHER}(event) {{
  console.log("counted", {{ n: n + 1 }});
  await wixData.insert("Counts", {{ n: n + 1, at: new Date(0) }});
  return {{ n: ++n, keys: Object.keys({{ a: 1 }}).map((k) => k.toUpperCase()), json: JSON.parse(JSON.stringify([1])) }};
}}
"""


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[Site]:
    made = Site(clock=FixedClock(), timeout=3)
    yield made
    made.close()


def load(site: Site, folder: Path, text: str, source: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "events.js").write_text(text, encoding="utf-8")
    site.load_js(folder, source=source)


def handler(body: str, *, is_async: bool = True) -> str:
    return f"export {'async ' if is_async else ''}function {EVENT}(event) {{\n{textwrap.indent(body, '  ')}\n}}\n"


def fire_one(site: Site, tmp_path: Path, body: str, *, is_async: bool = True) -> Any:
    load(site, tmp_path / "hostile", handler(body, is_async=is_async), "hostile")
    return site.fire(EVENT).runs[0]


# -- timers -------------------------------------------------------------------------------------------------------
TIMERS = {
    "await setTimeout(r, 0) resolves": ("await new Promise((r) => setTimeout(r, 0)); return 'ok';", "ok"),
    "setTimeout(r) with no delay resolves": ("await new Promise((r) => setTimeout(r)); return 'ok';", "ok"),
    "setTimeout passes its extra arguments": ("return await new Promise((r) => setTimeout(r, 1, 'arg'));", "arg"),
    "setInterval repeats until clearInterval": (
        "let n = 0; await new Promise((r) => { const t = setInterval(() => {"
        " if (++n === 3) { clearInterval(t); r(); } }, 2); }); return n;", 3),
    "clearTimeout cancels a timer": (
        "let hit = false; const t = setTimeout(() => { hit = true; }, 5); clearTimeout(t);"
        " await new Promise((r) => setTimeout(r, 20)); return hit;", False),
    "clearTimeout takes the numeric id too": (
        "let hit = false; const t = setTimeout(() => { hit = true; }, 5); clearTimeout(+t);"
        " await new Promise((r) => setTimeout(r, 20)); return hit;", False),
    "microtasks, then immediates, then timers, in Node's order": (
        "const o = []; setTimeout(() => o.push('t'), 0); setImmediate(() => o.push('i'));"
        " queueMicrotask(() => o.push('m')); Promise.resolve().then(() => o.push('p'));"
        " await new Promise((r) => setTimeout(r, 10)); return o.join('');", "mpit"),
    "timers run in the order they are due": (
        "const o = []; setTimeout(() => o.push(30), 30); setTimeout(() => o.push(10), 10); setTimeout(() => o.push(0));"
        " await new Promise((r) => setTimeout(r, 40)); return o;", [0, 10, 30]),
    "a Timeout has Node's ref/unref/hasRef/refresh": (
        "const t = setTimeout(() => {}, 1); return [t.unref() === t, t.ref() === t, t.hasRef(), typeof t.refresh];",
        [True, True, True, "function"]),
    "a delay passes on Date.now() too (real time)": (
        "const s = Date.now(); await new Promise((r) => setTimeout(r, 50)); return Date.now() - s >= 49;", True),
    "a retry loop with backoff finishes": (
        "let tries = 0; for (let d = 1; d <= 8; d *= 2) { tries++; await new Promise((r) => setTimeout(r, d)); }"
        " return tries;", 4),
    "1000 timers of 0 ms all run": (
        "let n = 0; await Promise.all(Array.from({ length: 1000 }, () => new Promise((r) => setTimeout(() => { n++;"
        " r(); })))); return n;", 1000),
}


@pytest.mark.parametrize(("body", "expected"), list(TIMERS.values()), ids=list(TIMERS))
def test_timers_work_as_in_node(site: Site, tmp_path: Path, body: str, expected: Any) -> None:
    run = fire_one(site, tmp_path, body)
    assert (run.status, run.value) == ("ok", expected), run.error


def test_setTimeout_with_a_non_function_throws_a_type_error(site: Site, tmp_path: Path) -> None:
    """Node throws ERR_INVALID_ARG_TYPE for a string callback; here a TypeError row, immediately."""
    run = fire_one(site, tmp_path, "setTimeout('1 + 1', 5);")
    assert run.status == "error" and "TypeError" in str(run.error) and "callback" in str(run.error)


def test_a_runs_timers_end_with_the_run_and_say_so(site: Site, tmp_path: Path) -> None:
    """A timer still pending when the handler finished never runs later, in another run; a warning says why."""
    run = fire_one(site, tmp_path, "setTimeout(() => console.log('late'), 5); return 1;", is_async=False)
    assert run.status == "ok"
    assert any("timer(s) still pending" in line.message for line in run.logs)
    time.sleep(0.02)
    later = site.fire(EVENT).runs[0]
    assert not any(line.message == "late" for line in later.logs)


def test_an_exception_in_a_timer_callback_fails_the_run_at_once(site: Site, tmp_path: Path) -> None:
    """Node would crash on it; here the run ends as an error naming it, not a timeout (it awaits forever after)."""
    run = fire_one(site, tmp_path, "setTimeout(() => { throw new Error('in a timer'); }, 1);"
                                   " await new Promise(() => {});")
    assert run.status == "error" and "in a timer" in str(run.error)


def test_a_timer_past_the_deadline_times_out_and_keeps_every_sources_state(site: Site, tmp_path: Path) -> None:
    """Waiting is not running: the timeout gives the run up without restarting the engine."""
    load(site, tmp_path / "counter", COUNTER, "counter")
    assert site.fire(OTHER).runs[0].value["n"] == 1
    site.timeout = 0.5
    run = fire_one(site, tmp_path, "await new Promise((r) => setTimeout(r, 60000));")
    assert run.status == "timeout"
    site.timeout = 3
    assert site.fire(OTHER).runs[0].value["n"] == 2


# -- what handler code can see ------------------------------------------------------------------------------------
BARE = """
from py_mini_racer import MiniRacer
r = MiniRacer()
print(r.eval("Object.getOwnPropertyNames(globalThis).join(',')"))
r.close()
"""


@pytest.fixture(scope="module")
def bare_globals() -> set[str]:
    out = subprocess.run([sys.executable, "-c", BARE], capture_output=True, text=True, timeout=60, check=True)
    return set(out.stdout.strip().split(","))


def test_handler_code_sees_a_bare_v8_global_plus_the_documented_globals(
        site: Site, tmp_path: Path, bare_globals: set[str]) -> None:
    """Enumerating globalThis (names and symbols, own and inherited) finds nothing of wixevents' internals."""
    run = fire_one(site, tmp_path, "const names = []; for (let o = globalThis; o; o = Object.getPrototypeOf(o))"
                                   " names.push(...Reflect.ownKeys(o).map(String)); return names;")
    seen = set(run.value)
    names = {n for n in seen if not n.startswith("Symbol(")}
    assert names - bare_globals - set(object_prototype_names()) == set(GLOBALS) - bare_globals
    assert set(GLOBALS) <= names
    assert not [n for n in seen if "wixevents" in n.lower() or n.startswith("__wx")]


def object_prototype_names() -> list[str]:
    return ["constructor", "__defineGetter__", "__defineSetter__", "hasOwnProperty", "__lookupGetter__",
            "__lookupSetter__", "isPrototypeOf", "propertyIsEnumerable", "toString", "valueOf", "__proto__",
            "toLocaleString"]


BRIDGE_PROBES = {
    "site code's __wixevents has no call protocol, host or loader": (
        "return [typeof __wixevents.invoke, typeof __wixevents.host, typeof __wixevents.load,"
        " typeof __wixevents.settle, typeof __wixevents.define].filter((t) => t !== 'undefined');"),
    "the module loader refuses wixevents:host": "return __wx_import('wixevents:host');",
    "site code cannot replace a Wix shim": "__wixevents.define('wix-data', () => {}); return 1;",
    "site code cannot replace another source's module": "__wixevents.define('counter/events.js', () => {}); return 1;",
    "no host function is reachable from the restricted bridge": "return Object.keys(__wixevents).sort();",
    "globalThis has no host bridge under any name": (
        "return Object.getOwnPropertyNames(globalThis).filter((n) => { const v = globalThis[n];"
        " return v && typeof v === 'object' && ('invoke' in v || 'settle' in v || 'host' in v); });"),
}


@pytest.mark.parametrize("body", list(BRIDGE_PROBES.values()), ids=list(BRIDGE_PROBES))
def test_handler_code_cannot_reach_the_host_bridge(site: Site, tmp_path: Path, body: str) -> None:
    run = fire_one(site, tmp_path, body, is_async=False)
    if run.status == "ok":
        assert run.value in ([], ["exported", "get", "reexport"])
    else:
        assert run.status == "error"
        assert any(text in str(run.error) for text in ("is not loaded", "is not a function", "cannot define"))


# -- one source's tampering -----------------------------------------------------------------------------------------
TAMPERING = [
    "JSON.parse = () => { throw new Error('tampered'); }",
    "JSON.stringify = () => 'tampered'",
    "Date = function () { throw new Error('tampered'); }",
    "Object.keys = () => { throw new Error('tampered'); }",
    "Array.prototype.map = null",
    "Array.prototype.push = null; Array.prototype.join = null; Array.prototype.filter = null",
    "Map.prototype.get = () => { throw new Error('tampered'); }; Map.prototype.set = null",
    "globalThis.console = undefined",
    "console.log = () => {}",
    "Object.prototype.toJSON = function () { return 'tampered'; }",
    "Object.defineProperty(Object.prototype, 'done', { get() { return true; }, set() { throw new Error('t'); } })",
    "Object.defineProperty(Array.prototype, '0', { set() { throw new Error('tampered'); } })",
    "Promise.prototype.then = function () { throw new Error('tampered'); }",
    "Promise = null",
    "Reflect.apply = null; Function.prototype.call = null; Function.prototype.apply = null",
    "String.prototype.split = null; String.prototype.indexOf = null; String.prototype.slice = null",
    "Error = null; TypeError = null; RangeError = null",
    "Symbol.iterator; Array.prototype[Symbol.iterator] = function* () { throw new Error('tampered'); }",
    "Object.prototype.isAdmin = true",
    "globalThis.setTimeout = null; globalThis.queueMicrotask = null",
    "delete globalThis.JSON; delete globalThis.Object",
    "Object.setPrototypeOf(Array.prototype, null)",
]


@pytest.mark.parametrize("tamper", TAMPERING)
def test_one_sources_tampering_reaches_neither_other_sources_nor_wixevents(
        site: Site, tmp_path: Path, tamper: str) -> None:
    """Another source's runs (console, a Wix API call, JSON, Date, Object.keys) and later loads all work."""
    load(site, tmp_path / "counter", COUNTER, "counter")
    load(site, tmp_path / "tamper", f"{tamper};\nexport function {EVENT}(event) {{ {tamper}; return 1; }}\n",
         "tamper")
    site.fire(EVENT)
    for n in (1, 2):
        run = site.fire(OTHER).runs[0]
        assert run.status == "ok", run.error
        assert run.value == {"n": n, "keys": ["A"], "json": [1]}
        assert [line.message for line in run.logs] == [f'counted {{"n":{n}}}']
    assert site.js_engine.evaluate("({}).isAdmin") is None
    load(site, tmp_path / "later", COUNTER.replace(OTHER, "wixBilling_onInvoiceOverdue"), "later")
    later = site.fire("wixBilling_onInvoiceOverdue").runs[0]
    assert (later.status, later.value["n"]) == ("ok", 1)


def test_each_source_keeps_its_own_polyfills(site: Site, tmp_path: Path) -> None:
    """A source that adds Array.prototype.last keeps it in its own runs; another source never sees it."""
    load(site, tmp_path / "a", "Array.prototype.last = function () { return this[this.length - 1]; };\n"
         + handler("return [1, 2, 3].last();", is_async=False), "a")
    load(site, tmp_path / "b", f"export function {OTHER}(e) {{ return typeof [].last; }}\n", "b")
    for _ in range(2):
        assert site.fire(EVENT).runs[0].value == 3
        assert site.fire(OTHER).runs[0].value == "undefined"


# -- off-heap memory ------------------------------------------------------------------------------------------------
MEMORY = {
    "ArrayBuffers kept alive, every page written": "const k = []; for (let i = 0; i < 20; i++)"
                                                  " k.push(new Uint8Array(new ArrayBuffer(100 * 2 ** 20)).fill(1));",
    "typed arrays kept alive, every page written": "const k = []; for (let i = 0; i < 20; i++)"
                                                  " k.push(new Float64Array(12.5 * 2 ** 20).fill(1));",
    "one 2 GB buffer": "return new ArrayBuffer(2 ** 31).byteLength;",
    "a typed array from an array-like": "return new Uint8Array({ length: 2 ** 31 }).length;",
    "typed array slices": "const a = new Uint8Array(64 * 2 ** 20); const k = []; for (let i = 0; i < 20; i++)"
                          " k.push(a.slice());",
    "resizable buffers": "const k = []; for (let i = 0; i < 20; i++) { const b = new ArrayBuffer(1, "
                         "{ maxByteLength: 2 ** 30 }); b.resize(100 * 2 ** 20); k.push(b); }",
    "shared buffers": "const k = []; for (let i = 0; i < 20; i++) k.push(new SharedArrayBuffer(100 * 2 ** 20));",
    "ArrayBuffer.prototype.transfer to a larger length": "const k = []; for (let i = 0; i < 20; i++)"
                                                          " k.push(new ArrayBuffer(8).transfer(100 * 2 ** 20));",
    "typed arrays made by from()": "const k = []; for (let i = 0; i < 20; i++)"
                                   " k.push(Float64Array.from({ length: 12.5 * 2 ** 20 }));",
    "WebAssembly memories": "const k = []; for (let i = 0; i < 20; i++) k.push(new WebAssembly.Memory({ initial: 1600"
                            " }));",
    "a subclass of Uint8Array": "class B extends Uint8Array {} const k = []; for (let i = 0; i < 20; i++)"
                                " k.push(new B(100 * 2 ** 20));",
}
RSS_PROBE = """
import resource, sys, tempfile, pathlib
from wixevents import Site
site = Site(timeout=20)
folder = pathlib.Path(tempfile.mkdtemp())
(folder / "events.js").write_text(sys.argv[1])
site.load_js(folder)
run = site.fire("wixBilling_onInvoicePaid").runs[0]
after = site.fire("wixBilling_onInvoiceSent").runs[0]
print(run.status, after.status, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


@pytest.mark.parametrize("body", list(MEMORY.values()), ids=list(MEMORY))
def test_off_heap_memory_cannot_take_the_process_past_the_limit(body: str) -> None:
    """2 GB of buffers under the default 128 MB limit: a RangeError row, process peak RSS well under 1 GB."""
    code = handler(body + "\nreturn 'kept';", is_async=False) + f"export function {OTHER}(e) {{ return 1; }}\n"
    out = subprocess.run([sys.executable, "-c", RSS_PROBE, code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    status, after, peak_mb = out.stdout.split()
    assert (status, after) == ("error", "ok")
    assert int(peak_mb) < 800


def test_buffers_freed_by_one_run_are_available_to_the_next(site: Site, tmp_path: Path) -> None:
    """The cap counts live buffers, not every buffer ever made: 40 runs of 64 MB each all succeed."""
    load(site, tmp_path / "h", handler("return new Uint8Array(64 * 2 ** 20).length;", is_async=False), "h")
    statuses = {site.fire(EVENT).runs[0].status for _ in range(40)}
    assert statuses == {"ok"}


# -- hostile thrown values --------------------------------------------------------------------------------------------
THROWN = {
    "getters that throw on message, name and stack": (
        "throw { get message() { throw 1; }, get name() { throw 2; }, get stack() { throw 3; } };",
        "its message cannot be read"),
    "a Proxy whose every trap throws": (
        "throw new Proxy({}, { get() { throw new Error('trap'); }, has() { throw new Error('trap'); },"
        " getPrototypeOf() { throw new Error('trap'); } });", "cannot be shown"),
    "a revoked Proxy": ("const p = Proxy.revocable({}, {}); p.revoke(); throw p.proxy;", "Error"),
    "a frozen Error": ("throw Object.freeze(new Error('frozen'));", "frozen"),
    "a Symbol": ("throw Symbol('sym');", "Symbol(sym)"),
    "null": ("throw null;", "null"),
    "undefined": ("throw undefined;", "undefined"),
    "a cyclic object": ("const a = {}; a.self = a; throw a;", "[object Object]"),
    "a BigInt": ("throw 10n ** 30n;", "1000000000000000000000000000000"),
    "a function": ("throw function boom() {};", "boom"),
    "an object whose toString throws": ("throw { toString() { throw new Error('no'); }, toJSON() { throw 1; } };",
                                        "[object Object]"),
    "an Error whose stack getter throws": (
        "const e = new Error('kept'); Object.defineProperty(e, 'stack', { get() { throw 1; } }); throw e;", "kept"),
    "an Error whose message is an object with a throwing toString": (
        "throw Object.assign(new Error(), { message: { toString() { throw 1; } } });", "Error"),
    "a rejection with a Proxy after an await": ("await null; throw new Proxy({}, { get() { throw 1; } });",
                                                "cannot be shown"),
    "a thenable whose then throws a Proxy": (
        "return { then() { throw new Proxy({}, { get() { throw 1; } }); } };", "cannot be shown"),
    "a returned object whose then getter throws": ("return { get then() { throw new Error('then'); } };", "then"),
    "a 10 MB message": ("throw new Error('x'.repeat(10 * 2 ** 20));", "xxxx"),
    "an exception from a stack overflow": ("const f = (n) => f(n + 1) + 1; f(0);", "Maximum call stack"),
}


@pytest.mark.parametrize(("body", "shown"), list(THROWN.values()), ids=list(THROWN))
def test_any_thrown_value_is_an_immediate_error_row_and_other_state_survives(
        site: Site, tmp_path: Path, body: str, shown: str) -> None:
    load(site, tmp_path / "counter", COUNTER, "counter")
    assert site.fire(OTHER).runs[0].value["n"] == 1
    run = fire_one(site, tmp_path, body)
    assert run.status == "error"  # not "timeout": the site's timeout is 3 s
    assert shown in str(run.error)
    assert site.fire(OTHER).runs[0].value["n"] == 2  # no engine restart


# -- what else a hostile user tries -----------------------------------------------------------------------------------
def test_an_endless_loop_times_out_and_the_engine_keeps_working(site: Site, tmp_path: Path) -> None:
    """A loop must be stopped: the run is a timeout, the engine restarts, the next fire works."""
    site.timeout = 0.5
    assert fire_one(site, tmp_path, "for (;;) {}", is_async=False).status == "timeout"
    site.timeout = 3
    load(site, tmp_path / "counter", COUNTER, "counter")
    assert site.fire(OTHER).runs[0].status == "ok"


def test_huge_console_output_is_capped_not_fatal(site: Site, tmp_path: Path) -> None:
    """100,000 lines and a 20 MB line: the run is ok, lines past 10,000 are counted, a long line is cut."""
    run = fire_one(site, tmp_path, "console.log('y'.repeat(20 * 2 ** 20)); for (let i = 0; i < 1e5; i++)"
                                   " console.log(i); return 'done';", is_async=False)
    assert (run.status, run.value) == ("ok", "done")
    messages = [line.message for line in run.logs]
    assert len(messages[0]) < 200_000 and "more characters" in messages[0]
    assert any("console line(s) dropped" in m for m in messages)


def test_a_rejection_after_the_run_ended_touches_no_other_run(site: Site, tmp_path: Path) -> None:
    """An un-awaited promise that rejects later and an un-awaited failing timer do not fail a later run."""
    run = fire_one(site, tmp_path, "Promise.reject(new Error('later')); (async () => { await null; throw 1; })();"
                                   " setTimeout(() => { throw new Error('cancelled'); }, 1); return 'ok';")
    assert (run.status, run.value) == ("ok", "ok")
    load(site, tmp_path / "counter", COUNTER, "counter")
    after = site.fire(OTHER).runs[0]
    assert after.status == "ok" and not any("later" in line.message for line in after.logs)


RETURNED = {
    "a cyclic object": ("const a = {}; a.self = a; return a;", "value JSON cannot hold"),
    "a Proxy that throws": ("return new Proxy({}, { ownKeys() { throw new Error('keys'); } });",
                            "value JSON cannot hold"),
    "an object whose toJSON throws": ("return { toJSON() { throw new Error('no'); } };", "value JSON cannot hold"),
    "a BigInt": ("return 2n ** 70n;", "1180591620717411303424"),
    "a Symbol": ("return Symbol('s');", None),
    "an invalid Date": ("return new Date(NaN);", None),
}


@pytest.mark.parametrize(("body", "shown"), list(RETURNED.values()), ids=list(RETURNED))
def test_any_returned_value_ends_as_an_ok_row_with_the_best_value_available(
        site: Site, tmp_path: Path, body: str, shown: str | None) -> None:
    run = fire_one(site, tmp_path, body, is_async=False)
    assert run.status == "ok"
    assert run.value is None if shown is None else shown in str(run.value)


def test_prototype_pollution_through_a_payload_does_not_reach_other_sources(site: Site, tmp_path: Path) -> None:
    """A handler merging a payload's "__proto__" into Object.prototype pollutes only its own source."""
    load(site, tmp_path / "counter", f"export function {OTHER}(e) {{ return ({{}}).polluted ?? 'clean'; }}\n",
         "counter")
    run = fire_one(site, tmp_path, "const src = JSON.parse('{\"__proto__\": {\"polluted\": \"yes\"}}');"
                                   " for (const k in src.__proto__) Object.prototype[k] = src.__proto__[k];"
                                   " return ({}).polluted;", is_async=False)
    assert run.value == "yes"
    assert site.fire(OTHER).runs[0].value == "clean"


def test_redefining_globals_non_configurably_does_not_break_the_engine(site: Site, tmp_path: Path) -> None:
    """Freezing-like moves (non-writable console, non-configurable globals) stay in their source."""
    load(site, tmp_path / "counter", COUNTER, "counter")
    run = fire_one(site, tmp_path, "Object.defineProperty(globalThis, 'console', { value: null, writable: false });"
                                   " Object.defineProperty(globalThis, 'fresh', { value: 1 }); return 1;",
                   is_async=False)
    assert run.status in ("ok", "error")
    assert site.fire(OTHER).runs[0].status == "ok"


# -- every writable built-in method, replaced -------------------------------------------------------------------
METHODS = """(() => {
  const out = [];
  for (const g of Object.getOwnPropertyNames(globalThis).sort()) {
    const v = globalThis[g];
    if (g === "globalThis" || v === null || (typeof v !== "function" && typeof v !== "object")) continue;
    for (const [obj, path] of [[v, g], [v.prototype, `${g}.prototype`]]) {
      if (obj === null || (typeof obj !== "object" && typeof obj !== "function")) continue;
      for (const k of Object.getOwnPropertyNames(obj).sort()) {
        const d = Object.getOwnPropertyDescriptor(obj, k);
        if (d && typeof d.value === "function" && d.writable) out.push(`${path}.${k}`);
      }
    }
  }
  return out;
})()"""
SAMPLED = 24  # methods tried in the default run (a fixed sample); --adversarial-full tries every one


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "method" not in metafunc.fixturenames:
        return
    from wixevents.js import JsEngine

    with JsEngine() as engine:
        methods: list[str] = engine.evaluate(METHODS)
    if not metafunc.config.getoption("--adversarial-full", default=False):
        import random

        methods = sorted(random.Random(16).sample(methods, SAMPLED))
    metafunc.parametrize("method", methods)


def test_replacing_any_built_in_method_breaks_only_its_own_source(site: Site, tmp_path: Path, method: str) -> None:
    """`<method> = a function that throws` in one source: another source's run and a later load still work."""
    tamper = f"{method} = function () {{ throw new Error('tampered'); }}"
    load(site, tmp_path / "counter", COUNTER, "counter")
    load(site, tmp_path / "tamper", f"export function {EVENT}(event) {{ {tamper}; return 1; }}\n", "tamper")
    site.fire(EVENT)  # its own run may fail; a fire never raises
    run = site.fire(OTHER).runs[0]
    assert (run.status, run.value) == ("ok", {"n": 1, "keys": ["A"], "json": [1]}), run.error
    load(site, tmp_path / "later", COUNTER.replace(OTHER, "wixBilling_onInvoiceOverdue"), "later")
    assert site.fire("wixBilling_onInvoiceOverdue").runs[0].status == "ok"
