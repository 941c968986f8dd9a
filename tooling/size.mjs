#!/usr/bin/env node
// The cost a user pays in a bundle, for each package: `import { create...Client }`
// and one createWorkspace call, a client using every operation, and the same through
// the `/api` subpath (createWorkspace alone with a token, with AK/SK signing, and every
// operation), bundled by esbuild for browsers (so @ws/core's WebCrypto path and
// openapi-fetch are counted), minified, gzipped. Fails when an entry exceeds its
// budget in size-budget.json, or when a browser bundle needs a Node built-in.
//   node size.mjs            print the figures, check the budgets
//   node size.mjs --json     the figures as JSON
//   node size.mjs --why "@ws/modelarts/api create (token)"
//                            where that entry's bytes come from: minified bytes per
//                            source file, built from the workspace's sources
import { build } from "esbuild";
import fs from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = path.dirname(fileURLToPath(import.meta.url));
const budgets = JSON.parse(fs.readFileSync(path.join(here, "size-budget.json"), "utf8"));

const huawei = `credentials: { accessKey: "AK", secretKey: "SK" }`;
export const entries = {
  "@ws/res": `import { createResClient } from "@ws/res";\nexport const r = createResClient({ region: "cn-north-4", projectId: "p", ${huawei} }).createWorkspace({ name: "w", enterprise_project_id: "0" });`,
  "@ws/insight": `import { createInsightClient } from "@ws/insight";\nexport const r = createInsightClient({ region: "cn-north-4", projectId: "p", instanceId: "i", ${huawei} }).createWorkspace({ name: "w", eps_id: "0" });`,
  "@ws/modelarts": `import { createModelArtsClient } from "@ws/modelarts";\nexport const r = createModelArtsClient({ region: "cn-north-4", projectId: "p", ${huawei} }).createWorkspace({ name: "team-a" });`,
  "@ws/fabric": `import { createFabricClient } from "@ws/fabric";\nexport const r = createFabricClient({ region: "cn-north-4", ${huawei} }).createWorkspace({ name: "lake" });`,
  "@ws/truewatch": `import { createTrueWatchClient } from "@ws/truewatch";\nexport const r = createTrueWatchClient({ site: "eu1", apiKey: "k" }).createWorkspace({ name: "w" });`,
};

// A client that uses every operation its package wraps: what an app managing the
// whole workspace lifecycle pays (target: 16 kB gzipped per package).
const all = (client, calls) => `export const r = async () => {\n  const c = ${client};\n  ${calls.join(";\n  ")};\n};`;
export const lifecycleEntries = {
  "@ws/res lifecycle": `import { createResClient } from "@ws/res";\n${all(`createResClient({ region: "cn-north-4", projectId: "p", ${huawei} })`, [
    `await c.createWorkspace({ name: "w", enterprise_project_id: "0" })`,
    `for await (const w of c.listWorkspaces()) console.log(w)`,
    `await c.getWorkspace("i")`,
    `await c.findWorkspaceByName("w")`,
    `await c.updateWorkspace("i", { description: "d" })`,
    `await c.deleteWorkspace("i")`,
    `await c.listEnterpriseProjects()`,
  ])}`,
  "@ws/insight lifecycle": `import { createInsightClient } from "@ws/insight";\n${all(`createInsightClient({ region: "cn-north-4", projectId: "p", instanceId: "i", ${huawei} })`, [
    `await c.createWorkspace({ name: "w", eps_id: "0" })`,
    `for await (const w of c.listWorkspaces({ name: "w" })) console.log(w)`,
    `await c.getWorkspace("i")`,
    `await c.findWorkspaceByName("w")`,
    `await c.updateWorkspace("i", { name: "w", eps_id: "0" })`,
    `await c.deleteWorkspace("i")`,
  ])}`,
  "@ws/modelarts lifecycle": `import { createModelArtsClient } from "@ws/modelarts";\n${all(`createModelArtsClient({ region: "cn-north-4", projectId: "p", ${huawei} })`, [
    `await c.createWorkspace({ name: "team-a" })`,
    `for await (const w of c.listWorkspaces({ sort_by: "name" })) console.log(w)`,
    `await c.getWorkspace("i")`,
    `await c.findWorkspaceByName("team-a")`,
    `await c.updateWorkspace("i", { description: "d" })`,
    `await c.deleteWorkspace("i")`,
    `await c.getWorkspaceQuotas("i")`,
    `await c.updateWorkspaceQuotas("i", { quotas: [] })`,
  ])}`,
  "@ws/fabric lifecycle": `import { createFabricClient } from "@ws/fabric";\n${all(`createFabricClient({ region: "cn-north-4", ${huawei} })`, [
    `await c.createWorkspace({ name: "lake" })`,
    `for await (const w of c.listWorkspaces()) console.log(w)`,
    `await c.getWorkspace("i")`,
    `await c.findWorkspaceByName("lake")`,
    `await c.updateWorkspace("i", { description: "d" })`,
    `await c.deleteWorkspace("i")`,
  ])}`,
  "@ws/truewatch lifecycle": `import { createTrueWatchClient } from "@ws/truewatch";\n${all(`createTrueWatchClient({ site: "eu1", apiKey: "k" })`, [
    `await c.createWorkspace({ name: "w" })`,
    `await c.getWorkspace()`,
    `await c.updateWorkspace({ name: "w" })`,
  ])}`,
};

// The `/api` form: createWorkspace alone (token, and AK/SK signing), and every operation.
const apiEntry = (pkg, imports, calls) => `import { ${imports.join(", ")} } from "@ws/${pkg}/api";\nexport const r = async () => {\n  ${calls.join(";\n  ")};\n};`;
const huaweiApi = {
  res: { context: "createResContext", options: `region: "cn-north-4", projectId: "p"`, body: `{ name: "w", enterprise_project_id: "0" }`, calls: ["listWorkspaces(ctx)", `getWorkspace(ctx, "i")`, `findWorkspaceByName(ctx, "w")`, `updateWorkspace(ctx, "i", { description: "d" })`, `deleteWorkspace(ctx, "i")`, "listEnterpriseProjects(ctx)", `ensureWorkspace(ctx, { name: "w", enterprise_project_id: "0" })`] },
  insight: { context: "createInsightContext", options: `region: "cn-north-4", projectId: "p", instanceId: "i"`, body: `{ name: "w", eps_id: "0" }`, calls: [`listWorkspaces(ctx, { name: "w" })`, `getWorkspace(ctx, "i")`, `findWorkspaceByName(ctx, "w")`, `updateWorkspace(ctx, "i", { name: "w", eps_id: "0" })`, `deleteWorkspace(ctx, "i")`, `ensureWorkspace(ctx, { name: "w", eps_id: "0" })`] },
  modelarts: { context: "createModelArtsContext", options: `region: "cn-north-4", projectId: "p"`, body: `{ name: "team-a" }`, calls: [`listWorkspaces(ctx, { sort_by: "name" })`, `getWorkspace(ctx, "i")`, `findWorkspaceByName(ctx, "team-a")`, `updateWorkspace(ctx, "i", { description: "d" })`, `deleteWorkspace(ctx, "i")`, `getWorkspaceQuotas(ctx, "i")`, `updateWorkspaceQuotas(ctx, "i", { quotas: [] })`, `ensureWorkspace(ctx, { name: "team-a" })`, `waitUntilWorkspaceReady(ctx, "i", { maxWaitInMs: 1000 })`, `waitUntilWorkspaceDeleted(ctx, "i", { maxWaitInMs: 1000 })`] },
  fabric: { context: "createFabricContext", options: `region: "cn-north-4"`, body: `{ name: "lake" }`, calls: ["listWorkspaces(ctx)", `getWorkspace(ctx, "i")`, `findWorkspaceByName(ctx, "lake")`, `updateWorkspace(ctx, "i", { description: "d" })`, `deleteWorkspace(ctx, "i")`, `ensureWorkspace(ctx, { name: "lake" })`] },
};
const fnName = (call) => call.slice(0, call.indexOf("("));
const awaited = (call) => (call.startsWith("listWorkspaces") ? `for await (const w of ${call}) console.log(w)` : `await ${call}`);
export const apiEntries = {};
for (const [pkg, a] of Object.entries(huaweiApi)) {
  const create = (credentials) => apiEntry(pkg, [a.context, "createWorkspace"], [`const ctx = ${a.context}({ ${a.options}, credentials: ${credentials} })`, `await createWorkspace(ctx, ${a.body})`]);
  apiEntries[`@ws/${pkg}/api create (token)`] = create(`{ token: "t" }`);
  apiEntries[`@ws/${pkg}/api create (AK/SK)`] = create(`{ accessKey: "AK", secretKey: "SK" }`);
  apiEntries[`@ws/${pkg}/api every operation`] = apiEntry(pkg, [a.context, "createWorkspace", ...a.calls.map(fnName)], [
    `const ctx = ${a.context}({ ${a.options}, ${huawei} })`,
    `await createWorkspace(ctx, ${a.body})`,
    ...a.calls.map(awaited),
  ]);
}
apiEntries["@ws/truewatch/api create (token)"] = apiEntry("truewatch", ["createTrueWatchContext", "createWorkspace"], [`const ctx = createTrueWatchContext({ site: "eu1", apiKey: "k" })`, `await createWorkspace(ctx, { name: "w" })`]);
apiEntries["@ws/truewatch/api every operation"] = apiEntry("truewatch", ["createTrueWatchContext", "createWorkspace", "getWorkspace", "updateWorkspace"], [
  `const ctx = createTrueWatchContext({ site: "eu1", apiKey: "k" })`,
  `await createWorkspace(ctx, { name: "w" })`,
  "await getWorkspace(ctx)",
  `await updateWorkspace(ctx, { name: "w" })`,
]);

// Fails the build on any import of a Node built-in: a browser or worker bundle has none.
const noNodeBuiltins = (name) => ({
  name: "no-node-builtins",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.path.startsWith("node:") || isBuiltin(args.path)) {
        throw new Error(`${name}: the browser bundle needs the Node built-in ${args.path} (imported by ${path.relative(here, args.importer)})`);
      }
      return undefined;
    });
  },
});

export async function bundle(name, source, platform = "browser") {
  const result = await build({
    plugins: platform === "browser" ? [noNodeBuiltins(name)] : [],
    stdin: { contents: source, resolveDir: here, sourcefile: `${name}.mjs` },
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    logLevel: "silent",
    // Measure the packages as published: no tsconfig travels with them (core's
    // maps #crypto for type checking only), so none is read here either.
    tsconfigRaw: "{}",
  });
  return result.outputFiles[0].contents;
}

export async function measure(name, source, platform = "browser") {
  const code = await bundle(name, source, platform);
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

export async function measureAll() {
  const out = {};
  for (const [name, source] of Object.entries({ ...entries, ...lifecycleEntries, ...apiEntries })) out[name] = await measure(name, source);
  return out;
}

// The packages' sources in place of their builds, so that each byte is told by its source file.
const fromSources = {
  name: "from-sources",
  setup(b) {
    const packages = path.resolve(here, "..", "packages");
    const core = path.join(packages, "core", "src");
    b.onResolve({ filter: /^@ws\/core$/ }, () => ({ path: path.join(core, "index.ts") }));
    b.onResolve({ filter: /^#crypto$/ }, () => ({ path: path.join(core, "pipeline", "crypto", "web.ts") }));
    b.onResolve({ filter: /^#fs$/ }, () => ({ path: path.join(core, "credentials", "fs", "web.ts") }));
    // As core's build does for every bundle but Node's (packages/core/tsup.config.ts).
    b.onResolve({ filter: /\/chain\/node\.js$/ }, (a) => ({ path: path.join(a.resolveDir, a.path.replace(/node\.js$/, "web.ts")) }));
    b.onResolve({ filter: /^@ws\/(res|insight|modelarts|fabric|truewatch)(\/api)?$/ }, (a) => {
      const [, pkg, api] = /^@ws\/(\w+)(\/api)?$/.exec(a.path);
      return { path: path.join(packages, pkg, "src", api ? "api.ts" : "index.ts") };
    });
  },
};

/** Minified bytes of `entry` per source file, largest first. */
export async function why(entry) {
  const source = { ...entries, ...lifecycleEntries, ...apiEntries }[entry];
  if (!source) throw new Error(`no entry ${JSON.stringify(entry)}; the entries are: ${Object.keys({ ...entries, ...lifecycleEntries, ...apiEntries }).join(", ")}`);
  const result = await build({
    plugins: [fromSources],
    define: { __WS_PACKAGE_ID__: JSON.stringify("@ws/size/0.0.0") },
    stdin: { contents: source, resolveDir: here, sourcefile: "entry.mjs" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    tsconfigRaw: "{}",
  });
  const [output] = Object.values(result.metafile.outputs);
  const root = path.resolve(here, "..");
  return Object.entries(output.inputs)
    .map(([file, { bytesInOutput }]) => ({ file: path.relative(root, path.resolve(file)).replace(/^.*node_modules\//, ""), bytes: bytesInOutput }))
    .filter((row) => row.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

const whyArg = process.argv.indexOf("--why");
if (process.argv[1] === fileURLToPath(import.meta.url) && whyArg > 0) {
  const rows = await why(process.argv[whyArg + 1]).catch((error) => {
    console.error(error.message);
    process.exit(2);
  });
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  for (const { file, bytes } of rows) console.log(`${String(bytes).padStart(7)} B ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${file}`);
  console.log(`${String(total).padStart(7)} B minified, from the sources`);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await measureAll();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(figures, null, 2));
  } else {
    let over = false;
    console.log(`${"entry".padEnd(36)} minified   gzipped   budget (gzipped)`);
    for (const [name, { minified, gzipped }] of Object.entries(figures)) {
      const budget = budgets[name];
      const ok = gzipped <= budget;
      over ||= !ok;
      console.log(`${name.padEnd(36)} ${String(minified).padStart(8)} B ${String(gzipped).padStart(7)} B   ${budget} B ${ok ? "ok" : "OVER"}`);
    }
    process.exit(over ? 1 : 0);
  }
}
