// wixevents prelude: evaluated once in every fresh isolate, before any user code, as the value of a
// script-scope `const` with a random name (the engine's `bridge`): it is not a property of `globalThis`,
// and handler code cannot name it. What it holds:
//   * a module registry (define / load / instantiate) that the loader's rewritten ES modules use;
//   * console.* capture into a buffer that Python drains after every step;
//   * host calls: JavaScript asks Python to run a function, and gets a Promise;
//   * timers (setTimeout, setInterval, setImmediate, queueMicrotask) on a queue that Python's call
//     driver runs, in real time, up to the run's deadline; a run's timers end with the run;
//   * a cap on off-heap memory (ArrayBuffers, typed arrays, WebAssembly memories);
//   * the call protocol: invoke(...) starts a handler, take(...) reports its state
//     (done or not, value or error, console lines, host calls waiting for Python, the next timer),
//     settle(...) resolves host calls with Python's answers, tick(...) runs one due timer.
// Console lines, host calls and timers are tagged with the call whose code made them (`current`: set by
// invoke, settle and tick, whose promise callbacks run right after them), so a call nested in another one
// that waits for Python (a data hook, a cascade) takes only its own.
//
// Tampering: everything below uses built-ins captured here, before any user code runs, and keeps its
// own records in null-prototype objects; the texts sent to Python are built by hand (JSON.stringify is
// used only on a user's own values). So user code replacing JSON, Object.keys, Array.prototype.*,
// Map.prototype.*, Date, console or Object.prototype.toJSON cannot break wixevents itself.
(function () {
  "use strict";
  const G = globalThis;
  const { apply, construct, defineProperty, getPrototypeOf } = Reflect;
  const { keys, freeze, create, getOwnPropertyNames } = Object;
  const { parse: jsonParse, stringify: jsonStringify } = JSON;
  const uncurry = (fn) => (self, ...args) => apply(fn, self, args);
  const ObjectCtor = Object, StringCtor = String, DateCtor = Date, ErrorCtor = Error, TypeErrorCtor = TypeError;
  const RangeErrorCtor = RangeError, ProxyCtor = Proxy, PromiseCtor = Promise, SymbolCtor = Symbol;
  const FinalizationRegistryCtor = FinalizationRegistry, WeakSetCtor = WeakSet;
  const promiseResolve = (v) => apply(Promise.resolve, PromiseCtor, [v]);
  const then = uncurry(Promise.prototype.then);
  const dateNow = Date.now;
  const now = () => apply(dateNow, DateCtor, []);
  const toISO = uncurry(Date.prototype.toISOString);
  const dateValue = uncurry(Date.prototype.getTime);
  const indexOf = uncurry(String.prototype.indexOf);
  const slice = uncurry(String.prototype.slice);
  const weakHas = uncurry(WeakSet.prototype.has), weakAdd = uncurry(WeakSet.prototype.add);
  const register = uncurry(FinalizationRegistry.prototype.register);
  const isArray = Array.isArray;
  const objectToString = uncurry(Object.prototype.toString);
  const AsyncFunctionProto = getPrototypeOf(async function () {});
  const AsyncGeneratorFunctionProto = getPrototypeOf(async function* () {});
  const DATE = "\u0000date";
  const MAX_LINES = 10000;
  const MAX_LINE = 100000;  // characters of one console line

  // -- small tools on captured built-ins ------------------------------------------------------------------
  function list() { return { __proto__: null, n: 0 }; }
  function copy(src, from) {  // an array of src[from..]; defineProperty, so no index setter on Array.prototype runs
    const out = [];
    for (let i = from; i < src.length; i++) {
      defineProperty(out, i - from, { value: src[i], writable: true, enumerable: true, configurable: true });
    }
    return out;
  }
  function add(l, x) { l[l.n] = x; l.n += 1; }
  function str(v) {  // String(v), or a description when that throws (a Symbol's String works; a hostile toString)
    try { return StringCtor(v); } catch (e) {
      try { return objectToString(v); } catch (e2) { return "[value that cannot be shown]"; }
    }
  }
  function quote(s) { return jsonStringify(str(s)); }  // a primitive string: JSON.stringify reads no toJSON
  function read(obj, key) {  // obj[key], or undefined when a getter or Proxy trap throws
    try { return obj[key]; } catch (e) { return undefined; }
  }

  function encode(value) {  // a user's value as JSON text; Dates marked, BigInts as text
    const text = jsonStringify(value === undefined ? null : value, function (key, v) {
      const raw = this[key];
      if (raw instanceof DateCtor) { const t = dateValue(raw); return t !== t ? null : { [DATE]: toISO(raw) }; }
      if (typeof v === "bigint") return v.toString();
      return v;
    });
    return text === undefined ? "null" : text;
  }
  function encodeSafe(value) {
    try { return encode(value); } catch (e) { return quote(`[value JSON cannot hold: ${describe(e).message}]`); }
  }

  function revive(v) {  // a loop over the parsed value is faster than a JSON.parse reviver
    if (v === null || typeof v !== "object") return v;
    if (isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = revive(v[i]);
      return v;
    }
    if (typeof v[DATE] === "string") return new DateCtor(v[DATE]);
    const names = keys(v);
    for (let i = 0; i < names.length; i++) {
      const old = v[names[i]];
      const value = revive(old);  // objects are revived in place; only dates come back new
      if (value !== old) defineProperty(v, names[i], { value, writable: true, enumerable: true, configurable: true });
    }
    return v;
  }
  function decode(text) { return revive(jsonParse(text)); }

  function clean(stack) {  // a stack without wixevents' own frames
    const text = str(stack);
    let out = "", start = 0;
    while (start <= text.length) {
      let end = indexOf(text, "\n", start);
      if (end < 0) end = text.length;
      const line = slice(text, start, end);
      if (indexOf(line, "wixevents:") < 0) out += (out ? "\n" : "") + line;
      start = end + 1;
    }
    return out;
  }

  function show(v) {  // one console argument as text, as Node would print it (roughly)
    try {
      if (typeof v === "string") return v;
      if (v instanceof ErrorCtor) { const s = read(v, "stack"); return clean(typeof s === "string" ? s : str(v)); }
      if (v instanceof DateCtor) { const t = dateValue(v); return t !== t ? "Invalid Date" : toISO(v); }
      if (typeof v === "function") return `[Function: ${str(read(v, "name")) || "(anonymous)"}]`;
      if (v === undefined || typeof v === "symbol" || typeof v === "bigint") return str(v);
      try { const j = jsonStringify(v); if (typeof j === "string") return j; } catch (e) { /* cyclic, hostile */ }
      return str(v);
    } catch (e) { return "[value that cannot be shown]"; }
  }

  function describe(e) {  // {name, message, stack} of any thrown value, however hostile; never throws
    try {
      if (e !== null && (typeof e === "object" || typeof e === "function")) {
        let has = false;
        try { has = "message" in e; } catch (x) { /* a Proxy's has trap threw */ }
        const message = has ? read(e, "message") : undefined, name = read(e, "name"), stack = read(e, "stack");
        const text = message !== undefined ? str(message) : (has ? "(its message cannot be read)" : show(e));
        return { __proto__: null, name: typeof name === "string" && name ? name : "Error", message: text,
                 stack: typeof stack === "string" ? clean(stack) : "" };
      }
      return { __proto__: null, name: "Error", message: show(e), stack: "" };
    } catch (x) {
      return { __proto__: null, name: "Error", message: "a thrown value that cannot be described", stack: "" };
    }
  }
  function errorText(d) {
    return `{"name":${quote(d.name)},"message":${quote(d.message)},"stack":${quote(d.stack)}}`;
  }

  // -- console ----------------------------------------------------------------------------------------------
  let lines = list(), dropped = 0, current = null;
  function record(level, args) {
    if (lines.n >= MAX_LINES) { dropped += 1; return; }
    let text = "";
    for (let i = 0; i < args.length; i++) text += (i ? " " : "") + show(args[i]);
    if (text.length > MAX_LINE) text = `${slice(text, 0, MAX_LINE)}... (${text.length - MAX_LINE} more characters)`;
    add(lines, { __proto__: null, level, text, call: current });
  }
  const console = {};
  const original = G.console;
  const names = original ? getOwnPropertyNames(original) : [];
  for (let i = 0; i < names.length; i++) console[names[i]] = () => undefined;
  const levels = ["log", "info", "warn", "error", "debug", "trace", "dir", "table"];
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    console[level] = function () { record(level, arguments); };
  }
  console.assert = function (condition) {
    if (condition) return;
    const args = copy(arguments, 0);
    args[0] = "Assertion failed" + (arguments.length > 1 ? ":" : "");
    record("error", args);
  };
  defineProperty(G, "console", { value: console, writable: true, enumerable: false, configurable: true });

  // -- timers -----------------------------------------------------------------------------------------------
  // Node's semantics on a queue run by Python's call driver (tick): a delay below 1 ms is 0; timers run in
  // the order they are due, then in the order they were made; immediates before timers due at the same time.
  let timers = { __proto__: null }, nextTimer = 1;
  const TIMER = SymbolCtor("wixevents.timer");
  function Timeout(id) { this[TIMER] = id; }
  Timeout.prototype = {
    constructor: Timeout,
    ref() { return this; }, unref() { return this; }, hasRef() { return true; },
    refresh() { const t = timers[this[TIMER]]; if (t) t.due = now() + t.delay; return this; },
    close() { cancel(this); return this; },
    [SymbolCtor.toPrimitive]() { return this[TIMER]; },
  };
  function schedule(fn, delay, args, repeat, immediate) {
    if (typeof fn !== "function") {
      throw new TypeErrorCtor(`The "callback" argument must be of type function. Received ${show(fn)}`);
    }
    let ms = +delay;
    if (!(ms >= 1 && ms <= 2147483647)) ms = immediate ? 0 : 1;  // Node: out of range or NaN means 1 ms
    const id = nextTimer++;
    timers[id] = { __proto__: null, fn, args, delay: ms, repeat, due: now() + (immediate ? 0 : ms),
                   immediate, owner: current };
    return new Timeout(id);
  }
  function cancel(handle) {
    let id = handle;
    if (handle !== null && typeof handle === "object") id = read(handle, TIMER);
    if (typeof id === "number" || typeof id === "string") delete timers[id];
  }
  function nextDue(callId) {  // [id of the timer of this call to run next, its due time], or null
    let best = null, bestDue = 0;
    const ids = keys(timers);
    for (let i = 0; i < ids.length; i++) {
      const t = timers[ids[i]];
      if (!mine(t.owner, callId)) continue;
      const due = t.immediate ? t.due - 0.5 : t.due;
      if (best === null || due < bestDue) { best = ids[i]; bestDue = due; }
    }
    return best === null ? null : [best, bestDue];
  }
  function tick(callId) {  // run one due timer of this call (its promise callbacks run after this script)
    const next = nextDue(callId);
    if (next === null || next[1] > now()) return "";
    const t = timers[next[0]];
    if (calls[callId]) enter(calls[callId].source);
    if (t.repeat) t.due = now() + t.delay; else delete timers[next[0]];
    current = t.owner === null ? callId : t.owner;
    try { apply(t.fn, undefined, t.args); } catch (e) { uncaught(e, current, "a timer callback"); }
    return "";
  }
  function uncaught(e, callId, where) {  // Node would crash the process: here the run fails with it
    const state = calls[callId];
    if (state && !state.done) { state.done = true; state.ok = false; state.result = describe(e); return; }
    const d = describe(e);
    add(lines, { __proto__: null, level: "error", text: `Uncaught ${d.name}: ${d.message} (in ${where})`, call: null });
  }
  function endTimers(callId) {  // the call finished: its timers end with it
    let n = 0;
    const ids = keys(timers);
    for (let i = 0; i < ids.length; i++) if (timers[ids[i]].owner === callId) { delete timers[ids[i]]; n += 1; }
    return n;
  }
  const globals = {
    setTimeout(fn, ms, ...args) { return schedule(fn, ms, args, false, false); },
    setInterval(fn, ms, ...args) { return schedule(fn, ms, args, true, false); },
    setImmediate(fn, ...args) { return schedule(fn, 0, args, false, true); },
    clearTimeout(handle) { cancel(handle); },
    clearInterval(handle) { cancel(handle); },
    clearImmediate(handle) { cancel(handle); },
    queueMicrotask(fn) {
      if (typeof fn !== "function") {
        throw new TypeErrorCtor(`The "callback" argument must be of type function. Received ${show(fn)}`);
      }
      const owner = current;
      then(promiseResolve(undefined), () => { try { fn(); } catch (e) { uncaught(e, owner, "queueMicrotask"); } });
    },
  };
  const timerNames = keys(globals);
  for (let i = 0; i < timerNames.length; i++) {  // mini-racer's own setTimeout is writable but not configurable
    if (!defineProperty(G, timerNames[i], { value: globals[timerNames[i]], writable: true, enumerable: false,
                                             configurable: true })) G[timerNames[i]] = globals[timerNames[i]];
  }
  if ("__timer_manager" in G) {  // mini-racer's timer queue, a global it cannot delete: emptied and locked
    G.__timer_manager = undefined;
    defineProperty(G, "__timer_manager", { writable: false });
  }

  // -- off-heap memory ----------------------------------------------------------------------------------------
  // ArrayBuffer contents live outside the V8 heap, which the engine's hard limit measures: every way to
  // allocate one goes through a constructor wrapped here, which counts the bytes until V8 collects the
  // buffer, and refuses (RangeError, as V8 does when allocation fails) what would pass the limit.
  let offHeap = 0, offHeapLimit = Infinity;
  const freed = new FinalizationRegistryCtor((bytes) => { offHeap -= bytes; });
  const counted = new WeakSetCtor();
  const brand = (ctor, name) => {  // a getter that throws unless its receiver is a real `ctor`
    const d = ctor && Reflect.getOwnPropertyDescriptor(ctor.prototype, name);
    return d && d.get ? (v) => { try { apply(d.get, v, []); return true; } catch (e) { return false; } } : () => false;
  };
  const isBuffer = brand(G.ArrayBuffer, "byteLength"), isShared = brand(G.SharedArrayBuffer, "byteLength");
  function reserve(bytes, what) {
    if (!(bytes > 0)) return;
    if (offHeap + bytes > offHeapLimit) {
      throw new RangeErrorCtor(`Array buffer allocation failed: ${what} of ${bytes} bytes would pass the engine's `
        + `memory limit (${offHeapLimit / 1048576} MB; ${offHeap} bytes of buffers are in use)`);
    }
  }
  function account(obj, bytes) {
    if (!(bytes > 0) || weakHas(counted, obj)) return;
    weakAdd(counted, obj);
    offHeap += bytes;
    register(freed, obj, bytes);
  }
  function cap(owner, name, size, proto) {  // replace owner[name] by a Proxy whose construct trap counts bytes
    const target = owner && owner[name];
    if (typeof target !== "function") return;
    const wrapped = new ProxyCtor(target, {
      construct(t, args, newTarget) {
        const bytes = size(args, t);
        reserve(bytes, name);
        const made = apply(construct, undefined, [t, args, newTarget === wrapped ? t : newTarget]);
        if (bytes >= 0) account(made, count(read(made, "byteLength")) || bytes);
        return made;
      },
    });
    defineProperty(owner, name, { value: wrapped, writable: true, enumerable: false, configurable: true });
    if (target.prototype) defineProperty(target.prototype, "constructor", { value: wrapped, writable: true, configurable: true });
    if (proto) proto(target.prototype);
  }
  function count(n) { const v = +n; return v > 0 ? v : 0; }
  function limitMemory(bytes) {
    offHeapLimit = bytes;
    const buffer = (args) => count(args[0]);
    cap(G, "ArrayBuffer", buffer, (p) => {
      const resize = p.resize;
      if (typeof resize === "function") {
        p.resize = function resize_(n) {
          const more = count(n) - this.byteLength;
          reserve(more, "ArrayBuffer.prototype.resize");
          apply(resize, this, [n]);
          if (more > 0) { offHeap += more; register(freed, this, more); }
        };
      }
      for (const name of ["transfer", "transferToFixedLength"]) {  // a new buffer, of any length
        const transfer = p[name];
        if (typeof transfer !== "function") continue;
        p[name] = { [name](n) {
          const bytes = n === undefined ? this.byteLength : count(n);
          reserve(bytes - this.byteLength, `ArrayBuffer.prototype.${name}`);
          const made = apply(transfer, this, arguments);
          account(made, bytes);
          return made;
        } }[name];
      }
    });
    cap(G, "SharedArrayBuffer", buffer, null);
    const typed = ["Uint8Array", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array",
                   "BigUint64Array", "BigInt64Array", "Uint8ClampedArray", "Float32Array", "Float64Array",
                   "Float16Array"];
    for (let i = 0; i < typed.length; i++) {
      cap(G, typed[i], (args, t) => {
        const a = args[0];
        if (a === null || a === undefined) return 0;
        if (typeof a !== "object") return count(a) * t.BYTES_PER_ELEMENT;
        if (isBuffer(a) || isShared(a)) return -1;  // a view on a buffer already counted
        return count(read(a, "length")) * t.BYTES_PER_ELEMENT;  // copies of arrays and array-likes
      }, null);
    }
    if (G.WebAssembly) {
      cap(G.WebAssembly, "Memory", (args) => count(read(args[0], "initial")) * 65536, (p) => {
        const grow = p.grow;
        p.grow = function grow_(pages) {
          const more = count(pages) * 65536;
          reserve(more, "WebAssembly.Memory.prototype.grow");
          const r = apply(grow, this, [pages]);
          offHeap += more; register(freed, this, more);
          return r;
        };
      });
    }
  }

  // -- one world of built-ins per source ----------------------------------------------------------------------
  // seal() records the built-ins as boot left them (the global object, every object it reaches in one or two
  // steps, and their prototypes). Site code runs in its source's world (module ids are "<source>/<path>"):
  // when code of another source is about to run, what the last source changed (a replaced JSON.parse, Date,
  // console.log, Array.prototype.map, a new Object.prototype.toJSON...) is put aside and the other source's
  // own changes are put back. One source never sees another's tampering; each keeps its own polyfills.
  const tracked = [];
  const worlds = { __proto__: null };
  let world = null;
  const getDescriptor = Reflect.getOwnPropertyDescriptor, ownKeys = Reflect.ownKeys, deleteProperty = Reflect.deleteProperty;
  const setPrototypeOf = Reflect.setPrototypeOf;
  function seal() {
    const seen = new WeakSetCtor();
    const visit = (obj, depth) => {
      if (obj === null || (typeof obj !== "object" && typeof obj !== "function") || weakHas(seen, obj)) return;
      weakAdd(seen, obj);
      const snap = { __proto__: null };
      const ks = ownKeys(obj);
      for (let i = 0; i < ks.length; i++) snap[ks[i]] = getDescriptor(obj, ks[i]);
      const vals = [], gets = [];  // per key: its value, or (an accessor) its getter and `accessor` in vals
      for (let i = 0; i < ks.length; i++) {
        const d = snap[ks[i]];
        vals[i] = "value" in d ? d.value : accessor;
        gets[i] = "value" in d ? undefined : d;
      }
      tracked[tracked.length] = { __proto__: null, obj, snap, keys: ks, vals, gets, proto: getPrototypeOf(obj) };
      visit(getPrototypeOf(obj), 0);
      if (typeof obj === "function" && snap.prototype && "value" in snap.prototype) visit(snap.prototype.value, 0);
      if (depth <= 0) return;
      for (let i = 0; i < ks.length; i++) {
        const d = snap[ks[i]];
        if (d && "value" in d) visit(d.value, depth - 1);
      }
    };
    visit(G, 1);  // the globals, the constructors, namespaces and prototypes they hold (not Intl.X.prototype...)
    const extra = [function* () {}, async function* () {}, [][Symbol.iterator](), new Map()[Symbol.iterator](),
                   new Set()[Symbol.iterator](), ""[Symbol.iterator](), /x/[Symbol.matchAll]("")];
    for (let i = 0; i < extra.length; i++) visit(getPrototypeOf(extra[i]), 1);
  }
  function same(a, b) {
    return a.value === b.value || (a.value !== a.value && b.value !== b.value) ? a.get === b.get && a.set === b.set
      && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable : false;
  }
  const accessor = SymbolCtor("accessor");
  function untouched(t) {  // the fast check: same prototype, same number of keys, same values and accessors
    const obj = t.obj, ks = t.keys, vals = t.vals;
    if (getPrototypeOf(obj) !== t.proto || ownKeys(obj).length !== ks.length) return false;
    try {
      for (let k = 0; k < ks.length; k++) {
        const old = vals[k];
        if (old === accessor) {
          const d = getDescriptor(obj, ks[k]), was = t.gets[k];
          if (!d || d.get !== was.get || d.set !== was.set) return false;
        } else {
          const v = obj[ks[k]];  // a getter site code put here runs in its own world; if it throws: changed
          if (v !== old && (v === v || old === old)) return false;
        }
      }
    } catch (e) { return false; }
    return true;
  }
  function changes() {  // what site code changed since seal(): [[entry, key, descriptor or null (deleted)]...]
    const out = list();
    for (let i = 0; i < tracked.length; i++) {
      const t = tracked[i];
      if (untouched(t)) continue;
      const ks = ownKeys(t.obj);
      let changed = false;
      for (let k = 0; k < ks.length; k++) {
        const d = getDescriptor(t.obj, ks[k]), old = t.snap[ks[k]];
        if (!old || !same(d, old)) { add(out, { __proto__: null, t, key: ks[k], d }); changed = true; }
      }
      if (ks.length !== t.keys.length || changed) {
        for (let k = 0; k < t.keys.length; k++) {
          if (!getDescriptor(t.obj, t.keys[k])) add(out, { __proto__: null, t, key: t.keys[k], d: null });
        }
      }
      if (getPrototypeOf(t.obj) !== t.proto) add(out, { __proto__: null, t, key: null, d: getPrototypeOf(t.obj) });
    }
    return out;
  }
  function enter(source) {  // make `source`'s world the current one; never throws
    if (source === world || !tracked.length) return;
    try { swap(source); } catch (e) { world = source; }
  }
  function swap(source) {
    const made = changes();
    if (world !== null) worlds[world] = made;
    for (let i = 0; i < made.n; i++) {  // back to the sealed state
      const t = made[i].t, key = made[i].key;
      if (key === null) { setPrototypeOf(t.obj, t.proto); continue; }
      const old = t.snap[key];
      if (old) defineProperty(t.obj, key, old); else deleteProperty(t.obj, key);
    }
    const mine = worlds[source] || list();
    for (let i = 0; i < mine.n; i++) {
      const t = mine[i].t, key = mine[i].key, d = mine[i].d;
      if (key === null) setPrototypeOf(t.obj, d);
      else if (d) defineProperty(t.obj, key, d); else deleteProperty(t.obj, key);
    }
    world = source;
  }
  function sourceOf(id) { const i = indexOf(id, "/"); return i < 0 ? id : slice(id, 0, i); }

  // -- modules ----------------------------------------------------------------------------------------------
  const modules = { __proto__: null };
  function define(id, factory, trusted) {
    modules[id] = { __proto__: null, factory, ns: null, trusted: trusted !== false };
  }
  function exported(ns, getters) {
    const names = keys(getters);
    for (let i = 0; i < names.length; i++) {
      defineProperty(ns, names[i], { get: getters[names[i]], enumerable: true, configurable: true });
    }
  }
  function reexport(ns, from) {
    const names = keys(from);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (name !== "default" && !(name in ns)) exported(ns, { __proto__: null, [name]: () => from[name] });
    }
  }
  function load(id) {
    const m = modules[id];
    if (!m) throw new ErrorCtor(`module '${id}' is not loaded`);
    if (m.ns) return m.ns;
    m.ns = create(null);
    try {
      apply(m.factory, undefined, [m.trusted ? load : userLoad, m.ns, m.trusted ? bridge : userBridge]);
    } catch (e) { m.ns = null; throw e; }
    return m.ns;
  }
  function userLoad(id) {  // what site code's modules get: never wixevents' internal modules
    if (typeof id !== "string" || slice(id, 0, 10) === "wixevents:") throw new ErrorCtor(`module '${str(id)}' is not loaded`);
    return load(id);
  }
  function get(ns, name, spec, where) {
    if (!(name in ns)) throw new SyntaxError(`${where}: the module '${spec}' does not provide an export named '${name}'`);
    return ns[name];
  }

  function placeholder(name) {
    const stub = (path) => new ProxyCtor(function () {}, {
      get: (t, key) => (typeof key === "symbol" || key === "then" ? undefined : stub(`${path}.${str(key)}`)),
      apply: () => { throw new ErrorCtor(`${path}() is not available yet: wixevents does not simulate '${name}' for JavaScript handlers yet`); },
      construct: () => { throw new ErrorCtor(`new ${path}() is not available yet in wixevents`); },
    });
    const ns = new ProxyCtor(create(null), {
      get: (t, key) => (typeof key === "symbol" || key === "then" ? undefined : stub(key === "default" ? name : `${name}.${str(key)}`)),
      has: () => true,
    });
    modules[name] = { __proto__: null, factory: null, ns, trusted: true };
  }

  // -- host calls -------------------------------------------------------------------------------------------
  const pending = { __proto__: null };
  let requests = list(), nextHostId = 1;
  function host(name, args) {
    const id = nextHostId++;
    const given = copy(args, 0);
    return new PromiseCtor((resolve, reject) => {
      pending[id] = { __proto__: null, resolve, reject };
      add(requests, { __proto__: null, id, name: str(name), args: given, call: current });
    });
  }
  define("wixevents:host", (_, ns) => exported(ns, { call: () => (name, ...args) => host(name, args) }));

  function settle(text, callId) {
    current = callId === undefined ? null : callId;
    if (calls[callId]) enter(calls[callId].source);
    const answers = decode(text);
    for (let i = 0; i < answers.length; i++) {
      const id = answers[i][0], ok = answers[i][1], value = answers[i][2];
      const p = pending[id];
      if (!p) continue;
      delete pending[id];
      if (ok) { p.resolve(value); continue; }
      const error = new ErrorCtor(value.message);
      const props = value.props || {};
      const names = keys(props);
      for (let k = 0; k < names.length; k++) {
        defineProperty(error, names[k], { value: props[names[k]], writable: true, enumerable: true, configurable: true });
      }
      p.reject(error);
    }
  }

  // -- the call protocol ------------------------------------------------------------------------------------
  const calls = { __proto__: null };
  function instantiate(id) {
    let exports = "";
    try {
      enter(sourceOf(id));
      const ns = load(id);
      const names = keys(ns);
      for (let i = 0; i < names.length; i++) {
        const v = ns[names[i]];
        let async = false;
        if (typeof v === "function") {
          const p = getPrototypeOf(v);
          async = p === AsyncFunctionProto || p === AsyncGeneratorFunctionProto;
        }
        exports += `${exports ? "," : ""}${quote(names[i])}:{"type":${quote(typeof v)},"async":${async}}`;
      }
      return `{"ok":true,"exports":{${exports}}}`;
    } catch (e) {
      return `{"ok":false,"error":${errorText(describe(e))}}`;
    }
  }

  function invoke(callId, id, name, argsText) {
    const state = { __proto__: null, done: false, ok: false, result: undefined, source: sourceOf(id) };
    calls[callId] = state;
    current = callId;
    enter(state.source);
    const finish = (ok, v) => {
      if (state.done) return;
      state.done = true; state.ok = ok; state.result = ok ? v : describe(v);
    };
    try {
      const fn = load(id)[name];
      if (typeof fn !== "function") throw new TypeErrorCtor(`${name} is not a function exported by ${id}`);
      const result = apply(fn, undefined, decode(argsText));
      if (result !== null && (typeof result === "object" || typeof result === "function")
          && typeof result.then === "function") {
        then(promiseResolve(result), (v) => finish(true, v), (e) => finish(false, e));
      } else {
        finish(true, result);
      }
    } catch (e) {
      finish(false, e);
    }
    return state.done ? take(callId) : "";  // finished without waiting: report now, saving a step
  }

  function follow(callId) {  // queued right after invoke: the state once its promise callbacks have run
    return calls[callId] ? take(callId) : "";
  }

  function linesText(l) {
    let out = "";
    for (let i = 0; i < l.n; i++) out += `${i ? "," : ""}[${quote(l[i].level)},${quote(l[i].text)}]`;
    return `[${out}]`;
  }

  function drain() {
    const out = `{"console":${linesText(lines)},"dropped":${dropped}}`;
    lines = list(); dropped = 0;
    return out;
  }

  function unload() {
    const ids = keys(modules);
    for (let i = 0; i < ids.length; i++) if (modules[ids[i]].factory) modules[ids[i]].ns = null;
  }

  function mine(tag, callId) {  // made by this call, or by no call still running (a stray timer)
    return tag === callId || tag === null || !calls[tag];
  }

  function split(l, callId) {  // [this call's items, the others]
    const own = list(), rest = list();
    for (let i = 0; i < l.n; i++) add(mine(l[i].call, callId) ? own : rest, l[i]);
    return [own, rest];
  }

  function take(callId) {
    const state = calls[callId] || { __proto__: null, done: true, ok: false, result: describe(new ErrorCtor("unknown call")) };
    let parts = split(lines, callId);
    const own = parts[0];
    lines = parts[1];
    parts = split(requests, callId);
    const asked = parts[0];
    requests = parts[1];
    let wanted = "";
    for (let i = 0; i < asked.n; i++) {
      wanted += `${i ? "," : ""}{"id":${asked[i].id},"name":${quote(asked[i].name)},"args":${encodeSafe(asked[i].args)}}`;
    }
    let wait = "null";
    if (state.done) {
      const ended = endTimers(callId);
      delete calls[callId];
      if (ended) {
        add(own, { __proto__: null, level: "warn", call: callId, text: `${ended} timer(s) still pending when the `
          + "handler finished were cancelled: in wixevents a run's timers (setTimeout, setInterval, setImmediate) "
          + "end with the run; await them (await new Promise(r => setTimeout(r, ms))) to let them run" });
      }
    } else {
      const next = nextDue(callId);
      if (next !== null) { const w = next[1] - now(); wait = `${w > 0 ? w : 0}`; }
    }
    let out = `{"done":${state.done},"console":${linesText(own)},"dropped":${dropped},"requests":[${wanted}],"wait":${wait}`;
    dropped = 0; current = null;
    if (state.done) {
      out += `,"ok":${state.ok},"result":${state.ok ? encodeSafe(state.result) : errorText(state.result)}`;
    }
    return `${out}}`;
  }

  function abandon(callId) {  // the run's deadline passed while it waited: report what it printed, forget it
    const state = calls[callId];
    if (state) { state.done = true; state.ok = false; state.result = describe("given up at the deadline"); }
    return take(callId);
  }

  function evaluate(fn) {  // the JSON of fn()'s value, or of what it threw (for tests and exploration)
    try { return `{"ok":true,"value":${encode(fn())}}`; } catch (e) { return `{"ok":false,"value":${errorText(describe(e))}}`; }
  }

  // What site code's module functions get as `__wixevents`: the helpers their rewritten imports and exports
  // use, nothing that reaches Python, the registry or another module's internals.
  const userBridge = freeze({ __proto__: null, get, exported, reexport });
  // What the define-code of one site module gets (engine.wrap): one registration, then nothing.
  function definer() {
    let used = false;
    return freeze({
      __proto__: null,
      define(id, factory) {
        const m = modules[id];
        if (used || typeof id !== "string" || slice(id, 0, 10) === "wixevents:" || (m && m.trusted)) {
          throw new ErrorCtor(`site code cannot define the module '${str(id)}'`);
        }
        used = true;
        define(id, factory, false);
      },
    });
  }
  const bridge = freeze({
    __proto__: null, define, load, get, exported, reexport, placeholder, instantiate, unload, invoke, follow, take,
    settle, drain, decode, tick, abandon, evaluate, limitMemory, seal, definer,
    host: (name, ...args) => host(name, args),
  });
  return bridge;
})();
//# sourceURL=wixevents:prelude
