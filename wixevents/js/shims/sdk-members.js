// @wix/members: `import { members, authentication } from '@wix/members'`, as in wix-members-backend.
export { members, authentication, currentMember, authorization } from "wixevents:sim/wix-members-backend";
