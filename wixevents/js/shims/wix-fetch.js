// wix-fetch: `import { fetch } from 'wix-fetch'`; answered by site.http stubs, never the network.
import { api, response } from "wixevents:wix";

export const fetch = api("wix-fetch:fetch", response);
export const getJSON = api("wix-fetch:getJSON");
export default { fetch, getJSON };
