// @wix/crm: `import { contacts, triggeredEmails } from '@wix/crm'`, as in wix-crm-backend (recorded under that name).
export { contacts, triggeredEmails } from "wixevents:sim/wix-crm-backend";
