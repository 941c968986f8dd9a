import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { packageTests } from "../../tooling/vitest.base.mjs";

// Core's own tests run the sources; #crypto resolves to the Node implementation
// here, and tests of the WebCrypto one import it directly.
export default defineConfig({
  ...packageTests(),
  resolve: { alias: { "#crypto": fileURLToPath(new URL("./src/crypto/node.ts", import.meta.url)) } },
});
