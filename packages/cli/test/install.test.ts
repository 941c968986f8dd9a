// `@ws/cli` as a user installs it: packed with pnpm, installed with npm (offline: it has no
// dependency to fetch) into a fresh project outside the workspace. One package, within the
// install budget, measured as the registry test measures it; `ws` runs commands from there,
// and `ws emulator` without @ws/emulator says in one line how to get it.
import { startEmulator, type Emulator } from "@ws/emulator";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_MISSING } from "../src/emulator.js";
import { emulatorEnv, type Env, type Result } from "./helpers.js";

/** What `npm install @ws/cli` may put on disk. */
const INSTALL_BUDGET_IN_BYTES = 1_500_000;

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const root = path.resolve(packageDir, "../..");
let temp: string;
let project: string;
let emulator: Emulator;

beforeAll(async () => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), "ws-cli-install-"));
  const packed = execFileSync("pnpm", ["pack", "--pack-destination", temp], { cwd: packageDir, encoding: "utf8" }).trim().split("\n").pop()!.trim();
  const tarball = path.isAbsolute(packed) ? packed : path.join(temp, path.basename(packed));
  project = path.join(temp, "app");
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", private: true }));
  execFileSync("npm", ["install", tarball, "--offline", "--no-audit", "--no-fund", "--cache", path.join(temp, "npm-cache")], { cwd: project, stdio: "pipe" });
  emulator = await startEmulator();
}, 120_000);

afterAll(async () => {
  await emulator?.close();
  if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

function installed(args: readonly string[], env: Env): Promise<Result> {
  const child = spawn(process.execPath, [path.join(project, "node_modules/@ws/cli/bin/ws.js"), ...args], { cwd: project, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe("npm install @ws/cli", () => {
  it("installs one package, no dependency, within the budget; @ws/emulator is an optional peer", async () => {
    const { installFootprint } = (await import(path.join(root, "tooling/packages.mjs"))) as { installFootprint(dir: string): { bytes: number; packages: number } };
    const footprint = installFootprint(path.join(project, "node_modules"));
    console.log(`install footprint of @ws/cli: ${JSON.stringify(footprint)} (${(footprint.bytes / 1024 / 1024).toFixed(2)} MB)`);
    expect(footprint.packages).toBe(1);
    expect(footprint.bytes).toBeLessThanOrEqual(INSTALL_BUDGET_IN_BYTES);
    const manifest = JSON.parse(fs.readFileSync(path.join(project, "node_modules/@ws/cli/package.json"), "utf8"));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.peerDependenciesMeta).toEqual({ "@ws/emulator": { optional: true } });
    expect(fs.existsSync(path.join(project, "node_modules/@ws/emulator"))).toBe(false);
  });

  it("runs commands with nothing else installed: help, a create against the emulator, YAML and a query", async () => {
    const env = await emulatorEnv(emulator);
    const help = await installed(["--help"], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("ws <provider> <operation> [options]");
    const created = await installed(["modelarts", "create-workspace", "--name", "from-install", "--output", "yaml"], env);
    expect(created.stderr).toBe("");
    expect(created.stdout).toMatch(/^name: from-install$/m);
    const listed = await installed(["modelarts", "list-workspaces", "--query", "[].name", "--output", "text"], env);
    expect(listed.stdout).toBe("from-install\n");
  });

  it("ws emulator without @ws/emulator: one line that says how to get it, exit 2", async () => {
    const result = await installed(["emulator"], await emulatorEnv(emulator));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`ws: ${EMULATOR_MISSING}\n`);
    expect(EMULATOR_MISSING).toContain("npm install @ws/emulator");
  });
});
