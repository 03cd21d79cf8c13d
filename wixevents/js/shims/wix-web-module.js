// wix-web-module: `export const f = webMethod(Permissions.Anyone, async (x) => ...)` exports f itself
// (Python's wixevents.velo.wix_web_module): a backend event handler calls it as a plain function.
export const Permissions = Object.freeze({ Anyone: "anyone", Admin: "admin", SiteMember: "site-member" });

export function webMethod(permissions, fn, options) {
  if (typeof fn !== "function") {
    throw new TypeError(`webMethod(permissions, function) needs a function second, got ${typeof fn}`);
  }
  return fn;
}
export default { Permissions, webMethod };
