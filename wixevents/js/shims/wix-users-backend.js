// wix-users-backend (legacy): `import wixUsersBackend from 'wix-users-backend'`, on the site's members.
import { api, apis } from "wixevents:wix";

const fn = (name) => api(`wix-users-backend:${name}`);
export const getUser = fn("getUser");
export const updateUserFields = fn("updateUserFields");
export const deleteUser = fn("deleteUser");
export const approveByEmail = fn("approveByEmail");
export const blockByEmail = fn("blockByEmail");
export const emailUser = fn("emailUser");
export const roles = apis("wix-users-backend", "roles", ["assignRole", "removeRole"]);
export default { getUser, updateUserFields, deleteUser, approveByEmail, blockByEmail, emailUser, roles };
