// wix-auth: `import { elevate } from 'wix-auth'`; elevate(wixData.truncate)("Drafts") runs the call elevated.
import { elevate } from "wixevents:wix";

export { elevate };
export default { elevate };
