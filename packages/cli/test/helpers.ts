// Runs the built `ws` as a user does: a separate process (`node dist/bin.js ...`), with
// the emulator's test account in its environment and nothing else of ours. Every
// output is kept, so a file can check at the end that no secret was ever printed.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Emulator } from "@ws/emulator";
import { afterEach, expect } from "vitest";

export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist/bin.js");
if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: build first (pnpm --filter @ws/cli build)`);

export interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Every stdout and stderr seen in this file. */
export const outputs: string[] = [];

export type Env = Record<string, string | undefined>;

/** A loopback port nothing listens on: where the credential chain's metadata lookup goes in tests (never 169.254.169.254). */
export async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

const home = fs.mkdtempSync(path.join(os.tmpdir(), "ws-cli-home-"));

/** A clean environment: PATH, an empty HOME, no credentials file, no metadata service, and `extra`. */
export async function cleanEnv(extra: Env = {}): Promise<Env> {
  return {
    PATH: process.env.PATH,
    HOME: home,
    HUAWEICLOUD_SDK_CREDENTIALS_FILE: path.join(home, "no-credentials-file"),
    WS_SDK_METADATA_ENDPOINT: `http://127.0.0.1:${await closedPort()}`,
    ...extra,
  };
}

/** The environment `ws emulator --print-env` prints, for this emulator. */
export async function emulatorEnv(emulator: Emulator, extra: Env = {}): Promise<Env> {
  const a = emulator.credentials;
  return cleanEnv({
    WS_ENDPOINT: emulator.url,
    HUAWEICLOUD_SDK_AK: a.accessKey,
    HUAWEICLOUD_SDK_SK: a.secretKey,
    WS_PROJECT_ID: a.projectId,
    WS_INSIGHT_INSTANCE_ID: a.instanceId,
    TRUEWATCH_API_KEY: a.apiKey,
    ...extra,
  });
}

/** Every `ws` started and not yet closed: a test that failed or timed out leaves none running into the next. */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
});

/** Starts `ws ...args`; the caller collects. */
export function start(args: readonly string[], env: Env): ChildProcess {
  return track(spawn(process.execPath, [BIN, ...args], { env: env as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"] }));
}

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once("close", () => running.delete(child));
  return child;
}

/** Collects a started process's output and exit. */
export function finish(child: ChildProcess, input?: string): Promise<Result> {
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  if (input !== undefined) child.stdin!.end(input);
  else child.stdin!.end();
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => {
      outputs.push(stdout, stderr);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs `ws ...args` to the end. */
export function ws(args: readonly string[], env: Env, input?: string): Promise<Result> {
  return finish(start(args, env), input);
}

/** Runs `ws ...args`, expects exit 0, and parses standard output as JSON. */
export async function wsJson<T = any>(args: readonly string[], env: Env, input?: string): Promise<T> {
  const result = await ws(args, env, input);
  expect(result.stderr, `ws ${args.join(" ")}`).toBe("");
  expect(result.code, `ws ${args.join(" ")}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout) as T;
}

/** Runs `ws ...args` on a pseudo-terminal (stdout and stderr both the terminal); resolves to what it showed. */
export function wsOnTerminal(args: readonly string[], env: Env): Promise<Result> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(" ");
  const child = track(spawn("script", ["-qec", command, "/dev/null"], { env: { ...env, TERM: "xterm", COLUMNS: "120" } as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"] }));
  return finish(child);
}

/** No secret value appears in any output of this file. */
export function expectNoSecrets(secrets: readonly string[]): void {
  expect(outputs.length).toBeGreaterThan(0);
  for (const out of outputs) for (const secret of secrets) expect(out.includes(secret), `a secret in: ${out.slice(0, 300)}`).toBe(false);
}

/** Waits until `check()` holds (polling every 20 ms, up to `ms`: a guard, below the tests' one-minute budget). */
export async function until(check: () => boolean, ms = 50_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error("timed out waiting for a condition");
    await new Promise((r) => setTimeout(r, 20));
  }
}
