// The portable build's fallback (browsers, workers): no credentials file and no ECS
// metadata service, so no default chain: only the environment where the runtime has
// one (a worker with Node compatibility). Explicit credentials are the way here. The
// tsup config puts this file in place of chain/node.ts in dist/index.*; the `node`
// entry (src/node.ts) hands it the full chain, so Node loads the runtime once.
import type { CredentialProvider } from "../credentials.js";
import { fromEnv } from "../credential-providers.js";
import type { ProfileLookup } from "../profile-file.js";

/**
 * What a client falls back on when it is given no credentials, and where the credentials file's settings come from.
 *
 * @example
 * const fallback: CredentialFallback = { defaultCredentials, loadProfile: () => loadProfile() };
 */
export interface CredentialFallback {
  /** The provider used when `credentials` is left out. */
  defaultCredentials(): CredentialProvider;
  /** The credentials file's `[basic]` section (region, project, IAM endpoint). */
  loadProfile(): ProfileLookup;
}

let fallback: CredentialFallback | undefined;

/**
 * Installs the fallback of clients created from now on: what the `node` build of
 * `@ws/core` does with the default chain when it loads. Not needed in applications.
 *
 * @example
 * useCredentialFallback({ defaultCredentials, loadProfile });
 */
export function useCredentialFallback(chain: CredentialFallback): void {
  fallback = chain;
}

export function defaultCredentials(): CredentialProvider {
  return fallback ? fallback.defaultCredentials() : fromEnv();
}

export function loadProfile(): ProfileLookup {
  return fallback ? fallback.loadProfile() : { path: undefined, missing: "no file system in this runtime" };
}
