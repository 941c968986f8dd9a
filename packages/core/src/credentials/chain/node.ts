// What a client falls back on when the code gives no credentials, in the `node` build
// (Node, Deno, Bun): the default chain (environment, credentials file, ECS metadata)
// and the credentials file's settings. The portable build (chain/web.ts) carries
// neither: a browser or worker bundle has explicit credentials only.
export { defaultCredentials } from "../credential-providers.js";
export { loadProfile } from "../profile-file.js";
