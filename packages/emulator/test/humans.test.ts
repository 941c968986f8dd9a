// The emulator for people and scripts: fixed credentials from a seed or an
// accounts file, `--print-env` for a second terminal, ready-made client options
// (the README's IAM example as written), and CORS for browser apps and tests.
import { createInsightClient } from "@ws/insight";
import { createModelArtsClient } from "@ws/modelarts";
import { createTrueWatchClient } from "@ws/truewatch";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "../src/index.js";

const started: Emulator[] = [];
async function emulator(options: Parameters<typeof startEmulator>[0] = {}) {
  const emu = await startEmulator(options);
  started.push(emu);
  return emu;
}
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(started.splice(0).map((e) => e.close()));
});

describe("fixed credentials", () => {
  it("the same seed gives the same account every run; another seed another", async () => {
    const [a, b, c] = await Promise.all([emulator({ seed: "demo" }), emulator({ seed: "demo" }), emulator({ seed: "other" })]);
    expect(a.credentials).toEqual(b.credentials);
    expect(c.credentials.accessKey).not.toBe(a.credentials.accessKey);
    expect(a.credentials.accessKey).toMatch(/^[A-Z0-9]{20}$/);
    expect(a.credentials.projectId).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("ready-made client options", () => {
  it("AK/SK for each package, and the API key for TrueWatch", async () => {
    const emu = await emulator();
    await expect(createModelArtsClient(emu.clientOptions.modelarts).createWorkspace({ name: "ready" })).resolves.toMatchObject({ name: "ready" });
    await expect(createInsightClient(emu.clientOptions.insight).createWorkspace({ name: "ready", eps_id: "0" })).resolves.toMatchObject({ name: "ready" });
    await expect(createTrueWatchClient(emu.clientOptions.truewatch).getWorkspace()).resolves.toMatchObject({ uuid: expect.stringMatching(/^wksp_/) });
  });

  it("IAM password credentials with the IAM endpoint: a token from the emulator's IAM", async () => {
    const emu = await emulator();
    await expect(createModelArtsClient(emu.iamClientOptions.modelarts).createWorkspace({ name: "via-iam" })).resolves.toMatchObject({ name: "via-iam" });
    expect(emu.requests("iam")).toBe(1);
  });

  it("env(): a client created with only a region finds everything", async () => {
    const emu = await emulator();
    for (const [name, value] of Object.entries(emu.env())) vi.stubEnv(name, value);
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", path.join(os.tmpdir(), "ws-no-such-file"));
    await expect(createModelArtsClient({ region: "cn-north-4" }).createWorkspace({ name: "from-env" })).resolves.toMatchObject({ name: "from-env" });
    await expect(createInsightClient({ region: "cn-north-4", instanceId: process.env.WS_INSIGHT_INSTANCE_ID! }).listWorkspaces().next()).resolves.toMatchObject({ done: true });
  });
});

describe("ws-emulator", () => {
  const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
  const run = (args: string[]) =>
    new Promise<{ stdout: string; child: ReturnType<typeof spawn> }>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
      child.stdout!.once("data", (d) => resolve({ stdout: String(d), child }));
      child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
    });

  it("--print-env prints export lines a shell can source, with the --seed credentials, and serves there", async () => {
    const { stdout, child } = await run(["--print-env", "--seed", "demo"]);
    try {
      const env: Record<string, string> = Object.fromEntries([...stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1]!, m[2]!]));
      const seeded = await emulator({ seed: "demo" });
      expect(env.HUAWEICLOUD_SDK_AK).toBe(seeded.credentials.accessKey);
      expect(env.TRUEWATCH_API_KEY).toBe(seeded.credentials.apiKey);
      expect(Object.keys(env)).toEqual(expect.arrayContaining(["WS_ENDPOINT", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_PROJECT_ID", "HUAWEICLOUD_SDK_IAM_ENDPOINT", "HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4", "WS_INSIGHT_INSTANCE_ID"]));
      for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
      vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", path.join(os.tmpdir(), "ws-no-such-file"));
      await expect(createModelArtsClient({ region: "cn-north-4" }).createWorkspace({ name: "second-terminal" })).resolves.toMatchObject({ name: "second-terminal" });
    } finally {
      child.kill();
    }
  });

  it("--accounts takes the accounts from a JSON file", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ws-acc-")), "accounts.json");
    fs.writeFileSync(file, JSON.stringify([{ accessKey: "FIXEDACCESSKEY000001", secretKey: "fixed-secret-key-0123456789", projectId: "0123456789abcdef0123456789abcdef" }]));
    const { stdout, child } = await run(["--print-env", "--accounts", file]);
    child.kill();
    expect(stdout).toContain("export HUAWEICLOUD_SDK_AK='FIXEDACCESSKEY000001'");
    expect(stdout).toContain("export HUAWEICLOUD_SDK_PROJECT_ID='0123456789abcdef0123456789abcdef'");
  });
});

describe("CORS, for browser apps and tests", () => {
  it("answers preflights with what was asked, and lets browsers read the answers and their request id", async () => {
    const emu = await emulator();
    const pre = await fetch(`${emu.url}/v1/${emu.credentials.projectId}/workspaces`, {
      method: "OPTIONS",
      headers: { Origin: "http://app.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type, x-sdk-date, authorization, x-project-id" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-methods")).toContain("POST");
    expect(pre.headers.get("access-control-allow-headers")).toBe("content-type, x-sdk-date, authorization, x-project-id");
    const answer = await fetch(`${emu.url}/v1/nothing`, { headers: { Origin: "http://app.example" } });
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("access-control-expose-headers")).toContain("X-Request-Id");
  });
});
