// The portable build's fallback (browsers, workers): no credentials file and no ECS
// metadata service, so no default chain: only the environment where the runtime has
// one (a worker with Node compatibility). Explicit credentials are the way here. The
// tsup config puts this file in place of chain/node.ts in dist/index.*.
import type { CredentialProvider } from "../credentials.js";
import { fromEnv } from "../credential-providers.js";
import type { ProfileLookup } from "../profile-file.js";

export function defaultCredentials(): CredentialProvider {
  return fromEnv();
}

export function loadProfile(): ProfileLookup {
  return { path: undefined, missing: "no file system in this runtime" };
}
