// wix-members-backend: `import { members, authentication, currentMember, authorization } from 'wix-members-backend'`.
import { apis } from "wixevents:wix";

export const members = apis("wix-members-backend", "members", ["getMember", "updateMember", "deleteMember"]);
export const authentication = apis("wix-members-backend", "authentication", ["approveByEmail", "blockByEmail"]);
export const currentMember = apis("wix-members-backend", "currentMember", ["getMember", "getRoles"]);
export const authorization = apis("wix-members-backend", "authorization", ["assignRole", "removeRole"]);
export default { members, authentication, currentMember, authorization };
