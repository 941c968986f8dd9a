// The packages as published: publint and Are The Types Wrong find nothing, no
// workspace: range is left, the metadata users and editors need is there, and
// each stays within its size budget.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPackages } from "../check-packages.mjs";
import { bundle, entries, measureAll } from "../size.mjs";

let results;
// Packs, publint and attw for eight packages: a minute quiet, three measured at load 20 on two cores.
beforeAll(async () => {
  results = await checkPackages();
}, 600_000);

describe("packed packages", () => {
  it("are the nine published packages", () => {
    expect(results.map((r) => r.name).sort()).toEqual(["@ws/cli", "@ws/core", "@ws/emulator", "@ws/fabric", "@ws/insight", "@ws/modelarts", "@ws/opentelemetry", "@ws/res", "@ws/truewatch"]);
  });

  it("pass publint and attw (node10, node16 CJS and ESM, bundler), with workspace: ranges rewritten", () => {
    for (const { name, problems } of results) expect(problems, name).toEqual([]);
  });

  it("carry the metadata users and editors need", () => {
    for (const { name, manifest } of results) {
      expect(manifest, name).toMatchObject({
        license: "MIT",
        repository: { type: "git", url: expect.stringContaining("github.com"), directory: expect.stringMatching(/^packages\//) },
        keywords: expect.arrayContaining([expect.any(String)]),
        // Only core's node entry has a side effect: it installs the default credential chain.
        sideEffects: name === "@ws/core" ? ["./dist/node/index.js", "./dist/node/index.cjs"] : false,
        engines: { node: ">=18" },
        exports: { ".": { import: { types: "./dist/index.d.ts" }, require: { types: "./dist/index.d.cts" } } },
        types: "./dist/index.d.cts",
      });
      // Packages with a command ship its bin shim, which exists before the build.
      // The providers ship api/package.json, so that node10 resolution finds their /api subpath.
      const provider = ["@ws/res", "@ws/insight", "@ws/modelarts", "@ws/fabric", "@ws/truewatch"].includes(name);
      expect(manifest.files, name).toEqual(manifest.bin ? ["dist", "bin", "README.md", "LICENSE"] : provider ? ["dist", "api", "README.md", "LICENSE"] : ["dist", "README.md", "LICENSE"]);
      const readme = fs.readFileSync(path.join(import.meta.dirname, "..", "..", "packages", name.slice(4), "README.md"), "utf8");
      expect(readme, name).toMatch(new RegExp(`npm install (--save-dev )?${name.replace("/", "\\/")}`));
      expect(readme, name).toContain("README");
    }
  });

  it("depend on openapi-fetch and @ws/core only (the emulator adds Ajv; the CLI bundles what it runs and depends on nothing; the OpenTelemetry binding is @ws/core with @opentelemetry/api as a peer)", () => {
    const cli = [];
    for (const { name, manifest } of results) {
      const deps = Object.keys(manifest.dependencies ?? {}).sort();
      const allowed =
        name === "@ws/core" ? ["openapi-fetch"] : name === "@ws/emulator" ? ["@ws/core", "ajv"] : name === "@ws/cli" ? cli : name === "@ws/opentelemetry" ? ["@ws/core"] : ["@ws/core", "openapi-fetch"];
      expect(deps, name).toEqual(allowed);
      expect(Object.keys(manifest.peerDependencies ?? {}), name).toEqual(name === "@ws/opentelemetry" ? ["@opentelemetry/api"] : name === "@ws/cli" ? ["@ws/emulator"] : []);
      for (const range of Object.values(manifest.dependencies ?? {})) expect(range).toMatch(/^\^?\d/);
    }
  });
});

describe("size budget", () => {
  it("import + createWorkspace, and a client using every operation, bundled for browsers, minified and gzipped, stays within size-budget.json", async () => {
    const budgets = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "size-budget.json"), "utf8"));
    const figures = await measureAll();
    expect(Object.keys(figures).sort()).toEqual(Object.keys(budgets).sort());
    for (const [name, { gzipped }] of Object.entries(figures)) expect(gzipped, name).toBeLessThanOrEqual(budgets[name]);
  });
});

describe("export conditions", () => {
  it("bundlers for browsers and workers get WebCrypto; Node gets node:crypto", async () => {
    const decode = (bytes) => new TextDecoder().decode(bytes);
    const browser = decode(await bundle("modelarts", entries["@ws/modelarts"], "browser"));
    expect(browser.includes("crypto.subtle"), "WebCrypto in the browser bundle").toBe(true);
    expect(browser.includes("createHmac"), "node:crypto in the browser bundle").toBe(false);
    const node = decode(await bundle("modelarts", entries["@ws/modelarts"], "node"));
    expect(node.includes("createHmac"), "node:crypto in the Node bundle").toBe(true);
    expect(node.includes("crypto.subtle"), "WebCrypto in the Node bundle").toBe(false);
  });

  it("only Node reads the credentials file: browsers and workers get no node:fs", async () => {
    const decode = (bytes) => new TextDecoder().decode(bytes);
    const browser = decode(await bundle("modelarts", entries["@ws/modelarts"], "browser"));
    expect(browser.includes("readFileSync"), "node:fs in the browser bundle").toBe(false);
    expect(browser.includes("homedir"), "node:os in the browser bundle").toBe(false);
    const node = decode(await bundle("modelarts", entries["@ws/modelarts"], "node"));
    expect(node.includes("readFileSync"), "node:fs in the Node bundle").toBe(true);
  });
});
