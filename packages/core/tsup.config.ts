import { defineConfig } from "tsup";
import { packageBuild } from "../../tooling/tsup.base.mjs";

// The two hashing implementations are separate files that `#crypto` (package.json
// "imports") picks between by export condition, and so are the two file-access
// ones behind `#fs` (node:fs for the credentials file, or none): they stay
// external to the bundle.
export default defineConfig(
  packageBuild({
    entry: { index: "src/index.ts", "crypto/node": "src/crypto/node.ts", "crypto/web": "src/crypto/web.ts", "fs/node": "src/fs/node.ts", "fs/web": "src/fs/web.ts" },
    external: ["#crypto", "#fs"],
    dts: { entry: { index: "src/index.ts" } },
  }),
);
