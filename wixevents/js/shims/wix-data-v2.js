// wix-data.v2: `import { items } from 'wix-data.v2'`; items.insertDataItem({ dataCollectionId, dataItem }) ...
import { apis } from "wixevents:wix";

export const items = apis("wix-data.v2", "items", ["insertDataItem", "updateDataItem", "saveDataItem",
  "getDataItem", "removeDataItem"]);
export default { items };
