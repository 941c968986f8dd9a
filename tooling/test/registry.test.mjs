// Publish for real, install for real: a local Verdaccio registry (storage in a
// temp folder; @ws/* served only from it, everything else proxied to the usual
// registry), every package published to it with `pnpm publish`, then fresh
// projects outside the workspace install single packages with npm and pnpm and
// run an ESM script, a CommonJS script and `tsc --noEmit` against the emulator,
// and `npx ws` from a project that installed only @ws/cli.
//
// Kept light: the packages are published at once, the npm cache and pnpm store
// (third-party tarballs only change with the lockfile) are kept between runs in the
// temp folder, and the TypeScript check uses the workspace's compiler on the
// installed project instead of installing one. Budgets hold on a loaded 2-core machine.
import { startEmulator } from "@ws/emulator";
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installFootprint, publishedPackages, root } from "../packages.mjs";

const run = promisify(execFile);
const temp = fs.mkdtempSync(path.join(os.tmpdir(), "ws-registry-"));
// Content-addressed, so safe to share between runs: a tarball is taken from them only by its integrity.
const caches = path.join(os.tmpdir(), "ws-registry-test-cache");
// 30 s quiet with warm caches; 160 s measured at load 20 on two cores.
const BUDGET = 600_000;
let registry;
let verdaccio;
let emulator;
let env;
const footprint = {};

async function freePort() {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

async function sh(command, args, options = {}) {
  try {
    return await run(command, args, { env, maxBuffer: 64 * 1024 * 1024, ...options });
  } catch (error) {
    throw new Error(`${command} ${args.join(" ")} failed:\n${error.stdout}\n${error.stderr}`);
  }
}

beforeAll(async () => {
  const port = await freePort();
  registry = `http://127.0.0.1:${port}/`;
  fs.writeFileSync(
    path.join(temp, "config.yaml"),
    [
      `storage: ${path.join(temp, "storage")}`,
      "auth:",
      "  htpasswd:",
      `    file: ${path.join(temp, "htpasswd")}`,
      "uplinks:",
      "  npmjs:",
      "    url: https://registry.npmjs.org/",
      "    timeout: 60s",
      "packages:",
      "  '@ws/*':", // ours: from this registry only, never proxied
      "    access: $all",
      "    publish: $authenticated",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "    proxy: npmjs",
      "log: { type: stdout, format: pretty, level: warn }",
      "web:",
      "  enable: false",
    ].join("\n"),
  );
  verdaccio = spawn(process.execPath, [path.join(root, "node_modules/verdaccio/bin/verdaccio"), "--config", path.join(temp, "config.yaml"), "--listen", `127.0.0.1:${port}`], {
    stdio: "ignore",
  });
  // Until it answers (however long a loaded machine takes; the hook's budget is the limit), or has exited.
  for (;;) {
    if (verdaccio.exitCode !== null) throw new Error(`verdaccio exited with ${verdaccio.exitCode}`);
    try {
      if ((await fetch(`${registry}-/ping`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  const user = await fetch(`${registry}-/user/org.couchdb.user:ci`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "ci", password: "ci-password-0123" }),
  });
  const { token } = await user.json();
  const npmrc = path.join(temp, "npmrc");
  fs.writeFileSync(npmrc, `registry=${registry}\n//127.0.0.1:${port}/:_authToken=${token}\naudit=false\nfund=false\n`);
  env = { ...process.env, npm_config_userconfig: npmrc, npm_config_registry: registry, npm_config_cache: path.join(caches, "npm") };
  await Promise.all(publishedPackages().map((pkg) => sh("pnpm", ["publish", "--registry", registry, "--no-git-checks"], { cwd: pkg.dir })));
  emulator = await startEmulator();
}, BUDGET);

afterAll(async () => {
  verdaccio?.kill();
  await emulator?.close();
  fs.rmSync(temp, { recursive: true, force: true });
  if (Object.keys(footprint).length) console.log(`install footprint: ${JSON.stringify(footprint)}`);
});

function project(name) {
  const dir = path.join(temp, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, version: "1.0.0", private: true }));
  return dir;
}

const scriptEnv = () => {
  const a = emulator.credentials;
  return { ...env, EMU_URL: emulator.url, EMU_AK: a.accessKey, EMU_SK: a.secretKey, EMU_PROJECT: a.projectId };
};

describe("published to a registry, installed in a fresh project", () => {
  it("serves every package with workspace ranges rewritten, @ws/* from this registry only", async () => {
    for (const pkg of publishedPackages()) {
      const packument = await (await fetch(`${registry}${pkg.name.replace("/", "%2f")}`)).json();
      const published = packument.versions[pkg.version];
      expect(published, pkg.name).toBeDefined();
      for (const range of Object.values(published.dependencies ?? {})) expect(range).not.toMatch(/^workspace:/);
    }
    expect((await fetch(`${registry}@ws%2fnot-ours`)).status).toBe(404);
  });

  it("npm: @ws/fabric alone, from ESM, CommonJS and TypeScript", async () => {
    const dir = project("npm-app");
    await sh("npm", ["install", "@ws/fabric", "--registry", registry], { cwd: dir });
    const installed = fs.readdirSync(path.join(dir, "node_modules", "@ws")).sort();
    expect(installed).toEqual(["core", "fabric"]);
    footprint["@ws/fabric (npm)"] = installFootprint(path.join(dir, "node_modules"));

    const call = `{ endpoint: process.env.EMU_URL, projectId: process.env.EMU_PROJECT, credentials: { accessKey: process.env.EMU_AK, secretKey: process.env.EMU_SK } }`;
    fs.writeFileSync(
      path.join(dir, "esm.mjs"),
      `import { createFabricClient, ValidationError } from "@ws/fabric";
const fabric = createFabricClient(${call});
const ws = await fabric.createWorkspace({ name: "from-esm" });
const refused = await fabric.createWorkspace({ name: "no" }).catch((e) => e instanceof ValidationError);
console.log(JSON.stringify({ name: ws.name, refused }));`,
    );
    fs.writeFileSync(
      path.join(dir, "cjs.cjs"),
      `const { createFabricClient, ApiError } = require("@ws/fabric");
const fabric = createFabricClient(${call});
fabric.createWorkspace({ name: "from-esm" }).catch((e) => console.log(JSON.stringify({ duplicate: e instanceof ApiError, code: e.code })));`,
    );
    const esm = await sh(process.execPath, ["esm.mjs"], { cwd: dir, env: scriptEnv() });
    expect(JSON.parse(esm.stdout)).toEqual({ name: "from-esm", refused: true });
    const cjs = await sh(process.execPath, ["cjs.cjs"], { cwd: dir, env: scriptEnv() });
    expect(JSON.parse(cjs.stdout)).toEqual({ duplicate: true, code: "dataartsfabric.EMULATOR_DUPLICATE_NAME" });

    fs.writeFileSync(
      path.join(dir, "check.ts"),
      `import { createFabricClient, type CreateWorkspaceRequest, type Workspace } from "@ws/fabric";
const fabric = createFabricClient({ region: "cn-southwest-2", credentials: { accessKey: "a", secretKey: "s" } });
const body: CreateWorkspaceRequest = { name: "typed", tags: [{ key: "k", value: "v" }] };
export const created: Promise<Workspace> = fabric.createWorkspace(body);
// @ts-expect-error misspelt field
void fabric.createWorkspace({ name: "typed", metastoreId: "x" });
// @ts-expect-error unknown region
createFabricClient({ region: "mars-1" });
`,
    );
    // The workspace's TypeScript (the version the packages are built with), resolving @ws/fabric from the project's node_modules.
    const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
    await Promise.all(
      [
        ["nodenext", "nodenext"],
        ["node16", "node16"],
        ["esnext", "bundler"],
        ["commonjs", "node10"],
      ].map(([module, resolution]) =>
        sh(process.execPath, [tsc, "--noEmit", "--strict", "--lib", "es2022,dom", "--module", module, "--moduleResolution", resolution, "check.ts"], { cwd: dir }),
      ),
    );
  }, BUDGET);

  it("pnpm: @ws/modelarts alone, from ESM", async () => {
    const dir = project("pnpm-app");
    await sh("pnpm", ["add", "@ws/modelarts", "--registry", registry, "--store-dir", path.join(caches, "pnpm-store"), "--config.managePackageManagerVersions=false"], { cwd: dir });
    expect(fs.readdirSync(path.join(dir, "node_modules", "@ws"))).toEqual(["modelarts"]);
    footprint["@ws/modelarts (pnpm)"] = installFootprint(path.join(dir, "node_modules", ".pnpm"));
    fs.writeFileSync(
      path.join(dir, "esm.mjs"),
      `import { createModelArtsClient } from "@ws/modelarts";
const ma = createModelArtsClient({ endpoint: process.env.EMU_URL, projectId: process.env.EMU_PROJECT, credentials: { accessKey: process.env.EMU_AK, secretKey: process.env.EMU_SK } });
const ws = await ma.createWorkspace({ name: "from-pnpm", auth_type: "PRIVATE" });
console.log(JSON.stringify({ name: ws.name, status: ws.status }));`,
    );
    const out = await sh(process.execPath, ["esm.mjs"], { cwd: dir, env: scriptEnv() });
    expect(JSON.parse(out.stdout)).toEqual({ name: "from-pnpm", status: "NORMAL" });
  }, BUDGET);

  it("npm: @ws/cli alone, then npx ws --help and a command against the emulator", async () => {
    const dir = project("cli-app");
    await sh("npm", ["install", "@ws/cli", "--registry", registry], { cwd: dir });
    expect(JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).dependencies).toHaveProperty("@ws/cli");
    footprint["@ws/cli (npm)"] = installFootprint(path.join(dir, "node_modules"));
    const help = await sh("npx", ["ws", "--help"], { cwd: dir });
    expect(help.stdout).toContain("ws <provider> <operation> [options]");
    expect(help.stdout).toMatch(/^ {2}130 +interrupted/m);
    const a = emulator.credentials;
    const cliEnv = { ...env, WS_ENDPOINT: emulator.url, WS_PROJECT_ID: a.projectId, HUAWEICLOUD_SDK_AK: a.accessKey, HUAWEICLOUD_SDK_SK: a.secretKey };
    const created = await sh("npx", ["ws", "modelarts", "create-workspace", "--name", "from-npx", "--query", "name", "--output", "text"], { cwd: dir, env: cliEnv });
    expect(created.stdout).toBe("from-npx\n");
  }, BUDGET);
});
