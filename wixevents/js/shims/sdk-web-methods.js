// @wix/web-methods: the SDK spelling of wix-web-module (`webMethod`, `Permissions`).
export { webMethod, Permissions } from "wixevents:sim/wix-web-module";
