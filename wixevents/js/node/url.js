// node:url for wixevents: URL and URLSearchParams (the engine's own when it has them, else a small parser).
class SearchParams {
  constructor(init = "") {
    this._pairs = [];
    if (typeof init === "string") {
      for (const part of init.replace(/^\?/, "").split("&").filter(Boolean)) {
        const [k, v = ""] = part.split("=");
        this._pairs.push([decodeURIComponent(k.replace(/\+/g, " ")), decodeURIComponent(v.replace(/\+/g, " "))]);
      }
    } else if (init) {
      for (const [k, v] of Array.isArray(init) ? init : Object.entries(init)) this._pairs.push([String(k), String(v)]);
    }
  }
  get(k) { const p = this._pairs.find((x) => x[0] === k); return p ? p[1] : null; }
  getAll(k) { return this._pairs.filter((x) => x[0] === k).map((x) => x[1]); }
  has(k) { return this._pairs.some((x) => x[0] === k); }
  set(k, v) { this.delete(k); this._pairs.push([k, String(v)]); }
  append(k, v) { this._pairs.push([k, String(v)]); }
  delete(k) { this._pairs = this._pairs.filter((x) => x[0] !== k); }
  entries() { return this._pairs[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
  toString() { return this._pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&"); }
}

class SimpleURL {
  constructor(href, base) {
    const text = base !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(href) ? String(base).replace(/\/[^/]*$/, "/") + String(href).replace(/^\//, "") : String(href);
    const m = /^([a-z][a-z0-9+.-]*:)\/\/([^/?#:]*)(?::(\d+))?([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(text);
    if (!m) throw new TypeError(`Invalid URL: ${href}`);
    [, this.protocol, this.hostname, this.port = "", this.pathname = "/", this.search = "", this.hash = ""] = m;
    this.pathname = this.pathname || "/";
    this.searchParams = new SearchParams(this.search);
  }
  get host() { return this.port ? `${this.hostname}:${this.port}` : this.hostname; }
  get origin() { return `${this.protocol}//${this.host}`; }
  get href() { const q = this.searchParams.toString(); return `${this.origin}${this.pathname}${q ? "?" + q : ""}${this.hash}`; }
  toString() { return this.href; }
  toJSON() { return this.href; }
}

export const URL = typeof globalThis.URL === "function" ? globalThis.URL : SimpleURL;
export const URLSearchParams = typeof globalThis.URLSearchParams === "function" ? globalThis.URLSearchParams : SearchParams;
export function parse(href) { return new URL(href); }
export default { URL, URLSearchParams, parse };
