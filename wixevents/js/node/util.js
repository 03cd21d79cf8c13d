// node:util for wixevents: format, inspect, promisify, isDeepStrictEqual, types.
function show(v) {
  if (typeof v === "string") return v;
  try { return JSON.stringify(v) ?? String(v); } catch (e) { return String(v); }
}

export function inspect(value) { return typeof value === "string" ? `'${value}'` : show(value); }

export function format(first, ...args) {
  if (typeof first !== "string") return [first, ...args].map(show).join(" ");
  let i = 0;
  const out = first.replace(/%[sdifjoO%]/g, (m) => {
    if (m === "%%") return "%";
    if (i >= args.length) return m;
    const v = args[i++];
    if (m === "%d" || m === "%i") return String(m === "%i" ? parseInt(v, 10) : Number(v));
    if (m === "%f") return String(parseFloat(v));
    return m === "%s" ? String(v) : show(v);
  });
  return [out, ...args.slice(i).map(show)].join(" ");
}

export function promisify(fn) {
  return (...args) => new Promise((resolve, reject) => fn(...args, (err, value) => (err ? reject(err) : resolve(value))));
}

export function isDeepStrictEqual(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => isDeepStrictEqual(a[k], b[k]));
}

export const types = { isPromise: (v) => v instanceof Promise, isDate: (v) => v instanceof Date };
export default { format, inspect, promisify, isDeepStrictEqual, types };
