import { defineConfig } from "tsup";
import { packageBuild } from "../../tooling/tsup.base.mjs";

// The programmatic `run()` (index) and the `ws` bin. The providers, the emulator and the
// YAML/JMESPath libraries stay external and are imported only when a command needs them,
// so `ws --help` loads none of them.
export default defineConfig(
  packageBuild({
    entry: { index: "src/index.ts", bin: "src/bin.ts" },
    platform: "node",
    dts: { entry: { index: "src/index.ts" } },
  }),
);
