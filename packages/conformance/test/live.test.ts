// The live runner's guards and helpers, without a cloud: it refuses to run without
// WS_LIVE=1; the plan skips a provider whose settings are missing, with the reason;
// names are unique and dated; the sweep deletes only suite leftovers older than an
// hour; a run that fails a step still deletes what it made, and its table says why.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startEmulator, type Emulator } from "@ws/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { livePlan, optInRefusal } from "../src/live.mjs";
import { createdAt, isLeftover, runName } from "../src/names.mjs";
import { runConformance, table } from "../src/suite.mjs";
import { sweep } from "../src/sweep.mjs";
import { TARGETS } from "../src/targets.mjs";

const runner = fileURLToPath(new URL("../src/live.mjs", import.meta.url));

describe("the opt-in", () => {
  it("pnpm test:live refuses to run without WS_LIVE=1, and says what it would do", () => {
    expect(optInRefusal({})).toMatch(/WS_LIVE=1/);
    expect(optInRefusal({ WS_LIVE: "yes" })).toMatch(/creates and deletes/);
    expect(optInRefusal({ WS_LIVE: "1" })).toBeUndefined();
    const { WS_LIVE: _, ...env } = process.env;
    const refused = spawnSync(process.execPath, [runner], { env, encoding: "utf8" });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/runs only with WS_LIVE=1/);
    expect(spawnSync(process.execPath, [runner, "--check-opt-in"], { env: { ...env, WS_LIVE: "1" } }).status).toBe(0);
  });

  it("plans every provider, skipping with the reason those whose settings are missing", () => {
    expect(livePlan({})).toEqual([
      { provider: "res", options: {} },
      { provider: "insight", skip: expect.stringMatching(/WS_LIVE_INSIGHT_INSTANCE_ID/) },
      { provider: "modelarts", options: {} },
      { provider: "fabric", options: {} },
      { provider: "truewatch", skip: expect.stringMatching(/TRUEWATCH_API_KEY/) },
    ]);
    expect(livePlan({ WS_LIVE_PROVIDERS: "insight,truewatch", WS_LIVE_INSIGHT_INSTANCE_ID: "i-1", TRUEWATCH_API_KEY: "k", TRUEWATCH_SITE: "eu1" })).toEqual([
      { provider: "insight", options: { instanceId: "i-1" } },
      { provider: "truewatch", options: { site: "eu1" } },
    ]);
  });
});

describe("names", () => {
  it("are ws-conformance-<date>-<random>, at most 32 characters, letters, digits and hyphens", () => {
    const at = new Date("2026-12-05T13:21:59Z");
    const name = `${runName(at, () => 0.5)}2`;
    expect(name).toMatch(/^ws-conformance-202612051321-[a-z0-9]{3}2$/);
    expect(name.length).toBeLessThanOrEqual(32);
    expect(createdAt(name)).toEqual(new Date("2026-12-05T13:21:00Z"));
    expect(runName(at, () => 0.1)).not.toBe(runName(at, () => 0.2));
  });

  it("a leftover is a suite name more than an hour old; nothing else is", () => {
    const now = new Date("2026-12-05T15:00:00Z");
    expect(isLeftover("ws-conformance-202612051358-abc1", now)).toBe(true);
    expect(isLeftover("ws-conformance-202612051401-abc1", now)).toBe(false);
    expect(isLeftover("team-a", now)).toBe(false);
    expect(isLeftover("ws-conformance-team", now)).toBe(false);
  });
});

describe("against the emulator", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ transitionDelayInMs: 0 });
  });
  afterAll(() => emu?.close());
  beforeEach(() => emu.reset());
  const stored = (provider: string) => Object.entries(emu.workspaces()).filter(([k]) => k.startsWith(`${provider}:`)).flatMap(([, v]) => v);

  it("the sweep deletes the suite's workspaces older than an hour, and only those", async () => {
    const fabric = TARGETS.fabric.client(emu.clientOptions.fabric);
    for (const name of ["ws-conformance-202001010000-old1", "ws-conformance-209912312359-new1", "team-kept"]) await fabric.createWorkspace({ name });
    const lines = await sweep(TARGETS.fabric, fabric, new Date());
    expect(lines).toEqual([expect.stringMatching(/^fabric: deleted ws-conformance-202001010000-old1 /)]);
    expect(stored("fabric").map((w) => w.name).sort()).toEqual(["team-kept", "ws-conformance-209912312359-new1"]);
    expect(await sweep(TARGETS.truewatch, undefined, new Date())).toEqual([expect.stringMatching(/nothing to sweep/)]);
  });

  it("a run whose step fails still deletes what it made, and its table names the failure", async () => {
    // A description that never reads back as updated: the update step fails.
    const target = { ...TARGETS.modelarts, description: () => "something else" };
    const rows = await runConformance(target, { client: target.client(emu.clientOptions.modelarts), live: true, wait: { maxWaitInMs: 10_000, minDelayInMs: 1, maxDelayInMs: 5 } }, () => 0);
    expect(rows.find((r) => r.operation === "updateWorkspace")).toMatchObject({ result: "failed", note: expect.stringMatching(/after the update/) });
    expect(rows.filter((r) => r.result === "failed")).toHaveLength(1);
    expect(stored("modelarts")).toEqual([]);
    const text = table(rows);
    expect(text.split("\n")[0]).toBe("| provider | operation | result | note | ms |");
    expect(text).toMatch(/\| modelarts \| updateWorkspace \| failed \|/);
  });

  it("cleans up in the end when delete itself fails during the run (the finally of a live run)", async () => {
    const target = TARGETS.fabric;
    const real = target.client(emu.clientOptions.fabric);
    let deletes = 0;
    // The run's own delete fails once; cleanup's go through.
    const client = new Proxy(real, {
      get: (object, key) => (key === "deleteWorkspace" ? (id: string) => (++deletes === 1 ? Promise.reject(new Error("network down")) : real.deleteWorkspace(id)) : Reflect.get(object, key)),
    });
    const rows = await runConformance(target, { client, live: true, wait: { maxWaitInMs: 1 } });
    expect(rows.find((r) => r.operation === "deleteWorkspace")).toMatchObject({ result: "failed", note: "network down" });
    expect(rows.find((r) => r.operation === "cleanup")).toBeUndefined();
    expect(stored("fabric")).toEqual([]);
  });

  it("live, TrueWatch creates nothing it could not delete: create is skipped with the reason", async () => {
    const target = TARGETS.truewatch;
    const rows = await runConformance(target, { client: target.client(emu.clientOptions.truewatch), live: true, wait: { maxWaitInMs: 1 } });
    expect(rows.find((r) => r.operation === "createWorkspace")).toMatchObject({ result: "skipped", note: expect.stringMatching(/no delete/) });
    expect(rows.find((r) => r.operation === "updateWorkspace")?.result).toBe("passed");
  });
});
