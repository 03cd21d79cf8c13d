// wix-secrets-backend: `import { getSecret } from 'wix-secrets-backend'`; values come from site.secrets.
import { api } from "wixevents:wix";

export const getSecret = api("wix-secrets-backend:getSecret");
export default { getSecret };
