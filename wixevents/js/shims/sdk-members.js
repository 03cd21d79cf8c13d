// @wix/members: `import { members, authentication } from '@wix/members'`, as in wix-members-backend.
export { members, authentication } from "wix-members-backend";
