// wix-crm-backend: `import { contacts, triggeredEmails } from 'wix-crm-backend'`.
import { apis } from "wixevents:wix";

export const contacts = apis("wix-crm-backend", "contacts", ["appendOrCreateContact", "createContact",
  "findOrCreateLabel", "getContact", "labelContact", "unlabelContact", "updateContact"]);
export const triggeredEmails = apis("wix-crm-backend", "triggeredEmails", ["emailContact", "emailMember"]);
export default { contacts, triggeredEmails };
