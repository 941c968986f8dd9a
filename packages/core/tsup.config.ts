import path from "node:path";
import { defineConfig } from "tsup";
import { packageBuild } from "../../tooling/tsup.base.mjs";

// The two hashing implementations are separate files that `#crypto` (package.json
// "imports") picks between by export condition, and so are the two file-access
// ones behind `#fs` (node:fs for the credentials file, or none): they stay
// external to the bundle.
//
// The runtime itself is built twice: dist/node/ (the `node` export condition: Node,
// Deno, Bun) falls back on the default credential chain and the credentials file;
// dist/ (everything else: browsers, workers) has src/chain/web.ts in place of
// src/chain/node.ts, so a browser bundle carries neither the file reader nor the
// metadata client.
const portableChain = {
  name: "portable-chain",
  setup(build: { onResolve: (o: { filter: RegExp }, f: (a: { path: string; resolveDir: string }) => { path: string }) => void }) {
    build.onResolve({ filter: /\/chain\/node\.js$/ }, (args) => ({ path: path.join(args.resolveDir, args.path.replace(/node\.js$/, "web.ts")) }));
  },
};

const external = ["#crypto", "#fs"];
export default defineConfig([
  packageBuild({
    entry: { index: "src/index.ts", "crypto/node": "src/crypto/node.ts", "crypto/web": "src/crypto/web.ts", "fs/node": "src/fs/node.ts", "fs/web": "src/fs/web.ts" },
    external,
    clean: false,
    esbuildPlugins: [portableChain],
    dts: { entry: { index: "src/index.ts" } },
  }),
  packageBuild({ entry: { "node/index": "src/index.ts" }, external, clean: false, dts: false }),
]);
