// wixevents:query -- wix-data's chainable query builder. It only builds a spec (the JSON form of
// Python's WixDataQuery.to_spec); find() and count() send it to Python's query_find / query_count,
// which run it with the same hooks, and record the same effect, as a Python handler's query.
import { api, elevate } from "wixevents:wix";

function plain(v) {  // Dates as Wix's ISO text, as the Python builder stores them
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

function invalid(message) {
  return Object.assign(new Error(message), { code: "INVALID_ARGUMENT" });
}

const count = (n, low) => Number.isInteger(n) && n >= low;

export class WixDataQuery {
  constructor(names, collectionName, state) {
    if (typeof collectionName !== "string" || !collectionName) {
      throw Object.assign(new Error(`Collection name must be a string, got ${collectionName}.`), { code: "WDE0001" });
    }
    Object.defineProperty(this, "_names", { value: names });
    this.collectionName = collectionName;
    Object.defineProperty(this, "_s", { value: state || { conditions: [], order: [], skip: 0, limit: 50, fields: [] } });
  }

  _with(change) { return new WixDataQuery(this._names, this.collectionName, { ...this._s, ...change }); }
  _where(...condition) { return this._with({ conditions: [...this._s.conditions, plain(condition)] }); }
  _condition() { return ["and", this._s.conditions]; }
  _same(q) {
    if (!(q instanceof WixDataQuery) || q.collectionName !== this.collectionName) {
      throw invalid(`and/or/not need a query of the same collection ('${this.collectionName}').`);
    }
    return q;
  }

  eq(p, v) { return this._where("eq", p, v); }
  ne(p, v) { return this._where("ne", p, v); }
  gt(p, v) { return this._where("gt", p, v); }
  ge(p, v) { return this._where("ge", p, v); }
  lt(p, v) { return this._where("lt", p, v); }
  le(p, v) { return this._where("le", p, v); }
  between(p, start, end) { return this._where("between", p, [start, end]); }
  contains(p, s) { return this._where("contains", p, s); }
  startsWith(p, s) { return this._where("startsWith", p, s); }
  endsWith(p, s) { return this._where("endsWith", p, s); }
  hasSome(p, ...v) { return this._where("hasSome", p, v.length === 1 && Array.isArray(v[0]) ? v[0] : v); }
  hasAll(p, ...v) { return this._where("hasAll", p, v.length === 1 && Array.isArray(v[0]) ? v[0] : v); }
  isEmpty(p) { return this._where("isEmpty", p); }
  isNotEmpty(p) { return this._where("isNotEmpty", p); }
  and(q) { return this._with({ conditions: [["and", [this._condition(), this._same(q)._condition()]]] }); }
  or(q) { return this._with({ conditions: [["or", [this._condition(), this._same(q)._condition()]]] }); }
  not(q) { return this._with({ conditions: [...this._s.conditions, ["not", this._same(q)._condition()]] }); }
  ascending(...p) { return this._with({ order: [...this._s.order, ...p.map((f) => [f, "asc"])] }); }
  descending(...p) { return this._with({ order: [...this._s.order, ...p.map((f) => [f, "desc"])] }); }
  fields(...p) { return this._with({ fields: [...this._s.fields, ...p] }); }
  limit(n) {
    if (!count(n, 1) || n > 1000) throw invalid(`limit must be a whole number from 1 to 1000, got ${n}.`);
    return this._with({ limit: n });
  }
  skip(n) {
    if (!count(n, 0)) throw invalid(`skip must be a whole number of at least 0, got ${n}.`);
    return this._with({ skip: n });
  }

  toSpec() {
    const s = this._s;
    return { collectionName: this.collectionName, filter: this._condition(), sort: s.order, skip: s.skip,
             limit: s.limit, fields: s.fields };
  }
  _run(name, shape) { const call = api(name, shape); return this._names.elevated ? elevate(call) : call; }
  find(options) { return this._run(this._names.find, (r) => page(this, r, options))(this.toSpec(), options); }
  count(options) { return this._run(this._names.count)(this.toSpec(), options); }
}

function page(query, r, options) {  // Python's WixDataQueryResult.to_dict, with its methods back
  const { skip, limit } = query._s;
  const total = r.totalCount ?? r.totalPages * r.pageSize;
  const again = { ...(options ?? {}) };  // next() and prev() pass the options on as an object, as Python's do
  return { ...r, query, hasNext: () => skip + limit < total, hasPrev: () => skip > 0,
           next: () => query.skip(skip + limit).find(again), prev: () => query.skip(Math.max(0, skip - limit)).find(again) };
}
