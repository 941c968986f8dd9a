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

// CommonJS loads a dependency where it is required, so openapi-fetch is required at the first
// raw call instead of with the package (import time; most clients never use `raw`). ESM keeps
// its static import: a bundler drops it where `raw` is never made.
const lazyOpenapiFetch = {
  name: "lazy-openapi-fetch",
  setup(build: {
    initialOptions: { format?: string };
    onResolve: (o: { filter: RegExp }, f: (a: { namespace: string }) => { path: string; external?: boolean; namespace?: string }) => void;
    onLoad: (o: { filter: RegExp; namespace: string }, f: () => { contents: string; loader: "js" }) => void;
  }) {
    const lazy = build.initialOptions.format === "cjs";
    build.onResolve({ filter: /^openapi-fetch$/ }, (args) =>
      !lazy || args.namespace === "lazy-openapi-fetch" ? { path: "openapi-fetch", external: true } : { path: "openapi-fetch", namespace: "lazy-openapi-fetch" },
    );
    build.onLoad({ filter: /.*/, namespace: "lazy-openapi-fetch" }, () => ({
      contents: 'let loaded; export default function createClient(options) { loaded ??= require("openapi-fetch"); return (loaded.default ?? loaded)(options); }',
      loader: "js",
    }));
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
    // Resolved by lazyOpenapiFetch (external either way), not by tsup's own rule for dependencies.
    noExternal: ["openapi-fetch"],
    esbuildPlugins: [portableChain, lazyOpenapiFetch],
    dts: { entry: { index: "src/index.ts" } },
  }),
);
