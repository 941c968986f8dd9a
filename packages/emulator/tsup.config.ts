import { defineConfig } from "tsup";
import { packageBuild } from "../../tooling/tsup.base.mjs";

export default defineConfig(
  packageBuild({
    entry: { index: "src/index.ts", bin: "src/bin.ts" },
    platform: "node",
    dts: { entry: { index: "src/index.ts" } },
  }),
);
