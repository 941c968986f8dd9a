import { defineConfig } from "tsup";
import { packageBuild } from "../../tooling/tsup.base.mjs";

// The two hashing implementations are separate files that `#crypto` (package.json
// "imports") picks between by export condition, so they stay external to the bundle.
export default defineConfig(
  packageBuild({
    entry: { index: "src/index.ts", "crypto/node": "src/crypto/node.ts", "crypto/web": "src/crypto/web.ts" },
    external: ["#crypto"],
    dts: { entry: { index: "src/index.ts" } },
  }),
);
