import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig } from "tsup";
import { packageBuild } from "../../tooling/tsup.base.mjs";

// `yaml` under Node is CommonJS (its "node" export), which an ESM bundle can neither
// require Node's modules from nor take named imports of: its ES module build (the
// "default" export, which needs nothing of Node) is bundled instead.
const yamlEsm = path.join(path.dirname(createRequire(import.meta.url).resolve("yaml/package.json")), "browser/index.js");

// The programmatic `run()` (index) and the `ws` bin, with everything they run bundled in:
// the SDK packages and the YAML and JMESPath libraries, so that `@ws/cli` installs as one
// package with no dependencies. Each is its own chunk, imported only when a command needs
// it (`ws --help` loads none of them). @ws/emulator stays outside: an optional peer that
// `ws emulator` imports when it is installed.
export default defineConfig(
  packageBuild({
    entry: { index: "src/index.ts", bin: "src/bin.ts" },
    platform: "node",
    dts: { entry: { index: "src/index.ts" } },
    splitting: true,
    noExternal: [/^@ws\/(core|res|insight|modelarts|fabric|truewatch)$/, /^yaml$/, /^@jmespath-community\/jmespath$/],
    external: ["@ws/emulator"],
    esbuildPlugins: [{ name: "yaml-esm", setup: (build) => build.onResolve({ filter: /^yaml$/ }, () => ({ path: yamlEsm })) }],
    // The bin is run as ESM only (bin/ws.js imports dist/bin.js); a CommonJS copy of it would be dead weight.
    onSuccess: async () => fs.rmSync("dist/bin.cjs", { force: true }),
  }),
);
