// @wix/secrets: `const { value } = await secrets.getSecretValue(name)`, read through wix-secrets-backend.
import { simulated } from "wixevents:wix";
import { getSecret } from "wix-secrets-backend";

export const secrets = simulated("@wix/secrets.secrets", {
  getSecretValue: async (name) => ({ value: await getSecret(name) }),
});
