// wix-crm-backend: `import { contacts, triggeredEmails, notifications } from 'wix-crm-backend'`.
import { apis, builder, simulated } from "wixevents:wix";
import { WixDataQuery } from "wixevents:query";

const queries = { find: "wix-crm-backend:contacts.query_find", count: "wix-crm-backend:contacts.query_count" };
const calls = apis("wix-crm-backend", "contacts", ["appendOrCreateContact", "createContact", "findOrCreateLabel",
  "getContact", "labelContact", "unlabelContact", "updateContact"]);
export const contacts = simulated("wix-crm-backend.contacts", {
  ...Object.fromEntries(Object.keys(calls).map((k) => [k, calls[k]])),
  queryContacts: builder(() => new WixDataQuery(queries, "Contacts"),
                         () => new WixDataQuery({ ...queries, elevated: true }, "Contacts")),
});
export const triggeredEmails = apis("wix-crm-backend", "triggeredEmails", ["emailContact", "emailMember"]);
export const notifications = apis("wix-crm-backend", "notifications", ["notify"]);
export default { contacts, triggeredEmails, notifications };
