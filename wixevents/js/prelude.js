// wixevents prelude: evaluated once in every fresh isolate, before any user code.
//
// It installs the only global wixevents adds, the frozen object `__wixevents`:
//   * a module registry (define / load / instantiate) that the loader's rewritten ES modules use;
//   * console.* capture into a buffer that Python drains after every step;
//   * host calls: JavaScript asks Python to run a function, and gets a Promise;
//   * the call protocol: invoke(...) starts a handler, take(...) reports its state
//     (done or not, value or error, console lines, host calls waiting for Python),
//     settle(...) resolves host calls with Python's answers.
// Console lines and host calls are tagged with the call whose code made them (`current`: set by
// invoke and settle, whose promise callbacks run right after them, and restored in timer callbacks),
// so a call nested in another one that waits for Python (a data hook, a cascade) takes only its own.
// Every value crossing to Python is JSON text; Dates travel as {"\u0000date": ISO} and
// come back as Dates, so nothing here depends on mini-racer's object proxies.
(function () {
  "use strict";
  const DATE = "\u0000date";
  const modules = new Map();
  const calls = new Map();
  const pending = new Map();
  let requests = [];
  let lines = [];
  let dropped = 0;
  let nextHostId = 1;
  let current = null;
  const MAX_LINES = 10000;

  function encode(value) {
    return JSON.stringify(value === undefined ? null : value, function (key, v) {
      const raw = this[key];
      if (raw instanceof Date) return isNaN(raw) ? null : { [DATE]: raw.toISOString() };
      if (typeof v === "bigint") return v.toString();
      return v;
    });
  }

  function revive(v) {  // a loop over the parsed value is faster than a JSON.parse reviver
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = revive(v[i]);
      return v;
    }
    if (typeof v[DATE] === "string") return new Date(v[DATE]);
    for (const key of Object.keys(v)) {
      const old = v[key];
      const value = revive(old);  // objects are revived in place; only dates come back new
      if (value !== old) Object.defineProperty(v, key, { value, writable: true, enumerable: true, configurable: true });
    }
    return v;
  }

  function decode(text) {
    return revive(JSON.parse(text));
  }

  function clean(stack) {
    return String(stack).split("\n").filter((l) => !l.includes("wixevents:")).join("\n");
  }

  function show(v) {
    if (typeof v === "string") return v;
    if (v instanceof Error) return clean(v.stack || String(v));
    if (v instanceof Date) return isNaN(v) ? "Invalid Date" : v.toISOString();
    if (v === undefined || typeof v === "function" || typeof v === "symbol" || typeof v === "bigint") {
      return typeof v === "function" ? `[Function: ${v.name || "(anonymous)"}]` : String(v);
    }
    try { return JSON.stringify(v) ?? String(v); } catch (e) { return String(v); }
  }

  function record(level, args) {
    if (lines.length >= MAX_LINES) { dropped += 1; return; }
    lines.push([level, Array.from(args, show).join(" "), current]);
  }

  const console = {};
  for (const key of Object.getOwnPropertyNames(globalThis.console)) console[key] = () => undefined;
  for (const level of ["log", "info", "warn", "error", "debug", "trace", "dir", "table"]) {
    console[level] = function () { record(level, arguments); };
  }
  console.assert = function (condition, ...rest) {
    if (!condition) record("error", ["Assertion failed" + (rest.length ? ":" : ""), ...rest]);
  };
  Object.defineProperty(globalThis, "console", { value: console, writable: true, configurable: true });

  const schedule = globalThis.setTimeout;
  if (typeof schedule === "function") {
    globalThis.setTimeout = function setTimeout(fn, ms, ...args) {
      if (typeof fn !== "function") return schedule(fn, ms, ...args);
      const owner = current;
      return schedule(function () { current = owner; return fn.apply(this, args); }, ms);
    };
  }

  function describe(e) {
    if (e !== null && typeof e === "object" && "message" in e) {
      return { name: String(e.name || "Error"), message: String(e.message), stack: clean(e.stack || "") };
    }
    return { name: "Error", message: show(e), stack: "" };
  }

  function define(id, factory) {
    modules.set(id, { factory, ns: null });
  }

  function exported(ns, getters) {
    for (const name of Object.keys(getters)) {
      Object.defineProperty(ns, name, { get: getters[name], enumerable: true, configurable: true });
    }
  }

  function reexport(ns, from) {
    for (const name of Object.keys(from)) {
      if (name !== "default" && !(name in ns)) exported(ns, { [name]: () => from[name] });
    }
  }

  function load(id) {
    const m = modules.get(id);
    if (!m) throw new Error(`module '${id}' is not loaded`);
    if (m.ns) return m.ns;
    m.ns = Object.create(null);
    try { m.factory.call(undefined, load, m.ns); } catch (e) { m.ns = null; throw e; }
    return m.ns;
  }

  function get(ns, name, spec, where) {
    if (!(name in ns)) throw new SyntaxError(`${where}: the module '${spec}' does not provide an export named '${name}'`);
    return ns[name];
  }

  function placeholder(name) {
    const stub = (path) => new Proxy(function () {}, {
      get: (t, key) => (typeof key === "symbol" || key === "then" ? undefined : stub(`${path}.${String(key)}`)),
      apply: () => { throw new Error(`${path}() is not available yet: wixevents does not simulate '${name}' for JavaScript handlers yet`); },
      construct: () => { throw new Error(`new ${path}() is not available yet in wixevents`); },
    });
    const ns = new Proxy(Object.create(null), {
      get: (t, key) => (typeof key === "symbol" || key === "then" ? undefined : stub(key === "default" ? name : `${name}.${String(key)}`)),
      has: () => true,
    });
    modules.set(name, { factory: null, ns });
  }

  function host(name, args) {
    const id = nextHostId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      requests.push({ id, name, args: Array.from(args), call: current });
    });
  }
  define("wixevents:host", (_, ns) => exported(ns, { call: () => (name, ...args) => host(name, args) }));

  function settle(text, callId) {
    current = callId === undefined ? null : callId;
    for (const [id, ok, value] of decode(text)) {
      const p = pending.get(id);
      if (!p) continue;
      pending.delete(id);
      if (ok) p.resolve(value);
      else p.reject(Object.assign(new Error(value.message), value.props || {}));
    }
  }

  function instantiate(id) {
    try {
      const ns = load(id);
      const exports = {};
      for (const name of Object.keys(ns)) {
        const v = ns[name];
        const ctor = typeof v === "function" && v.constructor ? v.constructor.name : "";
        exports[name] = { type: typeof v, async: ctor === "AsyncFunction" || ctor === "AsyncGeneratorFunction" };
      }
      return encode({ ok: true, exports });
    } catch (e) {
      return encode({ ok: false, error: describe(e) });
    }
  }

  function invoke(callId, id, name, argsText) {
    const state = { done: false };
    calls.set(callId, state);
    current = callId;
    const finish = (ok, v) => { state.done = true; state.ok = ok; state.result = v; };
    try {
      const fn = load(id)[name];
      if (typeof fn !== "function") throw new TypeError(`${name} is not a function exported by ${id}`);
      const result = fn.apply(undefined, decode(argsText));
      if (result !== null && typeof result === "object" && typeof result.then === "function") {
        Promise.resolve(result).then((v) => finish(true, v), (e) => finish(false, describe(e)));
      } else {
        finish(true, result);
      }
    } catch (e) {
      finish(false, describe(e));
    }
    return state.done ? take(callId) : "";  // finished without waiting: report now, saving a step
  }

  function follow(callId) {  // queued right after invoke: the state once its promise callbacks have run
    return calls.has(callId) ? take(callId) : "";
  }

  function drain() {
    const out = { console: lines.map((l) => [l[0], l[1]]), dropped };
    lines = []; dropped = 0;
    return encode(out);
  }

  function unload() {
    for (const m of modules.values()) if (m.factory) m.ns = null;
  }

  function mine(tag, callId) {  // made by this call, or by no call still running (a stray timer)
    return tag === callId || !calls.has(tag);
  }

  function take(callId) {
    const state = calls.get(callId) || { done: true, ok: false, result: describe(new Error("unknown call")) };
    const own = lines.filter((l) => mine(l[2], callId));
    const asked = requests.filter((r) => mine(r.call, callId));
    const out = { done: state.done, console: own.map((l) => [l[0], l[1]]), dropped, requests: asked };
    lines = lines.length === own.length ? [] : lines.filter((l) => !mine(l[2], callId));
    requests = requests.length === asked.length ? [] : requests.filter((r) => !mine(r.call, callId));
    dropped = 0; current = null;
    if (state.done) {
      calls.delete(callId);
      out.ok = state.ok;
      out.result = state.result;
    }
    try { return encode(out); } catch (e) {
      out.result = `[value JSON cannot hold: ${e.message}]`;
      return encode(out);
    }
  }

  Object.defineProperty(globalThis, "__wixevents", {
    value: Object.freeze({
      define, load, get, exported, reexport, placeholder, instantiate, unload, invoke, follow, take, settle, drain,
      decode,
    }),
  });
})();
//# sourceURL=wixevents:prelude
