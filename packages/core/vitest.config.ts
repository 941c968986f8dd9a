import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { packageTests } from "../../tooling/vitest.base.mjs";

// Core's own tests run the sources; #crypto and #fs resolve to the Node
// implementations here, and tests of the portable ones import them directly.
export default defineConfig({
  ...packageTests(),
  resolve: {
    alias: {
      "#crypto": fileURLToPath(new URL("./src/pipeline/crypto/node.ts", import.meta.url)),
      "#fs": fileURLToPath(new URL("./src/credentials/fs/node.ts", import.meta.url)),
    },
  },
});
