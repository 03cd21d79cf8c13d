// @wix/data: `import { items } from '@wix/data'`; same collections as wix-data, recorded as items.insert...
import { api, builder, simulated } from "wixevents:wix";
import { WixDataQuery } from "wixevents:query";

const fn = (name) => api(`@wix/data:items.${name}`);
const queries = { find: "@wix/data:items.query_find", count: "@wix/data:items.query_count" };

export const items = simulated("@wix/data.items", {
  insert: fn("insert"), update: fn("update"), save: fn("save"), get: fn("get"), remove: fn("remove"),
  bulkInsert: fn("bulkInsert"), truncate: fn("truncate"),
  query: builder((dataCollectionId) => new WixDataQuery(queries, dataCollectionId),
                 (dataCollectionId) => new WixDataQuery({ ...queries, elevated: true }, dataCollectionId)),
});
export default { items };
