// Waiters and create-once against the emulator, through the packages as users
// call them: ModelArts' states moving with the emulator's clock, transient
// faults on the polls, the state faults; ensureWorkspace of every package that
// offers it under every fault the emulator can inject.
import { createFabricClient } from "@ws/fabric";
import { createInsightClient } from "@ws/insight";
import { createModelArtsClient, NotFoundError, WaiterError } from "@ws/modelarts";
import { createResClient } from "@ws/res";
import { holdTimeouts, manualClock, until, type ManualClock } from "@ws/testkit";
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { startEmulator, type Emulator, type Fault } from "../src/index.js";

// Each test has its own emulator, on a clock that moves only when the test moves it:
// ModelArts' CREATING and DELETING last a minute of that clock, so a state changes at a
// step of the test (the waiter's polls), never because the machine was slow.
const MINUTE = 60_000;
let emu: Emulator;
let clock: ManualClock;
beforeEach(async () => {
  clock = manualClock();
  emu = await startEmulator({ clock, transitionDelayInMs: MINUTE, createDelayInMs: MINUTE });
});
afterEach(() => emu.close());

const aksk = () => ({ accessKey: emu.credentials.accessKey, secretKey: emu.credentials.secretKey });
const fast = { retryDelayInMs: 1, maxRetryDelayInMs: 5, maxRetryAfterInMs: 5_000 };
const modelarts = () => createModelArtsClient({ endpoint: emu.url, projectId: emu.credentials.projectId, credentials: aksk(), ...fast });
const polls = { maxWaitInMs: 60_000, minDelayInMs: 10, maxDelayInMs: 40 };
/** Polls that move the emulator's clock half a minute each: the state changes at the second. */
const movingPolls = (seen: string[] = []) => ({ ...polls, onPoll: (w: { status?: string }) => (seen.push(w.status!), clock.advance(MINUTE / 2)) });

describe("ModelArts waiters against the emulator", () => {
  it("waits through CREATING (a state no document lists) until NORMAL, reporting progress", async () => {
    const ma = modelarts();
    const ws = await ma.createWorkspace({ name: "team-wait" });
    expect(ws.status).toBe("CREATING");
    const seen: string[] = [];
    const ready = await ma.waitUntilWorkspaceReady(ws.id!, movingPolls(seen));
    expect(ready).toMatchObject({ id: ws.id, status: "NORMAL" });
    expect(seen).toEqual(["CREATING", "CREATING", "NORMAL"]);
  });

  it("two transient failures of the polls (GETs only) are absorbed by the transport", async () => {
    const ma = modelarts();
    const ws = await ma.createWorkspace({ name: "team-flaky" });
    emu.inject({ kind: "unavailable", provider: "modelarts", method: "GET", count: 2 });
    await expect(ma.waitUntilWorkspaceReady(ws.id!, movingPolls())).resolves.toMatchObject({ status: "NORMAL" });
    expect(emu.requests("modelarts")).toBe(1 + 2 + 3); // the create; two refused GETs; three polls
  });

  it("create-failed ends the wait for ready with WaiterError and the service's status_info", async () => {
    const ma = modelarts();
    emu.inject({ kind: "create-failed", provider: "modelarts" });
    const ws = await ma.createWorkspace({ name: "team-doomed" });
    const error = (await ma.waitUntilWorkspaceReady(ws.id!, movingPolls()).catch((e: unknown) => e)) as WaiterError;
    expect(error).toBeInstanceOf(WaiterError);
    expect(error).toMatchObject({ reason: "failure", state: "CREATE_FAILED", statusInfo: expect.stringContaining("Creating the workspace failed") });
  });

  it("waits for a deletion to finish; DELETE_FAILED is a failure", async () => {
    const ma = modelarts();
    const a = await ma.createWorkspace({ name: "team-gone" });
    await ma.waitUntilWorkspaceReady(a.id!, movingPolls());
    await ma.deleteWorkspace(a.id!);
    const seen: string[] = [];
    await expect(ma.waitUntilWorkspaceDeleted(a.id!, movingPolls(seen))).resolves.toBeUndefined();
    expect(seen).toEqual(["DELETING", "DELETING"]); // then gone
    await expect(ma.getWorkspace(a.id!)).rejects.toBeInstanceOf(NotFoundError);

    const b = await ma.createWorkspace({ name: "team-stuck" });
    await ma.waitUntilWorkspaceReady(b.id!, movingPolls());
    emu.inject({ kind: "delete-failed", provider: "modelarts" });
    await ma.deleteWorkspace(b.id!);
    await expect(ma.waitUntilWorkspaceDeleted(b.id!, movingPolls())).rejects.toMatchObject({ name: "WaiterError", reason: "failure", state: "DELETE_FAILED" });
  });

  it("the deadline ends the wait with reason timeout, in the state it was stuck in", async () => {
    // The emulator's clock stands still: the workspace is CREATING for as long as the wait lasts.
    const ma = modelarts();
    const ws = await ma.createWorkspace({ name: "team-slow" });
    const error = await ma.waitUntilWorkspaceReady(ws.id!, { maxWaitInMs: 80, minDelayInMs: 10, maxDelayInMs: 20 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "WaiterError", reason: "timeout", state: "CREATING" });
    // However slow the machine, at least the first poll was made; how many fit in 80 ms is its speed.
    expect((error as WaiterError).polls).toBeGreaterThanOrEqual(1);
    expect((error as WaiterError).waitedInMs).toBeGreaterThanOrEqual(80);
  });
});

// Every fault the emulator can inject into the create, for each package with ensureWorkspace.
const faults: Array<[string, Fault]> = [
  ["throttle", { kind: "throttle", retryAfter: 0 }],
  ["unavailable", { kind: "unavailable" }],
  ["error after processing", { kind: "error" }],
  ["dropped after processing", { kind: "drop" }],
  ["dropped before processing", { kind: "drop", afterProcessing: false }],
  ["malformed 200", { kind: "malformed" }],
  ["slow answer past the timeout", { kind: "delay", delayInMs: 400 }],
];

// The attempt timeout is held (testkit's holdTimeouts): only the slow create's fires, once
// the create has reached the emulator; no other request can time out on a slow machine.
const HELD_TIMEOUT = 4_321;
const held = { ...fast, timeoutInMs: HELD_TIMEOUT };
const packages = {
  res: () => createResClient({ endpoint: emu.url, projectId: emu.credentials.projectId, credentials: aksk(), ...held }),
  insight: () => createInsightClient({ endpoint: emu.url, projectId: emu.credentials.projectId, instanceId: emu.credentials.instanceId, credentials: aksk(), ...held }),
  modelarts: () => createModelArtsClient({ endpoint: emu.url, projectId: emu.credentials.projectId, credentials: aksk(), ...held }),
  fabric: () => createFabricClient({ endpoint: emu.url, projectId: emu.credentials.projectId, credentials: aksk(), ...held }),
};
const bodies = {
  res: { name: "ensure-me", enterprise_project_id: "0" },
  insight: { name: "ensure-me", eps_id: "0" },
  modelarts: { name: "ensure-me" },
  fabric: { name: "ensure-me" },
};
const stored = (provider: string) =>
  Object.entries(emu.workspaces())
    .filter(([key]) => key.startsWith(`${provider}:`))
    .flatMap(([, list]) => list)
    .filter((w) => w.name === "ensure-me");

describe.each(Object.keys(packages) as Array<keyof typeof packages>)("%s ensureWorkspace under every fault", (provider) => {
  const ensure = () => (packages[provider]() as { ensureWorkspace(body: unknown): Promise<{ workspace: { id?: unknown; name?: unknown }; created: boolean }> }).ensureWorkspace(bodies[provider]);

  it.each(faults)("%s: exactly one workspace, and the result names it", async (_, fault) => {
    // The fault hits the create (the lookup before it goes first, unharmed).
    emu.inject({ ...fault, provider, method: "POST" });
    const timeouts = holdTimeouts(HELD_TIMEOUT);
    onTestFinished(() => timeouts.restore());
    const pending = ensure();
    if (fault.kind === "delay") {
      // The lookup, then the create: once the create is at the emulator (answering in 400 ms), it times out.
      await until(() => emu.requests(provider) >= 2 && timeouts.pending > 0, "the create");
      timeouts.fire();
    }
    const result = await pending;
    const all = stored(provider);
    expect(all).toHaveLength(1);
    expect(String(result.workspace.id)).toBe(String(all[0]!.id));
    expect(result.workspace.name).toBe("ensure-me");
    expect(result.created).toBe(true);
  });

  it("an existing workspace is returned as it is, nothing created", async () => {
    const first = await ensure();
    const second = await ensure();
    expect(second).toEqual({ workspace: expect.objectContaining({ name: "ensure-me" }), created: false });
    expect(String(second.workspace.id)).toBe(String(first.workspace.id));
    expect(stored(provider)).toHaveLength(1);
  });

  it("a lookup failing once is retried", async () => {
    emu.inject({ kind: "unavailable", provider, method: "GET" });
    await ensure();
    expect(stored(provider)).toHaveLength(1);
  });
});
