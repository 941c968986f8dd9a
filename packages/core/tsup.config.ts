import path from "node:path";
import { defineConfig } from "tsup";
import { packageBuild } from "../../tooling/tsup.base.mjs";

// The two hashing implementations are separate files that `#crypto` (package.json
// "imports") picks between by export condition, and so are the two file-access
// ones behind `#fs` (node:fs for the credentials file, or none): they stay
// external to the bundle.
//
// dist/index.* (everything but Node: browsers, workers) has src/credentials/chain/web.ts in place
// of src/credentials/chain/node.ts, so a browser bundle carries neither the credentials-file
// reader nor the metadata client. dist/node/index.* (the `node` export condition:
// Node, Deno, Bun) is src/node.ts over that same build: it installs the default chain.
const portableChain = {
  name: "portable-chain",
  setup(build: {
    initialOptions: { format?: string };
    onResolve: (o: { filter: RegExp }, f: (a: { path: string; resolveDir: string; importer: string }) => { path: string; external?: boolean } | undefined) => void;
  }) {
    build.onResolve({ filter: /\/chain\/node\.js$/ }, (args) => ({ path: path.join(args.resolveDir, args.path.replace(/node\.js$/, "web.ts")) }));
    build.onResolve({ filter: /^\.\/index\.js$/ }, (args) =>
      args.importer.endsWith(path.join("src", "node.ts")) ? { path: build.initialOptions.format === "cjs" ? "../index.cjs" : "../index.js", external: true } : undefined,
    );
  },
};

export default defineConfig(
  packageBuild({
    entry: {
      index: "src/index.ts",
      "node/index": "src/node.ts",
      "crypto/node": "src/pipeline/crypto/node.ts",
      "crypto/web": "src/pipeline/crypto/web.ts",
      "fs/node": "src/credentials/fs/node.ts",
      "fs/web": "src/credentials/fs/web.ts",
    },
    external: ["#crypto", "#fs"],
    esbuildPlugins: [portableChain],
    dts: { entry: { index: "src/index.ts" } },
  }),
);
