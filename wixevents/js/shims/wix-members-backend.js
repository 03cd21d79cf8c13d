// wix-members-backend: `import { members, authentication } from 'wix-members-backend'`.
import { apis } from "wixevents:wix";

export const members = apis("wix-members-backend", "members", ["getMember", "updateMember", "deleteMember"]);
export const authentication = apis("wix-members-backend", "authentication", ["approveByEmail", "blockByEmail"]);
export default { members, authentication };
