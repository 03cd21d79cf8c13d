// wix-secrets-backend.v2: `secrets.getSecretValue(name)`, as @wix/secrets (values from site.secrets).
export { secrets } from "@wix/secrets";
