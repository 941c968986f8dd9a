// The `node` export condition's entry (Node, Deno, Bun): the portable runtime, with the
// default credential chain (environment, credentials file, ECS metadata) and the
// credentials file's settings installed as the fallback of clients given no credentials.
// The build keeps "./index.js" external, so this file adds a few lines, not a second copy.
import { defaultCredentials, loadProfile, useCredentialFallback } from "./index.js";

useCredentialFallback({ defaultCredentials, loadProfile: () => loadProfile() });

export * from "./index.js";
