// wixevents:wix -- what the Wix API shims are made of (site code cannot import it).
//
// Every shim function is an async function that asks Python to run the simulated function of
// the same name (`call("wix-data:insert", ...)`, see wixevents.velo.modules()), so a JavaScript
// handler and a Python one change the same state and record the same effects.
import { call } from "wixevents:host";

const HOST = Symbol.for("wixevents.host");  // { name, shape } of a shim function (tests read it)
const ELEVATES = Symbol.for("wixevents.elevates");  // a query builder's elevated twin

/** Mark query builder `fn`: elevate(fn) is `elevated`, which builds queries whose find/count run elevated. */
export function builder(fn, elevated) {
  Object.defineProperty(fn, ELEVATES, { value: elevated });
  return fn;
}

function rejected(e) {  // made here, inside an async function: V8 adds the awaiting handler's line to the stack
  const error = new Error(e !== null && typeof e === "object" && "message" in e ? e.message : String(e));
  if (e && e.code !== undefined) error.code = e.code;
  return error;
}

async function send(name, args, shape) {
  const given = Array.from(args);
  while (given.length && given[given.length - 1] === undefined) given.pop();  // as if not given
  let value;
  try { value = await call(name, ...given); } catch (e) { throw rejected(e); }
  return shape ? shape(value) : value;
}

function named(fn, name, target) {
  Object.defineProperty(fn, "name", { value: name });
  if (target) Object.defineProperty(fn, HOST, { value: target });
  return fn;
}

/** The async function that runs the simulated function `name`; `shape` turns its JSON result into JS. */
export function api(name, shape) {
  return named((...args) => send(name, args, shape), name.split(/[:.]/).pop(), { name, shape });
}

/** wix-auth's elevate: the same Wix API function, run elevated (Python's wix_auth.call_elevated). */
export function elevate(fn) {
  if (typeof fn === "function" && fn[ELEVATES]) return named((...args) => fn[ELEVATES](...args), fn.name);
  const target = typeof fn === "function" ? fn[HOST] : undefined;
  if (!target) {
    throw new TypeError(`elevate() takes a Wix API function (wixData.insert, items.insert, wixData.query...); `
      + `${typeof fn === "function" ? `'${fn.name || "(anonymous)"}' is not one` : `got ${typeof fn}`}. `
      + "Elevate the Wix API calls it makes instead.");
  }
  return named((...args) => send("wix-auth:call_elevated", [target.name, ...args], target.shape), fn.name);
}

/** `members` with a clear error for anything wixevents does not simulate (`wixData.aggregate()`...). */
export function simulated(module, members) {
  return new Proxy(members, {
    get(target, key) {
      if (typeof key === "symbol" || key in target || key === "then" || key === "toJSON") return target[key];
      return () => {
        throw new Error(`${module}.${key}() is not simulated by wixevents; it simulates `
          + `${Object.keys(target).join(", ")}.`);
      };
    },
  });
}

/** A fetch Response from Python's {url, status, statusText, ok, headers, body}. */
export function response(r) {
  let used = false;
  const read = () => { used = true; return r.body; };
  const headers = { get: (n) => r.headers[String(n).toLowerCase()] ?? null,
                    has: (n) => String(n).toLowerCase() in r.headers,
                    forEach: (f) => Object.entries(r.headers).forEach(([k, v]) => f(v, k)) };
  return {
    url: r.url, status: r.status, statusText: r.statusText, ok: r.ok, headers,
    get bodyUsed() { return used; },
    text: async () => read(),
    json: async () => {
      try { return JSON.parse(read()); } catch (e) {
        throw Object.assign(new Error(`The response from ${r.url} is not JSON (${e.message})`), { code: "INVALID_JSON" });
      }
    },
  };
}

/** `{name: api("module:path.name")}` for each name, as one simulated object (`contacts`, `members`...). */
export function apis(module, path, names) {
  return simulated(`${module}.${path}`, Object.fromEntries(names.map((n) => [n, api(`${module}:${path}.${n}`)])));
}

/** A documented Wix function of the generic tier (Python's wixevents.velo.generic.call): recorded, sample answer. */
export function documented(module, path, builders = {}) {
  if (builders[path]) {  // queryProducts(): a builder at once; find() is the recorded call (velo/generic_query.py)
    return named(() => query(module, path, builders[path], []), path.split(".").pop());
  }
  return named((...args) => send("wixevents:generic", [module, path, ...args]), path.split(".").pop(),
               { name: `${module}:${path}` });
}

function query(module, path, methods, steps) {
  const builder = { find: (options) => send("wixevents:generic-find", [module, path, steps, options]) };
  for (const method of methods) builder[method] = (...args) => query(module, path, methods, [...steps, [method, args]]);
  return strict(`a ${path.split(".").pop()}() query`, builder);
}

function strict(where, members) {  // unknown names throw, naming what there is and the closest
  return new Proxy(members, {
    get(target, key) {
      if (typeof key === "symbol" || key in target || key === "then" || key === "toJSON") return target[key];
      return () => {
        throw new TypeError(`${where}.${String(key)} is not a function: Wix's reference documents no such `
          + `export of ${where}; it has ${Object.keys(target).join(", ")}.`);
      };
    },
  });
}

/** A module's namespace from its table (`{fn: null, ns: [names], value: {value}}`), over `sim` (simulated members). */
export function wixModule(module, table, sim, builders = {}) {
  const out = {};
  for (const [name, spec] of Object.entries(table)) {
    const own = sim && name in sim ? sim[name] : undefined;
    if (spec === null) out[name] = own ?? documented(module, name, builders);
    else if (Array.isArray(spec)) {
      const ns = Object.fromEntries(spec.map((f) => [f, documented(module, `${name}.${f}`, builders)]));
      if (own) for (const f of Object.keys(own)) ns[f] = own[f];
      out[name] = strict(`${module}.${name}`, ns);
    } else out[name] = own ?? spec.value;
  }
  if (sim) for (const name of Object.keys(sim)) if (!(name in out) && name !== "default") out[name] = sim[name];
  return strict(module, out);
}
