// @wix/secrets: `const { value } = await secrets.getSecretValue(name)`, read through wix-secrets-backend.
// Wix documents `elevate(secrets.getSecretValue)`: its elevated twin is Python's secrets.getSecretValue run
// elevated (wix_auth.call_elevated), so both languages record the same effects.
import { api, builder, elevate, simulated } from "wixevents:wix";
import { getSecret } from "wix-secrets-backend";

async function getSecretValue(name) { return { value: await getSecret(name) }; }

export const secrets = simulated("@wix/secrets.secrets", {
  getSecretValue: builder(getSecretValue, elevate(api("@wix/secrets:secrets.getSecretValue"))),
});
