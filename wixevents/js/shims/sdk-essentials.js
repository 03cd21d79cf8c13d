// @wix/essentials: `auth.elevate(items.insert)`, wix-auth's elevate.
import { elevate, simulated } from "wixevents:wix";

export const auth = simulated("@wix/essentials.auth", { elevate });
