// Create-once under concurrency, against the emulator: several ensureWorkspace
// calls with the same name at the same time all resolve to the one workspace
// (exactly one of them created it), on services whose "name taken" answer has
// no documented code (ModelArts, DataArts Fabric).
import { createFabricClient } from "@ws/fabric";
import { createModelArtsClient } from "@ws/modelarts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../src/index.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ transitionDelayInMs: 0 });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const fast = { retryDelayInMs: 1, maxRetryDelayInMs: 5, timeoutInMs: 5_000 };
const CALLS = 5;

const clients = {
  modelarts: () => createModelArtsClient({ ...emu.clientOptions.modelarts, ...fast }),
  fabric: () => createFabricClient({ ...emu.clientOptions.fabric, ...fast }),
};

describe.each(Object.keys(clients) as Array<keyof typeof clients>)("%s: concurrent ensureWorkspace with one name", (provider) => {
  it(`${CALLS} calls at once all resolve to the same workspace; exactly one created it`, async () => {
    const name = `${provider}-race-${Date.now().toString(36)}`;
    // One client per caller, as separate processes would be.
    const results = await Promise.allSettled(Array.from({ length: CALLS }, () => clients[provider]().ensureWorkspace({ name })));
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const values = results.map((r) => (r as PromiseFulfilledResult<{ workspace: { id?: unknown; name?: unknown }; created: boolean }>).value);
    expect(values.filter((v) => v.created)).toHaveLength(1);
    expect(new Set(values.map((v) => v.workspace.id)).size).toBe(1);
    expect(values.every((v) => v.workspace.name === name)).toBe(true);
    const stored = Object.values(emu.workspaces()).flat().filter((w) => w.name === name);
    expect(stored).toHaveLength(1);
  });
});
