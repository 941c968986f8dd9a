// Examples that cannot rot: each file in src/ is type-checked (`pnpm typecheck`
// here runs tsc over them) and run as a user would — compiled, then started with
// `node` and nothing but the emulator's environment (`ws-emulator --print-env`).
import { startEmulator, type Emulator } from "@ws/emulator";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const src = path.join(here, "..", "src");
const out = path.join(here, "..", ".out");
const examples = fs.readdirSync(src).filter((f) => f.endsWith(".ts"));

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: "examples", transitionDelayInMs: 20, createDelayInMs: 20 });
  fs.mkdirSync(out, { recursive: true });
});
afterAll(() => emu.close());

async function run(file: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const target = path.join(out, file.replace(/\.ts$/, ".mjs"));
  // Only the TypeScript is stripped: the @ws packages are imported as installed.
  await build({ entryPoints: [path.join(src, file)], outfile: target, bundle: true, packages: "external", format: "esm", platform: "node", target: "node18", logLevel: "silent" });
  const env = { PATH: process.env.PATH ?? "", ...emu.env(), HUAWEICLOUD_SDK_CREDENTIALS_FILE: path.join(os.tmpdir(), "ws-examples-no-profile") };
  // Asynchronously: the emulator answering the example lives in this process.
  const child = spawn(process.execPath, [target], { env, stdio: ["ignore", "pipe", "pipe"] });
  onTestFinished(() => void child.kill()); // an example that timed out sends nothing into the next one's
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += String(d)));
  child.stderr.on("data", (d) => (stderr += String(d)));
  const status = await new Promise<number | null>((resolve) => child.once("close", resolve));
  return { status, stdout, stderr };
}

describe.each(examples)("examples/src/%s", (file) => {
  it("runs against the emulator and exits 0", async () => {
    const { status, stdout, stderr } = await run(file);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout.length).toBeGreaterThan(0);
    // Secrets stay out of what an example prints.
    for (const secret of [emu.credentials.secretKey, emu.credentials.password]) expect(stdout).not.toContain(secret);
  });
});

it("every package has an example", () => {
  expect(examples.sort()).toEqual(["fabric.ts", "insight.ts", "modelarts.ts", "res.ts", "truewatch.ts"]);
});
