// wix-data: `import wixData from 'wix-data'` or `import { insert, query } from 'wix-data'`.
import { api, builder, simulated } from "wixevents:wix";
import { WixDataQuery } from "wixevents:query";

const fn = (name) => api(`wix-data:${name}`);
const queries = { find: "wix-data:query_find", count: "wix-data:query_count" };

export const insert = fn("insert");
export const update = fn("update");
export const save = fn("save");
export const get = fn("get");
export const remove = fn("remove");
export const bulkInsert = fn("bulkInsert");
export const truncate = fn("truncate");
export const query = builder(function query(collectionId) { return new WixDataQuery(queries, collectionId); },
  (collectionId) => new WixDataQuery({ ...queries, elevated: true }, collectionId));
export default simulated("wix-data", { insert, update, save, get, remove, bulkInsert, truncate, query });
